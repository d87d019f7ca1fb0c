#include "exporter.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <ctime>
#include <map>

#include "first_render.hpp"
#include "http_util.hpp"
#include "questions/question_json.hpp"
#include "review_json.hpp"
#include "review_store.hpp"
#include "summary_json.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

// RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would
// run as a formula (=, +, -, @): an exported review must not execute.
void append_cell(std::string& out, std::string_view cell) {
  std::string text(cell);
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'))
    text.insert(0, "'");
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string dd_mm_yyyy(std::int64_t seconds) {
  if (seconds == 0) return "";
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&t, &parts);
  char text[16];
  std::strftime(text, sizeof text, "%d/%m/%Y", &parts);
  return text;
}

std::string curated(const std::string& status) {
  if (status == "published") return "ok";
  if (status == "rejected") return "spam";
  return "not-yet";
}

Status make_dir(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
    return Error{dir, "cannot create directory"};
  return Ok{};
}

}  // namespace

std::string file_name_for_id(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : id) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';  // dots too are encoded: no ".", "..", or hidden files
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

Result<std::string> export_judgeme_csv(Database& db) {
  Result<std::vector<StoredReview>> rows = all_reviews(db);
  if (!rows) return rows.error();
  std::string out =
      "title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,"
      "product_handle,reply,"
      "reply_date,picture_urls,ip_address,location\r\n";
  for (const StoredReview& row : rows.value()) {
    const Review& r = row.review;
    std::string pictures;
    for (const Media& m : r.media) {
      if (m.kind == Media::Kind::Photo) pictures += (pictures.empty() ? "" : ",") + m.url;
    }
    const std::string product = r.product_id == "_store" ? "" : r.product_id;
    // ip_address stays empty: it is personal data the next app does not need.
    const std::string cells[] = {r.title,
                                 r.body,
                                 std::to_string(r.rating),
                                 dd_mm_yyyy(r.created),
                                 r.source,
                                 curated(row.status),
                                 r.author,
                                 row.email,
                                 "",
                                 product,
                                 r.reply.text,
                                 dd_mm_yyyy(r.reply.time),
                                 pictures,
                                 "",
                                 ""};
    bool first = true;
    for (const std::string& cell : cells) {
      if (!first) out += ',';
      first = false;
      append_cell(out, cell);
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> export_vouch_json(Database& db) {
  Result<std::vector<StoredReview>> rows = all_reviews(db);
  if (!rows) return rows.error();
  json reviews = json::array();
  for (const StoredReview& row : rows.value()) reviews.push_back(admin_review_json(row));
  const std::int64_t now = std::time(nullptr);
  return dump_json({{"format", "vouch-export"},
                    {"version", 1},
                    {"exported", format_utc(now)},
                    {"reviews", reviews}});
}

Result<std::size_t> export_static(App& app, const std::string& dir) {
  if (Status made = make_dir(dir); !made) return made.error();
  if (Status made = make_dir(dir + "/products"); !made) return made.error();
  Result<std::vector<std::string>> ids = published_product_ids(*app.db);
  if (!ids) return ids.error();
  json summaries = json::object();
  json index = json::array();
  for (const std::string& id : ids.value()) {
    Result<std::shared_ptr<const CachedSnapshot>> cached = app.snapshots.get(*app.db, id);
    if (!cached) return Error{"product " + id, cached.error().to_string()};
    const std::string base = dir + "/products/" + file_name_for_id(id);
    if (Status s = write_text_file(base + ".json", cached.value()->json); !s) return s.error();
    if (Status s = write_text_file(base + ".bin", cached.value()->binary); !s) return s.error();
    // The widget's first response (first_render.hpp) for the default view, one
    // per locale: the widget reads <file>.first-<locale>.json beside the snapshot.
    Result<json> first =
        write_first_renders(base, cached.value()->snapshot, cached.value()->summary);
    if (!first) return Error{"product " + id, first.error().to_string()};
    for (auto& [tag, name] : first.value().items()) name = "products/" + name.get<std::string>();
    summaries[id] = summary_json(id, cached.value()->summary);
    index.push_back({{"product", id},
                     {"first", first.value()},
                     {"json", "products/" + file_name_for_id(id) + ".json"},
                     {"binary", "products/" + file_name_for_id(id) + ".bin"},
                     {"etag", cached.value()->etag}});
  }
  // Questions (issue 17): products/<file>.questions.json beside the product's
  // JSON, the public shape (published answered questions, never an e-mail).
  Result<std::vector<std::string>> asked = questions::products_with_answered_questions(*app.db);
  if (!asked) return asked.error();
  std::map<std::string, std::string> question_files;
  for (const std::string& id : asked.value()) {
    Result<json> body = questions::public_questions_json(*app.db, id);
    if (!body) return body.error();
    const std::string file = "products/" + file_name_for_id(id) + ".questions.json";
    if (Status s = write_text_file(dir + "/" + file, dump_json(body.value())); !s) return s.error();
    question_files[id] = file;
  }
  for (json& entry : index) {
    auto found = question_files.find(entry["product"].get<std::string>());
    if (found == question_files.end()) continue;
    entry["questions"] = found->second;
  }
  if (Status s = write_text_file(dir + "/summaries.json", dump_json({{"summaries", summaries}}));
      !s)
    return s.error();
  if (Status s = write_text_file(dir + "/index.json", dump_json({{"products", index}})); !s)
    return s.error();
  return ids.value().size();
}

}  // namespace vouch::server
