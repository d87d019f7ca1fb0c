// The parts of the widget around the cards: summary with the clickable
// histogram, the filter/sort/search controls, the list with its status line
// and pager, the "how reviews are collected and checked" note.
#include <algorithm>

#include "render_util.hpp"
#include "vouch/render.hpp"

namespace vouch::render {

namespace {

void append_pressed(std::string& out, bool pressed) {
  out += pressed ? " aria-pressed=\"true\"" : " aria-pressed=\"false\"";
}

void append_ui(std::string& out, std::string_view key, const i18n::Params& params,
               i18n::Locale locale) {
  append_escaped(out, ui(key, params, locale));
}

std::string tenths_text(std::uint32_t tenths, i18n::Locale locale) {
  return format_one_decimal(tenths / 10.0, locale);
}

}  // namespace

std::string aspect_label(std::string_view name, i18n::Locale locale) {
  const std::string key = "aspect_" + std::string(name);
  std::string label = ui(key, {}, locale);
  return label == key ? std::string(name) : label;
}

std::string summary(const Summary& summary_data, const ViewState& state, const Options& options) {
  const i18n::Locale locale = options.locale;
  std::string out = "<section class=\"v-summary\" aria-label=\"";
  append_ui(out, "summary_label", {}, locale);
  out += "\"><div class=\"v-average\"><span class=\"v-average-number\">";
  out += tenths_text(summary_data.average_tenths, locale);
  out += "</span>";
  out += stars(summary_data.average_tenths / 10.0, locale);
  out += "<span class=\"v-count\">";
  append_ui(out, "review_count", {{"count", number_text(summary_data.count)}}, locale);
  out += "</span></div>";
  if (summary_data.has_recommend) {
    out += "<p class=\"v-recommend\">";
    append_ui(out, "recommend", {{"percent", number_text(summary_data.recommend_percent)}}, locale);
    out += "</p>";
  }
  out += "<div class=\"v-histogram\" role=\"group\" aria-label=\"";
  append_ui(out, "histogram_label", {}, locale);
  out += "\">";
  for (int rating = 5; rating >= 1; --rating) {
    const std::uint32_t percent = summary_data.histogram_percent[rating - 1];
    out += "<button type=\"button\" class=\"v-hist-row\"";
    append_action(out, dom::action::kStars);
    open_hook(out, dom::hook::kValue);
    append_number(out, static_cast<std::uint64_t>(rating));
    out += '"';
    append_pressed(out, (state.star_mask >> (rating - 1)) & 1);
    out += "><span class=\"v-hist-label\">";
    append_ui(out, "star_option", {{"count", number_text(rating)}}, locale);
    // <meter> draws the bar without an inline style (a strict style-src blocks those).
    out += "</span><meter class=\"v-bar\" min=\"0\" max=\"100\" value=\"";
    append_number(out, percent);
    out += "\" aria-hidden=\"true\"></meter><span class=\"v-hist-pct\">";
    append_number(out, percent);
    out += "% (";
    append_number(out, summary_data.histogram[rating - 1]);
    out += ")</span></button>";
  }
  out += "</div>";
  if (!summary_data.aspects.empty()) {
    out += "<dl class=\"v-aspect-averages\" aria-label=\"";
    append_ui(out, "aspects_heading", {}, locale);
    out += "\">";
    for (const auto& aspect : summary_data.aspects) {
      if (aspect.count == 0) continue;
      out += "<div><dt>";
      append_escaped(out, aspect_label(aspect.name, locale));
      out += "</dt><dd>";
      out += stars(aspect.average_tenths / 10.0, locale);
      out += "</dd></div>";
    }
    out += "</dl>";
  }
  out += "</section>";
  stamp_markup_hash(out, 0, options.id_prefix);
  return out;
}

std::string controls(const ListFacets& facets, const ViewState& state, const Options& options) {
  const i18n::Locale locale = options.locale;
  const std::string& id = options.id_prefix;
  std::string out = "<div class=\"v-controls\" role=\"group\" aria-label=\"";
  append_ui(out, "filters_label", {}, locale);
  out += "\"><div class=\"v-chips\"><button type=\"button\" class=\"v-chip\"";
  append_action(out, dom::action::kVerified);
  append_pressed(out, state.verified_only);
  out += ">";
  append_ui(out, "verified_only", {{"count", number_text(facets.verified)}}, locale);
  out += "</button><button type=\"button\" class=\"v-chip\"";
  append_action(out, dom::action::kMedia);
  append_pressed(out, state.with_media);
  out += ">";
  append_ui(out, "with_photos", {{"count", number_text(facets.with_media)}}, locale);
  out += "</button></div>";
  if (!facets.topics.empty()) {
    out += "<div class=\"v-chips v-topics\" role=\"group\" aria-label=\"";
    append_ui(out, "topics_label", {}, locale);
    out += "\">";
    for (const auto& [name, count] : facets.topics) {
      out += "<button type=\"button\" class=\"v-chip\"";
      append_action(out, dom::action::kTopic);
      open_hook(out, dom::hook::kValue);
      append_escaped(out, name);
      out += '"';
      append_pressed(out, state.topic == name);
      out += ">";
      append_ui(out, "topic_chip", {{"topic", name}, {"count", number_text(count)}}, locale);
      out += "</button>";
    }
    out += "</div>";
  }
  out += "<div class=\"v-row\"><form class=\"v-search\" role=\"search\"";
  append_action(out, dom::action::kSearch);
  out += "><label for=\"";
  append_escaped(out, id);
  out += "-search\">";
  append_ui(out, "search_label", {}, locale);
  out += "</label><input type=\"search\" id=\"";
  append_escaped(out, id);
  out += "-search\"";
  append_field_name(out, dom::field::kSearchQuery);
  out += " autocomplete=\"off\"";
  append_action(out, dom::action::kSearchInput);
  out += " value=\"";
  append_escaped(out, state.search);
  out += "\"><button type=\"submit\" class=\"v-small\">";
  append_ui(out, "search_button", {}, locale);
  out += "</button></form><div class=\"v-sort\"><label for=\"";
  append_escaped(out, id);
  out += "-sort\">";
  append_ui(out, "sort_label", {}, locale);
  out += "</label><select id=\"";
  append_escaped(out, id);
  out += "-sort\"";
  append_action(out, dom::action::kSort);
  out += ">";
  for (std::string_view sort : kSortIds) {
    // Relevance only means something while searching.
    if (sort == "relevance" && state.search.empty()) continue;
    out += "<option value=\"";
    out += sort;
    out += "\"";
    if (sort == state.sort) out += " selected";
    out += ">";
    append_ui(out, "sort_" + std::string(sort), {}, locale);
    out += "</option>";
  }
  out += "</select></div></div></div>";
  stamp_markup_hash(out, 0, options.id_prefix);
  return out;
}

std::string review_list(const std::vector<CardInput>& cards, const ListFacets& facets,
                        const ViewState& state, const Options& options) {
  const i18n::Locale locale = options.locale;
  const std::uint32_t page_size = std::max<std::uint32_t>(1, state.page_size);
  const std::uint64_t first = state.show_more ? 0 : std::uint64_t{state.page} * page_size;
  std::string out = "<div class=\"v-results\">";
  const bool filtered = state.star_mask != 0 || state.verified_only || state.with_media ||
                        !state.topic.empty() || !state.search.empty();
  // Focusable from script (tabindex -1, not in the tab order): the widget moves focus
  // here after a page turn, and patches this line in place, focus and all.
  constexpr const char* kStatusOpen = "<p class=\"v-status\" tabindex=\"-1\">";
  if (facets.total == 0 || cards.empty()) {
    out += kStatusOpen;
    append_ui(out, filtered ? "no_results" : "no_reviews", {}, locale);
    out += "</p>";
  } else {
    out += kStatusOpen;
    append_ui(out, "showing",
              {{"from", number_text(first + 1)},
               {"to", number_text(first + cards.size())},
               {"total", number_text(facets.total)}},
              locale);
    out += "</p>";
  }
  if (filtered) {
    out += "<button type=\"button\" class=\"v-link\"";
    append_action(out, dom::action::kClear);
    out += ">";
    append_ui(out, "clear_filters", {}, locale);
    out += "</button>";
  }
  if (!cards.empty()) {
    out += "<ol class=\"v-list\">";
    for (const CardInput& card : cards) {
      const std::size_t item = out.size();
      out += "<li>";
      out += review_card(card, options);
      out += "</li>";
      stamp_markup_hash(out, item, options.id_prefix);
    }
    out += "</ol>";
  }
  const std::uint64_t shown_end = first + cards.size();
  const std::uint64_t pages = (std::uint64_t{facets.total} + page_size - 1) / page_size;
  if (state.show_more) {
    if (shown_end < facets.total) {
      out += "<button type=\"button\" class=\"v-more\"";
      append_action(out, dom::action::kMore);
      out += ">";
      append_ui(out, "show_more", {}, locale);
      out += "</button>";
    }
  } else if (pages > 1) {
    out += "<nav class=\"v-pager\" aria-label=\"";
    append_ui(out, "pager_label", {}, locale);
    out += "\">";
    const std::uint64_t current = std::min<std::uint64_t>(state.page, pages - 1);
    // <button … data-action="page" data-value="PAGE" (the caller closes the tag).
    auto page_action = [&](std::uint64_t page) {
      out += "<button type=\"button\" class=\"v-page\"";
      append_action(out, dom::action::kPage);
      open_hook(out, dom::hook::kValue);
      append_number(out, page);
    };
    auto page_button = [&](std::uint64_t page, const std::string& label, bool is_current) {
      page_action(page);
      out += "\"";
      if (is_current) out += " aria-current=\"page\"";
      out += " aria-label=\"";
      append_ui(out, "page_n", {{"page", number_text(page + 1)}}, locale);
      out += "\">";
      append_escaped(out, label);
      out += "</button>";
    };
    if (current > 0) {
      page_action(current - 1);
      out += "\">";
      append_ui(out, "page_prev", {}, locale);
      out += "</button>";
    }
    // First, last and two either side of the current page.
    std::uint64_t last_shown = 0;
    for (std::uint64_t page = 0; page < pages; ++page) {
      const bool near = page + 2 >= current && page <= current + 2;
      if (page != 0 && page != pages - 1 && !near) continue;
      if (page > 0 && page != last_shown + 1)
        out += "<span aria-hidden=\"true\">\xE2\x80\xA6</span>";
      page_button(page, number_text(page + 1), page == current);
      last_shown = page;
    }
    if (current + 1 < pages) {
      page_action(current + 1);
      out += "\">";
      append_ui(out, "page_next", {}, locale);
      out += "</button>";
    }
    out += "</nav>";
  }
  out += "</div>";
  return out;
}

std::string collection_note(const StoreConfig& config, const Options& options) {
  const i18n::Locale locale = options.locale;
  std::string out = "<details class=\"v-note\"><summary>";
  append_ui(out, "note_heading", {}, locale);
  out += "</summary><ul>";
  auto item = [&](std::string_view key, const i18n::Params& params) {
    out += "<li>";
    append_ui(out, key, params, locale);
    out += "</li>";
  };
  item("note_all_published", {});
  item(config.moderates_before_publishing ? "note_moderated" : "note_not_moderated", {});
  if (config.verifies_purchases) item("note_verified", {});
  if (config.accepts_unverified) item("note_unverified", {});
  if (!config.imported_from.empty()) {
    std::string apps;
    for (const auto& app : config.imported_from) apps += (apps.empty() ? "" : ", ") + app;
    item("note_imported", {{"apps", apps}});
  }
  item(config.offers_incentives ? "note_incentives" : "note_no_incentives", {});
  out += "</ul></details>";
  return out;
}

std::string badge(std::uint32_t average_tenths, std::uint32_t count, const Options& options) {
  const i18n::Locale locale = options.locale;
  if (average_tenths > 50) average_tenths = 50;
  // One line in a product card's fixed 24 px box: the stars, the average and a
  // compact count ("(20K)"), each a flex item; what does not fit the card's
  // width wraps onto a line the box clips (styles.css), never over the price.
  // The exact count is read out from the hidden text.
  std::string out = "<span class=\"v-badge-stars\">";
  out += stars(average_tenths / 10.0, locale);
  if (count > 0) {
    out += "<span class=\"v-badge-avg\" aria-hidden=\"true\">";
    out += tenths_text(average_tenths, locale);
    out += "</span>";
  }
  out += "<span class=\"v-badge-count v-muted\" aria-hidden=\"true\">";
  append_ui(out, "badge_count", {{"count", i18n::compact_number(count, locale)}}, locale);
  out += "</span><span class=\"v-sr\">";
  append_ui(out, "review_count", {{"count", i18n::grouped_number(count, locale)}}, locale);
  out += "</span></span>";
  return out;
}

std::string write_button(const Options& options) {
  std::string out = "<button type=\"button\" class=\"v-primary\"";
  append_action(out, dom::action::kWrite);
  out += " aria-expanded=\"false\" aria-controls=\"";
  append_escaped(out, options.id_prefix);
  out += "-form\">";
  append_ui(out, "write_review", {}, options.locale);
  out += "</button>";
  return out;
}

std::string form_slot(const Options& options) {
  std::string out = "<div id=\"";
  append_escaped(out, options.id_prefix);
  out += "-form\"";
  append_hook(out, dom::hook::kFormSlot);
  out += " hidden></div>";
  return out;
}

std::string widget(const Summary& summary_data, const ListFacets& facets,
                   const std::vector<CardInput>& cards, const ViewState& state,
                   const StoreConfig& config, const Options& options) {
  std::string out = "<div class=\"vouch\" lang=\"";
  out += i18n::locale_tag(options.locale);
  out += "\">";
  out += summary(summary_data, state, options);
  out += controls(facets, state, options);
  out += review_list(cards, facets, state, options);
  out += collection_note(config, options);
  out += "</div>";
  return out;
}

}  // namespace vouch::render
