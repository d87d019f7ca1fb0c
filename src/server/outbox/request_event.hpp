#pragma once
// request.sent (CONTRACT): when the relay accepts a mail of kind
// review_request or reminder whose reference is "request:<id>", the webhook
// event is recorded in the transaction that marks the row sent. The order and
// products are what the enqueuer put in OutgoingMail::request_json; the
// customer's address is only in the private part (opt-in endpoints).

#include <cstdint>

#include "db.hpp"
#include "outbox/outbox_store.hpp"
#include "vouch/status.hpp"

namespace vouch::server::outbox {

// No-op for other kinds or references. The caller holds the lock and a transaction.
Status announce_request_sent(Database& db, const MailRow& row, std::int64_t now);

}  // namespace vouch::server::outbox
