#include "questions/answer_published.hpp"

#include "http_util.hpp"
#include "inbox/inbox_store.hpp"
#include "outbox/outbox.hpp"
#include "questions/qa_messages.hpp"
#include "questions/question_json.hpp"
#include "vouch/snapshot.hpp"
#include "webhooks/webhook_events.hpp"

namespace vouch::server::questions {

namespace {

// The notice in the asker's language (the locale of the ask request).
outbox::OutgoingMail answer_notice(const App& app, const StoredQuestion& q, const StoredAnswer& a,
                                   const std::string& email) {
  const i18n::Locale locale = i18n::resolve_locale(q.language);
  const std::string who = a.badge == "store" ? app.config.store_name
                          : a.author.empty() ? qa_text("anonymous", locale)
                                             : a.author;
  const std::string url = app.config.public_url + "/q/" + q.id;
  outbox::OutgoingMail mail;
  mail.kind = "answer_notice";
  mail.to_address = email;
  mail.subject = qa_text("mail_subject", locale, {{"store", app.config.store_name}});
  mail.text_body = qa_text("mail_body", locale,
                           {{"product", q.product_id},
                            {"question", q.text},
                            {"who", who},
                            {"answer", a.text},
                            {"url", url},
                            {"store", app.config.store_name}});
  mail.reference = "question:" + q.id;
  return mail;
}

}  // namespace

Status after_answer_published(App& app, const StoredQuestion& q, const StoredAnswer& a,
                              const std::string& actor) {
  Database& db = *app.db;
  const std::int64_t now = app.now();
  // The first published answer is the item's reply: the clock stops.
  if (Status s = inbox::record_reply(db, q.id, actor, a.text, now); !s) return s;
  const json data = {{"question", {{"id", q.id}, {"product_id", q.product_id}}},
                     {"answer",
                      {{"id", a.id},
                       {"text", a.text},
                       {"author", a.author},
                       {"badge", a.badge},
                       {"created", format_utc(a.created)}}}};
  Result<webhooks::RecordedEvent> event =
      webhooks::record_event(db, "question.answered", dump_json(data), now);
  if (!event) return event.error();
  Result<std::optional<std::string>> email = asker_to_notify(db, q.id);
  if (!email) return email.error();
  if (email.value()) {
    Result<std::int64_t> queued =
        outbox::enqueue_mail(db, answer_notice(app, q, a, *email.value()), now);
    if (!queued) return queued.error();
    if (Status s = mark_asker_notified(db, q.id, now); !s) return s;
  }
  return Ok{};
}

}  // namespace vouch::server::questions
