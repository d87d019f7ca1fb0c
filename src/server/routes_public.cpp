// Public API: what the widget and crawlers call from any origin (reads) or the
// store's own origins (writes).

#include <unistd.h>

#include "app/submit.hpp"
#include "app/vote.hpp"
#include "crypto.hpp"
#include "http_util.hpp"
#include "migrations.hpp"
#include "photos.hpp"
#include "review_store.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "vouch/version.hpp"

namespace vouch::server {

// Defined in fragment.cpp: the crawlable widget markup + JSON-LD.
std::string render_fragment(const App& app, const CachedSnapshot& cached,
                            const std::string& locale_tag);

namespace {

constexpr const char* kBinaryType = "application/vnd.vouch.snapshot";

bool wants_binary(const httplib::Request& req) {
  const std::string accept = req.get_header_value("Accept");
  return accept.find(kBinaryType) != std::string::npos ||
         accept.find("application/octet-stream") != std::string::npos;
}

// True (and a 400 sent) when the id in the URL is unusable.
bool bad_id(httplib::Response& res, const std::string& id, const char* what) {
  if (is_valid_id(id)) return false;
  send_error(
      res, 400, "invalid_id",
      std::string(what) + " id must be 1..200 bytes of UTF-8 without control characters or quotes");
  return true;
}

bool if_none_match(const httplib::Request& req, const std::string& etag) {
  const std::string header = req.get_header_value("If-None-Match");
  if (header.empty()) return false;
  if (header == "*") return true;
  for (const std::string& candidate : split_list(header)) {
    std::string_view tag = candidate;
    if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

json summary_json(const std::string& product_id, const Summary& summary) {
  json histogram = json::array();
  json percent = json::array();
  for (std::size_t i = 0; i < 5; ++i) {
    histogram.push_back(summary.histogram[i]);
    percent.push_back(summary.histogram_percent[i]);
  }
  json out = {{"product", product_id},           {"count", summary.count},
              {"average", summary.average_text}, {"average_tenths", summary.average_tenths},
              {"histogram", histogram},          {"histogram_percent", percent}};
  out["recommend_percent"] =
      summary.has_recommend ? json(summary.recommend_percent) : json(nullptr);
  return out;
}

void get_snapshot(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string product_id = req.matches[1];
  if (bad_id(res, product_id, "product")) return;
  Result<std::shared_ptr<const CachedSnapshot>> cached = app.snapshots.get(*app.db, product_id);
  if (!cached) {
    std::fprintf(stderr, "snapshot %s: %s\n", product_id.c_str(),
                 cached.error().to_string().c_str());
    send_error(res, 500, "internal", "could not build the snapshot");
    return;
  }
  const bool binary = wants_binary(req);
  // One entity per representation: the binary and the JSON get different tags.
  const std::string etag = "\"" + cached.value()->etag + (binary ? "-b" : "-j") + "\"";
  res.set_header("ETag", etag);
  res.set_header("Vary", "Accept");
  res.set_header(
      "Cache-Control",
      "public, max-age=" + std::to_string(app.config.snapshot_max_age_seconds) +
          ", stale-while-revalidate=" + std::to_string(app.config.snapshot_max_age_seconds * 10));
  if (if_none_match(req, etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  if (binary)
    res.set_content(cached.value()->binary, kBinaryType);
  else
    res.set_content(cached.value()->json, kJsonType);
}

void get_summaries(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::vector<std::string> ids = split_list(req.get_param_value("products"));
  if (ids.empty()) {
    send_error(res, 400, "invalid_parameter",
               "products: expected a comma-separated list of product ids");
    return;
  }
  if (ids.size() > 100) {
    send_error(res, 400, "invalid_parameter", "products: at most 100 ids per request");
    return;
  }
  for (const std::string& id : ids) {
    if (bad_id(res, id, "product")) return;
  }
  // Every product that can be answered is: one failing product (a database
  // error) is listed under "errors" and never blanks the other badges.
  json summaries = json::object();
  json errors = json::object();
  for (const std::string& id : ids) {
    Result<std::shared_ptr<const CachedSnapshot>> cached = app.snapshots.get(*app.db, id);
    if (!cached) {
      std::fprintf(stderr, "summary %s: %s\n", id.c_str(), cached.error().to_string().c_str());
      errors[id] = {{"code", "internal"}, {"message", "could not build the summary"}};
      continue;
    }
    summaries[id] = summary_json(id, cached.value()->summary);
  }
  json body = {{"summaries", summaries}};
  if (!errors.empty()) {
    body["errors"] = errors;
    res.set_header("Cache-Control", "no-store");  // do not keep a partial answer
  } else {
    res.set_header("Cache-Control",
                   "public, max-age=" + std::to_string(app.config.snapshot_max_age_seconds));
  }
  send_json(res, 200, body);
}

void get_fragment(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string product_id = req.matches[1];
  if (bad_id(res, product_id, "product")) return;
  Result<std::shared_ptr<const CachedSnapshot>> cached = app.snapshots.get(*app.db, product_id);
  if (!cached) {
    send_error(res, 500, "internal", "could not build the fragment");
    return;
  }
  res.set_header("Cache-Control",
                 "public, max-age=" + std::to_string(app.config.snapshot_max_age_seconds));
  res.set_header("Vary", "Accept-Language");
  res.status = 200;
  res.set_content(render_fragment(app, *cached.value(), request_locale(req)),
                  "text/html; charset=utf-8");
}

void post_review(App& app, const httplib::Request& req, httplib::Response& res) {
  app::SubmitRequest input;
  input.product_id = req.matches[1];
  if (bad_id(res, input.product_id, "product")) return;
  const std::string type = req.get_header_value("Content-Type");
  if (req.is_multipart_form_data()) {
    if (!req.has_file("review")) {
      send_error(res, 400, "missing_part",
                 "multipart body needs a \"review\" part holding the review JSON");
      return;
    }
    const httplib::MultipartFormData review = req.get_file_value("review");
    if (review.content.size() > app.config.limits.max_json_bytes) {
      send_error(res, 413, "payload_too_large", "the review part is too large");
      return;
    }
    input.review_json = review.content;
    const auto photos = req.files.equal_range("photos");
    for (auto it = photos.first; it != photos.second; ++it)
      input.photos.push_back(it->second.content);
  } else {
    const std::string_view media = std::string_view(type).substr(0, type.find(';'));
    if (!iequals(media, "application/json")) {
      send_error(res, 415, "unsupported_media_type",
                 "send application/json or multipart/form-data");
      return;
    }
    if (req.body.size() > app.config.limits.max_json_bytes) {
      send_error(res, 413, "payload_too_large",
                 "request body larger than " + std::to_string(app.config.limits.max_json_bytes) +
                     " bytes");
      return;
    }
    input.review_json = req.body;
  }
  input.idempotency_key = req.get_header_value("Idempotency-Key");
  input.ip = client_ip(req);
  input.photo_base_url =
      app.config.public_url.empty() ? request_base_url(req) : app.config.public_url;
  app::Outcome<app::Submitted> out = app::submit_review(app, input);
  if (!out) {
    send_problem(res, out.problem(), request_locale(req));
    return;
  }
  const app::Submitted& done = out.value();
  send_json(res, 201, {{"id", done.id}, {"status", done.status}, {"verified", done.verified}});
}

// Visitor ids come from the widget (a random id kept in localStorage).
bool valid_visitor(const std::string& visitor) {
  if (visitor.size() < 8 || visitor.size() > 64) return false;
  for (char c : visitor) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// The review must exist and be published; otherwise a 404 (sent) and false.
bool published_review(App& app, httplib::Response& res, const std::string& id) {
  if (bad_id(res, id, "review")) return false;
  Result<std::optional<StoredReview>> found = find_review(*app.db, id);
  if (!found) {
    send_error(res, 500, "internal", "database error");
    return false;
  }
  if (!found.value() || found.value()->status != "published") {
    send_error(res, 404, "not_found", "no such review");
    return false;
  }
  return true;
}

std::string string_member(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void post_vote(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  std::optional<json> body = read_json_body(req, res, 4096);
  if (!body) return;
  const std::string vote = string_member(*body, "vote");
  const std::string visitor = string_member(*body, "visitor");
  if (vote != "up" && vote != "down") {
    send_error(res, 400, "invalid_vote", "vote: expected \"up\" or \"down\"");
    return;
  }
  if (!valid_visitor(visitor)) {
    send_error(res, 400, "invalid_visitor",
               "visitor: expected 8..64 characters of A-Z a-z 0-9 - _");
    return;
  }
  if (bad_id(res, id, "review")) return;
  app::VoteRequest request{id, visitor, vote == "up" ? 1 : -1, client_ip(req)};
  app::Outcome<VoteCounts> counts = app::cast_helpful_vote(app, request);
  if (!counts) return send_problem(res, counts.problem(), request_locale(req));
  send_json(res, 200,
            {{"id", id},
             {"vote", vote},
             {"helpful_up", counts.value().up},
             {"helpful_down", counts.value().down}});
}

void post_report(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  std::optional<json> body = read_json_body(req, res, 4096);
  if (!body) return;
  const std::string reason = string_member(*body, "reason");
  if (!is_report_reason(reason)) {
    std::string list;
    for (std::string_view known : kReportReasons)
      list += (list.empty() ? "" : ", ") + std::string(known);
    send_error(res, 400, "invalid_reason", "reason: expected one of " + list);
    return;
  }
  const std::string visitor = string_member(*body, "visitor");
  if (!visitor.empty() && !valid_visitor(visitor)) {
    send_error(res, 400, "invalid_visitor",
               "visitor: expected 8..64 characters of A-Z a-z 0-9 - _");
    return;
  }
  if (!published_review(app, res, id)) return;
  if (std::int64_t wait = app.per_ip->hit("report\n" + client_ip(req), app.now()); wait > 0) {
    res.set_header("Retry-After", std::to_string(wait));
    send_error(res, 429, "rate_limited", "too many reports from this address; try again later");
    return;
  }
  if (Status added = add_report(*app.db, id, reason, visitor, app.now()); !added) {
    send_error(res, 500, "internal", "database error");
    return;
  }
  send_json(res, 201, {{"id", id}, {"reason", reason}, {"received", true}});
}

void get_photo(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  if (!is_photo_name(name)) {
    send_error(res, 404, "not_found", "no such photo");
    return;
  }
  Result<std::string> bytes = read_text_file(app.config.upload_dir + "/" + name);
  if (!bytes) {
    send_error(res, 404, "not_found", "no such photo");
    return;
  }
  res.set_header("Cache-Control", "public, max-age=31536000, immutable");
  res.status = 200;
  res.set_content(bytes.value(), std::string(photo_content_type(name)));
}

}  // namespace

std::string request_locale(const httplib::Request& req) {
  if (req.has_param("locale")) return req.get_param_value("locale");
  const std::string header = req.get_header_value("Accept-Language");
  const std::size_t end = header.find_first_of(",;");
  return header.substr(0, end);
}

std::string request_base_url(const httplib::Request& req) {
  std::string host = req.get_header_value("Host");
  if (host.empty() || !is_valid_id(host) || host.find('/') != std::string::npos) host = "localhost";
  return "http://" + host;
}

void register_public_routes(httplib::Server& server, App& app) {
  server.Get("/api/v1/health", [&app](const httplib::Request&, httplib::Response& res) {
    Result<std::size_t> schema = schema_version(*app.db);
    send_json(
        res, 200,
        {{"ok", true}, {"version", vouch::version()}, {"schema", schema ? schema.value() : 0}});
  });
  server.Get(
      R"(/api/v1/products/([^/]+)/snapshot)",
      [&app](const httplib::Request& req, httplib::Response& res) { get_snapshot(app, req, res); });
  server.Get("/api/v1/summaries", [&app](const httplib::Request& req, httplib::Response& res) {
    get_summaries(app, req, res);
  });
  server.Get(
      R"(/api/v1/products/([^/]+)/fragment)",
      [&app](const httplib::Request& req, httplib::Response& res) { get_fragment(app, req, res); });
  server.Post(
      R"(/api/v1/products/([^/]+)/reviews)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_review(app, req, res); });
  server.Post(
      R"(/api/v1/reviews/([^/]+)/votes)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_vote(app, req, res); });
  server.Post(
      R"(/api/v1/reviews/([^/]+)/reports)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_report(app, req, res); });
  server.Get(
      R"(/api/v1/photos/([^/]+))",
      [&app](const httplib::Request& req, httplib::Response& res) { get_photo(app, req, res); });
}

}  // namespace vouch::server
