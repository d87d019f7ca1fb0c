#pragma once
// The validation façade: stateless functions shaped for JavaScript, registered
// by src/wasm/bindings.cpp (block "validation (issue 4)") and called natively by
// the tests. Every function answers with a string; nothing here can throw or
// abort on hostile input (policy/context errors come back inside the JSON).

#include <cstddef>
#include <cstdint>
#include <string>

namespace vouch::facade {

// Validates a submission (JSON text) against a policy (JSON, "" or "{}" for the
// defaults) in a context (JSON, "" for a form with no context) and returns the
// verdict JSON of vouch::result_to_json with messages in `locale` (BCP 47 tag).
// A bad policy or context gives {"ok":false,"errors":[{"field":"policy" or
// "context","code":"invalid_policy"/"invalid_context","params":{"path":...,
// "reason":...},"message":...}],"flags":[],"normalized":null}.
std::string validate_submission(const std::string& submission_json, const std::string& policy_json,
                                const std::string& context_json, const std::string& locale);

// Same, with the submission as bytes in wasm memory: `submission_ptr` and
// `submission_len` are numbers from `_malloc` + `HEAPU8.set` (the caller frees).
std::string validate_submission_bytes(std::uintptr_t submission_ptr, std::size_t submission_len,
                                      const std::string& policy_json,
                                      const std::string& context_json, const std::string& locale);

// Localized message for a code; `params_json` is a JSON object ({"min": 10}) or "".
std::string validation_message(const std::string& code, const std::string& params_json,
                               const std::string& locale);

// The default policy as JSON (every key), for forms and docs.
std::string default_policy_json();

// Grapheme clusters of a UTF-8 string (what the form's counters show).
std::uint32_t grapheme_count(const std::string& text);
// The first `max_graphemes` clusters, with `ellipsis` appended when cut.
std::string truncate_graphemes(const std::string& text, std::uint32_t max_graphemes,
                               const std::string& ellipsis);

// Fingerprint of a review body for near-duplicate checks, as a JSON array of
// numbers (what a context's "existing_fingerprints" holds).
std::string text_fingerprint_json(const std::string& text);

}  // namespace vouch::facade
