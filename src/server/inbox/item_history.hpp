#pragma once
// The history of one inbox item (issue 15 item 6): internal notes, private
// messages to the reviewer and public replies (inbox_events) merged with the
// review's audit rows, oldest first. Notes are never shown to shoppers; a
// message is recorded and queued in the outbox (kind private_reply) when the
// config has an SMTP relay ("mail"), else handed to the owner's mail program
// as a mailto: URL. The reviewer's e-mail address appears only in the outbox
// and that URL, in admin answers, never in a public route.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "http_util.hpp"
#include "vouch/reply_template.hpp"

namespace vouch::server::inbox {

inline constexpr std::size_t kMaxEventText = 5000;  // bytes, like a reply

struct ItemEvent {
  std::int64_t id = 0;
  std::string review_id;
  std::int64_t time = 0;
  std::string actor;
  std::string kind;  // note, message, reply
  std::string text;
};

struct HistoryEntry {
  std::int64_t time = 0;
  std::string actor;
  std::string kind;    // note, message, reply, audit
  std::string text;    // the event's text; for audit rows the reason and detail
  std::string action;  // audit rows only: approve, resolve, template_add...
};

app::Outcome<ItemEvent> add_note(App& app, const std::string& actor, const std::string& review_id,
                                 const std::string& text);

struct SentMessage {
  ItemEvent event;
  std::string mailto;                         // '' when queued in the outbox
  std::int64_t outbox_id = 0;                 // the outbox row, 0 when handed over as mailto
  std::vector<reply::ReplyWarning> warnings;  // core check_reply (asks_to_change_review...)
};
// 409 no_email when the review has no address; nothing is recorded then.
app::Outcome<SentMessage> add_message(App& app, const std::string& actor,
                                      const std::string& review_id, const std::string& text);

// Oldest first (newest last); ties keep events before audit rows of the same second.
app::Outcome<std::vector<HistoryEntry>> item_history(App& app, const std::string& review_id);
// The same for any inbox item id (a question's too), without loading a review.
app::Outcome<std::vector<HistoryEntry>> item_history_rows(App& app, const std::string& item_id);
json history_json(const std::vector<HistoryEntry>& history);
json event_json(const ItemEvent& event);

// RFC 6068: mailto:ADDRESS?subject=...&body=... with every byte outside the
// unreserved set percent-encoded (UTF-8 for non-ASCII), line breaks as %0D%0A.
std::string mailto_url(std::string_view address, std::string_view subject, std::string_view body);

// Records an event row (after ensure_inbox_row); the caller holds the mutex
// and a transaction. Used by notes, messages and follow-up notes.
Result<std::int64_t> insert_event(Database& db, std::string_view review_id, std::int64_t time,
                                  std::string_view actor, std::string_view kind,
                                  std::string_view text);

// The text rule of notes and messages: UTF-8, 1..5000 bytes after trimming,
// no control characters but line breaks and tabs. Returns the cleaned text
// or the Problem (422 invalid_text).
app::Outcome<std::string> clean_event_text(const std::string& text, const char* field);

}  // namespace vouch::server::inbox
