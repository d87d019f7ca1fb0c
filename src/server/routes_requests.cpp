// Review requests (issue 18, docs/review-requests.md): orders in from the
// store's backend, the request-mail templates (edit, preview, test-send), and
// the two public links a request mail carries: the star-link redirect (counts
// the click, then the product page with the verified-review token) and the
// unsubscribe page (GET asks, POST records; RFC 8058 one-click). Routes map
// HTTP to the use cases in requests/.

#include <charconv>
#include <mutex>

#include "admin_route.hpp"
#include "audit_log.hpp"
#include "http_util.hpp"
#include "outbox/outbox.hpp"
#include "requests/orders.hpp"
#include "requests/request_links.hpp"
#include "requests/request_mail_build.hpp"
#include "requests/request_scheduler.hpp"
#include "requests/request_templates.hpp"
#include "requests/unsubscribes.hpp"
#include "review_link.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "vouch/render.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

namespace rm = vouch::request_mail;
using namespace requests;

constexpr std::size_t kOrderBodyLimit = 256 * 1024;
constexpr std::size_t kTemplateBodyLimit = 16 * 1024;
constexpr std::size_t kMaxOrderSearch = 200;
constexpr const char* kHtmlType = "text/html; charset=utf-8";

void send_html(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
  res.set_content(html, kHtmlType);
}

json order_issues_json(const std::vector<OrderIssue>& issues) {
  json list = json::array();
  for (const OrderIssue& issue : issues)
    list.push_back({{"field", issue.field}, {"code", issue.code}, {"message", issue.message}});
  return list;
}

void post_order_route(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kOrderBodyLimit);
  if (!body) return;
  std::vector<OrderIssue> issues;
  app::Outcome<StoredOrder> stored = submit_order(app, *body, "api", issues);
  if (!stored && !issues.empty()) {
    send_json(res, 422,
              {{"error", {{"code", stored.problem().code}, {"message", stored.problem().message}}},
               {"errors", order_issues_json(issues)}});
    return;
  }
  if (!stored) return send_problem(res, stored.problem(), "en");
  json request = nullptr;
  if (stored.value().request_id)
    request = {{"id", stored.value().request_id}, {"due", format_utc(stored.value().request_due)}};
  send_json(res, stored.value().created ? 201 : 200,
            {{"order_id", body->at("order_id")},
             {"created", stored.value().created},
             {"request", request}});
}

void list_orders_route(App& app, const Actor&, const httplib::Request& req,
                       httplib::Response& res) {
  const auto limit = int_param(req, res, "limit", 50, 1, 500);
  if (!limit) return;
  const auto offset = int_param(req, res, "offset", 0, 0, INT64_C(1) << 40);
  if (!offset) return;
  const std::string search = req.get_param_value("q");
  if (search.size() > kMaxOrderSearch) {
    send_error(res, 400, "invalid_parameter",
               "q: at most 200 bytes (part of an order id or address)");
    return;
  }
  app::Outcome<json> listed = list_orders(app, *limit, *offset, search);
  if (!listed) return send_problem(res, listed.problem(), "en");
  send_json(res, 200, listed.value());
}

// An id in a path: digits only, 1..18 of them (anything else names no request).
std::optional<std::int64_t> request_id_from(const std::string& text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0 || text.size() > 18)
    return std::nullopt;
  return id;
}

json send_now_json(const SendNowAnswer& answer) {
  return {{"id", answer.id},
          {"state", answer.state},
          {"skip_reason", answer.skip_reason},
          {"mail_state", answer.mail_state},
          {"outbox_id", answer.outbox_id ? json(answer.outbox_id) : json(nullptr)}};
}

// POST /api/v1/admin/requests/{id}/send-now: the scheduler's decision now.
void send_now_route(App& app, const Actor& actor, const httplib::Request& req,
                    httplib::Response& res) {
  std::optional<std::int64_t> id = request_id_from(req.matches[1]);
  if (!id) return send_error(res, 404, "not_found", "no review request with that id");
  app::Outcome<SendNowAnswer> sent = send_now(app, *id);
  if (!sent) return send_problem(res, sent.problem(), "en");
  if (!sent.value().was_scheduled) {
    send_json(
        res, 409,
        {{"error",
          {{"code", "not_scheduled"},
           {"message", "review request " + std::to_string(*id) + " is already " +
                           sent.value().state + "; only a scheduled request can be sent now"}}},
         {"request", send_now_json(sent.value())}});
    return;
  }
  // Who mailed a customer ahead of the schedule, in the audit log like every admin action.
  if (Status s = append_audit(*app.db, app.now(), actor.name, "request_send_now", "", "",
                              "request " + std::to_string(*id));
      !s)
    return send_error(res, 500, "internal", "database error");
  send_json(res, 200, {{"request", send_now_json(sent.value())}});
}

struct TemplateTarget {
  MailKind kind;
  std::string locale;
};

std::optional<TemplateTarget> template_target(const std::string& kind, const std::string& locale,
                                              httplib::Response& res) {
  std::optional<MailKind> parsed = rm::mail_kind_from(kind);
  if (!parsed) {
    send_error(res, 400, "invalid_parameter", "kind: request or reminder");
    return std::nullopt;
  }
  std::optional<std::string> tag = shipped_locale(locale);
  if (!tag) {
    send_error(res, 400, "invalid_parameter", "locale: one of en, zh-CN, zh-TW, ja, es, fr, de");
    return std::nullopt;
  }
  return TemplateTarget{*parsed, *tag};
}

// {subject, intro} from a body; missing members = the current template's.
std::optional<MailTemplate> template_from(App& app, const json& body, const TemplateTarget& target,
                                          httplib::Response& res) {
  MailTemplate value =
      stored_template(*app.db, target.kind, target.locale)
          .value_or(rm::default_template(target.kind, i18n::resolve_locale(target.locale)));
  for (const char* key : {"subject", "intro"}) {
    auto it = body.find(key);
    if (it == body.end()) continue;
    if (!it->is_string()) {
      send_error(res, 400, "invalid_parameter", std::string(key) + ": expected a string");
      return std::nullopt;
    }
    (std::string_view(key) == "subject" ? value.subject : value.intro) = it->get<std::string>();
  }
  return value;
}

void put_template_route(App& app, const Actor& actor, const httplib::Request& req,
                        httplib::Response& res) {
  std::optional<TemplateTarget> target = template_target(req.matches[1], req.matches[2], res);
  if (!target) return;
  std::optional<json> body = read_json_body(req, res, kTemplateBodyLimit);
  if (!body) return;
  std::optional<MailTemplate> value = template_from(app, *body, *target, res);
  if (!value) return;
  app::Outcome<TemplateSave> saved =
      save_template(app, actor.name, target->kind, target->locale, *value);
  if (!saved) return send_problem(res, saved.problem(), "en");
  if (!saved.value().issues.empty()) {
    send_json(res, 422,
              {{"error", {{"code", "invalid_template"}, {"message", "the template was not saved"}}},
               {"errors", issues_json(saved.value().issues)}});
    return;
  }
  send_json(res, 200,
            {{"template",
              {{"kind", rm::mail_kind_name(target->kind)},
               {"locale", target->locale},
               {"subject", value->subject},
               {"intro", value->intro},
               {"custom", true}}}});
}

void delete_template_route(App& app, const Actor&, const httplib::Request& req,
                           httplib::Response& res) {
  std::optional<TemplateTarget> target = template_target(req.matches[1], req.matches[2], res);
  if (!target) return;
  app::Outcome<bool> reset = reset_template(app, target->kind, target->locale);
  if (!reset) return send_problem(res, reset.problem(), "en");
  send_json(res, 200, {{"reset", reset.value()}});
}

// The sample order a preview or test-send shows: two products of the demo store.
std::vector<OrderItem> sample_products(const App& app) {
  const std::string base =
      app.config.public_url.empty() ? "https://shop.example" : app.config.public_url;
  return {{"sample-mug", "Stoneware mug", base + "/", ""},
          {"sample-scarf", "Wool scarf", base + "/", ""}};
}

// Preview / test-send: {kind, locale, subject?, intro?} -> the rendered mail,
// or the 400 / 422 sent. The one check of what a preview may render.
std::optional<std::pair<TemplateTarget, rm::RenderedMail>> render_preview(App& app,
                                                                          const json& body,
                                                                          httplib::Response& res) {
  const std::string kind = body.contains("kind") && body["kind"].is_string()
                               ? body["kind"].get<std::string>()
                               : "request";
  const std::string locale = body.contains("locale") && body["locale"].is_string()
                                 ? body["locale"].get<std::string>()
                                 : "en";
  std::optional<TemplateTarget> target = template_target(kind, locale, res);
  if (!target) return std::nullopt;
  std::optional<MailTemplate> value = template_from(app, body, *target, res);
  if (!value) return std::nullopt;
  std::vector<rm::TemplateIssue> issues = rm::check_template(*value);
  if (!issues.empty()) {
    send_json(
        res, 422,
        {{"error", {{"code", "invalid_template"}, {"message", "the template cannot be rendered"}}},
         {"errors", issues_json(issues)}});
    return std::nullopt;
  }
  rm::MailInput input;
  input.kind = target->kind;
  input.locale = i18n::resolve_locale(target->locale);
  input.store_name = app.config.store_name;
  input.customer_name = "Alex";
  input.custom = *value;
  for (const OrderItem& item : sample_products(app)) {
    rm::ProductRow row;
    row.name = item.name;
    for (int stars = 1; stars <= 5; ++stars)
      row.star_urls[static_cast<std::size_t>(stars - 1)] =
          item.url + "?vouch_rating=" + std::to_string(stars);
    input.products.push_back(row);
  }
  input.unsubscribe_url =
      (app.config.public_url.empty() ? "https://shop.example" : app.config.public_url) + "/";
  return std::make_pair(*target, rm::render_mail(input));
}

std::optional<std::pair<TemplateTarget, rm::RenderedMail>> render_from_body(
    App& app, const httplib::Request& req, httplib::Response& res) {
  std::optional<json> body = read_json_body(req, res, kTemplateBodyLimit);
  if (!body) return std::nullopt;
  return render_preview(app, *body, res);
}

// The mail's HTML part as a page of its own, for the console's sandboxed
// iframe: the console's CSP (style-src 'self') would block the mail's inline
// styles in a srcdoc frame, so the frame loads this with a policy of its own.
// No script may run (no script-src, sandbox), it may only be framed by the
// console's own origin.
void set_preview_page_headers(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox; "
                 "base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
  res.set_header("X-Frame-Options", "SAMEORIGIN");
}

// GET .../preview.html?kind=&locale=&subject=&intro=: the same parameters,
// checks and limit as the POST preview's body.
void preview_page_route(App& app, const Actor&, const httplib::Request& req,
                        httplib::Response& res) {
  json body = json::object();
  std::size_t bytes = 0;
  for (const char* key : {"kind", "locale", "subject", "intro"}) {
    if (!req.has_param(key)) continue;
    body[key] = req.get_param_value(key);
    bytes += body[key].get_ref<const std::string&>().size();
  }
  if (bytes > kTemplateBodyLimit)
    return send_error(res, 413, "payload_too_large", "the template is longer than 16 KiB");
  auto rendered = render_preview(app, body, res);
  if (!rendered) return;
  res.status = 200;
  res.set_content(rendered->second.html, kHtmlType);
}

// Whatever refuses the page (no session, a bad template) answers a short HTML
// page with the reason, never the console or JSON text in the frame.
http::Handler preview_page_handler(App& app) {
  http::Handler inner = admin_route(app, Permission::Read, preview_page_route);
  return [inner](const httplib::Request& req, httplib::Response& res) {
    inner(req, res);
    set_preview_page_headers(res);
    if (res.status < 400) return;
    const json answer = json::parse(res.body, nullptr, false);
    std::string page =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Preview "
        "unavailable</title></head><body data-error-code=\"";
    const json* error = answer.is_object() ? &answer : nullptr;
    const bool coded = error && answer.contains("error") && answer["error"].is_object();
    // The API's stable code, as a JSON answer would carry it (scripts, tests).
    render::append_escaped(page, coded ? answer["error"].value("code", "") : "");
    page += "\"><p>";
    if (coded)
      render::append_escaped(page, answer["error"].value("message", "the preview failed"));
    else
      page += "the preview failed";
    page += "</p>";
    if (error && answer.contains("errors") && answer["errors"].is_array()) {
      page += "<ul>";
      for (const json& issue : answer["errors"]) {
        page += "<li>";
        render::append_escaped(page, issue.is_object() ? issue.value("message", "") : "");
        page += "</li>";
      }
      page += "</ul>";
    }
    page += "</body></html>\n";
    res.set_content(page, kHtmlType);
  };
}

void preview_route(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  auto rendered = render_from_body(app, req, res);
  if (!rendered) return;
  send_json(res, 200,
            {{"subject", rendered->second.subject},
             {"text", rendered->second.text},
             {"html", rendered->second.html}});
}

void test_send_route(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  if (app.config.requests.owner_email.empty()) {
    send_error(res, 409, "no_owner_email",
               "set requests.owner_email in the configuration to receive test mails");
    return;
  }
  auto rendered = render_from_body(app, req, res);
  if (!rendered) return;
  outbox::OutgoingMail mail;
  mail.kind = "test";
  mail.to_address = app.config.requests.owner_email;
  mail.subject = "[test] " + rendered->second.subject;
  mail.text_body = rendered->second.text;
  mail.html_body = rendered->second.html;
  mail.reference = std::string("request-template:") + rm::mail_kind_name(rendered->first.kind) +
                   ":" + rendered->first.locale;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::int64_t> queued = outbox::enqueue_mail(*app.db, mail, app.now());
  if (!queued) return send_error(res, 500, "internal", "could not queue the test mail");
  send_json(res, 202, {{"outbox_id", queued.value()}, {"to", mail.to_address}});
}

// GET /api/v1/requests/{id}/click?product=&rating=&token=
void click_route(App& app, const httplib::Request& req, httplib::Response& res) {
  const i18n::Locale fallback = i18n::resolve_locale(request_locale(req));
  const auto broken = [&] {
    send_html(res, 404, rm::link_problem_page(fallback, app.config.store_name));
  };
  const std::optional<std::int64_t> parsed_id = request_id_from(req.matches[1]);
  const std::string rating_text = req.get_param_value("rating");
  const std::string product = req.get_param_value("product");
  const std::string token = req.get_param_value("token");
  if (!parsed_id || rating_text.size() != 1 || rating_text[0] < '1' || rating_text[0] > '5' ||
      !is_valid_id(product))
    return broken();
  const std::int64_t id = *parsed_id;
  const int rating = rating_text[0] - '0';
  Result<ReviewLink> link = verify_review_link(token, app.config.hmac_secret, app.now());
  if (!link || link.value().product_id != product) return broken();
  std::string url;
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    Statement row(app.db->handle(),
                  "SELECT i.url FROM review_requests r JOIN order_items i ON i.order_id = "
                  "r.order_id WHERE r.id = ?1 AND r.order_id = ?2 AND i.product_id = ?3");
    row.bind(1, id).bind(2, link.value().order_id).bind(3, product);
    if (!row.step()) return broken();
    url = row.text(0);
    Statement click(app.db->handle(),
                    "INSERT INTO request_clicks (request_id, product_id, rating, created_at) "
                    "VALUES (?1, ?2, ?3, ?4)");
    click.bind(1, id)
        .bind(2, product)
        .bind(3, static_cast<std::int64_t>(rating))
        .bind(4, app.now());
    if (Status s = click.run(); !s)
      std::fprintf(stderr, "requests: click: %s\n", s.error().to_string().c_str());
  }
  res.status = 303;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Location", landing_url(url, token, rating));
  res.set_content("", "text/plain");
}

void unsubscribe_get_route(App& app, const httplib::Request& req, httplib::Response& res) {
  std::optional<UnsubscribeTarget> target =
      unsubscribe_target(*app.db, std::string(req.matches[1]), app.config.hmac_secret);
  if (!target) {
    send_html(
        res, 404,
        rm::unsubscribe_page(rm::UnsubscribePage::Invalid,
                             i18n::resolve_locale(request_locale(req)), app.config.store_name, ""));
    return;
  }
  // The form posts back to this same address (relative: no host from the request).
  const std::string self = std::string(req.matches[1]);
  send_html(res, 200,
            rm::unsubscribe_page(rm::UnsubscribePage::Confirm, i18n::resolve_locale(target->locale),
                                 app.config.store_name, self));
}

void unsubscribe_post_route(App& app, const httplib::Request& req, httplib::Response& res) {
  std::optional<UnsubscribeTarget> target =
      unsubscribe_target(*app.db, std::string(req.matches[1]), app.config.hmac_secret);
  if (!target) {
    send_html(
        res, 404,
        rm::unsubscribe_page(rm::UnsubscribePage::Invalid,
                             i18n::resolve_locale(request_locale(req)), app.config.store_name, ""));
    return;
  }
  // RFC 8058: the mail provider posts "List-Unsubscribe=One-Click"; the page's
  // form posts the same field. Either way the address is out, for good.
  const bool one_click = req.body.find("List-Unsubscribe=One-Click") != std::string::npos &&
                         req.get_header_value("Origin").empty();
  if (Status s = record_unsubscribe(*app.db, target->email_key, app.now(), one_click); !s)
    return send_error(res, 500, "internal", "database error");
  send_html(res, 200,
            rm::unsubscribe_page(rm::UnsubscribePage::Done, i18n::resolve_locale(target->locale),
                                 app.config.store_name, ""));
}

}  // namespace

void register_request_routes(Router& server, App& app) {
  using P = Permission;
  server.Post("/api/v1/admin/orders", admin_route(app, P::Manage, post_order_route),
              kOrderBodyLimit);
  server.Get("/api/v1/admin/orders", admin_route(app, P::Read, list_orders_route));
  // Mails a customer now: the same permission as posting the orders that do.
  server.Post(R"(/api/v1/admin/requests/([^/]+)/send-now)",
              admin_route(app, P::Manage, send_now_route), 1024);
  server.Get("/api/v1/admin/request-templates",
             admin_route(app, P::Read,
                         [](App& a, const Actor&, const httplib::Request&, httplib::Response& res) {
                           send_json(res, 200, templates_json(a));
                         }));
  server.Post("/api/v1/admin/request-templates/preview", admin_route(app, P::Read, preview_route),
              kTemplateBodyLimit);
  server.Get("/api/v1/admin/request-templates/preview.html", preview_page_handler(app));
  server.Post("/api/v1/admin/request-templates/test-send",
              admin_route(app, P::Manage, test_send_route), kTemplateBodyLimit);
  server.Put(R"(/api/v1/admin/request-templates/([^/]+)/([^/]+))",
             admin_route(app, P::Templates, put_template_route), kTemplateBodyLimit);
  server.Delete(R"(/api/v1/admin/request-templates/([^/]+)/([^/]+))",
                admin_route(app, P::Templates, delete_template_route));
  server.Get(
      R"(/api/v1/requests/([^/]+)/click)",
      [&app](const httplib::Request& req, httplib::Response& res) { click_route(app, req, res); });
  server.Get(R"(/api/v1/unsubscribe/([^/]+))",
             [&app](const httplib::Request& req, httplib::Response& res) {
               unsubscribe_get_route(app, req, res);
             });
  server.Post(R"(/api/v1/unsubscribe/([^/]+))",
              [&app](const httplib::Request& req, httplib::Response& res) {
                unsubscribe_post_route(app, req, res);
              },
              1024);
}

}  // namespace vouch::server
