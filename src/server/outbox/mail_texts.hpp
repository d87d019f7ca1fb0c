#pragma once
// The texts of the mails the server writes itself, outside the request mail
// (core: request_mail.hpp) and the answer notice (questions/qa_messages.hpp):
// the outbox's test mail and the subject of a private message to a reviewer.
// 7 locales, the core's catalogue mechanism (i18n::Message).

#include <string>
#include <string_view>
#include <vector>

#include "vouch/i18n.hpp"

namespace vouch::server::outbox {

// The message `key` in `locale` with its parameters filled in (not escaped;
// these mails are text/plain).
std::string mail_text(std::string_view key, i18n::Locale locale, const i18n::Params& params = {});

// For the catalogue test: every key, and whether all 7 locales have a text.
std::vector<std::string> mail_text_keys();
bool mail_text_complete(std::string_view key);

}  // namespace vouch::server::outbox
