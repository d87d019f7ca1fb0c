// The DOM contract between the core's renderer and the widget's JS (issue 19):
// every data-action value, data-* hook attribute and form field name the core
// writes into markup, listed once. The renderer (src/core/render_*.cpp) writes
// these constants, never literals; the JS reads them from
// web/src/generated/dom-contract.ts, which dom_contract_module_ts() writes
// (the vouch_dom_contract target; a Catch2 test checks the committed file
// is up to date and that the renderer emits only listed names).
//
// Each list is an X-macro, X(constant, "text"), so the constants and the
// lists the test and the JS module read come from the same lines.
#pragma once

#include <string>
#include <string_view>

namespace vouch::dom {

// data-action="…": what a control does (web/src/actions.js, questions.js).
#define VOUCH_DOM_ACTIONS(X)          \
  X(kStars, "stars")                  \
  X(kVerified, "verified")            \
  X(kMedia, "media")                  \
  X(kTopic, "topic")                  \
  X(kSearch, "search")                \
  X(kSearchInput, "search-input")     \
  X(kSort, "sort")                    \
  X(kClear, "clear")                  \
  X(kMore, "more")                    \
  X(kPage, "page")                    \
  X(kExpand, "expand")                \
  X(kPhoto, "photo")                  \
  X(kVote, "vote")                    \
  X(kReport, "report")                \
  X(kReportCancel, "report-cancel")   \
  X(kWrite, "write")                  \
  X(kSubmit, "submit")                \
  X(kCancel, "cancel")                \
  X(kLightboxPrev, "lightbox-prev")   \
  X(kLightboxNext, "lightbox-next")   \
  X(kLightboxClose, "lightbox-close") \
  X(kQaSearch, "qa-search")           \
  X(kQaSort, "qa-sort")               \
  X(kQaAsk, "qa-ask")                 \
  X(kQaAnswer, "qa-answer")           \
  X(kQaVote, "qa-vote")               \
  X(kQaCancel, "qa-cancel")

// data-* attributes: hooks the JS finds elements by or reads values from.
#define VOUCH_DOM_HOOKS(X)                     \
  X(kAction, "data-action")                    \
  X(kValue, "data-value")                      \
  X(kId, "data-id")                            \
  X(kReview, "data-review")                    \
  X(kMediaIndex, "data-media")                 \
  X(kPart, "data-part")                        \
  X(kMoreText, "data-more")                    \
  X(kLessText, "data-less")                    \
  X(kFormSlot, "data-form-slot")               \
  X(kFormErrors, "data-form-errors")           \
  X(kFormStatus, "data-form-status")           \
  X(kErrorFor, "data-error-for")               \
  X(kCountFor, "data-count-for")               \
  X(kTemplate, "data-template")                \
  X(kHoneypot, "data-honeypot")                \
  X(kRequiredMessage, "data-required-message") \
  X(kSent, "data-sent")                        \
  X(kPublished, "data-published")              \
  X(kFailed, "data-failed")                    \
  X(kRequired, "data-required")                \
  X(kLightbox, "data-lightbox")                \
  X(kLightboxImg, "data-lightbox-img")         \
  X(kLightboxCaption, "data-lightbox-caption") \
  X(kReportForm, "data-report-form")           \
  X(kReportError, "data-report-error")         \
  X(kKind, "data-kind")                        \
  X(kQuestion, "data-question")                \
  X(kAnswer, "data-answer")                    \
  X(kAnswerSlot, "data-answer-slot")           \
  X(kMarkupHash, "data-hash")

// name="…" of form controls: the validator's paths (src/core/validate.cpp),
// so an error's field names its control without a translation table. An
// aspect's radios are named kAspectsPrefix + aspect ("aspects.fit"); the
// honeypot's name is the store policy's honeypot_field.
#define VOUCH_DOM_FIELDS(X)     \
  X(kRating, "rating")          \
  X(kTitle, "title")            \
  X(kBody, "body")              \
  X(kAuthor, "author")          \
  X(kEmail, "email")            \
  X(kPhotos, "photos")          \
  X(kConsent, "consent")        \
  X(kAspectsPrefix, "aspects.") \
  X(kText, "text")              \
  X(kReason, "reason")          \
  X(kSearchQuery, "q")

// Markers in render_view's markup that the widget splits a view at
// (web/src/regions.js), so that only the cards new on screen are parsed: each
// card's <li> opens with kCardItemOpen (the markup hash is stamped on it and on
// no other <li>), and the list of cards ends with kCardListClose. Review text
// is escaped, so neither can occur inside a card (tests/core/dom_contract_test.cpp).
#define VOUCH_DOM_MARKERS(X)           \
  X(kCardItemOpen, "<li data-hash=\"") \
  X(kCardListClose, "</ol>")

#define VOUCH_DOM_CONSTANT(name, text) inline constexpr std::string_view name = text;
namespace action {
VOUCH_DOM_ACTIONS(VOUCH_DOM_CONSTANT)
}
namespace hook {
VOUCH_DOM_HOOKS(VOUCH_DOM_CONSTANT)
}
namespace field {
VOUCH_DOM_FIELDS(VOUCH_DOM_CONSTANT)
}
namespace marker {
VOUCH_DOM_MARKERS(VOUCH_DOM_CONSTANT)
}
#undef VOUCH_DOM_CONSTANT

#define VOUCH_DOM_TEXT(name, text) text,
inline constexpr std::string_view kActions[] = {VOUCH_DOM_ACTIONS(VOUCH_DOM_TEXT)};
inline constexpr std::string_view kHooks[] = {VOUCH_DOM_HOOKS(VOUCH_DOM_TEXT)};
inline constexpr std::string_view kFields[] = {VOUCH_DOM_FIELDS(VOUCH_DOM_TEXT)};
#undef VOUCH_DOM_TEXT

// One entry of a list: the constant's name ("kSearchInput") and its text.
struct Name {
  std::string_view constant;
  std::string_view text;
};
#define VOUCH_DOM_NAME(name, text) Name{#name, text},
inline constexpr Name kActionNames[] = {VOUCH_DOM_ACTIONS(VOUCH_DOM_NAME)};
inline constexpr Name kHookNames[] = {VOUCH_DOM_HOOKS(VOUCH_DOM_NAME)};
inline constexpr Name kFieldNames[] = {VOUCH_DOM_FIELDS(VOUCH_DOM_NAME)};
inline constexpr Name kMarkerNames[] = {VOUCH_DOM_MARKERS(VOUCH_DOM_NAME)};
#undef VOUCH_DOM_NAME

// The module web/src/generated/dom-contract.ts: TypeScript const enums
// ACTION, HOOK, DATASET and FIELD keyed by the constant's name without its k
// (ACTION.searchInput = 'search-input', HOOK.errorFor = 'data-error-for');
// DATASET holds each hook's element.dataset key (DATASET.errorFor = 'errorFor');
// MARKUP the markers (MARKUP.cardItemOpen = '<li data-hash="').
std::string dom_contract_module_ts();

}  // namespace vouch::dom
