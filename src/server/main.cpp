// vouch-server: one binary, one SQLite file. Everything lives in the library;
// see cli.cpp for the subcommands.
#include "cli.hpp"

int main(int argc, char** argv) { return vouch::server::run_cli(argc, argv); }
