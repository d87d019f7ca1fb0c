#include "import_formats.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <variant>

#include "vouch/url.hpp"

namespace vouch::server {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

ColumnRule rule(std::string field, std::vector<std::string> columns, bool required = false) {
  return ColumnRule{std::move(field), std::move(columns), required};
}

std::vector<FormatSpec> make_formats() {
  std::vector<FormatSpec> formats;
  formats.push_back(
      {"judgeme",
       "import:judge.me",
       SlashOrder::DayFirst,
       {rule("product", {"product_handle", "product_id"}), rule("rating", {"rating"}, true),
        rule("title", {"title"}), rule("body", {"body"}, true), rule("author", {"reviewer_name"}),
        rule("email", {"reviewer_email"}), rule("created", {"review_date"}),
        rule("reply", {"reply"}), rule("reply_time", {"reply_date"}),
        rule("photos", {"picture_urls"}), rule("status", {"curated"})}});
  formats.push_back(
      {"shopify",
       "import:shopify-product-reviews",
       SlashOrder::MonthFirst,
       {rule("product", {"product_handle"}, true), rule("status", {"state"}),
        rule("rating", {"rating"}, true), rule("title", {"title"}), rule("author", {"author"}),
        rule("email", {"email"}), rule("body", {"body"}, true), rule("reply", {"reply"}),
        rule("created", {"created_at"}), rule("reply_time", {"replied_at"})}});
  formats.push_back(
      {"okendo",
       "import:okendo",
       SlashOrder::MonthFirst,
       {rule("author", {"name"}, true), rule("body", {"body"}, true),
        rule("product", {"handle", "productId", "sku"}, true), rule("rating", {"rating"}, true),
        rule("created", {"dateCreated"}, true), rule("email", {"email"}),
        rule("photos", {"imageUrls"}), rule("status", {"status", "isApproved"}),
        rule("incentivized", {"isIncentivized"}), rule("recommends", {"isRecommended"}),
        rule("reply", {"reply"}), rule("reply_time", {"replyDateCreated"}),
        rule("reply_public", {"replyIsPublic"}), rule("title", {"title"}),
        rule("verified", {"isVerifiedBuyer"})}});
  formats.push_back(
      {"loox",
       "import:loox",
       SlashOrder::MonthFirst,
       {rule("product", {"product_handle", "product_Id"}, true), rule("rating", {"rating"}, true),
        rule("author", {"author"}, true), rule("email", {"email"}), rule("body", {"body"}, true),
        rule("created", {"created_at"}, true), rule("photos", {"photo_url"}),
        rule("reply", {"reply"}), rule("reply_time", {"replied_at"}),
        rule("verified", {"verified_purchase"}), rule("incentivized", {"incentivized"})}});
  formats.push_back(
      {"loox-export",
       "import:loox",
       SlashOrder::MonthFirst,
       {rule("status", {"status"}), rule("rating", {"rating"}, true), rule("email", {"email"}),
        rule("author", {"nickname", "full_name"}), rule("body", {"review"}, true),
        rule("created", {"date"}), rule("product", {"handle", "productId"}, true),
        rule("photos", {"img"}), rule("verified", {"verified_purchase"})}});
  formats.push_back(
      {"yotpo",
       "import:yotpo",
       SlashOrder::MonthFirst,
       {rule("kind", {"Review Type"}), rule("product", {"Product ID"}),
        rule("rating", {"Review Score"}, true), rule("title", {"Review Title"}),
        rule("body", {"Review Content"}, true), rule("status", {"Review Status"}),
        rule("created", {"Review Creation Date"}), rule("photos", {"Published Image URLs"}),
        rule("author", {"Reviewer Display Name"}), rule("email", {"Reviewer Email"})},
       true});
  formats.push_back({"woocommerce",
                     "import:woocommerce",
                     SlashOrder::MonthFirst,
                     {rule("product", {"product_SKU", "comment_post_ID"}, true),
                      rule("author", {"comment_author"}), rule("email", {"comment_author_email"}),
                      rule("created", {"comment_date_gmt", "comment_date"}),
                      rule("body", {"comment_content"}, true), rule("status", {"comment_approved"}),
                      rule("parent", {"comment_parent"}), rule("rating", {"rating"}, true),
                      rule("verified", {"verified"})}});
  formats.push_back({"powerreviews",
                     "import:powerreviews",
                     SlashOrder::MonthFirst,
                     {rule("product", {"Page Id"}, true), rule("author", {"Review Display"}),
                      rule("title", {"Review Title"}), rule("created", {"Review Date"}),
                      rule("body", {"Review Text"}, true), rule("rating", {"Rating"}, true),
                      rule("verified", {"Verified Buyer"}), rule("status", {"Review Status"})},
                     true});
  return formats;
}

// Columns whose presence identifies a format.
struct Signature {
  const char* format;
  std::vector<std::string> columns;  // compared lower-case
};

const std::vector<Signature>& signatures() {
  static const std::vector<Signature> list = {
      {"judgeme", {"review_date", "reviewer_name", "body"}},
      {"shopify", {"product_handle", "state", "created_at"}},
      {"okendo", {"datecreated", "name", "body"}},
      {"loox", {"created_at", "author", "photo_url"}},
      {"loox-export", {"nickname", "review", "img"}},
      {"yotpo", {"review score", "review content"}},
      {"woocommerce", {"comment_id", "comment_content"}},
      {"powerreviews", {"review id", "page id"}},
  };
  return list;
}

std::optional<bool> parse_bool(std::string_view raw) {
  const std::string text = lower(trimmed(raw));
  if (text == "1" || text == "true" || text == "yes" || text == "y" || text == "t") return true;
  if (text.empty() || text == "0" || text == "false" || text == "no" || text == "n" || text == "f")
    return false;
  return std::nullopt;
}

// Status words of every app -> ours (+ a reason for rejections).
std::optional<std::pair<std::string, std::string>> parse_status(std::string_view raw) {
  const std::string text = lower(trimmed(raw));
  if (text.empty() || text == "ok" || text == "published" || text == "publish" ||
      text == "approved" || text == "active" || text == "1" || text == "true" || text == "yes") {
    return std::make_pair(std::string("published"), std::string());
  }
  if (text == "not-yet" || text == "pending" || text == "unpublished" || text == "0" ||
      text == "false" || text == "no" || text == "unapproved" || text == "awaiting moderation") {
    return std::make_pair(std::string("pending"), std::string());
  }
  if (text == "spam") return std::make_pair(std::string("rejected"), std::string("spam"));
  if (text == "rejected" || text == "reject")
    return std::make_pair(std::string("rejected"), std::string());
  if (text == "hidden" || text == "trash" || text == "archived" || text == "deleted") {
    return std::make_pair(std::string("hidden"), std::string());
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_rating(std::string_view raw) {
  std::string text = trimmed(raw);
  // "5.0" as some apps write it.
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string product_from(std::string_view raw) {
  std::string id = trimmed(raw);
  // Shopify GraphQL ids: keep the numeric id the storefront uses.
  constexpr std::string_view kGid = "gid://shopify/Product/";
  if (id.rfind(kGid, 0) == 0) id = id.substr(kGid.size());
  return id;
}

}  // namespace

const std::vector<FormatSpec>& builtin_formats() {
  static const std::vector<FormatSpec> formats = make_formats();
  return formats;
}

const FormatSpec* find_format(const std::string& name) {
  for (const FormatSpec& spec : builtin_formats()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

const FormatSpec* detect_format(const std::vector<std::string>& header) {
  std::vector<std::string> names;
  for (const std::string& column : header) names.push_back(lower(trimmed(column)));
  for (const Signature& signature : signatures()) {
    const bool all =
        std::all_of(signature.columns.begin(), signature.columns.end(), [&](const std::string& c) {
          return std::find(names.begin(), names.end(), c) != names.end();
        });
    if (all) return find_format(signature.format);
  }
  return nullptr;
}

Result<FormatSpec> mapped_format(const std::vector<std::pair<std::string, std::string>>& columns,
                                 const std::string& source_name, SlashOrder order) {
  static const std::vector<std::string> kFields = {
      "product", "rating",     "title",  "body",     "author",       "email",  "created",
      "reply",   "reply_time", "photos", "verified", "incentivized", "status", "recommends"};
  FormatSpec spec{
      "mapped", "import:" + (source_name.empty() ? std::string("csv") : source_name), order, {}};
  for (const auto& [field, column] : columns) {
    if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) {
      return Error{"map", "unknown field \"" + field +
                              "\" (expected product, rating, title, body, author, email, "
                              "created, reply, reply_time, photos, verified, incentivized, "
                              "status, recommends)"};
    }
    spec.rules.push_back(rule(field, {column}, true));
  }
  return spec;
}

Result<RowMapper> RowMapper::create(
    const FormatSpec& spec, const std::vector<std::string>& header,
    const std::vector<std::pair<std::string, std::string>>& defaults) {
  RowMapper mapper;
  mapper.spec_ = spec;
  mapper.defaults_ = defaults;
  std::vector<std::string> names;
  for (const std::string& column : header) {
    names.push_back(spec.match_case_insensitive ? lower(trimmed(column)) : trimmed(column));
  }
  for (const ColumnRule& r : spec.rules) {
    std::vector<std::pair<std::size_t, std::string>> found;
    for (const std::string& column : r.columns) {
      const std::string wanted = spec.match_case_insensitive ? lower(column) : column;
      auto it = std::find(names.begin(), names.end(), wanted);
      if (it != names.end())
        found.emplace_back(static_cast<std::size_t>(it - names.begin()), column);
    }
    if (r.required && found.empty()) {
      std::string list;
      for (const std::string& column : r.columns) list += (list.empty() ? "" : " or ") + column;
      return Error{"header",
                   "missing required column " + list + " for the " + spec.name + " format"};
    }
    mapper.positions_.emplace_back(r.field, std::move(found));
  }
  return mapper;
}

std::pair<std::string, std::string> RowMapper::value(const std::vector<std::string>& fields,
                                                     const std::string& field) const {
  for (const auto& [name, columns] : positions_) {
    if (name != field) continue;
    for (const auto& [index, column] : columns) {
      if (index < fields.size() && !trimmed(fields[index]).empty()) return {fields[index], column};
    }
    if (!columns.empty()) return {"", columns.front().second};
  }
  for (const auto& [name, constant] : defaults_) {
    if (name == field) return {constant, ""};
  }
  return {"", ""};
}

std::string RowMapper::column_of(const std::string& field) const {
  for (const auto& [name, columns] : positions_) {
    if (name == field && !columns.empty()) return columns.front().second;
  }
  return "";
}

std::variant<ImportedRow, RowProblem> RowMapper::map(const std::vector<std::string>& fields,
                                                     std::int64_t now) const {
  ImportedRow row;
  const auto [parent, parent_column] = value(fields, "parent");
  if (!trimmed(parent).empty() && trimmed(parent) != "0") {
    return RowProblem{parent_column, "a reply to comment " + trimmed(parent) + ", not a review",
                      true};
  }

  const auto [kind, kind_column] = value(fields, "kind");
  const auto [product, product_column] = value(fields, "product");
  row.product_id = lower(trimmed(kind)) == "site_review" || trimmed(product).empty()
                       ? "_store"
                       : product_from(product);

  const auto [rating, rating_column] = value(fields, "rating");
  if (trimmed(rating).empty()) {
    if (spec_.name == "woocommerce")
      return RowProblem{rating_column, "no rating: a plain comment, not a review", true};
    return RowProblem{rating_column, "rating is empty"};
  }
  const std::optional<std::int64_t> stars = parse_rating(rating);
  if (!stars || *stars < 1 || *stars > 5)
    return RowProblem{rating_column, "rating \"" + trimmed(rating) + "\" is not 1..5"};
  row.rating = *stars;

  row.title = trimmed(value(fields, "title").first);
  row.body = value(fields, "body").first;
  row.author = trimmed(value(fields, "author").first);
  row.email = trimmed(value(fields, "email").first);
  row.reply = value(fields, "reply").first;

  const auto date = [&](const char* field, std::int64_t& out) -> std::optional<RowProblem> {
    const auto [text, column] = value(fields, field);
    if (trimmed(text).empty()) return std::nullopt;
    const std::optional<std::int64_t> parsed = parse_import_date(text, spec_.slash_order);
    if (!parsed) {
      return RowProblem{
          column, "cannot read the date \"" + trimmed(text) + "\" (" +
                      (spec_.slash_order == SlashOrder::DayFirst ? "dd/mm/yyyy" : "m/d/yyyy") +
                      ", yyyy-mm-dd [hh:mm[:ss]], ISO 8601 or Unix seconds)"};
    }
    out = *parsed;
    return std::nullopt;
  };
  if (auto problem = date("created", row.created)) return *problem;
  if (row.created > now + 86400)
    return RowProblem{value(fields, "created").second, "date is in the future"};
  if (auto problem = date("reply_time", row.reply_time)) return *problem;
  if (!row.reply.empty() && row.reply_time == 0) row.reply_time = row.created;
  const auto [reply_public, reply_public_column] = value(fields, "reply_public");
  if (!trimmed(reply_public).empty() && parse_bool(reply_public) == false) {
    row.reply.clear();  // a private reply stays private
    row.reply_time = 0;
  }

  const auto boolean = [&](const char* field, bool& out) -> std::optional<RowProblem> {
    const auto [text, column] = value(fields, field);
    const std::optional<bool> parsed = parse_bool(text);
    if (!parsed)
      return RowProblem{column, "expected a yes/no value, got \"" + trimmed(text) + "\""};
    out = *parsed;
    return std::nullopt;
  };
  if (auto problem = boolean("verified", row.source_verified)) return *problem;
  if (auto problem = boolean("incentivized", row.incentivized)) return *problem;
  const auto [recommends, recommends_column] = value(fields, "recommends");
  if (!trimmed(recommends).empty()) {
    const std::optional<bool> parsed = parse_bool(recommends);
    if (!parsed)
      return RowProblem{recommends_column,
                        "expected a yes/no value, got \"" + trimmed(recommends) + "\""};
    row.recommends = *parsed ? 1 : 2;
  }

  const auto [status, status_column] = value(fields, "status");
  const auto parsed_status = parse_status(status);
  if (!parsed_status)
    return RowProblem{status_column, "unknown status \"" + trimmed(status) + "\""};
  row.status = parsed_status->first;
  row.moderation_reason = parsed_status->second;

  // Image lists: commas, semicolons or line breaks inside one cell.
  const auto [photos, photos_column_binding] = value(fields, "photos");
  // A named copy: C++17 lambdas cannot capture structured bindings (clang refuses).
  const std::string photos_column = photos_column_binding;
  std::string current;
  const auto flush = [&] {
    const std::string url = trimmed(current);
    current.clear();
    if (url.empty()) return;
    // The snapshot loaders' own rule: a photo they would refuse is dropped here, with a note.
    if (!url::is_http_url(url))
      row.notes.push_back(photos_column + ": dropped \"" + url + "\" (not an http(s) URL)");
    else if (row.photos.size() >= 10)
      row.notes.push_back(photos_column + ": more than 10 photos, dropped " + url);
    else
      row.photos.push_back(url);
  };
  for (char c : photos) {
    if (c == ',' || c == ';' || c == '\n' || c == '\r' || c == ' ')
      flush();
    else
      current.push_back(c);
  }
  flush();
  return row;
}

}  // namespace vouch::server
