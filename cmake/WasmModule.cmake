# vouch_wasm_module(<target> PART <VIEW|FORM> OUTPUT_NAME <name> EXPORT_NAME <factory>
#                   OUTPUT_DIR <dir> ENVIRONMENT <env>
#                   [INITIAL_MEMORY <bytes> STACK <bytes>])
#
# Links the Embind bindings (one part of them, see src/wasm/bindings.cpp) +
# façade + core into <name>.js / <name>.wasm. Two modules: vouch-core (PART VIEW,
# the first render) and vouch-form (PART FORM, loaded when the form opens); LTO
# keeps in each only what its part registers. Each comes in two artifacts from
# the same objects: ENVIRONMENT=web for the browser bundle (a web,node build
# contains require("fs"), which bundlers choke on) and web,node for Node tests.
set(VOUCH_WASM_OPT "-Oz" CACHE STRING "Optimisation level of the shipped wasm (see bench/RESULTS.md)")
option(VOUCH_WASM_CLOSURE "Minify the JS glue with Closure (npm google-closure-compiler, pinned)" ON)
set(VOUCH_CLOSURE_COMPILER "${PROJECT_SOURCE_DIR}/node_modules/.bin/google-closure-compiler"
    CACHE FILEPATH "Closure compiler from npm: Debian's emscripten config names one that is not installed")

# Compile flags every object in the wasm build shares (core, façade, bindings).
set(VOUCH_WASM_COMPILE_FLAGS
  ${VOUCH_WASM_OPT}
  -flto                # whole-program: about -10% wasm
  -fno-exceptions)     # a throw would otherwise escape to JS as a bare number and corrupt memory

function(vouch_wasm_module target)
  cmake_parse_arguments(ARG "" "PART;OUTPUT_NAME;EXPORT_NAME;OUTPUT_DIR;ENVIRONMENT;INITIAL_MEMORY;STACK;LINK_OPT"
                        "SOURCES" ${ARGN})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE vouch_facade)
  target_compile_options(${target} PRIVATE ${VOUCH_WASM_COMPILE_FLAGS})
  target_compile_definitions(${target} PRIVATE VOUCH_WASM_PART_${ARG_PART})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${ARG_OUTPUT_NAME}
    RUNTIME_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIR}")
  # LINK_OPT: this module's own link-time level (LTO code generation and
  # wasm-opt run here, over bitcode compiled at VOUCH_WASM_OPT). It replaces
  # VOUCH_WASM_OPT on the link line: emcc does not let a later -O3 undo -Oz.
  set(link_flags ${VOUCH_WASM_COMPILE_FLAGS})
  if(ARG_LINK_OPT)
    list(TRANSFORM link_flags REPLACE "^${VOUCH_WASM_OPT}$" "${ARG_LINK_OPT}")
  endif()
  target_link_options(${target} PRIVATE
    ${link_flags}
    -lembind
    "SHELL:-s MODULARIZE=1"                       # a factory function, no globals on the host page
    "SHELL:-s EXPORT_NAME=${ARG_EXPORT_NAME}"
    "SHELL:-s ENVIRONMENT=${ARG_ENVIRONMENT}"
    "SHELL:-s DYNAMIC_EXECUTION=0"                # no eval/new Function: works under CSP without 'unsafe-eval'
    "SHELL:-s FILESYSTEM=0"                       # the core does no I/O
    "SHELL:-s ALLOW_MEMORY_GROWTH=1"              # the heap grows with the snapshot and its indexes
    "SHELL:-s MALLOC=emmalloc"                    # about -6% wasm; the core allocates little after load
    "SHELL:-s TEXTDECODER=2"                      # always TextDecoder: drops the JS UTF-8 fallback
    "SHELL:-s INCOMING_MODULE_JS_API=[locateFile,wasmBinary,onAbort,print,printErr]"  # unlisted names are silently ignored
    "SHELL:-s EXPORTED_FUNCTIONS=[_malloc,_free]" # bytes go in with HEAPU8.set, not through embind strings
    "SHELL:-s EXPORTED_RUNTIME_METHODS=[HEAPU8]")
  # Without these, Emscripten's defaults: 16 MiB of memory, 5 MiB of it stack.
  if(ARG_INITIAL_MEMORY)
    target_link_options(${target} PRIVATE "SHELL:-s INITIAL_MEMORY=${ARG_INITIAL_MEMORY}")
  endif()
  if(ARG_STACK)
    target_link_options(${target} PRIVATE "SHELL:-s TOTAL_STACK=${ARG_STACK}")
  endif()
  # em++ runs node (acorn) while linking at -O2 and up: Debian's node only finds it
  # with NODE_PATH. Closure needs its binary named. Both go on the link rule itself,
  # space-separated (a ;-list drops the variables), so a clean shell can build.
  set(link_env "NODE_PATH=/usr/share/nodejs")
  if(VOUCH_WASM_CLOSURE)
    target_link_options(${target} PRIVATE "SHELL:--closure 1")   # -55% JS glue
    string(APPEND link_env " EM_CLOSURE_COMPILER=${VOUCH_CLOSURE_COMPILER}")
  endif()
  set_property(TARGET ${target} PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env ${link_env}")
endfunction()
