// Console API of issue 18: the outbox (queued, sent, failed mail; retry; a
// test mail) and the webhook endpoints with their delivery log. Owner-only
// (Permission::Manage): both show customers' addresses and endpoint settings.
// Routes map HTTP to outbox/ and webhooks/; the rules live there.

#include <charconv>
#include <cstdio>

#include "admin_route.hpp"
#include "audit_log.hpp"
#include "http_util.hpp"
#include "outbox/mail_settings.hpp"
#include "outbox/outbox.hpp"
#include "outbox/outbox_store.hpp"
#include "routes.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/utf8.hpp"
#include "webhooks/endpoint_store.hpp"

namespace vouch::server {

namespace {

json time_or_null(const std::optional<std::int64_t>& t) {
  return t ? json(format_utc(*t)) : json(nullptr);
}

json mail_json(const outbox::MailRow& m, bool full) {
  json out = {
      {"id", m.id},
      {"message_id", m.message_id},
      {"kind", m.kind},
      {"to", m.to_address},
      {"to_name", m.to_name},
      {"subject", m.subject},
      {"reference", m.reference},
      {"state", m.state},
      {"attempts", m.attempts},
      {"next_attempt", m.state == "queued" ? json(format_utc(m.next_attempt_at)) : json(nullptr)},
      {"last_attempt", time_or_null(m.last_attempt_at)},
      {"last_error", m.last_error},
      {"created", format_utc(m.created_at)},
      {"sent", time_or_null(m.sent_at)}};
  if (full) {
    out["text"] = m.text_body;
    out["html"] = m.html_body;
    out["list_unsubscribe"] = m.list_unsubscribe;
  }
  return out;
}

void send_storage(httplib::Response& res, const Error& error) {
  std::fprintf(stderr, "outbox/webhooks: %s\n", error.to_string().c_str());
  send_error(res, 500, "internal", "database error");
}

// Errors of the stores: the kind decides the status.
void send_failure(httplib::Response& res, const Error& error) {
  switch (error.kind) {
    case ErrorKind::NotFound:
      return send_error(res, 404, "not_found", error.message);
    case ErrorKind::Conflict:
      return send_error(res, 409, "conflict", error.message);
    case ErrorKind::Invalid:
    case ErrorKind::Syntax:
      return send_error(res, 422, "invalid_parameter", error.path + ": " + error.message);
    case ErrorKind::Storage:
      break;
  }
  send_storage(res, error);
}

std::optional<std::int64_t> path_id(const httplib::Request& req, httplib::Response& res) {
  const std::string text = req.matches[1];
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0 || text.size() > 18) {
    send_error(res, 400, "invalid_id", "id: a positive integer");
    return std::nullopt;
  }
  return id;
}

void list_outbox(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  const std::string state = req.get_param_value("state");
  if (!state.empty() && state != "queued" && state != "sending" && state != "sent" &&
      state != "failed") {
    send_error(res, 400, "invalid_parameter", "state: queued, sending, sent or failed");
    return;
  }
  std::optional<std::int64_t> before = int_param(req, res, "before", 0, 0, INT64_C(1) << 53);
  if (!before) return;
  std::optional<std::int64_t> limit = int_param(req, res, "limit", 50, 1, 200);
  if (!limit) return;
  Result<outbox::OutboxCounts> counts = outbox::count_mails(*app.db);
  if (!counts) return send_storage(res, counts.error());
  Result<std::vector<outbox::MailRow>> rows = outbox::list_mails(*app.db, state, *before, *limit);
  if (!rows) return send_storage(res, rows.error());
  json mails = json::array();
  for (const outbox::MailRow& m : rows.value()) mails.push_back(mail_json(m, false));
  const outbox::MailSettings& mail = app.config.mail;
  send_json(res, 200,
            {{"sending_enabled", mail.enabled},
             {"relay", mail.enabled ? json(mail.smtp_url) : json(nullptr)},
             {"from", mail.enabled ? json(mail.from) : json(nullptr)},
             {"counts",
              {{"queued", counts.value().queued},
               {"sending", counts.value().sending},
               {"sent", counts.value().sent},
               {"failed", counts.value().failed}}},
             {"mails", mails},
             {"next_before", rows.value().size() == static_cast<std::size_t>(*limit)
                                 ? json(rows.value().back().id)
                                 : json(nullptr)}});
}

void get_mail(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  Result<std::optional<outbox::MailRow>> found = outbox::find_mail(*app.db, *id);
  if (!found) return send_storage(res, found.error());
  if (!found.value()) return send_error(res, 404, "not_found", "no such mail");
  send_json(res, 200, {{"mail", mail_json(*found.value(), true)}});
}

void retry_mail(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Status retried = outbox::retry_mail(*app.db, *id, app.now());
  if (retried)
    retried = append_audit(*app.db, app.now(), actor.name, "outbox_retry", "", "",
                           "mail " + std::to_string(*id));
  if (retried) retried = transaction.commit();
  if (!retried) return send_failure(res, retried.error());
  Result<std::optional<outbox::MailRow>> found = outbox::find_mail(*app.db, *id);
  if (!found || !found.value()) return send_storage(res, Error{"outbox", "row vanished"});
  send_json(res, 200, {{"mail", mail_json(*found.value(), false)}});
}

// A test mail to the given address: checks the relay settings end to end.
void test_mail(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, 4096);
  if (!body) return;
  const auto to = body->find("to");
  if (to == body->end() || !to->is_string() ||
      !outbox::is_plain_address(to->get_ref<const std::string&>())) {
    send_error(res, 400, "invalid_parameter", "to: expected one e-mail address");
    return;
  }
  outbox::OutgoingMail mail;
  mail.kind = "test";
  mail.to_address = to->get<std::string>();
  mail.subject = "Test mail from " + app.config.store_name;
  mail.text_body = "This is a test mail from the review server of " + app.config.store_name +
                   ", queued in the console by " + actor.name +
                   ".\nIf it reached you, the outbox can send mail.\n";
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Result<std::int64_t> queued = outbox::enqueue_mail(*app.db, mail, app.now());
  Status status = queued ? Status(Ok{}) : Status(queued.error());
  if (status)
    status = append_audit(*app.db, app.now(), actor.name, "outbox_test", "", "",
                          "mail " + std::to_string(queued.value()));
  if (status) status = transaction.commit();
  if (!status) return send_failure(res, status.error());
  Result<std::optional<outbox::MailRow>> found = outbox::find_mail(*app.db, queued.value());
  if (!found || !found.value()) return send_storage(res, Error{"outbox", "row vanished"});
  send_json(res, 201, {{"mail", mail_json(*found.value(), false)}});
}

json endpoint_json(const webhooks::Endpoint& e) {
  return {{"id", e.id},
          {"url", e.url},
          {"events", e.events},
          {"personal_data", e.personal_data},
          {"description", e.description},
          {"source", e.source},
          {"active", e.active},
          {"created", format_utc(e.created_at)},
          {"created_by", e.created_by}};
}

// {url, events, personal_data?, description?}; sends the 400 itself.
std::optional<webhooks::EndpointInput> endpoint_input(const json& body, httplib::Response& res) {
  webhooks::EndpointInput input;
  for (const auto& member : body.items()) {
    const std::string& key = member.key();
    if (key != "url" && key != "events" && key != "personal_data" && key != "description" &&
        key != "active") {
      send_error(res, 400, "invalid_parameter",
                 key +
                     ": unknown member (expected url, events, personal_data, description, "
                     "active)");
      return std::nullopt;
    }
  }
  const auto url = body.find("url");
  const auto events = body.find("events");
  if (url == body.end() || !url->is_string()) {
    send_error(res, 400, "invalid_parameter", "url: expected a string");
    return std::nullopt;
  }
  input.url = url->get<std::string>();
  if (events == body.end() || !events->is_array() || events->size() > 16) {
    send_error(res, 400, "invalid_parameter", "events: expected an array of event types");
    return std::nullopt;
  }
  for (const json& type : *events) {
    if (!type.is_string()) {
      send_error(res, 400, "invalid_parameter", "events: expected an array of event types");
      return std::nullopt;
    }
    input.events.push_back(type.get<std::string>());
  }
  if (const auto it = body.find("personal_data"); it != body.end()) {
    if (!it->is_boolean()) {
      send_error(res, 400, "invalid_parameter", "personal_data: expected true or false");
      return std::nullopt;
    }
    input.personal_data = it->get<bool>();
  }
  if (const auto it = body.find("description"); it != body.end()) {
    if (!it->is_string()) {
      send_error(res, 400, "invalid_parameter", "description: expected a string");
      return std::nullopt;
    }
    input.description = it->get<std::string>();
  }
  if (Status checked = webhooks::check_endpoint_input(input); !checked) {
    send_error(res, 422, "invalid_parameter",
               checked.error().path + ": " + checked.error().message);
    return std::nullopt;
  }
  return input;
}

void list_webhooks(App& app, const Actor&, const httplib::Request&, httplib::Response& res) {
  Result<std::vector<webhooks::Endpoint>> endpoints = webhooks::list_endpoints(*app.db);
  if (!endpoints) return send_storage(res, endpoints.error());
  json list = json::array();
  for (const webhooks::Endpoint& e : endpoints.value()) list.push_back(endpoint_json(e));
  send_json(res, 200,
            {{"endpoints", list},
             {"event_types", webhooks::event_types()},
             {"retry_hours", app.config.webhooks.retry_hours}});
}

void create_webhook(App& app, const Actor& actor, const httplib::Request& req,
                    httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, 8192);
  if (!body) return;
  std::optional<webhooks::EndpointInput> input = endpoint_input(*body, res);
  if (!input) return;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Result<webhooks::Endpoint> made =
      webhooks::create_endpoint(*app.db, *input, actor.name, app.now());
  if (!made) return send_failure(res, made.error());
  Status status =
      append_audit(*app.db, app.now(), actor.name, "webhook_add", "", "", made.value().url);
  if (status) status = transaction.commit();
  if (!status) return send_failure(res, status.error());
  // The secret is shown this once; the console never lists it again.
  send_json(res, 201, {{"endpoint", endpoint_json(made.value())}, {"secret", made.value().secret}});
}

void update_webhook(App& app, const Actor& actor, const httplib::Request& req,
                    httplib::Response& res) {
  std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  std::optional<json> body = read_json_body(req, res, 8192);
  if (!body) return;
  std::optional<webhooks::EndpointInput> input = endpoint_input(*body, res);
  if (!input) return;
  bool active = true;
  if (const auto it = body->find("active"); it != body->end()) {
    if (!it->is_boolean())
      return send_error(res, 400, "invalid_parameter", "active: expected true or false");
    active = it->get<bool>();
  }
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Result<webhooks::Endpoint> updated = webhooks::update_endpoint(*app.db, *id, *input, active);
  if (!updated) return send_failure(res, updated.error());
  Status status =
      append_audit(*app.db, app.now(), actor.name, "webhook_edit", "", "", updated.value().url);
  if (status) status = transaction.commit();
  if (!status) return send_failure(res, status.error());
  send_json(res, 200, {{"endpoint", endpoint_json(updated.value())}});
}

void delete_webhook(App& app, const Actor& actor, const httplib::Request& req,
                    httplib::Response& res) {
  std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Status status = webhooks::delete_endpoint(*app.db, *id);
  if (status)
    status = append_audit(*app.db, app.now(), actor.name, "webhook_remove", "", "",
                          "endpoint " + std::to_string(*id));
  if (status) status = transaction.commit();
  if (!status) return send_failure(res, status.error());
  send_json(res, 200, {{"deleted", *id}});
}

void list_deliveries(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::int64_t> endpoint = int_param(req, res, "endpoint", 0, 0, INT64_C(1) << 53);
  if (!endpoint) return;
  std::optional<std::int64_t> before = int_param(req, res, "before", 0, 0, INT64_C(1) << 53);
  if (!before) return;
  std::optional<std::int64_t> limit = int_param(req, res, "limit", 50, 1, 200);
  if (!limit) return;
  Result<std::vector<webhooks::Delivery>> rows =
      webhooks::list_deliveries(*app.db, *endpoint, *before, *limit);
  if (!rows) return send_storage(res, rows.error());
  json list = json::array();
  for (const webhooks::Delivery& d : rows.value()) {
    json log = json::array();
    for (const webhooks::Attempt& a : d.log)
      log.push_back({{"time", format_utc(a.time)},
                     {"status", a.status == 0 ? json(nullptr) : json(a.status)},
                     {"duration_ms", a.duration_ms},
                     {"error", a.error}});
    list.push_back({{"id", d.id},
                    {"endpoint_id", d.endpoint_id},
                    {"event_id", d.event_id},
                    {"sequence", d.sequence},
                    {"type", d.type},
                    {"state", d.state},
                    {"attempts", d.attempts},
                    {"next_attempt",
                     d.state == "queued" ? json(format_utc(d.next_attempt_at)) : json(nullptr)},
                    {"last_error", d.last_error},
                    {"created", format_utc(d.created_at)},
                    {"delivered", time_or_null(d.delivered_at)},
                    {"log", log}});
  }
  send_json(res, 200,
            {{"deliveries", list},
             {"next_before", rows.value().size() == static_cast<std::size_t>(*limit)
                                 ? json(rows.value().back().id)
                                 : json(nullptr)}});
}

void redeliver_route(App& app, const Actor& actor, const httplib::Request& req,
                     httplib::Response& res) {
  std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Status status = webhooks::redeliver(*app.db, *id, app.now());
  if (status)
    status = append_audit(*app.db, app.now(), actor.name, "webhook_redeliver", "", "",
                          "delivery " + std::to_string(*id));
  if (status) status = transaction.commit();
  if (!status) return send_failure(res, status.error());
  send_json(res, 200, {{"delivery", *id}, {"state", "queued"}});
}

}  // namespace

void register_outbox_routes(Router& server, App& app) {
  using P = Permission;
  server.Get("/api/v1/admin/outbox", admin_route(app, P::Manage, list_outbox));
  server.Post("/api/v1/admin/outbox/test", admin_route(app, P::Manage, test_mail), 4096);
  server.Get(R"(/api/v1/admin/outbox/((?!test$)[^/]+))", admin_route(app, P::Manage, get_mail));
  server.Post(R"(/api/v1/admin/outbox/([^/]+)/retry)", admin_route(app, P::Manage, retry_mail),
              1024);
  server.Get("/api/v1/admin/webhooks", admin_route(app, P::Manage, list_webhooks));
  server.Post("/api/v1/admin/webhooks", admin_route(app, P::Manage, create_webhook), 8192);
  server.Get("/api/v1/admin/webhooks/deliveries", admin_route(app, P::Manage, list_deliveries));
  server.Post(R"(/api/v1/admin/webhooks/deliveries/([^/]+)/retry)",
              admin_route(app, P::Manage, redeliver_route), 1024);
  server.Put(R"(/api/v1/admin/webhooks/((?!deliveries$)[^/]+))",
             admin_route(app, P::Manage, update_webhook), 8192);
  server.Delete(R"(/api/v1/admin/webhooks/((?!deliveries$)[^/]+))",
                admin_route(app, P::Manage, delete_webhook));
}

}  // namespace vouch::server
