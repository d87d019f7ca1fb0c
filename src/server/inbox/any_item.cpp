#include "inbox/any_item.hpp"

#include <mutex>

#include "inbox/inbox_actions.hpp"
#include "inbox/inbox_item_json.hpp"
#include "questions/question_inbox.hpp"

namespace vouch::server::inbox {

app::Outcome<InboxRow> load_row(App& app, const std::string& id) {
  if (!is_valid_id(id))
    return app::problem(app::Failure::Malformed, "invalid_id", "item id is malformed");
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::optional<InboxRow>> row = find_item(*app.db, id);
  if (!row) return app::storage_failure("inbox", row.error());
  if (!row.value()) return app::problem(app::Failure::NotFound, "not_found", "no such inbox item");
  return *row.value();
}

app::Outcome<json> any_item_json(App& app, const InboxRow& row) {
  if (row.kind == "question") return questions::question_item_json(app, row.review_id);
  app::Outcome<ItemView> view = load_item(app, row.review_id);
  if (!view) return view.problem();
  return inbox_item_json(view.value().review, view.value().row, *app.inbox, app.now());
}

}  // namespace vouch::server::inbox
