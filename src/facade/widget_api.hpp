#pragma once
// The widget's façade: the small API the wasm bindings register for the shim,
// shaped for JavaScript (value objects and strings out). Plain C++ with no
// Emscripten, so the native tests exercise exactly what the browser calls.
// The view itself is rendered by the core (vouch/render_view.hpp), which the
// server's first-render route calls too.

#include <string>

#include "review_store.hpp"
#include "vouch/render.hpp"

namespace vouch::facade {

// The core's version, shown by the widget so a user sees at once that the C++
// core loaded.
std::string core_version();

// The shopper's view as the shim sends it (an Embind value_object: every field
// present; render_view() re-validates every value because release builds
// coerce types silently).
struct WidgetView {
  int stars = 0;  // bit set, bit r-1 = r stars (0..31)
  bool verified = false;
  bool media = false;
  std::string topic;
  std::string search;
  std::string sort = "newest";
  int page = 0;        // 0-based, 0..100000
  int page_size = 10;  // 1..100
  bool show_more = false;
};

// {ok, code, message} + the markup. code: "ok", "invalid_view" (a field out of
// range: message names it, e.g. "view.page_size: expected integer 1..100"),
// "invalid_query" (the query engine refused it).
struct WidgetRender {
  bool ok = true;
  std::string code = "ok";
  std::string message;
  std::string html;
  int total = 0;  // reviews matching the filters
  int shown = 0;  // cards in the markup
};

// Runs the view's query on `store` and renders summary + controls + list.
// `locale` is a BCP 47 tag; `id_prefix` makes element ids unique per widget
// (letters, digits, '-' only; anything else is replaced by '-').
WidgetRender render_view(ReviewStore& store, const WidgetView& view, const std::string& locale,
                         const std::string& id_prefix);

// The store's collection facts the note states (an Embind value_object; the
// shim checks the types of its data-config JSON before filling it in).
struct ShellConfig {
  bool verifies_purchases = true;  // signed review links after an order
  bool moderates_before_publishing = true;
  bool accepts_unverified = true;  // the on-page form is open to anyone
  bool offers_incentives = false;
  std::string imported_from;  // apps reviews were imported from, one per line
};

// The parts that do not change with the view and come with the first render:
// the collection note, the "write a review" button, an empty slot for the form
// (it has the form's id, so the button's aria-controls always resolves; the
// form itself comes from the form module, form_api.hpp) and the lightbox shell.
// Gives ok=false ("invalid_config") when imported_from is not valid UTF-8 or
// names more than 20 apps or an app longer than 100 bytes.
WidgetRender render_shell(const ShellConfig& config, const std::string& locale,
                          const std::string& id_prefix);

// The star badge of <vouch-stars> from a summary (average in tenths 0..50, count).
std::string render_badge(int average_tenths, int count, const std::string& locale);

// A UI string with {count} filled in ("Please correct 2 fields."), for the few
// texts the shim composes at run time. Not escaped: the shim sets textContent.
std::string ui_text(const std::string& key, int count, const std::string& locale);

// The supported locale for a BCP 47 tag ("zh-Hant-HK" -> "zh-TW", "pt" -> "en").
std::string resolve_locale(const std::string& tag);

// Shared by the façade's renderers (widget_api.cpp, form_api.cpp): the
// resolved locale and a safe id prefix (letters, digits, '-'), and a failure.
render::Options make_render_options(const std::string& locale, const std::string& id_prefix);
WidgetRender render_failure(std::string code, std::string message);

// The shim's view -> the core's, checked (render::check_view); for tests.
Result<render::ViewState> to_view_state(const WidgetView& view);

}  // namespace vouch::facade
