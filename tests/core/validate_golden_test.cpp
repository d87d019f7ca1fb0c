// Parity, native side: the verdicts for tests/fixtures/submissions.json must
// equal tests/fixtures/submissions.expected.json, which tests/node/validate.test.mjs
// also checks against the wasm build. Regenerate after a deliberate change with
//   VOUCH_UPDATE_GOLDEN=1 ./build/native/vouch_core_tests "[golden]"
// and review the diff.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "golden_cases.hpp"
#include "shared_data.hpp"
#include "validate_api.hpp"

using nlohmann::json;

using vouch_test::golden::case_text;
using vouch_test::golden::optional_json;
using vouch_test::golden::text_of;

TEST_CASE("golden: native verdicts for the shared submission fixture", "[validate][golden]") {
  const std::string fixture_path = vouch_test::source_path("tests/fixtures/submissions.json");
  const std::string expected_path =
      vouch_test::source_path("tests/fixtures/submissions.expected.json");
  const std::string fixture_text = vouch_test::read_file(fixture_path);
  const json fixture = json::parse(fixture_text.begin(), fixture_text.end(), nullptr, false);
  REQUIRE(fixture.is_object());
  REQUIRE(fixture.contains("cases"));
  const json& cases = *fixture.find("cases");
  REQUIRE(cases.is_array());
  REQUIRE(cases.size() >= 50);

  json actual = json::object();
  std::set<std::string> codes;
  for (const json& c : cases) {
    const std::string name = text_of(c, "name");
    REQUIRE(actual.count(name) == 0);  // names are unique
    const std::string verdict =
        vouch::facade::validate_submission(case_text(c), optional_json(c, "policy"),
                                           optional_json(c, "context"), text_of(c, "locale"));
    actual[name] = json::parse(verdict);
    for (const json& e : actual[name]["errors"]) codes.insert(text_of(e, "code"));
    for (const json& f : actual[name]["flags"]) codes.insert(text_of(f, "code"));
  }
  // The fixture exercises every code the validator can produce.
  for (const char* code : {"required",          "wrong_type",
                           "too_short",         "too_long",
                           "out_of_range",      "unknown_aspect",
                           "bidi_control",      "impersonation",
                           "invalid_email",     "invalid_language",
                           "links_not_allowed", "too_many_photos",
                           "photo_type",        "photo_too_large",
                           "invalid_utf8",      "invalid_json",
                           "invalid_policy",    "invalid_context",
                           "contains_link",     "contains_email",
                           "contains_phone",    "repeated_characters",
                           "repeated_words",    "shouting",
                           "profanity",         "honeypot",
                           "too_fast",          "near_duplicate"}) {
    INFO(code);
    CHECK(codes.count(code) == 1);
  }

  const char* update = std::getenv("VOUCH_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream out(expected_path, std::ios::binary);
    out << actual.dump(1, ' ', false, json::error_handler_t::replace) << "\n";
    WARN("rewrote " << expected_path);
    return;
  }
  const std::string expected_text = vouch_test::read_file(expected_path);
  const json expected = json::parse(expected_text.begin(), expected_text.end(), nullptr, false);
  REQUIRE(expected.is_object());
  CHECK(expected.size() == actual.size());
  for (auto it = actual.begin(); it != actual.end(); ++it) {
    INFO("case " << it.key() << "\nactual:   " << it.value().dump() << "\nexpected: "
                 << (expected.contains(it.key()) ? expected.find(it.key())->dump() : "<missing>"));
    const auto found = expected.find(it.key());
    CHECK(found != expected.end());
    if (found != expected.end()) CHECK(*found == it.value());
  }
}
