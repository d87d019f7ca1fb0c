// One review card: stars, title, text with "read more", author, date, badges,
// aspects, photos, merchant reply, helpful buttons, report.
#include <algorithm>
#include <charconv>

#include "render_util.hpp"
#include "vouch/render.hpp"
#include "vouch/text.hpp"

namespace vouch::render {

namespace {

using Marks = std::vector<std::pair<std::size_t, std::size_t>>;

// `text[0, limit)` escaped, with the byte ranges in `marks` wrapped in <mark>.
// Ranges are clipped to the limit and to each other (hostile or stale ranges
// can never split a tag or read past the text).
void append_marked(std::string& out, std::string_view text, const Marks& marks, std::size_t limit) {
  limit = std::min(limit, text.size());
  std::size_t pos = 0;
  for (const auto& [raw_begin, raw_end] : marks) {
    const std::size_t begin = std::max(pos, std::min(raw_begin, limit));
    const std::size_t end = std::min(raw_end, limit);
    if (end <= begin) continue;
    append_escaped(out, text.substr(pos, begin - pos));
    out += "<mark>";
    append_escaped(out, text.substr(begin, end - begin));
    out += "</mark>";
    pos = end;
  }
  append_escaped(out, text.substr(pos, limit - pos));
}

std::string_view badge_key(Verification verification) {
  switch (verification) {
    case Verification::VerifiedPurchase:
      return "badge_verified";
    case Verification::Imported:
      return "badge_imported";
    case Verification::Staff:
      return "badge_staff";
    default:
      return "badge_unverified";
  }
}

// "import:judge.me" -> "judge.me" (how the badge names the app).
std::string_view import_source_name(std::string_view source) {
  const std::size_t colon = source.find(':');
  return colon == std::string_view::npos ? source : source.substr(colon + 1);
}

void append_body(std::string& out, const CardInput& card, const Options& options) {
  const std::string& body = card.review.body;
  const std::size_t cut = text::grapheme_prefix_bytes(body, options.read_more_graphemes);
  out += "<div class=\"v-body\">";
  if (cut >= body.size()) {
    out += "<p class=\"v-text\">";
    append_marked(out, body, card.body_marks, body.size());
    out += "</p></div>";
    return;
  }
  // A search match past the cut opens the card already expanded, so the
  // shopper sees why it matched.
  const bool expanded =
      std::any_of(card.body_marks.begin(), card.body_marks.end(),
                  [&](const auto& mark) { return mark.first < body.size() && mark.second > cut; });
  std::size_t short_end = cut;
  while (short_end > 0 && (body[short_end - 1] == ' ' || body[short_end - 1] == '\n')) --short_end;
  out += "<p class=\"v-text\"";
  open_hook(out, dom::hook::kPart);
  out += "short\"";
  if (expanded) out += " hidden";
  out += ">";
  append_marked(out, body, card.body_marks, short_end);
  out += "\xE2\x80\xA6</p><p class=\"v-text\"";
  open_hook(out, dom::hook::kPart);
  out += "full\"";
  if (!expanded) out += " hidden";
  out += ">";
  append_marked(out, body, card.body_marks, body.size());
  const std::string more = ui("read_more", {}, options.locale);
  const std::string less = ui("read_less", {}, options.locale);
  out += "</p><button type=\"button\" class=\"v-link\"";
  append_action(out, dom::action::kExpand);
  out += " aria-expanded=\"";
  out += expanded ? "true" : "false";
  out += '"';
  open_hook(out, dom::hook::kMoreText);
  append_escaped(out, more);
  out += '"';
  open_hook(out, dom::hook::kLessText);
  append_escaped(out, less);
  out += "\">";
  append_escaped(out, expanded ? less : more);
  out += "</button></div>";
}

void append_photos(std::string& out, const CardInput& card, const std::string& author,
                   const Options& options) {
  const auto& media = card.review.media;
  std::size_t photos = 0;
  for (const auto& item : media) photos += item.kind == Media::Kind::Photo && is_safe_url(item.url);
  if (photos == 0) return;
  out += "<ul class=\"v-photos\" aria-label=\"";
  append_escaped(out, ui("photos_label", {}, options.locale));
  out += "\">";
  std::size_t n = 0;
  for (std::size_t k = 0; k < media.size(); ++k) {
    const Media& item = media[k];
    if (item.kind != Media::Kind::Photo || !is_safe_url(item.url)) continue;
    ++n;
    out += "<li><button type=\"button\" class=\"v-photo\"";
    append_action(out, dom::action::kPhoto);
    open_hook(out, dom::hook::kReview);
    append_number(out, card.index);
    out += '"';
    open_hook(out, dom::hook::kMediaIndex);
    append_number(out, k);
    out += "\"><img src=\"";
    append_escaped(out, item.url);
    out += "\" alt=\"";
    append_escaped(
        out,
        ui("photo_alt", {{"n", number_text(n)}, {"total", number_text(photos)}, {"author", author}},
           options.locale));
    out += "\" loading=\"lazy\" decoding=\"async\"";
    if (item.width > 0 && item.height > 0) {
      out += " width=\"";
      append_number(out, item.width);
      out += "\" height=\"";
      append_number(out, item.height);
      out += "\"";
    }
    out += "></button></li>";
  }
  out += "</ul>";
}

}  // namespace

std::string review_card(const CardInput& card, const Options& options) {
  const Review& review = card.review;
  const i18n::Locale locale = options.locale;
  const std::string author = review.author.empty() ? ui("anonymous", {}, locale) : review.author;
  std::string out;
  out.reserve(1024 + review.body.size() * 2);
  out += "<article class=\"v-card\"";
  open_hook(out, dom::hook::kReview);
  append_number(out, card.index);
  out += '"';
  open_hook(out, dom::hook::kId);
  append_escaped(out, review.id);
  out += "\"";
  if (!review.language.empty()) {
    out += " lang=\"";
    append_escaped(out, review.language);
    out += "\"";
  }
  out += "><div class=\"v-card-head\">";
  out += stars(review.rating, locale);
  if (!review.title.empty()) {
    out += "<h3 class=\"v-title\">";
    append_marked(out, review.title, card.title_marks, review.title.size());
    out += "</h3>";
  }
  out += "</div><p class=\"v-meta\"><span class=\"v-author\">";
  append_escaped(out, author);
  out += "</span> <time class=\"v-date\" datetime=\"";
  const std::string date = iso_date(review.created);
  out += date;
  out += "\">";
  out += date;
  out += "</time></p><ul class=\"v-badges\"><li class=\"v-badge v-badge-";
  out += review.verification == Verification::VerifiedPurchase ? "verified" : "other";
  out += "\">";
  append_escaped(out, ui(badge_key(review.verification),
                         {{"source", std::string(import_source_name(review.source))}}, locale));
  out += "</li>";
  if (review.incentivized) {
    out += "<li class=\"v-badge v-badge-incentive\">";
    append_escaped(out, ui("incentivized", {}, locale));
    out += "</li>";
  }
  if (review.featured) {
    out += "<li class=\"v-badge\">";
    append_escaped(out, ui("featured", {}, locale));
    out += "</li>";
  }
  out += "</ul>";
  append_body(out, card, options);
  if (!review.aspects.empty()) {
    out += "<dl class=\"v-aspects\">";
    for (const auto& aspect : review.aspects) {
      out += "<div><dt>";
      append_escaped(out, aspect_label(aspect.name, locale));
      out += "</dt><dd>";
      out += stars(aspect.value, locale);
      out += "</dd></div>";
    }
    out += "</dl>";
  }
  if (review.recommends != Recommends::Unset) {
    out += "<p class=\"v-recommends\">";
    append_escaped(
        out,
        ui(review.recommends == Recommends::Yes ? "recommends_yes" : "recommends_no", {}, locale));
    out += "</p>";
  }
  append_photos(out, card, author, options);
  if (!review.reply.text.empty()) {
    out += "<div class=\"v-reply\"><p class=\"v-reply-head\">";
    append_escaped(out, ui("reply_heading", {}, locale));
    if (review.reply.time > 0) {
      const std::string reply_date = iso_date(review.reply.time);
      out += " <time class=\"v-date\" datetime=\"" + reply_date + "\">" + reply_date + "</time>";
    }
    out += "</p><p class=\"v-text\">";
    append_escaped(out, review.reply.text);
    out += "</p></div>";
  }
  // The vote buttons say only "Yes (3)"; aria-describedby adds the question.
  std::string question_id = options.id_prefix + "-q-";
  append_number(question_id, card.index);
  out += "<div class=\"v-actions\"><span class=\"v-helpful-q\" id=\"";
  append_escaped(out, question_id);
  out += "\">";
  append_escaped(out, ui("helpful_question", {}, locale));
  out += "</span>";
  for (const char* vote : {"up", "down"}) {
    const bool up = vote[0] == 'u';
    out += " <button type=\"button\" class=\"v-small\"";
    append_action(out, dom::action::kVote);
    open_hook(out, dom::hook::kValue);
    out += vote;
    out += '"';
    open_hook(out, dom::hook::kReview);
    append_number(out, card.index);
    out += "\" aria-describedby=\"";
    append_escaped(out, question_id);
    out += "\">";
    append_escaped(
        out, ui(up ? "helpful_yes" : "helpful_no",
                {{"count", number_text(up ? review.helpful_up : review.helpful_down)}}, locale));
    out += "</button>";
  }
  out += " <button type=\"button\" class=\"v-link\"";
  append_action(out, dom::action::kReport);
  open_hook(out, dom::hook::kReview);
  append_number(out, card.index);
  out += "\">";
  append_escaped(out, ui("report", {}, locale));
  out += "</button></div></article>";
  return out;
}

}  // namespace vouch::render
