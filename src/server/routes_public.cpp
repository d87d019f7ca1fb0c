// Public API: what the widget and crawlers call from any origin (reads) or the
// store's own origins (writes).

#include <unistd.h>

#include "app/submit.hpp"
#include "app/vote.hpp"
#include "crypto.hpp"
#include "first_render.hpp"
#include "http/precompressed.hpp"
#include "http_util.hpp"
#include "migrations.hpp"
#include "photos.hpp"
#include "review_store.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "summary_json.hpp"
#include "vouch/render_view.hpp"
#include "vouch/version.hpp"

namespace vouch::server {

// Defined in fragment.cpp: the crawlable widget markup + JSON-LD.
std::string render_fragment(const App& app, const std::string& product_id,
                            const CachedSnapshot& cached, const std::string& locale_tag);

namespace {

constexpr const char* kBinaryType = "application/vnd.vouch.snapshot";

bool wants_binary(const httplib::Request& req) {
  const std::string accept = req.get_header_value("Accept");
  return accept.find(kBinaryType) != std::string::npos ||
         accept.find("application/octet-stream") != std::string::npos;
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
  const CachedSnapshot& snapshot = *cached.value();
  res.set_header(
      "Cache-Control",
      "public, max-age=" + std::to_string(app.config.snapshot_max_age_seconds) +
          ", stale-while-revalidate=" + std::to_string(app.config.snapshot_max_age_seconds * 10));
  // One entity per representation: binary and JSON, each per content coding,
  // get different tags (the coding suffix is added by send_precompressed).
  http::send_precompressed(req, res, binary ? snapshot.binary : snapshot.json,
                           binary ? snapshot.binary_encoded : snapshot.json_encoded,
                           snapshot.etag + (binary ? "-b" : "-j"), binary ? kBinaryType : kJsonType,
                           "Accept");
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
  res.set_content(render_fragment(app, product_id, *cached.value(), request_locale(req)),
                  "text/html; charset=utf-8");
}

// "true"/"1" or "false"/"0"; absent = fallback; anything else a 400 naming it.
std::optional<bool> bool_param(const httplib::Request& req, httplib::Response& res,
                               const char* name, bool fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  send_error(res, 400, "invalid_parameter", std::string(name) + ": expected true or false");
  return std::nullopt;
}

// The view and the store's collection facts from the query string (the same
// names as the widget's hash and data-config); checked by the core's rules.
bool first_render_params(const httplib::Request& req, httplib::Response& res,
                         render::ViewState& state, render::StoreConfig& config) {
  const auto stars = int_param(req, res, "stars", 0, 0, 31);
  if (!stars) return false;
  const auto page = int_param(req, res, "page", 0, 0, 100000);
  if (!page) return false;
  const auto page_size = int_param(req, res, "page_size", 10, 1, 100);
  if (!page_size) return false;
  const auto verified = bool_param(req, res, "verified", false);
  if (!verified) return false;
  const auto media = bool_param(req, res, "media", false);
  if (!media) return false;
  const std::string paging = req.has_param("paging") ? req.get_param_value("paging") : "pages";
  if (paging != "pages" && paging != "more") {
    send_error(res, 400, "invalid_parameter", "paging: expected pages or more");
    return false;
  }
  state.star_mask = static_cast<std::uint8_t>(*stars);
  state.page = static_cast<std::uint32_t>(*page);
  state.page_size = static_cast<std::uint32_t>(*page_size);
  state.verified_only = *verified;
  state.with_media = *media;
  state.show_more = paging == "more";
  if (req.has_param("sort")) state.sort = req.get_param_value("sort");
  state.topic = req.get_param_value("topic");
  state.search = req.get_param_value("q");
  if (std::optional<Error> bad = render::check_view(state)) {
    send_error(res, 400, "invalid_parameter", bad->to_string());
    return false;
  }
  for (auto [name, target] :
       {std::pair{"verifies_purchases", &config.verifies_purchases},
        std::pair{"moderates_before_publishing", &config.moderates_before_publishing},
        std::pair{"accepts_unverified", &config.accepts_unverified},
        std::pair{"offers_incentives", &config.offers_incentives}}) {
    const auto value = bool_param(req, res, name, *target);
    if (!value) return false;
    *target = *value;
  }
  // One app per line, empty lines skipped: what the widget's renderShell reads.
  const std::string apps = req.get_param_value("imported_from");
  for (std::size_t start = 0; start < apps.size();) {
    std::size_t end = apps.find('\n', start);
    if (end == std::string::npos) end = apps.size();
    if (end > start) config.imported_from.emplace_back(apps, start, end - start);
    start = end + 1;
  }
  if (std::optional<Error> bad = render::check_store_config(config)) {
    send_error(res, 400, "invalid_parameter", bad->to_string());
    return false;
  }
  return true;
}

// The widget's first response (first_render.hpp): one small answer whatever
// the product's size, compressed, cached like the summaries.
void get_first_render(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string product_id = req.matches[1];
  if (bad_id(res, product_id, "product")) return;
  render::ViewState state;
  render::StoreConfig config;
  if (!first_render_params(req, res, state, config)) return;
  Result<std::shared_ptr<const CachedSnapshot>> cached = app.snapshots.get(*app.db, product_id);
  if (!cached) {
    std::fprintf(stderr, "first render %s: %s\n", product_id.c_str(),
                 cached.error().to_string().c_str());
    send_error(res, 500, "internal", "could not build the first render");
    return;
  }
  const std::string locale = req.has_param("locale") ? req.get_param_value("locale") : "";
  Result<std::string> body =
      first_render_json(product_id, cached.value()->snapshot, cached.value()->summary, state,
                        config, locale.empty() ? request_locale(req) : locale);
  if (!body) {
    send_error(res, 400, "invalid_parameter", body.error().to_string());
    return;
  }
  res.set_header("Cache-Control",
                 "public, max-age=" + std::to_string(app.config.snapshot_max_age_seconds));
  res.status = 200;
  http::send_precompressed(req, res, body.value(), http::precompress(body.value()),
                           cached.value()->etag + "-f" + hex(sha256(body.value())).substr(0, 16),
                           kJsonType, "Accept-Language");
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
  app::Outcome<app::Submitted> out = app::submit_review(app, input);
  if (!out) {
    send_problem(res, out.problem(), request_locale(req));
    return;
  }
  const app::Submitted& done = out.value();
  send_json(res, 201, {{"id", done.id}, {"status", done.status}, {"verified", done.verified}});
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

void register_public_routes(Router& server, App& app) {
  const Limits& limits = app.config.limits;
  // A multipart review: the review JSON, the photos, and room for part headers.
  const std::size_t review_body =
      limits.max_photos * limits.max_photo_bytes + limits.max_json_bytes + 64 * 1024;
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
  server.Get(R"(/api/v1/products/([^/]+)/first)",
             [&app](const httplib::Request& req, httplib::Response& res) {
               get_first_render(app, req, res);
             });
  server.Get(
      R"(/api/v1/products/([^/]+)/fragment)",
      [&app](const httplib::Request& req, httplib::Response& res) { get_fragment(app, req, res); });
  server.Post(
      R"(/api/v1/products/([^/]+)/reviews)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_review(app, req, res); },
      review_body);
  server.Post(
      R"(/api/v1/reviews/([^/]+)/votes)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_vote(app, req, res); },
      4096);
  server.Post(
      R"(/api/v1/reviews/([^/]+)/reports)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_report(app, req, res); },
      4096);
  server.Get(
      R"(/api/v1/photos/([^/]+))",
      [&app](const httplib::Request& req, httplib::Response& res) { get_photo(app, req, res); });
}

}  // namespace vouch::server
