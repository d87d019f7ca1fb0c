#include "widget_api.hpp"

#include "answers.hpp"
#include "vouch/render_view.hpp"
#include "vouch/version.hpp"

namespace vouch::facade {

std::string core_version() { return vouch::version(); }

render::Options make_render_options(const std::string& locale, const std::string& id_prefix) {
  render::Options options;
  options.locale = i18n::resolve_locale(locale);
  options.id_prefix = sanitize_id_prefix(id_prefix);
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
  // Ranges first, as ints: a negative number must not wrap into a valid one.
  if (view.stars < 0 || view.stars > 31) return Error{"view.stars", "expected integer 0..31"};
  if (view.page < 0 || view.page > 100000) return Error{"view.page", "expected integer 0..100000"};
  if (view.page_size < 1 || view.page_size > 100) {
    return Error{"view.page_size", "expected integer 1..100"};
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
  if (std::optional<Error> bad = render::check_view(state)) return *bad;
  return state;
}

WidgetRender render_view(ReviewStore& store, const WidgetView& view, const std::string& locale,
                         const std::string& id_prefix) {
  auto state = to_view_state(view);
  if (!state) return render_failure("invalid_view", state.error().to_string());
  auto rendered = render::view(store.snapshot(), store.core_summary(), state.value(),
                               make_render_options(locale, id_prefix));
  if (!rendered) return render_failure("invalid_query", rendered.error().to_string());
  WidgetRender answer;
  answer.total = static_cast<int>(rendered.value().total);
  answer.shown = static_cast<int>(rendered.value().shown);
  answer.html = std::move(rendered.value().html);
  return answer;
}

WidgetRender render_shell(const ShellConfig& shell, const std::string& locale,
                          const std::string& id_prefix) {
  render::StoreConfig config;
  config.verifies_purchases = shell.verifies_purchases;
  config.moderates_before_publishing = shell.moderates_before_publishing;
  config.accepts_unverified = shell.accepts_unverified;
  config.offers_incentives = shell.offers_incentives;
  std::size_t start = 0;
  while (start < shell.imported_from.size()) {
    std::size_t end = shell.imported_from.find('\n', start);
    if (end == std::string::npos) end = shell.imported_from.size();
    if (end > start) config.imported_from.emplace_back(shell.imported_from, start, end - start);
    start = end + 1;
  }
  if (std::optional<Error> bad = render::check_store_config(config)) {
    return render_failure("invalid_config", bad->to_string());
  }
  const render::Options options = make_render_options(locale, id_prefix);
  WidgetRender answer;
  answer.html = render::shell(config, options);
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
