#include "app/publication.hpp"

namespace vouch::server::app {

std::string status_at_submission(ModerationMode mode, const std::vector<Flag>& flags) {
  switch (mode) {
    case ModerationMode::All:
      return "pending";
    case ModerationMode::Flagged:
      return holds_for_moderation(flags) ? "pending" : "published";
    case ModerationMode::None:
      break;
  }
  return "published";
}

}  // namespace vouch::server::app
