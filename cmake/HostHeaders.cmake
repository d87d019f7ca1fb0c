# Debian's header-only packages (nlohmann/json, Catch2 v2) for both builds.
#
# Natively we use the packages' own CMake configs. Under emcmake that fails: the
# Emscripten toolchain only searches its sysroot, and Debian's configs would put
# /usr/include on em++'s include path, where glibc headers break the build. So for
# wasm we copy just the package's header folder into the build tree and expose the
# copy through an INTERFACE target with the same name the native build uses.

# vouch_stage_host_headers(<target> <subdir> PROBE <header>)
function(vouch_stage_host_headers target subdir)
  cmake_parse_arguments(ARG "" "PROBE" "" ${ARGN})
  find_path(${target}_HOST_DIR "${ARG_PROBE}"
    PATHS /usr/include /usr/local/include   # required: the sysroot prefix "/" alone misses them
    NO_CMAKE_FIND_ROOT_PATH)
  if(NOT ${target}_HOST_DIR)
    message(FATAL_ERROR "${ARG_PROBE} not found: run scripts/bootstrap.sh (apt-get install)")
  endif()
  set(stage_dir "${CMAKE_BINARY_DIR}/_host_headers/${target}")
  if(NOT EXISTS "${stage_dir}/${ARG_PROBE}")
    file(COPY "${${target}_HOST_DIR}/${subdir}" DESTINATION "${stage_dir}")
  endif()
  add_library(${target} INTERFACE)
  target_include_directories(${target} SYSTEM INTERFACE "${stage_dir}")
endfunction()

if(EMSCRIPTEN)
  vouch_stage_host_headers(vouch_nlohmann_staged nlohmann PROBE nlohmann/json.hpp)
  add_library(nlohmann_json::nlohmann_json ALIAS vouch_nlohmann_staged)
else()
  find_package(nlohmann_json 3.10 CONFIG REQUIRED)
endif()
