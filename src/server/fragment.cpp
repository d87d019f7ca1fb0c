// The crawlable fragment: the core's widget markup (the same renderer the
// browser uses, so there is no drift) plus schema.org JSON-LD, for stores that
// include reviews server-side.

#include <set>

#include "app.hpp"
#include "questions/question_page.hpp"
#include "snapshot_cache.hpp"
#include "vouch/query.hpp"
#include "vouch/render.hpp"
#include "vouch/summary.hpp"

namespace vouch::server {

std::string render_fragment(const App& app, const std::string& product_id,
                            const CachedSnapshot& cached, const std::string& locale_tag) {
  const Snapshot& snapshot = cached.snapshot;
  render::ViewState state;  // newest first, first page: what a crawler should see
  Query query;
  query.sort = SortOrder::Newest;
  query.limit = state.page_size;
  Result<QueryResult> result = run_query(snapshot, query);

  render::ListFacets facets;
  std::vector<render::CardInput> cards;
  if (result) {
    const QueryResult& found = result.value();
    facets.total = found.total;
    facets.stars = found.facets.stars;
    facets.verified = found.facets.verified;
    facets.with_media = found.facets.with_media;
    for (std::size_t t = 0; t < found.facets.topics.size(); ++t) {
      if (found.facets.topics[t] > 0) {
        facets.topics.emplace_back(std::string(snapshot.topic_name(t)), found.facets.topics[t]);
      }
    }
    for (std::uint32_t index : found.page) {
      render::CardInput card;
      card.review = snapshot.review_at(index);
      card.index = index;
      cards.push_back(std::move(card));
    }
  }

  render::StoreConfig store;
  store.verifies_purchases = !app.config.hmac_secret.empty();
  store.moderates_before_publishing = app.config.moderation != ModerationMode::None;
  std::set<std::string> apps;
  for (std::size_t i = 0; i < snapshot.size(); ++i) {
    const std::string_view source = snapshot.source(i);
    if (source.rfind("import:", 0) == 0) apps.insert(std::string(source.substr(7)));
  }
  store.imported_from.assign(apps.begin(), apps.end());

  render::Options options;
  options.locale = i18n::resolve_locale(locale_tag);
  std::string html = render::widget(cached.summary, facets, cards, state, store, options);
  html += "\n<script type=\"application/ld+json\">";
  html += json_ld(snapshot, 10);
  html += "</script>\n";
  html += questions::question_links(app, product_id, options.locale);
  return html;
}

}  // namespace vouch::server
