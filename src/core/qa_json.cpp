// The public questions JSON (vouch/qa.hpp): the one reader (tolerant of a
// broken row: skipped with its path, never the whole list) and writer, and the
// per-row rules both apply.
#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "vouch/qa.hpp"
#include "vouch/review_rules.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/url.hpp"
#include "vouch/utf8.hpp"

namespace vouch {

namespace {

using nlohmann::json;

std::optional<Error> at(std::string path, std::string message) {
  return Error{std::move(path), std::move(message), ErrorKind::Invalid};
}

std::string index_path(const std::string& base, std::size_t i) {
  return base + "[" + std::to_string(i) + "]";
}

bool has_control(std::string_view s) {
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

std::optional<Error> check_id(const std::string& id, const std::string& path) {
  if (id.empty() || id.size() > kMaxQaIdBytes || has_control(id) || !utf8::is_valid(id))
    return at(path, "expected a non-empty string of at most " + std::to_string(kMaxQaIdBytes) +
                        " bytes without control characters");
  return std::nullopt;
}

std::optional<Error> check_text(const std::string& text, const std::string& path, bool required) {
  if (required && text.empty()) return at(path, "expected a non-empty string");
  if (text.size() > kMaxQaTextBytes)
    return at(path, "longer than " + std::to_string(kMaxQaTextBytes) + " bytes");
  if (!utf8::is_valid(text)) return at(path, "invalid UTF-8");
  return std::nullopt;
}

// "" or a path on the same site ("/q/abc", not "//host") or http(s).
bool is_question_url(std::string_view u) {
  if (u.empty()) return true;
  if (url::is_http_url(u)) return true;
  if (u[0] != '/' || (u.size() > 1 && (u[1] == '/' || u[1] == '\\'))) return false;
  for (char c : u) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F || c == '\\') return false;
  }
  return true;
}

// ---- reading: each member with its type, the first problem wins -------------
class Row {
 public:
  Row(const json& object, std::string path) : object_(object), path_(std::move(path)) {}

  const std::optional<Error>& error() const { return error_; }

  void string(const char* key, std::string& out, bool required) {
    const json* v = find(key);
    if (!v) {
      if (required) fail(key, "required");
      return;
    }
    if (const auto* s = v->get_ptr<const std::string*>())
      out = *s;
    else
      fail(key, "expected a string");
  }
  void time(const char* key, std::int64_t& out) {
    std::string text;
    string(key, text, true);
    if (!error_ && !parse_utc(text, out)) fail(key, "expected \"YYYY-MM-DDTHH:MM:SSZ\"");
  }
  void count(const char* key, std::uint32_t& out) {
    const json* v = find(key);
    if (!v) return;  // 0
    std::int64_t n = 0;
    if (!detail::integer_value(*v, n) || n < 0 || n > UINT32_MAX)
      fail(key, "expected integer 0..4294967295");
    else
      out = static_cast<std::uint32_t>(n);
  }
  void fail(const std::string& key, std::string message) {
    if (!error_) error_ = at(path_ + "." + key, std::move(message));
  }
  void adopt(std::optional<Error> e) {
    if (!error_ && e) error_ = at(path_ + "." + e->path, e->message);
  }

 private:
  const json* find(const char* key) const {
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  const json& object_;
  std::string path_;
  std::optional<Error> error_;
};

std::optional<Answer> read_answer(const json& v, const std::string& path,
                                  std::vector<Error>& skipped) {
  if (!v.is_object()) {
    skipped.push_back(*at(path, "expected an object"));
    return std::nullopt;
  }
  Answer a;
  Row r(v, path);
  r.string("id", a.id, true);
  r.string("text", a.text, true);
  r.string("author", a.author, false);
  std::string badge = "none";
  r.string("badge", badge, false);
  if (!r.error()) {
    if (std::optional<AnswerBadge> b = parse_answer_badge(badge))
      a.badge = *b;
    else
      r.fail("badge", "expected \"store\", \"verified_buyer\" or \"none\"");
  }
  if (!r.error()) r.time("created", a.created);
  if (!r.error()) r.count("helpful", a.helpful);
  if (!r.error()) r.adopt(check_answer(a));
  if (r.error()) {
    skipped.push_back(*r.error());
    return std::nullopt;
  }
  return a;
}

std::optional<Question> read_question(const json& v, const std::string& path,
                                      std::vector<Error>& skipped) {
  if (!v.is_object()) {
    skipped.push_back(*at(path, "expected an object"));
    return std::nullopt;
  }
  Question q;
  Row r(v, path);
  r.string("id", q.id, true);
  r.string("text", q.text, true);
  r.string("author", q.author, false);
  if (!r.error()) r.time("created", q.created);
  if (!r.error()) r.string("url", q.url, false);
  const auto answers = v.find("answers");
  if (!r.error() && (answers == v.end() || !answers->is_array()))
    r.fail("answers", "expected an array");
  if (!r.error()) {
    const std::string list = path + ".answers";
    for (std::size_t i = 0; i < answers->size(); ++i) {
      if (i == kMaxAnswersPerQuestion) {
        skipped.push_back(*at(list, "more than " + std::to_string(kMaxAnswersPerQuestion) +
                                        " answers; the rest skipped"));
        break;
      }
      if (std::optional<Answer> a = read_answer((*answers)[i], index_path(list, i), skipped))
        q.answers.push_back(std::move(*a));
    }
    if (q.answers.empty()) r.fail("answers", "no readable answer");
  }
  if (!r.error()) r.adopt(check_question(q));
  if (r.error()) {
    skipped.push_back(*r.error());
    return std::nullopt;
  }
  return q;
}

json answer_json(const Answer& a) {
  return {{"id", a.id},
          {"text", a.text},
          {"author", a.author},
          {"badge", std::string(answer_badge_name(a.badge))},
          {"created", format_utc(a.created)},
          {"helpful", a.helpful}};
}

}  // namespace

std::string_view answer_badge_name(AnswerBadge badge) {
  switch (badge) {
    case AnswerBadge::Store:
      return "store";
    case AnswerBadge::VerifiedBuyer:
      return "verified_buyer";
    case AnswerBadge::None:
      break;
  }
  return "none";
}

std::optional<AnswerBadge> parse_answer_badge(std::string_view name) {
  if (name == "none") return AnswerBadge::None;
  if (name == "store") return AnswerBadge::Store;
  if (name == "verified_buyer") return AnswerBadge::VerifiedBuyer;
  return std::nullopt;
}

std::optional<Error> check_answer(const Answer& a) {
  if (auto e = check_id(a.id, "id")) return e;
  if (auto e = check_text(a.text, "text", true)) return e;
  if (auto e = check_text(a.author, "author", false)) return e;
  if (static_cast<std::uint8_t>(a.badge) > 2) return at("badge", "unknown badge");
  if (!is_review_time(a.created)) return at("created", "time outside years 0000..9999");
  return std::nullopt;
}

std::optional<Error> check_question(const Question& q) {
  if (auto e = check_id(q.id, "id")) return e;
  if (auto e = check_text(q.text, "text", true)) return e;
  if (auto e = check_text(q.author, "author", false)) return e;
  if (!is_review_time(q.created)) return at("created", "time outside years 0000..9999");
  if (!utf8::is_valid(q.url) || !is_question_url(q.url))
    return at("url", "expected \"\", a path starting with one \"/\" or an http(s) URL");
  for (std::size_t i = 0; i < q.answers.size(); ++i) {
    if (auto e = check_answer(q.answers[i])) {
      e->path = index_path("answers", i) + "." + e->path;
      return e;
    }
  }
  return std::nullopt;
}

Result<QuestionListRead> parse_question_list(std::string_view text) {
  if (text.size() > kMaxQuestionListBytes)
    return Error{"", "larger than " + std::to_string(kMaxQuestionListBytes) + " bytes"};
  if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos)
    return Error{"", "invalid UTF-8 at byte " + std::to_string(bad), ErrorKind::Syntax};
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return Error{"", "not valid JSON", ErrorKind::Syntax};
  if (!doc.is_object()) return Error{"", "expected a JSON object"};
  std::int64_t version = 0;
  const auto v = doc.find("version");
  if (v == doc.end() || !detail::integer_value(*v, version) || version != kQuestionListVersion)
    return Error{"version", "expected 1"};
  QuestionListRead read;
  if (const auto p = doc.find("product_id"); p != doc.end() && !p->is_null()) {
    const auto* s = p->get_ptr<const std::string*>();
    if (!s || check_id(*s, "product_id")) return Error{"product_id", "expected an id string"};
    read.list.product_id = *s;
  }
  const auto list = doc.find("questions");
  if (list == doc.end() || !list->is_array()) return Error{"questions", "expected an array"};
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (i == kMaxQuestions) {
      read.skipped.push_back(*at("questions", "more than " + std::to_string(kMaxQuestions) +
                                                  " questions; the rest skipped"));
      break;
    }
    if (std::optional<Question> q =
            read_question((*list)[i], index_path("questions", i), read.skipped))
      read.list.questions.push_back(std::move(*q));
  }
  return read;
}

std::string question_list_to_json(const QuestionList& list) {
  json questions = json::array();
  for (const Question& q : list.questions) {
    json answers = json::array();
    for (const Answer& a : q.answers) answers.push_back(answer_json(a));
    questions.push_back({{"id", q.id},
                         {"text", q.text},
                         {"author", q.author},
                         {"created", format_utc(q.created)},
                         {"url", q.url},
                         {"answers", std::move(answers)}});
  }
  const json doc = {{"version", kQuestionListVersion},
                    {"product_id", list.product_id},
                    {"count", list.questions.size()},
                    {"questions", std::move(questions)}};
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vouch
