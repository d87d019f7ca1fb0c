// The tagger and the priority rules (en and zh fixtures), the spam risk from
// the validator's flags, and the store-editable configuration.

#include "vouch/triage.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace vouch::triage;

namespace {

Triage run(const std::string& body, int rating = 3, const std::string& language = "en",
           const std::string& title = "") {
  ReviewText review;
  review.title = title;
  review.body = body;
  review.rating = rating;
  review.language = language;
  return triage_review(review);
}

bool has(const Triage& t, const std::string& tag) {
  for (const auto& x : t.tags)
    if (x == tag) return true;
  return false;
}

}  // namespace

TEST_CASE("triage: English tags by content", "[triage]") {
  CHECK(has(run("The fabric pilled after one wash."), "quality"));
  CHECK(has(run("Shipping took three weeks and the courier lost it once."), "logistics"));
  CHECK(has(run("Customer service sorted out my exchange quickly."), "service"));
  CHECK(has(run("Runs small, size up."), "fit"));
  CHECK(has(run("Great value for the price."), "value"));
  CHECK(has(run("The packaging was torn open."), "packaging"));
  CHECK(has(run("I wish it came in navy."), "suggestion"));
  CHECK(run("Love it, so pretty!").tags.empty());
  // Whole words only: "outfit" is not "fit", "boxy" is not "box"; a prefix term
  // ("defect*") matches its forms.
  CHECK_FALSE(has(run("A lovely outfit."), "fit"));
  CHECK_FALSE(has(run("Rather boxy shape."), "packaging"));
  CHECK(has(run("It was DEFECTIVE."), "quality"));
  // Accents fold away: "Qualität" matches the folded term "qualitat*".
  CHECK(has(run("Die Qualität ist super.", 5, "de"), "quality"));
  // Exception phrases: a "burnt orange" colour is not a burn; "a long time" is not length.
  CHECK(run("Love the burnt orange colour", 1).priority != Priority::Urgent);
  CHECK_FALSE(has(run("I waited a long time for a dress like this"), "fit"));
  // Tags come out in configuration order, once each.
  const Triage t = run("Size runs small and the fabric is thin; the size chart is wrong.");
  CHECK(t.tags == std::vector<std::string>{"quality", "fit"});
}

TEST_CASE("triage: Chinese tags, Simplified and Traditional spellings", "[triage]") {
  CHECK(has(run("质量很好", 5, "zh-CN"), "quality"));
  CHECK(has(run("質量很好", 5, "zh-TW"), "quality"));  // 質量 and 质量 tag alike
  CHECK(has(run("物流太慢了", 2, "zh-CN"), "logistics"));
  CHECK(has(run("客服態度很好", 5, "zh-TW"), "service"));
  CHECK(has(run("尺码偏小", 3, "zh-CN"), "fit"));
  CHECK(has(run("性价比很高", 5, "zh-CN"), "value"));
  CHECK(has(run("包装很精美", 5, "zh-CN"), "packaging"));
  CHECK(has(run("希望多出几个颜色", 4, "zh-CN"), "suggestion"));
  // Exceptions in Han text: 号码 (a number) is not 码 (a size); 紧急 is not 紧.
  CHECK_FALSE(has(run("请留下电话号码", 3, "zh-CN"), "fit"));
  CHECK_FALSE(has(run("情况紧急", 3, "zh-CN"), "fit"));
  // Advice to other shoppers is not a suggestion to the store.
  CHECK_FALSE(has(run("建议买大一号", 3, "zh-CN"), "suggestion"));
  // Full-width letters fold: "ＸＬ" is "xl".
  CHECK(has(run("ＸＬ fits", 3, "en"), "fit"));
}

TEST_CASE("triage: terms apply to their own language", "[triage]") {
  // A German "Gift" is poison, an English gift is not: "giftig" is the German
  // term, and English terms do not run on German text.
  CHECK(run("Bought it as a gift for my sister", 1, "en").priority != Priority::Urgent);
  CHECK(run("Das Material ist giftig!", 3, "de").priority == Priority::Urgent);
  CHECK_FALSE(has(run("Great value", 5, "de"), "value"));  // "value" is an English term
  CHECK(has(run("La taille est parfaite", 5, "fr-CA"), "fit"));
  CHECK_FALSE(has(run("Envío rápido", 5, "en"), "logistics"));
  CHECK(has(run("Envío rápido", 5, "es"), "logistics"));
  // Unknown language: every term applies.
  CHECK(has(run("Envío rápido", 5, ""), "logistics"));
}

TEST_CASE("triage: priority from content and rating", "[triage][priority]") {
  CHECK(run("My daughter got a rash from it, allergic reaction", 5).priority == Priority::Urgent);
  CHECK(run("This is a scam, the seller is fake", 3).priority == Priority::Urgent);
  CHECK(run("The charger caught fire", 4).priority == Priority::Urgent);
  CHECK(run("孩子穿了过敏", 3, "zh-CN").priority == Priority::Urgent);
  CHECK(run("子供がアレルギーを起こした", 3, "ja").priority == Priority::Urgent);
  CHECK(run("Arrived broken, I want a refund", 1).priority == Priority::High);
  CHECK(run("Arrived broken, I want a refund", 2).priority == Priority::High);
  CHECK(run("Arrived broken, I want a refund", 3).priority == Priority::Normal);
  CHECK(run("Arrived broken, I want a refund", 4).priority == Priority::Normal);
  CHECK(run("Wrong item in the box", 1).priority == Priority::High);
  CHECK(run("收到就坏了，要求退款", 1, "zh-CN").priority == Priority::High);
  CHECK(run("Nice dress, I like it", 2).priority == Priority::Normal);
  CHECK(run("Lovely dress", 4).priority == Priority::Low);
  CHECK(run("Lovely dress", 5).priority == Priority::Low);
  CHECK(run("A question about sizing", 0).priority == Priority::Normal);
  CHECK(run("Five stars but it arrived damaged", 5).priority == Priority::Normal);
  CHECK(std::string(priority_name(Priority::Urgent)) == "urgent");
}

TEST_CASE("triage: a low rating about a late parcel is high", "[triage][priority]") {
  // The console walk of issue 15: a 1-star review about a late parcel is
  // tagged logistics and shown as high priority.
  const Triage en = run("The parcel arrived two weeks late.", 1);
  CHECK(has(en, "logistics"));
  CHECK(en.priority == Priority::High);
  CHECK(run("Delayed for a month, still waiting", 2).priority == Priority::High);
  CHECK(run("物流太慢，等了好久才到", 1, "zh-CN").priority == Priority::High);
  CHECK(run("物流太慢，等了好久才到", 1, "zh-TW").priority == Priority::High);
  CHECK(run("Die Lieferung kam drei Wochen verspätet", 1, "de").priority == Priority::High);
  CHECK(run("Le colis est arrivé en retard", 2, "fr").priority == Priority::High);
  // A content reviewer who mentions it is not raised; "late" is a whole word.
  CHECK(run("Arrived a day late but I love it", 5).priority == Priority::Normal);
  CHECK(run("Chocolate brown, lovely", 2).priority == Priority::Normal);
}

TEST_CASE("triage: simple negation does not raise the priority", "[triage][priority]") {
  CHECK(run("Not broken, not damaged, no defects at all", 5).priority == Priority::Low);
  CHECK(run("It didn't break in the wash", 4).priority == Priority::Low);
  CHECK(run("没有破损，很满意", 5, "zh-CN").priority == Priority::Low);
  CHECK(run("No allergy problems with this fabric", 5).priority == Priority::Low);
  // A clause break ends the negation; a "t" that is not "n't" negates nothing.
  CHECK(run("No, it arrived broken", 1).priority == Priority::High);
  CHECK(run("My t-shirt ripped", 1).priority == Priority::High);
  // Negated matches stay in the evidence, marked.
  const Triage t = run("not broken", 5);
  REQUIRE_FALSE(t.evidence.empty());
  CHECK(t.evidence.back().negated);
}

TEST_CASE("triage: evidence spans point into the original text", "[triage]") {
  const std::string title = "Größe passt";
  const std::string body = "Die QUALITÄT ist gut.";
  ReviewText review;
  review.title = title;
  review.body = body;
  review.rating = 5;
  review.language = "de";
  const Triage t = triage_review(review);
  REQUIRE(t.evidence.size() >= 2);
  CHECK(t.evidence[0].field == "title");
  for (const MatchedTerm& m : t.evidence) {
    const std::string& src = m.field == "title" ? title : body;
    const std::string span = src.substr(m.begin, m.end - m.begin);
    if (m.term == "qualitat*") CHECK(span == "QUALITÄT");
    if (m.term == "grosse") CHECK(span == "Größe");
  }
}

TEST_CASE("triage: spam risk from the validator's flags", "[triage][spam]") {
  using vouch::Flag;
  CHECK(spam_risk_from_flags({}) == SpamRisk::None);
  CHECK(spam_risk_from_flags({Flag{"shouting", "body", ""}}) == SpamRisk::Low);
  CHECK(spam_risk_from_flags({Flag{"contains_link", "body", "x.example"}}) == SpamRisk::Medium);
  CHECK(spam_risk_from_flags({Flag{"shouting", "body", ""}, Flag{"profanity", "body", "x"}}) ==
        SpamRisk::Medium);
  CHECK(spam_risk_from_flags({Flag{"honeypot", "", ""}}) == SpamRisk::High);
  CHECK(spam_risk_from_flags({Flag{"near_duplicate", "body", "97"}}) == SpamRisk::High);
  CHECK(
      spam_risk_from_flags({Flag{"contains_email", "body", ""}, Flag{"contains_phone", "body", ""},
                            Flag{"repeated_words", "body", ""}}) == SpamRisk::High);
  // Two links are one signal.
  CHECK(spam_risk_from_flags({Flag{"contains_email", "body", "a"},
                              Flag{"contains_email", "title", "b"}}) == SpamRisk::Low);
  const std::vector<Flag> flags = {Flag{"too_fast", "", "900 ms"}};
  ReviewText review;
  review.body = "fine";
  review.flags = &flags;
  CHECK(triage_review(review).spam == SpamRisk::Medium);
  CHECK(std::string(spam_risk_name(SpamRisk::High)) == "high");
}

TEST_CASE("triage: hostile text", "[triage]") {
  CHECK(run("\xff\xfe broken").tags.empty());
  CHECK(run(std::string(200000, 'a')).tags.empty());
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "fit ";
  CHECK(run(many).tags == std::vector<std::string>{"fit"});
  CHECK(run("").tags.empty());
  CHECK(run(std::string("fit\0broken", 10), 1).priority == Priority::High);
}

TEST_CASE("triage: the default config covers 7 tags and 6 term languages", "[triage][config]") {
  const TriageConfig& config = default_triage_config();
  REQUIRE(config.tags.size() == 7);
  const char* ids[] = {"quality", "logistics", "service",   "fit",
                       "value",   "packaging", "suggestion"};
  for (std::size_t i = 0; i < 7; ++i) {
    CHECK(config.tags[i].id == ids[i]);
    for (const char* locale : {"en", "zh", "ja", "es", "fr", "de"}) {
      bool found = false;
      for (const Term& t : config.tags[i].terms) found = found || t.locale == locale;
      INFO(ids[i] << " " << locale);
      CHECK(found);
    }
  }
  CHECK(config.urgent_terms.size() > 50);
  CHECK(config.problem_terms.size() > 50);
  // Round trip: what the console shows the owner parses back to the same config.
  const auto again = parse_triage_config(triage_config_to_json(config));
  REQUIRE(again.ok());
  CHECK(triage_config_to_json(again.value()) == triage_config_to_json(config));
}

TEST_CASE("triage: the store renames, adds and removes tags and terms", "[triage][config]") {
  auto config = parse_triage_config(R"({
    "tags": [
      {"id": "quality", "label": "Qualität", "terms": ["defect*", "质量"]},
      {"id": "colour", "label": "Colour", "terms": ["colour", "color", {"text": "颜色", "locale": "zh"},
                                                    {"text": "red", "except": ["red flag"]}]}
    ],
    "urgent_terms": ["recall"],
    "high_max_rating": 1, "low_min_rating": 5})");
  REQUIRE(config.ok());
  const Tagger tagger(config.value());
  ReviewText review;
  review.body = "The colour is off and it is defective";
  review.rating = 2;
  review.language = "en";
  const Triage t = tagger.run(review);
  CHECK(t.tags == std::vector<std::string>{"quality", "colour"});
  CHECK(t.priority ==
        Priority::Normal);  // rating 2 > high_max_rating 1; default problem terms kept
  review.body = "A red flag";
  CHECK(tagger.run(review).tags.empty());
  review.body = "There is a recall on this";
  CHECK(tagger.run(review).priority == Priority::Urgent);
  review.body = "safety issue, fire";  // urgent terms were replaced
  CHECK(tagger.run(review).priority != Priority::Urgent);
  review.body = "颜色很好";
  review.language = "zh-CN";
  CHECK(tagger.run(review).tags == std::vector<std::string>{"colour"});
  review.language = "ja";
  CHECK(tagger.run(review).tags.empty());
  CHECK(config.value().tags[0].label == "Qualität");
  CHECK(parse_triage_config("").value().tags.size() == 7);
  CHECK(parse_triage_config(R"({"tags": []})").value().tags.empty());
}

TEST_CASE("triage: config errors name the path", "[triage][config]") {
  const std::pair<const char*, const char*> bad[] = {
      {"nope", "triage: not valid JSON"},
      {"[]", "triage: expected an object"},
      {R"({"tag": []})", "triage.tag: unknown key"},
      {R"({"tags": {}})", "triage.tags: expected an array of at most 64 tags"},
      {R"({"tags": ["x"]})", "triage.tags[0]: expected an object {\"id\", \"label\", \"terms\"}"},
      {R"({"tags": [{"id": "a"}, {"id": "b"}, {"id": "c", "terms": [""]}]})",
       "triage.tags[2].terms[0]: expected a non-empty string of at most 100 bytes"},
      {R"({"tags": [{"id": "a", "terms": ["*"]}]})",
       "triage.tags[0].terms[0]: expected a non-empty string of at most 100 bytes"},
      {R"({"tags": [{"id": "a", "terms": [7]}]})",
       "triage.tags[0].terms[0]: expected a non-empty string or an object {\"text\", \"locale\", "
       "\"except\"}"},
      {R"({"tags": [{"id": "a", "terms": [{"txt": "x"}]}]})",
       "triage.tags[0].terms[0].txt: unknown key"},
      {R"({"tags": [{"id": "a", "terms": [{"text": "x", "locale": "d e"}]}]})",
       "triage.tags[0].terms[0].locale: expected a language tag such as \"de\" or \"zh-TW\""},
      {R"({"tags": [{"id": "a", "terms": [{"text": "x", "except": [""]}]}]})",
       "triage.tags[0].terms[0].except[0]: expected a non-empty string of at most 100 bytes"},
      {R"({"tags": [{"id": "Bad Id"}]})",
       "triage.tags[0].id: expected 1-32 characters a-z, 0-9, _ or -"},
      {R"({"tags": [{"label": "x"}]})",
       "triage.tags[0].id: expected 1-32 characters a-z, 0-9, _ or -"},
      {R"({"tags": [{"id": "a"}, {"id": "a"}]})", "triage.tags[1].id: duplicate tag id \"a\""},
      {R"({"tags": [{"id": "a", "label": 5}]})",
       "triage.tags[0].label: expected a string of at most 60 bytes"},
      {R"({"urgent_terms": "fire"})",
       "triage.urgent_terms: expected an array of at most 2000 terms"},
      {R"({"problem_terms": ["ok", "\u0000"]})",
       "triage.problem_terms[1]: expected a non-empty string of at most 100 bytes"},
      {R"({"high_max_rating": 9})", "triage.high_max_rating: expected integer 0..5"},
      {R"({"high_max_rating": 4, "low_min_rating": 4})",
       "triage.low_min_rating: must be greater than high_max_rating"},
  };
  for (const auto& [json, message] : bad) {
    INFO(json);
    auto r = parse_triage_config(json);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().to_string() == message);
  }
}
