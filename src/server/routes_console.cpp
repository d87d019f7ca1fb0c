// Console API of issue 15 items 5-7: reply templates, the reply check, notes,
// private messages, history, resolve / follow-up / reopen, metrics and the
// test clock. Routes only map HTTP to the use cases in src/server/inbox/.

#include <charconv>

#include "admin_route.hpp"
#include "http_util.hpp"
#include "inbox/console_item.hpp"
#include "inbox/follow_up.hpp"
#include "inbox/inbox_actions.hpp"
#include "inbox/inbox_item_json.hpp"
#include "inbox/item_history.hpp"
#include "inbox/metrics.hpp"
#include "inbox/templates_store.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

using namespace inbox;

constexpr std::size_t kBodyLimit = 32 * 1024;

json number_or_null(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
json rate_or_null(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Every {"item"} answer is the whole inbox item, as the inbox routes send it.
void send_item(App& app, httplib::Response& res, const app::Outcome<ConsoleItem>& item) {
  if (!item) return send_problem(res, item.problem(), "en");
  app::Outcome<ItemView> view = load_item(app, item.value().review_id);
  if (!view) return send_problem(res, view.problem(), "en");
  send_json(
      res, 200,
      {{"item", inbox_item_json(view.value().review, view.value().row, *app.inbox, app.now())}});
}

json warnings_json(const std::vector<reply::ReplyWarning>& warnings) {
  json list = json::array();
  for (const reply::ReplyWarning& w : warnings) {
    list.push_back({{"code", reply::reply_warning_code(w.kind)},
                    {"message", warning_message(w.kind)},
                    {"begin", w.begin},
                    {"end", w.end}});
  }
  return list;
}

json issues_json(const std::vector<TemplateIssue>& issues) {
  json list = json::array();
  for (const TemplateIssue& issue : issues) {
    json row = {{"field", issue.field}, {"code", issue.code}, {"message", issue.message}};
    row["offset"] = issue.offset ? json(*issue.offset) : json(nullptr);
    if (issue.end) row["end"] = *issue.end;
    list.push_back(row);
  }
  return list;
}

json template_json(const Template& t, const std::optional<int>& score = std::nullopt) {
  json out = {{"id", t.id},
              {"name", t.name},
              {"locale", t.locale},
              {"tags", t.tags},
              {"body", t.body},
              {"seed", t.seed},
              {"updated", format_utc(t.updated)},
              {"updated_by", t.updated_by}};
  if (score) out["score"] = *score;
  return out;
}

// A required string member; sends 400 and returns nullopt otherwise.
std::optional<std::string> string_field(const json& body, const char* key, httplib::Response& res,
                                        bool required = true) {
  auto it = body.find(key);
  if (it == body.end() && !required) return std::string();
  if (it == body.end() || !it->is_string()) {
    send_error(res, 400, "invalid_parameter", std::string(key) + ": expected a string");
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<std::int64_t> template_id(const httplib::Request& req, httplib::Response& res) {
  const std::string text = req.matches[1];
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0 || text.size() > 18) {
    send_error(res, 400, "invalid_id", "template id: a positive integer");
    return std::nullopt;
  }
  return id;
}

std::optional<TemplateInput> template_input(const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kBodyLimit);
  if (!body) return std::nullopt;
  TemplateInput input;
  std::optional<std::string> name = string_field(*body, "name", res);
  if (!name) return std::nullopt;
  std::optional<std::string> body_text = string_field(*body, "body", res);
  if (!body_text) return std::nullopt;
  std::optional<std::string> locale = string_field(*body, "locale", res, false);
  if (!locale) return std::nullopt;
  input.name = *name;
  input.body = *body_text;
  input.locale = *locale;
  auto tags = body->find("tags");
  if (tags != body->end()) {
    if (!tags->is_array()) {
      send_error(res, 400, "invalid_parameter", "tags: expected an array of strings");
      return std::nullopt;
    }
    for (const json& tag : *tags) {
      if (!tag.is_string()) {
        send_error(res, 400, "invalid_parameter", "tags: expected an array of strings");
        return std::nullopt;
      }
      input.tags.push_back(tag.get<std::string>());
    }
  }
  return input;
}

void send_template_write(httplib::Response& res, const app::Outcome<TemplateWrite>& written,
                         int status) {
  if (!written) return send_problem(res, written.problem(), "en");
  if (!written.value().issues.empty()) {
    send_json(res, 422,
              {{"error", {{"code", "invalid_template"}, {"message", "the template was not saved"}}},
               {"errors", issues_json(written.value().issues)}});
    return;
  }
  send_json(res, status, {{"template", template_json(written.value().saved)}});
}

void list_templates_route(App& app, const Actor&, const httplib::Request& req,
                          httplib::Response& res) {
  TemplateQuery query;
  query.review_id = req.get_param_value("review");
  query.text = req.get_param_value("q");
  query.locale = req.get_param_value("locale");
  if (query.text.size() > 500 || query.locale.size() > 35) {
    send_error(res, 400, "invalid_parameter", "q: at most 500 bytes; locale: a BCP 47 tag");
    return;
  }
  app::Outcome<std::vector<ScoredTemplate>> found = list_templates(app, query);
  if (!found) return send_problem(res, found.problem(), "en");
  json list = json::array();
  for (const ScoredTemplate& t : found.value()) list.push_back(template_json(t.value, t.score));
  json placeholders = json::array();
  for (reply::Placeholder p : reply::all_placeholders())
    placeholders.push_back(
        {{"name", reply::placeholder_name(p)}, {"description", placeholder_description(p)}});
  send_json(res, 200, {{"templates", list}, {"placeholders", placeholders}});
}

void preview_route(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kBodyLimit);
  if (!body) return;
  std::optional<std::string> review_id = string_field(*body, "review_id", res);
  if (!review_id) return;
  std::string text;
  if (body->contains("template_id")) {
    const json& id = (*body)["template_id"];
    if (!id.is_number_integer()) {
      send_error(res, 400, "invalid_parameter", "template_id: expected an integer");
      return;
    }
    app::Outcome<Template> found = find_template(app, id.get<std::int64_t>());
    if (!found) return send_problem(res, found.problem(), "en");
    text = found.value().body;
  } else {
    std::optional<std::string> given = string_field(*body, "body", res);
    if (!given) return;
    text = *given;
  }
  app::Outcome<Preview> preview = preview_template(app, text, *review_id);
  if (!preview) return send_problem(res, preview.problem(), "en");
  send_json(res, 200,
            {{"text", preview.value().text},
             {"errors", issues_json(preview.value().errors)},
             {"warnings", warnings_json(preview.value().warnings)}});
}

void check_route(App&, const Actor&, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kBodyLimit);
  if (!body) return;
  std::optional<std::string> text = string_field(*body, "text", res);
  if (!text) return;
  send_json(res, 200, {{"warnings", warnings_json(reply::check_reply(*text))}});
}

void note_route(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kBodyLimit);
  if (!body) return;
  std::optional<std::string> text = string_field(*body, "text", res);
  if (!text) return;
  app::Outcome<ItemEvent> event = add_note(app, actor.name, req.matches[1], *text);
  if (!event) return send_problem(res, event.problem(), "en");
  send_json(res, 201, {{"event", event_json(event.value())}});
}

void message_route(App& app, const Actor& actor, const httplib::Request& req,
                   httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kBodyLimit);
  if (!body) return;
  std::optional<std::string> text = string_field(*body, "text", res);
  if (!text) return;
  app::Outcome<SentMessage> sent = add_message(app, actor.name, req.matches[1], *text);
  if (!sent) return send_problem(res, sent.problem(), "en");
  send_json(res, 201,
            {{"event", event_json(sent.value().event)},
             {"mailto", sent.value().mailto.empty() ? json(nullptr) : json(sent.value().mailto)},
             {"outbox_id", sent.value().outbox_id ? json(sent.value().outbox_id) : json(nullptr)},
             {"warnings", warnings_json(sent.value().warnings)}});
}

void history_route(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  app::Outcome<std::vector<HistoryEntry>> history = item_history(app, req.matches[1]);
  if (!history) return send_problem(res, history.problem(), "en");
  send_json(res, 200, {{"history", history_json(history.value())}});
}

void resolve_route(App& app, const Actor& actor, const httplib::Request& req,
                   httplib::Response& res) {
  std::optional<json> body = req.body.empty() ? json::object() : read_json_body(req, res, 4096);
  if (!body) return;
  ResolveRequest request;
  request.review_id = req.matches[1];
  if (body->contains("follow_up_days")) {
    const json& days = (*body)["follow_up_days"];
    if (!days.is_number_integer() || days.get<std::int64_t>() < 0 ||
        days.get<std::int64_t>() > kMaxFollowUpDays) {
      send_error(res, 400, "invalid_parameter", "follow_up_days: an integer 0..90 (0 = none)");
      return;
    }
    request.follow_up_days = days.get<int>();
  }
  if (body->contains("follow_up_at")) {
    std::optional<std::string> date = string_field(*body, "follow_up_at", res);
    if (!date) return;
    if (date->empty()) {
      send_error(res, 400, "invalid_parameter", "follow_up_at: a date YYYY-MM-DD");
      return;
    }
    request.follow_up_date = *date;
  }
  send_item(app, res, resolve_item(app, actor.name, request));
}

void follow_up_route(App& app, const Actor& actor, const httplib::Request& req,
                     httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kBodyLimit);
  if (!body) return;
  std::optional<std::string> outcome = string_field(*body, "outcome", res);
  if (!outcome) return;
  std::optional<FollowUpOutcome> parsed = follow_up_outcome_from(*outcome);
  if (!parsed) {
    send_error(res, 400, "invalid_parameter", "outcome: satisfied, not_satisfied or no_answer");
    return;
  }
  std::optional<std::string> note = string_field(*body, "note", res, false);
  if (!note) return;
  send_item(app, res, record_follow_up(app, actor.name, req.matches[1], *parsed, *note));
}

void reopen_route(App& app, const Actor& actor, const httplib::Request& req,
                  httplib::Response& res) {
  send_item(app, res, reopen_item(app, actor.name, req.matches[1]));
}

void metrics_route(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  const std::string days_text = req.has_param("days") ? req.get_param_value("days") : "30";
  const int days = days_text == "7" ? 7 : days_text == "30" ? 30 : days_text == "90" ? 90 : 0;
  app::Outcome<Metrics> computed = compute_metrics(app, days);
  if (!computed) return send_problem(res, computed.problem(), "en");
  const Metrics& m = computed.value();
  json staff = json::array();
  for (const StaffFigures& s : m.per_staff) {
    staff.push_back({{"name", s.name},
                     {"replies", s.replies},
                     {"median_first_reply_seconds", number_or_null(s.median_first_reply_seconds)},
                     {"follow_ups", s.follow_ups},
                     {"satisfied", s.satisfied}});
  }
  json products = json::array();
  for (const ProductFigures& p : m.per_product) {
    products.push_back(
        {{"product_id", p.product_id},
         {"reviews", p.reviews},
         {"response_rate", rate_or_null(p.response_rate)},
         {"median_first_reply_seconds", number_or_null(p.median_first_reply_seconds)},
         {"overdue", p.overdue}});
  }
  send_json(res, 200,
            {{"days", m.days},
             {"from", format_utc(m.from)},
             {"to", format_utc(m.to)},
             {"reviews", m.reviews},
             {"response_rate", rate_or_null(m.response_rate)},
             {"median_first_reply_seconds", number_or_null(m.median_first_reply_seconds)},
             {"p90_first_reply_seconds", number_or_null(m.p90_first_reply_seconds)},
             {"percentile_method", "nearest_rank"},
             {"negative",
              {{"max_rating", app.inbox->clock.targets.negative_max_rating},
               {"total", m.negative_total},
               {"answered_within_target", m.negative_within_target},
               {"share_within_target", rate_or_null(m.negative_share_within_target)}}},
             {"overdue_now", m.overdue_now},
             {"follow_ups",
              {{"done", m.follow_ups_done},
               {"satisfied", m.satisfied},
               {"not_satisfied", m.not_satisfied},
               {"no_answer", m.no_answer},
               {"satisfaction_rate", rate_or_null(m.satisfaction_rate)}}},
             {"per_staff", staff},
             {"per_product", products}});
}

// serve --test-clock only: moves App::now forward.
void test_clock_route(App& app, const Actor& actor, const httplib::Request& req,
                      httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, 1024);
  if (!body) return;
  auto it = body->find("advance_seconds");
  constexpr std::int64_t kMaxAdvance = INT64_C(10) * 366 * 86400;
  if (it == body->end() || !it->is_number_integer() || it->get<std::int64_t>() < 0 ||
      it->get<std::int64_t>() > kMaxAdvance) {
    send_error(res, 400, "invalid_parameter",
               "advance_seconds: an integer from 0 to 316224000 (ten years)");
    return;
  }
  app.clock_offset.fetch_add(it->get<std::int64_t>());
  std::fprintf(stderr, "vouch-server: test clock advanced %lld s by %s\n",
               static_cast<long long>(it->get<std::int64_t>()), actor.name.c_str());
  send_json(res, 200, {{"now", format_utc(app.now())}});
}

}  // namespace

void register_console_routes(Router& server, App& app) {
  using P = Permission;
  // A template id is any path part but "preview" (POST .../templates/preview is its own route).
  server.Get("/api/v1/admin/templates", admin_route(app, P::Read, list_templates_route));
  server.Post("/api/v1/admin/templates",
              admin_route(app, P::Templates,
                          [](App& a, const Actor& actor, const httplib::Request& req,
                             httplib::Response& res) {
                            if (std::optional<TemplateInput> input = template_input(req, res))
                              send_template_write(res, create_template(a, actor.name, *input), 201);
                          }),
              kBodyLimit);
  server.Post("/api/v1/admin/templates/preview", admin_route(app, P::Read, preview_route),
              kBodyLimit);
  server.Put(
      R"(/api/v1/admin/templates/((?!preview$)[^/]+))",
      admin_route(
          app, P::Templates,
          [](App& a, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
            std::optional<std::int64_t> id = template_id(req, res);
            if (!id) return;
            if (std::optional<TemplateInput> input = template_input(req, res))
              send_template_write(res, update_template(a, actor.name, *id, *input), 200);
          }),
      kBodyLimit);
  server.Delete(
      R"(/api/v1/admin/templates/((?!preview$)[^/]+))",
      admin_route(
          app, P::Templates,
          [](App& a, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
            std::optional<std::int64_t> id = template_id(req, res);
            if (!id) return;
            app::Outcome<std::int64_t> deleted = delete_template(a, actor.name, *id);
            if (!deleted) return send_problem(res, deleted.problem(), "en");
            send_json(res, 200, {{"deleted", deleted.value()}});
          }));
  server.Post("/api/v1/admin/replies/check", admin_route(app, P::Read, check_route), kBodyLimit);
  server.Post(R"(/api/v1/admin/inbox/([^/]+)/notes)", admin_route(app, P::Respond, note_route),
              kBodyLimit);
  server.Post(R"(/api/v1/admin/inbox/([^/]+)/messages)",
              admin_route(app, P::Respond, message_route), kBodyLimit);
  server.Get(R"(/api/v1/admin/inbox/([^/]+)/history)", admin_route(app, P::Read, history_route));
  server.Post(R"(/api/v1/admin/inbox/([^/]+)/resolve)", admin_route(app, P::Respond, resolve_route),
              4096);
  server.Post(R"(/api/v1/admin/inbox/([^/]+)/follow-up)",
              admin_route(app, P::Respond, follow_up_route), kBodyLimit);
  server.Post(R"(/api/v1/admin/inbox/([^/]+)/reopen)", admin_route(app, P::Respond, reopen_route),
              1024);
  server.Get("/api/v1/admin/metrics", admin_route(app, P::Read, metrics_route));
  if (app.test_clock)
    server.Post("/api/v1/admin/test/clock", admin_route(app, P::Manage, test_clock_route), 1024);
}

}  // namespace vouch::server
