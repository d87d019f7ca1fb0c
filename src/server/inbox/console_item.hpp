#pragma once
// The inbox row of one review as the follow-up / history use cases see it,
// and the part of the item JSON they own (state, resolved_at, follow_up).
// The {"item"} answers render the whole item with inbox_item_json().

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app.hpp"
#include "app/outcome.hpp"
#include "http_util.hpp"
#include "review_store.hpp"

namespace vouch::server::inbox {

struct ConsoleItem {
  std::string review_id;
  std::string state;  // unread, open, replied, resolved, followed_up
  std::int64_t arrived_at = 0;
  std::optional<std::int64_t> resolved_at;
  std::optional<std::int64_t> follow_up_at;
  std::string follow_up_outcome;  // "" = none yet
  std::optional<std::int64_t> followed_up_at;
  std::string followed_up_by;
};

// The review, 400 invalid_id / 404 not_found as a Problem.
app::Outcome<StoredReview> load_review(App& app, std::string_view id);

// Creates the inbox row (triaged) when it does not exist yet; a no-op otherwise.
Status ensure_inbox_row(App& app, const StoredReview& review);
Status ensure_inbox_row(App& app, std::string_view review_id);

// The row (after ensure_inbox_row). Caller holds the db mutex.
Result<ConsoleItem> read_console_item(Database& db, std::string_view review_id);

// The Problem for a storage error (logged).
app::Problem storage_problem(const char* where, const Error& error);

}  // namespace vouch::server::inbox
