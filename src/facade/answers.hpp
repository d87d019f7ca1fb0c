// What the façade's APIs share: the id prefix rule for rendered markup, and
// the answer for a policy or context that could not be loaded (validation of
// reviews and of questions). Internal to the façade; nothing here is bound.
#pragma once

#include <string>

#include "vouch/i18n.hpp"
#include "vouch/status.hpp"

namespace vouch::facade {

// The prefix of the ids the renderer writes: [A-Za-z0-9-], at most 40
// characters ("v" when empty), so a page's own ids and selectors cannot be
// reached through it.
std::string sanitize_id_prefix(const std::string& raw);

// The verdict for a setting that could not be loaded (`field` "policy" or
// "context"): the submission cannot be judged, and the answer says which
// setting is wrong, in the validation answer's JSON shape.
std::string config_error_answer(const char* field, const char* code, const Error& error,
                                i18n::Locale locale);

}  // namespace vouch::facade
