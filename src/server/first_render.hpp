#pragma once
// The widget's first response (issue 19): everything the first render shows,
// rendered by the core from the cached snapshot, so a shopper sees the reviews
// after one small request whatever the product's size. The widget adopts the
// markup as it is (the wasm renders the same bytes later) and loads the wasm
// and the full snapshot after that: at idle, or at the first sort, filter or
// search. Served by GET /api/v1/products/{id}/first (routes_public.cpp) and
// written per locale by `export --static` (exporter.cpp).

#include <string>

#include "http_util.hpp"
#include "snapshot_cache.hpp"
#include "vouch/render.hpp"

namespace vouch::server {

// The id prefix the markup is rendered with; the widget renames it to its own.
inline constexpr const char* kFirstRenderIdPrefix = "vouch0";

// {"version":1,"product","core","reviews","locale","id_prefix","view":{...},
//  "config":{...},"total","shown","html","shell"} (docs/api.md). `state` and
// `config` must have passed render::check_view / check_store_config.
Result<std::string> first_render_json(const std::string& product_id, const Snapshot& snapshot,
                                      const Summary& summary, const render::ViewState& state,
                                      const render::StoreConfig& config,
                                      const std::string& locale_tag);

// The default view's first response in every locale, written beside a static
// snapshot as `<stem>.first-<locale>.json` (`stem` = the snapshot's path
// without .json/.bin). Returns {locale: file name} for index.json.
Result<json> write_first_renders(const std::string& stem, const Snapshot& snapshot,
                                 const Summary& summary);

}  // namespace vouch::server
