// Console API of issue 18, the outbox: queued, sent and failed mail, one
// mail's text, retry, a test mail. Owner-only (Permission::Manage): it shows
// customers' addresses. Routes map HTTP to outbox/; the rules live there.

#include "admin_route.hpp"
#include "audit_log.hpp"
#include "http_util.hpp"
#include "outbox/mail_settings.hpp"
#include "outbox/mail_texts.hpp"
#include "outbox/outbox.hpp"
#include "outbox/outbox_store.hpp"
#include "routes.hpp"
#include "routes_rows.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

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
      {"last_attempt", utc_or_null(m.last_attempt_at)},
      {"last_error", m.last_error},
      {"created", format_utc(m.created_at)},
      {"sent", utc_or_null(m.sent_at)}};
  if (full) {
    out["text"] = m.text_body;
    out["html"] = m.html_body;
    out["list_unsubscribe"] = m.list_unsubscribe;
  }
  return out;
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
  if (!counts) return send_storage_error(res, counts.error());
  Result<std::vector<outbox::MailRow>> rows = outbox::list_mails(*app.db, state, *before, *limit);
  if (!rows) return send_storage_error(res, rows.error());
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
  std::optional<std::int64_t> id = row_id(req, res);
  if (!id) return;
  Result<std::optional<outbox::MailRow>> found = outbox::find_mail(*app.db, *id);
  if (!found) return send_storage_error(res, found.error());
  if (!found.value()) return send_error(res, 404, "not_found", "no such mail");
  send_json(res, 200, {{"mail", mail_json(*found.value(), true)}});
}

void retry_mail(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::int64_t> id = row_id(req, res);
  if (!id) return;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Status retried = outbox::retry_mail(*app.db, *id, app.now());
  if (retried)
    retried = append_audit(*app.db, app.now(), actor.name, "outbox_retry", "", "",
                           "mail " + std::to_string(*id));
  if (retried) retried = transaction.commit();
  if (!retried) return send_row_error(res, retried.error());
  Result<std::optional<outbox::MailRow>> found = outbox::find_mail(*app.db, *id);
  if (!found || !found.value()) return send_storage_error(res, Error{"outbox", "row vanished"});
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
  // The recipient's language when the console says it (its own locale), else English.
  i18n::Locale locale = i18n::Locale::En;
  if (const auto tag = body->find("locale"); tag != body->end()) {
    if (!tag->is_string() || tag->get_ref<const std::string&>().size() > 35 ||
        !is_valid_id(tag->get_ref<const std::string&>())) {
      send_error(res, 400, "invalid_parameter", "locale: expected a BCP 47 tag like \"de-CH\"");
      return;
    }
    locale = i18n::resolve_locale(tag->get<std::string>());
  }
  outbox::OutgoingMail mail;
  mail.kind = "test";
  mail.to_address = to->get<std::string>();
  const i18n::Params params = {{"store", app.config.store_name}, {"who", actor.name}};
  mail.subject = outbox::mail_text("test_subject", locale, params);
  mail.text_body = outbox::mail_text("test_body", locale, params);
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Result<std::int64_t> queued = outbox::enqueue_mail(*app.db, mail, app.now());
  Status status = queued ? Status(Ok{}) : Status(queued.error());
  if (status)
    status = append_audit(*app.db, app.now(), actor.name, "outbox_test", "", "",
                          "mail " + std::to_string(queued.value()));
  if (status) status = transaction.commit();
  if (!status) return send_row_error(res, status.error());
  Result<std::optional<outbox::MailRow>> found = outbox::find_mail(*app.db, queued.value());
  if (!found || !found.value()) return send_storage_error(res, Error{"outbox", "row vanished"});
  send_json(res, 201, {{"mail", mail_json(*found.value(), false)}});
}

}  // namespace

void register_outbox_routes(Router& server, App& app) {
  using P = Permission;
  server.Get("/api/v1/admin/outbox", admin_route(app, P::Manage, list_outbox));
  server.Post("/api/v1/admin/outbox/test", admin_route(app, P::Manage, test_mail), 4096);
  server.Get(R"(/api/v1/admin/outbox/((?!test$)[^/]+))", admin_route(app, P::Manage, get_mail));
  server.Post(R"(/api/v1/admin/outbox/([^/]+)/retry)", admin_route(app, P::Manage, retry_mail),
              1024);
}

}  // namespace vouch::server
