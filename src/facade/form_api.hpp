#pragma once
// The form module's façade (vouch-form.wasm, loaded when a shopper opens the
// form or a store serves a JSON snapshot): what the first render does not need.
// Validation itself is validate_api.hpp; this file holds the form markup and
// the JSON -> binary snapshot conversion. Plain C++, tested natively.

#include <cstddef>
#include <cstdint>
#include <string>

#include "review_store.hpp"
#include "widget_api.hpp"

namespace vouch::facade {

// The write-a-review form for a store Policy (JSON, "" = the defaults): the
// markup the widget puts in place of render_shell()'s form slot. A bad policy
// gives ok=false, code "invalid_policy", with the path of the bad key.
WidgetRender render_form(const std::string& policy_json, const std::string& locale,
                         const std::string& id_prefix);

// The report picker of a review card (render::report_picker), in `locale`.
std::string render_report_picker(const std::string& locale, const std::string& id_prefix);

// Converts a JSON snapshot (strict loader, docs/snapshot-format.md) into the
// binary format, which the first-render module loads. One converter per
// conversion, owned by the JS caller (.delete() when done).
class SnapshotConverter {
 public:
  // Reads the JSON from wasm memory (pointer from _malloc, caller frees).
  // Errors are those of ReviewStore::load_json ("invalid_json",
  // "invalid_snapshot") with the same messages.
  StoreStatus convert(std::uintptr_t pointer, std::size_t length);
  // Native convenience (tests).
  StoreStatus convert_bytes(std::string_view json);
  // The binary snapshot of the last successful convert() ("" before one).
  const std::string& binary() const { return binary_; }

 private:
  std::string binary_;
};

}  // namespace vouch::facade
