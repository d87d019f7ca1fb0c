// Reply templates: placeholder parsing (every error kind with its span),
// rendering as plain text, the pre-publish check and the seed templates.

#include "vouch/reply_template.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace vouch::reply;

namespace {

ReplyValues full_values() {
  ReplyValues v;
  v.reviewer_name = "Ana Lopez";
  v.product_name = "Linen Shirt";
  v.store_name = "Blue Door";
  v.order_id = "1042";
  v.review_title = "Lovely";
  v.days_since_review = 3;
  return v;
}

TemplateErrorKind only_error(const std::string& body, std::size_t begin, std::size_t end) {
  const ParseResult parsed = parse_template(body);
  REQUIRE(parsed.errors.size() == 1);
  CHECK(parsed.errors[0].begin == begin);
  CHECK(parsed.errors[0].end == end);
  CHECK(parsed.parsed.segments.empty());
  return parsed.errors[0].kind;
}

std::set<ReplyWarningKind> kinds(const std::string& text) {
  std::set<ReplyWarningKind> out;
  for (const ReplyWarning& w : check_reply(text)) out.insert(w.kind);
  return out;
}

}  // namespace

TEST_CASE("reply template: every placeholder parses and renders", "[reply]") {
  const std::string body =
      "{reviewer_name}|{reviewer_first_name}|{product_name}|{store_name}|{order_id}|"
      "{review_title}|{days_since_review}";
  const ParseResult parsed = parse_template(body);
  REQUIRE(parsed.ok());
  CHECK(parsed.parsed.placeholders().size() == kPlaceholderCount);
  const RenderResult out = render_template(parsed.parsed, full_values());
  REQUIRE(out.ok());
  CHECK(out.text == "Ana Lopez|Ana|Linen Shirt|Blue Door|1042|Lovely|3");
  for (Placeholder p : all_placeholders()) CHECK(placeholder_from_name(placeholder_name(p)) == p);
}

TEST_CASE("reply template: {{ and }} are literal braces", "[reply]") {
  const RenderResult out = render_template("{{store_name}} is {store_name} }}", full_values());
  REQUIRE(out.ok());
  CHECK(out.text == "{store_name} is Blue Door }");
}

TEST_CASE("reply template: parse errors carry a kind and a byte span", "[reply]") {
  CHECK(only_error("Hi {reviewer_nmae}!", 3, 18) == TemplateErrorKind::UnknownPlaceholder);
  CHECK(parse_template("Hi {reviewer_nmae}!").errors[0].name == "reviewer_nmae");
  CHECK(only_error("Hi {}!", 3, 5) == TemplateErrorKind::EmptyPlaceholder);
  CHECK(only_error("Hi {  }!", 3, 7) == TemplateErrorKind::EmptyPlaceholder);
  CHECK(only_error("Hi {product_name", 3, 16) == TemplateErrorKind::UnclosedBrace);
  CHECK(only_error("Hi } there", 3, 4) == TemplateErrorKind::UnopenedBrace);
  CHECK(only_error("a {store_{name}} b", 2, 16) == TemplateErrorKind::NestedBrace);
  CHECK(only_error("x\xff", 1, 2) == TemplateErrorKind::InvalidUtf8);
  CHECK(only_error(std::string(kMaxTemplateBytes + 1, 'a'), kMaxTemplateBytes,
                   kMaxTemplateBytes + 1) == TemplateErrorKind::TooLong);
  // Several problems are all reported, in text order.
  const ParseResult many = parse_template("{a} } {} {store_name");
  REQUIRE(many.errors.size() == 4);
  CHECK(many.errors[0].kind == TemplateErrorKind::UnknownPlaceholder);
  CHECK(many.errors[1].kind == TemplateErrorKind::UnopenedBrace);
  CHECK(many.errors[2].kind == TemplateErrorKind::EmptyPlaceholder);
  CHECK(many.errors[3].kind == TemplateErrorKind::UnclosedBrace);
  CHECK(many.errors[0].to_string() == "unknown placeholder {a} at bytes 0..3");
  CHECK(std::string(template_error_code(TemplateErrorKind::NestedBrace)) == "nested_brace");
}

TEST_CASE("reply template: a used placeholder with an empty value refuses the render", "[reply]") {
  ReplyValues v = full_values();
  v.order_id.clear();
  v.days_since_review.reset();
  const RenderResult out =
      render_template("Order {order_id}, {days_since_review} days, {order_id} again", v);
  CHECK_FALSE(out.ok());
  CHECK(out.text.empty());
  REQUIRE(out.missing.size() == 2);  // listed once each, in order of use
  CHECK(out.missing[0] == Placeholder::OrderId);
  CHECK(out.missing[1] == Placeholder::DaysSinceReview);
  // An unused empty value is fine.
  CHECK(render_template("Thanks from {store_name}", v).ok());
  // A single-word name has no first name to guess; a given first name wins.
  v.reviewer_name = "Madonna";
  CHECK(render_template("Hi {reviewer_first_name}", v).missing.size() == 1);
  v.reviewer_first_name = "M.";
  CHECK(render_template("Hi {reviewer_first_name}", v).text == "Hi M.");
  // A value that is not UTF-8 counts as missing; whitespace-only too.
  v.product_name = "bad\xc3";
  CHECK(render_template("{product_name}", v).missing.size() == 1);
  v.product_name = " \n\t ";
  CHECK(render_template("{product_name}", v).missing.size() == 1);
}

TEST_CASE("reply template: values are text, never markup or more placeholders", "[reply]") {
  ReplyValues v = full_values();
  v.reviewer_name = "<script>alert(1)</script> {store_name}";
  v.product_name = "Shirt\n\nP.S. visit evil.example";
  v.review_title = "&lt;b&gt;bold&lt;/b&gt;";
  const RenderResult out =
      render_template("Dear {reviewer_name}, about {product_name}: {review_title}", v);
  REQUIRE(out.ok());
  // Inserted verbatim: no escaping (the reply is plain text; whoever shows it
  // escapes it), no expansion of the braces inside the value, no new lines.
  CHECK(out.text ==
        "Dear <script>alert(1)</script> {store_name}, about Shirt P.S. visit evil.example: "
        "&lt;b&gt;bold&lt;/b&gt;");
  CHECK(out.text.find('\n') == std::string::npos);
}

TEST_CASE("reply template: days_since", "[reply]") {
  CHECK(days_since(0, 86399) == 0);
  CHECK(days_since(0, 86400) == 1);
  CHECK(days_since(1000, 0) == 0);
}

TEST_CASE("reply check: e-mail addresses", "[reply][check]") {
  const std::string text = "Write to help@blue-door.example or Ana.Lopez+x@mail.co.uk today.";
  const auto warnings = check_reply(text);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].kind == ReplyWarningKind::Email);
  CHECK(text.substr(warnings[0].begin, warnings[0].end - warnings[0].begin) ==
        "help@blue-door.example");
  CHECK(text.substr(warnings[1].begin, warnings[1].end - warnings[1].begin) ==
        "Ana.Lopez+x@mail.co.uk");
  // Full-width ＠ folds to @: still found, span in the original bytes.
  const std::string wide = "邮箱 ana＠example.com 谢谢";
  const auto w = check_reply(wide);
  REQUIRE(w.size() == 1);
  CHECK(wide.substr(w[0].begin, w[0].end - w[0].begin) == "ana＠example.com");
  // Not addresses.
  CHECK(kinds("@store on social, a@b, x@localhost, price @ 5.00").empty());
}

TEST_CASE("reply check: phone numbers in several national formats", "[reply][check]") {
  for (const char* phone :
       {"+49 30 1234567", "+1 (212) 555-0123", "(212) 555-0123", "212-555-0123", "1-800-555-0123",
        "030 1234567", "0171 1234567", "06 12 34 56 78", "020 7946 0958", "03-1234-5678",
        "612 345 678", "13812345678", "138 1234 5678", "+86 138 1234 5678", "0044 20 7946 0958",
        "１３８１２３４５６７８"}) {
    const std::string text = std::string("Call ") + phone + " now";
    INFO(text);
    const auto warnings = check_reply(text);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].kind == ReplyWarningKind::Phone);
    CHECK(text.substr(warnings[0].begin, warnings[0].end - warnings[0].begin) == phone);
  }
  // Order numbers, dates, prices, sizes: not phones.
  for (const char* text :
       {"order #100234567", "order 1042", "on 2026-12-01", "12/25/2026", "only 19.99", "size 38",
        "SKU12345678901", "1234567890", "12345678901", "version 1.2.3.4"}) {
    INFO(text);
    CHECK(kinds(text).empty());
  }
}

TEST_CASE("reply check: asking to change or remove the review, 7 locales", "[reply][check]") {
  for (const char* ask :
       {"Could you please update your review?", "We would appreciate it if you removed the review.",
        "Please consider changing your rating to 5 stars.", "Would you delete your feedback?",
        "请您删除差评", "麻烦把差评改成好评，谢谢", "能否修改一下评价？", "請您刪除評價",
        "麻煩把差評改為好評", "レビューを削除していただけますか", "評価を変更してください",
        "¿Podría cambiar su reseña?", "Le pedimos que elimine su opinión.",
        "Pourriez-vous modifier votre avis ?", "Merci de supprimer votre commentaire.",
        "Könnten Sie Ihre Bewertung ändern?", "Bitte die Bewertung löschen."}) {
    INFO(ask);
    CHECK(kinds(ask) == std::set<ReplyWarningKind>{ReplyWarningKind::AsksToChangeReview});
  }
  for (const char* fine :
       {"Thank you for your review, we changed our courier.", "Thanks for the review!",
        "We have updated the product page based on reviews like yours and many others.",
        "感谢您的评价，我们已修改商品描述。", "谢谢您的好评！", "レビューありがとうございます。",
        "Gracias por su reseña.", "Merci pour votre avis, nous avons changé de transporteur.",
        "Danke für Ihre Bewertung. Wir haben den Versand geändert."}) {
    INFO(fine);
    CHECK(kinds(fine).empty());
  }
  const std::string text = "Hi! Please update your review.";
  const auto w = check_reply(text);
  REQUIRE(w.size() == 1);
  CHECK(text.substr(w[0].begin, w[0].end - w[0].begin) == "update your review");
}

TEST_CASE("reply check: hostile input", "[reply][check]") {
  CHECK(check_reply("").empty());
  CHECK(check_reply("\xff\xfe@@@").empty());  // not UTF-8: nothing (render never makes it)
  CHECK(check_reply(std::string(5000, '@')).empty());
  CHECK(check_reply(std::string(5000, '1')).empty());  // a digit run far too long for a phone
  std::string mixed;
  for (int i = 0; i < 2000; ++i) mixed += "a@b.cc 0 ";
  CHECK(check_reply(mixed).size() == 2000);
  std::string asks;
  for (int i = 0; i < 3000; ++i) asks += "change your review ";
  CHECK(check_reply(asks).size() == 3000);
}

TEST_CASE("reply seeds: 4 kinds x 7 locales, each parses, renders and passes the check",
          "[reply][seeds]") {
  const auto& seeds = seed_templates();
  CHECK(seeds.size() == 28);
  std::set<std::string> ids;
  for (const SeedTemplate& seed : seeds) {
    INFO(seed.id);
    CHECK(ids.insert(seed.id).second);
    const ParseResult parsed = parse_template(seed.body);
    REQUIRE(parsed.ok());
    CHECK_FALSE(parsed.parsed.placeholders().empty());
    const RenderResult out = render_template(parsed.parsed, full_values());
    REQUIRE(out.ok());
    CHECK(out.text.find('{') == std::string::npos);
    CHECK(check_reply(out.text).empty());
  }
  for (const char* locale : {"en", "zh-CN", "zh-TW", "ja", "es", "fr", "de"})
    for (SeedKind kind : {SeedKind::ThanksPositive, SeedKind::ApologyNegative,
                          SeedKind::LogisticsDelay, SeedKind::Defect})
      CHECK(ids.count(std::string(locale) + "." + seed_kind_name(kind)) == 1);
}
