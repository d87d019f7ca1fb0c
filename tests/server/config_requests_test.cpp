// The "requests" member of vouch.json reaches the server (it was accepted and
// then dropped once): its values are read, bad ones are errors naming the member.
#include <catch2/catch.hpp>

#include "config.hpp"

using vouch::server::parse_config;

TEST_CASE("config: the requests member is read, and its errors name the member", "[requests]") {
  auto config = parse_config(
      R"({"requests": {"delay_days": 0, "cap_per_30_days": 20, "owner_email": "o@shop.example"}})",
      ".");
  REQUIRE(config);
  CHECK(config.value().requests.delay_days == 0);
  CHECK(config.value().requests.cap_per_30_days == 20);
  CHECK(config.value().requests.owner_email == "o@shop.example");
  CHECK(config.value().requests.reminders == 1);  // the default, left alone

  auto defaults = parse_config("{}", ".");
  REQUIRE(defaults);
  CHECK(defaults.value().requests.delay_days == 7);

  auto unknown = parse_config(R"({"requests": {"delay_dayz": 1}})", ".");
  REQUIRE(!unknown);
  CHECK(unknown.error().to_string().find("requests.delay_dayz") != std::string::npos);
  auto out_of_range = parse_config(R"({"requests": {"delay_days": 366}})", ".");
  REQUIRE(!out_of_range);
  CHECK(out_of_range.error().to_string().find("requests.delay_days") != std::string::npos);
}
