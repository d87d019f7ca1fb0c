// Hostile input for every console parser: random bytes and random mutations of
// valid input (fixed seeds, so a failure reproduces). Under the sanitize build
// this is where an out-of-bounds read would show. The assertions: no crash, and
// what parses renders or runs without breaking its own invariants.

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "system_zone.hpp"
#include "vouch/reply_template.hpp"
#include "vouch/response_clock.hpp"
#include "vouch/triage.hpp"

namespace {

std::string random_bytes(std::mt19937& rng, std::size_t max_len, const std::string& alphabet) {
  std::uniform_int_distribution<std::size_t> len(0, max_len);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string out(len(rng), '\0');
  for (char& c : out) c = alphabet[pick(rng)];
  return out;
}

std::string mutate(std::mt19937& rng, std::string s) {
  std::uniform_int_distribution<int> op(0, 2);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int k = 0; k < 4 && !s.empty(); ++k) {
    std::uniform_int_distribution<std::size_t> at(0, s.size() - 1);
    const std::size_t i = at(rng);
    switch (op(rng)) {
      case 0:
        s[i] = static_cast<char>(byte(rng));
        break;
      case 1:
        s.erase(i, 1);
        break;
      default:
        s.insert(i, 1, static_cast<char>(byte(rng)));
    }
  }
  return s;
}

}  // namespace

TEST_CASE("console hostile: templates and the reply check", "[reply][hostile]") {
  std::mt19937 rng(15);
  const std::string alphabet = "{}{}ab_ \n@+0123456789()-.\xe4\xbd\xa0\xff";
  vouch::reply::ReplyValues values;
  values.reviewer_name = "A B";
  values.product_name = "P";
  values.store_name = "S";
  values.order_id = "1";
  values.review_title = "T";
  values.days_since_review = 1;
  for (int i = 0; i < 3000; ++i) {
    const std::string body = i % 2 ? random_bytes(rng, 80, alphabet)
                                   : mutate(rng, "Hi {reviewer_name}, {{ok}} {order_id}");
    const auto parsed = vouch::reply::parse_template(body);
    for (const auto& e : parsed.errors) {
      CHECK(e.begin <= e.end);
      CHECK(e.end <= body.size());
    }
    if (parsed.ok()) CHECK(vouch::reply::render_template(parsed.parsed, values).ok());
    for (const auto& w : vouch::reply::check_reply(body)) {
      CHECK(w.begin < w.end);
      CHECK(w.end <= body.size());
    }
  }
}

TEST_CASE("console hostile: triage config and text", "[triage][hostile]") {
  std::mt19937 rng(16);
  const std::string config =
      R"({"tags": [{"id": "a", "label": "A", "terms": ["x*", {"text": "质量", "except": ["质量好"]}]}],)"
      R"( "urgent_terms": ["fire"], "high_max_rating": 2})";
  const vouch::triage::Tagger tagger(vouch::triage::default_triage_config());
  for (int i = 0; i < 2000; ++i) {
    const auto parsed = vouch::triage::parse_triage_config(mutate(rng, config));
    if (parsed.ok()) vouch::triage::Tagger custom(parsed.value());
    const std::string text =
        random_bytes(rng, 120, "fit not broken 质量没有坏 '\xe2\x80\x99t.,\xff");
    vouch::triage::ReviewText review;
    review.body = text;
    review.rating = i % 6;
    const auto t = tagger.run(review);
    for (const auto& m : t.evidence) {
      CHECK(m.begin < m.end);
      CHECK(m.end <= text.size());
    }
  }
}

TEST_CASE("console hostile: TZ rules, TZif bytes and clock config", "[clock][hostile]") {
  std::mt19937 rng(17);
  for (int i = 0; i < 3000; ++i) {
    const auto rule = vouch::clock::parse_posix_tz(mutate(rng, "CET-1CEST,M3.5.0,M10.5.0/3"));
    if (rule.ok()) {
      const vouch::clock::PosixZone zone(rule.value());
      const auto offset = zone.utc_offset_at(1798761600);
      CHECK(offset >= -26 * 3600);
      CHECK(offset <= 26 * 3600);
    }
    vouch::clock::parse_clock_config(mutate(
        rng, R"({"business_hours": {"mon": [["09:00", "17:00"]]}, "holidays": ["2026-12-25"]})"));
  }
  std::string tzif;
  {
    std::FILE* f = std::fopen("/usr/share/zoneinfo/America/New_York", "rb");
    REQUIRE(f);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) tzif.append(buf, n);
    std::fclose(f);
  }
  for (int i = 0; i < 3000; ++i) {
    const auto zone = vouch::native::parse_tzif(mutate(rng, tzif));
    if (zone.ok()) {
      const auto offset = zone.value().utc_offset_at(1798761600);
      CHECK(offset >= -26 * 3600);
      CHECK(offset <= 26 * 3600);
    }
  }
}
