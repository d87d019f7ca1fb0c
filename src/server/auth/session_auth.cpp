#include "auth/session_auth.hpp"

#include "auth/sessions.hpp"
#include "crypto.hpp"
#include "http_util.hpp"
#include "routes_problem.hpp"

namespace vouch::server::auth {

namespace {

std::string cookie_attributes(const App& app) {
  std::string attributes = "; Path=/; HttpOnly; SameSite=Strict";
  // The server cannot see TLS a proxy ended; public_url says how browsers reach it.
  if (app.config.public_url.rfind("https://", 0) == 0) attributes += "; Secure";
  return attributes;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string session_cookie(const httplib::Request& req) {
  const std::size_t headers = req.get_header_value_count("Cookie");
  for (std::size_t h = 0; h < headers; ++h) {
    const std::string header = req.get_header_value("Cookie", h);
    std::string_view rest = header;
    while (!rest.empty()) {
      const std::size_t semicolon = rest.find(';');
      const std::string_view pair = trim(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      const std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != kSessionCookie) continue;
      return std::string(trim(pair.substr(eq + 1)));
    }
  }
  return "";
}

void set_session_cookie(const App& app, httplib::Response& res, const std::string& secret,
                        std::int64_t max_age_seconds) {
  res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + secret + cookie_attributes(app) +
                                   "; Max-Age=" + std::to_string(max_age_seconds));
}

void clear_session_cookie(const App& app, httplib::Response& res) {
  res.set_header("Set-Cookie",
                 std::string(kSessionCookie) + "=" + cookie_attributes(app) + "; Max-Age=0");
}

CookieAuth authenticate_cookie(App& app, const httplib::Request& req, httplib::Response& res,
                               std::optional<Actor>& actor) {
  const std::string secret = session_cookie(req);
  if (secret.empty()) return CookieAuth::None;
  app::Outcome<SessionRow> session = live_session(app, secret);
  if (!session) {
    send_problem(res, session.problem(), "en");
    return CookieAuth::Failed;
  }
  // A cookie rides along with any request the browser makes, so a write must
  // also show the token only the console's own page can read.
  if (req.method != "GET" && req.method != "HEAD") {
    const std::string presented = req.get_header_value(kCsrfHeader);
    if (presented.empty() || !constant_time_equal(presented, session.value().csrf)) {
      send_error(res, 403, "csrf_failed",
                 std::string("a console write needs the session's CSRF token in ") + kCsrfHeader);
      return CookieAuth::Failed;
    }
  }
  actor = session_actor(session.value());
  return CookieAuth::Ok;
}

}  // namespace vouch::server::auth
