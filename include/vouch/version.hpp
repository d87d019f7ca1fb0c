#pragma once

namespace vouch {

// The core's version string ("0.1.0"), set from CMake's project version so the
// widget, the server and the docs report the same number.
const char* version();

}  // namespace vouch
