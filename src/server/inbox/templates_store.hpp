#pragma once
// Reply templates (issue 15 item 5): storage, validation with the core's
// parser (vouch/reply_template.hpp), the seeds on the first start, the
// suggestion order for one review, and the preview of a template filled
// with a review's values. Replies are plain text: nothing here makes HTML.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "review_store.hpp"
#include "vouch/reply_template.hpp"

namespace vouch::server::inbox {

inline constexpr std::size_t kMaxTemplateName = 120;   // characters
inline constexpr std::size_t kMaxTemplateBody = 5000;  // bytes, like a reply
inline constexpr std::size_t kMaxTemplateTags = 20;
inline constexpr std::size_t kMaxTemplateTag = 64;  // bytes

struct Template {
  std::int64_t id = 0;
  std::string name;
  std::string locale;  // BCP 47, "" = any
  std::vector<std::string> tags;
  std::string body;
  std::string seed;  // the seed kind it came from, "" = written by staff
  std::int64_t updated = 0;
  std::string updated_by;
};

// One problem with a template a write refused: a field rule ("name",
// "locale", "tags", "body" size) or a parse error of the body with its span.
struct TemplateIssue {
  std::string field;
  std::string code;  // invalid_name, invalid_locale, invalid_tags, too_long, unknown_placeholder...
  std::string message;                // for people
  std::optional<std::size_t> offset;  // byte offset in the body (parse errors)
  std::optional<std::size_t> end;
};

// What a create/update answers: the stored template, or why it was refused
// (issues non-empty: 422 invalid_template).
struct TemplateWrite {
  Template saved;
  std::vector<TemplateIssue> issues;
};

struct TemplateInput {
  std::string name;
  std::string locale;
  std::vector<std::string> tags;
  std::string body;
};

// Inserts the core's seed_templates() (7 locales) into an empty table. The
// caller runs it once, on the start that created the table (migration 4), so
// an owner who deletes every template does not get them back.
Status insert_seed_templates(Database& db, std::int64_t now);

// The field and parse rules; empty when the template may be stored.
std::vector<TemplateIssue> check_template(const TemplateInput& input);

struct TemplateQuery {
  std::string review_id;  // "" = no suggestion order
  std::string text;       // every folded word must occur in name, tags or body
  std::string locale;     // "" = all; else that tag (case-insensitive) or "any" templates
};

struct ScoredTemplate {
  Template value;
  std::optional<int> score;  // with review_id: 2 x shared tags + 1 when the language matches
};

// With review_id: shared triage tags (inbox_tags) desc, then the language's
// primary subtag matching the template's, then name; else by name.
app::Outcome<std::vector<ScoredTemplate>> list_templates(App& app, const TemplateQuery& query);

app::Outcome<TemplateWrite> create_template(App& app, const std::string& actor,
                                            const TemplateInput& input);
app::Outcome<TemplateWrite> update_template(App& app, const std::string& actor, std::int64_t id,
                                            const TemplateInput& input);
app::Outcome<std::int64_t> delete_template(App& app, const std::string& actor, std::int64_t id);
app::Outcome<Template> find_template(App& app, std::int64_t id);

// A template filled with a review's values.
struct Preview {
  std::string text;                   // "" when errors is non-empty
  std::vector<TemplateIssue> errors;  // parse errors, then missing values (code missing_value)
  std::vector<reply::ReplyWarning> warnings;  // check_reply of the text
};
app::Outcome<Preview> preview_template(App& app, const std::string& body,
                                       const std::string& review_id);

// The reviewer's values for the placeholders (docs/console.md).
reply::ReplyValues reply_values(const App& app, const StoredReview& review);

// What a placeholder stands for (the editor's list).
const char* placeholder_description(reply::Placeholder placeholder);

// "e-mail address", "phone number", "asks the reviewer to change the review".
std::string warning_message(reply::ReplyWarningKind kind);

}  // namespace vouch::server::inbox
