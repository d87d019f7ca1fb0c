// Questions and answers (issue 17): the public read, ask, answer and vote
// routes, the crawlable /q/{id} page, and the admin routes (list, one
// question, the store's answer, moderation, invitations of verified buyers).
// HTTP <-> the use cases of questions/; no rule lives here.

#include "admin_route.hpp"
#include "http_util.hpp"
#include "questions/answer.hpp"
#include "questions/answer_vote.hpp"
#include "questions/ask.hpp"
#include "questions/invites.hpp"
#include "questions/moderate_qa.hpp"
#include "questions/question_json.hpp"
#include "questions/question_page.hpp"
#include "questions/question_store.hpp"
#include "review_store.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

using namespace questions;

constexpr std::size_t kAdminBody = 64 * 1024;

// JSON bodies as review submissions take them: application/json, the JSON limit.
std::optional<std::string> json_body(App& app, const httplib::Request& req,
                                     httplib::Response& res) {
  const std::string type = req.get_header_value("Content-Type");
  const std::string_view media = std::string_view(type).substr(0, type.find(';'));
  if (!iequals(media, "application/json")) {
    send_error(res, 415, "unsupported_media_type", "send application/json");
    return std::nullopt;
  }
  if (req.body.size() > app.config.limits.max_json_bytes) {
    send_error(
        res, 413, "payload_too_large",
        "request body larger than " + std::to_string(app.config.limits.max_json_bytes) + " bytes");
    return std::nullopt;
  }
  return req.body;
}

void storage_error(httplib::Response& res, const Error& error) {
  std::fprintf(stderr, "questions: %s\n", error.to_string().c_str());
  send_error(res, 500, "internal", "database error");
}

void get_questions(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string product = req.matches[1];
  if (bad_id(res, product, "product")) return;
  Result<json> body = public_questions_json(*app.db, product);
  if (!body) return storage_error(res, body.error());
  res.set_header("Cache-Control",
                 "public, max-age=" + std::to_string(app.config.snapshot_max_age_seconds));
  send_json(res, 200, body.value());
}

void post_question(App& app, const httplib::Request& req, httplib::Response& res) {
  AskRequest input;
  input.product_id = req.matches[1];
  if (bad_id(res, input.product_id, "product")) return;
  std::optional<std::string> body = json_body(app, req, res);
  if (!body) return;
  input.body_json = *body;
  input.ip = client_ip(req);
  input.language = request_locale(req);
  app::Outcome<Asked> out = submit_question(app, input);
  if (!out) return send_problem(res, out.problem(), request_locale(req));
  send_json(res, 201, {{"id", out.value().id}, {"status", out.value().status}});
}

void post_answer(App& app, const httplib::Request& req, httplib::Response& res) {
  AnswerRequest input;
  input.question_id = req.matches[1];
  if (bad_id(res, input.question_id, "question")) return;
  std::optional<std::string> body = json_body(app, req, res);
  if (!body) return;
  input.body_json = *body;
  input.ip = client_ip(req);
  app::Outcome<Answered> out = submit_answer(app, input);
  if (!out) return send_problem(res, out.problem(), request_locale(req));
  send_json(res, 201,
            {{"id", out.value().id}, {"status", out.value().status}, {"badge", out.value().badge}});
}

void post_answer_vote(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  std::optional<json> body = read_json_body(req, res, 4096);
  if (!body) return;
  const std::string vote =
      body->value("vote", json()).is_string() ? (*body)["vote"].get<std::string>() : "";
  const std::string visitor =
      body->value("visitor", json()).is_string() ? (*body)["visitor"].get<std::string>() : "";
  if (vote != "up" && vote != "down")
    return send_error(res, 400, "invalid_vote", "vote: expected \"up\" or \"down\"");
  if (!valid_visitor(visitor))
    return send_error(res, 400, "invalid_visitor",
                      "visitor: expected 8..64 characters of A-Z a-z 0-9 - _");
  if (bad_id(res, id, "answer")) return;
  app::Outcome<AnswerVotes> counts =
      vote_on_answer(app, {id, visitor, vote == "up" ? 1 : -1, client_ip(req)});
  if (!counts) return send_problem(res, counts.problem(), request_locale(req));
  send_json(res, 200,
            {{"id", id},
             {"vote", vote},
             {"helpful_up", counts.value().up},
             {"helpful_down", counts.value().down}});
}

void send_page_404(httplib::Response& res) {
  res.status = 404;
  res.set_header("Cache-Control", "no-store");
  res.set_content(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"robots\" content=\"noindex\"><title>Not found</title></head>"
      "<body><p>Not found</p></body></html>\n",
      "text/html; charset=utf-8");
}

// Only a published question with a published answer has a page.
void get_question_page(App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (!is_valid_id(id)) return send_page_404(res);
  Result<std::optional<StoredQuestion>> q = find_question(*app.db, id);
  if (!q) return storage_error(res, q.error());
  if (!q.value() || q.value()->status != "published") return send_page_404(res);
  Result<std::vector<StoredAnswer>> answers = answers_of(*app.db, id, true);
  if (!answers) return storage_error(res, answers.error());
  if (answers.value().empty()) return send_page_404(res);
  res.set_header("Cache-Control",
                 "public, max-age=" + std::to_string(app.config.snapshot_max_age_seconds));
  res.set_header("Vary", "Accept-Language");
  res.status = 200;
  res.set_content(render_question_page(app, *q.value(), answers.value(),
                                       i18n::resolve_locale(request_locale(req))),
                  "text/html; charset=utf-8");
}

// ---- admin ----------------------------------------------------------------

json question_detail(App& app, const StoredQuestion& q) {
  Result<std::vector<StoredAnswer>> answers = answers_of(*app.db, q.id, false);
  Result<std::optional<std::string>> notify = asker_to_notify(*app.db, q.id);
  return admin_question_json(q, answers ? answers.value() : std::vector<StoredAnswer>(),
                             notify && notify.value().has_value());
}

void admin_list(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  QuestionFilter filter;
  if (req.has_param("product")) {
    filter.product_id = req.get_param_value("product");
    if (bad_id(res, filter.product_id, "product")) return;
  }
  if (req.has_param("status")) {
    filter.status = req.get_param_value("status");
    if (!is_status(filter.status))
      return send_error(res, 400, "invalid_parameter",
                        "status: expected pending, published, rejected or hidden");
  }
  std::optional<std::int64_t> limit = int_param(req, res, "limit", 50, 1, 200);
  if (!limit) return;
  std::optional<std::int64_t> offset = int_param(req, res, "offset", 0, 0, 1000000000);
  if (!offset) return;
  filter.limit = *limit;
  filter.offset = *offset;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::vector<StoredQuestion>> found = list_questions(*app.db, filter);
  if (!found) return storage_error(res, found.error());
  json list = json::array();
  for (const StoredQuestion& q : found.value()) list.push_back(question_detail(app, q));
  send_json(res, 200, {{"questions", list}, {"limit", *limit}, {"offset", *offset}});
}

void admin_detail(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  app::Outcome<StoredQuestion> q = load_question(app, req.matches[1]);
  if (!q) return send_problem(res, q.problem(), "en");
  send_json(res, 200, {{"question", question_detail(app, q.value())}});
}

void admin_answer(App& app, const Actor& actor, const httplib::Request& req,
                  httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kAdminBody);
  if (!body) return;
  auto text = body->find("text");
  if (text == body->end() || !text->is_string())
    return send_error(res, 400, "invalid_parameter", "text: expected a string");
  app::Outcome<StoredAnswer> done =
      answer_as_store(app, req.matches[1], text->get<std::string>(), actor);
  if (!done) return send_problem(res, done.problem(), "en");
  send_json(res, 201, {{"answer", admin_answer_json(done.value())}});
}

std::optional<std::string> reason_of(const httplib::Request& req, httplib::Response& res,
                                     bool needed) {
  if (!needed && req.body.empty()) return std::string();
  std::optional<json> body = read_json_body(req, res, 4096);
  if (!body) return std::nullopt;
  auto it = body->find("reason");
  if (it == body->end()) return std::string();
  if (!it->is_string()) {
    send_error(res, 400, "invalid_reason", "reason: expected a string");
    return std::nullopt;
  }
  return it->get<std::string>();
}

AdminHandler moderate_question_route(QaAction action) {
  return
      [action](App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
        std::optional<std::string> reason = reason_of(req, res, action != QaAction::Approve);
        if (!reason) return;
        app::Outcome<StoredQuestion> done =
            moderate_question(app, req.matches[1], action, *reason, actor);
        if (!done) return send_problem(res, done.problem(), "en");
        std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
        send_json(res, 200, {{"question", question_detail(app, done.value())}});
      };
}

AdminHandler moderate_answer_route(QaAction action) {
  return [action](App& app, const Actor& actor, const httplib::Request& req,
                  httplib::Response& res) {
    std::optional<std::string> reason = reason_of(req, res, action != QaAction::Approve);
    if (!reason) return;
    app::Outcome<StoredAnswer> done = moderate_answer(app, req.matches[1], action, *reason, actor);
    if (!done) return send_problem(res, done.problem(), "en");
    send_json(res, 200, {{"answer", admin_answer_json(done.value())}});
  };
}

void admin_invites(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  app::Outcome<std::vector<Invite>> invites = invite_links(app, req.matches[1]);
  if (!invites) return send_problem(res, invites.problem(), "en");
  json list = json::array();
  for (const Invite& i : invites.value())
    list.push_back({{"order_id", i.order_id},
                    {"author", i.author},
                    {"token", i.token},
                    {"url", i.url.empty() ? json(nullptr) : json(i.url)},
                    {"expires", format_utc(i.expires)}});
  send_json(res, 200, {{"question_id", std::string(req.matches[1])}, {"invites", list}});
}

}  // namespace

void register_question_routes(Router& server, App& app) {
  using P = Permission;
  const std::size_t json_limit = app.config.limits.max_json_bytes;
  server.Get(R"(/api/v1/products/([^/]+)/questions)",
             [&app](const httplib::Request& req, httplib::Response& res) {
               get_questions(app, req, res);
             });
  server.Post(
      R"(/api/v1/products/([^/]+)/questions)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_question(app, req, res); },
      json_limit);
  server.Post(
      R"(/api/v1/questions/([^/]+)/answers)",
      [&app](const httplib::Request& req, httplib::Response& res) { post_answer(app, req, res); },
      json_limit);
  server.Post(R"(/api/v1/answers/([^/]+)/votes)",
              [&app](const httplib::Request& req, httplib::Response& res) {
                post_answer_vote(app, req, res);
              },
              4096);
  server.Get(R"(/q/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
    get_question_page(app, req, res);
  });

  const std::string question = R"(/api/v1/admin/questions/([^/]+))";
  const std::string answer = R"(/api/v1/admin/answers/([^/]+))";
  server.Get("/api/v1/admin/questions", admin_route(app, P::Read, admin_list));
  server.Get(question, admin_route(app, P::Read, admin_detail));
  server.Post(question + "/answers", admin_route(app, P::Respond, admin_answer), kAdminBody);
  server.Get(question + "/invites", admin_route(app, P::Respond, admin_invites));
  server.Post(question + "/approve",
              admin_route(app, P::Moderate, moderate_question_route(QaAction::Approve)), 4096);
  server.Post(question + "/reject",
              admin_route(app, P::Moderate, moderate_question_route(QaAction::Reject)), 4096);
  server.Post(question + "/hide",
              admin_route(app, P::Moderate, moderate_question_route(QaAction::Hide)), 4096);
  server.Post(answer + "/approve",
              admin_route(app, P::Moderate, moderate_answer_route(QaAction::Approve)), 4096);
  server.Post(answer + "/reject",
              admin_route(app, P::Moderate, moderate_answer_route(QaAction::Reject)), 4096);
  server.Post(answer + "/hide",
              admin_route(app, P::Moderate, moderate_answer_route(QaAction::Hide)), 4096);
}

}  // namespace vouch::server
