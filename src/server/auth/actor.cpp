#include "auth/actor.hpp"

namespace vouch::server {

const char* role_name(Role role) {
  switch (role) {
    case Role::Owner:
      return "owner";
    case Role::Moderator:
      return "moderator";
    case Role::Responder:
      return "responder";
  }
  return "responder";
}

std::optional<Role> role_from_name(std::string_view name) {
  if (name == "owner") return Role::Owner;
  if (name == "moderator") return Role::Moderator;
  if (name == "responder") return Role::Responder;
  return std::nullopt;
}

bool allowed(Role role, Permission permission) {
  switch (permission) {
    case Permission::Read:
    case Permission::Respond:
      return true;
    case Permission::Templates:
    case Permission::Moderate:
      return role == Role::Moderator || role == Role::Owner;
    case Permission::Manage:
      return role == Role::Owner;
  }
  return false;
}

}  // namespace vouch::server
