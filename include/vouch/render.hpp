#pragma once
// The widget's markup as HTML strings. One renderer serves the browser (the
// shim puts the strings into a Shadow DOM) and the server (the crawlable
// `fragment` route), so nothing here assumes JavaScript: every control is a
// real <button>/<input>/<select> that also reads sensibly as static HTML, and
// interactive ones carry `data-action` for the shim's event delegation.
//
// Safety rule: every value that came from a user or a store passes through
// `append_escaped()` exactly once, in text and in attributes alike; URLs must
// also pass `is_safe_url()` (http/https only) or they are not emitted at all.
//
// Dates are emitted as <time datetime="YYYY-MM-DD"> with the ISO date as text;
// the shim re-formats them with Intl.DateTimeFormat in the page's locale (the
// core has no <locale>, which would cost ~100 KB of wasm).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vouch/i18n.hpp"
#include "vouch/model.hpp"
#include "vouch/policy.hpp"
#include "vouch/summary.hpp"

namespace vouch::render {

// ---- primitives --------------------------------------------------------------

// Appends `text` HTML-escaped for both text and (double- or single-quoted)
// attribute context: & < > " ' become entities; CR becomes &#13; (the HTML
// parser would turn a raw CR into LF); NUL and invalid UTF-8 become U+FFFD.
void append_escaped(std::string& out, std::string_view text);
std::string escape(std::string_view text);

// True for absolute http:// or https:// URLs (scheme case-insensitive) with a
// host and no ASCII whitespace or control characters. Everything else
// (javascript:, data:, relative, protocol-relative) is refused.
bool is_safe_url(std::string_view url);

// One decimal, round half up, with the locale's decimal separator: 4.25 ->
// "4.3" (en) / "4,3" (de). No printf("%f") (size) and no <locale>.
std::string format_one_decimal(double value, i18n::Locale locale);

// "2026-03-01" for seconds since the Unix epoch (UTC), proleptic Gregorian.
std::string iso_date(std::int64_t epoch_seconds);

// A star rating with its text equivalent: role="img" and aria-label
// "4.3 out of 5 stars"; the filled width is a CSS class in half-star steps
// (no inline style, which a strict style-src would block).
std::string stars(double rating, i18n::Locale locale);

// ---- inputs ------------------------------------------------------------------

// The shopper's current view: filters, sort, search, page. The shim keeps it
// in the URL hash; the façade turns it into a vouch::Query.
struct ViewState {
  std::uint8_t star_mask = 0;  // bit (n-1) set = show n-star reviews; 0 = all
  bool verified_only = false;
  bool with_media = false;
  std::string topic;            // "" = any
  std::string search;           // "" = none
  std::string sort = "newest";  // a sort_order_name() of query.hpp
  std::uint32_t page = 0;       // 0-based
  std::uint32_t page_size = 10;
  bool show_more = false;  // true: "show more" shows pages 0..page; false: numbered pager
};

// How the store collects and checks reviews: drives the "how reviews are
// collected and checked" note (EU Omnibus directive).
struct StoreConfig {
  bool verifies_purchases = true;  // signed review links after an order
  bool moderates_before_publishing = true;
  bool accepts_unverified = true;          // the on-page form is open to anyone
  std::vector<std::string> imported_from;  // apps reviews were imported from
  bool offers_incentives = false;
};

// One review to show, with the search matches found in it (byte ranges into
// its title/body, from QueryResult::highlights).
struct CardInput {
  Review review;
  std::uint32_t index = 0;  // the review's index in the snapshot (votes/reports/photos)
  std::vector<std::pair<std::size_t, std::size_t>> title_marks;
  std::vector<std::pair<std::size_t, std::size_t>> body_marks;
};

// Facet counts under the current filters (QueryResult::facets with topic
// names resolved).
struct ListFacets {
  std::uint32_t total = 0;
  std::array<std::uint32_t, 5> stars{};
  std::uint32_t verified = 0;
  std::uint32_t with_media = 0;
  std::vector<std::pair<std::string, std::uint32_t>> topics;  // name, count (count > 0)
};

struct Options {
  i18n::Locale locale = i18n::Locale::En;
  std::size_t read_more_graphemes = 280;  // longer bodies get a "read more" cut here
  std::string id_prefix = "v";            // unique ids when several widgets share a page
};

// The sorts the query engine offers, in menu order (sort_order_name() ids).
inline constexpr std::string_view kSortIds[] = {"newest",         "oldest",       "highest",
                                                "lowest",         "most_helpful", "media_first",
                                                "featured_first", "relevance"};

// ---- pieces ------------------------------------------------------------------

// Average, count, clickable histogram (each row a filter button), recommend
// percentage, aspect averages. Covers every published review.
std::string summary(const Summary& summary, const ViewState& state, const Options& options);
// Verified toggle, photo toggle, topic chips, search box, sort menu.
std::string controls(const ListFacets& facets, const ViewState& state, const Options& options);
std::string review_card(const CardInput& card, const Options& options);
// Status line, the cards, and the pager or "show more".
std::string review_list(const std::vector<CardInput>& cards, const ListFacets& facets,
                        const ViewState& state, const Options& options);
std::string collection_note(const StoreConfig& config, const Options& options);
// The write-a-review form, sized by the store's Policy (lengths, aspects, photos).
std::string review_form(const Policy& policy, const Options& options);
std::string lightbox_shell(const Options& options);
// The report reasons: one list in model.hpp, shared with the server.
using vouch::kReportReasons;
// The report picker a card's "Report" button opens (form module): a reason
// to choose (none preselected), "Send report" and "Cancel", and the texts the
// shim shows after sending (data-sent, data-failed, data-required).
std::string report_picker(const Options& options);
// A compact star badge for product cards: stars, the average and a compact
// count ("4.3 (20K)"), with the exact count ("20,000 reviews") for screen readers.
std::string badge(std::uint32_t average_tenths, std::uint32_t count, const Options& options);
// The "Write a review" button that opens the form (aria-controls = the form).
std::string write_button(const Options& options);
// Where the form goes once the shopper asks for it: an empty, hidden element
// with the form's id (the form module renders review_form() into its place).
std::string form_slot(const Options& options);

// The crawlable whole: summary + controls + list + note + "write a review"
// button. The shim renders the same pieces; the server's fragment route serves
// this string.
std::string widget(const Summary& summary_data, const ListFacets& facets,
                   const std::vector<CardInput>& cards, const ViewState& state,
                   const StoreConfig& config, const Options& options);

// A UI string from the widget's catalog (ui_messages.cpp), formatted, NOT escaped.
std::string ui(std::string_view key, const i18n::Params& params, i18n::Locale locale);
// Strings only the form module shows (report picker, "published" after a
// submit): a table of their own, so the first-render module does not carry them.
std::string form_ui(std::string_view key, const i18n::Params& params, i18n::Locale locale);

}  // namespace vouch::render
