// The check before a reply is published: personal data and requests to
// change or remove the review. Heuristics on folded text (full-width digits
// and letters fold to ASCII), spans mapped back to the reply's bytes.

#include <algorithm>
#include <string_view>

#include "console_match.hpp"
#include "vouch/reply_template.hpp"
#include "vouch/utf8.hpp"

namespace vouch::reply {

namespace {

using console::PreparedText;
using console::Word;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }
bool is_local_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) { return is_alnum(c) || c == '-' || c == '.'; }

void add(std::vector<ReplyWarning>& out, ReplyWarningKind kind, const PreparedText& t,
         std::size_t begin, std::size_t end) {
  out.push_back({kind, t.folded.source_of_begin(begin), t.folded.source_of_end(end)});
}

// user@example.com: a local part, "@", a domain with a dot and a TLD of 2+ letters.
void find_emails(const PreparedText& t, std::vector<ReplyWarning>& out) {
  const std::string& s = t.folded.text;
  std::size_t from = 0;
  for (std::size_t at = s.find('@'); at != std::string::npos; at = s.find('@', from)) {
    from = at + 1;
    std::size_t begin = at;
    while (begin > 0 && is_local_char(s[begin - 1])) --begin;
    while (begin < at && (s[begin] == '.' || s[begin] == '-')) ++begin;
    std::size_t end = at + 1;
    while (end < s.size() && is_domain_char(s[end])) ++end;
    while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-')) --end;
    if (begin == at || end == at + 1) continue;
    const std::string_view domain(s.data() + at + 1, end - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0) continue;
    const std::string_view tld = domain.substr(dot + 1);
    if (tld.size() < 2 ||
        !std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      continue;
    add(out, ReplyWarningKind::Email, t, begin, end);
    from = end;
  }
}

bool is_phone_separator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

// Whether a run of digits and separators reads as a phone number. Formats:
// +CC ... (8-15 digits), 00CC ... (10-15), a national number with trunk 0
// (DE 030 1234567, FR 06 12 34 56 78, UK 020 7946 0958, JP 03-1234-5678;
// 9-12 digits), US/CA (212) 555-0123 / 1-800-555-0123 (grouped), ES 612 345
// 678 (9 digits, grouped, first 6-9), CN mobile 1[3-9]xxxxxxxxx (11 digits,
// plain or 3-4-4). Plain digit runs otherwise are left alone (order numbers).
bool reads_as_phone(std::string_view run) {
  std::string digits;
  std::size_t groups = 0;
  bool in_group = false;
  for (char c : run) {
    if (is_digit(c)) {
      digits += c;
      if (!in_group) ++groups;
      in_group = true;
    } else {
      in_group = false;
    }
  }
  const std::size_t d = digits.size();
  const bool plus = run.front() == '+';
  if (plus) return d >= 8 && d <= 15;
  if (digits.compare(0, 2, "00") == 0) return d >= 10 && d <= 15;
  if (d == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9' &&
      (groups == 1 || groups == 3))
    return true;  // China mobile
  if (digits[0] == '0') return d >= 9 && d <= 12;
  if (groups >= 2 && d == 10) return true;                                         // US/CA
  if (groups >= 3 && d == 11 && digits[0] == '1') return true;                     // 1-800-...
  if (groups >= 3 && d == 9 && digits[0] >= '6' && digits[0] <= '9') return true;  // ES
  return false;
}

void find_phones(const PreparedText& t, std::vector<ReplyWarning>& out) {
  const std::string& s = t.folded.text;
  std::size_t i = 0;
  while (i < s.size()) {
    const bool starts =
        is_digit(s[i]) || ((s[i] == '+' || s[i] == '(') && i + 1 < s.size() && is_digit(s[i + 1]));
    const char prev = i > 0 ? s[i - 1] : ' ';
    if (!starts || is_alnum(prev) || prev == '#' || prev == '-' || prev == '/' || prev == '.') {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < s.size()) {
      const char c = s[end];
      if (is_digit(c)) {
        ++end;
      } else if (is_phone_separator(c) && end + 1 < s.size() &&
                 (is_digit(s[end + 1]) || (c == ')' && s[end + 1] == ' ') ||
                  (c == ' ' && s[end + 1] == '('))) {
        ++end;
      } else {
        break;
      }
    }
    while (end > i && !is_digit(s[end - 1])) --end;
    const bool glued = end < s.size() && is_alnum(s[end]);
    if (!glued && reads_as_phone(std::string_view(s).substr(i, end - i)))
      add(out, ReplyWarningKind::Phone, t, i, end);
    i = end > i ? end : i + 1;
  }
}

// ---- asking to change or remove the review -----------------------------------
// A verb (change, remove, 删除 ...) near an object (review, rating, 评价 ...)
// in the same clause. Latin: verb then object with at most 3 words between
// (German also object then verb); CJK: either order, at most 6 characters
// between.
struct ChangeRequestLexicon {
  std::vector<console::CompiledTerm> verbs;
  std::vector<console::CompiledTerm> objects;
  bool object_first_too = false;
  bool cjk = false;
};

std::vector<console::CompiledTerm> compile(std::initializer_list<const char*> terms) {
  std::vector<console::CompiledTerm> out;
  for (const char* t : terms) out.push_back(console::compile_term(t));
  return out;
}

const std::vector<ChangeRequestLexicon>& lexicons() {
  static const std::vector<ChangeRequestLexicon> all = [] {
    std::vector<ChangeRequestLexicon> l;
    // en
    l.push_back(
        {compile({"chang*", "updat*", "remov*", "delet*", "edit*", "revis*", "modif*", "amend*",
                  "reconsider*", "withdraw*", "retract*", "raise", "increase", "upgrade", "adjust*",
                  "take down", "bump up", "redo"}),
         compile({"review*", "rating*", "feedback", "comment*", "star", "stars", "evaluation*"}),
         false, false});
    // es
    l.push_back({compile({"cambi*", "modifi*", "elimin*", "borr*", "retir*", "actualic*",
                          "actualiz*", "edit*", "quit*", "subir", "suba", "aumentar"}),
                 compile({"resena*", "opinion*", "valoracion*", "calificacion*", "comentario*",
                          "puntuacion*", "estrellas"}),
                 false, false});
    // fr
    l.push_back({compile({"modifi*", "chang*", "supprim*", "retir*", "mettre a jour", "revoir",
                          "revoyez", "effac*", "edit*", "augment*", "remont*"}),
                 compile({"avis", "commentaire*", "note", "evaluation*", "etoiles"}), false,
                 false});
    // de (ä ö ü fold to a o u)
    l.push_back(
        {compile({"andern", "andert", "abandern", "abzuandern", "loschen", "losch*", "entfern*",
                  "bearbeit*", "aktualisier*", "zuruckziehen", "zuruckzuziehen", "uberarbeit*",
                  "anpass*", "korrigier*", "erhohen", "hochsetzen", "nachbessern"}),
         compile({"bewertung*", "rezension*", "kommentar*", "sterne*", "beurteilung*"}), true,
         false});
    // zh-CN + zh-TW (both spellings until folding maps Traditional to Simplified)
    l.push_back(
        {compile({"删除", "删掉", "删了", "删去", "撤销", "撤回", "撤掉", "修改", "更改", "改成",
                  "改为", "改一下", "改掉", "取消", "刪除", "刪掉", "刪了", "撤銷", "改為"}),
         compile({"评价", "评论", "差评", "中评", "好评", "评分", "星级", "五星", "評價", "評論",
                  "負評", "差評", "好評", "評分", "星級"}),
         true, true});
    // ja
    l.push_back({compile({"削除", "変更", "修正", "取り下げ", "取消", "書き直", "書き換え",
                          "消して", "上げて", "編集"}),
                 compile({"レビュー", "評価", "口コミ", "クチコミ", "星"}), true, true});
    return l;
  }();
  return all;
}

constexpr std::string_view kCjkClauseBreaks[] = {"，", "。", "！", "？", "、", "；", "：",
                                                 ",",  ".",  "!",  "?",  ";",  "\n"};

bool clause_between(std::string_view s) {
  for (std::string_view b : kCjkClauseBreaks)
    if (s.find(b) != std::string_view::npos) return true;
  return false;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Index of the first word starting at or after folded offset `pos`.
std::size_t word_index(const PreparedText& t, std::size_t pos) {
  return static_cast<std::size_t>(
      std::lower_bound(t.words.begin(), t.words.end(), pos,
                       [](const Word& w, std::size_t p) { return w.begin < p; }) -
      t.words.begin());
}

bool near(const PreparedText& t, const Word& first, const Word& second, bool cjk) {
  if (second.begin < first.end) return false;
  const std::string_view gap =
      std::string_view(t.folded.text).substr(first.end, second.begin - first.end);
  if (clause_between(gap)) return false;
  if (cjk) return code_points(gap) <= 6;
  const std::size_t between = word_index(t, second.begin) - word_index(t, first.end);
  return between <= 3;
}

void find_change_requests(const PreparedText& t, std::vector<ReplyWarning>& out) {
  for (const ChangeRequestLexicon& lex : lexicons()) {
    std::vector<Word> verbs, objects;
    for (const auto& v : lex.verbs)
      for (const Word& w : console::find_term(t, v)) verbs.push_back(w);
    if (verbs.empty()) continue;
    for (const auto& o : lex.objects)
      for (const Word& w : console::find_term(t, o)) objects.push_back(w);
    std::sort(objects.begin(), objects.end(),
              [](const Word& a, const Word& b) { return a.begin < b.begin; });
    // Only objects within kWindow bytes of a verb can be near it: a text with
    // thousands of both stays linear-ish instead of verbs x objects.
    constexpr std::size_t kWindow = 256;
    for (const Word& v : verbs) {
      const std::size_t from = v.begin > kWindow ? v.begin - kWindow : 0;
      auto it = std::lower_bound(objects.begin(), objects.end(), from,
                                 [](const Word& w, std::size_t pos) { return w.begin < pos; });
      for (; it != objects.end() && it->begin <= v.end + kWindow; ++it) {
        const Word& o = *it;
        if (near(t, v, o, lex.cjk))
          add(out, ReplyWarningKind::AsksToChangeReview, t, v.begin, o.end);
        else if (lex.object_first_too && near(t, o, v, lex.cjk))
          add(out, ReplyWarningKind::AsksToChangeReview, t, o.begin, v.end);
      }
    }
  }
}

}  // namespace

const char* reply_warning_code(ReplyWarningKind kind) {
  switch (kind) {
    case ReplyWarningKind::Email:
      return "email";
    case ReplyWarningKind::Phone:
      return "phone";
    case ReplyWarningKind::AsksToChangeReview:
      return "asks_to_change_review";
  }
  return "unknown";
}

std::vector<ReplyWarning> check_reply(std::string_view text) {
  std::vector<ReplyWarning> warnings;
  if (!utf8::is_valid(text)) return warnings;
  const PreparedText prepared = console::prepare_text(text);
  find_emails(prepared, warnings);
  find_phones(prepared, warnings);
  find_change_requests(prepared, warnings);
  std::sort(warnings.begin(), warnings.end(), [](const ReplyWarning& a, const ReplyWarning& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  // one warning per kind and span (a verb may meet two objects)
  warnings.erase(std::unique(warnings.begin(), warnings.end(),
                             [](const ReplyWarning& a, const ReplyWarning& b) {
                               return a.kind == b.kind && a.begin < b.end && b.begin < a.end;
                             }),
                 warnings.end());
  return warnings;
}

}  // namespace vouch::reply
