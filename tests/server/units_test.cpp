// Unit tests of the server's building blocks (no HTTP): base64url, HMAC review
// links, import dates, config parsing, migrations, rate limiting, image sniffing.

#include <catch2/catch.hpp>

#include "config.hpp"
#include "crypto.hpp"
#include "import_dates.hpp"
#include "migrations.hpp"
#include "photos.hpp"
#include "rate_limiter.hpp"
#include "review_link.hpp"
#include "test_server.hpp"

using namespace vouch::server;

TEST_CASE("base64url round-trips and refuses non-canonical text", "[units]") {
  for (std::string bytes : {std::string(""), std::string("f"), std::string("fo"),
                            std::string("foo"), std::string("\xff\xfe\x00\x01", 4)}) {
    const std::string encoded = base64url_encode(bytes);
    CHECK(encoded.find_first_of("+/=") == std::string::npos);
    REQUIRE(base64url_decode(encoded).has_value());
    CHECK(*base64url_decode(encoded) == bytes);
  }
  CHECK(base64url_encode("foob") == "Zm9vYg");
  CHECK_FALSE(base64url_decode("Zm9vYg==").has_value());  // padding refused
  CHECK_FALSE(base64url_decode("Zm9v Yg").has_value());
  CHECK_FALSE(base64url_decode("Zm9vYh").has_value());  // non-zero leftover bits
  CHECK_FALSE(base64url_decode("Z").has_value());
}

TEST_CASE("HMAC-SHA256 matches RFC 4231 test case 2", "[units]") {
  CHECK(hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(constant_time_equal("abc", "abc"));
  CHECK_FALSE(constant_time_equal("abc", "abd"));
  CHECK_FALSE(constant_time_equal("abc", "abcd"));
}

TEST_CASE("review links: valid, expired, tampered, wrong secret, malformed", "[units][hmac]") {
  const std::string secret = vouch_test::kHmacSecret;
  const std::string token = sign_review_link({"sku-1", "order-9", 2000}, secret);
  auto valid = verify_review_link(token, secret, 1999);
  REQUIRE(valid.ok());
  CHECK(valid.value().product_id == "sku-1");
  CHECK(valid.value().order_id == "order-9");
  CHECK(valid.value().expires == 2000);

  CHECK(verify_review_link(token, secret, 2000).error().message == "expired");
  CHECK_FALSE(verify_review_link(token, "another-secret-0123456789abcdef012345", 1000).ok());

  // Flip one character of the payload: the signature no longer matches.
  std::string tampered = token;
  tampered[3] = tampered[3] == 'A' ? 'B' : 'A';
  CHECK(verify_review_link(tampered, secret, 1000).error().message == "signature mismatch");
  // A forged payload with the product changed.
  const std::string forged_payload = base64url_encode(R"({"e":2000,"o":"order-9","p":"sku-2"})");
  const std::string forged = forged_payload + token.substr(token.find('.'));
  CHECK_FALSE(verify_review_link(forged, secret, 1000).ok());

  for (const char* bad : {"", ".", "abc", "a.b.c", "!!!.???"})
    CHECK_FALSE(verify_review_link(bad, secret, 1000).ok());
  CHECK_FALSE(verify_review_link(token, "", 1000).ok());
}

TEST_CASE("import dates in every form apps write", "[units][import]") {
  const auto day = [](int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * 86400; };
  CHECK(parse_import_date("06/09/2016", SlashOrder::DayFirst) == day(2016, 9, 6));
  CHECK(parse_import_date("9/6/2016 6:29", SlashOrder::MonthFirst) ==
        day(2016, 9, 6) + 6 * 3600 + 29 * 60);
  CHECK(parse_import_date("2021-03-04 05:06:07", SlashOrder::MonthFirst) ==
        day(2021, 3, 4) + 18367);
  CHECK(parse_import_date("2021-03-04 05:06:07 UTC", SlashOrder::MonthFirst) ==
        day(2021, 3, 4) + 18367);
  CHECK(parse_import_date("2021-03-04T05:06:07Z", SlashOrder::MonthFirst) ==
        day(2021, 3, 4) + 18367);
  CHECK(parse_import_date("2021-03-04T05:06:07.123+02:00", SlashOrder::MonthFirst) ==
        day(2021, 3, 4) + 18367 - 7200);
  CHECK(parse_import_date("2021-03-04", SlashOrder::MonthFirst) == day(2021, 3, 4));
  CHECK(parse_import_date("1303862400", SlashOrder::MonthFirst) == 1303862400);
  CHECK(parse_import_date("  2020-02-29 ", SlashOrder::DayFirst) == day(2020, 2, 29));
  for (const char* bad : {"", "yesterday", "31/02/2020", "2021-13-01", "2021-01-01 25:00",
                          "2019-02-29", "12/31", "2021-03-04T05:06:07+99:00", "1/2/3"}) {
    INFO(bad);
    CHECK_FALSE(parse_import_date(bad, SlashOrder::DayFirst).has_value());
  }
  // 13/01/2020 is only a date day-first.
  CHECK(parse_import_date("13/01/2020", SlashOrder::DayFirst) == day(2020, 1, 13));
  CHECK_FALSE(parse_import_date("13/01/2020", SlashOrder::MonthFirst).has_value());
}

TEST_CASE("config: strict parsing with paths in errors", "[units][config]") {
  auto ok = parse_config(
      R"({"store_name":"S","admin_token":"0123456789abcdef","hmac_secret":"0123456789abcdef0123456789abcdef",
                             "moderation":"all","allowed_origins":["https://shop.example/"],"limits":{"max_json_bytes":9000},
                             "policy":{"body":{"min":3}}})",
      "/etc/vouch");
  REQUIRE(ok.ok());
  CHECK(ok.value().moderation == ModerationMode::All);
  CHECK(ok.value().allowed_origins == std::vector<std::string>{"https://shop.example"});
  CHECK(ok.value().admin_tokens.at("admin") == "0123456789abcdef");
  CHECK(ok.value().limits.max_json_bytes == 9000);
  CHECK(ok.value().upload_dir == "/etc/vouch/uploads");
  CHECK_FALSE(ok.value().policy_json.empty());

  CHECK(parse_config(R"({"moderaton":"all"})", ".").error().path == "moderaton");
  CHECK(parse_config(R"({"moderation":"by_stars"})", ".").error().path == "moderation");
  CHECK(parse_config(R"({"admin_token":"short"})", ".").error().path == "admins.admin");
  CHECK(parse_config(R"({"hmac_secret":"short"})", ".").error().path == "hmac_secret");
  CHECK(parse_config(R"({"allowed_origins":["shop.example"]})", ".").error().path ==
        "allowed_origins[0]");
  CHECK(parse_config(R"({"limits":{"max_json_bytes":-1}})", ".").error().path ==
        "limits.max_json_bytes");
  // Photo limits have one owner, the policy (the form reads it too).
  CHECK(parse_config(R"({"limits":{"max_photos":2}})", ".").error().path == "limits.max_photos");
  CHECK(parse_config(R"({"limits":{"max_photo_bytes":9}})", ".").error().path ==
        "limits.max_photo_bytes");
  CHECK(parse_config("{", ".").error().path == "config");
}

TEST_CASE("migrations: a new file goes to the latest version, an old one forward", "[units][db]") {
  vouch_test::TempDir dir;
  auto db = Database::open(dir.path() + "/m.db");
  REQUIRE(db.ok());
  REQUIRE(migrate(*db.value(), 1).ok());
  CHECK(schema_version(*db.value()).value() == 1);
  REQUIRE(migrate(*db.value()).ok());
  CHECK(schema_version(*db.value()).value() == schema_version_latest());
  REQUIRE(migrate(*db.value()).ok());  // idempotent
  CHECK(schema_version(*db.value()).value() == schema_version_latest());
  Statement journal(db.value()->handle(), "PRAGMA journal_mode");
  REQUIRE(journal.step());
  CHECK(journal.text(0) == "wal");
  Statement sync(db.value()->handle(), "PRAGMA synchronous");
  REQUIRE(sync.step());
  CHECK(sync.integer(0) == 2);  // FULL

  // A file from a newer server is refused, not guessed at.
  REQUIRE(db.value()->exec("INSERT INTO schema_version (version) VALUES (99)").ok());
  auto refused = migrate(*db.value());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("newer than this server") != std::string::npos);
}

TEST_CASE("rate limiter: fixed window per key with a retry time", "[units][limits]") {
  RateLimiter limiter(2, 60);
  CHECK(limiter.hit("a", 1000) == 0);
  CHECK(limiter.hit("a", 1001) == 0);
  CHECK(limiter.hit("a", 1010) == 50);
  CHECK(limiter.hit("b", 1010) == 0);
  CHECK(limiter.hit("a", 1060) == 0);  // new window
}

TEST_CASE("photo file names", "[units][photos]") {
  CHECK(is_photo_name("0123456789abcdef0123456789abcdef.png"));
  CHECK_FALSE(is_photo_name("../etc/passwd"));
  CHECK_FALSE(is_photo_name("0123456789abcdef0123456789abcdef.svg"));
  CHECK_FALSE(is_photo_name("0123456789abcdef0123456789abcdef.png.part"));  // staged, not served
}
