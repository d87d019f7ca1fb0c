#include "inbox/inbox_triage.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "http_util.hpp"
#include "inbox/inbox_fold.hpp"
#include "questions/question_inbox.hpp"

namespace vouch::server::inbox {

namespace {

constexpr std::size_t kBatch = 1000;

const char* const kSourceColumns =
    "r.id, r.product_id, r.title, r.body, r.author, r.language, r.flags, r.rating, r.created, "
    "r.reply_text, r.reply_time, r.topics, r.status";

TriageSource source_from_row(const Statement& row) {
  TriageSource s;
  s.id = row.text(0);
  s.product_id = row.text(1);
  s.title = row.text(2);
  s.body = row.text(3);
  s.author = row.text(4);
  s.language = row.text(5);
  s.flags = row.text(6);
  s.rating = static_cast<int>(row.integer(7));
  s.created = row.integer(8);
  s.reply_text = row.text(9);
  s.reply_time = row.integer(10);
  s.topics = row.text(11);
  s.status = row.text(12);
  return s;
}

Status replace_tags(Database& db, const std::string& id, const std::vector<std::string>& tags) {
  Statement clear(db.handle(), "DELETE FROM inbox_tags WHERE review_id = ?1");
  clear.bind(1, id);
  if (Status s = clear.run(); !s) return s;
  for (const std::string& tag : tags) {
    Statement add(db.handle(), "INSERT OR IGNORE INTO inbox_tags (review_id, tag) VALUES (?1, ?2)");
    add.bind(1, id).bind(2, tag);
    if (Status s = add.run(); !s) return s;
  }
  return Ok{};
}

Status set_topics(Database& db, const InboxSettings& settings, const std::string& id,
                  const std::vector<std::string>& tags) {
  Statement update(db.handle(), "UPDATE reviews SET topics = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, dump_json(json(topic_labels(settings, tags))));
  return update.run();
}

Result<std::string> state_value(Database& db, const char* key) {
  Statement read(db.handle(), "SELECT value FROM console_state WHERE key = ?1");
  read.bind(1, std::string_view(key));
  if (read.step()) return read.text(0);
  if (read.failed()) return sql_error("console_state", read);
  return std::string();
}

Status set_state_value(Database& db, const char* key, const std::string& value) {
  Statement write(db.handle(),
                  "INSERT INTO console_state (key, value) VALUES (?1, ?2) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  write.bind(1, std::string_view(key)).bind(2, value);
  return write.run();
}

// Runs `step` on batches of rows from `select` (which takes the last seen
// review id as ?1 and the batch size as ?2, and returns kSourceColumns then
// four integers), each batch one transaction.
template <class Step>
Result<std::size_t> in_batches(Database& db, const std::string& select, Step step) {
  std::size_t total = 0;
  std::string after;
  for (;;) {
    std::vector<TriageSource> rows;
    std::vector<std::vector<std::int64_t>> extras;
    {
      Statement query(db.handle(), select);
      query.bind(1, after).bind(2, static_cast<std::int64_t>(kBatch));
      while (query.step()) {
        std::vector<std::int64_t> extra;
        for (int c = 13; c < 17; ++c) extra.push_back(query.integer(c));
        rows.push_back(source_from_row(query));
        extras.push_back(std::move(extra));
      }
      if (query.failed()) return sql_error("inbox batch", query);
    }
    if (rows.empty()) return total;
    Transaction transaction(db);
    if (!transaction.began()) return Error{"inbox batch", db.last_error(), ErrorKind::Storage};
    if (Status s = step(rows, extras); !s) return s.error();
    if (Status s = transaction.commit(); !s) return s.error();
    total += rows.size();
    after = rows.back().id;
  }
}

// Unanswered question items (migration 7) against the question target: the
// rule of a question's due time is question_due_time (question_inbox.hpp).
Result<std::size_t> reclock_questions(Database& db, const InboxSettings& settings) {
  std::size_t total = 0;
  std::string after;
  for (;;) {
    std::vector<std::pair<std::string, std::int64_t>> rows;
    {
      Statement query(db.handle(),
                      "SELECT review_id, arrived_at FROM inbox_items WHERE kind = 'question' AND "
                      "first_reply_at IS NULL AND review_id > ?1 ORDER BY review_id LIMIT ?2");
      query.bind(1, after).bind(2, static_cast<std::int64_t>(kBatch));
      while (query.step()) rows.emplace_back(query.text(0), query.integer(1));
      if (query.failed()) return sql_error("inbox batch", query);
    }
    if (rows.empty()) return total;
    Transaction transaction(db);
    if (!transaction.began()) return Error{"inbox batch", db.last_error(), ErrorKind::Storage};
    Statement update(db.handle(), "UPDATE inbox_items SET due_at = ?2 WHERE review_id = ?1");
    for (const auto& [id, arrived] : rows) {
      update.reset();
      update.bind(1, id).bind(2, questions::question_due_time(settings, arrived));
      if (Status s = update.run(); !s) return s.error();
    }
    if (Status s = transaction.commit(); !s) return s.error();
    total += rows.size();
    after = rows.back().first;
  }
}

}  // namespace

TriageSource triage_source(const StoredReview& stored) {
  const Review& r = stored.review;
  TriageSource s;
  s.id = r.id;
  s.product_id = r.product_id;
  s.title = r.title;
  s.body = r.body;
  s.author = r.author;
  s.language = r.language;
  s.flags = stored.flags;
  s.rating = r.rating;
  s.created = r.created;
  s.reply_text = r.reply.text;
  s.reply_time = r.reply.time;
  s.status = stored.status;
  return s;
}

triage::Triage run_triage(const InboxSettings& settings, const TriageSource& source) {
  std::vector<Flag> flags;
  for (const std::string& code : split_list(source.flags)) flags.push_back(Flag{code, "", ""});
  triage::ReviewText text;
  text.title = source.title;
  text.body = source.body;
  text.rating = source.rating;
  text.language = source.language;
  text.flags = &flags;
  return settings.tagger->run(text);
}

std::int64_t due_time(const InboxSettings& settings, int rating, std::int64_t arrived) {
  clock::ClockItem item;
  item.kind = clock::ItemKind::Review;
  item.rating = rating;
  item.arrived_at = arrived;
  const std::int64_t target = clock::target_for(item, settings.clock.targets);
  Result<clock::UnixSeconds> due =
      clock::add_business_time(arrived, target, settings.clock.calendar, *settings.zone);
  // A calendar that is never open has no due time in business terms: count
  // the target in plain time rather than leave the review without a clock.
  return due ? due.value() : arrived + target;
}

std::vector<std::string> topic_labels(const InboxSettings& settings,
                                      const std::vector<std::string>& tags) {
  std::vector<std::string> labels;
  for (const std::string& tag : tags) {
    std::string label = settings.label_of(tag);
    if (label.empty()) continue;  // a tag the config no longer has
    bool seen = false;
    for (const std::string& l : labels) seen = seen || l == label;
    if (!seen) labels.push_back(std::move(label));
  }
  return labels;
}

std::string search_text_of(const TriageSource& source) {
  return search_fold(source.title + "\n" + source.body + "\n" + source.author + "\n" +
                     source.product_id);
}

ItemWriter::ItemWriter(Database& db, const InboxSettings& settings)
    : db_(db),
      settings_(settings),
      insert_(db.handle(),
              "INSERT INTO inbox_items (review_id, state, priority, spam_risk, arrived_at, "
              "due_at, first_reply_at, search_text, rating, status, product_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
      add_tag_(db.handle(), "INSERT OR IGNORE INTO inbox_tags (review_id, tag) VALUES (?1, ?2)"),
      topics_(db.handle(), "UPDATE reviews SET topics = ?2 WHERE id = ?1") {}

Status ItemWriter::write(const TriageSource& source, const triage::Triage& result) {
  const bool replied = !source.reply_text.empty();
  insert_.reset();
  insert_.bind(1, source.id)
      .bind(2, std::string_view(replied ? "replied" : "unread"))
      .bind_int(3, static_cast<int>(result.priority))
      .bind_int(4, static_cast<int>(result.spam))
      .bind(5, source.created)
      .bind(6, due_time(settings_, source.rating, source.created))
      .bind(8, search_text_of(source))
      .bind_int(9, source.rating)
      .bind(10, source.status)
      .bind(11, source.product_id);
  // An imported review that already has a reply was answered then.
  if (replied)
    insert_.bind(7, source.reply_time != 0 ? source.reply_time : source.created);
  else
    insert_.bind_null(7);
  if (Status s = insert_.run(); !s) return s;
  for (const std::string& tag : result.tags) {
    add_tag_.reset();
    add_tag_.bind(1, source.id).bind(2, tag);
    if (Status s = add_tag_.run(); !s) return s;
  }
  // Most reviews get no tag: their topics stay as stored ('[]' by default).
  const std::string topics = dump_json(json(topic_labels(settings_, result.tags)));
  if (topics == source.topics) return Ok{};
  topics_.reset();
  topics_.bind(1, source.id).bind(2, topics);
  return topics_.run();
}

Status add_inbox_item(Database& db, const InboxSettings& settings, const TriageSource& source) {
  TriageSource copy = source;
  copy.topics.clear();  // unknown here: always write
  ItemWriter writer(db, settings);
  return writer.write(copy, run_triage(settings, copy));
}

std::vector<triage::Triage> run_triage_batch(const InboxSettings& settings,
                                             const std::vector<TriageSource>& sources) {
  std::vector<triage::Triage> results(sources.size());
  // The tagger is immutable after construction (Tagger::run is const), so a
  // batch is split over the cores; the writes stay on this thread.
  const unsigned cores = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  const std::size_t per = (sources.size() + cores - 1) / cores;
  std::vector<std::thread> workers;
  for (unsigned w = 1; w < cores && w * per < sources.size(); ++w) {
    workers.emplace_back([&, w] {
      for (std::size_t i = w * per; i < std::min(sources.size(), (w + 1) * per); ++i)
        results[i] = run_triage(settings, sources[i]);
    });
  }
  for (std::size_t i = 0; i < std::min(sources.size(), per); ++i)
    results[i] = run_triage(settings, sources[i]);
  for (std::thread& worker : workers) worker.join();
  return results;
}

Status write_topics(Database& db, const InboxSettings& settings, const std::string& review_id) {
  Statement read(db.handle(), "SELECT tag FROM inbox_tags WHERE review_id = ?1");
  read.bind(1, review_id);
  std::vector<std::string> stored;
  while (read.step()) stored.push_back(read.text(0));
  if (read.failed()) return sql_error("inbox_tags", read);
  // Configuration order, as triage writes them.
  std::vector<std::string> tags;
  for (const triage::TagDefinition& tag : settings.triage.tags)
    for (const std::string& s : stored)
      if (s == tag.id) tags.push_back(s);
  return set_topics(db, settings, review_id, tags);
}

Status refresh_search_text(Database& db, const std::string& review_id) {
  Statement read(db.handle(),
                 std::string("SELECT ") + kSourceColumns + " FROM reviews r WHERE r.id = ?1");
  read.bind(1, review_id);
  if (!read.step()) {
    if (read.failed()) return sql_error("reviews", read);
    return Ok{};
  }
  const TriageSource source = source_from_row(read);
  Statement update(db.handle(), "UPDATE inbox_items SET search_text = ?2 WHERE review_id = ?1");
  update.bind(1, review_id).bind(2, search_text_of(source));
  return update.run();
}

Result<PrepareReport> prepare_inbox(Database& db, const InboxSettings& settings) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  PrepareReport report;
  const std::string columns = kSourceColumns;
  // Reviews with no inbox row (a database from before the console).
  Result<std::size_t> backfilled = in_batches(
      db,
      "SELECT " + columns +
          ", 0, 0, 0, 0 FROM reviews r WHERE r.id > ?1 AND NOT EXISTS "
          "(SELECT 1 FROM inbox_items i WHERE i.review_id = r.id) ORDER BY r.id LIMIT ?2",
      [&](const std::vector<TriageSource>& rows, const auto&) -> Status {
        const std::vector<triage::Triage> results = run_triage_batch(settings, rows);
        ItemWriter writer(db, settings);
        for (std::size_t i = 0; i < rows.size(); ++i)
          if (Status s = writer.write(rows[i], results[i]); !s) return s;
        return Ok{};
      });
  if (!backfilled) return backfilled.error();
  report.backfilled = backfilled.value();

  Result<std::string> triage_hash = state_value(db, "triage_hash");
  if (!triage_hash) return triage_hash.error();
  if (!triage_hash.value().empty() && triage_hash.value() != settings.triage_hash) {
    Result<std::size_t> retriaged = in_batches(
        db,
        "SELECT " + columns +
            ", i.tags_corrected, i.priority_corrected, 0, 0 FROM reviews r JOIN inbox_items i "
            "ON i.review_id = r.id WHERE r.id > ?1 ORDER BY r.id LIMIT ?2",
        [&](const std::vector<TriageSource>& rows,
            const std::vector<std::vector<std::int64_t>>& corrected) -> Status {
          const std::vector<triage::Triage> results = run_triage_batch(settings, rows);
          for (std::size_t i = 0; i < rows.size(); ++i) {
            const TriageSource& source = rows[i];
            const triage::Triage& result = results[i];
            Statement update(db.handle(),
                             "UPDATE inbox_items SET spam_risk = ?2, search_text = ?3, "
                             "priority = CASE WHEN priority_corrected THEN priority ELSE ?4 END "
                             "WHERE review_id = ?1");
            update.bind(1, source.id)
                .bind_int(2, static_cast<int>(result.spam))
                .bind(3, search_text_of(source))
                .bind_int(4, static_cast<int>(result.priority));
            if (Status s = update.run(); !s) return s;
            if (corrected[i][0] == 0) {
              if (Status s = replace_tags(db, source.id, result.tags); !s) return s;
            }
            // Labels may have changed even where staff chose the tags.
            if (Status s = write_topics(db, settings, source.id); !s) return s;
          }
          return Ok{};
        });
    if (!retriaged) return retriaged.error();
    report.retriaged = retriaged.value();
  }
  if (triage_hash.value() != settings.triage_hash) {
    if (Status s = set_state_value(db, "triage_hash", settings.triage_hash); !s) return s.error();
  }

  Result<std::string> clock_hash = state_value(db, "clock_hash");
  if (!clock_hash) return clock_hash.error();
  if (!clock_hash.value().empty() && clock_hash.value() != settings.clock_hash) {
    // Only unanswered items: an answered one keeps the due time it was answered against.
    Result<std::size_t> reclocked = in_batches(
        db,
        "SELECT " + columns +
            ", 0, 0, 0, 0 FROM reviews r JOIN inbox_items i ON i.review_id = r.id "
            "WHERE r.id > ?1 AND i.first_reply_at IS NULL ORDER BY r.id LIMIT ?2",
        [&](const std::vector<TriageSource>& rows, const auto&) -> Status {
          Statement update(db.handle(), "UPDATE inbox_items SET due_at = ?2 WHERE review_id = ?1");
          for (const TriageSource& source : rows) {
            update.reset();
            update.bind(1, source.id).bind(2, due_time(settings, source.rating, source.created));
            if (Status s = update.run(); !s) return s;
          }
          return Ok{};
        });
    if (!reclocked) return reclocked.error();
    report.reclocked = reclocked.value();
    Result<std::size_t> questions = reclock_questions(db, settings);
    if (!questions) return questions.error();
    report.reclocked_questions = questions.value();
  }
  if (clock_hash.value() != settings.clock_hash) {
    if (Status s = set_state_value(db, "clock_hash", settings.clock_hash); !s) return s.error();
  }
  return report;
}

}  // namespace vouch::server::inbox
