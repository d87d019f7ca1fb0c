// The only file that includes Emscripten headers. It registers the façade
// (src/facade/) and nothing else: conversions live in the façade, logic in the core.
#include <emscripten/bind.h>

#include "widget_api.hpp"

EMSCRIPTEN_BINDINGS(vouch_core) {
  namespace api = vouch::facade;
  emscripten::function("version", &api::core_version);
}
