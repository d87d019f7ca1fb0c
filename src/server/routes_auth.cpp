// Console accounts and sessions over HTTP (docs/api.md "Staff accounts and
// sessions"): login, logout, the current session, users, sessions. The rules
// live in auth/ (accounts, login, sessions); this file maps JSON and statuses.

#include "admin_route.hpp"
#include "auth/accounts.hpp"
#include "auth/login.hpp"
#include "auth/session_auth.hpp"
#include "auth/sessions.hpp"
#include "http_util.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {

namespace {

constexpr std::size_t kAuthBodyBytes = 8 * 1024;

json user_json(const App& app, const auth::User& user) {
  json out = {{"name", user.name},
              {"role", role_name(user.role)},
              {"created", format_utc(user.created)},
              {"locked_until", nullptr},
              {"sessions", user.sessions}};
  if (user.locked_until > app.now()) out["locked_until"] = format_utc(user.locked_until);
  return out;
}

json permissions_json(Role role) {
  json names = json::array();
  const std::pair<Permission, const char*> all[] = {{Permission::Read, "read"},
                                                    {Permission::Respond, "respond"},
                                                    {Permission::Templates, "templates"},
                                                    {Permission::Moderate, "moderate"},
                                                    {Permission::Manage, "manage"}};
  for (const auto& [permission, name] : all) {
    if (allowed(role, permission)) names.push_back(name);
  }
  return names;
}

// A string member, or nullopt when absent; a member of another type is a 400.
bool optional_string_member(const json& body, const char* key, std::optional<std::string>& out,
                            httplib::Response& res) {
  const auto it = body.find(key);
  if (it == body.end()) return true;
  if (!it->is_string()) {
    send_error(res, 400, "bad_request", std::string(key) + ": expected a string");
    return false;
  }
  out = it->get<std::string>();
  return true;
}

void login(App& app, const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  const std::optional<json> body = read_json_body(req, res, kAuthBodyBytes);
  if (!body) return;
  std::optional<std::string> name, password;
  if (!optional_string_member(*body, "name", name, res) ||
      !optional_string_member(*body, "password", password, res))
    return;
  if (!name || !password)
    return send_error(res, 400, "bad_request", "expected {\"name\": \"…\", \"password\": \"…\"}");
  auth::LoginRequest request{*name, *password, client_ip(req), req.get_header_value("User-Agent"),
                             auth::session_cookie(req)};
  app::Outcome<auth::OpenedSession> opened = auth::login(app, request);
  if (!opened) {
    // The cookie the browser sent is dead either way (login ended it).
    if (!request.presented_cookie.empty()) auth::clear_session_cookie(app, res);
    return send_problem(res, opened.problem(), "en");
  }
  const auth::SessionRow& row = opened.value().row;
  auth::set_session_cookie(app, res, opened.value().secret, auth::expires_at(app, row) - app.now());
  send_json(res, 200,
            {{"user", {{"name", row.user_name}, {"role", role_name(row.role)}}},
             {"csrf", row.csrf},
             {"expires_at", format_utc(auth::expires_at(app, row))}});
}

void logout(App& app, const Actor& actor, const httplib::Request&, httplib::Response& res) {
  if (Status done = auth::logout(app, actor); !done)
    return send_error(res, 500, "internal", "database error");
  auth::clear_session_cookie(app, res);
  res.status = 204;
}

void session(App& app, const Actor& actor, const httplib::Request&, httplib::Response& res) {
  if (actor.kind == ActorKind::Token)
    return send_json(res, 200,
                     {{"user", {{"name", actor.name}, {"role", role_name(actor.role)}}},
                      {"token", true},
                      {"permissions", permissions_json(actor.role)}});
  Result<std::optional<auth::SessionRow>> row = auth::find_session_by_id(*app.db, actor.session_id);
  if (!row || !row.value()) return send_error(res, 500, "internal", "database error");
  send_json(res, 200,
            {{"user", {{"name", actor.name}, {"role", role_name(actor.role)}}},
             {"csrf", row.value()->csrf},
             {"permissions", permissions_json(actor.role)},
             {"idle_expires_at", format_utc(auth::idle_expires_at(app, *row.value()))},
             {"expires_at", format_utc(auth::expires_at(app, *row.value()))}});
}

void list_users(App& app, const Actor&, const httplib::Request&, httplib::Response& res) {
  app::Outcome<std::vector<auth::User>> users = auth::users(app);
  if (!users) return send_problem(res, users.problem(), "en");
  json list = json::array();
  for (const auth::User& user : users.value()) list.push_back(user_json(app, user));
  send_json(res, 200, {{"users", list}});
}

void add_user(App& app, const Actor& actor, const httplib::Request& req, httplib::Response& res) {
  const std::optional<json> body = read_json_body(req, res, kAuthBodyBytes);
  if (!body) return;
  std::optional<std::string> name, role, password;
  if (!optional_string_member(*body, "name", name, res) ||
      !optional_string_member(*body, "role", role, res) ||
      !optional_string_member(*body, "password", password, res))
    return;
  app::Outcome<auth::User> added =
      auth::add_user(app, actor.name, name.value_or(""), role.value_or(""), password.value_or(""));
  if (!added) return send_problem(res, added.problem(), "en");
  send_json(res, 201, {{"user", user_json(app, added.value())}});
}

void change_user(App& app, const Actor& actor, const httplib::Request& req,
                 httplib::Response& res) {
  const std::optional<json> body = read_json_body(req, res, kAuthBodyBytes);
  if (!body) return;
  auth::UserChange change;
  if (!optional_string_member(*body, "role", change.role, res) ||
      !optional_string_member(*body, "password", change.password, res) ||
      !optional_string_member(*body, "current_password", change.current_password, res))
    return;
  app::Outcome<auth::User> changed = auth::change_user(app, actor, req.matches[1].str(), change);
  if (!changed) return send_problem(res, changed.problem(), "en");
  send_json(res, 200, {{"user", user_json(app, changed.value())}});
}

void remove_user(App& app, const Actor& actor, const httplib::Request& req,
                 httplib::Response& res) {
  app::Outcome<auth::User> removed = auth::remove_user(app, actor.name, req.matches[1].str());
  if (!removed) return send_problem(res, removed.problem(), "en");
  send_json(res, 200, {{"deleted", removed.value().name}});
}

void list_sessions(App& app, const Actor& actor, const httplib::Request&, httplib::Response& res) {
  app::Outcome<std::vector<auth::SessionRow>> rows = auth::visible_sessions(app, actor);
  if (!rows) return send_problem(res, rows.problem(), "en");
  json list = json::array();
  for (const auth::SessionRow& row : rows.value()) {
    list.push_back({{"id", row.public_id},
                    {"user", row.user_name},
                    {"created", format_utc(row.created)},
                    {"last_seen", format_utc(row.last_seen)},
                    {"ip", row.ip},
                    {"user_agent", row.user_agent},
                    {"current", row.public_id == actor.session_id}});
  }
  send_json(res, 200, {{"sessions", list}});
}

void end_session(App& app, const Actor& actor, const httplib::Request& req,
                 httplib::Response& res) {
  const std::string id = req.matches[1].str();
  app::Outcome<std::string> ended = auth::end_session(app, actor, id);
  if (!ended) return send_problem(res, ended.problem(), "en");
  if (id == actor.session_id) auth::clear_session_cookie(app, res);
  send_json(res, 200, {{"ended", ended.value()}});
}

}  // namespace

void register_auth_routes(Router& server, App& app) {
  using P = Permission;
  server.Post(
      "/api/v1/admin/login",
      [&app](const httplib::Request& req, httplib::Response& res) { login(app, req, res); },
      kAuthBodyBytes);
  server.Post("/api/v1/admin/logout", admin_route(app, P::Read, logout), 1024);
  server.Get("/api/v1/admin/session", admin_route(app, P::Read, session));
  server.Get("/api/v1/admin/users", admin_route(app, P::Manage, list_users));
  server.Post("/api/v1/admin/users", admin_route(app, P::Manage, add_user), kAuthBodyBytes);
  // Read: anyone may change their own password; change_user checks the rest.
  server.Patch(R"(/api/v1/admin/users/([^/]+))", admin_route(app, P::Read, change_user),
               kAuthBodyBytes);
  server.Delete(R"(/api/v1/admin/users/([^/]+))", admin_route(app, P::Manage, remove_user), 1024);
  server.Get("/api/v1/admin/sessions", admin_route(app, P::Read, list_sessions));
  server.Delete(R"(/api/v1/admin/sessions/([^/]+))", admin_route(app, P::Read, end_session), 1024);
}

}  // namespace vouch::server
