#pragma once
// The e-mail outbox's front door: every mail the server sends (review
// requests, reminders, answer notices, private replies, test sends) is queued
// here as a row first, inside the caller's transaction, so a crash never loses
// a mail that the caller's change promised. The sending worker (outbox/ worker
// files) reads due rows and owns their state from then on.

#include <cstdint>
#include <string>

#include "db.hpp"
#include "vouch/status.hpp"

namespace vouch::server::outbox {

struct OutgoingMail {
  std::string
      kind;  // review_request | reminder | answer_notice | question_invite | private_reply | test
  std::string to_address;  // one address, already validated by the caller
  std::string to_name;     // display name ('' = none)
  std::string subject;
  std::string text_body;             // always present
  std::string html_body;             // '' = text only
  std::string list_unsubscribe_url;  // one-click unsubscribe (RFC 8058); '' = none
  std::string reference;             // what it is about: "request:ID", "question:ID", "review:ID"
  std::int64_t not_before = 0;       // earliest send time (Unix seconds); 0 = now
  // review_request / reminder only: {"order_id": "...", "products": ["..."]},
  // what the request.sent webhook event says about the request when the relay
  // accepts the mail (request_event.hpp). '' = nothing more than the id.
  std::string request_json;
};

// Queues one mail; the caller holds db.mutex() (and usually a Transaction that
// also holds the change the mail belongs to). Gives the row id. The row gets a
// stable Message-ID here, so a resend after a crash carries the same one.
Result<std::int64_t> enqueue_mail(Database& db, const OutgoingMail& mail, std::int64_t now);

// The Message-ID (without angle brackets) a row was given.
std::string make_message_id();

}  // namespace vouch::server::outbox
