#pragma once
// RFC 4180 CSV reading over bytes in memory (no I/O): quoted fields with commas,
// doubled quotes and line breaks inside, CRLF or LF, a UTF-8 byte-order mark at
// the start. Used by the importer (review-app exports) and by tests.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/status.hpp"

namespace vouch::csv {

struct Row {
  std::size_t line = 0;  // 1-based line where the record starts (for error reports)
  std::vector<std::string> fields;
};

// Reads records one at a time, so a 100 MB export need not be held twice.
class Reader {
 public:
  explicit Reader(std::string_view text, char delimiter = ',');

  // The next record, false at the end. On malformed input (a quote inside an
  // unquoted field, an unterminated quoted field) returns false and error()
  // says where and why.
  bool next(Row& row);
  const Error* error() const { return failed_ ? &error_ : nullptr; }

 private:
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool failed_ = false;
  Error error_;
};

// Every record at once (small files and tests).
Result<std::vector<Row>> read_all(std::string_view text, char delimiter = ',');

}  // namespace vouch::csv
