// Review analytics (issue 16): every figure of every panel against a
// brute-force re-implementation on random review sets (fixed seeds), in UTC
// and in Europe/Berlin (DST), plus the edge cases by hand: empty range, one
// review, ties for medians, ISO weeks across a year boundary, a DST change.
// The brute force is deliberately naive: one full scan of all reviews per
// figure, weekdays counted from a known Monday, ISO weeks from January 4th.

#include "vouch/analytics.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <set>

using namespace vouch;
using namespace vouch::analytics;

namespace {

constexpr const char* kBerlin = "CET-1CEST,M3.5.0,M10.5.0/3";

clock::PosixZone berlin() {
  auto rule = clock::parse_posix_tz(kBerlin);
  REQUIRE(rule.ok());
  return clock::PosixZone(rule.value());
}

std::int64_t day_of(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

// ---- brute force -------------------------------------------------------------
std::int64_t brute_local_day(UnixSeconds t, const clock::ZoneOffsets& zone) {
  std::int64_t local = t + zone.utc_offset_at(t);
  // A rough guess, then whole days until [day, day + 1) holds the local time.
  std::int64_t day = local / 86400;
  while (local >= 86400 * (day + 1)) ++day;
  while (local < 86400 * day) --day;
  return day;
}

std::int64_t brute_monday(std::int64_t day) {
  const std::int64_t known_monday = day_of(1970, 1, 5);
  while (((day - known_monday) % 7 + 7) % 7 != 0) --day;
  return day;
}

std::string brute_label(std::int64_t day, Period period) {
  char text[32];
  if (period == Period::Month) {
    const CivilDate d = civil_from_days(day);
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(d.year), d.month);
    return text;
  }
  const std::int64_t monday = brute_monday(day);
  const int y = static_cast<int>(civil_from_days(monday + 3).year);
  // Week 1 is the week with January 4th.
  const std::int64_t week1 = brute_monday(day_of(y, 1, 4));
  std::snprintf(text, sizeof text, "%04d-W%02d", y, static_cast<int>((monday - week1) / 7 + 1));
  return text;
}

std::int64_t brute_period_start(std::int64_t day, Period period) {
  if (period == Period::Week) return brute_monday(day);
  while (civil_from_days(day).day != 1) --day;
  return day;
}

std::optional<std::int64_t> brute_rank(std::vector<std::int64_t> v, double p) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()) - 1e-9));
  return v[std::max<std::size_t>(rank, 1) - 1];
}

std::optional<double> brute_ratio(double a, double b) {
  if (b == 0) return std::nullopt;
  return a / b;
}

void same(const std::optional<double>& a, const std::optional<double>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (a) CHECK(*a == Approx(*b));
}

// ---- random stores -------------------------------------------------------------
std::vector<ReviewRecord> random_reviews(unsigned seed, std::size_t n, UnixSeconds from,
                                         UnixSeconds to) {
  std::mt19937 rng(seed);
  const std::vector<std::string> tags = {"quality", "delivery", "size", "service", "price"};
  const std::vector<std::string> staff = {"ana", "ben", ""};
  std::vector<ReviewRecord> out;
  for (std::size_t i = 0; i < n; ++i) {
    ReviewRecord r;
    r.id = "r" + std::to_string(i);
    r.product_id = "p" + std::to_string(rng() % 4);
    r.rating = 1 + static_cast<int>(rng() % 5);
    r.created = from + static_cast<UnixSeconds>(rng() % static_cast<unsigned>(to - from));
    // Coarse times make ties common (medians over equal values).
    if (rng() % 3 == 0) r.created -= r.created % 3600;
    r.state = static_cast<ReviewState>(rng() % 4);
    for (const std::string& tag : tags)
      if (rng() % 4 == 0) r.tags.push_back(tag);
    if (rng() % 10 == 0 && !r.tags.empty()) r.tags.push_back(r.tags[0]);  // a duplicate
    r.has_photos = rng() % 3 == 0;
    if (rng() % 3 != 0) {
      r.first_reply_at = r.created + static_cast<UnixSeconds>(rng() % 6) * 3600 - 1800;
      r.first_reply_by = staff[rng() % staff.size()];
    }
    if (rng() % 4 != 0) r.due_at = r.created + 3 * 3600;
    if (rng() % 2 == 0) r.decided_at = r.created + static_cast<UnixSeconds>(rng() % 5) * 600;
    out.push_back(std::move(r));
  }
  return out;
}

struct BruteRange {
  std::vector<std::int64_t> periods;  // start days
  std::int64_t first, last;
};

BruteRange brute_periods(const Query& q, Period period) {
  BruteRange r;
  r.first = day_of(static_cast<int>(q.from.year), q.from.month, q.from.day);
  r.last = day_of(static_cast<int>(q.to.year), q.to.month, q.to.day);
  for (std::int64_t d = r.first; d <= r.last; ++d) {
    const std::int64_t start = brute_period_start(d, period);
    if (r.periods.empty() || r.periods.back() != start) r.periods.push_back(start);
  }
  return r;
}

void check_against_brute(const std::vector<ReviewRecord>& reviews, const Query& q,
                         const clock::ZoneOffsets& zone) {
  const Analytics a = compute(reviews, q, zone);
  const BruteRange range = brute_periods(q, q.period);
  const auto in_range = [&](const ReviewRecord& r) {
    const std::int64_t d = brute_local_day(r.created, zone);
    return d >= range.first && d <= range.last && (!q.product || r.product_id == *q.product);
  };
  const auto in_period = [&](const ReviewRecord& r, std::int64_t start) {
    return in_range(r) && brute_period_start(brute_local_day(r.created, zone), q.period) == start;
  };
  const auto kept = [&](const ReviewRecord& r) { return r.state != ReviewState::Rejected; };
  const auto has_tag = [](const ReviewRecord& r, const std::string& t) {
    return std::find(r.tags.begin(), r.tags.end(), t) != r.tags.end();
  };

  // trend: store, every period
  REQUIRE(a.trend.store.points.size() == range.periods.size());
  for (std::size_t i = 0; i < range.periods.size(); ++i) {
    const TrendPoint& p = a.trend.store.points[i];
    CHECK(p.period.start_day == range.periods[i]);
    CHECK(p.period.label == brute_label(range.periods[i], q.period));
    std::int64_t count = 0, sum = 0;
    std::array<std::int64_t, 5> stars{};
    for (const ReviewRecord& r : reviews)
      if (kept(r) && in_period(r, range.periods[i])) {
        ++count;
        sum += r.rating;
        ++stars[static_cast<std::size_t>(r.rating - 1)];
      }
    CHECK(p.count == count);
    CHECK(p.stars == stars);
    same(p.average, brute_ratio(static_cast<double>(sum), static_cast<double>(count)));
  }
  // trend: per product, only periods with reviews
  std::set<std::string> products;
  for (const ReviewRecord& r : reviews)
    if (kept(r) && in_range(r)) products.insert(r.product_id);
  REQUIRE(a.trend.products.size() == products.size());
  for (const TrendSeries& s : a.trend.products) {
    REQUIRE(products.count(s.product_id) == 1);
    std::size_t nonempty = 0;
    for (std::int64_t start : range.periods) {
      std::int64_t count = 0;
      for (const ReviewRecord& r : reviews)
        if (kept(r) && r.product_id == s.product_id && in_period(r, start)) ++count;
      if (count == 0) continue;
      REQUIRE(nonempty < s.points.size());
      CHECK(s.points[nonempty].period.start_day == start);
      CHECK(s.points[nonempty].count == count);
      ++nonempty;
    }
    CHECK(s.points.size() == nonempty);
  }

  // tags
  const auto neg = [&](const ReviewRecord& r) { return r.rating <= q.negative_max_rating; };
  const auto pos = [&](const ReviewRecord& r) { return r.rating >= q.positive_min_rating; };
  std::int64_t negatives = 0, positives = 0;
  for (const ReviewRecord& r : reviews)
    if (kept(r) && in_range(r)) negatives += neg(r), positives += pos(r);
  CHECK(a.tags.negative_reviews == negatives);
  CHECK(a.tags.positive_reviews == positives);
  for (const TagShare& t : a.tags.tags) {
    std::int64_t n = 0, p = 0;
    for (const ReviewRecord& r : reviews)
      if (kept(r) && in_range(r) && has_tag(r, t.tag)) n += neg(r), p += pos(r);
    CHECK(t.negative == n);
    CHECK(t.positive == p);
    same(t.negative_share, brute_ratio(static_cast<double>(n), static_cast<double>(negatives)));
    same(t.positive_share, brute_ratio(static_cast<double>(p), static_cast<double>(positives)));
  }
  for (std::size_t i = 1; i < a.tags.tags.size(); ++i)
    CHECK(a.tags.tags[i - 1].negative >= a.tags.tags[i].negative);
  REQUIRE(a.tags.periods.size() == range.periods.size());
  for (std::size_t i = 0; i < range.periods.size(); ++i) {
    const TagPeriod& tp = a.tags.periods[i];
    std::int64_t pn = 0, pp = 0;
    for (const ReviewRecord& r : reviews)
      if (kept(r) && in_period(r, range.periods[i])) pn += neg(r), pp += pos(r);
    CHECK(tp.negative_reviews == pn);
    CHECK(tp.positive_reviews == pp);
    for (const TagShare& t : tp.tags) {
      std::int64_t n = 0, p = 0;
      for (const ReviewRecord& r : reviews)
        if (kept(r) && in_period(r, range.periods[i]) && has_tag(r, t.tag))
          n += neg(r), p += pos(r);
      CHECK(t.negative == n);
      CHECK(t.positive == p);
      CHECK(n + p > 0);
    }
  }

  // products
  REQUIRE(a.products.size() == products.size());
  for (const ProductRow& row : a.products) {
    std::int64_t count = 0, sum = 0, n = 0, photos = 0;
    std::vector<std::int64_t> delays;
    for (const ReviewRecord& r : reviews) {
      if (!kept(r) || !in_range(r) || r.product_id != row.product_id) continue;
      ++count;
      sum += r.rating;
      n += neg(r);
      photos += r.has_photos;
      if (r.first_reply_at)
        delays.push_back(std::max<std::int64_t>(0, *r.first_reply_at - r.created));
    }
    const auto c = static_cast<double>(count);
    CHECK(row.count == count);
    same(row.average, brute_ratio(static_cast<double>(sum), c));
    same(row.negative_share, brute_ratio(static_cast<double>(n), c));
    same(row.photo_share, brute_ratio(static_cast<double>(photos), c));
    same(row.response_rate, brute_ratio(static_cast<double>(delays.size()), c));
    CHECK(row.median_reply_seconds == brute_rank(delays, 0.5));
  }
  for (std::size_t i = 1; i < a.products.size(); ++i)
    CHECK(a.products[i - 1].count >= a.products[i].count);

  // responses
  const auto brute_responses = [&](const std::function<bool(const ReviewRecord&)>& pick,
                                   const ResponseFigures& f) {
    std::int64_t count = 0, with = 0, within = 0;
    std::vector<std::int64_t> delays;
    for (const ReviewRecord& r : reviews) {
      if (!kept(r) || !pick(r)) continue;
      ++count;
      if (r.first_reply_at)
        delays.push_back(std::max<std::int64_t>(0, *r.first_reply_at - r.created));
      if (r.due_at) {
        ++with;
        if (r.first_reply_at && *r.first_reply_at <= *r.due_at) ++within;
      }
    }
    CHECK(f.reviews == count);
    CHECK(f.replied == static_cast<std::int64_t>(delays.size()));
    same(f.reply_rate, brute_ratio(static_cast<double>(delays.size()), static_cast<double>(count)));
    CHECK(f.median_reply_seconds == brute_rank(delays, 0.5));
    CHECK(f.p90_reply_seconds == brute_rank(delays, 0.9));
    CHECK(f.with_target == with);
    CHECK(f.within_target == within);
    same(f.within_target_share,
         brute_ratio(static_cast<double>(within), static_cast<double>(with)));
  };
  brute_responses(in_range, a.responses.total);
  REQUIRE(a.responses.periods.size() == range.periods.size());
  for (std::size_t i = 0; i < range.periods.size(); ++i)
    brute_responses([&](const ReviewRecord& r) { return in_period(r, range.periods[i]); },
                    a.responses.periods[i].figures);
  for (const StaffResponse& s : a.responses.staff) {
    std::vector<std::int64_t> delays;
    for (const ReviewRecord& r : reviews)
      if (kept(r) && in_range(r) && r.first_reply_at && r.first_reply_by == s.name)
        delays.push_back(std::max<std::int64_t>(0, *r.first_reply_at - r.created));
    CHECK_FALSE(s.name.empty());
    CHECK(s.replies == static_cast<std::int64_t>(delays.size()));
    CHECK(s.median_reply_seconds == brute_rank(delays, 0.5));
  }

  // fairness: every state
  for (int stars = 1; stars <= 5; ++stars) {
    const FairnessRow& row = a.fairness[static_cast<std::size_t>(stars - 1)];
    CHECK(row.stars == stars);
    std::int64_t total = 0;
    std::map<ReviewState, std::int64_t> by;
    std::vector<std::int64_t> times;
    for (const ReviewRecord& r : reviews) {
      if (r.rating != stars || !in_range(r)) continue;
      ++total;
      ++by[r.state];
      if (r.decided_at) times.push_back(std::max<std::int64_t>(0, *r.decided_at - r.created));
    }
    const auto t = static_cast<double>(total);
    CHECK(row.total == total);
    CHECK(row.published == by[ReviewState::Published]);
    CHECK(row.rejected == by[ReviewState::Rejected]);
    CHECK(row.hidden == by[ReviewState::Hidden]);
    CHECK(row.pending == by[ReviewState::Pending]);
    same(row.published_rate, brute_ratio(static_cast<double>(by[ReviewState::Published]), t));
    same(row.rejected_rate, brute_ratio(static_cast<double>(by[ReviewState::Rejected]), t));
    same(row.hidden_rate, brute_ratio(static_cast<double>(by[ReviewState::Hidden]), t));
    same(row.pending_rate, brute_ratio(static_cast<double>(by[ReviewState::Pending]), t));
    CHECK(row.decided == static_cast<std::int64_t>(times.size()));
    CHECK(row.median_moderation_seconds == brute_rank(times, 0.5));
  }
}

Query range_query(CivilDate from, CivilDate to, Period period) {
  Query q;
  q.from = from;
  q.to = to;
  q.period = period;
  return q;
}

}  // namespace

TEST_CASE("analytics: every figure equals a brute-force count (UTC and Berlin)", "[analytics]") {
  const clock::FixedOffsetZone utc(0);
  const clock::PosixZone cet = berlin();
  // 2025-12-01 .. 2027-01-31: two year boundaries of ISO weeks, four DST changes.
  const UnixSeconds from = day_of(2025, 12, 1) * 86400, to = day_of(2027, 1, 31) * 86400;
  for (unsigned seed : {1u, 2u, 3u}) {
    const std::vector<ReviewRecord> reviews = random_reviews(seed, 300, from, to);
    for (const clock::ZoneOffsets* zone : {static_cast<const clock::ZoneOffsets*>(&utc),
                                           static_cast<const clock::ZoneOffsets*>(&cet)}) {
      for (Period period : {Period::Week, Period::Month}) {
        INFO("seed " << seed << (period == Period::Week ? " week" : " month"));
        check_against_brute(reviews, range_query({2025, 12, 1}, {2027, 1, 31}, period), *zone);
        check_against_brute(reviews, range_query({2026, 3, 25}, {2026, 4, 3}, period), *zone);
        Query one_product = range_query({2026, 1, 1}, {2026, 12, 31}, period);
        one_product.product = "p2";
        check_against_brute(reviews, one_product, *zone);
      }
    }
  }
}

TEST_CASE("analytics: empty range, a range without reviews, one review", "[analytics]") {
  const clock::FixedOffsetZone utc(0);
  const std::vector<ReviewRecord> reviews =
      random_reviews(7, 50, day_of(2026, 5, 1) * 86400, day_of(2026, 6, 1) * 86400);
  // from > to: nothing at all.
  const Analytics none =
      compute(reviews, range_query({2026, 5, 10}, {2026, 5, 9}, Period::Week), utc);
  CHECK(none.trend.store.points.empty());
  CHECK(none.products.empty());
  CHECK(none.responses.total.reviews == 0);
  CHECK_FALSE(none.responses.total.reply_rate);
  CHECK(none.fairness[0].total == 0);
  CHECK_FALSE(none.fairness[0].published_rate);
  // A range before every review: its periods, all empty.
  const Analytics before =
      compute(reviews, range_query({2026, 1, 1}, {2026, 1, 31}, Period::Month), utc);
  REQUIRE(before.trend.store.points.size() == 1);
  CHECK(before.trend.store.points[0].count == 0);
  CHECK_FALSE(before.trend.store.points[0].average);
  CHECK(before.tags.tags.empty());
  check_against_brute(reviews, range_query({2026, 1, 1}, {2026, 1, 31}, Period::Month), utc);

  ReviewRecord one;
  one.id = "only";
  one.product_id = "p";
  one.rating = 2;
  one.created = day_of(2026, 5, 5) * 86400 + 3600;
  one.tags = {"delivery"};
  one.first_reply_at = one.created + 7200;
  one.due_at = one.created + 3600;
  one.decided_at = one.created + 60;
  const Analytics a = compute({one}, range_query({2026, 5, 1}, {2026, 5, 31}, Period::Week), utc);
  REQUIRE(a.trend.store.points.size() == 5);  // weeks from Mon 04-27 to Mon 05-25
  CHECK(a.trend.store.points[1].count == 1);
  CHECK(*a.trend.store.points[1].average == 2.0);
  CHECK(a.trend.store.points[1].stars[1] == 1);
  REQUIRE(a.tags.tags.size() == 1);
  CHECK(*a.tags.tags[0].negative_share == 1.0);
  CHECK_FALSE(a.tags.tags[0].positive_share);
  CHECK(*a.responses.total.median_reply_seconds == 7200);
  CHECK(*a.responses.total.p90_reply_seconds == 7200);
  CHECK(a.responses.total.within_target == 0);
  CHECK(*a.responses.total.within_target_share == 0.0);
  CHECK(*a.fairness[1].published_rate == 1.0);
  CHECK(*a.fairness[1].median_moderation_seconds == 60);
  CHECK(*a.products.at(0).negative_share == 1.0);
}

TEST_CASE("analytics: medians and p90 over ties are nearest-rank", "[analytics]") {
  CHECK(*nearest_rank({20, 10, 20, 10}, 50) == 10);  // rank ceil(2) = 2
  CHECK(*nearest_rank({30, 10, 20}, 50) == 20);      // rank ceil(1.5) = 2
  CHECK(*nearest_rank({5, 5, 5, 9, 9}, 90) == 9);    // rank ceil(4.5) = 5
  CHECK(*nearest_rank({7}, 90) == 7);
  CHECK_FALSE(nearest_rank({}, 50));
  for (unsigned seed = 0; seed < 50; ++seed) {
    std::mt19937 rng(seed);
    std::vector<std::int64_t> v(1 + rng() % 40);
    for (auto& x : v) x = static_cast<std::int64_t>(rng() % 5);  // many ties
    CHECK(nearest_rank(v, 50) == brute_rank(v, 0.5));
    CHECK(nearest_rank(v, 90) == brute_rank(v, 0.9));
  }
}

TEST_CASE("analytics: ISO weeks across a year boundary, months, DST in Berlin", "[analytics]") {
  // 2026-01-01 is a Thursday: its week starts Monday 2025-12-29 and is 2026-W01.
  PeriodKey w = period_of(day_of(2026, 1, 1), Period::Week);
  CHECK(w.start_day == day_of(2025, 12, 29));
  CHECK(w.label == "2026-W01");
  // 2027-01-01 is a Friday: still in 2026-W53 (2026 has 53 ISO weeks).
  w = period_of(day_of(2027, 1, 1), Period::Week);
  CHECK(w.start_day == day_of(2026, 12, 28));
  CHECK(w.label == "2026-W53");
  // 2021-01-03 (Sunday) belongs to 2020-W53.
  CHECK(period_of(day_of(2021, 1, 3), Period::Week).label == "2020-W53");
  CHECK(period_of(day_of(2021, 1, 4), Period::Week).label == "2021-W01");
  CHECK(period_of(day_of(2026, 12, 31), Period::Month).label == "2026-12");
  CHECK(next_period_start(day_of(2026, 12, 1), Period::Month) == day_of(2027, 1, 1));

  const clock::PosixZone cet = berlin();
  const clock::FixedOffsetZone utc(0);
  // 2026-03-29T22:30Z is Monday 00:30 CEST (after the spring change): week 14
  // in Berlin, still Sunday (week 13) in UTC.
  const UnixSeconds spring = day_of(2026, 3, 29) * 86400 + 22 * 3600 + 1800;
  CHECK(local_day(spring, cet) == day_of(2026, 3, 30));
  CHECK(period_of(local_day(spring, cet), Period::Week).label == "2026-W14");
  CHECK(period_of(local_day(spring, utc), Period::Week).label == "2026-W13");
  // 2026-10-25T23:30Z is Monday 00:30 CET (after the autumn change).
  const UnixSeconds autumn = day_of(2026, 10, 25) * 86400 + 23 * 3600 + 1800;
  CHECK(local_day(autumn, cet) == day_of(2026, 10, 26));
  // ... while 22:30Z that day is still Sunday 23:30 CET.
  CHECK(local_day(autumn - 3600, cet) == day_of(2026, 10, 25));

  ReviewRecord r;
  r.id = "dst";
  r.product_id = "p";
  r.rating = 5;
  r.created = spring;
  const Analytics a = compute({r}, range_query({2026, 3, 23}, {2026, 4, 5}, Period::Week), cet);
  REQUIRE(a.trend.store.points.size() == 2);
  CHECK(a.trend.store.points[0].count == 0);
  CHECK(a.trend.store.points[1].count == 1);
  const Analytics in_utc =
      compute({r}, range_query({2026, 3, 23}, {2026, 4, 5}, Period::Week), utc);
  CHECK(in_utc.trend.store.points[0].count == 1);
  // The range's last day is local too: Monday 03-30 is outside a range ending Sunday in Berlin.
  CHECK(
      compute({r}, range_query({2026, 3, 23}, {2026, 3, 29}, Period::Week), cet).products.empty());
}
