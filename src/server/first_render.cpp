#include "first_render.hpp"

#include "config.hpp"
#include "vouch/render_view.hpp"
#include "vouch/version.hpp"

namespace vouch::server {

Result<std::string> first_render_json(const std::string& product_id, const Snapshot& snapshot,
                                      const Summary& summary, const render::ViewState& state,
                                      const render::StoreConfig& config,
                                      const std::string& locale_tag) {
  render::Options options;
  options.locale = i18n::resolve_locale(locale_tag);
  options.id_prefix = kFirstRenderIdPrefix;
  Result<render::ViewMarkup> view = render::view(snapshot, summary, state, options);
  if (!view) return view.error();
  json body = {
      {"version", 1},
      {"product", product_id},
      {"core", vouch::version()},
      {"reviews", snapshot.size()},
      {"locale", std::string(i18n::locale_tag(options.locale))},
      {"id_prefix", kFirstRenderIdPrefix},
      // What was rendered, so the widget adopts it only when it is the view it wants.
      {"view",
       {{"stars", state.star_mask},
        {"verified", state.verified_only},
        {"media", state.with_media},
        {"topic", state.topic},
        {"search", state.search},
        {"sort", state.sort},
        {"page", state.page},
        {"page_size", state.page_size},
        {"show_more", state.show_more}}},
      {"config",
       {{"verifies_purchases", config.verifies_purchases},
        {"moderates_before_publishing", config.moderates_before_publishing},
        {"accepts_unverified", config.accepts_unverified},
        {"offers_incentives", config.offers_incentives},
        {"imported_from", config.imported_from}}},
      {"total", view.value().total},
      {"shown", view.value().shown},
      {"html", view.value().html},
      {"shell", render::shell(config, options)},
  };
  return dump_json(body);
}

Result<json> write_first_renders(const std::string& stem, const Snapshot& snapshot,
                                 const Summary& summary) {
  json files = json::object();
  const std::string name = stem.substr(stem.find_last_of('/') + 1);
  for (int l = 0; l <= static_cast<int>(i18n::Locale::De); ++l) {
    const std::string tag(i18n::locale_tag(static_cast<i18n::Locale>(l)));
    Result<std::string> body = first_render_json(snapshot.product().id, snapshot, summary,
                                                 render::ViewState{}, render::StoreConfig{}, tag);
    if (!body) return body.error();
    const std::string suffix = ".first-" + tag + ".json";
    if (Status s = write_text_file(stem + suffix, body.value()); !s) return s.error();
    files[tag] = name + suffix;
  }
  return files;
}

}  // namespace vouch::server
