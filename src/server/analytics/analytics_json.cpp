#include "analytics/analytics_json.hpp"

#include <cstdio>

namespace vouch::server::analytics {

namespace {

namespace va = vouch::analytics;

template <class T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::string day_text(std::int64_t day) { return date_text(civil_from_days(day)); }

void put_period(json& out, const va::PeriodKey& key) {
  out["period"] = key.label;
  out["start"] = day_text(key.start_day);
}

json points_json(const std::vector<va::TrendPoint>& points) {
  json list = json::array();
  for (const va::TrendPoint& p : points) {
    json point = json::object();
    put_period(point, p.period);
    point["count"] = p.count;
    point["average"] = or_null(p.average);
    point["stars"] = p.stars;
    list.push_back(std::move(point));
  }
  return list;
}

json tag_json(const va::TagShare& t) {
  return {{"tag", t.tag},
          {"negative", t.negative},
          {"positive", t.positive},
          {"negative_share", or_null(t.negative_share)},
          {"positive_share", or_null(t.positive_share)}};
}

json phrases_json(const std::vector<va::Phrase>& phrases) {
  json list = json::array();
  for (const va::Phrase& p : phrases)
    list.push_back({{"text", p.text},
                    {"folded", p.folded},
                    {"kind", p.characters ? "characters" : "words"},
                    {"count", p.count},
                    {"other_count", p.other_count},
                    {"score", p.score},
                    {"examples", p.examples}});
  return list;
}

void put_figures(json& out, const va::ResponseFigures& f) {
  out["reviews"] = f.reviews;
  out["replied"] = f.replied;
  out["reply_rate"] = or_null(f.reply_rate);
  out["median_reply_seconds"] = or_null(f.median_reply_seconds);
  out["p90_reply_seconds"] = or_null(f.p90_reply_seconds);
  out["with_target"] = f.with_target;
  out["within_target"] = f.within_target;
  out["within_target_share"] = or_null(f.within_target_share);
}

void put_requests(json& out, const va::RequestFigures& f) {
  out["sent"] = f.sent;
  out["opened"] = f.opened;
  out["open_rate"] = or_null(f.open_rate);
  out["reviews_from_requests"] = f.reviews_from_requests;
  out["reviews"] = f.reviews;
  out["verified_reviews"] = f.verified_reviews;
  out["verified_share"] = or_null(f.verified_share);
}

}  // namespace

std::string date_text(const CivilDate& d) {
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(d.year), d.month,
                d.day);
  return text;
}

json analytics_json(const va::Analytics& a, const va::Query& q, const std::string& zone_name) {
  json out = json::object();
  out["range"] = {{"from", date_text(q.from)},
                  {"to", date_text(q.to)},
                  {"period", q.period == va::Period::Week ? "week" : "month"},
                  {"product", q.product ? json(*q.product) : json(nullptr)},
                  {"time_zone", zone_name.empty() ? "UTC" : zone_name},
                  {"negative_max_rating", q.negative_max_rating},
                  {"positive_min_rating", q.positive_min_rating},
                  {"percentile_method", "nearest_rank"}};

  json products_trend = json::array();
  for (const va::TrendSeries& s : a.trend.products)
    products_trend.push_back({{"product_id", s.product_id}, {"points", points_json(s.points)}});
  out["trend"] = {{"store", points_json(a.trend.store.points)}, {"products", products_trend}};

  json tags = json::array();
  for (const va::TagShare& t : a.tags.tags) tags.push_back(tag_json(t));
  json tag_periods = json::array();
  for (const va::TagPeriod& p : a.tags.periods) {
    json row = json::object();
    put_period(row, p.period);
    row["negative_reviews"] = p.negative_reviews;
    row["positive_reviews"] = p.positive_reviews;
    row["tags"] = json::array();
    for (const va::TagShare& t : p.tags) row["tags"].push_back(tag_json(t));
    tag_periods.push_back(std::move(row));
  }
  out["tags"] = {{"negative_reviews", a.tags.negative_reviews},
                 {"positive_reviews", a.tags.positive_reviews},
                 {"tags", tags},
                 {"periods", tag_periods}};

  json phrases = json::array();
  for (const va::ProductPhrases& p : a.phrases)
    phrases.push_back({{"product_id", p.product_id},
                       {"negative_reviews", p.negative_reviews},
                       {"positive_reviews", p.positive_reviews},
                       {"negative", phrases_json(p.negative)},
                       {"positive", phrases_json(p.positive)}});
  out["phrases"] = phrases;

  json products = json::array();
  for (const va::ProductRow& p : a.products)
    products.push_back({{"product_id", p.product_id},
                        {"count", p.count},
                        {"average", or_null(p.average)},
                        {"negative_share", or_null(p.negative_share)},
                        {"photo_share", or_null(p.photo_share)},
                        {"response_rate", or_null(p.response_rate)},
                        {"median_reply_seconds", or_null(p.median_reply_seconds)}});
  out["products"] = products;

  json total = json::object();
  put_figures(total, a.responses.total);
  json periods = json::array();
  for (const va::ResponsePeriod& p : a.responses.periods) {
    json row = json::object();
    put_period(row, p.period);
    put_figures(row, p.figures);
    periods.push_back(std::move(row));
  }
  json staff = json::array();
  for (const va::StaffResponse& s : a.responses.staff)
    staff.push_back({{"name", s.name},
                     {"replies", s.replies},
                     {"median_reply_seconds", or_null(s.median_reply_seconds)},
                     {"within_target", s.within_target}});
  out["responses"] = {{"total", total}, {"periods", periods}, {"staff", staff}};

  json fairness = json::array();
  for (const va::FairnessRow& f : a.fairness)
    fairness.push_back({{"stars", f.stars},
                        {"total", f.total},
                        {"published", f.published},
                        {"rejected", f.rejected},
                        {"hidden", f.hidden},
                        {"pending", f.pending},
                        {"published_rate", or_null(f.published_rate)},
                        {"rejected_rate", or_null(f.rejected_rate)},
                        {"hidden_rate", or_null(f.hidden_rate)},
                        {"pending_rate", or_null(f.pending_rate)},
                        {"decided", f.decided},
                        {"median_moderation_seconds", or_null(f.median_moderation_seconds)}});
  out["fairness"] = fairness;

  json request_total = json::object();
  put_requests(request_total, a.requests.total);
  json request_periods = json::array();
  for (const va::RequestPeriod& p : a.requests.periods) {
    json row = json::object();
    put_period(row, p.period);
    put_requests(row, p.figures);
    request_periods.push_back(std::move(row));
  }
  out["requests"] = {{"total", request_total}, {"periods", request_periods}};
  return out;
}

}  // namespace vouch::server::analytics
