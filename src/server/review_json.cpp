#include "review_json.hpp"

#include "vouch/snapshot.hpp"

namespace vouch::server {

std::string_view api_verification_name(Verification verification) {
  // The admin API and the export have always said "unverified" where the
  // snapshot format says "unverified_web" (import accepts both); the rest are
  // the core's names.
  if (verification == Verification::UnverifiedWeb) return "unverified";
  return vouch::verification_name(verification);
}

json admin_review_json(const StoredReview& stored) {
  const Review& r = stored.review;
  json media = json::array();
  for (const Media& m : r.media) {
    media.push_back({{"kind", m.kind == Media::Kind::Video ? "video" : "photo"},
                     {"url", m.url},
                     {"width", m.width},
                     {"height", m.height}});
  }
  json aspects = json::object();
  for (const AspectRating& a : r.aspects) aspects[a.name] = a.value;
  json out = {{"id", r.id},
              {"product_id", r.product_id},
              {"status", stored.status},
              {"rating", r.rating},
              {"title", r.title},
              {"body", r.body},
              {"author", r.author},
              {"email", stored.email},
              {"language", r.language},
              {"verification", api_verification_name(r.verification)},
              {"source", r.source},
              {"source_verified", stored.source_verified},
              {"incentivized", r.incentivized},
              {"featured", r.featured},
              {"created", format_utc(r.created)},
              {"updated", format_utc(r.updated)},
              {"helpful_up", r.helpful_up},
              {"helpful_down", r.helpful_down},
              {"report_count", stored.report_count},
              {"moderation_reason", stored.moderation_reason},
              {"flags", split_list(stored.flags)},
              {"aspects", aspects},
              {"media", media},
              {"topics", r.topics}};
  out["recommends"] =
      r.recommends == Recommends::Unset ? json(nullptr) : json(r.recommends == Recommends::Yes);
  out["reply"] = r.reply.text.empty()
                     ? json(nullptr)
                     : json({{"text", r.reply.text}, {"time", format_utc(r.reply.time)}});
  return out;
}

}  // namespace vouch::server
