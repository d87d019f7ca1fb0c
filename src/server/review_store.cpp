#include "review_store.hpp"

#include <cstring>
#include <nlohmann/json.hpp>

#include "http_util.hpp"
#include "vouch/review_rules.hpp"

namespace vouch::server {

using json = nlohmann::json;

namespace {

constexpr const char* kColumns =
    "r.id, r.product_id, r.status, r.rating, r.title, r.body, r.author, r.email, r.ip, r.language, "
    "r.verification, r.incentivized, r.source, r.source_verified, r.recommends, r.featured, "
    "r.reply_text, r.reply_time, r.created, r.updated, r.moderation_reason, r.flags, r.order_id, "
    "r.aspects, r.media, r.topics, "
    "(SELECT count(*) FROM votes v WHERE v.review_id = r.id AND v.direction = 1), "
    "(SELECT count(*) FROM votes v WHERE v.review_id = r.id AND v.direction = -1), "
    "(SELECT count(*) FROM reports p WHERE p.review_id = r.id) ";

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string media_to_json(const std::vector<Media>& media) {
  json list = json::array();
  for (const Media& item : media) {
    list.push_back({{"kind", item.kind == Media::Kind::Video ? "video" : "photo"},
                    {"url", item.url},
                    {"width", item.width},
                    {"height", item.height}});
  }
  return dump(list);
}

std::vector<Media> media_from_json(const std::string& text) {
  std::vector<Media> media;
  const json list = json::parse(text, nullptr, false);
  if (!list.is_array()) return media;
  for (const json& item : list) {
    if (!item.is_object()) continue;
    Media m;
    if (auto it = item.find("kind"); it != item.end() && it->is_string() && *it == "video")
      m.kind = Media::Kind::Video;
    if (auto it = item.find("url"); it != item.end() && it->is_string())
      m.url = it->get<std::string>();
    if (auto it = item.find("width"); it != item.end() && it->is_number_unsigned())
      m.width = it->get<std::uint32_t>();
    if (auto it = item.find("height"); it != item.end() && it->is_number_unsigned())
      m.height = it->get<std::uint32_t>();
    media.push_back(std::move(m));
  }
  return media;
}

std::string aspects_to_json(const std::vector<AspectRating>& aspects) {
  json object = json::array();
  for (const AspectRating& aspect : aspects)
    object.push_back({{"name", aspect.name}, {"value", aspect.value}});
  return dump(object);
}

std::vector<AspectRating> aspects_from_json(const std::string& text) {
  std::vector<AspectRating> aspects;
  const json list = json::parse(text, nullptr, false);
  if (!list.is_array()) return aspects;
  for (const json& item : list) {
    if (!item.is_object()) continue;
    auto name = item.find("name");
    auto value = item.find("value");
    if (name == item.end() || !name->is_string() || value == item.end() ||
        !value->is_number_unsigned())
      continue;
    aspects.push_back(
        {name->get<std::string>(), static_cast<std::uint8_t>(value->get<unsigned>())});
  }
  return aspects;
}

std::string topics_to_json(const std::vector<std::string>& topics) { return dump(json(topics)); }

std::vector<std::string> topics_from_json(const std::string& text) {
  std::vector<std::string> topics;
  const json list = json::parse(text, nullptr, false);
  if (!list.is_array()) return topics;
  for (const json& item : list) {
    if (item.is_string()) topics.push_back(item.get<std::string>());
  }
  return topics;
}

StoredReview read_row(const Statement& row) {
  StoredReview stored;
  Review& review = stored.review;
  review.id = row.text(0);
  review.product_id = row.text(1);
  stored.status = row.text(2);
  review.rating = static_cast<std::uint8_t>(row.integer(3));
  review.title = row.text(4);
  review.body = row.text(5);
  review.author = row.text(6);
  stored.email = row.text(7);
  stored.ip = row.text(8);
  review.language = row.text(9);
  review.verification = static_cast<Verification>(row.integer(10));
  review.incentivized = row.integer(11) != 0;
  review.source = row.text(12);
  stored.source_verified = row.integer(13) != 0;
  review.recommends = static_cast<Recommends>(row.integer(14));
  review.featured = row.integer(15) != 0;
  review.reply.text = row.text(16);
  review.reply.time = row.integer(17);
  review.created = row.integer(18);
  review.updated = row.integer(19);
  stored.moderation_reason = row.text(20);
  stored.flags = row.text(21);
  stored.order_id = row.is_null(22) ? "" : row.text(22);
  review.aspects = aspects_from_json(row.text(23));
  review.media = media_from_json(row.text(24));
  review.topics = topics_from_json(row.text(25));
  review.helpful_up = static_cast<std::uint32_t>(row.integer(26));
  review.helpful_down = static_cast<std::uint32_t>(row.integer(27));
  stored.report_count = static_cast<std::uint32_t>(row.integer(28));
  return stored;
}

Result<std::vector<StoredReview>> read_all(Statement& query) {
  std::vector<StoredReview> rows;
  while (query.step()) rows.push_back(read_row(query));
  if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  return rows;
}

// A fingerprint as a BLOB: the 32-bit hashes, little-endian, in order.
std::string fingerprint_bytes(const Fingerprint& fingerprint) {
  std::string bytes;
  bytes.reserve(fingerprint.size() * 4);
  for (std::uint32_t hash : fingerprint) {
    for (int shift = 0; shift < 32; shift += 8) bytes += static_cast<char>((hash >> shift) & 0xFF);
  }
  return bytes;
}

Fingerprint fingerprint_from_bytes(const std::string& bytes) {
  Fingerprint fingerprint(bytes.size() / 4);
  for (std::size_t i = 0; i < fingerprint.size(); ++i) {
    std::uint32_t hash = 0;
    for (int k = 3; k >= 0; --k)
      hash = (hash << 8) | static_cast<unsigned char>(bytes[i * 4 + static_cast<std::size_t>(k)]);
    fingerprint[i] = hash;
  }
  return fingerprint;
}

Error rule_error(const StoredReview& stored, const Error& broken) {
  return Error{
      broken.path,
      "review " + stored.review.id + " would break the stored-review rules: " + broken.message,
      ErrorKind::Invalid};
}

// Reads the row back after an update and checks it (inside the caller's
// transaction, which rolls the update back on an error).
Status recheck(Database& db, std::string_view id) {
  Statement query(db.handle(),
                  std::string("SELECT ") + kColumns + "FROM reviews r WHERE r.id = ?1");
  query.bind(1, id);
  if (!query.step()) {
    if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
    return Error{"id", "no such review", ErrorKind::NotFound};
  }
  const StoredReview row = read_row(query);
  if (std::optional<Error> broken = check_stored_review(row)) return rule_error(row, *broken);
  return Ok{};
}

// Runs an UPDATE/DELETE on one review; "not found" when nothing changed.
Status run_on_review(Database& db, Statement& statement) {
  Status status = statement.run();
  if (!status) return status;
  if (sqlite3_changes(db.handle()) == 0) return Error{"id", "no such review", ErrorKind::NotFound};
  return Ok{};
}

}  // namespace

bool is_status(std::string_view status) {
  for (std::string_view known : kStatuses) {
    if (known == status) return true;
  }
  return false;
}

bool is_report_reason(std::string_view reason) {
  for (std::string_view known : kReportReasons) {
    if (known == reason) return true;
  }
  return false;
}

std::optional<Error> check_stored_review(const StoredReview& stored) {
  if (std::optional<Error> broken = check_review(stored.review)) return broken;
  if (!is_valid_id(stored.review.product_id))
    return Error{"product_id", "expected 1..200 bytes of UTF-8 without control characters"};
  if (!is_status(stored.status))
    return Error{"status", "expected pending, published, rejected or hidden"};
  return std::nullopt;
}

Status insert_review(Database& db, const StoredReview& stored) {
  if (std::optional<Error> broken = check_stored_review(stored)) return rule_error(stored, *broken);
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  const Review& r = stored.review;
  Statement insert(
      db.handle(),
      "INSERT INTO reviews (id, product_id, status, rating, title, body, author, email, ip, "
      "language, verification, incentivized, source, source_verified, recommends, featured, "
      "reply_text, reply_time, created, updated, moderation_reason, flags, order_id, aspects, "
      "media, topics, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)");
  insert.bind(1, r.id).bind(2, r.product_id).bind(3, stored.status).bind_int(4, r.rating);
  insert.bind(5, r.title)
      .bind(6, r.body)
      .bind(7, r.author)
      .bind(8, stored.email)
      .bind(9, stored.ip);
  insert.bind(10, r.language)
      .bind_int(11, static_cast<int>(r.verification))
      .bind_int(12, r.incentivized);
  insert.bind(13, r.source)
      .bind_int(14, stored.source_verified)
      .bind_int(15, static_cast<int>(r.recommends));
  insert.bind_int(16, r.featured).bind(17, r.reply.text).bind(18, r.reply.time).bind(19, r.created);
  insert.bind(20, r.updated).bind(21, stored.moderation_reason).bind(22, stored.flags);
  if (stored.order_id.empty())
    insert.bind_null(23);
  else
    insert.bind(23, stored.order_id);
  insert.bind(24, aspects_to_json(r.aspects))
      .bind(25, media_to_json(r.media))
      .bind(26, topics_to_json(r.topics))
      .bind_blob(27, fingerprint_bytes(text_fingerprint(r.body)));
  return insert.run();
}

Result<std::vector<Review>> published_reviews(Database& db, std::string_view product_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kColumns +
                      "FROM reviews r WHERE r.product_id = ?1 AND r.status = 'published' "
                      "ORDER BY r.created, r.id");
  query.bind(1, product_id);
  Result<std::vector<StoredReview>> rows = read_all(query);
  if (!rows) return rows.error();
  std::vector<Review> reviews;
  reviews.reserve(rows.value().size());
  for (StoredReview& row : rows.value()) reviews.push_back(std::move(row.review));
  return reviews;
}

Result<std::vector<std::string>> published_product_ids(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(
      db.handle(),
      "SELECT DISTINCT product_id FROM reviews WHERE status = 'published' ORDER BY product_id");
  std::vector<std::string> ids;
  while (query.step()) ids.push_back(query.text(0));
  if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  return ids;
}

Result<std::optional<StoredReview>> find_review(Database& db, std::string_view id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kColumns + "FROM reviews r WHERE r.id = ?1");
  query.bind(1, id);
  if (query.step()) return std::optional<StoredReview>(read_row(query));
  if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  return std::optional<StoredReview>();
}

Result<std::vector<StoredReview>> list_reviews(Database& db, std::string_view status,
                                               std::int64_t limit, std::int64_t offset) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string("SELECT ") + kColumns +
                                   "FROM reviews r WHERE (?1 = '' OR r.status = ?1) "
                                   "ORDER BY r.created DESC, r.id DESC LIMIT ?2 OFFSET ?3");
  query.bind(1, status).bind(2, limit).bind(3, offset);
  return read_all(query);
}

Result<std::int64_t> count_reviews(Database& db, std::string_view status) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), "SELECT count(*) FROM reviews WHERE (?1 = '' OR status = ?1)");
  query.bind(1, status);
  if (!query.step()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  return query.integer(0);
}

Result<std::vector<StoredReview>> all_reviews(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kColumns + "FROM reviews r ORDER BY r.created, r.id");
  return read_all(query);
}

Result<std::vector<Fingerprint>> recent_fingerprints(Database& db, std::string_view product_id,
                                                     std::size_t limit) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  std::vector<Fingerprint> list;
  // One range scan per status keeps each bounded by the index; an IN list
  // would read every row of the product to sort them.
  for (const char* status : {"pending", "published"}) {
    Statement query(db.handle(),
                    "SELECT body, fingerprint FROM reviews WHERE product_id = ?1 AND status = ?2 "
                    "ORDER BY created DESC LIMIT ?3");
    query.bind(1, product_id).bind(2, status).bind(3, static_cast<std::int64_t>(limit));
    while (query.step()) {
      list.push_back(query.is_null(1) ? text_fingerprint(query.text(0))
                                      : fingerprint_from_bytes(query.blob(1)));
    }
    if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  }
  return list;
}

Status for_each_review(Database& db, const std::function<void(const StoredReview&)>& visit) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kColumns + "FROM reviews r ORDER BY r.created, r.id");
  while (query.step()) visit(read_row(query));
  if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  return Ok{};
}

Status set_language(Database& db, std::string_view id, std::string_view language) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(), "UPDATE reviews SET language = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, language);
  return run_on_review(db, update);
}

Status set_status(Database& db, std::string_view id, std::string_view status,
                  std::string_view reason, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(
      db.handle(),
      "UPDATE reviews SET status = ?2, moderation_reason = ?3, updated = ?4 WHERE id = ?1");
  update.bind(1, id).bind(2, status).bind(3, reason).bind(4, now);
  if (Status changed = run_on_review(db, update); !changed) return changed;
  return recheck(db, id);
}

Status set_featured(Database& db, std::string_view id, bool featured, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(), "UPDATE reviews SET featured = ?2, updated = ?3 WHERE id = ?1");
  update.bind(1, id).bind_int(2, featured).bind(3, now);
  if (Status changed = run_on_review(db, update); !changed) return changed;
  return recheck(db, id);
}

Status set_reply(Database& db, std::string_view id, std::string_view text, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(),
                   "UPDATE reviews SET reply_text = ?2, reply_time = ?3 WHERE id = ?1");
  update.bind(1, id).bind(2, text).bind(3, text.empty() ? 0 : now);
  if (Status changed = run_on_review(db, update); !changed) return changed;
  return recheck(db, id);
}

Status delete_review(Database& db, std::string_view id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement remove(db.handle(), "DELETE FROM reviews WHERE id = ?1");
  remove.bind(1, id);
  return run_on_review(db, remove);
}

Result<VoteCounts> cast_vote(Database& db, std::string_view review_id, std::string_view visitor,
                             int direction, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement upsert(
      db.handle(),
      "INSERT INTO votes (review_id, visitor, direction, created) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (review_id, visitor) DO UPDATE SET direction = excluded.direction, "
      "created = excluded.created");
  upsert.bind(1, review_id).bind(2, visitor).bind_int(3, direction).bind(4, now);
  if (Status status = upsert.run(); !status) return status.error();
  Statement counts(
      db.handle(),
      "SELECT coalesce(sum(direction = 1), 0), coalesce(sum(direction = -1), 0) FROM votes "
      "WHERE review_id = ?1");
  counts.bind(1, review_id);
  if (!counts.step()) return Error{"sql", counts.error_message(), ErrorKind::Storage};
  return VoteCounts{static_cast<std::uint32_t>(counts.integer(0)),
                    static_cast<std::uint32_t>(counts.integer(1))};
}

Status add_report(Database& db, std::string_view review_id, std::string_view reason,
                  std::string_view visitor, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(
      db.handle(),
      "INSERT INTO reports (review_id, reason, visitor, created) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, review_id).bind(2, reason).bind(3, visitor).bind(4, now);
  return insert.run();
}

Result<bool> claim_verified_order(Database& db, std::string_view product_id,
                                  std::string_view order_id, std::string_view review_id,
                                  std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT OR IGNORE INTO verified_orders (product_id, order_id, review_id, used) "
                   "VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, product_id).bind(2, order_id).bind(3, review_id).bind(4, now);
  if (Status status = insert.run(); !status) return status.error();
  return sqlite3_changes(db.handle()) == 1;
}

Result<std::optional<StoredResponse>> find_idempotent_response(Database& db, std::string_view key) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), "SELECT status_code, response FROM idempotency_keys WHERE key = ?1");
  query.bind(1, key);
  if (query.step())
    return std::optional<StoredResponse>(
        StoredResponse{static_cast<int>(query.integer(0)), query.text(1)});
  if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  return std::optional<StoredResponse>();
}

Result<bool> store_idempotent_response(Database& db, std::string_view key, int status,
                                       std::string_view body, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT OR IGNORE INTO idempotency_keys (key, status_code, response, created) "
                   "VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, key).bind_int(2, status).bind(3, body).bind(4, now);
  if (Status stored = insert.run(); !stored) return stored.error();
  return sqlite3_changes(db.handle()) == 1;
}

Result<std::vector<StoredReview>> reviews_by_email(Database& db, std::string_view email) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kColumns +
                      "FROM reviews r WHERE r.email = ?1 COLLATE NOCASE ORDER BY r.created, r.id");
  query.bind(1, email);
  return read_all(query);
}

Result<std::vector<std::string>> erase_reviewer(Database& db, std::string_view email,
                                                bool anonymise, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  if (email.empty()) return Error{"email", "required"};
  Result<std::vector<StoredReview>> rows = reviews_by_email(db, email);
  if (!rows) return rows.error();
  std::vector<std::string> ids;
  for (const StoredReview& row : rows.value()) ids.push_back(row.review.id);
  Statement statement(
      db.handle(), anonymise
                       ? "UPDATE reviews SET email = '', ip = '', author = 'Anonymous', media = "
                         "'[]', updated = ?2 "
                         "WHERE email = ?1 COLLATE NOCASE"
                       : "DELETE FROM reviews WHERE email = ?1 COLLATE NOCASE AND ?2 IS NOT NULL");
  statement.bind(1, email).bind(2, now);
  if (Status status = statement.run(); !status) return status.error();
  if (anonymise) {
    for (const std::string& id : ids) {
      if (Status checked = recheck(db, id); !checked) return checked.error();
    }
  }
  return ids;
}

Status insert_photo(Database& db, const PhotoRow& photo) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(
      db.handle(),
      "INSERT INTO photos (name, review_id, content_type, bytes, width, height, created) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  insert.bind(1, photo.name).bind(2, photo.review_id).bind(3, photo.content_type);
  insert.bind(4, static_cast<std::int64_t>(photo.bytes))
      .bind(5, static_cast<std::int64_t>(photo.width))
      .bind(6, static_cast<std::int64_t>(photo.height))
      .bind(7, photo.created);
  return insert.run();
}

Result<std::vector<std::string>> take_photos(Database& db,
                                             const std::vector<std::string>& review_ids) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  std::vector<std::string> names;
  for (const std::string& id : review_ids) {
    Statement query(db.handle(), "SELECT name FROM photos WHERE review_id = ?1");
    query.bind(1, id);
    while (query.step()) names.push_back(query.text(0));
    if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
    Statement remove(db.handle(), "DELETE FROM photos WHERE review_id = ?1");
    remove.bind(1, id);
    if (Status removed = remove.run(); !removed) return removed.error();
  }
  return names;
}

}  // namespace vouch::server
