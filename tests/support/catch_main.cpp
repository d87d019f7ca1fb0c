// Catch2's main(), compiled once for every native test runner.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
