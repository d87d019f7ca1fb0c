#pragma once
// Who is acting on the admin API, and what each staff role may do (issue 15).
// One owner of the role rules: every admin route names the permission it
// needs (admin_route.hpp) and `allowed` decides; nothing else looks at roles.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vouch::server {

enum class Role : std::uint8_t { Responder, Moderator, Owner };

const char* role_name(Role role);  // "responder", "moderator", "owner"
std::optional<Role> role_from_name(std::string_view name);

// What a route does, coarse enough for the three roles of the brief:
//   owner      everything
//   moderator  moderation (publish, reject, hide, feature) + everything a responder does
//   responder  read the inbox, reply, tag, assign, notes, follow-ups
enum class Permission : std::uint8_t {
  Read,       // inbox, reviews, templates, metrics, audit of one review
  Respond,    // reply, private message, note, tag/priority correction, assign, star, follow-up
  Templates,  // create/edit/delete reply templates
  Moderate,   // approve, reject, hide, feature
  Manage,     // users, sessions of others, settings, import, export, delete, erase, health, audit
};

bool allowed(Role role, Permission permission);

// How the actor proved who it is. A token actor is automation (a named
// bearer token from the config: role owner); a user actor has a session.
enum class ActorKind : std::uint8_t { Token, User };

struct Actor {
  std::string name;  // the audit log's actor: a user name, or the token's name
  Role role = Role::Owner;
  ActorKind kind = ActorKind::Token;
  std::int64_t user_id = 0;  // User only
  std::string session_id;    // User only: the session's public id (never the cookie secret)
};

}  // namespace vouch::server
