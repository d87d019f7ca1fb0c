#pragma once
// Reading the cases of a golden fixture (tests/fixtures/*.json) the way the
// Node side does (tests/node/validate.test.mjs, qa.test.mjs), so the native and
// wasm verdicts are taken over the same bytes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace vouch_test::golden {

// A string member of a fixture case (checked: a wrong type must not abort).
inline std::string text_of(const nlohmann::json& c, const char* key) {
  const auto it = c.find(key);
  REQUIRE(it != c.end());
  REQUIRE(it->is_string());
  return it->get_ref<const std::string&>();
}

inline std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

// The bytes a case sends: "raw", else "raw_hex", else "submission" as JSON.
inline std::string case_text(const nlohmann::json& c) {
  if (c.contains("raw")) return text_of(c, "raw");
  if (c.contains("raw_hex")) return from_hex(text_of(c, "raw_hex"));
  REQUIRE(c.contains("submission"));
  return c.find("submission")->dump();
}

// A member as JSON text, "" when the case has none.
inline std::string optional_json(const nlohmann::json& c, const char* key) {
  return c.contains(key) ? c.find(key)->dump() : std::string();
}

}  // namespace vouch_test::golden
