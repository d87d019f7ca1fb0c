#include "review_json.hpp"

#include "vouch/snapshot.hpp"

namespace vouch::server {

std::string_view verification_name(Verification verification) {
  switch (verification) {
    case Verification::UnverifiedWeb:
      return "unverified";
    case Verification::VerifiedPurchase:
      return "verified_purchase";
    case Verification::Imported:
      return "imported";
    case Verification::Staff:
      return "staff";
  }
  return "unverified";
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
              {"verification", verification_name(r.verification)},
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
