#pragma once
// The widget's view and shell rendered straight from a Snapshot: one place that
// turns a ViewState into a query, runs it and renders summary + controls + list.
// The widget's wasm (through the façade) and the server's first-render route
// (GET /api/v1/products/{id}/first) both call these, so the markup the server
// sends before the wasm has loaded is byte for byte what the wasm renders after.

#include <cstdint>
#include <optional>
#include <string>

#include "vouch/query.hpp"
#include "vouch/render.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/status.hpp"
#include "vouch/summary.hpp"

namespace vouch::render {

// A view as a shopper's URL or a widget option may carry it: stars 0..31,
// page 0..100000, page_size 1..100, a known sort, search and topic at most
// 1,000 bytes of valid UTF-8. The error's path names the field ("view.page").
std::optional<Error> check_view(const ViewState& state);

// The store's collection facts as the note shows them: imported_from at most
// 20 apps, each 1..100 bytes of valid UTF-8 ("config.imported_from[2]").
std::optional<Error> check_store_config(const StoreConfig& config);

struct ViewMarkup {
  std::string html;         // summary + controls + list
  std::uint32_t total = 0;  // reviews matching the filters
  std::uint32_t shown = 0;  // cards in the markup
};

// Runs the query for `state` (checked with check_view first) on `snapshot`
// and renders the view region. `summary` is summarize(snapshot).
Result<ViewMarkup> view(const Snapshot& snapshot, const Summary& summary, const ViewState& state,
                        const Options& options);

// The parts that do not change with the view: the collection note, the
// "write a review" button, the form's slot and the lightbox shell.
std::string shell(const StoreConfig& config, const Options& options);

}  // namespace vouch::render
