#pragma once
// The JSON of GET /api/v1/admin/analytics: one member per panel (trend, tags,
// phrases, products, responses, fairness) and the range it covers. Shapes:
// docs/api.md, "Analytics".

#include <string>

#include "http_util.hpp"
#include "vouch/analytics.hpp"

namespace vouch::server::analytics {

// "2026-12-02": a store-local date as the API writes it.
std::string date_text(const CivilDate& date);

json analytics_json(const vouch::analytics::Analytics& panels, const vouch::analytics::Query& query,
                    const std::string& zone_name);

}  // namespace vouch::server::analytics
