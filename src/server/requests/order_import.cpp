#include "requests/order_import.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "requests/orders.hpp"
#include "vouch/csv.hpp"

namespace vouch::server::requests {

namespace {

// Column -> where parse_order looks for it in the API's JSON shape.
struct Column {
  const char* name;
  bool required;
  bool per_item;      // differs per row of one order (the product columns)
  const char* field;  // parse_order's field name ("items[i]." prefixed when per_item)
};

constexpr Column kColumns[] = {
    {"order_id", true, false, "order_id"},
    {"fulfilled_at", true, false, "fulfilled_at"},
    {"customer_name", false, false, "customer.name"},
    {"customer_email", true, false, "customer.email"},
    {"customer_locale", false, false, "customer.locale"},
    {"product", true, true, "product"},
    {"product_name", true, true, "name"},
    {"product_url", true, true, "url"},
    {"product_image", false, true, "image"},
};
constexpr std::size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

struct PendingOrder {
  std::string order_id;
  std::vector<const csv::Row*> rows;
  bool refused = false;  // a row of it could not be read
};

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 12 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The column (by parse_order's field) and the line an issue belongs to.
OrderImportIssue locate(const OrderIssue& issue, const PendingOrder& order) {
  OrderImportIssue out{order.rows.front()->line, "", issue.code, issue.message};
  const std::string& field = issue.field;
  if (field.rfind("items[", 0) == 0) {
    const std::size_t close = field.find(']');
    std::size_t index = 0;
    if (close != std::string::npos) index = std::stoul(field.substr(6, close - 6));
    if (index < order.rows.size()) out.line = order.rows[index]->line;
    const std::string member = close == std::string::npos || close + 2 > field.size()
                                   ? std::string()
                                   : field.substr(close + 2);
    for (const Column& column : kColumns)
      if (column.per_item && member == column.field) out.column = column.name;
    return out;
  }
  for (const Column& column : kColumns)
    if (!column.per_item && field == column.field) out.column = column.name;
  return out;
}

// The API's JSON body for one order's rows (the first row holds the order's
// own columns; every later row must repeat them unchanged).
json order_body(const PendingOrder& order, const std::vector<int>& index,
                std::vector<OrderImportIssue>& issues) {
  const csv::Row& first = *order.rows.front();
  auto cell = [&](const csv::Row& row, std::size_t column) -> const std::string* {
    return index[column] < 0 ? nullptr : &row.fields[static_cast<std::size_t>(index[column])];
  };
  json body = json::object();
  json customer = json::object();
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    const Column& column = kColumns[c];
    if (column.per_item) continue;
    const std::string* value = cell(first, c);
    for (const csv::Row* row : order.rows) {
      const std::string* other = cell(*row, c);
      if (other && value && *other != *value)
        issues.push_back({row->line, column.name, "inconsistent",
                          std::string(column.name) + " differs from line " +
                              std::to_string(first.line) +
                              " (the rows of one order share its order and customer columns)"});
    }
    if (!value || (value->empty() && !column.required)) continue;
    const std::string field = column.field;
    if (field == "fulfilled_at")
      body["fulfilled_at"] = all_digits(*value) ? json(std::stoll(*value)) : json(*value);
    else if (field.rfind("customer.", 0) == 0)
      customer[field.substr(9)] = *value;
    else
      body[field] = *value;
  }
  body["customer"] = customer;
  json items = json::array();
  for (const csv::Row* row : order.rows) {
    json item = json::object();
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      const std::string* value = cell(*row, c);
      if (!kColumns[c].per_item || !value || (value->empty() && !kColumns[c].required)) continue;
      item[kColumns[c].field] = *value;
    }
    items.push_back(item);
  }
  body["items"] = items;
  return body;
}

}  // namespace

const std::vector<std::string>& order_import_columns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Column& column : kColumns) out.emplace_back(column.name);
    return out;
  }();
  return names;
}

Result<OrderImportReport> import_orders(App& app, std::string_view text,
                                        const OrderImportOptions& options) {
  Result<std::vector<csv::Row>> read = csv::read_all(text);
  if (!read) return read.error();
  std::vector<csv::Row>& rows = read.value();
  // A final line break makes no empty record; blank lines in between are skipped too.
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const csv::Row& row) {
                              return row.fields.size() == 1 && row.fields[0].empty();
                            }),
             rows.end());
  if (rows.empty()) return Error{"line 1", "the file is empty: a header row is required"};

  // The header: every column known, each once, the required ones present.
  const csv::Row& header = rows.front();
  std::vector<int> index(kColumnCount, -1);
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = header.fields[i];
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    std::size_t c = 0;
    while (c < kColumnCount && name != kColumns[c].name) ++c;
    const std::string where =
        "line " + std::to_string(header.line) + ", column " + std::to_string(i + 1);
    if (c == kColumnCount)
      return Error{where, "unknown column \"" + name.substr(0, 60) +
                              "\" (expected a header row of order_id, fulfilled_at, "
                              "customer_name, customer_email, customer_locale, product, "
                              "product_name, product_url, product_image)"};
    if (index[c] >= 0) return Error{where, "column " + name + " appears twice"};
    index[c] = static_cast<int>(i);
  }
  for (std::size_t c = 0; c < kColumnCount; ++c)
    if (kColumns[c].required && index[c] < 0)
      return Error{"line " + std::to_string(header.line),
                   std::string("the header has no ") + kColumns[c].name + " column"};

  OrderImportReport report;
  report.rows = rows.size() - 1;
  // Group by order_id, in the order of first appearance.
  std::vector<PendingOrder> orders;
  std::map<std::string, std::size_t> by_id;
  const std::size_t id_column = static_cast<std::size_t>(index[0]);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const csv::Row& row = rows[r];
    const bool readable = row.fields.size() == header.fields.size();
    if (!readable)
      report.issues.push_back({row.line, "", "field_count",
                               "the row has " + std::to_string(row.fields.size()) +
                                   " fields, the header " + std::to_string(header.fields.size())});
    // A row that cannot be read still names its order when it can: the
    // order is then refused whole (never stored without one of its items).
    const std::string id = id_column < row.fields.size() ? row.fields[id_column] : "";
    if (!readable && id.empty()) continue;
    auto [it, added] = by_id.emplace(id, orders.size());
    if (added) orders.push_back({id, {}, false});
    PendingOrder& order = orders[it->second];
    if (readable)
      order.rows.push_back(&row);
    else
      order.refused = true;
  }
  report.orders = orders.size();

  // Every order checked first (dry run through the same use case), so a strict
  // import with one refusal writes nothing; then the accepted ones stored.
  struct Checked {
    json body;
    bool accepted = false;
  };
  std::vector<Checked> checked(orders.size());
  for (std::size_t o = 0; o < orders.size(); ++o) {
    PendingOrder& order = orders[o];
    if (order.rows.empty()) {
      report.refused += 1;
      continue;
    }
    const std::size_t before = report.issues.size();
    checked[o].body = order_body(order, index, report.issues);
    if (order.refused || report.issues.size() != before) {
      if (order.refused)
        report.issues.push_back(
            {order.rows.front()->line, "order_id", "incomplete",
             "order " + order.order_id + " refused: one of its rows could not be read"});
      report.refused += 1;
      continue;
    }
    std::vector<OrderIssue> problems;
    app::Outcome<StoredOrder> would = submit_order(app, checked[o].body, "import", problems, true);
    if (!would) {
      for (const OrderIssue& issue : problems) report.issues.push_back(locate(issue, order));
      if (problems.empty())
        report.issues.push_back(
            {order.rows.front()->line, "order_id", would.problem().code, would.problem().message});
      report.refused += 1;
      continue;
    }
    checked[o].accepted = true;
    (would.value().created ? report.imported : report.known) += 1;
    if (would.value().created && app.config.requests.enabled) report.scheduled += 1;
  }
  const auto by_line = [](const OrderImportIssue& a, const OrderImportIssue& b) {
    return a.line < b.line;
  };
  std::stable_sort(report.issues.begin(), report.issues.end(), by_line);
  if (options.dry_run || (options.strict && report.refused > 0)) return report;

  // The same use case again, now writing: each order in its own transaction.
  report.imported = report.known = report.scheduled = 0;
  for (std::size_t o = 0; o < orders.size(); ++o) {
    if (!checked[o].accepted) continue;
    std::vector<OrderIssue> problems;
    app::Outcome<StoredOrder> stored = submit_order(app, checked[o].body, "import", problems);
    if (!stored) {
      // Changed since the check (another writer); reported like any refusal.
      for (const OrderIssue& issue : problems) report.issues.push_back(locate(issue, orders[o]));
      if (problems.empty())
        report.issues.push_back({orders[o].rows.front()->line, "order_id", stored.problem().code,
                                 stored.problem().message});
      report.refused += 1;
      continue;
    }
    (stored.value().created ? report.imported : report.known) += 1;
    if (stored.value().request_id) report.scheduled += 1;
  }
  report.written = true;
  std::stable_sort(report.issues.begin(), report.issues.end(), by_line);
  return report;
}

}  // namespace vouch::server::requests
