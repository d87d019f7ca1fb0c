#pragma once
// The server's Q&A strings (the /q/{id} page, the answer notice), 7 locales.

#include <string>
#include <string_view>
#include <vector>

#include "vouch/i18n.hpp"

namespace vouch::server::questions {

// The message `key` in `locale` with its parameters filled in (not escaped).
std::string qa_text(std::string_view key, i18n::Locale locale, const i18n::Params& params = {});

// For the catalogue test: every key, and whether all 7 locales have a text.
std::vector<std::string> qa_message_keys();
bool qa_message_complete(std::string_view key);

}  // namespace vouch::server::questions
