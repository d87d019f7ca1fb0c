// Admin API: moderation, replies, the audit log, per-reviewer data, import and
// export. Bearer token only, never cross-origin (server.cpp refuses foreign
// Origin headers on /api/v1/admin before routing).

#include <unistd.h>

#include "admin_route.hpp"
#include "app/moderate.hpp"
#include "app/review_health.hpp"
#include "audit_log.hpp"
#include "exporter.hpp"
#include "http_util.hpp"
#include "importer.hpp"
#include "review_json.hpp"
#include "review_store.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

// Loads the review named in the URL; sends 404 and returns nullopt when absent.
std::optional<StoredReview> load_review(App& app, const httplib::Request& req,
                                        httplib::Response& res) {
  const std::string id = req.matches[1];
  if (!is_valid_id(id)) {
    send_error(res, 400, "invalid_id", "review id is malformed");
    return std::nullopt;
  }
  Result<std::optional<StoredReview>> found = find_review(*app.db, id);
  if (!found) {
    send_error(res, 500, "internal", "database error");
    return std::nullopt;
  }
  if (!found.value()) {
    send_error(res, 404, "not_found", "no such review");
    return std::nullopt;
  }
  return *found.value();
}

// A JSON body that may be empty (no Content-Type needed then).
std::optional<json> optional_body(const httplib::Request& req, httplib::Response& res) {
  if (req.body.empty()) return json::object();
  return read_json_body(req, res, 64 * 1024);
}

// The review as the admin API shows it after a change.
void send_review(httplib::Response& res, const app::Outcome<StoredReview>& after) {
  if (!after) return send_problem(res, after.problem(), "en");
  send_json(res, 200, {{"review", admin_review_json(after.value())}});
}

void list(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  const std::string status = req.get_param_value("status");
  if (!status.empty() && !is_status(status)) {
    send_error(res, 400, "invalid_parameter",
               "status: expected pending, published, rejected or hidden");
    return;
  }
  const auto limit = int_param(req, res, "limit", 50, 1, 500);
  if (!limit) return;
  const auto offset = int_param(req, res, "offset", 0, 0, INT64_C(1) << 40);
  if (!offset) return;
  Result<std::vector<StoredReview>> rows = list_reviews(*app.db, status, *limit, *offset);
  Result<std::int64_t> total = count_reviews(*app.db, status);
  if (!rows || !total) {
    send_error(res, 500, "internal", "database error");
    return;
  }
  json reviews = json::array();
  for (const StoredReview& row : rows.value()) reviews.push_back(admin_review_json(row));
  send_json(
      res, 200,
      {{"reviews", reviews}, {"total", total.value()}, {"limit", *limit}, {"offset", *offset}});
}

void moderate(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res,
              const std::string& action) {
  const std::string id = req.matches[1];
  if (!is_valid_id(id)) {
    send_error(res, 400, "invalid_id", "review id is malformed");
    return;
  }
  std::optional<json> body = optional_body(req, res);
  if (!body) return;
  app::ModerationRequest request;
  request.review_id = id;
  request.actor = actor.name;
  if (action == "approve") {
    request.action = app::ModerationAction::Approve;
  } else if (action == "reject" || action == "hide") {
    request.action =
        action == "reject" ? app::ModerationAction::Reject : app::ModerationAction::Hide;
    request.reason = string_member(*body, "reason");
  } else if (action == "feature") {
    auto it = body->find("featured");
    if (it != body->end() && !it->is_boolean()) {
      send_error(res, 400, "invalid_parameter", "featured: expected true or false");
      return;
    }
    const bool featured = it == body->end() || it->get<bool>();
    request.action = featured ? app::ModerationAction::Feature : app::ModerationAction::Unfeature;
  } else if (action == "reply") {
    auto it = body->find("text");
    if (it == body->end() || !it->is_string()) {
      send_error(res, 400, "invalid_parameter",
                 "text: expected a string of at most 5000 bytes (\"\" removes the reply)");
      return;
    }
    request.action = app::ModerationAction::Reply;
    request.text = it->get<std::string>();
  }
  send_review(res, app::moderate_review(app, request));
}

void remove(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (!is_valid_id(id)) {
    send_error(res, 400, "invalid_id", "review id is malformed");
    return;
  }
  app::Outcome<std::string> deleted =
      app::delete_review_for(app, id, actor.name, req.get_param_value("note"));
  if (!deleted) return send_problem(res, deleted.problem(), "en");
  send_json(res, 200, {{"deleted", deleted.value()}});
}

void audit(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  const auto limit = int_param(req, res, "limit", 100, 1, 1000);
  if (!limit) return;
  const auto offset = int_param(req, res, "offset", 0, 0, INT64_C(1) << 40);
  if (!offset) return;
  Result<std::vector<AuditEntry>> entries =
      list_audit(*app.db, req.get_param_value("review"), *limit, *offset);
  if (!entries) {
    send_error(res, 500, "internal", "database error");
    return;
  }
  json list = json::array();
  for (const AuditEntry& e : entries.value()) {
    list.push_back({{"id", e.id},
                    {"time", format_utc(e.time)},
                    {"actor", e.actor},
                    {"action", e.action},
                    {"review_id", e.review_id},
                    {"reason", e.reason},
                    {"detail", e.detail}});
  }
  send_json(res, 200, {{"entries", list}, {"limit", *limit}, {"offset", *offset}});
}

void reviewer_export(App& app, const Actor& actor, const httplib::Request& req,
                     httplib::Response& res) {
  const std::string email = req.get_param_value("email");
  if (email.empty() || email.size() > 254) {
    send_error(res, 400, "invalid_parameter", "email: required");
    return;
  }
  Result<std::vector<StoredReview>> rows = reviews_by_email(*app.db, email);
  if (!rows) {
    send_error(res, 500, "internal", "database error");
    return;
  }
  json reviews = json::array();
  for (const StoredReview& row : rows.value()) {
    json item = admin_review_json(row);
    item["ip"] = row.ip;  // stored, so part of the subject's data
    item["order_id"] = row.order_id;
    reviews.push_back(item);
  }
  append_audit(*app.db, app.now(), actor.name, "export_reviewer", "", "data_request",
               std::to_string(rows.value().size()) + " reviews");
  send_json(res, 200,
            {{"email", email}, {"reviews", reviews}, {"exported", format_utc(app.now())}});
}

void reviewer_erase(App& app, const Actor& actor, const httplib::Request& req,
                    httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, 4096);
  if (!body) return;
  const std::string email = string_member(*body, "email");
  const std::string mode = string_member(*body, "mode");
  if (email.empty()) {
    send_error(res, 400, "invalid_parameter", "email: required");
    return;
  }
  if (mode != "delete" && mode != "anonymise") {
    send_error(res, 400, "invalid_parameter", "mode: expected \"delete\" or \"anonymise\"");
    return;
  }
  app::Outcome<app::Erased> erased =
      app::erase_reviewer_data(app, email, mode == "anonymise", actor.name);
  if (!erased) return send_problem(res, erased.problem(), "en");
  send_json(res, 200,
            {{"mode", mode},
             {"reviews", erased.value().review_ids},
             {"photos_removed", erased.value().photos_removed},
             {"mails_removed", erased.value().mails_removed},
             {"question_emails_erased", erased.value().question_emails_erased},
             {"orders_forgotten", erased.value().orders_forgotten}});
}

// Which stored rows break the stored-review rules, and which published ones
// the read path left out of snapshots (docs/api.md "Health").
void health(App& app, const Actor&, const httplib::Request&, httplib::Response& res) {
  app::Outcome<app::ReviewHealth> report = app::review_health(app);
  if (!report) return send_problem(res, report.problem(), "en");
  const app::ReviewHealth& h = report.value();
  json examples = json::array();
  for (const app::RowViolation& v : h.examples) {
    examples.push_back({{"id", v.review_id},
                        {"product_id", v.product_id},
                        {"status", v.status},
                        {"problem", v.problem}});
  }
  json skipped = json::array();
  for (const SkippedRow& row : h.skipped_on_read) {
    skipped.push_back(
        {{"id", row.review_id}, {"product_id", row.product_id}, {"problem", row.problem}});
  }
  send_json(res, 200,
            {{"ok", h.violations == 0},
             {"rows", h.rows},
             {"violations", h.violations},
             {"examples", examples},
             {"skipped_on_read", skipped}});
}

void import(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  if (req.body.size() > app.config.limits.max_import_bytes) {
    send_error(res, 413, "payload_too_large", "import file too large");
    return;
  }
  ImportOptions options;
  options.format = req.has_param("format") ? req.get_param_value("format") : "auto";
  options.partial =
      req.get_param_value("partial") == "1" || req.get_param_value("partial") == "true";
  options.actor = actor.name;
  Result<ImportReport> report = import_reviews(app, req.body, options);
  if (!report) {
    // By kind: a file we cannot read or use is the caller's (400), a database
    // failure is ours (500).
    if (report.error().kind == ErrorKind::Storage) {
      std::fprintf(stderr, "import: %s\n", report.error().to_string().c_str());
      send_error(res, 500, "internal", "database error");
    } else {
      send_error(res, 400, "import_failed", report.error().to_string());
    }
    return;
  }
  json issues = json::array();
  for (const ImportIssue& issue : report.value().issues) {
    issues.push_back({{"row", issue.row}, {"column", issue.column}, {"reason", issue.reason}});
  }
  send_json(res, report.value().committed ? 200 : 422,
            {{"format", report.value().format},
             {"rows", report.value().rows},
             {"imported", report.value().imported},
             {"skipped", report.value().skipped},
             {"skipped_by_reason", report.value().skipped_by_reason},
             {"held", report.value().held},
             {"held_by_flag", report.value().held_by_flag},
             {"committed", report.value().committed},
             {"issues", issues}});
}

void export_all(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "judgeme" && format != "json") {
    send_error(res, 400, "export_failed", "format: expected judgeme or json");
    return;
  }
  Result<std::string> bytes =
      format == "judgeme" ? export_judgeme_csv(*app.db) : export_vouch_json(*app.db);
  if (!bytes) {
    std::fprintf(stderr, "export: %s\n", bytes.error().to_string().c_str());
    send_error(res, 500, "export_failed", bytes.error().to_string());
    return;
  }
  append_audit(*app.db, app.now(), actor.name, "export", "", format, "");
  res.status = 200;
  res.set_content(bytes.value(), format == "json" ? kJsonType : "text/csv; charset=utf-8");
}

}  // namespace

void register_admin_routes(Router& server, App& app) {
  using P = Permission;
  server.Get("/api/v1/admin/reviews", admin_route(app, P::Read, list));
  server.Get(
      R"(/api/v1/admin/reviews/([^/]+))",
      admin_route(app, P::Read,
                  [](App& a, const Actor&, const httplib::Request& req, httplib::Response& res) {
                    if (std::optional<StoredReview> review = load_review(a, req, res)) {
                      send_json(res, 200, {{"review", admin_review_json(*review)}});
                    }
                  }));
  for (const char* action : {"approve", "reject", "hide", "feature", "reply"}) {
    const std::string name = action;
    // A reply is a responder's work; the rest is moderation.
    const Permission needs = name == "reply" ? P::Respond : P::Moderate;
    server.Post(
        R"(/api/v1/admin/reviews/([^/]+)/)" + name,
        admin_route(app, needs,
                    [name](App& a, const Actor& actor, const httplib::Request& req,
                           httplib::Response& res) { moderate(a, actor, req, res, name); }));
  }
  server.Delete(R"(/api/v1/admin/reviews/([^/]+))", admin_route(app, P::Manage, remove));
  server.Get("/api/v1/admin/audit", admin_route(app, P::Manage, audit));
  server.Get("/api/v1/admin/health", admin_route(app, P::Manage, health));
  server.Get("/api/v1/admin/reviewers", admin_route(app, P::Manage, reviewer_export));
  server.Post("/api/v1/admin/reviewers/erase", admin_route(app, P::Manage, reviewer_erase), 4096);
  server.Post("/api/v1/admin/import", admin_route(app, P::Manage, import),
              app.config.limits.max_import_bytes);
  server.Get("/api/v1/admin/export", admin_route(app, P::Manage, export_all));
}

}  // namespace vouch::server
