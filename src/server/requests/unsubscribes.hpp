#pragma once
// The unsubscribes table: who asked for no more mail, and from which link.
// is_unsubscribed is the one consent check of every mail to a customer (review
// requests, reminders, question invitations); record_unsubscribe the one way in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db.hpp"

namespace vouch::server::requests {

// Whom an unsubscribe link is for: the address (its email_key) and the locale
// of the mail it came in.
struct UnsubscribeTarget {
  std::string email_key;
  std::string locale;
};

// A request mail's token names its review_requests row, an answer invitation's
// its question_invites row (erased with the address: the link is dead then).
// Nothing for a token not signed with `secret`, a row that is gone or an
// address erased since.
std::optional<UnsubscribeTarget> unsubscribe_target(Database& db, std::string_view token,
                                                    std::string_view secret);

// The address is out, for good (a second time changes nothing). `one_click`: the
// mail provider's RFC 8058 post, else the confirmation page's form.
Status record_unsubscribe(Database& db, const std::string& email_key, std::int64_t now,
                          bool one_click);

// True when the address (its email_key) opted out.
bool is_unsubscribed(Database& db, const std::string& key);

}  // namespace vouch::server::requests
