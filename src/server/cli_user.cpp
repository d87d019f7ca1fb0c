#include "cli_user.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app.hpp"
#include "auth/accounts.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

constexpr const char* kActor = "cli";  // the audit log's actor for these commands

int user_command_failed(const std::string& message) {
  std::fprintf(stderr, "vouch-server: %s\n", message.c_str());
  return 1;
}

struct UserArgs {
  std::string sub;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
};

bool parse(int argc, char** argv, UserArgs& out, std::string& error) {
  if (argc < 3) {
    error = "user needs a command: add, list, remove or passwd";
    return false;
  }
  out.sub = argv[2];
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) {
      out.positional.push_back(arg);
      continue;
    }
    const std::size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      out.options[arg.substr(0, eq)] = arg.substr(eq + 1);
    } else if (i + 1 < argc) {
      out.options[arg] = argv[++i];
    } else {
      error = arg + " needs a value";
      return false;
    }
  }
  for (const auto& [name, value] : out.options) {
    if (name != "--db" && name != "--config" && name != "--role") {
      error = "user: unknown option " + name;
      return false;
    }
  }
  return true;
}

// One line from stdin; on a terminal with echo off, so it is not shown.
bool read_secret(const char* prompt, std::string& out) {
  const bool tty = ::isatty(STDIN_FILENO);
  termios saved{};
  if (tty) {
    // Echo off before the prompt shows: whatever is typed after it is hidden.
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::fprintf(stderr, "%s", prompt);
    std::fflush(stderr);
  }
  const bool got = static_cast<bool>(std::getline(std::cin, out));
  if (tty) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return got;
}

// Asks twice on a terminal (a typo there is invisible), once from a pipe.
bool new_password(std::string& out) {
  if (!read_secret("New password (10 to 1024 bytes): ", out)) return false;
  if (!::isatty(STDIN_FILENO)) return true;
  std::string again;
  if (!read_secret("Repeat it: ", again)) return false;
  if (again != out) {
    std::fprintf(stderr, "vouch-server: the two passwords differ\n");
    return false;
  }
  return true;
}

Result<std::unique_ptr<App>> open_app(const UserArgs& args) {
  Config config;
  if (const auto it = args.options.find("--config"); it != args.options.end()) {
    Result<Config> loaded = load_config(it->second);
    if (!loaded) return loaded.error();
    config = loaded.value();
  }
  const auto db = args.options.find("--db");
  if (db == args.options.end()) return Error{"--db", "required (the SQLite file)"};
  return make_app(std::move(config), db->second);
}

int report(const app::Problem& problem) { return user_command_failed(problem.message); }

}  // namespace

int user_command(int argc, char** argv) {
  UserArgs args;
  std::string error;
  if (!parse(argc, argv, args, error)) return user_command_failed(error);
  const bool needs_name = args.sub == "add" || args.sub == "remove" || args.sub == "passwd";
  if (args.sub != "list" && !needs_name)
    return user_command_failed("user: unknown command \"" + args.sub +
                               "\" (expected add, list, remove, passwd)");
  if (needs_name && args.positional.size() != 1)
    return user_command_failed("user " + args.sub + " needs exactly one NAME");
  if (args.sub == "add") {
    // Checked before asking for a password, so a typo costs no typing.
    const auto role = args.options.find("--role");
    if (role == args.options.end())
      return user_command_failed("user add needs --role owner|moderator|responder");
    if (!role_from_name(role->second))
      return user_command_failed("--role: expected owner, moderator or responder, not \"" +
                                 role->second + "\"");
    if (std::string why = auth::name_problem(args.positional[0]); !why.empty())
      return user_command_failed(why);
  }
  Result<std::unique_ptr<App>> app = open_app(args);
  if (!app) return user_command_failed(app.error().to_string());
  App& a = *app.value();
  const Actor cli{kActor, Role::Owner, ActorKind::Token, 0, ""};
  if (args.sub == "list") {
    app::Outcome<std::vector<auth::User>> users = auth::users(a);
    if (!users) return report(users.problem());
    for (const auth::User& user : users.value()) {
      std::printf("%-24s %-10s created %s%s\n", user.name.c_str(), role_name(user.role),
                  format_utc(user.created).c_str(),
                  user.locked_until > a.now()
                      ? (" locked until " + format_utc(user.locked_until)).c_str()
                      : "");
    }
    if (users.value().empty()) std::printf("no users (add one: vouch-server user add NAME ...)\n");
    return 0;
  }
  if (args.sub == "remove") {
    app::Outcome<auth::User> removed = auth::remove_user(a, kActor, args.positional[0]);
    if (!removed) return report(removed.problem());
    std::printf("removed %s\n", removed.value().name.c_str());
    return 0;
  }
  std::string password;
  if (!new_password(password)) return user_command_failed("no password given");
  if (args.sub == "add") {
    app::Outcome<auth::User> added =
        auth::add_user(a, kActor, args.positional[0], args.options.at("--role"), password);
    if (!added) return report(added.problem());
    std::printf("added %s (%s)\n", added.value().name.c_str(), role_name(added.value().role));
    return 0;
  }
  auth::UserChange change;
  change.password = password;
  app::Outcome<auth::User> changed = auth::change_user(a, cli, args.positional[0], change);
  if (!changed) return report(changed.problem());
  std::printf("password changed for %s; their sessions ended\n", changed.value().name.c_str());
  return 0;
}

}  // namespace vouch::server
