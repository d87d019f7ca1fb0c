// The widget's first response (issue 19): GET /api/v1/products/{id}/first and
// the per-locale files of `export --static`: the first page, the summary and
// the facets, rendered by the core for the view asked for, small whatever the
// product's size.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "exporter.hpp"
#include "http_util.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"
#include "vouch/render_view.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/summary.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

void post(httplib::Client& client, const std::string& product, int rating, int n) {
  const std::string body = "Review number " + std::to_string(n) +
                           " says the linen is soft and the stitching holds up well.";
  auto res = client.Post(("/api/v1/products/" + product + "/reviews").c_str(),
                         review_json(rating, body), "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 201);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("first render: the view asked for, rendered as the widget renders it", "[api][first]") {
  TestServer server;
  auto client = server.client();
  for (int i = 0; i < 12; ++i) post(client, "sku-f", 1 + i % 5, i);

  auto res = client.Get("/api/v1/products/sku-f/first?locale=de");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
  CHECK(res->get_header_value("Cache-Control").rfind("public, max-age=", 0) == 0);
  const json first = parse(res->body);
  REQUIRE(first.is_object());
  CHECK(first["version"] == 1);
  CHECK(first["product"] == "sku-f");
  CHECK(first["reviews"] == 12);
  CHECK(first["locale"] == "de");
  CHECK(first["total"] == 12);
  CHECK(first["shown"] == 10);
  CHECK(first["view"]["sort"] == "newest");
  CHECK(first["view"]["page_size"] == 10);
  CHECK(first["id_prefix"] == "vouch0");
  // The same bytes the wasm renders from the full snapshot (render::view is
  // what the façade's renderView calls).
  auto full = client.Get("/api/v1/products/sku-f/snapshot");
  REQUIRE(full);
  auto snapshot = vouch::Snapshot::from_json(full->body);
  REQUIRE(snapshot.ok());
  vouch::render::Options options;
  options.locale = vouch::i18n::Locale::De;
  options.id_prefix = "vouch0";
  auto expected = vouch::render::view(snapshot.value(), vouch::summarize(snapshot.value()),
                                      vouch::render::ViewState{}, options);
  REQUIRE(expected.ok());
  CHECK(first["html"] == expected.value().html);
  CHECK(first["shell"] == vouch::render::shell(vouch::render::StoreConfig{}, options));
  CHECK(first["html"].get<std::string>().find("Bewertungen") != std::string::npos);

  // A view from the shopper's hash, and the store's data-config.
  res = client.Get(
      "/api/v1/products/sku-f/first?locale=en&stars=16&page_size=2&page=1&sort=oldest&paging=more"
      "&offers_incentives=true&imported_from=judge.me%0AYotpo");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const json view = parse(res->body);
  CHECK(view["total"] == 2);  // ratings 5: reviews 4 and 9
  CHECK(view["shown"] == 2);  // "show more": pages 0..1
  CHECK(view["view"]["stars"] == 16);
  CHECK(view["view"]["show_more"] == true);
  CHECK(view["config"]["offers_incentives"] == true);
  CHECK(view["config"]["imported_from"] == json::array({"judge.me", "Yotpo"}));
  CHECK(view["shell"].get<std::string>().find("judge.me, Yotpo") != std::string::npos);

  // Compressed on the wire when the client takes it.
  res = client.Get("/api/v1/products/sku-f/first", {{"Accept-Encoding", "br"}});
  REQUIRE(res);
  CHECK(res->get_header_value("Content-Encoding") == "br");
}

TEST_CASE("first render: a bad parameter is a 400 naming it", "[api][first]") {
  TestServer server;
  auto client = server.client();
  const std::pair<const char*, const char*> cases[] = {
      {"stars=32", "stars"},          {"page=-1", "page"},
      {"page_size=0", "page_size"},   {"page_size=abc", "page_size"},
      {"sort=cheapest", "view.sort"}, {"paging=all", "paging"},
      {"verified=yes", "verified"},   {"offers_incentives=2", "offers_incentives"},
      {"q=%FF", "view.search"},       {"imported_from=%FF", "config.imported_from[0]"},
  };
  for (const auto& [query, field] : cases) {
    INFO(query);
    auto res = client.Get((std::string("/api/v1/products/sku-1/first?") + query).c_str());
    REQUIRE(res);
    CHECK(res->status == 400);
    const json body = parse(res->body);
    CHECK(body["error"]["code"] == "invalid_parameter");
    CHECK(body["error"]["message"].get<std::string>().find(field) != std::string::npos);
  }
}

TEST_CASE("first render: export --static writes it per locale", "[api][first][export]") {
  TestServer server;
  auto client = server.client();
  for (int i = 0; i < 3; ++i) post(client, "sku-s", 4, i);
  TempDir out;
  REQUIRE(vouch::server::export_static(server.app(), out.path() + "/site").ok());
  const json index = parse(read_text(out.path() + "/site/index.json"));
  REQUIRE(index["products"].size() == 1);
  const json& files = index["products"][0]["first"];
  for (const char* tag : {"en", "zh-CN", "zh-TW", "ja", "es", "fr", "de"}) {
    INFO(tag);
    REQUIRE(files.contains(tag));
    const json first = parse(read_text(out.path() + "/site/" + files[tag].get<std::string>()));
    CHECK(first["locale"] == tag);
    CHECK(first["total"] == 3);
    auto served = client.Get((std::string("/api/v1/products/sku-s/first?locale=") + tag).c_str());
    REQUIRE(served);
    CHECK(parse(served->body) == first);  // the same answer as the server's
  }
  CHECK(files["en"] == "products/sku-s.first-en.json");
}

TEST_CASE("first render: naughty strings as search, topic and app names", "[api][first]") {
  TestServer server;
  auto client = server.client();
  for (int i = 0; i < 3; ++i) post(client, "sku-n", 5, i);
  VOUCH_SHARED_DATA_OR_SKIP(naughty, "conformance/naughty_strings/blns.json");
  const json strings = parse(read_text(naughty));
  REQUIRE(strings.is_array());
  int answered = 0;
  for (const json& text : strings) {
    const std::string value = text.get<std::string>();
    for (const char* name : {"q", "topic", "imported_from", "locale", "sort"}) {
      INFO(name << "=" << text.dump());
      const std::string path = "/api/v1/products/sku-n/first?" + std::string(name) + "=" +
                               httplib::detail::encode_query_param(value);
      auto res = client.Get(path.c_str());
      REQUIRE(res);
      // A clear 400 naming the parameter, or an answer; never a crash or a 500.
      REQUIRE((res->status == 200 || res->status == 400));
      const json body = parse(res->body);
      REQUIRE(body.is_object());
      if (res->status == 200) {
        ++answered;
        CHECK(body["html"].get<std::string>().find("<script") == std::string::npos);
        CHECK(body["shell"].get<std::string>().find("<script") == std::string::npos);
      } else {
        CHECK(body["error"]["code"] == "invalid_parameter");
      }
    }
  }
  CHECK(answered > 100);
}
