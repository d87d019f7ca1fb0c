#pragma once
// The one JSON form of a product's rating summary: GET /api/v1/summaries and
// the static export's summaries.json both write it, so a <vouch-stars> badge
// reads the same members (count, average_tenths, ...) from a server or a CDN.

#include <string>

#include "http_util.hpp"
#include "vouch/summary.hpp"

namespace vouch::server {

// {"product", "count", "average", "average_tenths", "histogram",
//  "histogram_percent", "recommend_percent" (null without recommendations)}
json summary_json(const std::string& product_id, const Summary& summary);

}  // namespace vouch::server
