// The renderer: one escaping function, URL rules, numbers/dates/stars, the
// card's read-more cut and search marks, localized labels, and the widget
// façade's validation of what JS sends.
#include "vouch/render.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "form_api.hpp"
#include "review_store.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/utf8.hpp"
#include "widget_api.hpp"

using namespace vouch;
using i18n::Locale;

namespace {

// Every '<' in `html` starts one of the renderer's own tags: user text can
// never open a tag (the naughty-strings browser test checks execution).
bool only_known_tags(const std::string& html) {
  static const char* kTags[] = {
      "section", "div",      "span",   "button",   "meter",  "p",         "ol",  "li",
      "article", "h3",       "time",   "ul",       "dl",     "dt",        "dd",  "mark",
      "img",     "form",     "label",  "input",    "select", "option",    "nav", "details",
      "summary", "fieldset", "legend", "textarea", "figure", "figcaption"};
  for (std::size_t pos = html.find('<'); pos != std::string::npos; pos = html.find('<', pos + 1)) {
    std::size_t start = pos + 1 + (html[pos + 1] == '/');
    std::size_t end = html.find_first_of(" >", start);
    const std::string name = html.substr(start, end - start);
    bool known = false;
    for (const char* tag : kTags) known = known || name == tag;
    if (!known) return false;
  }
  return true;
}

Review sample_review() {
  Review review;
  review.id = "r\"1";
  review.rating = 4;
  review.title = "<script>alert(1)</script>";
  review.body = "Fits well. \"Quotes\" & 'apostrophes'\r\nsecond line";
  review.author = "<img src=x onerror=alert(1)>";
  review.created = 1767225600;  // 2026-01-01
  review.verification = Verification::VerifiedPurchase;
  review.incentivized = true;
  review.media.push_back({Media::Kind::Photo, "javascript:alert(1)", 10, 10});
  review.media.push_back({Media::Kind::Photo, "https://cdn.example.com/a.jpg?x=1&y=\"2\"", 10, 10});
  review.reply.text = "</p><script>bad()</script>";
  review.reply.time = 1767312000;
  return review;
}

}  // namespace

TEST_CASE("render: escape covers text and both attribute quotes", "[render]") {
  CHECK(render::escape("<a href=\"x\" title='y'>&amp;</a>") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  CHECK(render::escape("a\rb") == "a&#13;b");  // CR survives the HTML parser
  CHECK(render::escape(std::string("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");                                                           // NUL is visible
  CHECK(render::escape("ok\xC0\xAF") == "ok\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong -> U+FFFD
  CHECK(render::escape("中文 👍🏽 café") == "中文 👍🏽 café");
}

// escape() copies runs of plain bytes in one go; it must give what escaping one
// character at a time gives, for any bytes (specials, runs at either end,
// malformed and truncated UTF-8 between valid sequences).
TEST_CASE("render: escape by runs equals escaping byte by byte", "[render]") {
  const auto one_by_one = [](std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t start = pos;
      const auto c = static_cast<unsigned char>(text[pos]);
      if (c >= 0x80) {
        out += utf8::decode(text, pos) == utf8::kInvalid
                   ? std::string("\xEF\xBF\xBD")
                   : std::string(text.substr(start, pos - start));
        continue;
      }
      ++pos;
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        case '\r':
          out += "&#13;";
          break;
        case '\0':
          out += "\xEF\xBF\xBD";
          break;
        default:
          out += static_cast<char>(c);
      }
    }
    return out;
  };
  const std::string pieces[] = {
      "a",        "<",    "&",    "\"", "'", "\r", std::string(1, '\0'), "中", "👍", "\xC0\xAF",
      "\xE4\xB8", "\xFF", "\x80", "é",  " ", ">"};
  std::uint32_t seed = 12345;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int length = static_cast<int>(seed % 12);
    for (int i = 0; i < length; ++i) {
      seed = seed * 1664525u + 1013904223u;
      text += pieces[(seed >> 16) % std::size(pieces)];
    }
    seed = seed * 1664525u + 1013904223u;
    INFO("text bytes: " << text.size());
    REQUIRE(render::escape(text) == one_by_one(text));
    std::string appended = "<p>";
    render::append_escaped(appended, text);
    REQUIRE(appended == "<p>" + one_by_one(text));
  }
}

TEST_CASE("render: only absolute http(s) URLs are safe", "[render]") {
  CHECK(render::is_safe_url("https://cdn.example.com/a.jpg"));
  CHECK(render::is_safe_url("HTTP://example.com"));
  CHECK_FALSE(render::is_safe_url("javascript:alert(1)"));
  CHECK_FALSE(render::is_safe_url("data:image/png;base64,xx"));
  CHECK_FALSE(render::is_safe_url("//evil.example.com/x"));
  CHECK_FALSE(render::is_safe_url("/relative.png"));
  CHECK_FALSE(render::is_safe_url("https://"));
  CHECK_FALSE(render::is_safe_url("https:///path"));
  CHECK_FALSE(render::is_safe_url("https://a.com/x y"));
  CHECK_FALSE(render::is_safe_url("https://a.com/\n"));
}

TEST_CASE("render: one decimal, round half up, locale separator", "[render]") {
  CHECK(render::format_one_decimal(4.25, Locale::En) == "4.3");
  CHECK(render::format_one_decimal(4.24, Locale::En) == "4.2");
  CHECK(render::format_one_decimal(5, Locale::De) == "5,0");
  CHECK(render::format_one_decimal(3.05, Locale::Fr) == "3,1");
  CHECK(render::format_one_decimal(0, Locale::Ja) == "0.0");
  CHECK(render::format_one_decimal(-1, Locale::En) == "0.0");
}

TEST_CASE("render: ISO dates from Unix seconds", "[render]") {
  CHECK(render::iso_date(0) == "1970-01-01");
  CHECK(render::iso_date(951782400) == "2000-02-29");
  CHECK(render::iso_date(1767225599) == "2025-12-31");
  CHECK(render::iso_date(1767225600) == "2026-01-01");
  CHECK(render::iso_date(-1) == "1969-12-31");
}

TEST_CASE("render: stars carry a text equivalent in every locale", "[render]") {
  const std::string en = render::stars(4, Locale::En);
  CHECK(en.find("role=\"img\" aria-label=\"4 out of 5 stars\"") != std::string::npos);
  CHECK(en.find("v-fill-8") != std::string::npos);
  CHECK(render::stars(4.3, Locale::De).find("aria-label=\"4,3 von 5 Sternen\"") !=
        std::string::npos);
  CHECK(render::stars(4.3, Locale::De).find("v-fill-9") != std::string::npos);  // 4.5 stars drawn
  CHECK(render::stars(2, Locale::Ja).find("5つ星のうち2") != std::string::npos);
  CHECK(render::stars(99, Locale::En).find("5 out of 5") != std::string::npos);
}

TEST_CASE("render: a hostile review card escapes every value and drops unsafe URLs", "[render]") {
  render::CardInput card;
  card.review = sample_review();
  card.index = 3;
  const std::string html = render::review_card(card, render::Options{});
  CHECK(only_known_tags(html));
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("data-id=\"r&quot;1\"") != std::string::npos);
  CHECK(html.find("src=\"https://cdn.example.com/a.jpg?x=1&amp;y=&quot;2&quot;\"") !=
        std::string::npos);
  CHECK(html.find("Photo 1 of 1 from the review by &lt;img") != std::string::npos);
  CHECK(html.find("&#13;\nsecond line") != std::string::npos);
  CHECK(html.find("datetime=\"2026-01-01\"") != std::string::npos);
  CHECK(html.find("Verified purchase") != std::string::npos);
  CHECK(html.find("Incentivized") != std::string::npos);
  CHECK(html.find("Reply from the store") != std::string::npos);
  CHECK(html.find("aria-describedby=\"v-q-3\"") != std::string::npos);
}

TEST_CASE("render: read more cuts at a grapheme boundary; marks are clipped", "[render]") {
  render::CardInput card;
  card.review = sample_review();
  // 10 family emoji (one grapheme each, 25 bytes) then text.
  std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
      "\xE2\x80\x8D\xF0\x9F\x91\xA6";
  card.review.body.clear();
  for (int i = 0; i < 10; ++i) card.review.body += family;
  card.review.body += " and the end";
  render::Options options;
  options.read_more_graphemes = 4;
  card.body_marks = {{0, 4}, {1000, 2000}};  // the second is stale/out of range
  const std::string html = render::review_card(card, options);
  const std::string short_part = "data-part=\"short\"><mark>\xF0\x9F\x91\xA8</mark>";
  CHECK(html.find(short_part) != std::string::npos);
  // The short part holds exactly 4 whole families then the ellipsis.
  const std::size_t start = html.find("data-part=\"short\">");
  const std::size_t end = html.find("</p>", start);
  const std::string shown = html.substr(start, end - start);
  CHECK(shown.find(family.substr(4) + family + family + family + "\xE2\x80\xA6") !=
        std::string::npos);
  CHECK(html.find("data-action=\"expand\" aria-expanded=\"false\"") != std::string::npos);
  CHECK(only_known_tags(html));
}

TEST_CASE("render: a search match past the cut opens the card expanded", "[render]") {
  render::CardInput card;
  card.review = sample_review();
  card.review.body = std::string(400, 'a') + " needle";
  card.body_marks = {{401, 407}};
  const std::string html = render::review_card(card, render::Options{});
  CHECK(html.find("data-part=\"short\" hidden") != std::string::npos);
  CHECK(html.find("aria-expanded=\"true\"") != std::string::npos);
  CHECK(html.find("<mark>needle</mark>") != std::string::npos);
}

TEST_CASE("render: labels exist in all seven locales", "[render]") {
  for (const char* key : {"write_review", "note_heading", "sort_most_helpful", "badge_verified",
                          "lightbox_close", "consent", "fallback", "read_more"}) {
    const std::string english = render::ui(key, {}, Locale::En);
    CHECK(english != key);
    for (Locale locale :
         {Locale::ZhCN, Locale::ZhTW, Locale::Ja, Locale::Es, Locale::Fr, Locale::De}) {
      INFO(key << " in " << i18n::locale_tag(locale));
      CHECK(render::ui(key, {}, locale) != english);
    }
  }
  CHECK(render::ui("review_count", {{"count", "1"}}, Locale::En) == "1 review");
  CHECK(render::ui("review_count", {{"count", "0"}}, Locale::Fr) == "0 avis");
  CHECK(render::ui("review_count", {{"count", "2"}}, Locale::De) == "2 Bewertungen");
}

TEST_CASE("render: the form module's strings exist in all seven locales", "[render]") {
  std::vector<std::string> keys = {"report_heading",      "report_choose",    "report_send",
                                   "report_required",     "report_sent",      "report_failed",
                                   "submitted_published", "submitted_pending"};
  for (std::string_view reason : render::kReportReasons)
    keys.push_back("reason_" + std::string(reason));
  for (const std::string& key : keys) {
    const std::string english = render::form_ui(key, {}, Locale::En);
    CHECK(english != key);
    for (Locale locale :
         {Locale::ZhCN, Locale::ZhTW, Locale::Ja, Locale::Es, Locale::Fr, Locale::De}) {
      INFO(key << " in " << i18n::locale_tag(locale));
      CHECK(render::form_ui(key, {}, locale) != english);
    }
  }
}

TEST_CASE("render: the report picker offers every reason, none chosen", "[render]") {
  render::Options options;
  options.id_prefix = "w1";
  const std::string html = render::report_picker(options);
  CHECK(html.find("<option value=\"\">Choose a reason</option>") != std::string::npos);
  for (std::string_view reason : render::kReportReasons)
    CHECK(html.find("value=\"" + std::string(reason) + "\"") != std::string::npos);
  CHECK(html.find("selected") == std::string::npos);
  CHECK(html.find("<label for=\"w1-report-reason\">") != std::string::npos);
  CHECK(html.find("aria-describedby=\"w1-report-error\"") != std::string::npos);
}

TEST_CASE("i18n: grouped and compact counts per locale", "[render][i18n]") {
  CHECK(i18n::grouped_number(999, Locale::En) == "999");
  CHECK(i18n::grouped_number(20000, Locale::En) == "20,000");
  CHECK(i18n::grouped_number(1234567, Locale::Ja) == "1,234,567");
  CHECK(i18n::grouped_number(20000, Locale::De) == "20.000");
  CHECK(i18n::grouped_number(1234, Locale::Es) == "1234");
  CHECK(i18n::grouped_number(12345, Locale::Es) == "12.345");
  CHECK(i18n::grouped_number(20000, Locale::Fr) == "20\u202F000");
  CHECK(i18n::compact_number(999, Locale::En) == "999");
  CHECK(i18n::compact_number(1000, Locale::En) == "1K");
  CHECK(i18n::compact_number(1999, Locale::En) ==
        "1.9K");  // rounds down: never more than there are
  CHECK(i18n::compact_number(20000, Locale::En) == "20K");
  CHECK(i18n::compact_number(999999, Locale::En) == "999K");
  CHECK(i18n::compact_number(1234567, Locale::En) == "1.2M");
  CHECK(i18n::compact_number(9999, Locale::ZhCN) == "9,999");
  CHECK(i18n::compact_number(20000, Locale::ZhCN) == "2万");
  CHECK(i18n::compact_number(20000, Locale::ZhTW) == "2萬");
  CHECK(i18n::compact_number(123456, Locale::Ja) == "12万");
  CHECK(i18n::compact_number(20000, Locale::Es) == "20\u00A0mil");
  CHECK(i18n::compact_number(1500, Locale::Fr) == "1,5\u00A0k");
  CHECK(i18n::compact_number(20000, Locale::De) == "20.000");
  CHECK(i18n::compact_number(1234567, Locale::De) == "1,2\u00A0Mio.");
  // Plurals read grouped numbers whole: "1.234 Bewertungen", not "Bewertung".
  CHECK(render::ui("review_count", {{"count", "1.234"}}, Locale::De) == "1.234 Bewertungen");
}

TEST_CASE("render: the badge shows a compact count and reads out the exact one", "[render]") {
  render::Options options;
  const std::string html = render::badge(42, 20000, options);
  CHECK(html.find(">4.2</span>") != std::string::npos);
  CHECK(html.find(">(20K)</span>") != std::string::npos);
  CHECK(html.find("<span class=\"v-sr\">20,000 reviews</span>") != std::string::npos);
  options.locale = Locale::De;
  const std::string german = render::badge(42, 20000, options);
  CHECK(german.find(">4,2</span>") != std::string::npos);
  CHECK(german.find("20.000 Bewertungen") != std::string::npos);
}

TEST_CASE("render: the form is labelled and wired for errors", "[render]") {
  Policy policy = default_policy();
  render::Options options;
  options.id_prefix = "w1";
  const std::string html = render::review_form(policy, options);
  CHECK(only_known_tags(html));
  for (const char* field : {"rating", "title", "body", "author", "email", "photos", "consent"}) {
    INFO(field);
    CHECK(html.find(std::string("id=\"w1-err-") + field + "\" data-error-for=\"" + field + "\"") !=
          std::string::npos);
  }
  CHECK(html.find("type=\"radio\" name=\"rating\" value=\"1\"") != std::string::npos);
  CHECK(html.find("data-error-for=\"aspects.fit\"") != std::string::npos);
  CHECK(html.find("data-template=\"{count} of 5000 characters (at least 10)\"") !=
        std::string::npos);
  CHECK(html.find("role=\"alert\"") != std::string::npos);
  CHECK(html.find("name=\"website\" tabindex=\"-1\"") != std::string::npos);
}

TEST_CASE("render: the collection note follows the store's configuration", "[render]") {
  render::StoreConfig config;
  config.imported_from = {"judge.me", "<Yotpo>"};
  config.offers_incentives = true;
  const std::string html = render::collection_note(config, render::Options{});
  CHECK(html.find("imported from judge.me, &lt;Yotpo&gt;") != std::string::npos);
  CHECK(html.find("received an incentive") != std::string::npos);
  CHECK(html.find("whatever its star rating") != std::string::npos);
  config.verifies_purchases = false;
  CHECK(render::collection_note(config, render::Options{}).find("Verified purchase") ==
        std::string::npos);
}

TEST_CASE("widget façade: views are validated, queries rendered, pages counted", "[render]") {
  Product product{"p1", "Dress", "", ""};
  std::vector<Review> reviews;
  for (int i = 0; i < 25; ++i) {
    Review review;
    review.id = "r" + std::to_string(i);
    review.rating = static_cast<std::uint8_t>(1 + i % 5);
    review.title = i == 7 ? "Needle in the title" : "Title";
    review.body = "Body text long enough";
    review.author = "A";
    review.created = 1767225600 + i * 86400;
    reviews.push_back(review);
  }
  auto snapshot = Snapshot::build(product, reviews);
  REQUIRE(snapshot);
  facade::ReviewStore store;
  REQUIRE(store.load_binary_bytes(snapshot.value().to_binary()).ok);

  facade::WidgetView view;
  view.page_size = 10;
  auto first = facade::render_view(store, view, "en", "t<1>");
  REQUIRE(first.ok);
  CHECK(first.total == 25);
  CHECK(first.shown == 10);
  CHECK(first.html.find("Showing 1–10 of 25") != std::string::npos);
  CHECK(first.html.find("id=\"t-1--search\"") != std::string::npos);  // prefix sanitized
  CHECK(first.html.find("aria-current=\"page\" aria-label=\"Page 1\"") != std::string::npos);

  view.page = 2;
  CHECK(facade::render_view(store, view, "en", "v").html.find("Showing 21–25 of 25") !=
        std::string::npos);
  view.show_more = true;  // pages 0..2 in one list
  CHECK(facade::render_view(store, view, "en", "v").shown == 25);

  view = facade::WidgetView{};
  view.stars = 1 << 4;  // 5 stars only
  auto five = facade::render_view(store, view, "fr", "v");
  CHECK(five.total == 5);
  CHECK(five.html.find("data-value=\"5\" aria-pressed=\"true\"") != std::string::npos);

  view = facade::WidgetView{};
  view.search = "needle";
  auto found = facade::render_view(store, view, "en", "v");
  CHECK(found.total == 1);
  CHECK(found.html.find("<mark>") != std::string::npos);

  view = facade::WidgetView{};
  view.page_size = 0;
  auto bad = facade::render_view(store, view, "en", "v");
  CHECK_FALSE(bad.ok);
  CHECK(bad.message == "view.page_size: expected integer 1..100");
  view = facade::WidgetView{};
  view.sort = "random";
  CHECK(facade::render_view(store, view, "en", "v").code == "invalid_view");
  view = facade::WidgetView{};
  view.stars = 99;
  CHECK(facade::render_view(store, view, "en", "v").message ==
        "view.stars: expected integer 0..31");
}

namespace {
// The data-hash of the <li> holding the card of review `id` in `html`, or "".
std::string card_hash(const std::string& html, const std::string& id) {
  const std::size_t card = html.find("data-id=\"" + id + "\"");
  if (card == std::string::npos) return "";
  const std::size_t item = html.rfind("<li data-hash=\"", card);
  return item == std::string::npos ? "" : html.substr(item + 15, 16);
}
}  // namespace

TEST_CASE("widget façade: parts carry a hash of their markup, the same for the same markup",
          "[render]") {
  Product product{"p1", "Dress", "", ""};
  std::vector<Review> reviews;
  for (int i = 0; i < 12; ++i) {
    Review review;
    review.id = "r" + std::to_string(i);
    review.rating = static_cast<std::uint8_t>(1 + i % 5);
    review.title = i == 3 ? "Needle" : "Title";
    review.body = "Body";
    review.created = 1767225600 + i * 86400;
    reviews.push_back(review);
  }
  auto snapshot = Snapshot::build(product, reviews);
  REQUIRE(snapshot);
  facade::ReviewStore store;
  REQUIRE(store.load_binary_bytes(snapshot.value().to_binary()).ok);
  facade::WidgetView view;
  view.page_size = 12;
  const std::string plain = facade::render_view(store, view, "en", "v").html;
  CHECK(plain.rfind("<section data-hash=\"", 0) == 0);          // the summary
  CHECK(plain.find("<div data-hash=\"") != std::string::npos);  // the controls
  const std::string hash = card_hash(plain, "r3");
  REQUIRE(hash.size() == 16);
  CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);

  // Another view showing the same card unchanged: the same hash. Marked by a
  // search, or in another locale: different markup, another hash.
  view.sort = "lowest";
  CHECK(card_hash(facade::render_view(store, view, "en", "v").html, "r3") == hash);
  CHECK(card_hash(facade::render_view(store, view, "de", "v").html, "r3") != hash);
  view = facade::WidgetView{};
  view.page_size = 12;
  view.search = "needle";
  const std::string found = facade::render_view(store, view, "en", "v").html;
  REQUIRE(found.find("<mark>") != std::string::npos);
  CHECK_FALSE(card_hash(found, "r3").empty());
  CHECK(card_hash(found, "r3") != hash);
  // Every card of a page has its own hash (their markup differs by id at least).
  std::set<std::string> hashes;
  for (int i = 0; i < 12; ++i) hashes.insert(card_hash(plain, "r" + std::to_string(i)));
  CHECK(hashes.size() == 12);

  // The server renders the first response with its own id prefix and the
  // widget renames the ids when it adopts it: the hashes do not depend on the
  // prefix, so an adopted part the widget's render would repeat is kept.
  view = facade::WidgetView{};
  view.page_size = 12;
  const std::string served = facade::render_view(store, view, "en", "vouch0").html;
  const std::string own = facade::render_view(store, view, "en", "vouch7").html;
  REQUIRE(served.find("id=\"vouch0-") != std::string::npos);
  REQUIRE(served != own);
  const auto hashes_of = [](const std::string& html) {
    std::vector<std::string> out;
    for (std::size_t at = html.find("data-hash=\""); at != std::string::npos;
         at = html.find("data-hash=\"", at + 1))
      out.push_back(html.substr(at + 11, 16));
    return out;
  };
  CHECK(hashes_of(served).size() == 14);  // summary, controls, 12 cards
  CHECK(hashes_of(served) == hashes_of(own));
  CHECK(card_hash(own, "r3") == card_hash(served, "r3"));
}

TEST_CASE("widget façade: shell, form, badge, config errors", "[render]") {
  facade::ShellConfig config;
  config.imported_from = "judge.me\nYotpo";
  auto ok = facade::render_shell(config, "zh-Hant", "v");
  REQUIRE(ok.ok);
  CHECK(ok.html.find("撰寫評論") != std::string::npos);
  CHECK(ok.html.find("judge.me") != std::string::npos);
  CHECK(ok.html.find("Yotpo") != std::string::npos);
  // The form is not in the first render: an empty slot with its id holds its place.
  CHECK(ok.html.find("<form") == std::string::npos);
  CHECK(ok.html.find("aria-controls=\"v-form\"") != std::string::npos);
  CHECK(ok.html.find("<div id=\"v-form\" data-form-slot hidden></div>") != std::string::npos);
  config.imported_from = "\xff";
  CHECK(facade::render_shell(config, "en", "v").message ==
        "config.imported_from[0]: not valid UTF-8");
  config.imported_from = std::string(101, 'a');
  CHECK(facade::render_shell(config, "en", "v").message ==
        "config.imported_from[0]: longer than 100 bytes");
  config.imported_from.clear();
  for (int i = 0; i < 21; ++i) config.imported_from += "app\n";
  CHECK(facade::render_shell(config, "en", "v").code == "invalid_config");

  auto form = facade::render_form("", "de", "v");
  REQUIRE(form.ok);
  CHECK(form.html.rfind("<form class=\"v-form\" id=\"v-form\"", 0) == 0);
  CHECK(facade::render_form("{\"body\":{\"max\":\"x\"}}", "en", "v").code == "invalid_policy");
  CHECK(facade::render_form("{", "en", "v").code == "invalid_policy");
  const std::string badge = facade::render_badge(43, 12, "en");
  CHECK(badge.find("aria-label=\"4.3 out of 5 stars\"") != std::string::npos);
  CHECK(badge.find(">4.3</span>") != std::string::npos);
  CHECK(badge.find(">(12)</span><span class=\"v-sr\">12 reviews</span>") != std::string::npos);
  CHECK(facade::ui_text("errors_summary", 2, "de") == "Bitte 2 Felder korrigieren.");
  CHECK(facade::resolve_locale("zh-Hant-HK") == "zh-TW");
}
