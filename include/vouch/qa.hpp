#pragma once
// Product questions and answers (issue 17): the public model, the one reader
// and writer of the public questions JSON, and the validator of a shopper's
// question or answer. The server (vouch-server, H3) produces the JSON with
// question_list_to_json or the same field names; the widget's Q&A module reads
// it with parse_question_list. Format and rules: docs/validation.md
// ("Questions and answers") and docs/api.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/i18n.hpp"
#include "vouch/policy.hpp"
#include "vouch/status.hpp"
#include "vouch/validate.hpp"

namespace vouch {

// ---- the model ---------------------------------------------------------------
// Who wrote an answer, as far as the store can tell. Only a real check may
// produce VerifiedBuyer (a signed answer link for an order of the product);
// Store is written by the store's staff in the console.
enum class AnswerBadge : std::uint8_t { None = 0, Store = 1, VerifiedBuyer = 2 };

// The JSON names: "none", "store", "verified_buyer".
std::string_view answer_badge_name(AnswerBadge badge);
std::optional<AnswerBadge> parse_answer_badge(std::string_view name);

struct Answer {
  std::string id;
  std::string text;
  std::string author;  // display name only, never an e-mail
  AnswerBadge badge = AnswerBadge::None;
  std::int64_t created = 0;   // seconds since the Unix epoch, UTC
  std::uint32_t helpful = 0;  // helpful "up" votes
};

struct Question {
  std::string id;
  std::string text;
  std::string author;
  std::int64_t created = 0;
  std::string url;              // the question's own page ("/q/<id>" or http(s)), "" when none
  std::vector<Answer> answers;  // published answers only
};

// GET /api/v1/products/{id}/questions (and the static export's
// products/<file>.questions.json):
//   {"version":1,"product_id":"…","count":N,"questions":[{"id":"…","text":"…",
//    "author":"…","created":"YYYY-MM-DDTHH:MM:SSZ","url":"/q/<id>","answers":[
//    {"id":"…","text":"…","author":"…","badge":"store"|"verified_buyer"|"none",
//     "created":"…","helpful":N}]}]}
// Only published questions with at least one published answer.
inline constexpr std::int64_t kQuestionListVersion = 1;

struct QuestionList {
  std::string product_id;
  std::vector<Question> questions;  // in the order of the JSON (the server: newest first)
};

// What parse_question_list read: the list, and one Error per row it skipped
// (path "questions[3].answers[1].badge", message why). A broken row never
// fails the whole list: a bad answer drops that answer, a bad question (or
// one left with no readable answer) drops that question.
struct QuestionListRead {
  QuestionList list;
  std::vector<Error> skipped;
};

// Limits of the reader (a hostile or corrupted file cannot make it hold more).
inline constexpr std::size_t kMaxQuestionListBytes = 16u << 20;
inline constexpr std::size_t kMaxQuestions = 5000;
inline constexpr std::size_t kMaxAnswersPerQuestion = 500;
inline constexpr std::size_t kMaxQaTextBytes = 64u * 1024u;  // a text, before any policy
inline constexpr std::size_t kMaxQaIdBytes = 200;

// Errors that fail the whole document (kind Syntax: not UTF-8 or not JSON;
// Invalid: not an object, unknown version, no "questions" array, too large).
// Unknown members are ignored (a newer server may add some).
Result<QuestionListRead> parse_question_list(std::string_view json);

// The list as the JSON above ("count" = number of questions). Every value
// is written as given; check_question first when it comes from storage.
std::string question_list_to_json(const QuestionList& list);

// The rules of one stored question or answer (what the reader enforces per
// row): non-empty id of at most kMaxQaIdBytes without control characters,
// non-empty text, valid UTF-8, times in years 0000..9999, url "" or "/path"
// or http(s). Error.path is relative ("text", "answers[1].created").
std::optional<Error> check_answer(const Answer& answer);
std::optional<Error> check_question(const Question& question);  // its answers too

// ---- a shopper's question or answer -------------------------------------------
// Question JSON (POST /api/v1/products/{id}/questions):
//   {"text": "…", "author": "…", "email": "…" (optional), "consent": true,
//    "elapsed_ms": 5300, "<policy.honeypot_field>": ""}
// Answer JSON (POST /api/v1/questions/{id}/answers):
//   {"text": "…", "author": "…", "token": "…" (optional), "consent": true,
//    "elapsed_ms": 5300, "<policy.honeypot_field>": ""}
// Other keys are transport (token, product id) and ignored here. Absent and
// null mean "not given"; a wrong type is wrong_type with the field's path.
//
// The rules are the reviews' (same code, validation_checker.hpp): `text` is
// cleaned like a review body and must hold policy.question (10..500) or
// policy.answer (2..2000) grapheme clusters; `author` like a review's author
// (required, bidi controls refused, impersonation); a question's optional
// e-mail is checked when present (never required: it only asks for a notice
// of the answer); consent as policy.consent_required; links, e-mail
// addresses, phone numbers, repeats, shouting, profanity as flags (or
// links_not_allowed); honeypot and too_fast in form mode; near_duplicate
// against context.existing_texts / existing_fingerprints (field "text").
// elapsed_ms: context.elapsed_ms when it is >= 0, else the JSON's integer
// "elapsed_ms" (a negative one = unknown).
//
// The verdict is the reviews' ValidationResult: errors/flags with field
// "text", "author", "email", "consent", "elapsed_ms" or ""; `normalized` holds
// the cleaned text in `body` and the cleaned author, email and consent in
// their members (qa_result_to_json writes them as "text", "author", ...).
ValidationResult validate_question(std::string_view question_json, const Policy& policy,
                                   const ValidationContext& context = {});
ValidationResult validate_answer(std::string_view answer_json, const Policy& policy,
                                 const ValidationContext& context = {});

// A question/answer verdict as JSON: result_to_json's shape with
// "normalized": {"text","author","email","consent"} (null when unreadable).
std::string qa_result_to_json(const ValidationResult& result, i18n::Locale locale);

}  // namespace vouch
