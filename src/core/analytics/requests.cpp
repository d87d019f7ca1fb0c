// The review-request funnel (include/vouch/analytics.hpp, RequestsPanel):
// plain records in, counts per period out. Rating-blind by construction: the
// records carry no rating.

#include <algorithm>

#include "vouch/analytics.hpp"

namespace vouch::analytics {

namespace {

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

void finish(RequestFigures& f) {
  f.open_rate = share(f.opened, f.sent);
  f.verified_share = share(f.verified_reviews, f.reviews);
}

}  // namespace

RequestsPanel compute_requests(const std::vector<RequestRecord>& requests,
                               const std::vector<RequestReviewRecord>& reviews, const Query& query,
                               const clock::ZoneOffsets& zone) {
  RequestsPanel out;
  const std::int64_t first = days_from_civil(query.from.year, query.from.month, query.from.day);
  const std::int64_t last = days_from_civil(query.to.year, query.to.month, query.to.day);
  if (first > last) return out;
  for (PeriodKey key = period_of(first, query.period); key.start_day <= last;
       key = period_of(next_period_start(key.start_day, query.period), query.period))
    out.periods.push_back({key, {}});
  // The period holding a local day in the range (the list is sorted by start).
  const auto slot = [&](std::int64_t day) -> RequestFigures* {
    if (day < first || day > last) return nullptr;
    auto it = std::upper_bound(
        out.periods.begin(), out.periods.end(), day,
        [](std::int64_t d, const RequestPeriod& p) { return d < p.period.start_day; });
    return &(it - 1)->figures;
  };
  for (const RequestRecord& r : requests) {
    if (query.product &&
        std::find(r.products.begin(), r.products.end(), *query.product) == r.products.end())
      continue;
    RequestFigures* f = slot(local_day(r.queued_at, zone));
    if (!f) continue;
    for (RequestFigures* g : {f, &out.total}) {
      ++g->sent;
      if (r.clicked) ++g->opened;
    }
  }
  for (const RequestReviewRecord& r : reviews) {
    if (r.state == ReviewState::Rejected) continue;
    if (query.product && r.product_id != *query.product) continue;
    RequestFigures* f = slot(local_day(r.created, zone));
    if (!f) continue;
    for (RequestFigures* g : {f, &out.total}) {
      ++g->reviews;
      if (r.verified) ++g->verified_reviews;
      if (r.from_request) ++g->reviews_from_requests;
    }
  }
  for (RequestPeriod& p : out.periods) finish(p.figures);
  finish(out.total);
  return out;
}

}  // namespace vouch::analytics
