# Precompiled headers for the native test runners (CI's cold build on 2 cores).
#
# Why: every test file parses Catch2's single header (~17k lines), nlohmann/json
# (~25k lines) and the standard library again; a 278-line test file preprocesses
# to ~128k lines. With the test sources at -O0 (CMakeLists.txt), that parsing is
# a large share of what is left: measured on two test files, CPU time
# 7.6 -> 6.2 s and 5.5 -> 4.3 s. Only the test runners get one: for the
# libraries (-O2, code generation dominates, and many files include neither
# json nor httplib) a shared header made three server files 6% faster to 18%
# slower, so they have none. Each target gets its own precompiled header, built
# with the target's own flags (GCC refuses a PCH built with other -O or -f
# options).
#
# VOUCH_PCH=OFF turns it off (to check that every test file includes what it
# uses, or with a compiler cache that cannot cache PCH builds: ccache needs
# sloppiness = pch_defines,time_macros).
option(VOUCH_PCH "Precompile Catch2, nlohmann/json and the standard library for the test runners" ON)

set(VOUCH_PCH_STD <algorithm> <cstdint> <cstddef> <functional> <map> <memory> <optional>
    <set> <string> <string_view> <unordered_map> <utility> <vector>)

# vouch_precompile(<target> [headers...]): the standard set, nlohmann/json,
# Catch2 and any extra headers the target's files share.
function(vouch_precompile target)
  if(NOT VOUCH_PCH OR EMSCRIPTEN)
    return()
  endif()
  target_precompile_headers(${target} PRIVATE ${VOUCH_PCH_STD} <nlohmann/json.hpp> <catch2/catch.hpp> ${ARGN})
endfunction()
