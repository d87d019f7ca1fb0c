// The request-mail preview as a page (GET /api/v1/admin/request-templates/
// preview.html), framed by the console in a sandboxed iframe: staff only (a
// bearer token or the session cookie; no session is a short HTML page, never
// the console or JSON), a strict CSP of its own (inline styles, no script,
// sandboxed, framed only by its own origin), the same checks as the POST
// preview (400, 422, the 16 KiB limit), and hostile text escaped by the core.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <tuple>

#include "auth/accounts.hpp"
#include "http_util.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"

using namespace vouch_test;
using vouch::server::json;

namespace {

constexpr const char* kPreviewPage = "/api/v1/admin/request-templates/preview.html";
constexpr const char* kPreviewPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

std::string preview_query(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = kPreviewPage;
  char separator = '?';
  for (const auto& [name, value] : params) {
    out += separator + name + "=" + httplib::detail::encode_query_param(value);
    separator = '&';
  }
  return out;
}

void check_page_headers(const httplib::Result& res) {
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(res->get_header_value("Content-Security-Policy") == kPreviewPolicy);
  CHECK(res->get_header_value("X-Frame-Options") == "SAMEORIGIN");
  CHECK(res->get_header_value("Cache-Control") == "no-store");
}

}  // namespace

TEST_CASE("preview page: the mail's HTML part with its own CSP, for staff only",
          "[requests][preview]") {
  TestServer server;
  auto client = server.client();
  auto res = client.Get(preview_query({{"kind", "reminder"},
                                       {"locale", "de"},
                                       {"subject", "Hallo {customer_name}"},
                                       {"intro", "Danke für Ihren Einkauf bei {store_name}."}})
                            .c_str(),
                        admin_headers());
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  check_page_headers(res);
  CHECK(res->body.rfind("<!doctype html>", 0) == 0);
  CHECK(res->body.find("Danke für Ihren Einkauf bei Test Store.") != std::string::npos);
  CHECK(res->body.find("Stoneware mug") != std::string::npos);
  CHECK(res->body.find("Wool scarf") != std::string::npos);
  for (int stars = 1; stars <= 5; ++stars)
    CHECK(res->body.find("?vouch_rating=" + std::to_string(stars) + "\"") != std::string::npos);
  CHECK(res->body.find("<script") == std::string::npos);

  // Without credentials (or with a dead session): a short HTML page, 401.
  for (const httplib::Headers& headers :
       {httplib::Headers{},
        httplib::Headers{
            {"Cookie", "vouch_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}}) {
    res = client.Get(kPreviewPage, headers);
    REQUIRE(res);
    INFO(res->body);
    CHECK(res->status == 401);
    check_page_headers(res);
    CHECK(res->body.find("<title>Preview unavailable</title>") != std::string::npos);
    CHECK((res->body.find("<p>the admin API needs a console session") != std::string::npos ||
           res->body.find("<p>no console session, or it has expired") != std::string::npos));
    CHECK(res->body.find("vouch-console") == std::string::npos);
    CHECK(json::parse(res->body, nullptr, false).is_discarded());
  }

  // A console session cookie works as the frame's request sends it (GET: no CSRF token).
  REQUIRE(vouch::server::auth::add_user(server.app(), "test", "rita", "responder", kPassword).ok());
  auto login =
      client.Post("/api/v1/admin/login", json{{"name", "rita"}, {"password", kPassword}}.dump(),
                  "application/json");
  REQUIRE(login);
  REQUIRE(login->status == 200);
  const std::string set_cookie = login->get_header_value("Set-Cookie");
  res = client.Get(kPreviewPage, {{"Cookie", set_cookie.substr(0, set_cookie.find(';'))}});
  REQUIRE(res);
  CHECK(res->status == 200);
  check_page_headers(res);
  CHECK(res->body.find("Stoneware mug") != std::string::npos);
}

TEST_CASE("preview page: the POST preview's checks, as an HTML page", "[requests][preview]") {
  TestServer server;
  auto client = server.client();
  const std::vector<std::tuple<std::vector<std::pair<std::string, std::string>>, int, std::string>>
      cases = {
          {{{"kind", "coupon"}}, 400, "kind: request or reminder"},
          {{{"locale", "xx"}}, 400, "locale: one of"},
          {{{"subject", "Win {reward}"}}, 422, "unknown placeholder {reward}"},
          {{{"subject", "two\nlines"}}, 422, "subject must be one line"},
          {{{"subject", std::string("\xff\xfe", 2)}}, 422, "subject is not valid UTF-8"},
          {{{"intro", std::string(2001, 'a')}}, 422, "intro is longer than 2000 bytes"},
          {{{"intro", std::string(17 * 1024, 'a')}}, 413, "longer than 16 KiB"},
      };
  for (const auto& [params, status, message] : cases) {
    auto res = client.Get(preview_query(params).c_str(), admin_headers());
    REQUIRE(res);
    INFO(res->body);
    CHECK(res->status == status);
    check_page_headers(res);
    CHECK(res->body.find(message) != std::string::npos);
    CHECK(res->body.find("<script") == std::string::npos);
  }
}

TEST_CASE("preview page: naughty subjects and intros are escaped, never markup",
          "[requests][preview]") {
  TestServer server;
  auto client = server.client();
  VOUCH_SHARED_DATA_OR_SKIP(naughty, "conformance/naughty_strings/blns.json");
  const json strings = json::parse(read_file(naughty), nullptr, false);
  REQUIRE(strings.is_array());
  std::map<std::string, std::ptrdiff_t> baseline_tags, baseline_quotes;
  for (const char* field : {"subject", "intro"}) {
    auto res = client.Get(preview_query({{field, "harmless"}}).c_str(), admin_headers());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    baseline_tags[field] = std::count(res->body.begin(), res->body.end(), '<');
    baseline_quotes[field] = std::count(res->body.begin(), res->body.end(), '"');
  }
  int rendered = 0;
  for (const json& entry : strings) {
    if (!entry.is_string()) continue;
    const std::string text = entry.get<std::string>();
    for (const char* field : {"subject", "intro"}) {
      auto res = client.Get(preview_query({{field, text}}).c_str(), admin_headers());
      REQUIRE(res);
      INFO(field << ": " << text);
      INFO(res->body);
      REQUIRE((res->status == 200 || res->status == 422));
      check_page_headers(res);
      // Nothing of the input arrives as markup: exactly as many tags and
      // quotes as the page for a harmless text (an unescaped < or " would add some).
      if (res->status == 200) {
        CHECK(std::count(res->body.begin(), res->body.end(), '<') == baseline_tags.at(field));
        CHECK(std::count(res->body.begin(), res->body.end(), '"') == baseline_quotes.at(field));
      }
      if (res->status == 200) ++rendered;
    }
  }
  INFO("rendered " << rendered);
  CHECK(rendered > 400);
}
