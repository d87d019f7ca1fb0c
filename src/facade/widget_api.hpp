#pragma once
// The façade: the small API the wasm bindings register, shaped for JavaScript
// (bytes in; indices, strings and value objects out). Plain C++ with no
// Emscripten, so the native tests exercise exactly what the browser calls.

#include <string>

namespace vouch::facade {

// The core's version, shown by the widget's placeholder so a user sees at once
// that the C++ core loaded.
std::string core_version();

}  // namespace vouch::facade
