// The HTTP layer's pure parts (src/server/http/): Accept-Encoding with
// q-values, request-target decoding, RFC 9112 framing checks, header limits,
// and the router's 405/Allow. The raw-socket behaviour is in tests/http/.

#include <catch2/catch.hpp>

#include "http/content_coding.hpp"
#include "http/request_limits.hpp"
#include "http/router.hpp"
#include "http/target.hpp"

using namespace vouch::server::http;

TEST_CASE("Accept-Encoding: q-values, *, identity and ties", "[http]") {
  CHECK(choose_coding("", true, true) == Coding::identity);
  CHECK(choose_coding("gzip, br", true, true) == Coding::br);
  CHECK(choose_coding("gzip, br", false, true) == Coding::gzip);
  CHECK(choose_coding("gzip;q=1.0, br;q=0.9", true, true) == Coding::gzip);
  CHECK(choose_coding("br;q=0", true, true) == Coding::identity);
  CHECK(choose_coding("*", true, true) == Coding::br);
  CHECK(choose_coding("*;q=0.3, br;q=0", true, true) == Coding::gzip);
  CHECK(choose_coding("identity;q=1, gzip;q=0.5", true, true) == Coding::identity);
  CHECK(choose_coding("GZIP ; Q=0.5", false, true) == Coding::gzip);
  CHECK(choose_coding("gzip;q=2", true, true) == Coding::identity);       // out of range: refused
  CHECK(choose_coding("gzip;q=0.1234", true, true) == Coding::identity);  // > 3 decimals
  CHECK(choose_coding("x-gzip", false, true) == Coding::gzip);
  CHECK(choose_coding(",,, ;q=, br", true, false) == Coding::br);  // junk elements ignored
}

TEST_CASE("compressors round-trip sizes sensibly", "[http]") {
  const std::string text(10000, 'a');
  CHECK(!brotli_compress(text, 5).empty());
  CHECK(brotli_compress(text, 5).size() < 100);
  const std::string gz = gzip_compress(text, 6);
  REQUIRE(gz.size() > 2);
  CHECK(static_cast<unsigned char>(gz[0]) == 0x1f);  // gzip magic, not a zlib wrapper
  CHECK(static_cast<unsigned char>(gz[1]) == 0x8b);
}

TEST_CASE("request target: decoded once, never truncated, bad escapes refused", "[http]") {
  TargetError error;
  auto target = parse_target("/dist/vouch-core.wasm%00.html?a=1&b=x+y%2Bz&&c", error);
  REQUIRE(target);
  CHECK(target->path == std::string("/dist/vouch-core.wasm\0.html", 27));
  CHECK(target->params.find("a")->second == "1");
  CHECK(target->params.find("b")->second == "x y+z");
  CHECK(target->params.count("c") == 1);
  CHECK(parse_target("http://host:1/p%20q?x=1", error)->path == "/p q");
  CHECK(!parse_target("no-slash", error));
  CHECK(!parse_target("/bad%zzescape", error));
  CHECK(!parse_target("/truncated%4", error));
  CHECK(!parse_target("/q?x=%", error));
}

namespace {

httplib::Headers headers(std::initializer_list<std::pair<const char*, const char*>> list) {
  httplib::Headers out;
  for (const auto& [name, value] : list) out.emplace(name, value);
  return out;
}

}  // namespace

TEST_CASE("framing per RFC 9112 section 6", "[http]") {
  Framing framing;
  CHECK(!check_framing(headers({{"Content-Length", "10"}, {"content-length", "10"}}), framing));
  CHECK(framing.content_length == 10u);
  framing = {};
  CHECK(check_framing(headers({{"Content-Length", "10"}, {"Content-Length", "11"}}), framing)
            ->status == 400);
  framing = {};
  CHECK(check_framing(headers({{"Content-Length", "10, 11"}}), framing)->status == 400);
  framing = {};
  CHECK(check_framing(headers({{"Content-Length", "-1"}}), framing)->status == 400);
  framing = {};
  CHECK(check_framing(headers({{"Content-Length", "99999999999999999999999"}}), framing)->status ==
        400);
  framing = {};
  CHECK(!check_framing(headers({{"Transfer-Encoding", "Chunked"}}), framing));
  CHECK(framing.chunked);
  framing = {};
  CHECK(check_framing(headers({{"Transfer-Encoding", "xchunked"}}), framing)->status == 400);
  framing = {};
  CHECK(check_framing(headers({{"Transfer-Encoding", "gzip"}, {"Transfer-Encoding", "chunked"}}),
                      framing)
            ->status == 501);
  framing = {};
  CHECK(check_framing(headers({{"Transfer-Encoding", "chunked,"}}), framing)->status == 400);
  framing = {};
  CHECK(check_framing(headers({{"Transfer-Encoding", "chunked"}, {"Content-Length", "3"}}), framing)
            ->status == 400);
  Framing declared;
  declared.content_length = 4097;
  CHECK(check_declared_length(declared, 4096)->status == 413);
  declared.content_length = 4096;
  CHECK(!check_declared_length(declared, 4096));
}

TEST_CASE("header limits count fields and bytes", "[http]") {
  HeaderLimits limits;
  limits.max_count = 3;
  limits.max_bytes = 100;
  CHECK(!check_header_block(headers({{"A", "1"}, {"B", "2"}, {"C", "3"}}), limits));
  CHECK(check_header_block(headers({{"A", "1"}, {"B", "2"}, {"C", "3"}, {"D", "4"}}), limits)
            ->status == 431);
  const std::string big(97, 'x');
  CHECK(check_header_block(headers({{"A", big.c_str()}}), limits)->status == 431);
}

TEST_CASE("router: HEAD runs the GET route, another method gets the Allow list", "[http]") {
  Router router;
  int called = 0;
  router.Get(R"(/items/([^/]+))", [&](const httplib::Request&, httplib::Response&) { ++called; });
  router.Delete(R"(/items/([^/]+))", [&](const httplib::Request&, httplib::Response&) {});
  router.Post(
      "/items", [](const httplib::Request&, httplib::Response&) {}, 123);
  std::smatch matches;
  const std::string path = "/items/42";
  RouteMatch head = router.match("HEAD", path, matches);
  REQUIRE(head.route);
  CHECK(head.route->method == "GET");
  CHECK(head.route->max_body == 0);
  CHECK(matches[1] == "42");
  RouteMatch put = router.match("PUT", path, matches);
  CHECK(!put.route);
  CHECK(put.allow == "GET, HEAD, DELETE, OPTIONS");
  const std::string items = "/items";
  CHECK(router.match("POST", items, matches).route->max_body == 123);
  const std::string unknown = "/nothing";
  CHECK(router.match("GET", unknown, matches).allow.empty());
}
