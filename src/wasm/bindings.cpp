// The only file that includes Emscripten headers. It registers the façade
// (src/facade/) and nothing else: conversions live in the façade, logic in the core.
//
// Compiled twice, once per wasm module (cmake/WasmModule.cmake sets the part):
//   VOUCH_WASM_PART_VIEW  vouch-core.wasm, the first render: Store (binary
//                         snapshots), the view, the shell, the badge, UI text;
//   VOUCH_WASM_PART_FORM  vouch-form.wasm, loaded when the form opens or a
//                         snapshot is JSON: the form, validation, JSON -> binary.
// Each module keeps only what its part registers (LTO drops the rest), which is
// how the first render stays small (bench/RESULTS.md, "Payload").
#include <emscripten/bind.h>

//   VOUCH_WASM_PART_QA    vouch-qa.wasm, loaded when the Questions section
//                         nears the viewport: questions, their forms and validator.
#if defined(VOUCH_WASM_PART_VIEW) + defined(VOUCH_WASM_PART_FORM) + defined(VOUCH_WASM_PART_QA) != 1
#error "define exactly one of VOUCH_WASM_PART_VIEW, VOUCH_WASM_PART_FORM, VOUCH_WASM_PART_QA"
#endif

#include "form_api.hpp"
#include "qa_api.hpp"        // questions and answers (issue 17)
#include "review_store.hpp"  // review core (issue 3)
#include "search_fold_api.hpp"
#include "validate_api.hpp"  // validation (issue 4)
#include "widget_api.hpp"

EMSCRIPTEN_BINDINGS(vouch_core) {
  namespace api = vouch::facade;
  emscripten::function("version", &api::core_version);
}

// Both parts: {ok, code, message} of loads and conversions, and rendered markup.
EMSCRIPTEN_BINDINGS(vouch_status) {
  namespace api = vouch::facade;
  emscripten::value_object<api::StoreStatus>("StoreStatus")
      .field("ok", &api::StoreStatus::ok)
      .field("code", &api::StoreStatus::code)
      .field("message", &api::StoreStatus::message);
  emscripten::value_object<api::WidgetRender>("WidgetRender")
      .field("ok", &api::WidgetRender::ok)
      .field("code", &api::WidgetRender::code)
      .field("message", &api::WidgetRender::message)
      .field("html", &api::WidgetRender::html)
      .field("total", &api::WidgetRender::total)
      .field("shown", &api::WidgetRender::shown);
}

#ifdef VOUCH_WASM_PART_VIEW

// ---- review core (issue 3): class Store over vouch::facade::ReviewStore -------
// One Store per widget, owned by the JS widget and freed with .delete() in its
// destroy(). Bytes go in as (pointer, length) after _malloc + HEAPU8.set. The
// *_view getters return typed_memory_view over the store's memory, valid until
// the next query/load: copy them with .slice() at once.
namespace {
template <class Vector>
emscripten::val u32_view(const Vector& v) {
  return emscripten::val(emscripten::typed_memory_view(v.size(), v.data()));
}
}  // namespace

EMSCRIPTEN_BINDINGS(vouch_review_store) {
  namespace api = vouch::facade;
  using emscripten::value_array;
  using emscripten::value_object;
  value_array<std::array<std::uint32_t, 5>>("FiveCounts")
      .element(emscripten::index<0>())
      .element(emscripten::index<1>())
      .element(emscripten::index<2>())
      .element(emscripten::index<3>())
      .element(emscripten::index<4>());
  value_object<api::QueryOptions>("QueryOptions")
      .field("stars", &api::QueryOptions::stars)
      .field("verifiedOnly", &api::QueryOptions::verified_only)
      .field("withMedia", &api::QueryOptions::with_media)
      .field("topic", &api::QueryOptions::topic)
      .field("language", &api::QueryOptions::language)
      .field("aspect", &api::QueryOptions::aspect)
      .field("aspectValue", &api::QueryOptions::aspect_value)
      .field("text", &api::QueryOptions::text)
      .field("sort", &api::QueryOptions::sort)
      .field("offset", &api::QueryOptions::offset)
      .field("limit", &api::QueryOptions::limit);
  value_object<api::QueryAnswer>("QueryAnswer")
      .field("ok", &api::QueryAnswer::ok)
      .field("code", &api::QueryAnswer::code)
      .field("message", &api::QueryAnswer::message)
      .field("total", &api::QueryAnswer::total)
      .field("starCounts", &api::QueryAnswer::star_counts)
      .field("verifiedCount", &api::QueryAnswer::verified_count)
      .field("withMediaCount", &api::QueryAnswer::with_media_count)
      .field("pageSize", &api::QueryAnswer::page_size);
  value_object<api::StoreSummary>("StoreSummary")
      .field("count", &api::StoreSummary::count)
      .field("averageTenths", &api::StoreSummary::average_tenths)
      .field("averageText", &api::StoreSummary::average_text)
      .field("histogram", &api::StoreSummary::histogram)
      .field("histogramPercent", &api::StoreSummary::histogram_percent)
      .field("hasRecommend", &api::StoreSummary::has_recommend)
      .field("recommendPercent", &api::StoreSummary::recommend_percent)
      .field("recommendAnswered", &api::StoreSummary::recommend_answered)
      .field("aspectCount", &api::StoreSummary::aspect_count)
      .field("topicCount", &api::StoreSummary::topic_count);
  value_object<api::StoreAspect>("StoreAspect")
      .field("name", &api::StoreAspect::name)
      .field("count", &api::StoreAspect::count)
      .field("averageTenths", &api::StoreAspect::average_tenths)
      .field("averageText", &api::StoreAspect::average_text);
  emscripten::class_<api::ReviewStore>("Store")
      .constructor<>()
      .function("loadBinary", &api::ReviewStore::load_binary)
      .function("reserveBinary", &api::ReviewStore::reserve_binary)
      .function("beginLoadReserved", &api::ReviewStore::begin_load_reserved)
      .function("loadStep", &api::ReviewStore::load_step)
      .function("loadResult", &api::ReviewStore::load_result)
      .function("size", &api::ReviewStore::size)
      .function("productId", &api::ReviewStore::product_id)
      .function("productName", &api::ReviewStore::product_name)
      .function("query", &api::ReviewStore::query)
      .function("prepareSearch", &api::ReviewStore::prepare_search)
      .function("prepareSearchStep", &api::ReviewStore::prepare_search_step)
      .function(
          "pageView", +[](const api::ReviewStore& s) { return u32_view(s.page()); })
      .function(
          "highlightsView", +[](const api::ReviewStore& s) { return u32_view(s.highlights()); })
      .function(
          "topicFacetsView", +[](const api::ReviewStore& s) { return u32_view(s.topic_facets()); })
      .function(
          "summaryTopicCountsView",
          +[](const api::ReviewStore& s) { return u32_view(s.summary_topic_counts()); })
      .function("summary", &api::ReviewStore::summary)
      .function("aspect", &api::ReviewStore::aspect)
      .function("topicCount", &api::ReviewStore::topic_count)
      .function("topicName", &api::ReviewStore::topic_name)
      .function("jsonLd", &api::ReviewStore::json_ld);
}
// ---- end review core (issue 3) -----------------------------------------------

// ---- search fold table: setHanFold(pointer, length) -> {ok, code, message} ----
// The bytes of vouch-han-fold.bin (_malloc + HEAPU8.set, freed by the caller
// after the call), installed for every Store of this module; hasHanFold().
EMSCRIPTEN_BINDINGS(vouch_search_fold) {
  namespace api = vouch::facade;
  emscripten::function("setHanFold", &api::set_han_fold);
  emscripten::function("hasHanFold", &api::has_han_fold);
}

// ---- widget (issue 5): markup rendered by the core ----------------------------
// renderView(store, view, locale, idPrefix) runs the view's query on the
// widget's Store and returns {ok, code, message, html, total, shown};
// renderShell(config, locale, idPrefix) the note, button, form slot and
// lightbox; renderBadge(averageTenths, count, locale) a <vouch-stars> badge.
// No handles: the Store passed in stays owned by the widget.
EMSCRIPTEN_BINDINGS(vouch_widget) {
  namespace api = vouch::facade;
  emscripten::value_object<api::WidgetView>("WidgetView")
      .field("stars", &api::WidgetView::stars)
      .field("verified", &api::WidgetView::verified)
      .field("media", &api::WidgetView::media)
      .field("topic", &api::WidgetView::topic)
      .field("search", &api::WidgetView::search)
      .field("sort", &api::WidgetView::sort)
      .field("page", &api::WidgetView::page)
      .field("pageSize", &api::WidgetView::page_size)
      .field("showMore", &api::WidgetView::show_more);
  emscripten::value_object<api::ShellConfig>("ShellConfig")
      .field("verifiesPurchases", &api::ShellConfig::verifies_purchases)
      .field("moderatesBeforePublishing", &api::ShellConfig::moderates_before_publishing)
      .field("acceptsUnverified", &api::ShellConfig::accepts_unverified)
      .field("offersIncentives", &api::ShellConfig::offers_incentives)
      .field("importedFrom", &api::ShellConfig::imported_from);
  emscripten::function("renderView", &api::render_view);
  emscripten::function("renderShell", &api::render_shell);
  emscripten::function("renderBadge", &api::render_badge);
  emscripten::function("uiText", &api::ui_text);
  emscripten::function("resolveLocale", &api::resolve_locale);
}
// ---- end widget (issue 5) ------------------------------------------------------
#endif  // VOUCH_WASM_PART_VIEW

#ifdef VOUCH_WASM_PART_FORM
// ---- form module: the form's markup and JSON snapshots -------------------------
// renderForm(policyJson, locale, idPrefix) -> {ok, code, message, html};
// renderReportPicker(locale, idPrefix) -> the markup of a card's report picker;
// SnapshotConverter: convert(pointer, length) -> {ok, code, message}, then
// binaryView() is a typed_memory_view over the binary snapshot, valid until the
// converter's next call or .delete(): the widget copies it into the view
// module's Store at once. One converter per JSON snapshot, owned by the caller.
EMSCRIPTEN_BINDINGS(vouch_form) {
  namespace api = vouch::facade;
  emscripten::function("renderForm", &api::render_form);
  emscripten::function("renderReportPicker", &api::render_report_picker);
  emscripten::class_<api::SnapshotConverter>("SnapshotConverter")
      .constructor<>()
      .function("convert", &api::SnapshotConverter::convert)
      .function(
          "binaryView", +[](const api::SnapshotConverter& c) {
            const std::string& bytes = c.binary();
            return emscripten::val(emscripten::typed_memory_view(
                bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data())));
          });
}
// ---- validation (issue 4): vouch::facade validate_api.hpp ---------------------
// Stateless, strings in and out: validateSubmission(submissionJson, policyJson,
// contextJson, locale) -> verdict JSON {ok, errors, flags, normalized};
// validateSubmissionBytes(ptr, len, ...) reads the submission from _malloc'ed
// memory (caller frees). Policy/context errors come back inside the verdict.
EMSCRIPTEN_BINDINGS(vouch_validation) {
  namespace api = vouch::facade;
  emscripten::function("validateSubmission", &api::validate_submission);
  emscripten::function("validateSubmissionBytes", &api::validate_submission_bytes);
  emscripten::function("validationMessage", &api::validation_message);
  emscripten::function("defaultPolicy", &api::default_policy_json);
  emscripten::function("graphemeCount", &api::grapheme_count);
  emscripten::function("truncateGraphemes", &api::truncate_graphemes);
  emscripten::function("textFingerprint", &api::text_fingerprint_json);
}
// ---- end validation (issue 4) --------------------------------------------------
#endif  // VOUCH_WASM_PART_FORM

#ifdef VOUCH_WASM_PART_QA
// ---- questions and answers (issue 17): vouch::facade qa_api.hpp ---------------
// QaList: load(pointer, length) -> {ok, code, message, total, skipped} (bytes
// from _malloc + HEAPU8.set, caller frees); render(search, sort, locale,
// idPrefix, canAnswer) -> {html, total, shown}; hasQuestion(id). One QaList per
// widget, freed with .delete(). renderQaForm(policyJson, questionId, locale,
// idPrefix); validateQuestionBytes / validateAnswerBytes(ptr, len, policyJson,
// contextJson, locale) -> verdict JSON; qaText(key, locale).
EMSCRIPTEN_BINDINGS(vouch_qa) {
  namespace api = vouch::facade;
  emscripten::value_object<api::QaLoad>("QaLoad")
      .field("ok", &api::QaLoad::ok)
      .field("code", &api::QaLoad::code)
      .field("message", &api::QaLoad::message)
      .field("total", &api::QaLoad::total)
      .field("skipped", &api::QaLoad::skipped);
  emscripten::value_object<api::QaSection>("QaSection")
      .field("html", &api::QaSection::html)
      .field("total", &api::QaSection::total)
      .field("shown", &api::QaSection::shown);
  emscripten::class_<api::QaList>("QaList")
      .constructor<>()
      .function("load", &api::QaList::load)
      .function("render", &api::QaList::render)
      .function("size", &api::QaList::size)
      .function("hasQuestion", &api::QaList::has_question);
  emscripten::function("renderQaForm", &api::render_qa_form);
  emscripten::function("validateQuestionBytes", &api::validate_question_bytes);
  emscripten::function("validateAnswerBytes", &api::validate_answer_bytes);
  emscripten::function("qaText", &api::qa_text);
}
// ---- end questions and answers (issue 17) --------------------------------------
#endif  // VOUCH_WASM_PART_QA
