#include "questions/invite_mail.hpp"

#include <cstdio>
#include <mutex>
#include <set>
#include <vector>

#include "outbox/mail_settings.hpp"
#include "outbox/outbox.hpp"
#include "questions/answer.hpp"
#include "questions/answer_link.hpp"
#include "questions/invites.hpp"
#include "questions/question_store.hpp"
#include "requests/orders.hpp"
#include "requests/request_links.hpp"
#include "vouch/invite_mail.hpp"

namespace vouch::server::questions {

namespace {

using app::Failure;

// How many buyers of a product one call looks at (the cap is at most 200).
constexpr std::int64_t kInviteScanLimit = 2000;

struct InviteCandidate {
  std::string order_id;
  std::string email;  // "" = unknown
  std::string name;
  std::string locale;
};

// Orders the store posted with this product, newest first; then the orders of
// verified review links that no posted order covers, with the review's
// address, name and language.
Result<std::vector<InviteCandidate>> invite_candidates(Database& db, const std::string& product) {
  std::vector<InviteCandidate> out;
  Statement orders(db.handle(),
                   "SELECT o.order_id, o.email, o.customer_name, o.locale FROM order_items i "
                   "JOIN orders o ON o.order_id = i.order_id WHERE i.product_id = ?1 "
                   "ORDER BY o.fulfilled_at DESC, o.created_at DESC, o.order_id LIMIT ?2");
  orders.bind(1, product).bind(2, kInviteScanLimit);
  while (orders.step())
    out.push_back({orders.text(0), orders.text(1), orders.text(2), orders.text(3)});
  if (orders.failed()) return sql_error("orders", orders);
  Statement linked(db.handle(),
                   "SELECT v.order_id, coalesce(r.email, ''), coalesce(r.author, ''), "
                   "coalesce(r.language, '') FROM verified_orders v LEFT JOIN reviews r ON r.id = "
                   "v.review_id WHERE v.product_id = ?1 AND NOT EXISTS (SELECT 1 FROM order_items "
                   "i WHERE i.order_id = v.order_id AND i.product_id = v.product_id) "
                   "ORDER BY v.used DESC, v.order_id LIMIT ?2");
  linked.bind(1, product).bind(2, kInviteScanLimit);
  while (linked.step())
    out.push_back({linked.text(0), linked.text(1), linked.text(2), linked.text(3)});
  if (linked.failed()) return sql_error("verified_orders", linked);
  return out;
}

// The product's name as the newest order gave it; the id when no order did.
std::string invite_product_name(Database& db, const std::string& product) {
  Statement name(db.handle(),
                 "SELECT i.name FROM order_items i JOIN orders o ON o.order_id = i.order_id "
                 "WHERE i.product_id = ?1 ORDER BY o.fulfilled_at DESC LIMIT 1");
  name.bind(1, product);
  if (name.step() && !name.text(0).empty()) return name.text(0);
  return product;
}

bool invited_for(Database& db, const std::string& key, const std::string& question_id) {
  Statement query(db.handle(),
                  "SELECT 1 FROM question_invites WHERE address_key = ?1 AND question_id = ?2");
  query.bind(1, key).bind(2, question_id);
  return query.step();
}

bool invited_since(Database& db, const std::string& key, std::int64_t since) {
  Statement query(db.handle(),
                  "SELECT 1 FROM question_invites WHERE address_key = ?1 AND created_at > ?2");
  query.bind(1, key).bind(2, since);
  return query.step();
}

std::int64_t invites_of_question(Database& db, const std::string& question_id) {
  Statement count(db.handle(), "SELECT COUNT(*) FROM question_invites WHERE question_id = ?1");
  count.bind(1, question_id);
  return count.step() ? count.integer(0) : 0;
}

// One invitation: its row, its mail, the mail's id on the row.
Status queue_invitation(App& app, const StoredQuestion& q, const InviteCandidate& buyer,
                        const std::string& key, const std::string& product_name, std::int64_t now) {
  Database& db = *app.db;
  const Config& config = app.config;
  const i18n::Locale locale = i18n::resolve_locale(buyer.locale);
  Statement insert(db.handle(),
                   "INSERT INTO question_invites (question_id, address_key, order_id, locale, "
                   "created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, q.id)
      .bind(2, key)
      .bind(3, buyer.order_id)
      .bind(4, i18n::locale_tag(locale))
      .bind(5, now);
  if (Status s = insert.run(); !s) return s;
  const std::int64_t invite_id = sqlite3_last_insert_rowid(db.handle());

  const std::int64_t expires = now + config.questions.answer_link_days * 86400;
  const std::string token =
      sign_answer_link({q.id, q.product_id, buyer.order_id, expires}, config.hmac_secret);
  const std::string unsubscribe = requests::unsubscribe_link(
      config.public_url, requests::sign_invite_unsubscribe(invite_id, config.hmac_secret));
  request_mail::InviteMailInput input;
  input.locale = locale;
  input.store_name = config.store_name;
  input.customer_name = buyer.name;
  input.product_name = product_name;
  input.question_text = q.text;
  input.answer_url = answer_link_url(app, q.product_id, q.id, token);
  input.unsubscribe_url = unsubscribe;
  const request_mail::RenderedMail rendered = request_mail::render_invite_mail(input);

  outbox::OutgoingMail mail;
  mail.kind = "question_invite";
  mail.to_address = buyer.email;
  mail.to_name = buyer.name;
  mail.subject = rendered.subject;
  mail.text_body = rendered.text;
  mail.html_body = rendered.html;
  mail.list_unsubscribe_url = unsubscribe;
  mail.reference = "question:" + q.id;
  Result<std::int64_t> queued = outbox::enqueue_mail(db, mail, now);
  if (!queued) return queued.error();
  Statement update(db.handle(), "UPDATE question_invites SET outbox_id = ?2 WHERE id = ?1");
  update.bind(1, invite_id).bind(2, queued.value());
  return update.run();
}

std::optional<app::Problem> invite_precondition(const App& app, const StoredQuestion& q) {
  const Config& config = app.config;
  if (q.status != "published")
    return app::problem(Failure::Conflict, "question_not_published",
                        "buyers are invited to answer published questions only");
  if (config.hmac_secret.empty())
    return app::problem(Failure::Conflict, "no_hmac_secret",
                        "answer links need the hmac_secret of the configuration");
  if (!config.mail.enabled)
    return app::problem(Failure::Conflict, "mail_not_configured",
                        "no mail relay is configured (\"mail\" in the configuration): "
                        "copy the links instead");
  if (config.public_url.empty())
    return app::problem(Failure::Conflict, "no_public_url",
                        "the unsubscribe link of an invitation needs public_url in the "
                        "configuration");
  if (config.questions.product_url.empty())
    return app::problem(Failure::Conflict, "no_product_url",
                        "the answer link of an invitation needs questions.product_url in the "
                        "configuration");
  return std::nullopt;
}

}  // namespace

app::Outcome<InviteMailReport> invite_buyers_by_mail(App& app, const std::string& question_id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  app::Outcome<StoredQuestion> question = load_question(app, question_id);
  if (!question) return question.problem();
  const StoredQuestion& q = question.value();
  if (std::optional<app::Problem> refused = invite_precondition(app, q)) return *refused;
  Database& db = *app.db;
  const std::int64_t now = app.now();
  const QuestionSettings& settings = app.config.questions;

  Transaction transaction(db);
  if (!transaction.began())
    return app::storage_failure("invites", Error{"question_invites", db.last_error()});
  Result<std::vector<InviteCandidate>> candidates = invite_candidates(db, q.product_id);
  if (!candidates) return app::storage_failure("invites", candidates.error());
  std::string asker_key;
  {
    Statement asker(db.handle(), "SELECT email FROM question_askers WHERE question_id = ?1");
    asker.bind(1, q.id);
    if (asker.step()) asker_key = requests::email_key(asker.text(0));
  }
  const std::string product_name = invite_product_name(db, q.product_id);
  const std::int64_t already = invites_of_question(db, q.id);
  const std::int64_t cooldown_from = now - settings.invite_cooldown_days * 86400;

  InviteMailReport report;
  std::set<std::string> seen;
  for (const InviteCandidate& buyer : candidates.value()) {
    if (buyer.email.empty() || !outbox::is_plain_address(buyer.email)) {
      report.without_address += 1;
      continue;
    }
    const std::string key = requests::email_key(buyer.email);
    if (!seen.insert(key).second) continue;  // one mail per address, its newest order
    if (key == asker_key) {
      report.asker += 1;
    } else if (requests::is_unsubscribed(db, key)) {
      report.unsubscribed += 1;
    } else if (invited_for(db, key, q.id)) {
      report.already_invited += 1;
    } else if (settings.invite_cooldown_days > 0 && invited_since(db, key, cooldown_from)) {
      report.cooldown += 1;
    } else if (already + report.queued >= settings.invites_per_question) {
      report.cap += 1;
    } else {
      if (Status s = queue_invitation(app, q, buyer, key, product_name, now); !s)
        return app::storage_failure("invites", s.error());
      report.queued += 1;
    }
  }
  if (Status s = transaction.commit(); !s) return app::storage_failure("invites", s.error());
  return report;
}

json invite_report_json(const InviteMailReport& report) {
  return {{"queued", report.queued},
          {"skipped",
           {{"unsubscribed", report.unsubscribed},
            {"already_invited", report.already_invited},
            {"cooldown", report.cooldown},
            {"asker", report.asker},
            {"cap", report.cap}}},
          {"without_address", report.without_address}};
}

void after_question_published(App& app, const std::string& question_id) {
  if (!app.config.questions.invite_on_publish) return;
  app::Outcome<InviteMailReport> done = invite_buyers_by_mail(app, question_id);
  if (!done)
    std::fprintf(stderr, "invites on publish of %s: %s\n", question_id.c_str(),
                 done.problem().message.c_str());
}

Result<std::int64_t> erase_invites(Database& db, std::string_view email) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement erase(db.handle(), "DELETE FROM question_invites WHERE address_key = ?1");
  erase.bind(1, requests::email_key(email));
  if (Status s = erase.run(); !s) return s.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

}  // namespace vouch::server::questions
