#pragma once
// An inbox item of either kind (migration 7: a review or a question). The
// row-level use cases (inbox_actions.hpp: PATCH, no-reply, bulk) load the row
// here and hand back the JSON the inbox list shows for that kind, so a
// question item is corrected by the same code as a review item.

#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "http_util.hpp"
#include "inbox/inbox_store.hpp"

namespace vouch::server::inbox {

// invalid_id (400) for a malformed id, not_found (404) without an item.
app::Outcome<InboxRow> load_row(App& app, const std::string& id);

// The inbox list's JSON of the item, by its kind.
app::Outcome<json> any_item_json(App& app, const InboxRow& row);

}  // namespace vouch::server::inbox
