#include "inbox/inbox_item_json.hpp"

#include "review_json.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server::inbox {

namespace {

json time_or_null(const std::optional<std::int64_t>& time) {
  return time ? json(format_utc(*time)) : json(nullptr);
}

// From the stored instants alone (the due time was computed with the
// business calendar when it was stored).
const char* clock_state(const InboxRow& row, std::int64_t now) {
  if (row.first_reply_at)
    return clock::clock_state_name(*row.first_reply_at <= row.due_at
                                       ? clock::ClockState::AnsweredInTime
                                       : clock::ClockState::AnsweredLate);
  if (row.no_reply_at) return clock::clock_state_name(clock::ClockState::Stopped);
  return clock::clock_state_name(row.due_at <= now ? clock::ClockState::Overdue
                                                   : clock::ClockState::Running);
}

}  // namespace

json inbox_item_json(const StoredReview& stored, const InboxRow& row, const InboxSettings& settings,
                     std::int64_t now) {
  const Review& r = stored.review;
  json photos = json::array();
  for (const Media& m : r.media)
    if (m.kind == Media::Kind::Photo) photos.push_back(m.url);
  clock::ClockItem item;
  item.rating = r.rating;
  item.arrived_at = row.arrived_at;
  const std::int64_t target = clock::target_for(item, settings.clock.targets);
  // Same definition as the query's needs_response (inbox_query.cpp).
  const bool needs_response = !row.first_reply_at && !row.no_reply_at && row.state != "resolved" &&
                              row.state != "followed_up" && stored.status != "rejected" &&
                              stored.status != "hidden";
  json out = {
      {"id", r.id},
      {"product_id", r.product_id},
      {"rating", r.rating},
      {"title", r.title},
      {"body", r.body},
      {"author", r.author},
      {"language", r.language},
      {"created", format_utc(r.created)},
      {"status", stored.status},
      {"photos", photos},
      {"provenance",
       {{"source", r.source},
        {"verification", api_verification_name(r.verification)},
        {"source_verified", stored.source_verified},
        {"incentivized", r.incentivized}}},
      {"flags", split_list(stored.flags)},
      {"tags", row.tags},
      {"tags_corrected", row.tags_corrected},
      {"priority", kPriorityNames[row.priority & 3]},
      {"priority_corrected", row.priority_corrected},
      {"spam_risk", kSpamNames[row.spam_risk & 3]},
      {"due_at", row.due_at > 0 ? json(format_utc(row.due_at)) : json(nullptr)},
      {"overdue", needs_response && row.due_at > 0 && row.due_at <= now},
      {"clock", {{"state", clock_state(row, now)}, {"target_hours", target / 3600}}},
      {"assignee", row.assignee},
      {"state", row.state},
      {"starred", row.starred},
  };
  out["reply"] = r.reply.text.empty() ? json(nullptr)
                                      : json({{"text", r.reply.text},
                                              {"time", format_utc(r.reply.time)},
                                              {"by", row.first_reply_by}});
  out["no_reply"] =
      row.no_reply_at
          ? json({{"reason", row.no_reply_reason}, {"at", format_utc(*row.no_reply_at)}})
          : json(nullptr);
  out["resolved_at"] = time_or_null(row.resolved_at);
  if (row.follow_up_at || !row.follow_up_outcome.empty()) {
    out["follow_up"] = {
        {"due_at", time_or_null(row.follow_up_at)},
        {"outcome", row.follow_up_outcome.empty() ? json(nullptr) : json(row.follow_up_outcome)},
        {"at", time_or_null(row.followed_up_at)},
        {"by", row.followed_up_by}};
  } else {
    out["follow_up"] = nullptr;
  }
  return out;
}

}  // namespace vouch::server::inbox
