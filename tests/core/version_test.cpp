#include "vouch/version.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "widget_api.hpp"

TEST_CASE("version is the CMake project version, also through the façade") {
  const std::string version = vouch::version();
  REQUIRE(version == VOUCH_VERSION);
  REQUIRE(version.find('.') != std::string::npos);
  REQUIRE(vouch::facade::core_version() == version);
}
