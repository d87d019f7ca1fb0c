#pragma once
// The owner's analytics (issue 16): parses the query, loads the range's
// reviews with their inbox rows, tags, photos and first moderation decision
// from SQLite, runs the core (include/vouch/analytics.hpp) and serialises the
// panels. Incremental (docs/console.md, "Analytics: the cache"): every review
// of the store is kept derived in memory (va::Corpus: folded text, phrase
// candidates, tags, first decision), read in full on the first request; after
// that a request asks the database's change log (Database::changes_since) for
// the rowids written to reviews, inbox_items, inbox_tags and audit_log, reads
// only those reviews again, then aggregates. Answers are kept per query at the
// data version until the next write. Another process committing to the file,
// or more than a few thousand changed reviews, reads everything again. The
// `requests` member (review-request funnel) is not in the incremental set: its
// rows (review_requests by queued_at, the range's reviews with their
// verified_orders link) are read for each answer computed.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "vouch/analytics.hpp"

namespace vouch::server::analytics {

struct ReportParams {
  std::optional<std::string> from, to, product, period;  // raw query parameters
};

// 400 invalid_parameter naming the parameter: from/to not YYYY-MM-DD or not a
// calendar date, from > to, a range over 3660 days, product not an id
// (1..200 bytes), period not week|month. Defaults: to = today in the store's
// zone, from = to - 89 days, period = week.
app::Outcome<vouch::analytics::Query> parse_report_params(const ReportParams& params,
                                                          std::int64_t now,
                                                          const clock::ZoneOffsets& zone,
                                                          int negative_max_rating);

// The JSON body (shared, cached), computed or from the cache.
app::Outcome<std::shared_ptr<const std::string>> analytics_report(App& app,
                                                                  const ReportParams& params);

}  // namespace vouch::server::analytics
