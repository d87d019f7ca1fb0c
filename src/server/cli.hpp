#pragma once
// The vouch-server command line (see `vouch-server help` and docs/api.md).

namespace vouch::server {

int run_cli(int argc, char** argv);

}  // namespace vouch::server
