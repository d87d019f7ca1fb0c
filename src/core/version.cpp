#include "vouch/version.hpp"

namespace vouch {

const char* version() { return VOUCH_VERSION; }

}  // namespace vouch
