// Parity, native side, for questions and answers: the verdicts for
// tests/fixtures/questions.json must equal tests/fixtures/questions.expected.json,
// which tests/node/qa.test.mjs also checks against the wasm Q&A module.
// Regenerate after a deliberate change with
//   VOUCH_UPDATE_GOLDEN=1 ./build/native/vouch_core_tests "[qa-golden]"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "golden_cases.hpp"
#include "qa_api.hpp"
#include "shared_data.hpp"

using nlohmann::json;

using vouch_test::golden::case_text;
using vouch_test::golden::optional_json;
using vouch_test::golden::text_of;

TEST_CASE("golden: native verdicts for the question/answer fixture", "[qa][qa-golden]") {
  const std::string expected_path =
      vouch_test::source_path("tests/fixtures/questions.expected.json");
  const std::string fixture_text =
      vouch_test::read_file(vouch_test::source_path("tests/fixtures/questions.json"));
  const json fixture = json::parse(fixture_text.begin(), fixture_text.end(), nullptr, false);
  REQUIRE(fixture.is_object());
  const json& cases = *fixture.find("cases");
  REQUIRE(cases.size() >= 40);
  json actual = json::object();
  std::set<std::string> codes;
  for (const json& c : cases) {
    const std::string name = text_of(c, "name");
    REQUIRE(actual.count(name) == 0);
    const std::string kind = text_of(c, "kind");
    REQUIRE((kind == "question" || kind == "answer"));
    const auto validate = kind == "question" ? vouch::facade::validate_question_text
                                             : vouch::facade::validate_answer_text;
    actual[name] = json::parse(validate(case_text(c), optional_json(c, "policy"),
                                        optional_json(c, "context"), text_of(c, "locale")));
    for (const json& e : actual[name]["errors"]) codes.insert(text_of(e, "code"));
    for (const json& f : actual[name]["flags"]) codes.insert(text_of(f, "code"));
  }
  for (const char* code :
       {"required",       "wrong_type",     "too_short",      "too_long",
        "bidi_control",   "impersonation",  "invalid_email",  "links_not_allowed",
        "invalid_utf8",   "invalid_json",   "invalid_policy", "invalid_context",
        "contains_link",  "contains_email", "contains_phone", "repeated_characters",
        "repeated_words", "shouting",       "profanity",      "honeypot",
        "too_fast",       "near_duplicate"}) {
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
    INFO("case " << it.key() << "\nactual:   " << it.value().dump());
    const auto found = expected.find(it.key());
    CHECK(found != expected.end());
    if (found != expected.end()) CHECK(*found == it.value());
  }
}
