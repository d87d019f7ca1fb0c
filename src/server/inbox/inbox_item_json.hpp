#pragma once
// The inbox item as the admin API shows it (CONTRACT.md "Item JSON"): the
// review, its triage, the clock, and the columns other console work writes
// (resolve / follow-up), read straight from the row.

#include "http_util.hpp"
#include "inbox/inbox_settings.hpp"
#include "inbox/inbox_store.hpp"
#include "review_store.hpp"

namespace vouch::server::inbox {

json inbox_item_json(const StoredReview& stored, const InboxRow& row, const InboxSettings& settings,
                     std::int64_t now);

}  // namespace vouch::server::inbox
