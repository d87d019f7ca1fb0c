// The console's inbox (issue 15): the list with filters and counts, one item
// with its evidence and history, corrections, the no-reply clock stop and
// bulk actions, for review and question items alike. HTTP <-> the use cases of inbox/; no rule
// lives here.

#include "admin_route.hpp"
#include "http_util.hpp"
#include "inbox/any_item.hpp"
#include "inbox/inbox_actions.hpp"
#include "inbox/inbox_item_json.hpp"
#include "inbox/inbox_query.hpp"
#include "questions/question_inbox.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server {

namespace {

constexpr std::size_t kInboxBodyLimit = 64 * 1024;

json item_json(App& app, const inbox::ItemView& view) {
  return inbox::inbox_item_json(view.review, view.row, *app.inbox, app.now());
}

// An item of either kind after a change: {"item"} as the list shows it.
void send_item(App& app, httplib::Response& res, const app::Outcome<inbox::InboxRow>& row) {
  if (!row) return send_problem(res, row.problem(), "en");
  app::Outcome<json> item = inbox::any_item_json(app, row.value());
  if (!item) return send_problem(res, item.problem(), "en");
  send_json(res, 200, {{"item", item.value()}});
}

json counts_json(const inbox::InboxCounts& c) {
  return {{"all", c.all},
          {"needs_response", c.needs_response},
          {"overdue", c.overdue},
          {"due_today", c.due_today},
          {"unread", c.unread},
          {"starred", c.starred},
          {"assigned_to_me", c.assigned_to_me},
          {"unassigned", c.unassigned},
          {"follow_up_due", c.follow_up_due},
          {"by_tag", c.by_tag},
          {"by_priority", c.by_priority},
          {"by_rating", c.by_rating},
          {"by_status", c.by_status},
          {"by_assignee", c.by_assignee},
          {"by_kind", c.by_kind}};
}

void list_items(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::multimap<std::string, std::string> params(req.params.begin(), req.params.end());
  app::Outcome<inbox::InboxQuery> query = inbox::parse_inbox_query(params, actor.name, *app.inbox);
  if (!query) return send_problem(res, query.problem(), "en");
  const inbox::QueryTimes times = inbox::query_times(app.now(), *app.inbox->zone);
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<inbox::InboxPage> page = inbox::run_inbox_query(*app.db, query.value(), times);
  Result<inbox::InboxCounts> counts = inbox::inbox_counts(*app.db, times, actor.name);
  if (!page || !counts) return send_error(res, 500, "internal", "database error");
  json items = json::array();
  for (std::size_t n = 0; n < page.value().ids.size(); ++n) {
    app::Outcome<inbox::InboxRow> row = inbox::load_row(app, page.value().ids[n]);
    if (!row) return send_problem(res, row.problem(), "en");
    app::Outcome<json> item = inbox::any_item_json(app, row.value());
    if (!item) return send_problem(res, item.problem(), "en");
    items.push_back(item.value());
  }
  send_json(res, 200,
            {{"items", items},
             {"total", page.value().total},
             {"limit", query.value().limit},
             {"offset", query.value().offset},
             {"now", format_utc(times.now)},
             {"counts", counts_json(counts.value())}});
}

void detail(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  // A question item (migration 7) has its own shape; reviews below.
  if (questions::is_question_item(app, req.matches[1])) {
    app::Outcome<json> opened = questions::open_question_item(app, req.matches[1], actor);
    if (!opened) return send_problem(res, opened.problem(), "en");
    return send_json(res, 200, opened.value());
  }
  app::Outcome<inbox::ItemDetail> found = inbox::open_item(app, req.matches[1], actor);
  if (!found) return send_problem(res, found.problem(), "en");
  const inbox::ItemDetail& d = found.value();
  json evidence = json::array();
  for (const triage::MatchedTerm& m : d.evidence)
    evidence.push_back({{"rule", m.rule},
                        {"term", m.term},
                        {"field", m.field},
                        {"begin", m.begin},
                        {"end", m.end}});
  send_json(res, 200,
            {{"item", item_json(app, d.item)},
             {"evidence", evidence},
             {"history", inbox::history_json(d.history)}});
}

void patch(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kInboxBodyLimit);
  if (!body) return;
  app::Outcome<inbox::ItemPatch> parsed = inbox::parse_item_patch(app, *body);
  if (!parsed) return send_problem(res, parsed.problem(), "en");
  send_item(app, res, inbox::patch_item(app, req.matches[1], parsed.value(), actor));
}

void no_reply(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kInboxBodyLimit);
  if (!body) return;
  auto it = body->find("reason");
  if (it == body->end() || !it->is_string() || it->get_ref<const std::string&>().empty() ||
      it->get_ref<const std::string&>().size() > 500)
    return send_error(res, 400, "invalid_parameter",
                      "reason: expected a non-empty string of at most 500 bytes");
  send_item(app, res, inbox::set_no_reply_for(app, req.matches[1], it->get<std::string>(), actor));
}

void restart_clock(App& app, const Actor& actor, const httplib::Request& req,
                   httplib::Response& res) {
  send_item(app, res, inbox::set_no_reply_for(app, req.matches[1], "", actor));
}

void bulk(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kInboxBodyLimit);
  if (!body) return;
  app::Outcome<inbox::BulkResult> done = inbox::bulk_action(app, *body, actor);
  if (!done) return send_problem(res, done.problem(), "en");
  json failed = json::array();
  for (const inbox::BulkFailure& f : done.value().failed)
    failed.push_back({{"id", f.id}, {"error", f.error}});
  send_json(res, 200, {{"done", done.value().done}, {"failed", failed}});
}

}  // namespace

void register_inbox_routes(Router& server, App& app) {
  using P = Permission;
  // "bulk" is not an item id: GET/PATCH on /inbox/bulk answer 405 (Allow: POST).
  const std::string item = R"(/api/v1/admin/inbox/((?!bulk$)[^/]+))";
  server.Get("/api/v1/admin/inbox", admin_route(app, P::Read, list_items));
  server.Post("/api/v1/admin/inbox/bulk", admin_route(app, P::Respond, bulk), kInboxBodyLimit);
  server.Get(item, admin_route(app, P::Read, detail));
  server.Patch(item, admin_route(app, P::Respond, patch), kInboxBodyLimit);
  server.Post(item + "/no-reply", admin_route(app, P::Respond, no_reply), kInboxBodyLimit);
  server.Delete(item + "/no-reply", admin_route(app, P::Respond, restart_clock));
}

}  // namespace vouch::server
