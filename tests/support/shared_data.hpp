#pragma once
// Third-party corpora live in ../shared/data beside the clone: present in CI and
// on developer machines, absent in a user's clone.

#include <string>

namespace vouch_test {

// Full path of `relative` under the shared data folder, or "" when the folder is
// absent: then the test prints a one-line notice and should return (skip), and
// under CI=true the absence is a test failure.
std::string shared_data(const std::string& relative);

// The whole file as bytes ("" with a failed check when unreadable).
std::string read_file(const std::string& path);

// Path of a file in this repository (fixtures under tests/).
std::string source_path(const std::string& relative);

}  // namespace vouch_test

// Declares `var` as the path of a shared file, or skips the rest of the test.
#define VOUCH_SHARED_DATA_OR_SKIP(var, relative)             \
  const std::string var = vouch_test::shared_data(relative); \
  if (var.empty()) return
