// The numeric panels of review analytics (trend, tags, products, responses,
// fairness); phrases are in phrases.cpp. One pass selects the reviews of the
// range, then each panel is a plain aggregation over them.

#include "vouch/analytics.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "derived.hpp"

namespace vouch::analytics {

namespace {

std::int64_t floor_mod(std::int64_t a, std::int64_t m) {
  const std::int64_t r = a % m;
  return r < 0 ? r + m : r;
}

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// A reply stamped before the review (an imported reply) counts as instant.
std::int64_t reply_delay(const ReviewRecord& r) {
  return std::max<std::int64_t>(0, *r.first_reply_at - r.created);
}

struct Selected {
  const ReviewRecord* review;
  const detail::DerivedReview* derived;
  std::int64_t day;    // local day
  std::size_t period;  // index into the period list
};

// The periods covering [first_day, last_day].
std::vector<PeriodKey> periods_between(std::int64_t first_day, std::int64_t last_day,
                                       Period period) {
  std::vector<PeriodKey> out;
  if (first_day > last_day) return out;
  PeriodKey key = period_of(first_day, period);
  while (key.start_day <= last_day) {
    out.push_back(key);
    key = period_of(next_period_start(key.start_day, period), period);
  }
  return out;
}

std::size_t period_index(const std::vector<PeriodKey>& periods, std::int64_t day) {
  auto it = std::upper_bound(periods.begin(), periods.end(), day,
                             [](std::int64_t d, const PeriodKey& k) { return d < k.start_day; });
  return static_cast<std::size_t>(it - periods.begin()) - 1;
}

void add_to_trend(TrendPoint& point, int rating) {
  ++point.count;
  if (rating >= 1 && rating <= 5) ++point.stars[static_cast<std::size_t>(rating - 1)];
}

void finish_trend(TrendPoint& point) {
  std::int64_t sum = 0;
  for (std::size_t s = 0; s < 5; ++s) sum += static_cast<std::int64_t>(s + 1) * point.stars[s];
  point.average = ratio(sum, point.count);
}

ResponseFigures response_figures(const std::vector<const ReviewRecord*>& reviews) {
  ResponseFigures f;
  std::vector<std::int64_t> delays;
  for (const ReviewRecord* r : reviews) {
    ++f.reviews;
    if (r->first_reply_at) delays.push_back(reply_delay(*r));
    if (r->due_at) {
      ++f.with_target;
      if (r->first_reply_at && *r->first_reply_at <= *r->due_at) ++f.within_target;
    }
  }
  f.replied = static_cast<std::int64_t>(delays.size());
  f.reply_rate = ratio(f.replied, f.reviews);
  f.median_reply_seconds = nearest_rank(delays, 50);
  f.p90_reply_seconds = nearest_rank(std::move(delays), 90);
  f.within_target_share = ratio(f.within_target, f.with_target);
  return f;
}

TagShare make_share(const std::string& tag, std::int64_t negative, std::int64_t positive,
                    std::int64_t negative_total, std::int64_t positive_total) {
  TagShare share;
  share.tag = tag;
  share.negative = negative;
  share.positive = positive;
  share.negative_share = ratio(negative, negative_total);
  share.positive_share = ratio(positive, positive_total);
  return share;
}

}  // namespace

std::int64_t local_day(UnixSeconds instant, const clock::ZoneOffsets& zone) {
  return days_from_unix_seconds(instant + zone.utc_offset_at(instant));
}

PeriodKey period_of(std::int64_t day, Period period) {
  PeriodKey key;
  char label[64];
  if (period == Period::Month) {
    const CivilDate date = civil_from_days(day);
    key.start_day = days_from_civil(date.year, date.month, 1);
    std::snprintf(label, sizeof label, "%04lld-%02u", static_cast<long long>(date.year),
                  date.month);
  } else {
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
    key.start_day = day - floor_mod(day + 3, 7);
    // The ISO week-numbering year is the year of the week's Thursday.
    const std::int64_t thursday = key.start_day + 3;
    const std::int64_t year = civil_from_days(thursday).year;
    const std::int64_t week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
    std::snprintf(label, sizeof label, "%04lld-W%02lld", static_cast<long long>(year),
                  static_cast<long long>(week));
  }
  key.label = label;
  return key;
}

std::int64_t next_period_start(std::int64_t start_day, Period period) {
  if (period == Period::Week) return start_day + 7;
  const CivilDate date = civil_from_days(start_day);
  return date.month == 12 ? days_from_civil(date.year + 1, 1, 1)
                          : days_from_civil(date.year, date.month + 1, 1);
}

std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t> values, int percent) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  std::size_t rank = (static_cast<std::size_t>(percent) * values.size() + 99) / 100;  // ceil
  if (rank < 1) rank = 1;
  return values[rank - 1];
}

Analytics compute(const std::vector<ReviewRecord>& reviews, const Query& query,
                  const clock::ZoneOffsets& zone) {
  detail::PhraseKeys keys;
  std::vector<detail::DerivedReview> derived;
  derived.reserve(reviews.size());
  for (const ReviewRecord& r : reviews) derived.push_back(detail::derive(r, keys));
  std::vector<const detail::DerivedReview*> list;
  list.reserve(derived.size());
  for (const detail::DerivedReview& d : derived) list.push_back(&d);
  return detail::aggregate(list, keys, query, zone);
}

namespace detail {

Analytics aggregate(const std::vector<const DerivedReview*>& reviews, const PhraseKeys& keys,
                    const Query& query, const clock::ZoneOffsets& zone) {
  Analytics out;
  for (std::size_t s = 0; s < 5; ++s) out.fairness[s].stars = static_cast<int>(s + 1);
  const std::int64_t first_day = days_from_civil(query.from.year, query.from.month, query.from.day);
  const std::int64_t last_day = days_from_civil(query.to.year, query.to.month, query.to.day);
  const std::vector<PeriodKey> periods = periods_between(first_day, last_day, query.period);

  // The range's reviews, oldest first (examples and ties are then stable).
  std::vector<Selected> all;  // every state (fairness)
  for (const DerivedReview* d : reviews) {
    const ReviewRecord& r = d->record;
    if (query.product && r.product_id != *query.product) continue;
    const std::int64_t day = local_day(r.created, zone);
    if (day < first_day || day > last_day) continue;
    all.push_back({&r, d, day, period_index(periods, day)});
  }
  std::stable_sort(all.begin(), all.end(), [](const Selected& a, const Selected& b) {
    return a.review->created != b.review->created ? a.review->created < b.review->created
                                                  : a.review->id < b.review->id;
  });

  // ---- fairness: every state ----
  std::array<std::vector<std::int64_t>, 5> moderation_times;
  for (const Selected& s : all) {
    const int rating = s.review->rating;
    if (rating < 1 || rating > 5) continue;
    FairnessRow& row = out.fairness[static_cast<std::size_t>(rating - 1)];
    ++row.total;
    switch (s.review->state) {
      case ReviewState::Published:
        ++row.published;
        break;
      case ReviewState::Rejected:
        ++row.rejected;
        break;
      case ReviewState::Hidden:
        ++row.hidden;
        break;
      case ReviewState::Pending:
        ++row.pending;
        break;
    }
    if (s.review->decided_at)
      moderation_times[static_cast<std::size_t>(rating - 1)].push_back(
          std::max<std::int64_t>(0, *s.review->decided_at - s.review->created));
  }
  for (std::size_t i = 0; i < 5; ++i) {
    FairnessRow& row = out.fairness[i];
    row.published_rate = ratio(row.published, row.total);
    row.rejected_rate = ratio(row.rejected, row.total);
    row.hidden_rate = ratio(row.hidden, row.total);
    row.pending_rate = ratio(row.pending, row.total);
    row.decided = static_cast<std::int64_t>(moderation_times[i].size());
    row.median_moderation_seconds = nearest_rank(std::move(moderation_times[i]), 50);
  }

  std::vector<Selected> kept;  // everything else leaves rejected reviews out
  for (const Selected& s : all)
    if (s.review->state != ReviewState::Rejected) kept.push_back(s);
  const auto negative = [&](const ReviewRecord& r) {
    return r.rating <= query.negative_max_rating;
  };
  const auto positive = [&](const ReviewRecord& r) {
    return r.rating >= query.positive_min_rating;
  };

  // ---- trend ----
  for (const PeriodKey& key : periods) out.trend.store.points.push_back({key, 0, {}, {}});
  // Products by interned slot, visited in id order.
  std::vector<std::vector<const DerivedReview*>> per_product(keys.products());
  for (const Selected& s : kept) per_product[s.derived->product].push_back(s.derived);
  std::vector<std::uint32_t> product_order;
  for (std::uint32_t p = 0; p < per_product.size(); ++p)
    if (!per_product[p].empty()) product_order.push_back(p);
  std::sort(product_order.begin(), product_order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return per_product[a].front()->record.product_id < per_product[b].front()->record.product_id;
  });
  for (const Selected& s : kept) add_to_trend(out.trend.store.points[s.period], s.review->rating);
  for (TrendPoint& point : out.trend.store.points) finish_trend(point);
  for (const std::uint32_t p : product_order) {
    std::map<std::size_t, TrendPoint> points;
    for (const DerivedReview* d : per_product[p]) {
      const std::size_t period = period_index(periods, local_day(d->record.created, zone));
      TrendPoint& point = points[period];
      point.period = periods[period];
      add_to_trend(point, d->record.rating);
    }
    TrendSeries series;
    series.product_id = per_product[p].front()->record.product_id;
    for (auto& [index, point] : points) {
      finish_trend(point);
      series.points.push_back(point);
    }
    out.trend.products.push_back(std::move(series));
  }

  // ---- tags ----
  struct TagCount {
    std::int64_t negative = 0, positive = 0;
  };
  std::map<std::string, TagCount> tag_totals;
  std::vector<std::map<std::string, TagCount>> tag_periods(periods.size());
  std::vector<TagPeriod> tag_period_rows(periods.size());
  for (std::size_t i = 0; i < periods.size(); ++i) tag_period_rows[i].period = periods[i];
  for (const Selected& s : kept) {
    const bool neg = negative(*s.review), pos = positive(*s.review);
    if (!neg && !pos) continue;
    (neg ? out.tags.negative_reviews : out.tags.positive_reviews) += 1;
    TagPeriod& row = tag_period_rows[s.period];
    (neg ? row.negative_reviews : row.positive_reviews) += 1;
    for (const std::string& tag : s.review->tags) {  // sorted, unique (derive)
      (neg ? tag_totals[tag].negative : tag_totals[tag].positive) += 1;
      (neg ? tag_periods[s.period][tag].negative : tag_periods[s.period][tag].positive) += 1;
    }
  }
  for (const auto& [tag, c] : tag_totals)
    out.tags.tags.push_back(make_share(tag, c.negative, c.positive, out.tags.negative_reviews,
                                       out.tags.positive_reviews));
  std::stable_sort(out.tags.tags.begin(), out.tags.tags.end(),
                   [](const TagShare& a, const TagShare& b) { return a.negative > b.negative; });
  for (std::size_t i = 0; i < periods.size(); ++i) {
    TagPeriod& row = tag_period_rows[i];
    for (const auto& [tag, c] : tag_periods[i])
      row.tags.push_back(
          make_share(tag, c.negative, c.positive, row.negative_reviews, row.positive_reviews));
    out.tags.periods.push_back(std::move(row));
  }

  // ---- products and phrases ----
  for (const std::uint32_t p : product_order) {
    const std::vector<const DerivedReview*>& list = per_product[p];
    const std::string& id = list.front()->record.product_id;
    ProductRow row;
    row.product_id = id;
    std::int64_t sum = 0, neg = 0, photos = 0;
    std::vector<std::int64_t> delays;
    std::vector<DerivedInput> phrase_input;
    ProductPhrases phrases;
    phrases.product_id = id;
    for (const DerivedReview* d : list) {
      const ReviewRecord* r = &d->record;
      ++row.count;
      sum += r->rating;
      if (negative(*r)) ++neg;
      if (r->has_photos) ++photos;
      if (r->first_reply_at) delays.push_back(reply_delay(*r));
      if (negative(*r)) {
        ++phrases.negative_reviews;
        phrase_input.push_back({d, true});
      } else if (positive(*r)) {
        ++phrases.positive_reviews;
        phrase_input.push_back({d, false});
      }
    }
    row.average = ratio(sum, row.count);
    row.negative_share = ratio(neg, row.count);
    row.photo_share = ratio(photos, row.count);
    row.response_rate = ratio(static_cast<std::int64_t>(delays.size()), row.count);
    row.median_reply_seconds = nearest_rank(std::move(delays), 50);
    out.products.push_back(std::move(row));
    phrases_of(phrase_input, keys, query, phrases.negative, phrases.positive);
    out.phrases.push_back(std::move(phrases));
  }
  std::stable_sort(out.products.begin(), out.products.end(),
                   [](const ProductRow& a, const ProductRow& b) { return a.count > b.count; });

  // ---- responses ----
  std::vector<std::vector<const ReviewRecord*>> per_period(periods.size());
  std::vector<const ReviewRecord*> every;
  std::map<std::string, std::vector<const ReviewRecord*>> per_staff;
  for (const Selected& s : kept) {
    per_period[s.period].push_back(s.review);
    every.push_back(s.review);
    if (s.review->first_reply_at && !s.review->first_reply_by.empty())
      per_staff[s.review->first_reply_by].push_back(s.review);
  }
  out.responses.total = response_figures(every);
  for (std::size_t i = 0; i < periods.size(); ++i)
    out.responses.periods.push_back({periods[i], response_figures(per_period[i])});
  for (const auto& [name, list] : per_staff) {
    const ResponseFigures f = response_figures(list);
    out.responses.staff.push_back({name, f.replied, f.median_reply_seconds, f.within_target});
  }
  return out;
}

}  // namespace detail

}  // namespace vouch::analytics
