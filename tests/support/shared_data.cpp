#include "shared_data.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vouch_test {

namespace {
bool exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}
bool running_in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}
}  // namespace

std::string shared_data(const std::string& relative) {
  const char* override_dir = std::getenv("VOUCH_SHARED_DATA_DIR");
  const std::string dir = override_dir ? override_dir : VOUCH_SHARED_DATA_DIR;
  const std::string path = dir + "/" + relative;
  if (exists(path)) return path;
  if (running_in_ci()) {
    FAIL("shared test data missing under CI=true: " << path);
  }
  WARN("skipped: shared test data not present (" << path << ")");
  return "";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string source_path(const std::string& relative) {
  return std::string(VOUCH_SOURCE_DIR) + "/" + relative;
}

}  // namespace vouch_test
