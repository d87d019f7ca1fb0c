#include "inbox/inbox_actions.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <mutex>

#include "app/moderate.hpp"
#include "audit_log.hpp"
#include "inbox/inbox_triage.hpp"
#include "questions/moderate_qa.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server::inbox {

namespace {

using app::Failure;
using app::Outcome;
using app::Problem;

Problem failed(const Error& error) {
  if (error.kind == ErrorKind::NotFound)
    return app::problem(Failure::NotFound, "not_found", error.message);
  if (error.kind == ErrorKind::Invalid) return app::problem_from(error, "invalid_review");
  std::fprintf(stderr, "inbox: %s\n", error.to_string().c_str());
  return app::problem(Failure::Storage, "internal", "database error");
}

Problem bad(const std::string& what) {
  return app::problem(Failure::Malformed, "invalid_parameter", what);
}

// One change and its audit row in one transaction.
Status change(App& app, const std::string& id, const Actor& actor, const std::string& action,
              const std::string& detail, const std::function<Status()>& apply) {
  Transaction transaction(*app.db);
  if (!transaction.began()) return Error{"inbox", app.db->last_error(), ErrorKind::Storage};
  Status status = apply();
  if (status) status = append_audit(*app.db, app.now(), actor.name, action, id, "", detail);
  if (status) status = transaction.commit();
  return status;
}

// A name staff can be assigned as: a console user or a named admin token.
Outcome<bool> is_assignable(App& app, const std::string& name) {
  if (name.empty() || app.config.admin_tokens.count(name)) return true;
  Result<bool> user = user_exists(*app.db, name);
  if (!user) return failed(user.error());
  return user.value();
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

// Tag changes rewrite a review's shopper topics (a question has none).
Status after_tags(App& app, const InboxRow& row) {
  if (row.kind != "review") return Ok{};
  return write_topics(*app.db, *app.inbox, row.review_id);
}

}  // namespace

Outcome<ItemView> load_item(App& app, const std::string& review_id) {
  if (!is_valid_id(review_id))
    return app::problem(Failure::Malformed, "invalid_id", "review id is malformed");
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::optional<StoredReview>> review = find_review(*app.db, review_id);
  if (!review) return failed(review.error());
  if (!review.value()) return app::problem(Failure::NotFound, "not_found", "no such review");
  Result<std::optional<InboxRow>> row = find_item(*app.db, review_id);
  if (!row) return failed(row.error());
  if (!row.value())
    return app::problem(Failure::NotFound, "not_found", "no inbox item for this review");
  return ItemView{*review.value(), *row.value()};
}

Outcome<ItemDetail> open_item(App& app, const std::string& review_id, const Actor& actor) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<ItemView> view = load_item(app, review_id);
  if (!view) return view.problem();
  if (view.value().row.state == "unread") {
    Status read = change(app, review_id, actor, "read", "unread -> open",
                         [&] { return set_state(*app.db, review_id, "open"); });
    if (!read) return failed(read.error());
    view = load_item(app, review_id);
    if (!view) return view.problem();
  }
  ItemDetail detail;
  detail.item = view.value();
  detail.evidence = run_triage(*app.inbox, triage_source(detail.item.review)).evidence;
  // One owner of an item's history (item_history.cpp): events and audit rows.
  Outcome<std::vector<HistoryEntry>> history = item_history(app, review_id);
  if (!history) return history.problem();
  detail.history = std::move(history.value());
  return detail;
}

Outcome<ItemPatch> parse_item_patch(App& app, const json& body) {
  ItemPatch patch;
  for (const auto& member : body.items()) {
    const std::string& key = member.key();
    const json& value = member.value();
    if (key == "read" || key == "starred") {
      if (!value.is_boolean()) return bad(key + ": expected true or false");
      (key == "read" ? patch.read : patch.starred) = value.get<bool>();
    } else if (key == "assignee") {
      if (!value.is_string()) return bad("assignee: expected a user name or \"\"");
      const std::string name = value.get<std::string>();
      Outcome<bool> known = is_assignable(app, name);
      if (!known) return known.problem();
      if (!known.value())
        return app::problem(Failure::Invalid, "unknown_user",
                            "assignee: no user named \"" + name + "\"");
      patch.assignee = name;
    } else if (key == "tags") {
      if (!value.is_array() || value.size() > 64) return bad("tags: expected an array of tag ids");
      std::vector<std::string> tags;
      for (const json& tag : value) {
        if (!tag.is_string() || !app.inbox->knows_tag(tag.get_ref<const std::string&>()))
          return bad("tags: expected tag ids of the triage configuration");
        if (std::find(tags.begin(), tags.end(), tag.get<std::string>()) == tags.end())
          tags.push_back(tag.get<std::string>());
      }
      patch.tags = tags;
    } else if (key == "priority") {
      std::optional<int> priority = value.is_string()
                                        ? priority_from_name(value.get_ref<const std::string&>())
                                        : std::nullopt;
      if (!priority) return bad("priority: expected urgent, high, normal or low");
      patch.priority = *priority;
    } else {
      return bad(key + ": unknown member (expected read, starred, assignee, tags, priority)");
    }
  }
  return patch;
}

Outcome<InboxRow> patch_item(App& app, const std::string& id, const ItemPatch& patch,
                             const Actor& actor) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<InboxRow> loaded = load_row(app, id);
  if (!loaded) return loaded;
  const InboxRow& row = loaded.value();
  Status status = Ok{};
  if (status && patch.read) {
    const bool unread = row.state == "unread";
    // Only unread <-> open: marking a replied or resolved item read changes nothing.
    if (*patch.read && unread)
      status = change(app, id, actor, "read", "unread -> open",
                      [&] { return set_state(*app.db, id, "open"); });
    else if (!*patch.read && row.state == "open")
      status = change(app, id, actor, "read", "open -> unread",
                      [&] { return set_state(*app.db, id, "unread"); });
  }
  if (status && patch.starred && *patch.starred != row.starred)
    status = change(app, id, actor, "star", *patch.starred ? "starred" : "unstarred",
                    [&] { return set_starred(*app.db, id, *patch.starred); });
  if (status && patch.assignee && *patch.assignee != row.assignee)
    status = change(app, id, actor, "assign", row.assignee + " -> " + *patch.assignee,
                    [&] { return set_assignee(*app.db, id, *patch.assignee); });
  if (status && patch.tags)
    status = change(app, id, actor, "tags", joined(row.tags) + " -> " + joined(*patch.tags),
                    [&]() -> Status {
                      Status s = set_tags_corrected(*app.db, id, *patch.tags);
                      return s ? after_tags(app, row) : s;
                    });
  if (status && patch.priority)
    status = change(
        app, id, actor, "priority",
        std::string(kPriorityNames[row.priority & 3]) + " -> " + kPriorityNames[*patch.priority],
        [&] { return set_priority_corrected(*app.db, id, *patch.priority); });
  if (patch.tags && row.kind == "review") app.snapshots.invalidate(row.product_id);
  if (!status) return failed(status.error());
  return load_row(app, id);
}

Outcome<InboxRow> set_no_reply_for(App& app, const std::string& id, const std::string& reason,
                                   const Actor& actor) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<InboxRow> loaded = load_row(app, id);
  if (!loaded) return loaded;
  Status status = change(app, id, actor, reason.empty() ? "clock_restart" : "no_reply", reason,
                         [&] { return set_no_reply(*app.db, id, reason, app.now()); });
  if (!status) return failed(status.error());
  return load_row(app, id);
}

Outcome<BulkResult> bulk_action(App& app, const json& body, const Actor& actor) {
  static const std::vector<std::string> kActions = {"read", "unread", "star",    "unstar", "assign",
                                                    "tag",  "untag",  "approve", "reject"};
  auto ids = body.find("ids");
  if (ids == body.end() || !ids->is_array() || ids->empty() || ids->size() > kMaxBulkIds)
    return bad("ids: expected an array of 1.." + std::to_string(kMaxBulkIds) + " item ids");
  auto action_it = body.find("action");
  const std::string action =
      action_it != body.end() && action_it->is_string() ? action_it->get<std::string>() : "";
  if (std::find(kActions.begin(), kActions.end(), action) == kActions.end())
    return bad(
        "action: expected read, unread, star, unstar, assign, tag, untag, approve or reject");
  // Moderation in bulk needs the moderation permission, whatever the route's.
  if ((action == "approve" || action == "reject") && !allowed(actor.role, Permission::Moderate))
    return app::problem(Failure::Forbidden, "forbidden",
                        "approve and reject need the moderation permission");
  auto value_it = body.find("value");
  std::string value;
  if (value_it != body.end()) {
    if (!value_it->is_string()) return bad("value: expected a string");
    value = value_it->get<std::string>();
  }
  if (action == "assign") {
    Outcome<bool> known = is_assignable(app, value);
    if (!known) return known.problem();
    if (!known.value())
      return app::problem(Failure::Invalid, "unknown_user",
                          "value: no user named \"" + value + "\"");
  }
  if ((action == "tag" || action == "untag") && !app.inbox->knows_tag(value))
    return bad("value: expected a tag id of the triage configuration");
  if (action == "reject") {
    const auto& reasons = app::moderation_reasons();
    if (std::find(reasons.begin(), reasons.end(), value) == reasons.end())
      return bad("value: expected a rejection reason (" + joined(reasons) + ")");
  }
  BulkResult result;
  for (const json& id_value : *ids) {
    const std::string id = id_value.is_string() ? id_value.get<std::string>() : "";
    auto fail = [&](const std::string& code) {
      // A scalar is echoed; an array or object is named, not dumped back whole.
      result.failed.push_back({id_value.is_string()      ? id
                               : id_value.is_primitive() ? id_value.dump()
                                                         : std::string(id_value.type_name()),
                               code});
    };
    if (!id_value.is_string() || !is_valid_id(id)) {
      fail("invalid_id");
      continue;
    }
    Outcome<InboxRow> outcome = app::problem(Failure::Storage, "internal", "not run");
    if (action == "approve" || action == "reject") {
      Outcome<InboxRow> target = load_row(app, id);
      if (!target) {
        fail(target.problem().code);
        continue;
      }
      // A question item is moderated as a question (same reasons, same audit).
      if (target.value().kind == "question") {
        Outcome<questions::StoredQuestion> moderated = questions::moderate_question(
            app, id,
            action == "approve" ? questions::QaAction::Approve : questions::QaAction::Reject, value,
            actor);
        if (!moderated) {
          fail(moderated.problem().code);
          continue;
        }
        ++result.done;
        continue;
      }
      app::ModerationRequest request;
      request.review_id = id;
      request.action =
          action == "approve" ? app::ModerationAction::Approve : app::ModerationAction::Reject;
      request.reason = value;
      request.actor = actor.name;
      Outcome<StoredReview> moderated = app::moderate_review(app, request);
      if (!moderated) {
        fail(moderated.problem().code);
        continue;
      }
      ++result.done;
      continue;
    }
    if (action == "read" || action == "unread") {
      ItemPatch patch;
      patch.read = action == "read";
      outcome = patch_item(app, id, patch, actor);
    } else if (action == "star" || action == "unstar") {
      ItemPatch patch;
      patch.starred = action == "star";
      outcome = patch_item(app, id, patch, actor);
    } else if (action == "assign") {
      ItemPatch patch;
      patch.assignee = value;
      outcome = patch_item(app, id, patch, actor);
    } else {
      Outcome<InboxRow> row = load_row(app, id);
      if (!row) {
        fail(row.problem().code);
        continue;
      }
      std::vector<std::string> tags = row.value().tags;
      tags.erase(std::remove(tags.begin(), tags.end(), value), tags.end());
      if (action == "tag") tags.push_back(value);
      ItemPatch patch;
      patch.tags = tags;
      outcome = patch_item(app, id, patch, actor);
    }
    if (!outcome) {
      fail(outcome.problem().code);
      continue;
    }
    ++result.done;
  }
  return result;
}

}  // namespace vouch::server::inbox
