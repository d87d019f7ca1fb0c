// Submission validation: one table test per code, in several scripts, plus the
// rules that hold across codes (import mode, rating independence, messages).
#include "vouch/validate.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "validate_api.hpp"
#include "vouch/review_rules.hpp"

using namespace vouch;
using nlohmann::json;

namespace {

json base() {
  return {{"rating", 4},
          {"title", "Great fit"},
          {"body", "This dress fits really well and the fabric is soft."},
          {"author", "Jane D."},
          {"email", "jane@example.com"},
          {"consent", true}};
}

ValidationResult run(const json& submission, const Policy& policy = Policy{},
                     const ValidationContext& context = ValidationContext{}) {
  return validate_submission_json(submission.dump(), policy, context);
}

ValidationResult with(const char* key, const json& value, const Policy& policy = Policy{},
                      const ValidationContext& context = ValidationContext{}) {
  json s = base();
  s[key] = value;
  return run(s, policy, context);
}

bool has_error(const ValidationResult& r, const std::string& field, const std::string& code) {
  for (const auto& e : r.errors)
    if (e.field == field && e.code == code) return true;
  return false;
}

bool has_flag(const ValidationResult& r, const std::string& code, const std::string& field = "*") {
  for (const auto& f : r.flags)
    if (f.code == code && (field == "*" || f.field == field)) return true;
  return false;
}

std::string param(const ValidationResult& r, const std::string& code, const std::string& name) {
  for (const auto& e : r.errors)
    if (e.code == code)
      for (const auto& [k, v] : e.params)
        if (k == name) return v;
  return "<none>";
}

}  // namespace

TEST_CASE("validate: a clean submission passes with no flags", "[validate]") {
  const ValidationResult r = run(base());
  CHECK(r.ok);
  CHECK(r.errors.empty());
  CHECK(r.flags.empty());
  CHECK(r.normalized.body == "This dress fits really well and the fabric is soft.");
}

TEST_CASE("validate: whole-input errors", "[validate]") {
  const Policy p;
  const ValidationContext c;
  const auto code = [&](std::string_view bytes) {
    const ValidationResult r = validate_submission_json(bytes, p, c);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].field.empty());
    CHECK_FALSE(r.ok);
    return r.errors[0].code;
  };
  CHECK(code("{\"body\": \"bad \xC0\xAF\"}") == "invalid_utf8");
  CHECK(code("{\"body\": ") == "invalid_json");
  CHECK(code("") == "invalid_json");
  CHECK(code("[1,2]") == "wrong_type");
  CHECK(code("\"just a string\"") == "wrong_type");
  CHECK(code(std::string(2u << 20, ' ')) == "too_large");
}

TEST_CASE("validate: wrong types are errors, never coerced", "[validate]") {
  CHECK(has_error(with("rating", "5"), "rating", "wrong_type"));
  CHECK(has_error(with("rating", 4.0), "rating", "wrong_type"));
  CHECK_FALSE(has_error(with("rating", "5"), "rating", "required"));
  CHECK(has_error(with("body", 42), "body", "wrong_type"));
  CHECK(has_error(with("title", json::array()), "title", "wrong_type"));
  CHECK(has_error(with("recommends", "yes"), "recommends", "wrong_type"));
  CHECK(has_error(with("aspects", json::array({4})), "aspects", "wrong_type"));
  CHECK(has_error(with("aspects", {{"fit", "4"}}), "aspects.fit", "wrong_type"));
  CHECK(has_error(with("photos", {{{"type", 1}, {"bytes", 5}}}), "photos[0].type", "wrong_type"));
  CHECK(has_error(with("photos", {{{"type", "image/png"}}}), "photos[0].bytes", "required"));
  CHECK(has_error(with("photos", json::array({"a.png"})), "photos[0]", "wrong_type"));
  CHECK(with("recommends", nullptr).ok);  // null means "not given"
}

TEST_CASE("validate: required fields", "[validate]") {
  json s = base();
  s.erase("rating");
  CHECK(has_error(run(s), "rating", "required"));
  CHECK(has_error(with("body", "   \n\t "), "body", "required"));  // blank after trimming
  CHECK(
      has_error(with("author", "\xE2\x80\x8B"), "author", "required"));  // only a zero-width space
  CHECK(has_error(with("email", ""), "email", "required"));
  Policy title_required;
  title_required.title.required = true;
  CHECK(has_error(with("title", "", title_required), "title", "required"));
  CHECK(with("title", "").ok);  // optional by default
}

TEST_CASE("validate: lengths are counted in grapheme clusters, in every script", "[validate]") {
  struct Row {
    const char* script;
    const char* body;
    std::size_t graphemes;
  };
  const Row rows[] = {
      {"Latin", "Too short", 9},  {"Latin NFD", "Cafe\xCC\x81 ok!", 8},
      {"Chinese", "质量很好", 4}, {"Japanese", "とても良い", 5},
      {"Arabic", "جيد جدا", 7},   {"emoji", "👍🏽👩‍👩‍👧‍👦🇯🇵", 3},
  };
  for (const Row& row : rows) {
    INFO(row.script);
    const ValidationResult r = with("body", row.body);
    CHECK(has_error(r, "body", "too_short"));
    CHECK(param(r, "too_short", "actual") == std::to_string(row.graphemes));
    CHECK(param(r, "too_short", "min") == "10");
  }
  Policy p;
  p.body.min = 3;
  p.body.max = 4;
  CHECK(with("body", "质量很好", p).ok);
  CHECK(has_error(with("body", "质量很好啊", p), "body", "too_long"));
  CHECK(with("body", "👍🏽👍🏽👍🏽👍🏽", p).ok);  // 4 clusters, 32 bytes
  CHECK(has_error(with("author", std::string(51, 'x')), "author", "too_long"));
  CHECK(has_error(with("author", "J"), "author", "too_short"));
  CHECK(with("author", "李明").ok);  // 2 CJK characters meet author.min = 2
  CHECK(has_error(with("title", std::string(151, 'T')), "title", "too_long"));
}

TEST_CASE("validate: rating and aspect ranges", "[validate]") {
  for (int bad : {0, 6, -1}) CHECK(has_error(with("rating", bad), "rating", "out_of_range"));
  CHECK(has_error(with("rating", json(std::uint64_t{1} << 63)), "rating", "out_of_range"));
  Policy p;
  p.rating_min = 2;
  CHECK(has_error(with("rating", 1, p), "rating", "out_of_range"));
  CHECK(with("aspects", {{"fit", 5}, {"quality", 1}}).ok);
  CHECK(has_error(with("aspects", {{"fit", 6}}), "aspects.fit", "out_of_range"));
  CHECK(has_error(with("aspects", {{"smell", 3}}), "aspects.smell", "unknown_aspect"));
  CHECK(has_error(with("aspects", {{"品质", 3}}), "aspects.品质", "unknown_aspect"));
  // JSON objects cannot repeat a key, but the server may build a Submission itself.
  Submission s;
  s.rating = 5;
  s.body = "Long enough body text.";
  s.author = "Jane";
  s.email = "jane@example.com";
  s.aspects = {{"fit", 4}, {"fit", 5}};
  CHECK(has_error(validate_submission(s, Policy{}, ValidationContext{}), "aspects.fit",
                  "duplicate_aspect"));
}

TEST_CASE("validate: names with bidi controls are refused, zero-width stripped", "[validate]") {
  CHECK(has_error(with("author",
                       "Jane\xE2\x80\xAE"
                       "eod"),
                  "author", "bidi_control"));
  CHECK(has_error(with("author",
                       "\xE2\x81\xA6"
                       "Admin\xE2\x81\xA9"),
                  "author", "bidi_control"));
  const ValidationResult r = with("author", "Ja\xE2\x80\x8Bne\xEF\xBB\xBF  D.");
  CHECK(r.ok);
  CHECK(r.normalized.author == "Jane D.");
  CHECK(with("author", "محمد").normalized.author == "محمد");
  CHECK(with("author", "👩‍💻 Dev").normalized.author == "👩‍💻 Dev");
}

TEST_CASE("validate: impersonating names", "[validate]") {
  ValidationContext c;
  c.store_name = "Acme Outfitters";
  const char* names[] = {"Verified Buyer",
                         "verified-buyer",
                         "VERIFIED  BUYER",
                         "V\xD0\xB5rified Buyer",
                         "Adm1n",
                         "ADMIN",
                         "Store Owner",
                         "St0re Owner",
                         "Moderator",
                         "acme outfitters",
                         "\xD0\x90"
                         "cme Outfitters",
                         "\xEF\xBC\xA1\xEF\xBD\x84\xEF\xBD\x8D\xEF\xBD\x89\xEF\xBD\x8E"};
  for (const char* name : names) {
    INFO(name);
    CHECK(has_error(with("author", name, Policy{}, c), "author", "impersonation"));
  }
  CHECK(with("author", "Adam", Policy{}, c).ok);
  CHECK(with("author", "Acme fan", Policy{}, c).ok);
  ValidationContext cjk;
  cjk.store_name = "山田商店";
  CHECK(has_error(with("author", "山田 商店", Policy{}, cjk), "author", "impersonation"));
  Policy p;
  p.reserved_names = {"Vouch Team"};
  CHECK(has_error(with("author", "vouch team", p), "author", "impersonation"));
}

TEST_CASE("validate: e-mail syntax", "[validate]") {
  for (const char* good :
       {"jane@example.com", "j.o+tag@mail.example.co.uk", "用户@例子.中国", "o'neil@example.ie"}) {
    INFO(good);
    CHECK(with("email", good).ok);
  }
  for (const char* bad : {"jane", "jane@", "@example.com", "jane@localhost", "ja..ne@example.com",
                          ".jane@example.com", "\"jane\"@example.com", "jane@[127.0.0.1]",
                          "jane@example..com", "jane@-example.com", "jane@example.123",
                          "jane doe@example.com", "jane@example.com (comment)"}) {
    INFO(bad);
    CHECK(has_error(with("email", bad), "email", "invalid_email"));
  }
  CHECK(with("email", "  jane@example.com \n").normalized.email == "jane@example.com");
}

TEST_CASE("validate: language tag", "[validate]") {
  CHECK(with("language", "zh-Hant-TW").ok);
  CHECK(has_error(with("language", "en<script>"), "language", "invalid_language"));
  // Normalised to BCP 47 at input, case-folded as RFC 5646 writes tags.
  CHECK(with("language", "en_US").normalized.language == "en-US");
  CHECK(with("language", "zh_hant_tw").normalized.language == "zh-Hant-TW");
  CHECK(with("language", " EN-gb ").normalized.language == "en-GB");
  CHECK(with("language", "es-419").normalized.language == "es-419");
  CHECK(with("language", "x-Klingon").normalized.language == "x-klingon");
  for (const char* bad : {"1en", "en-", "-en", "en--us", "en US", "en-abcdefghi", "_"}) {
    INFO(bad);
    CHECK(has_error(with("language", bad), "language", "invalid_language"));
  }
  // Every accepted tag passes the stored-review rule the snapshot applies.
  for (const char* tag : {"en_US", "zh_hant_tw", "sr_latn_rs", "de"}) {
    const std::string clean = with("language", tag).normalized.language;
    CHECK(is_language_tag(clean));
  }
}

TEST_CASE("validate: consent is part of the submission", "[validate][consent]") {
  json s = base();
  s.erase("consent");
  CHECK(has_error(run(s), "consent", "required"));
  CHECK(has_error(with("consent", false), "consent", "required"));
  CHECK(has_error(with("consent", "yes"), "consent", "wrong_type"));
  CHECK(with("consent", true).ok);
  Policy optional;
  optional.consent_required = false;
  CHECK(run(s, optional).ok);
  ValidationContext import;
  import.mode = ValidationMode::Import;
  CHECK(run(s, Policy{}, import).ok);  // imported reviews were consented to elsewhere
  REQUIRE(parse_policy(R"({"consent_required": false})").ok());
  CHECK_FALSE(parse_policy(R"({"consent_required": false})").value().consent_required);
}

TEST_CASE("validate: import mode holds content-rule breaks as flags", "[validate][import]") {
  ValidationContext import;
  import.mode = ValidationMode::Import;
  const ValidationResult link =
      with("body", "Size chart at http://example.com/chart, runs small.", Policy{}, import);
  CHECK(link.ok);
  CHECK(has_flag(link, "contains_link", "body"));
  const ValidationResult admin = with("author", "Admin", Policy{}, import);
  CHECK(admin.ok);
  CHECK(has_flag(admin, "impersonation", "author"));
  const ValidationResult language = with("language", "12-34", Policy{}, import);
  CHECK(language.ok);
  CHECK(language.normalized.language.empty());
  CHECK(has_flag(language, "invalid_language"));
  CHECK(has_error(with("rating", 9, Policy{}, import), "rating", "out_of_range"));
  CHECK(holds_for_moderation(link.flags));
}

TEST_CASE("validate: too_fast is advisory and never holds a review alone", "[validate]") {
  ValidationContext fast;
  fast.elapsed_ms = 100;
  const ValidationResult r = run(base(), Policy{}, fast);
  CHECK(r.ok);
  REQUIRE(has_flag(r, "too_fast"));
  CHECK_FALSE(holds_for_moderation(r.flags));
  CHECK(holds_for_moderation({{"too_fast", "", ""}, {"profanity", "body", "x"}}));
}

TEST_CASE("validate: photos", "[validate]") {
  const json png = {{"type", "image/png"}, {"bytes", 1000}, {"name", "a.png"}};
  CHECK(with("photos", {png, png}).ok);
  CHECK(has_error(with("photos", json::array({png, png, png, png, png, png})), "photos",
                  "too_many_photos"));
  CHECK(has_error(with("photos", {{{"type", "image/gif"}, {"bytes", 10}}}), "photos[0]",
                  "photo_type"));
  CHECK(has_error(with("photos", {{{"type", "image/jpeg"}, {"bytes", 20u << 20}}}), "photos[0]",
                  "photo_too_large"));
  CHECK(sniff_image_type("\xFF\xD8\xFF\xE0rest") == "image/jpeg");
  CHECK(sniff_image_type(std::string_view("\x89PNG\r\n\x1A\n....", 12)) == "image/png");
  CHECK(sniff_image_type(std::string_view("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)) == "image/webp");
  CHECK(sniff_image_type("GIF89a") == "");
}

TEST_CASE("validate: links are errors unless the store allows them, then flags", "[validate]") {
  for (const char* body :
       {"Buy cheap at http://spam.example/deal now", "Visit www.cheap-deals.biz today!!",
        "Great, see cheap-bags.ru/sale for more", "很好 请访问https://例子.cn/abc 谢谢",
        "رائع جدا زوروا www.example.com الآن"}) {
    INFO(body);
    CHECK(has_error(with("body", body), "body", "links_not_allowed"));
    Policy allowed;
    allowed.links_allowed = true;
    const ValidationResult r = with("body", body, allowed);
    CHECK(r.ok);
    CHECK(has_flag(r, "contains_link", "body"));
  }
  CHECK(has_error(with("title", "see www.x.com"), "title", "links_not_allowed"));
  for (const char* clean :
       {"Fits well. True to size, e.g. a US 6.", "I'm 5.4 ft and it's 3.5 inches long.",
        "Worth it...really. Would buy again."}) {
    INFO(clean);
    CHECK(with("body", clean).ok);
  }
}

TEST_CASE("validate: spam signals are flags with reasons", "[validate]") {
  struct Row {
    const char* body;
    const char* flag;
  };
  const Row rows[] = {
      {"Write to me at deals@cheap-mail.com for a discount", "contains_email"},
      {"Call me on +1 (555) 010-9999 for wholesale prices", "contains_phone"},
      {"电话 138 0013 8000 欢迎来电咨询批发价格", "contains_phone"},
      {"Sooooooooooo good, I love this dress a lot", "repeated_characters"},
      {"好好好好好好好好好好 非常好的商品", "repeated_characters"},
      {"Perfect!!!!!!!!!! Love the colour and cut", "repeated_characters"},
      {"buy buy buy buy this now it is a great dress", "repeated_words"},
      {"THIS IS THE WORST DRESS I HAVE EVER BOUGHT DO NOT BUY", "shouting"},
      {"ЭТО ЛУЧШЕЕ ПЛАТЬЕ КОТОРОЕ Я КОГДА-ЛИБО ПОКУПАЛА", "shouting"},
      {"This dress is shit and the seller is a bastard", "profanity"},
      {"这个卖家是个傻逼，千万别买这个东西", "profanity"},
      {"Looks nice but \xE2\x80\xAEthis text is reversed", "bidi_control"},
  };
  for (const Row& row : rows) {
    INFO(row.body);
    const ValidationResult r = with("body", row.body);
    CHECK(r.ok);  // flags never refuse
    CHECK(has_flag(r, row.flag, "body"));
  }
  CHECK(has_flag(with("author", "Big Bastard"), "profanity", "author"));
  // Everyday Chinese review words that contain single-character list entries.
  for (const char* clean : {"性价比很高，牛奶味道很好，乳液很滋润，颜色很逼真",
                            "成人尺码合适，做工不错，包装完好", "質感很好，幹練的設計，物超所值"}) {
    INFO(clean);
    CHECK_FALSE(has_flag(with("body", clean), "profanity"));
  }
  // Word boundaries for Latin: these contain list entries inside longer words.
  for (const char* clean :
       {"I assume the class of this cocktail dress is great", "Scunthorpe shipping was fast",
        "The button holes are well finished, very classy"}) {
    INFO(clean);
    CHECK_FALSE(has_flag(with("body", clean), "profanity"));
  }
  Policy quiet;
  quiet.profanity_lists = {};
  CHECK_FALSE(has_flag(with("body", "This dress is shit", quiet), "profanity"));
  Policy allow;
  allow.profanity_allow = {"shit"};
  CHECK_FALSE(has_flag(with("body", "This dress is shit", allow), "profanity"));
  Policy extra;
  extra.profanity_extra = {"rubbish brand", "垃圾"};
  CHECK(has_flag(with("body", "A Rubbish  Brand, avoid it please", extra), "profanity"));
  CHECK(has_flag(with("body", "这是垃圾产品，不要买", extra), "profanity"));
}

TEST_CASE("validate: honeypot and time-to-fill are form-only flags", "[validate]") {
  CHECK(has_flag(with("website", "http://bot.example"), "honeypot"));
  CHECK(has_flag(with("website", 1), "honeypot"));
  CHECK_FALSE(has_flag(with("website", ""), "honeypot"));
  ValidationContext fast;
  fast.elapsed_ms = 1200;
  CHECK(has_flag(run(base(), Policy{}, fast), "too_fast"));
  fast.elapsed_ms = 4000;
  CHECK_FALSE(has_flag(run(base(), Policy{}, fast), "too_fast"));

  ValidationContext import;
  import.mode = ValidationMode::Import;
  import.elapsed_ms = 1;
  json row = base();
  row["website"] = "filled";
  row.erase("email");
  const ValidationResult r = run(row, Policy{}, import);
  CHECK(r.ok);  // e-mail not required for imports
  CHECK_FALSE(has_flag(r, "honeypot"));
  CHECK_FALSE(has_flag(r, "too_fast"));
  row["email"] = "not-an-email";
  // Still checked when present; an import keeps the review and holds it.
  const ValidationResult bad_email = run(row, Policy{}, import);
  CHECK(bad_email.ok);
  CHECK(has_flag(bad_email, "invalid_email", "email"));
}

TEST_CASE("validate: near-duplicates of existing reviews", "[validate]") {
  ValidationContext c;
  c.existing_texts = {"Lovely soft fabric, runs a little small. I sized up and it is perfect."};
  CHECK(has_flag(
      with("body", "lovely SOFT fabric -- runs a little small!! I sized up, and it is perfect",
           Policy{}, c),
      "near_duplicate"));
  CHECK_FALSE(has_flag(
      with("body", "The colour is darker than the photo but I still like it a lot.", Policy{}, c),
      "near_duplicate"));
  ValidationContext by_fingerprint;
  by_fingerprint.existing_fingerprints = {
      text_fingerprint("质量很好，穿着很舒服，尺码标准，推荐购买。")};
  CHECK(has_flag(with("body", "质量很好 穿着很舒服 尺码标准 推荐购买", Policy{}, by_fingerprint),
                 "near_duplicate"));
  CHECK(resemblance_percent(text_fingerprint("a b c d"), text_fingerprint("A  B, c. D!")) == 100);
  CHECK(resemblance_percent(text_fingerprint(""), text_fingerprint("")) == 0);
}

TEST_CASE("validate: no rule depends on the star rating (16 CFR 465)", "[validate]") {
  ValidationContext c;
  c.existing_texts = {"This dress fits really well and the fabric is soft."};
  c.elapsed_ms = 100;
  const json bodies[] = {base()["body"], "TERRIBLE QUALITY, DO NOT BUY, visit www.x.com",
                         "shit",         "质量很差",
                         "ok",           "Call +1 555 010 9999 now!!!!!!!!!!"};
  for (const json& body : bodies) {
    json s = base();
    s["body"] = body;
    s["rating"] = 1;
    const std::string one =
        result_to_json(validate_submission_json(s.dump(), Policy{}, c), i18n::Locale::En);
    for (int rating = 2; rating <= 5; ++rating) {
      s["rating"] = rating;
      json other = json::parse(
          result_to_json(validate_submission_json(s.dump(), Policy{}, c), i18n::Locale::En));
      other["normalized"]["rating"] = 1;
      INFO(body.dump() << " rating " << rating);
      CHECK(other == json::parse(one));
    }
  }
}

TEST_CASE("validate: normalisations", "[validate]") {
  const ValidationResult r =
      run({{"rating", 5},
           {"title", "  Nice\tdress \r\n "},
           {"body", "\xEF\xBB\xBF  Cafe\xCC\x81 style.\r\n\r\n\r\n\r\nSecond  para\x07graph.  \n"},
           {"author",
            " Ana\xE2\x80\x8B  Mar\xC3\xAD"
            "a "},
           {"email", "ana@example.com"},
           {"consent", true}});
  CHECK(r.ok);
  CHECK(r.normalized.title == "Nice dress");
  CHECK(r.normalized.body == "Caf\xC3\xA9 style.\n\nSecond  paragraph.");
  CHECK(r.normalized.author ==
        "Ana Mar\xC3\xAD"
        "a");
}

TEST_CASE("validate: policy JSON is strict, with paths", "[validate][policy]") {
  CHECK(parse_policy("").ok());
  CHECK(parse_policy("{}").ok());
  const Result<Policy> round = parse_policy(policy_to_json(default_policy()));
  REQUIRE(round.ok());
  CHECK(policy_to_json(round.value()) == policy_to_json(default_policy()));
  const auto error = [](const char* text) {
    const Result<Policy> p = parse_policy(text);
    REQUIRE_FALSE(p.ok());
    return p.error().to_string();
  };
  CHECK(error("{\"body\": {\"max\": \"5\"}}") == "body.max: expected integer 1..100000");
  CHECK(error("{\"body\": {\"min\": 50, \"max\": 20}}") == "body.min: must not exceed max");
  CHECK(error("{\"rating\": {\"max\": 10}}") == "rating.max: expected integer 1..5");
  CHECK(error("{\"photos\": {\"types\": [\"image/gif\"]}}") ==
        "photos.types[0]: expected one of image/jpeg, image/png, image/webp");
  CHECK(error("{\"links_alowed\": true}") == "links_alowed: unknown key");
  CHECK(error("{\"profanity\": {\"lists\": [\"xx\"]}}") ==
        "profanity.lists[0]: expected one of en, zh, zh-TW");
  CHECK(error("[]") == "policy must be a JSON object");
  CHECK(error("{") == "policy is not valid JSON");
  const Result<Policy> custom = parse_policy(
      "{\"body\": {\"min\": 1, \"max\": 20}, \"links_allowed\": true, \"aspects\": [\"taste\"],"
      " \"profanity\": {\"lists\": [\"zh\"]}, \"min_fill_seconds\": 0, \"honeypot_field\": \"\"}");
  REQUIRE(custom.ok());
  CHECK(custom.value().body.max == 20);
  CHECK(custom.value().links_allowed);
  CHECK(custom.value().aspects == std::vector<std::string>{"taste"});
  CHECK(custom.value().honeypot_field.empty());
}

TEST_CASE("validate: context JSON", "[validate][policy]") {
  const Result<ValidationContext> c = parse_context(
      "{\"mode\": \"import\", \"store_name\": \"Acme\", \"existing_texts\": [\"a b c\"],"
      " \"existing_fingerprints\": [[3, 1, 2]], \"elapsed_ms\": 5300}");
  REQUIRE(c.ok());
  CHECK(c.value().mode == ValidationMode::Import);
  CHECK(c.value().existing_fingerprints[0] == Fingerprint{1, 2, 3});
  CHECK(c.value().elapsed_ms == 5300);
  CHECK(parse_context("{\"mode\": \"robot\"}").error().to_string() ==
        "mode: expected \"form\" or \"import\"");
  CHECK(parse_context("{\"elapsed_ms\": -5}").error().path == "elapsed_ms");
  CHECK(parse_context("{\"existing_fingerprints\": [[-1]]}").error().path ==
        "existing_fingerprints[0]");
  CHECK(parse_context("{\"extra\": 1}").error().to_string() == "extra: unknown key");
}

TEST_CASE("validate: every code has a message in all 7 locales", "[validate][i18n]") {
  const char* codes[] = {
      "required",           "wrong_type",     "too_short",        "too_long",
      "out_of_range",       "unknown_aspect", "duplicate_aspect", "bidi_control",
      "impersonation",      "invalid_email",  "invalid_language", "links_not_allowed",
      "too_many_photos",    "photo_type",     "photo_too_large",  "invalid_utf8",
      "invalid_json",       "too_large",      "invalid_policy",   "invalid_context",
      "contains_link",      "contains_email", "contains_phone",   "repeated_characters",
      "repeated_words",     "shouting",       "profanity",        "honeypot",
      "too_fast",           "near_duplicate", "photo_unreadable", "photo_too_large_pixels",
      "photos_not_accepted"};
  const i18n::Params params = {{"min", "10"},           {"max", "5"},         {"name", "fit"},
                               {"expected", "string"},  {"path", "body.max"}, {"reason", "bad"},
                               {"width", "60000"},      {"height", "60000"},  {"max_side", "16384"},
                               {"max_megapixels", "25"}};
  for (const char* code : codes) {
    std::string english;
    for (std::size_t l = 0; l < i18n::kLocaleCount; ++l) {
      const auto locale = static_cast<i18n::Locale>(l);
      const std::string message = validation_message(code, params, locale);
      INFO(code << " in " << i18n::locale_tag(locale) << ": " << message);
      CHECK(message != code);
      CHECK(message.find('{') == std::string::npos);  // every placeholder filled
      if (l == 0)
        english = message;
      else
        CHECK(message != english);  // actually translated
    }
  }
  using i18n::Locale;
  CHECK(validation_message("too_short", {{"min", "10"}}, Locale::En) ==
        "Please write at least 10 characters.");
  CHECK(validation_message("too_short", {{"min", "1"}}, Locale::En) ==
        "Please write at least 1 character.");
  CHECK(validation_message("too_short", {{"min", "10"}}, Locale::ZhCN) == "请至少输入 10 个字。");
  CHECK(validation_message("too_short", {{"min", "1"}}, Locale::Fr) ==
        "Écrivez au moins 1 caractère.");
  CHECK(validation_message("too_many_photos", {{"max", "1"}}, Locale::De) ==
        "Sie können höchstens 1 Foto hinzufügen.");
  CHECK(validation_message("no_such_code", {}, Locale::Ja) == "no_such_code");
}

TEST_CASE("validate: result JSON and the façade", "[validate][facade]") {
  const json r = json::parse(
      facade::validate_submission("{\"rating\": 9, \"body\": \"short\"}", "", "", "zh-CN"));
  CHECK(r["ok"] == false);
  CHECK(r["errors"][0]["field"] == "rating");
  CHECK(r["errors"][0]["code"] == "out_of_range");
  CHECK(r["errors"][0]["params"]["min"] == 1);
  CHECK(r["errors"][0]["message"] == "请选择 1 到 5 之间的值。");
  CHECK(r["normalized"]["body"] == "short");
  CHECK(r["flags"].is_array());
  const json bad_policy = json::parse(facade::validate_submission("{}", "{\"body\": 1}", "", "en"));
  CHECK(bad_policy["errors"][0]["code"] == "invalid_policy");
  CHECK(bad_policy["errors"][0]["params"]["path"] == "body");
  CHECK(bad_policy["normalized"].is_null());
  const json bad_context =
      json::parse(facade::validate_submission("{}", "", "{\"mode\": 1}", "en"));
  CHECK(bad_context["errors"][0]["code"] == "invalid_context");
  const json invalid = json::parse(facade::validate_submission("{\"a\":", "", "", "ja"));
  CHECK(invalid["errors"][0]["code"] == "invalid_json");
  CHECK(invalid["normalized"].is_null());
  const std::string bytes = base().dump();
  CHECK(json::parse(facade::validate_submission_bytes(
            reinterpret_cast<std::uintptr_t>(bytes.data()), bytes.size(), "", "", "en"))["ok"] ==
        true);
  CHECK(facade::validation_message("too_short", "{\"min\": 3}", "es-MX") ==
        "Escribe al menos 3 caracteres.");
  // Without its parameter the pattern stays visible rather than a wrong number.
  CHECK(facade::validation_message("too_short", "not json", "en").find("{min") !=
        std::string::npos);
  CHECK(facade::grapheme_count("👍🏽 ok") == 4);
  CHECK(facade::truncate_graphemes("中文评价内容", 2, "…") == "中文…");
  CHECK(json::parse(facade::text_fingerprint_json("one two three four")).size() == 2);
  CHECK(json::parse(facade::default_policy_json())["body"]["min"] == 10);
}
