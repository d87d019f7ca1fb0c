#include "app/submit.hpp"

#include <unistd.h>

#include <cstdio>
#include <mutex>

#include "app/publication.hpp"
#include "app/stored_review.hpp"
#include "http_util.hpp"
#include "inbox/inbox_triage.hpp"
#include "photos.hpp"
#include "review_link.hpp"
#include "review_store.hpp"
#include "vouch/utf8.hpp"
#include "webhooks/review_events.hpp"

namespace vouch::server::app {

namespace {

Problem invalid(std::vector<FieldError> fields) {
  Problem p =
      problem(Failure::Invalid, "validation_failed", "the review was not accepted; see errors");
  p.fields = std::move(fields);
  return p;
}

Problem storage(const char* what, const Error& error) {
  std::fprintf(stderr, "submit_review: %s: %s\n", what, error.to_string().c_str());
  return problem(Failure::Storage, "internal", std::string("could not ") + what);
}

std::string submitted_json(const Submitted& s) {
  return dump_json({{"id", s.id}, {"status", s.status}, {"verified", s.verified}});
}

std::optional<Submitted> submitted_from(const std::string& text) {
  const json doc = json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("id") || !doc["id"].is_string()) return std::nullopt;
  Submitted s;
  s.id = doc["id"].get<std::string>();
  s.status = doc.value("status", std::string());
  s.verified = doc.value("verified", false);
  s.replayed = true;
  return s;
}

// The earlier answer for this key, if any.
Result<std::optional<Submitted>> replay(Database& db, const std::string& key) {
  Result<std::optional<StoredResponse>> earlier = find_idempotent_response(db, key);
  if (!earlier) return earlier.error();
  if (!earlier.value()) return std::optional<Submitted>();
  return submitted_from(earlier.value()->body);
}

struct StoredPhoto {
  std::string name;
  CheckedPhoto info;
  std::size_t bytes = 0;
};

// Photos are staged as .part files until the review's transaction commits
// (photos.hpp: a crash never leaves an orphan).
void remove_photos(const std::string& dir, const std::vector<StoredPhoto>& photos) {
  std::vector<std::string> names;
  for (const StoredPhoto& photo : photos) names.push_back(photo.name);
  discard_staged_photos(dir, names);
}

void publish_photos(const std::string& dir, const std::vector<StoredPhoto>& photos) {
  std::vector<std::string> names;
  for (const StoredPhoto& photo : photos) names.push_back(photo.name);
  publish_staged_photos(dir, names);
}

}  // namespace

Outcome<Submitted> submit_review(App& app, const SubmitRequest& request) {
  Database& db = *app.db;
  const std::int64_t now = app.now();
  const Policy& policy = app.policy;

  // Keys are namespaced by product so two widgets cannot clash.
  if (request.idempotency_key.size() > 200)
    return problem(Failure::Malformed, "invalid_header", "Idempotency-Key too long");
  const std::string key =
      request.idempotency_key.empty() ? "" : request.product_id + "\n" + request.idempotency_key;
  if (!key.empty()) {
    Result<std::optional<Submitted>> earlier = replay(db, key);
    if (!earlier) return storage("read the Idempotency-Key", earlier.error());
    if (earlier.value()) return *earlier.value();
  }

  if (std::int64_t wait = app.per_ip->hit(request.ip, now); wait > 0) {
    Problem p = problem(Failure::RateLimited, "rate_limited",
                        "too many reviews from this address; try again later");
    p.retry_after = wait;
    return p;
  }
  if (std::int64_t wait = app.per_product->hit(request.product_id, now); wait > 0) {
    Problem p = problem(Failure::RateLimited, "rate_limited",
                        "too many reviews for this product; try again later");
    p.retry_after = wait;
    return p;
  }

  if (!utf8::is_valid(request.review_json))
    return problem(Failure::Malformed, "invalid_utf8", "review is not valid UTF-8");
  const json body = json::parse(request.review_json, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return problem(Failure::Malformed, "invalid_json", "review must be a JSON object");

  std::vector<FieldError> type_errors;
  Result<Submission> parsed = parse_submission(request.review_json, policy, &type_errors);
  if (!type_errors.empty()) return invalid(type_errors);
  if (!parsed) return invalid({FieldError{parsed.error().path, "wrong_type", {}}});
  Submission submission = parsed.value();

  // Photos: the policy's limits (the form checks the same ones), and the
  // declared types replaced by what the bytes are.
  if (request.photos.size() > policy.photos.max_count) {
    return invalid({FieldError{"photos",
                               "too_many_photos",
                               {{"max", std::to_string(policy.photos.max_count)},
                                {"actual", std::to_string(request.photos.size())}}}});
  }
  if (!request.photos.empty()) {
    if (std::optional<FieldError> refused = photo_uploads_unavailable(app.config))
      return invalid({*refused});
  }
  // Each photo decoded for its real type and size (image_probe.hpp). One over
  // the policy's byte limit is not decoded: the validator refuses it
  // (photo_too_large), and its errors and the decoder's are answered together.
  std::vector<CheckedPhoto> images;
  std::vector<FieldError> photo_errors;
  submission.photos.clear();
  for (std::size_t i = 0; i < request.photos.size(); ++i) {
    const std::string& bytes = request.photos[i];
    CheckedPhoto info;
    if (bytes.size() <= policy.photos.max_bytes) info = check_photo(bytes, i, app.config.limits);
    if (info.error) photo_errors.push_back(*info.error);
    submission.photos.push_back(
        SubmittedPhoto{info.content_type.empty() ? "application/octet-stream" : info.content_type,
                       bytes.size(), ""});
    images.push_back(std::move(info));
  }

  ValidationContext context;
  context.mode = ValidationMode::Form;
  context.store_name = app.config.store_name;
  // Advisory (see holds_for_moderation): the client's own measurement.
  if (auto it = body.find("elapsed_ms"); it != body.end() && it->is_number_integer())
    context.elapsed_ms = it->get<std::int64_t>();
  {
    Result<std::vector<Fingerprint>> recent = recent_fingerprints(db, request.product_id);
    if (!recent) return storage("read recent reviews", recent.error());
    context.existing_fingerprints = std::move(recent.value());
  }
  ValidationResult verdict = validate_submission(submission, policy, context);
  if (!verdict.ok || !photo_errors.empty()) {
    verdict.errors.insert(verdict.errors.end(), photo_errors.begin(), photo_errors.end());
    return invalid(verdict.errors);
  }

  ReviewOrigin origin;
  origin.product_id = request.product_id;
  origin.created = now;
  origin.source = "web";
  origin.ip = request.ip;
  StoredReview stored = stored_review_from(verdict.normalized, verdict.flags, origin);
  Review& review = stored.review;
  stored.status = status_at_submission(app.config.moderation, verdict.flags);

  // Verified purchase: only a valid, unexpired token for THIS product whose
  // order has not been used yet. Every other case stays unverified, silently.
  std::string order_id;
  if (auto it = body.find("token"); it != body.end() && it->is_string()) {
    Result<ReviewLink> link =
        verify_review_link(it->get_ref<const std::string&>(), app.config.hmac_secret, now);
    if (link && link.value().product_id == request.product_id) order_id = link.value().order_id;
  }

  std::vector<StoredPhoto> photos;
  for (std::size_t i = 0; i < request.photos.size(); ++i) {
    Result<std::string> name =
        stage_photo(app.config.upload_dir, images[i].image, images[i].extension);
    if (!name) {
      remove_photos(app.config.upload_dir, photos);
      return storage("store the photo", name.error());
    }
    photos.push_back({name.value(), images[i], images[i].image.size()});
    review.media.push_back({Media::Kind::Photo, photo_url(app.config, name.value()),
                            images[i].width, images[i].height});
  }

  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  // A concurrent request with the same key may have committed while this one
  // was validating: look again under the lock (the key's row is the arbiter).
  if (!key.empty()) {
    Result<std::optional<Submitted>> earlier = replay(db, key);
    if (!earlier || earlier.value()) {
      remove_photos(app.config.upload_dir, photos);
      if (!earlier) return storage("read the Idempotency-Key", earlier.error());
      return *earlier.value();
    }
  }
  Transaction transaction(db);
  Submitted result;
  if (!order_id.empty()) {
    Result<bool> claimed = claim_verified_order(db, request.product_id, order_id, review.id, now);
    result.verified = claimed && claimed.value();
  }
  if (result.verified) {
    review.verification = Verification::VerifiedPurchase;
    review.source = "invited";
    stored.order_id = order_id;
  }
  Status inserted = insert_review(db, stored);
  // The console's triage and due time, in the same transaction.
  if (inserted) inserted = inbox::add_inbox_item(db, *app.inbox, inbox::triage_source(stored));
  // Webhooks (issue 18), in the same transaction: a review that is not
  // stored is never announced, and a stored one always is.
  if (inserted) inserted = webhooks::announce_review(db, "review.created", stored, now);
  if (inserted && stored.status == "published")
    inserted = webhooks::announce_review(db, "review.published", stored, now);
  for (const StoredPhoto& photo : photos) {
    if (!inserted) break;
    inserted = insert_photo(db, PhotoRow{photo.name, review.id, photo.info.content_type,
                                         photo.bytes, photo.info.width, photo.info.height, now});
  }
  result.id = review.id;
  result.status = stored.status;
  if (inserted && !key.empty()) {
    Result<bool> recorded = store_idempotent_response(db, key, 201, submitted_json(result), now);
    inserted = recorded ? Status(Ok{}) : Status(recorded.error());
    if (recorded && !recorded.value()) {
      // Unreachable while the key is checked under this lock; if it ever is
      // reached, the key wins: roll back (transaction destructor) and replay.
      remove_photos(app.config.upload_dir, photos);
      Result<std::optional<Submitted>> earlier = replay(db, key);
      if (earlier && earlier.value()) return *earlier.value();
      return storage("read the Idempotency-Key",
                     earlier ? Error{"key", "vanished"} : earlier.error());
    }
  }
  if (inserted) inserted = transaction.commit();
  if (!inserted) {
    remove_photos(app.config.upload_dir, photos);
    if (inserted.error().kind == ErrorKind::Invalid)
      return problem_from(inserted.error(), "invalid_review");
    return storage("store the review", inserted.error());
  }
  publish_photos(app.config.upload_dir, photos);
  if (stored.status == "published") app.snapshots.invalidate(request.product_id);
  return result;
}

}  // namespace vouch::server::app
