#include "inbox/item_history.hpp"

#include <algorithm>
#include <functional>
#include <mutex>

#include "audit_log.hpp"
#include "inbox/console_item.hpp"
#include "outbox/mail_texts.hpp"
#include "outbox/outbox.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server::inbox {

namespace {

using app::Failure;
using app::Outcome;
using app::problem;

void percent_encode(std::string& out, std::string_view text, std::string_view keep) {
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || keep.find(static_cast<char>(c)) != std::string_view::npos;
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

// Every line break (CRLF, CR, LF) as CRLF, as RFC 6068 section 5 asks for bodies.
std::string crlf_lines(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

// `also` runs in the event's transaction (a private message's outbox row).
Outcome<ItemEvent> record(App& app, const std::string& actor, const std::string& review_id,
                          const std::string& kind, const std::string& text,
                          const std::function<Status()>& also = nullptr) {
  const std::int64_t now = app.now();
  Status status = ensure_inbox_row(app, review_id);
  Transaction transaction(*app.db);
  Result<std::int64_t> id = status ? insert_event(*app.db, review_id, now, actor, kind, text)
                                   : Result<std::int64_t>(status.error());
  if (!id) return storage_problem("inbox events", id.error());
  if (also) {
    if (Status extra = also(); !extra) return storage_problem("inbox events", extra.error());
  }
  // The audit row says that it happened; the text itself is in the event.
  status =
      append_audit(*app.db, now, actor, kind, review_id, "", "event " + std::to_string(id.value()));
  if (status) status = transaction.commit();
  if (!status) return storage_problem("inbox events", status.error());
  return ItemEvent{id.value(), review_id, now, actor, kind, text};
}

}  // namespace

Result<std::int64_t> insert_event(Database& db, std::string_view review_id, std::int64_t time,
                                  std::string_view actor, std::string_view kind,
                                  std::string_view text) {
  Statement insert(db.handle(),
                   "INSERT INTO inbox_events (review_id, time, actor, kind, text) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, review_id).bind(2, time).bind(3, actor).bind(4, kind).bind(5, text);
  if (Status ran = insert.run(); !ran) return ran.error();
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
}

Outcome<std::string> clean_event_text(const std::string& text, const char* field) {
  const std::string where = field;
  if (!utf8::is_valid(text))
    return problem(Failure::Invalid, "invalid_text", where + ": not valid UTF-8");
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
      return problem(Failure::Invalid, "invalid_text",
                     where + ": control characters other than line breaks and tabs");
  }
  std::string cleaned = text::trim(text);
  if (cleaned.empty()) return problem(Failure::Invalid, "invalid_text", where + ": empty");
  if (cleaned.size() > kMaxEventText)
    return problem(Failure::Invalid, "invalid_text", where + ": at most 5000 bytes");
  return cleaned;
}

Outcome<ItemEvent> add_note(App& app, const std::string& actor, const std::string& review_id,
                            const std::string& text) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<StoredReview> review = load_review(app, review_id);
  if (!review) return review.problem();
  Outcome<std::string> cleaned = clean_event_text(text, "text");
  if (!cleaned) return cleaned.problem();
  return record(app, actor, review_id, "note", cleaned.value());
}

Outcome<SentMessage> add_message(App& app, const std::string& actor, const std::string& review_id,
                                 const std::string& text) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<StoredReview> review = load_review(app, review_id);
  if (!review) return review.problem();
  Outcome<std::string> cleaned = clean_event_text(text, "text");
  if (!cleaned) return cleaned.problem();
  const StoredReview& stored = review.value();
  if (stored.email.empty())
    return problem(Failure::Conflict, "no_email",
                   "the reviewer left no e-mail address: a private message cannot be sent");
  // In the reviewer's language (the locale the review was written in; English
  // when unknown), like every mail the server writes.
  const i18n::Locale locale = i18n::resolve_locale(stored.review.language);
  const std::string subject =
      stored.review.title.empty()
          ? outbox::mail_text("private_subject", locale, {{"store", app.config.store_name}})
          : outbox::mail_text("private_subject_titled", locale, {{"title", stored.review.title}});
  SentMessage sent;
  // With an SMTP relay configured, the message is an outbox row (kind
  // private_reply) in the event's transaction; without one, the owner's own
  // mail program sends it (mailto), and nothing is queued to go twice later.
  std::function<Status()> queue;
  if (app.config.mail.enabled) {
    queue = [&]() -> Status {
      outbox::OutgoingMail mail;
      mail.kind = "private_reply";
      mail.to_address = stored.email;
      mail.to_name = stored.review.author;
      mail.subject = subject;
      mail.text_body = cleaned.value() + "\n\n-- \n" + app.config.store_name + "\n";
      mail.reference = "review:" + stored.review.id;
      Result<std::int64_t> queued = outbox::enqueue_mail(*app.db, mail, app.now());
      if (!queued) return queued.error();
      sent.outbox_id = queued.value();
      return Ok{};
    };
  }
  Outcome<ItemEvent> event = record(app, actor, review_id, "message", cleaned.value(), queue);
  if (!event) return event.problem();
  sent.event = event.value();
  if (!app.config.mail.enabled) sent.mailto = mailto_url(stored.email, subject, cleaned.value());
  sent.warnings = reply::check_reply(cleaned.value());
  return sent;
}

std::string mailto_url(std::string_view address, std::string_view subject, std::string_view body) {
  std::string url = "mailto:";
  // '@' stays as is in the address (RFC 6068 addr-spec); anything else outside
  // the unreserved set is encoded, so '?', '&', '%' cannot start a header.
  percent_encode(url, address, "@");
  url += "?subject=";
  percent_encode(url, crlf_lines(subject), "");
  url += "&body=";
  percent_encode(url, crlf_lines(body), "");
  return url;
}

Outcome<std::vector<HistoryEntry>> item_history(App& app, const std::string& review_id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<StoredReview> review = load_review(app, review_id);
  if (!review) return review.problem();
  return item_history_rows(app, review_id);
}

Outcome<std::vector<HistoryEntry>> item_history_rows(App& app, const std::string& review_id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  std::vector<HistoryEntry> history;
  Statement events(app.db->handle(),
                   "SELECT time, actor, kind, text FROM inbox_events WHERE review_id = ?1 "
                   "ORDER BY time, id");
  events.bind(1, review_id);
  while (events.step())
    history.push_back({events.integer(0), events.text(1), events.text(2), events.text(3), ""});
  if (events.failed())
    return storage_problem("history", Error{"inbox_events", events.error_message()});
  Statement audit(app.db->handle(),
                  "SELECT time, actor, action, reason, detail FROM audit_log WHERE review_id = ?1 "
                  // A note's or message's audit row only repeats its event.
                  "AND action NOT IN ('note', 'message') ORDER BY time, id");
  audit.bind(1, review_id);
  std::vector<HistoryEntry> rows;
  while (audit.step()) {
    std::string text = audit.text(3);
    const std::string detail = audit.text(4);
    if (!detail.empty()) text += text.empty() ? detail : ": " + detail;
    rows.push_back({audit.integer(0), audit.text(1), "audit", text, audit.text(2)});
  }
  if (audit.failed()) return storage_problem("history", Error{"audit_log", audit.error_message()});
  // Both lists are in time order: a stable merge keeps events first on ties.
  std::vector<HistoryEntry> merged;
  merged.reserve(history.size() + rows.size());
  std::merge(history.begin(), history.end(), rows.begin(), rows.end(), std::back_inserter(merged),
             [](const HistoryEntry& a, const HistoryEntry& b) { return a.time < b.time; });
  return merged;
}

json event_json(const ItemEvent& event) {
  return {{"id", event.id},       {"review_id", event.review_id}, {"time", format_utc(event.time)},
          {"actor", event.actor}, {"kind", event.kind},           {"text", event.text}};
}

json history_json(const std::vector<HistoryEntry>& history) {
  json list = json::array();
  for (const HistoryEntry& entry : history) {
    json row = {{"time", format_utc(entry.time)},
                {"actor", entry.actor},
                {"kind", entry.kind},
                {"text", entry.text}};
    if (entry.kind == "audit") row["action"] = entry.action;
    list.push_back(row);
  }
  return list;
}

}  // namespace vouch::server::inbox
