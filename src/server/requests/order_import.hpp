#pragma once
// `vouch-server orders import FILE`: past orders from a CSV file (one row per
// order item, docs/review-requests.md "Importing past orders"). Rows with the
// same order_id make one order; each order goes through submit_order, the same
// use case as POST /api/v1/admin/orders (validation, idempotency on order_id,
// scheduling, the max_age_days rule at send time). An order is stored whole or
// not at all; a refused order never stops the others unless `strict`.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "vouch/status.hpp"

namespace vouch::server::requests {

struct OrderImportOptions {
  bool dry_run = false;  // check everything, write nothing
  bool strict = false;   // one refused order: nothing is written
};

struct OrderImportIssue {
  std::size_t line = 0;  // 1-based line where the record starts
  std::string column;    // the CSV column ("" = the whole row or order)
  std::string code;      // required, invalid, too_long, ..., field_count, inconsistent, conflict
  std::string message;   // for people
};

struct OrderImportReport {
  std::size_t rows = 0;       // data rows (the header not counted)
  std::size_t orders = 0;     // distinct order_ids
  std::size_t imported = 0;   // new orders stored (or, with dry_run, that would be)
  std::size_t known = 0;      // the same order was stored already
  std::size_t refused = 0;    // orders refused (each has at least one issue)
  std::size_t scheduled = 0;  // imported orders with a request scheduled
  bool written = false;       // false: dry_run, or strict with a refusal
  std::vector<OrderImportIssue> issues;
};

// The file's columns, in the order `orders import` documents them.
const std::vector<std::string>& order_import_columns();

// Reads `csv` (UTF-8, a header row, RFC 4180 quoting, CRLF or LF, a BOM ok).
// An Error only for a file that cannot be read at all (no header, an unknown
// or missing column, broken quoting): then nothing is written.
Result<OrderImportReport> import_orders(App& app, std::string_view csv,
                                        const OrderImportOptions& options);

}  // namespace vouch::server::requests
