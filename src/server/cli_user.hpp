#pragma once
// `vouch-server user add|list|remove|passwd`: staff accounts from the command
// line (the first owner is made here, before anyone can log in).

namespace vouch::server {

// argv[1] is "user". Returns the exit code.
int user_command(int argc, char** argv);

}  // namespace vouch::server
