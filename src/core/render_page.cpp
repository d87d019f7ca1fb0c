// The view region from a Snapshot (render_view.hpp): the one path from a
// shopper's ViewState to markup, for the wasm and the server alike.
#include "vouch/render_view.hpp"
#include "vouch/utf8.hpp"

namespace vouch::render {

std::optional<Error> check_view(const ViewState& state) {
  if (state.star_mask > 31) return Error{"view.stars", "expected integer 0..31"};
  if (state.page > 100000) return Error{"view.page", "expected integer 0..100000"};
  if (state.page_size < 1 || state.page_size > 100) {
    return Error{"view.page_size", "expected integer 1..100"};
  }
  if (!parse_sort_order(state.sort)) {
    return Error{"view.sort", "unknown sort \"" + state.sort + "\""};
  }
  if (state.search.size() > 1000) return Error{"view.search", "longer than 1000 bytes"};
  if (state.topic.size() > 1000) return Error{"view.topic", "longer than 1000 bytes"};
  if (!utf8::is_valid(state.search)) return Error{"view.search", "not valid UTF-8"};
  if (!utf8::is_valid(state.topic)) return Error{"view.topic", "not valid UTF-8"};
  return std::nullopt;
}

std::optional<Error> check_store_config(const StoreConfig& config) {
  if (config.imported_from.size() > 20) {
    return Error{"config.imported_from", "more than 20 apps"};
  }
  for (std::size_t i = 0; i < config.imported_from.size(); ++i) {
    const std::string& app = config.imported_from[i];
    const std::string path = "config.imported_from[" + std::to_string(i) + "]";
    if (app.size() > 100) return Error{path, "longer than 100 bytes"};
    if (!utf8::is_valid(app)) return Error{path, "not valid UTF-8"};
  }
  return std::nullopt;
}

Result<ViewMarkup> view(const Snapshot& snapshot, const Summary& summary_data,
                        const ViewState& state, const Options& options) {
  if (std::optional<Error> bad = check_view(state)) return *bad;
  Query query;
  query.stars = state.star_mask;
  query.verified_only = state.verified_only;
  query.with_media = state.with_media;
  query.topic = state.topic;
  query.text = state.search;
  query.sort = *parse_sort_order(state.sort);
  // "Show more" shows every page up to the current one in one list.
  query.offset = state.show_more ? 0 : std::size_t{state.page} * state.page_size;
  query.limit = state.show_more ? std::size_t{state.page + 1} * state.page_size : state.page_size;
  Result<QueryResult> result = run_query(snapshot, query);
  if (!result) return Error{"query", result.error().to_string(), result.error().kind};
  const QueryResult& found = result.value();

  ListFacets facets;
  facets.total = found.total;
  facets.stars = found.facets.stars;
  facets.verified = found.facets.verified;
  facets.with_media = found.facets.with_media;
  for (std::size_t id = 0; id < found.facets.topics.size(); ++id) {
    // Keep the chip of the selected topic even when its count drops to 0.
    const std::string_view name = snapshot.topic_name(id);
    if (found.facets.topics[id] > 0 || name == state.topic)
      facets.topics.emplace_back(std::string(name), found.facets.topics[id]);
  }
  std::vector<CardInput> cards;
  cards.reserve(found.page.size());
  for (std::uint32_t index : found.page) {
    CardInput card;
    card.review = snapshot.review_at(index);
    card.index = index;
    for (const Highlight& h : found.highlights) {
      if (h.review != index) continue;
      auto& marks = h.field == TextField::Title ? card.title_marks : card.body_marks;
      marks.emplace_back(h.begin, h.end);
    }
    cards.push_back(std::move(card));
  }
  ViewMarkup out;
  out.total = facets.total;
  out.shown = static_cast<std::uint32_t>(cards.size());
  out.html = summary(summary_data, state, options);
  out.html += controls(facets, state, options);
  out.html += review_list(cards, facets, state, options);
  return out;
}

std::string shell(const StoreConfig& config, const Options& options) {
  std::string out = collection_note(config, options);
  out += write_button(options);
  out += form_slot(options);
  out += lightbox_shell(options);
  return out;
}

}  // namespace vouch::render
