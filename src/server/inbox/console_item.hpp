#pragma once
// The inbox row of one review as the follow-up / history use cases see it,
// and the part of the item JSON they own (state, resolved_at, follow_up).
//
// MERGE NOTE (lead): console_item_json() is a stand-in for h2's full
// inbox_item_json(); every {"item"} answer of routes_console.cpp goes through
// it, so swapping it for h2's function is a one-line change there.

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

// Creates the inbox row when it does not exist yet (h2's triage fills the
// rest at insert or backfill); a no-op otherwise. Caller holds the db mutex.
Status ensure_inbox_row(Database& db, std::string_view review_id);

// The row (after ensure_inbox_row). Caller holds the db mutex.
Result<ConsoleItem> read_console_item(Database& db, std::string_view review_id);

// {"id","state","resolved_at","follow_up":{"due_at","outcome","at","by"}|null}
json console_item_json(const ConsoleItem& item);

// The Problem for a storage error (logged).
app::Problem storage_problem(const char* where, const Error& error);

}  // namespace vouch::server::inbox
