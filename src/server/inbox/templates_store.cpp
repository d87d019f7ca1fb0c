#include "inbox/templates_store.hpp"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "audit_log.hpp"
#include "http_util.hpp"
#include "inbox/console_item.hpp"
#include "questions/question_inbox.hpp"
#include "questions/question_store.hpp"
#include "vouch/query.hpp"
#include "vouch/review_rules.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server::inbox {

namespace {

using app::Failure;
using app::Outcome;
using app::problem;

std::string tags_to_json(const std::vector<std::string>& tags) { return json(tags).dump(); }

std::vector<std::string> tags_from_json(const std::string& text) {
  std::vector<std::string> tags;
  const json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_array()) return tags;
  for (const json& tag : parsed)
    if (tag.is_string()) tags.push_back(tag.get<std::string>());
  return tags;
}

constexpr const char* kColumns = "id, name, locale, tags, body, seed, updated, updated_by";

Template read_row(const Statement& row) {
  Template t;
  t.id = row.integer(0);
  t.name = row.text(1);
  t.locale = row.text(2);
  t.tags = tags_from_json(row.text(3));
  t.body = row.text(4);
  t.seed = row.text(5);
  t.updated = row.integer(6);
  t.updated_by = row.text(7);
  return t;
}

Result<std::vector<Template>> all_templates(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string("SELECT ") + kColumns +
                                   " FROM reply_templates ORDER BY name COLLATE NOCASE, id");
  std::vector<Template> out;
  while (query.step()) out.push_back(read_row(query));
  if (query.failed()) return Error{"reply_templates", query.error_message(), ErrorKind::Storage};
  return out;
}

Result<std::optional<Template>> template_by_id(Database& db, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  std::string("SELECT ") + kColumns + " FROM reply_templates WHERE id = ?1");
  query.bind(1, id);
  if (query.step()) return std::optional<Template>(read_row(query));
  if (query.failed()) return Error{"reply_templates", query.error_message(), ErrorKind::Storage};
  return std::optional<Template>();
}

std::string primary_subtag(std::string_view tag) {
  std::string out(tag.substr(0, tag.find('-')));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Every folded word of `query` occurs in the folded haystack.
bool matches_text(const Template& t, const std::vector<std::string>& words) {
  if (words.empty()) return true;
  std::string haystack = t.name + "\n" + t.body;
  for (const std::string& tag : t.tags) haystack += "\n" + tag;
  const std::string folded = fold_for_search(haystack);
  for (const std::string& word : words)
    if (folded.find(word) == std::string::npos) return false;
  return true;
}

bool has_control_besides_breaks(std::string_view text) {
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) return true;
  return false;
}

bool has_control(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

Outcome<TemplateWrite> refused(std::vector<TemplateIssue> issues) {
  TemplateWrite write;
  write.issues = std::move(issues);
  return write;
}

}  // namespace

const char* placeholder_description(reply::Placeholder placeholder) {
  switch (placeholder) {
    case reply::Placeholder::ReviewerName:
      return "the reviewer's display name";
    case reply::Placeholder::ReviewerFirstName:
      return "the first word of the reviewer's name (none for a one-word name)";
    case reply::Placeholder::ProductName:
      return "the product (its id until the store names products)";
    case reply::Placeholder::StoreName:
      return "the store's name (store_name in vouch.json)";
    case reply::Placeholder::OrderId:
      return "the order of a verified purchase";
    case reply::Placeholder::ReviewTitle:
      return "the review's title";
    case reply::Placeholder::DaysSinceReview:
      return "whole days since the review was written";
  }
  return "";
}

std::string warning_message(reply::ReplyWarningKind kind) {
  switch (kind) {
    case reply::ReplyWarningKind::Email:
      return "the text contains an e-mail address";
    case reply::ReplyWarningKind::Phone:
      return "the text contains a phone number";
    case reply::ReplyWarningKind::AsksToChangeReview:
      return "the text seems to ask the reviewer to change or remove the review or rating; "
             "never make anything conditional on that (US 16 CFR 465)";
  }
  return "";
}

std::vector<TemplateIssue> check_template(const TemplateInput& input) {
  std::vector<TemplateIssue> issues;
  const std::size_t name_chars =
      utf8::is_valid(input.name) ? utf8::count_code_points(input.name) : 0;
  if (name_chars == 0 || name_chars > kMaxTemplateName || has_control(input.name) ||
      text::trim(input.name).empty()) {
    issues.push_back({"name",
                      "invalid_name",
                      "name: 1 to 120 characters of text without control characters",
                      {},
                      {}});
  }
  if (!input.locale.empty() && !is_language_tag(input.locale)) {
    issues.push_back({"locale",
                      "invalid_locale",
                      "locale: a BCP 47 language tag (\"de\", \"zh-TW\") or \"\" for any",
                      {},
                      {}});
  }
  bool tags_ok = input.tags.size() <= kMaxTemplateTags;
  for (const std::string& tag : input.tags) {
    tags_ok = tags_ok && !tag.empty() && tag.size() <= kMaxTemplateTag && utf8::is_valid(tag) &&
              !has_control(tag);
  }
  if (!tags_ok) {
    issues.push_back({"tags",
                      "invalid_tags",
                      "tags: at most 20 strings of 1 to 64 bytes without control characters",
                      {},
                      {}});
  }
  if (input.body.size() > kMaxTemplateBody) {
    issues.push_back({"body", "too_long", "body: at most 5000 bytes (a reply's limit)", {}, {}});
  } else if (has_control_besides_breaks(input.body)) {
    // A template becomes a public reply: a NUL or bell would be stored in it.
    issues.push_back({"body",
                      "invalid_text",
                      "body: control characters other than line breaks and tabs",
                      {},
                      {}});
  } else if (text::trim(input.body).empty()) {
    issues.push_back({"body", "empty_body", "body: the template has no text", {}, {}});
  } else {
    for (const reply::TemplateError& error : reply::parse_template(input.body).errors) {
      issues.push_back({"body", reply::template_error_code(error.kind), error.to_string(),
                        error.begin, error.end});
    }
  }
  return issues;
}

Status insert_seed_templates(Database& db, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement seeded(db.handle(), "SELECT count(*) FROM reply_templates");
  if (!seeded.step()) return Error{"reply_templates", seeded.error_message(), ErrorKind::Storage};
  if (seeded.integer(0) > 0) return Ok{};
  Transaction transaction(db);
  for (const reply::SeedTemplate& seed : reply::seed_templates()) {
    Statement insert(db.handle(),
                     "INSERT INTO reply_templates (name, locale, tags, body, seed, created, "
                     "updated, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 'system')");
    insert.bind(1, seed.name)
        .bind(2, seed.locale)
        .bind(3, tags_to_json(seed.tags))
        .bind(4, seed.body)
        .bind(5, reply::seed_kind_name(seed.kind))
        .bind(6, now);
    if (Status ran = insert.run(); !ran) return ran;
  }
  return transaction.commit();
}

Outcome<std::vector<ScoredTemplate>> list_templates(App& app, const TemplateQuery& query) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  std::vector<std::string> item_tags;
  std::string language;
  const bool question =
      query.review_id.rfind("q", 0) == 0 && questions::is_question_item(app, query.review_id);
  if (!query.review_id.empty() && !question) {
    Outcome<StoredReview> review = load_review(app, query.review_id);
    if (!review) return review.problem();
    language = primary_subtag(review.value().review.language);
    Statement tags(app.db->handle(), "SELECT tag FROM inbox_tags WHERE review_id = ?1");
    tags.bind(1, query.review_id);
    while (tags.step()) item_tags.push_back(tags.text(0));
    if (tags.failed())
      return storage_problem("templates", Error{"inbox_tags", tags.error_message()});
  }
  Result<std::vector<Template>> all = all_templates(*app.db);
  if (!all) return storage_problem("templates", all.error());
  std::vector<std::string> words = split_list(fold_for_search(query.text), ' ');
  const std::string locale = lower_ascii(query.locale);
  std::vector<ScoredTemplate> out;
  for (Template& t : all.value()) {
    if (!locale.empty() && !t.locale.empty() && lower_ascii(t.locale) != locale) continue;
    if (!matches_text(t, words)) continue;
    ScoredTemplate scored{std::move(t), std::nullopt};
    if (!query.review_id.empty() && !question) {
      int shared = 0;
      for (const std::string& tag : scored.value.tags)
        shared += std::count(item_tags.begin(), item_tags.end(), tag) > 0 ? 1 : 0;
      const bool same_language =
          !language.empty() && primary_subtag(scored.value.locale) == language;
      scored.score = 2 * shared + (same_language ? 1 : 0);
    }
    out.push_back(std::move(scored));
  }
  // Names are already in order (the query sorts them): a stable sort by score
  // keeps it as the last key. 2 x shared + language keeps "tags first".
  std::stable_sort(out.begin(), out.end(), [](const ScoredTemplate& a, const ScoredTemplate& b) {
    return a.score.value_or(0) > b.score.value_or(0);
  });
  return out;
}

Outcome<Template> find_template(App& app, std::int64_t id) {
  Result<std::optional<Template>> found = template_by_id(*app.db, id);
  if (!found) return storage_problem("templates", found.error());
  if (!found.value()) return problem(Failure::NotFound, "not_found", "no such template");
  return *found.value();
}

Outcome<TemplateWrite> create_template(App& app, const std::string& actor,
                                       const TemplateInput& input) {
  if (std::vector<TemplateIssue> issues = check_template(input); !issues.empty())
    return refused(std::move(issues));
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  const std::int64_t now = app.now();
  Transaction transaction(*app.db);
  Statement insert(app.db->handle(),
                   "INSERT INTO reply_templates (name, locale, tags, body, seed, created, updated, "
                   "updated_by) VALUES (?1, ?2, ?3, ?4, '', ?5, ?5, ?6)");
  insert.bind(1, input.name)
      .bind(2, input.locale)
      .bind(3, tags_to_json(input.tags))
      .bind(4, input.body)
      .bind(5, now)
      .bind(6, actor);
  Status status = insert.run();
  const std::int64_t id = sqlite3_last_insert_rowid(app.db->handle());
  if (status)
    status = append_audit(*app.db, now, actor, "template_add", "", "",
                          "template " + std::to_string(id) + ": " + input.name);
  if (status) status = transaction.commit();
  if (!status) return storage_problem("templates", status.error());
  Outcome<Template> saved = find_template(app, id);
  if (!saved) return saved.problem();
  return TemplateWrite{saved.value(), {}};
}

Outcome<TemplateWrite> update_template(App& app, const std::string& actor, std::int64_t id,
                                       const TemplateInput& input) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<Template> before = find_template(app, id);
  if (!before) return before.problem();
  if (std::vector<TemplateIssue> issues = check_template(input); !issues.empty())
    return refused(std::move(issues));
  const std::int64_t now = app.now();
  Transaction transaction(*app.db);
  Statement update(app.db->handle(),
                   "UPDATE reply_templates SET name = ?1, locale = ?2, tags = ?3, body = ?4, "
                   "updated = ?5, updated_by = ?6 WHERE id = ?7");
  update.bind(1, input.name)
      .bind(2, input.locale)
      .bind(3, tags_to_json(input.tags))
      .bind(4, input.body)
      .bind(5, now)
      .bind(6, actor)
      .bind(7, id);
  Status status = update.run();
  if (status)
    status = append_audit(*app.db, now, actor, "template_edit", "", "",
                          "template " + std::to_string(id) + ": " + input.name);
  if (status) status = transaction.commit();
  if (!status) return storage_problem("templates", status.error());
  Outcome<Template> saved = find_template(app, id);
  if (!saved) return saved.problem();
  return TemplateWrite{saved.value(), {}};
}

Outcome<std::int64_t> delete_template(App& app, const std::string& actor, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<Template> before = find_template(app, id);
  if (!before) return before.problem();
  Transaction transaction(*app.db);
  Statement remove(app.db->handle(), "DELETE FROM reply_templates WHERE id = ?1");
  remove.bind(1, id);
  Status status = remove.run();
  if (status)
    status = append_audit(*app.db, app.now(), actor, "template_delete", "", "",
                          "template " + std::to_string(id) + ": " + before.value().name);
  if (status) status = transaction.commit();
  if (!status) return storage_problem("templates", status.error());
  return id;
}

reply::ReplyValues reply_values(const App& app, const StoredReview& stored) {
  reply::ReplyValues values;
  values.reviewer_name = stored.review.author;
  values.product_name = stored.review.product_id;  // no product names are stored yet
  values.store_name = app.config.store_name;
  values.order_id = stored.order_id;
  values.review_title = stored.review.title;
  values.days_since_review = reply::days_since(stored.review.created, app.now());
  return values;
}

// A question's values (issue 17): the asker's name, its text as the title.
Outcome<reply::ReplyValues> item_reply_values(App& app, const std::string& id) {
  if (id.rfind("q", 0) == 0 && is_valid_id(id)) {
    Result<std::optional<questions::StoredQuestion>> q = questions::find_question(*app.db, id);
    if (!q) return storage_problem("templates", q.error());
    if (q.value()) {
      reply::ReplyValues values;
      values.reviewer_name = q.value()->author;
      values.product_name = q.value()->product_id;
      values.store_name = app.config.store_name;
      values.review_title = q.value()->text;
      values.days_since_review = reply::days_since(q.value()->created, app.now());
      return values;
    }
  }
  Outcome<StoredReview> review = load_review(app, id);
  if (!review) return review.problem();
  return reply_values(app, review.value());
}

Outcome<Preview> preview_template(App& app, const std::string& body, const std::string& review_id) {
  Outcome<reply::ReplyValues> values = item_reply_values(app, review_id);
  if (!values) return values.problem();
  if (body.size() > kMaxTemplateBody)
    return problem(Failure::TooLarge, "too_long", "body: at most 5000 bytes");
  const reply::RenderResult rendered = reply::render_template(body, values.value());
  Preview preview;
  for (const reply::TemplateError& error : rendered.errors) {
    preview.errors.push_back({"body", reply::template_error_code(error.kind), error.to_string(),
                              error.begin, error.end});
  }
  for (reply::Placeholder missing : rendered.missing) {
    preview.errors.push_back(
        {"body",
         "missing_value",
         std::string("this review has no value for {") + reply::placeholder_name(missing) + "}",
         {},
         {}});
  }
  if (rendered.ok()) {
    preview.text = rendered.text;
    preview.warnings = reply::check_reply(preview.text);
  }
  return preview;
}

}  // namespace vouch::server::inbox
