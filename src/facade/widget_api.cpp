#include "widget_api.hpp"

#include <nlohmann/json.hpp>

#include "vouch/utf8.hpp"
#include "vouch/version.hpp"

namespace vouch::facade {

namespace {

using Json = nlohmann::json;

std::string sanitize_prefix(const std::string& raw) {
  std::string prefix = raw.empty() ? "v" : raw.substr(0, 40);
  for (char& c : prefix) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) c = '-';
  }
  return prefix;
}

struct Rendered {
  std::vector<render::CardInput> cards;
  render::ListFacets facets;
};

// Runs the query for `state` and gathers what the renderer needs.
Result<Rendered> query_for(ReviewStore& store, const render::ViewState& state) {
  QueryOptions options;
  options.stars = state.star_mask;
  options.verified_only = state.verified_only;
  options.with_media = state.with_media;
  options.topic = state.topic;
  options.text = state.search;
  options.sort = state.sort;
  // "Show more" shows every page up to the current one in one list.
  options.offset = state.show_more ? 0 : double(state.page) * state.page_size;
  options.limit = state.show_more ? double(state.page + 1) * state.page_size : state.page_size;
  const QueryAnswer answer = store.query(options);
  if (!answer.ok) return Error{"query", answer.message};

  Rendered out;
  out.facets.total = answer.total;
  out.facets.stars = answer.star_counts;
  out.facets.verified = answer.verified_count;
  out.facets.with_media = answer.with_media_count;
  const auto& topic_counts = store.topic_facets();
  for (std::uint32_t id = 0; id < topic_counts.size(); ++id) {
    // Keep the chip of the selected topic even when its count drops to 0.
    const std::string name = store.topic_name(id);
    if (topic_counts[id] > 0 || name == state.topic)
      out.facets.topics.emplace_back(name, topic_counts[id]);
  }
  const Snapshot& snapshot = store.snapshot();
  const auto& highlights = store.highlights();
  for (std::uint32_t index : store.page()) {
    render::CardInput card;
    card.review = snapshot.review_at(index);
    card.index = index;
    for (std::size_t h = 0; h + 3 < highlights.size(); h += 4) {
      if (highlights[h] != index) continue;
      auto& marks = highlights[h + 1] == 0 ? card.title_marks : card.body_marks;
      marks.emplace_back(highlights[h + 2], highlights[h + 3]);
    }
    out.cards.push_back(std::move(card));
  }
  return out;
}

// Reads an optional boolean member; a present non-boolean is an error.
bool read_bool(const Json& object, const char* key, bool& target, Error& error) {
  const auto it = object.find(key);
  if (it == object.end()) return true;
  if (!it->is_boolean()) {
    error = Error{std::string("config.") + key, "expected true or false"};
    return false;
  }
  target = it->get<bool>();
  return true;
}

}  // namespace

std::string core_version() { return vouch::version(); }

render::Options make_render_options(const std::string& locale, const std::string& id_prefix) {
  render::Options options;
  options.locale = i18n::resolve_locale(locale);
  options.id_prefix = sanitize_prefix(id_prefix);
  return options;
}

WidgetRender render_failure(std::string code, std::string message) {
  WidgetRender answer;
  answer.ok = false;
  answer.code = std::move(code);
  answer.message = std::move(message);
  return answer;
}

Result<render::ViewState> to_view_state(const WidgetView& view) {
  if (view.stars < 0 || view.stars > 31) return Error{"view.stars", "expected integer 0..31"};
  if (view.page < 0 || view.page > 100000) return Error{"view.page", "expected integer 0..100000"};
  if (view.page_size < 1 || view.page_size > 100) {
    return Error{"view.page_size", "expected integer 1..100"};
  }
  if (!parse_sort_order(view.sort)) return Error{"view.sort", "unknown sort \"" + view.sort + "\""};
  if (view.search.size() > 1000) return Error{"view.search", "longer than 1000 bytes"};
  if (view.topic.size() > 1000) return Error{"view.topic", "longer than 1000 bytes"};
  if (!utf8::is_valid(view.search) || !utf8::is_valid(view.topic)) {
    return Error{"view.search", "not valid UTF-8"};
  }
  render::ViewState state;
  state.star_mask = static_cast<std::uint8_t>(view.stars);
  state.verified_only = view.verified;
  state.with_media = view.media;
  state.topic = view.topic;
  state.search = view.search;
  state.sort = view.sort;
  state.page = static_cast<std::uint32_t>(view.page);
  state.page_size = static_cast<std::uint32_t>(view.page_size);
  state.show_more = view.show_more;
  return state;
}

Result<render::StoreConfig> parse_store_config(const std::string& json_text) {
  render::StoreConfig config;
  if (json_text.empty()) return config;
  const Json json = Json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (json.is_discarded()) return Error{"config", "invalid JSON"};
  if (!json.is_object()) return Error{"config", "expected an object"};
  Error error;
  if (!read_bool(json, "verifies_purchases", config.verifies_purchases, error) ||
      !read_bool(json, "moderates_before_publishing", config.moderates_before_publishing, error) ||
      !read_bool(json, "accepts_unverified", config.accepts_unverified, error) ||
      !read_bool(json, "offers_incentives", config.offers_incentives, error)) {
    return error;
  }
  const auto apps = json.find("imported_from");
  if (apps != json.end()) {
    if (!apps->is_array()) return Error{"config.imported_from", "expected an array of strings"};
    for (std::size_t i = 0; i < apps->size(); ++i) {
      const Json& app = (*apps)[i];
      if (!app.is_string()) {
        return Error{"config.imported_from[" + std::to_string(i) + "]", "expected a string"};
      }
      config.imported_from.push_back(app.get<std::string>());
    }
  }
  return config;
}

WidgetRender render_view(ReviewStore& store, const WidgetView& view, const std::string& locale,
                         const std::string& id_prefix) {
  auto state = to_view_state(view);
  if (!state) return render_failure("invalid_view", state.error().to_string());
  auto rendered = query_for(store, state.value());
  if (!rendered) return render_failure("invalid_query", rendered.error().to_string());
  const render::Options options = make_render_options(locale, id_prefix);
  WidgetRender answer;
  answer.total = static_cast<int>(rendered.value().facets.total);
  answer.shown = static_cast<int>(rendered.value().cards.size());
  answer.html = render::summary(store.core_summary(), state.value(), options);
  answer.html += render::controls(rendered.value().facets, state.value(), options);
  answer.html +=
      render::review_list(rendered.value().cards, rendered.value().facets, state.value(), options);
  return answer;
}

WidgetRender render_shell(const ShellConfig& shell, const std::string& locale,
                          const std::string& id_prefix) {
  render::StoreConfig config;
  config.verifies_purchases = shell.verifies_purchases;
  config.moderates_before_publishing = shell.moderates_before_publishing;
  config.accepts_unverified = shell.accepts_unverified;
  config.offers_incentives = shell.offers_incentives;
  if (!utf8::is_valid(shell.imported_from)) {
    return render_failure("invalid_config", "config.imported_from: not valid UTF-8");
  }
  std::size_t start = 0;
  while (start < shell.imported_from.size()) {
    std::size_t end = shell.imported_from.find('\n', start);
    if (end == std::string::npos) end = shell.imported_from.size();
    if (end - start > 100) {
      return render_failure("invalid_config", "config.imported_from[" +
                                                  std::to_string(config.imported_from.size()) +
                                                  "]: longer than 100 bytes");
    }
    if (end > start) config.imported_from.emplace_back(shell.imported_from, start, end - start);
    start = end + 1;
  }
  if (config.imported_from.size() > 20) {
    return render_failure("invalid_config", "config.imported_from: more than 20 apps");
  }
  const render::Options options = make_render_options(locale, id_prefix);
  WidgetRender answer;
  answer.html = render::collection_note(config, options);
  answer.html += render::write_button(options);
  answer.html += render::form_slot(options);
  answer.html += render::lightbox_shell(options);
  return answer;
}

WidgetRender render_fragment(ReviewStore& store, const WidgetView& view,
                             const std::string& config_json, const std::string& locale) {
  auto state = to_view_state(view);
  if (!state) return render_failure("invalid_view", state.error().to_string());
  auto config = parse_store_config(config_json);
  if (!config) return render_failure("invalid_config", config.error().to_string());
  auto rendered = query_for(store, state.value());
  if (!rendered) return render_failure("invalid_query", rendered.error().to_string());
  const render::Options options = make_render_options(locale, "v");
  WidgetRender answer;
  answer.total = static_cast<int>(rendered.value().facets.total);
  answer.shown = static_cast<int>(rendered.value().cards.size());
  answer.html = render::widget(store.core_summary(), rendered.value().facets,
                               rendered.value().cards, state.value(), config.value(), options);
  return answer;
}

std::string render_badge(int average_tenths, int count, const std::string& locale) {
  const auto tenths = static_cast<std::uint32_t>(average_tenths < 0 ? 0 : average_tenths);
  const auto reviews = static_cast<std::uint32_t>(count < 0 ? 0 : count);
  return render::badge(tenths, reviews, make_render_options(locale, "v"));
}

std::string ui_text(const std::string& key, int count, const std::string& locale) {
  return render::ui(key, {{"count", std::to_string(count)}}, i18n::resolve_locale(locale));
}

std::string resolve_locale(const std::string& tag) {
  return std::string(i18n::locale_tag(i18n::resolve_locale(tag)));
}

}  // namespace vouch::facade
