#include "questions/question_store.hpp"

#include <mutex>

namespace vouch::server::questions {

namespace {

constexpr const char* kQuestionColumns =
    "id, product_id, status, text, author, language, ip, flags, moderation_reason, created, "
    "updated";

StoredQuestion question_from(const Statement& row) {
  StoredQuestion q;
  q.id = row.text(0);
  q.product_id = row.text(1);
  q.status = row.text(2);
  q.text = row.text(3);
  q.author = row.text(4);
  q.language = row.text(5);
  q.ip = row.text(6);
  q.flags = row.text(7);
  q.moderation_reason = row.text(8);
  q.created = row.integer(9);
  q.updated = row.integer(10);
  return q;
}

// What shoppers see: a published question with at least one published answer
// (the public list, the static export and the /q pages all ask this).
constexpr const char* kAnswered =
    "q.status = 'published' AND EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND "
    "a.status = 'published')";

constexpr const char* kAnswerColumns =
    "a.id, a.question_id, a.status, a.text, a.author, a.badge, a.by_staff, a.ip, a.flags, "
    "a.moderation_reason, a.created, a.updated, "
    "(SELECT count(*) FROM answer_votes v WHERE v.answer_id = a.id AND v.direction = 1), "
    "(SELECT count(*) FROM answer_votes v WHERE v.answer_id = a.id AND v.direction = -1)";

StoredAnswer answer_from(const Statement& row) {
  StoredAnswer a;
  a.id = row.text(0);
  a.question_id = row.text(1);
  a.status = row.text(2);
  a.text = row.text(3);
  a.author = row.text(4);
  a.badge = row.text(5);
  a.by_staff = row.text(6);
  a.ip = row.text(7);
  a.flags = row.text(8);
  a.moderation_reason = row.text(9);
  a.created = row.integer(10);
  a.updated = row.integer(11);
  a.helpful_up = row.integer(12);
  a.helpful_down = row.integer(13);
  return a;
}

Result<std::vector<StoredQuestion>> read_questions(Statement& query) {
  std::vector<StoredQuestion> out;
  while (query.step()) out.push_back(question_from(query));
  if (query.failed()) return sql_error("questions", query);
  return out;
}

Status changed_one(Database& db, const char* what) {
  if (sqlite3_changes(db.handle()) == 0)
    return Error{what, std::string("no such ") + what, ErrorKind::NotFound};
  return Ok{};
}

}  // namespace

Status insert_question(Database& db, const StoredQuestion& q) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(), std::string("INSERT INTO questions (") + kQuestionColumns +
                                    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  insert.bind(1, q.id)
      .bind(2, q.product_id)
      .bind(3, q.status)
      .bind(4, q.text)
      .bind(5, q.author)
      .bind(6, q.language)
      .bind(7, q.ip)
      .bind(8, q.flags)
      .bind(9, q.moderation_reason)
      .bind(10, q.created)
      .bind(11, q.updated);
  return insert.run();
}

Result<std::optional<StoredQuestion>> find_question(Database& db, std::string_view id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kQuestionColumns + " FROM questions WHERE id = ?1");
  query.bind(1, id);
  if (query.step()) return std::optional<StoredQuestion>(question_from(query));
  if (query.failed()) return sql_error("questions", query);
  return std::optional<StoredQuestion>();
}

Status set_question_status(Database& db, std::string_view id, std::string_view status,
                           std::string_view reason, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(),
                   "UPDATE questions SET status = ?2, moderation_reason = ?3, updated = ?4 "
                   "WHERE id = ?1");
  update.bind(1, id).bind(2, status).bind(3, reason).bind(4, now);
  if (Status s = update.run(); !s) return s;
  return changed_one(db, "question");
}

Result<std::vector<StoredQuestion>> list_questions(Database& db, const QuestionFilter& filter) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string("SELECT ") + kQuestionColumns +
                                   " FROM questions WHERE (?1 = '' OR product_id = ?1) AND "
                                   "(?2 = '' OR status = ?2) ORDER BY created DESC, id DESC "
                                   "LIMIT ?3 OFFSET ?4");
  query.bind(1, filter.product_id)
      .bind(2, filter.status)
      .bind(3, filter.limit)
      .bind(4, filter.offset);
  return read_questions(query);
}

Result<std::vector<StoredQuestion>> answered_questions(Database& db, std::string_view product_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string("SELECT ") + kQuestionColumns +
                                   " FROM questions q WHERE q.product_id = ?1 AND " + kAnswered +
                                   " ORDER BY q.created DESC, q.id DESC");
  query.bind(1, product_id);
  return read_questions(query);
}

Result<std::vector<std::string>> products_with_answered_questions(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string("SELECT DISTINCT q.product_id FROM questions q WHERE ") +
                                   kAnswered + " ORDER BY q.product_id");
  std::vector<std::string> out;
  while (query.step()) out.push_back(query.text(0));
  if (query.failed()) return sql_error("questions", query);
  return out;
}

Status insert_answer(Database& db, const StoredAnswer& a) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT INTO answers (id, question_id, status, text, author, badge, by_staff, "
                   "ip, flags, moderation_reason, created, updated) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  insert.bind(1, a.id)
      .bind(2, a.question_id)
      .bind(3, a.status)
      .bind(4, a.text)
      .bind(5, a.author)
      .bind(6, a.badge)
      .bind(7, a.by_staff)
      .bind(8, a.ip)
      .bind(9, a.flags)
      .bind(10, a.moderation_reason)
      .bind(11, a.created)
      .bind(12, a.updated);
  return insert.run();
}

Result<std::optional<StoredAnswer>> find_answer(Database& db, std::string_view id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kAnswerColumns + " FROM answers a WHERE a.id = ?1");
  query.bind(1, id);
  if (query.step()) return std::optional<StoredAnswer>(answer_from(query));
  if (query.failed()) return sql_error("answers", query);
  return std::optional<StoredAnswer>();
}

Result<std::vector<StoredAnswer>> answers_of(Database& db, std::string_view question_id,
                                             bool published_only) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string("SELECT ") + kAnswerColumns +
                                   " FROM answers a WHERE a.question_id = ?1 AND (?2 = 0 OR "
                                   "a.status = 'published') ORDER BY a.created, a.id");
  query.bind(1, question_id).bind_int(2, published_only ? 1 : 0);
  std::vector<StoredAnswer> out;
  while (query.step()) out.push_back(answer_from(query));
  if (query.failed()) return sql_error("answers", query);
  return out;
}

Status set_answer_status(Database& db, std::string_view id, std::string_view status,
                         std::string_view reason, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(),
                   "UPDATE answers SET status = ?2, moderation_reason = ?3, updated = ?4 "
                   "WHERE id = ?1");
  update.bind(1, id).bind(2, status).bind(3, reason).bind(4, now);
  if (Status s = update.run(); !s) return s;
  return changed_one(db, "answer");
}

Result<std::int64_t> published_answer_count(Database& db, std::string_view question_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  "SELECT count(*) FROM answers WHERE question_id = ?1 AND status = 'published'");
  query.bind(1, question_id);
  if (query.step()) return query.integer(0);
  return sql_error("answers", query);
}

Status set_asker_email(Database& db, std::string_view question_id, std::string_view email) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(), "INSERT INTO question_askers (question_id, email) VALUES (?1, ?2)");
  insert.bind(1, question_id).bind(2, email);
  return insert.run();
}

Result<std::optional<std::string>> asker_to_notify(Database& db, std::string_view question_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  "SELECT email FROM question_askers WHERE question_id = ?1 AND notified_at IS "
                  "NULL AND email <> ''");
  query.bind(1, question_id);
  if (query.step()) return std::optional<std::string>(query.text(0));
  if (query.failed()) return sql_error("question_askers", query);
  return std::optional<std::string>();
}

Status mark_asker_notified(Database& db, std::string_view question_id, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(),
                   "UPDATE question_askers SET notified_at = ?2 WHERE question_id = ?1");
  update.bind(1, question_id).bind(2, now);
  return update.run();
}

Result<std::int64_t> erase_askers(Database& db, std::string_view email) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement erase(db.handle(), "DELETE FROM question_askers WHERE email = ?1 COLLATE NOCASE");
  erase.bind(1, email);
  if (Status s = erase.run(); !s) return s.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

Result<bool> claim_answer_link(Database& db, std::string_view question_id,
                               std::string_view order_id, std::string_view answer_id,
                               std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT OR IGNORE INTO answer_links (question_id, order_id, answer_id, used) "
                   "VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, question_id).bind(2, order_id).bind(3, answer_id).bind(4, now);
  if (Status s = insert.run(); !s) return s.error();
  return sqlite3_changes(db.handle()) == 1;
}

Result<AnswerVotes> cast_answer_vote(Database& db, std::string_view answer_id,
                                     std::string_view visitor, int direction, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement upsert(db.handle(),
                   "INSERT INTO answer_votes (answer_id, visitor, direction, created) "
                   "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (answer_id, visitor) DO UPDATE SET "
                   "direction = excluded.direction, created = excluded.created");
  upsert.bind(1, answer_id).bind(2, visitor).bind_int(3, direction).bind(4, now);
  if (Status s = upsert.run(); !s) return s.error();
  Statement counts(db.handle(),
                   "SELECT coalesce(sum(direction = 1), 0), coalesce(sum(direction = -1), 0) "
                   "FROM answer_votes WHERE answer_id = ?1");
  counts.bind(1, answer_id);
  if (!counts.step()) return sql_error("answer_votes", counts);
  return AnswerVotes{counts.integer(0), counts.integer(1)};
}

Result<std::vector<VerifiedBuyer>> verified_buyers(Database& db, std::string_view product_id,
                                                   std::int64_t limit) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  "SELECT v.order_id, coalesce(r.author, '') FROM verified_orders v "
                  "LEFT JOIN reviews r ON r.id = v.review_id WHERE v.product_id = ?1 "
                  "ORDER BY v.used DESC, v.order_id LIMIT ?2");
  query.bind(1, product_id).bind(2, limit);
  std::vector<VerifiedBuyer> out;
  while (query.step()) out.push_back({query.text(0), query.text(1)});
  if (query.failed()) return sql_error("verified_orders", query);
  return out;
}

}  // namespace vouch::server::questions
