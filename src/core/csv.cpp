#include "vouch/csv.hpp"

namespace vouch::csv {

Reader::Reader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // exports from Excel start with a BOM
}

bool Reader::next(Row& row) {
  row.fields.clear();
  if (failed_ || pos_ >= text_.size()) return false;
  row.line = line_;
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field began with a quote
  while (pos_ < text_.size()) {
    const char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || was_quoted) {
        failed_ = true;
        error_ = {"line " + std::to_string(line_), "quote inside an unquoted field"};
        return false;
      }
      quoted = was_quoted = true;
    } else if (c == delimiter_) {
      row.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      row.fields.push_back(std::move(field));
      return true;
    } else {
      if (was_quoted) {
        failed_ = true;
        error_ = {"line " + std::to_string(line_), "text after a closing quote"};
        return false;
      }
      field += c;
    }
  }
  if (quoted) {
    failed_ = true;
    error_ = {"line " + std::to_string(row.line), "quoted field never closed"};
    return false;
  }
  row.fields.push_back(std::move(field));
  return true;
}

Result<std::vector<Row>> read_all(std::string_view text, char delimiter) {
  Reader reader(text, delimiter);
  std::vector<Row> rows;
  Row row;
  while (reader.next(row)) rows.push_back(row);
  if (reader.error()) return *reader.error();
  return rows;
}

}  // namespace vouch::csv
