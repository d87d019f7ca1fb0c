// The DOM contract (include/vouch/dom_contract.hpp, issue 19): the renderer
// writes only listed data-action values, data-* attributes and form field
// names, in every view, form and Q&A state; the review form's fields are named
// by the validator's paths; and web/src/generated/dom-contract.ts is the
// module the list produces.
#include "vouch/dom_contract.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "form_api.hpp"
#include "review_store.hpp"
#include "validate_api.hpp"
#include "vouch/qa_render.hpp"
#include "vouch/render.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/summary.hpp"
#include "vouch/validate.hpp"
#include "widget_api.hpp"

using namespace vouch;

namespace {

struct Attribute {
  std::string name;
  std::string value;
};

// Every attribute of every start tag in `html`. The renderer escapes text and
// attribute values, so a raw '<' opens a tag and a raw '"' ends a value.
std::vector<Attribute> attributes(const std::string& html) {
  std::vector<Attribute> out;
  for (std::size_t pos = html.find('<'); pos != std::string::npos; pos = html.find('<', pos + 1)) {
    if (html[pos + 1] == '/') continue;
    const std::size_t end = html.find('>', pos);
    REQUIRE(end != std::string::npos);
    std::size_t i = html.find_first_of(" >", pos);  // past the tag name
    while (i < end) {
      while (i < end && html[i] == ' ') ++i;
      if (i >= end) break;
      const std::size_t name_end = html.find_first_of(" =>", i);
      Attribute attribute{html.substr(i, name_end - i), ""};
      i = name_end;
      if (html[i] == '=') {
        REQUIRE(html[i + 1] == '"');
        const std::size_t close = html.find('"', i + 2);
        REQUIRE(close != std::string::npos);
        attribute.value = html.substr(i + 2, close - i - 2);
        i = close + 1;
      }
      out.push_back(std::move(attribute));
    }
    pos = end;
  }
  return out;
}

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view text) {
  return std::find(std::begin(list), std::end(list), text) != std::end(list);
}

// The names `html` uses, checked against the contract. `honeypot` is the
// policy's own field name; aspects are kAspectsPrefix + a policy aspect.
struct Used {
  std::set<std::string> actions, hooks, fields;
};

void check_listed(const std::string& html, const std::string& honeypot, Used& used) {
  for (const Attribute& a : attributes(html)) {
    if (a.name == dom::hook::kAction) {
      INFO("data-action=\"" << a.value << "\"");
      CHECK(listed(dom::kActions, a.value));
      used.actions.insert(a.value);
    }
    if (a.name.rfind("data-", 0) == 0) {
      INFO(a.name);
      CHECK(listed(dom::kHooks, a.name));
      used.hooks.insert(a.name);
    }
    if (a.name == "name") {
      INFO("name=\"" << a.value << "\"");
      const bool aspect = a.value.rfind(dom::field::kAspectsPrefix, 0) == 0 &&
                          a.value.size() > dom::field::kAspectsPrefix.size();
      CHECK((listed(dom::kFields, a.value) || aspect || a.value == honeypot));
      used.fields.insert(aspect ? std::string(dom::field::kAspectsPrefix) : a.value);
    }
  }
}

Review review(int i) {
  Review r;
  r.id = "r" + std::to_string(i);
  r.rating = static_cast<std::uint8_t>(1 + i % 5);
  r.title = i % 3 ? "Warm coat" : "";
  r.body = std::string(i % 4 == 0 ? 600 : 40, 'w') + " needle";
  r.author = i % 2 ? "Ana" : "";
  r.created = 1767225600 + i * 86400;
  r.language = i % 2 ? "en" : "";
  r.verification = i % 2 ? Verification::VerifiedPurchase : Verification::UnverifiedWeb;
  r.incentivized = i == 3;
  if (i % 3 == 0) r.media.push_back({Media::Kind::Photo, "https://cdn.example.com/p.jpg", 4, 3});
  r.aspects = {{"fit", static_cast<std::uint8_t>(1 + i % 5)}};
  r.recommends = i % 2 ? Recommends::Yes : Recommends::No;
  if (i == 2) r.reply = {"Thank you", 1767312000};
  r.topics = {i % 2 ? "warmth" : "size"};
  return r;
}

QuestionList questions() {
  QuestionList list;
  for (int i = 0; i < 3; ++i) {
    Question q;
    q.id = "q" + std::to_string(i);
    q.text = "Is it warm? needle";
    q.author = "Bo";
    q.created = 1700000000 + i;
    for (int k = 0; k < i; ++k) {
      Answer a;
      a.id = q.id + "a" + std::to_string(k);
      a.text = "Yes, warm.";
      a.author = "Cy";
      a.helpful = static_cast<std::uint32_t>(k);
      a.badge = k ? AnswerBadge::Store : AnswerBadge::VerifiedBuyer;
      q.answers.push_back(a);
    }
    list.questions.push_back(q);
  }
  return list;
}

}  // namespace

TEST_CASE("dom contract: the renderer emits only listed names, in every state", "[render][dom]") {
  std::vector<Review> reviews;
  for (int i = 0; i < 25; ++i) reviews.push_back(review(i));
  auto snapshot = Snapshot::build(Product{"p1", "Coat", "", ""}, reviews);
  REQUIRE(snapshot);
  facade::ReviewStore store;
  REQUIRE(store.load_binary_bytes(snapshot.value().to_binary()).ok);

  Used used;
  const Policy policy = default_policy();
  for (const char* locale : {"en", "de", "ja", "ar"}) {
    INFO(locale);
    std::vector<facade::WidgetView> views(10);
    views[1].stars = 1 << 4;
    views[2].verified = true;
    views[3].media = true;
    views[4].topic = "warmth";
    views[5].search = "needle";
    views[5].sort = "relevance";
    views[6].page = 1;
    views[7].page = 2;
    views[8].show_more = true;
    views[9].search = "nothing matches this";
    for (const auto& view : views) {
      const auto rendered = facade::render_view(store, view, locale, "v");
      REQUIRE(rendered.ok);
      check_listed(rendered.html, policy.honeypot_field, used);
    }
    facade::ShellConfig config;
    config.imported_from = "judge.me";
    check_listed(facade::render_shell(config, locale, "v").html, "", used);
    check_listed(facade::render_badge(43, 25, locale), "", used);

    const auto form = facade::render_form(facade::default_policy_json(), locale, "v");
    REQUIRE(form.ok);
    check_listed(form.html, policy.honeypot_field, used);
    check_listed(facade::render_report_picker(locale, "v-1"), "", used);

    const QuestionList list = questions();
    for (bool can_answer : {false, true}) {
      render::QaOptions options{i18n::resolve_locale(locale), "v", can_answer};
      check_listed(render::questions_section(list, render::QaView{}, options).html, "", used);
      check_listed(render::questions_section(list, {"needle", "newest"}, options).html, "", used);
      check_listed(render::questions_section(QuestionList{}, {}, options).html, "", used);
      check_listed(render::qa_form(policy, "", options), policy.honeypot_field, used);
      check_listed(render::qa_form(policy, "q1", options), policy.honeypot_field, used);
    }
  }
  // And the crawlable whole the server's fragment route serves.
  render::ListFacets facets;
  facets.total = 1;
  facets.topics = {{"warmth", 1}};
  std::vector<render::CardInput> cards{{review(0), 0, {}, {}}};
  check_listed(
      render::widget(summarize(snapshot.value()), facets, cards, {}, {}, render::Options{}), "",
      used);

  // Every listed name is one the renderer writes: the list holds no dead names.
  for (std::string_view action : dom::kActions) {
    INFO("unused action " << action);
    CHECK(used.actions.count(std::string(action)) == 1);
  }
  for (std::string_view hook : dom::kHooks) {
    INFO("unused hook " << hook);
    CHECK(used.hooks.count(std::string(hook)) == 1);
  }
  for (std::string_view field : dom::kFields) {
    INFO("unused field " << field);
    CHECK(used.fields.count(std::string(field)) == 1);
  }
}

TEST_CASE("dom contract: a rendered view splits into its cards at the markers", "[render][dom]") {
  std::vector<Review> reviews;
  for (int i = 0; i < 25; ++i) reviews.push_back(review(i));
  // Text that spells the markers: escaped, it cannot split a card.
  reviews[0].body = "<li data-hash=\"0\"></li></ol> needle";
  reviews[1].title = "</ol><li data-hash=\"";
  reviews[2].reply = {"</ol>", 1767312000};
  auto snapshot = Snapshot::build(Product{"p1", "Coat", "", ""}, reviews);
  REQUIRE(snapshot);
  facade::ReviewStore store;
  REQUIRE(store.load_binary_bytes(snapshot.value().to_binary()).ok);
  const std::string_view open = dom::marker::kCardItemOpen;
  const std::string_view close = dom::marker::kCardListClose;
  // The marker is the hash hook on a card's <li>, as the widget reads it.
  CHECK(open == "<li " + std::string(dom::hook::kMarkupHash) + "=\"");
  std::vector<facade::WidgetView> views(5);
  views[1].search = "needle";
  views[1].sort = "relevance";
  views[2].page = 1;
  views[3].show_more = true;
  views[4].search = "nothing matches this";
  for (const char* locale : {"en", "zh-CN", "ar"}) {
    for (const auto& view : views) {
      INFO(locale << " page " << view.page << " search '" << view.search << "'");
      const auto rendered = facade::render_view(store, view, locale, "vouch3");
      REQUIRE(rendered.ok);
      const std::string& html = rendered.html;
      std::vector<std::size_t> starts;
      for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1))
        starts.push_back(at);
      REQUIRE(starts.size() == static_cast<std::size_t>(rendered.shown));
      if (starts.empty()) {
        CHECK(html.find("<ol") == std::string::npos);
        continue;
      }
      const std::size_t list_end = html.find(close, starts.back());
      REQUIRE(list_end != std::string::npos);
      // The frame around the cards: the list's opening just before the first card.
      CHECK(html.compare(starts.front() - 19, 19, "<ol class=\"v-list\">") == 0);
      CHECK(html.substr(0, starts.front()).find(close) == std::string::npos);
      for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : list_end;
        const std::string card = html.substr(starts[k], end - starts[k]);
        CHECK(card.size() > open.size() + 16);
        CHECK(card.find('"', open.size()) == open.size() + 16);  // 16 hex digits of the hash
        CHECK(card.compare(card.size() - 5, 5, "</li>") == 0);
        CHECK(card.find(close) == std::string::npos);
      }
    }
  }
}

TEST_CASE("dom contract: the form's field names are the validator's paths", "[render][dom]") {
  Policy policy = default_policy();
  policy.aspects = {"fit", "warmth"};
  policy.consent_required = true;
  policy.email_required = true;
  policy.title.required = true;
  policy.author.required = true;
  const std::string html = render::review_form(policy, render::Options{});
  std::set<std::string> names;
  for (const Attribute& a : attributes(html))
    if (a.name == "name") names.insert(a.value);
  CHECK(names.count("aspects.fit") == 1);
  CHECK(names.count("aspects.warmth") == 1);

  // A submission wrong in every field: each error's field (photos[i] -> photos)
  // names a control of the form.
  const std::string bad =
      R"({"rating": 9, "title": "", "body": "x", "author": "", "email": "not an email",)"
      R"( "aspects": {"fit": 0, "warmth": 7}, "consent": false,)"
      R"( "photos": [{"type": "text/html", "bytes": 1, "name": "a.html"}]})";
  const ValidationResult result = validate_submission_json(bad, policy, ValidationContext{});
  REQUIRE_FALSE(result.ok);
  std::set<std::string> fields;
  for (const FieldError& error : result.errors) {
    std::string field = error.field;
    if (const auto bracket = field.find('['); bracket != std::string::npos) field.resize(bracket);
    fields.insert(field);
  }
  CHECK(fields.size() >= 9);  // rating, title, body, author, email, 2 aspects, consent, photos
  for (const std::string& field : fields) {
    INFO(field);
    CHECK(names.count(field) == 1);
  }
}

TEST_CASE("dom contract: web/src/generated/dom-contract.ts is up to date", "[dom]") {
  std::ifstream file(std::string(VOUCH_SOURCE_DIR) + "/web/src/generated/dom-contract.ts",
                     std::ios::binary);
  REQUIRE(file);
  std::ostringstream text;
  text << file.rdbuf();
  // Out of date: run build/native/vouch_dom_contract web/src/generated/dom-contract.ts
  // (scripts/bundle.mjs does) and commit the result.
  CHECK(text.str() == dom::dom_contract_module_ts());
  const std::string ts = dom::dom_contract_module_ts();
  CHECK(ts.find("export const enum ACTION {\n  stars = 'stars',\n") != std::string::npos);
  CHECK(ts.find("  searchInput = 'search-input',\n") != std::string::npos);
  CHECK(ts.find("  errorFor = 'data-error-for',\n") != std::string::npos);
  CHECK(ts.find("  errorFor = 'errorFor',\n") != std::string::npos);  // DATASET
  CHECK(ts.find("  aspectsPrefix = 'aspects.',\n") != std::string::npos);
}
