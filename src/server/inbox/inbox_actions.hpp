#pragma once
// Use cases of the inbox: open an item (marks it read), correct it (read,
// star, assign, tags, priority), stop or restart its clock, and bulk actions.
// Each change and its audit row (actor.name) go in one transaction; tag
// corrections of a review also rewrite the shopper's topics and drop the
// cached snapshot. Corrections, the clock stop and bulk actions work on an
// item of either kind (review or question, any_item.hpp); bulk approve /
// reject moderate the review or the question.

#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "auth/actor.hpp"
#include "http_util.hpp"
#include "inbox/any_item.hpp"
#include "inbox/inbox_store.hpp"
#include "inbox/item_history.hpp"
#include "review_store.hpp"

namespace vouch::server::inbox {

struct ItemView {
  StoredReview review;
  InboxRow row;
};
app::Outcome<ItemView> load_item(App& app, const std::string& review_id);

struct ItemDetail {
  ItemView item;
  std::vector<triage::MatchedTerm> evidence;  // recomputed: evidence is not stored
  std::vector<HistoryEntry> history;          // oldest first
};
// Marks an unread item open (audited as `read`).
app::Outcome<ItemDetail> open_item(App& app, const std::string& review_id, const Actor& actor);

struct ItemPatch {
  std::optional<bool> read;
  std::optional<bool> starred;
  std::optional<std::string> assignee;
  std::optional<std::vector<std::string>> tags;
  std::optional<int> priority;
};
// The PATCH body: every member checked before anything is written.
app::Outcome<ItemPatch> parse_item_patch(App& app, const json& body);
// Either kind; gives the item's row after the change.
app::Outcome<InboxRow> patch_item(App& app, const std::string& id, const ItemPatch& patch,
                                  const Actor& actor);

// Either kind; reason "" restarts the clock.
app::Outcome<InboxRow> set_no_reply_for(App& app, const std::string& id, const std::string& reason,
                                        const Actor& actor);

struct BulkFailure {
  std::string id;
  std::string error;  // the problem's code
};
struct BulkResult {
  std::size_t done = 0;
  std::vector<BulkFailure> failed;
};
inline constexpr std::size_t kMaxBulkIds = 500;
// Body {"ids", "action", "value"}; a bad id is reported and the others done.
app::Outcome<BulkResult> bulk_action(App& app, const json& body, const Actor& actor);

}  // namespace vouch::server::inbox
