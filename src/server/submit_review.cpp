#include "submit_review.hpp"

#include <unistd.h>

#include <cstdio>

#include "crypto.hpp"
#include "photos.hpp"
#include "review_link.hpp"
#include "review_store.hpp"
#include "vouch/utf8.hpp"
#include "vouch/validate.hpp"

namespace vouch::server {

namespace {

SubmitOutput error_output(int status, std::string_view code, std::string_view message) {
  SubmitOutput out;
  out.status = status;
  out.body = json::object();
  out.body["error"] = {{"code", std::string(code)}, {"message", std::string(message)}};
  return out;
}

// Integer-looking params are numbers in JSON (as the core's result_to_json writes them).
json param_value(const std::string& value) {
  if (value.empty() || value.size() > 15) return value;
  std::int64_t number = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return value;
    number = number * 10 + (c - '0');
  }
  return number;
}

json field_errors_json(const std::vector<FieldError>& errors, i18n::Locale locale) {
  json list = json::array();
  for (const FieldError& error : errors) {
    json params = json::object();
    for (const auto& [name, value] : error.params) params[name] = param_value(value);
    list.push_back({{"field", error.field},
                    {"code", error.code},
                    {"message", validation_message(error.code, error.params, locale)},
                    {"params", params}});
  }
  return list;
}

SubmitOutput validation_failed(const std::vector<FieldError>& errors, i18n::Locale locale) {
  SubmitOutput out =
      error_output(422, "validation_failed", "the review was not accepted; see errors");
  out.body["errors"] = field_errors_json(errors, locale);
  return out;
}

std::string join_flags(const std::vector<Flag>& flags) {
  std::string joined;
  for (const Flag& flag : flags) {
    if (joined.find(flag.code) != std::string::npos) continue;
    if (!joined.empty()) joined += ',';
    joined += flag.code;
  }
  return joined;
}

struct StoredPhoto {
  std::string name;
  CheckedPhoto info;
  std::size_t bytes = 0;
};

std::vector<std::string> photo_names(const std::vector<StoredPhoto>& photos) {
  std::vector<std::string> names;
  for (const StoredPhoto& photo : photos) names.push_back(photo.name);
  return names;
}

}  // namespace

SubmitOutput submit_review(App& app, const SubmitInput& input) {
  const i18n::Locale locale = i18n::resolve_locale(input.locale_tag);
  Database& db = *app.db;
  const std::int64_t now = app.now();

  // A retried request (same Idempotency-Key) gets the first answer again and
  // creates nothing. Keys are namespaced by product so two widgets cannot clash.
  const std::string key =
      input.idempotency_key.empty() ? "" : input.product_id + "\n" + input.idempotency_key;
  if (!key.empty()) {
    if (input.idempotency_key.size() > 200)
      return error_output(400, "invalid_header", "Idempotency-Key too long");
    Result<std::optional<StoredResponse>> earlier = find_idempotent_response(db, key);
    if (!earlier) return error_output(500, "internal", "database error");
    if (earlier.value()) {
      SubmitOutput out;
      out.status = earlier.value()->status;
      out.body = json::parse(earlier.value()->body, nullptr, false);
      return out;
    }
  }

  const Limits& limits = app.config.limits;
  if (std::int64_t wait = app.per_ip->hit(input.ip, now); wait > 0) {
    SubmitOutput out =
        error_output(429, "rate_limited", "too many reviews from this address; try again later");
    out.retry_after = wait;
    return out;
  }
  if (std::int64_t wait = app.per_product->hit(input.product_id, now); wait > 0) {
    SubmitOutput out =
        error_output(429, "rate_limited", "too many reviews for this product; try again later");
    out.retry_after = wait;
    return out;
  }

  if (!utf8::is_valid(input.review_json))
    return error_output(400, "invalid_utf8", "review is not valid UTF-8");
  const json body = json::parse(input.review_json, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return error_output(400, "invalid_json", "review must be a JSON object");
  }

  std::vector<FieldError> type_errors;
  Result<Submission> parsed = parse_submission(input.review_json, app.policy, &type_errors);
  if (!type_errors.empty()) return validation_failed(type_errors, locale);
  if (!parsed)
    return validation_failed({FieldError{parsed.error().path, "wrong_type", {}}}, locale);
  Submission submission = parsed.value();

  // Photos: declared types in the JSON are replaced by what the bytes are.
  if (input.photos.size() > limits.max_photos) {
    return validation_failed({FieldError{"photos",
                                         "too_many_photos",
                                         {{"max", std::to_string(limits.max_photos)},
                                          {"actual", std::to_string(input.photos.size())}}}},
                             locale);
  }
  if (!input.photos.empty()) {
    if (std::optional<FieldError> refused = photo_uploads_unavailable(app.config))
      return validation_failed({*refused}, locale);
  }
  std::vector<CheckedPhoto> images;
  std::vector<FieldError> photo_errors;
  submission.photos.clear();
  for (std::size_t i = 0; i < input.photos.size(); ++i) {
    const std::string& bytes = input.photos[i];
    if (bytes.size() > limits.max_photo_bytes) {
      return error_output(413, "payload_too_large",
                          "photos[" + std::to_string(i) + "] is larger than " +
                              std::to_string(limits.max_photo_bytes) + " bytes");
    }
    CheckedPhoto info = check_photo(bytes, i, limits);
    if (info.error) photo_errors.push_back(*info.error);
    submission.photos.push_back(
        SubmittedPhoto{info.content_type.empty() ? "application/octet-stream" : info.content_type,
                       bytes.size(), ""});
    images.push_back(std::move(info));
  }
  if (!photo_errors.empty()) return validation_failed(photo_errors, locale);

  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  ValidationContext context;
  context.mode = ValidationMode::Form;
  context.store_name = app.config.store_name;
  if (Result<std::vector<std::string>> bodies = product_bodies(db, input.product_id); bodies) {
    context.existing_texts = std::move(bodies.value());
  }
  if (auto it = body.find("elapsed_ms"); it != body.end() && it->is_number_integer()) {
    context.elapsed_ms = it->get<std::int64_t>();
  }
  ValidationResult verdict = validate_submission(submission, app.policy, context);
  if (!verdict.ok) return validation_failed(verdict.errors, locale);
  const Submission& clean = verdict.normalized;

  StoredReview stored;
  Review& review = stored.review;
  review.id = "r" + random_hex(12);
  review.product_id = input.product_id;
  review.rating = static_cast<std::uint8_t>(clean.rating.value_or(0));
  review.title = clean.title;
  review.body = clean.body;
  review.author = clean.author;
  review.language = clean.language;
  review.created = now;
  review.updated = now;
  review.source = "web";
  review.recommends = !clean.recommends ? Recommends::Unset
                                        : (*clean.recommends ? Recommends::Yes : Recommends::No);
  for (const SubmittedAspect& aspect : clean.aspects) {
    review.aspects.push_back({aspect.name, static_cast<std::uint8_t>(aspect.value)});
  }
  stored.email = clean.email;
  stored.ip = input.ip;
  stored.flags = join_flags(verdict.flags);

  // Verified purchase: only a valid, unexpired token for THIS product whose
  // order has not been used yet. Every other case stays unverified, silently.
  std::string order_id;
  if (auto it = body.find("token"); it != body.end() && it->is_string()) {
    Result<ReviewLink> link =
        verify_review_link(it->get_ref<const std::string&>(), app.config.hmac_secret, now);
    if (link && link.value().product_id == input.product_id) order_id = link.value().order_id;
  }

  switch (app.config.moderation) {
    case ModerationMode::All:
      stored.status = "pending";
      break;
    case ModerationMode::Flagged:
      stored.status = verdict.flags.empty() ? "published" : "pending";
      break;
    case ModerationMode::None:
      stored.status = "published";
      break;
  }

  std::vector<StoredPhoto> photos;
  for (std::size_t i = 0; i < input.photos.size(); ++i) {
    Result<std::string> name =
        stage_photo(app.config.upload_dir, images[i].image, images[i].extension);
    if (!name) {
      discard_staged_photos(app.config.upload_dir, photo_names(photos));
      return error_output(500, "internal", "could not store the photo");
    }
    photos.push_back({name.value(), images[i], images[i].image.size()});
    review.media.push_back({Media::Kind::Photo, photo_url(app.config, name.value()),
                            images[i].width, images[i].height});
  }

  Transaction transaction(db);
  bool verified = false;
  if (!order_id.empty()) {
    Result<bool> claimed = claim_verified_order(db, input.product_id, order_id, review.id, now);
    verified = claimed && claimed.value();
  }
  if (verified) {
    review.verification = Verification::VerifiedPurchase;
    review.source = "invited";
    stored.order_id = order_id;
  }
  Status inserted = insert_review(db, stored);
  for (const StoredPhoto& photo : photos) {
    if (!inserted) break;
    Statement insert(
        db.handle(),
        "INSERT INTO photos (name, review_id, content_type, bytes, width, height, created) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, photo.name).bind(2, review.id).bind(3, photo.info.content_type);
    insert.bind(4, static_cast<std::int64_t>(photo.bytes))
        .bind(5, static_cast<std::int64_t>(photo.info.width));
    insert.bind(6, static_cast<std::int64_t>(photo.info.height)).bind(7, now);
    inserted = insert.run();
  }
  SubmitOutput out;
  out.status = 201;
  out.body = {{"id", review.id}, {"status", stored.status}, {"verified", verified}};
  if (inserted && !key.empty()) {
    inserted = store_idempotent_response(db, key, out.status, dump_json(out.body), now);
  }
  if (inserted) inserted = transaction.commit();
  if (!inserted) {
    discard_staged_photos(app.config.upload_dir, photo_names(photos));
    std::fprintf(stderr, "submit_review: %s\n", inserted.error().to_string().c_str());
    return error_output(500, "internal", "could not store the review");
  }
  publish_staged_photos(app.config.upload_dir, photo_names(photos));
  if (stored.status == "published") app.snapshots.invalidate(input.product_id);
  return out;
}

}  // namespace vouch::server
