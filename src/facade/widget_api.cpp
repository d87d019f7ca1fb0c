#include "widget_api.hpp"

#include "vouch/version.hpp"

namespace vouch::facade {

std::string core_version() { return vouch::version(); }

}  // namespace vouch::facade
