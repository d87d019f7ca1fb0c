#include "requests/request_templates.hpp"

#include <mutex>

#include "vouch/i18n.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server::requests {

namespace rm = vouch::request_mail;

std::optional<std::string> shipped_locale(std::string_view tag) {
  for (std::size_t i = 0; i < i18n::kLocaleCount; ++i) {
    const std::string_view name = i18n::locale_tag(static_cast<i18n::Locale>(i));
    if (name == tag) return std::string(name);
  }
  return std::nullopt;
}

std::optional<MailTemplate> stored_template(Database& db, MailKind kind, std::string_view locale) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement row(db.handle(),
                "SELECT subject, intro FROM request_templates WHERE kind = ?1 AND locale = ?2");
  row.bind(1, rm::mail_kind_name(kind)).bind(2, locale);
  if (!row.step()) return std::nullopt;
  MailTemplate value{row.text(0), row.text(1)};
  if (!rm::check_template(value).empty()) return std::nullopt;
  return value;
}

json issues_json(const std::vector<rm::TemplateIssue>& issues) {
  json list = json::array();
  for (const rm::TemplateIssue& issue : issues)
    list.push_back({{"field", issue.field},
                    {"code", issue.code},
                    {"offset", issue.offset},
                    {"message", issue.message}});
  return list;
}

json templates_json(App& app) {
  json list = json::array();
  for (MailKind kind : {MailKind::Request, MailKind::Reminder}) {
    for (std::size_t i = 0; i < i18n::kLocaleCount; ++i) {
      const auto locale = static_cast<i18n::Locale>(i);
      const std::string tag(i18n::locale_tag(locale));
      const MailTemplate fallback = rm::default_template(kind, locale);
      const std::optional<MailTemplate> custom = stored_template(*app.db, kind, tag);
      const MailTemplate& shown = custom ? *custom : fallback;
      list.push_back({{"kind", rm::mail_kind_name(kind)},
                      {"locale", tag},
                      {"subject", shown.subject},
                      {"intro", shown.intro},
                      {"custom", custom.has_value()},
                      {"default", {{"subject", fallback.subject}, {"intro", fallback.intro}}}});
    }
  }
  return {{"templates", list}, {"placeholders", {"store_name", "customer_name"}}};
}

app::Outcome<TemplateSave> save_template(App& app, const std::string& actor, MailKind kind,
                                         const std::string& locale, const MailTemplate& value) {
  TemplateSave result;
  result.issues = rm::check_template(value);
  if (!result.issues.empty()) return result;
  Database& db = *app.db;
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement upsert(db.handle(),
                   "INSERT INTO request_templates (kind, locale, subject, intro, updated_at, "
                   "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kind, locale) DO "
                   "UPDATE SET subject = excluded.subject, intro = excluded.intro, updated_at = "
                   "excluded.updated_at, updated_by = excluded.updated_by");
  upsert.bind(1, rm::mail_kind_name(kind))
      .bind(2, locale)
      .bind(3, value.subject)
      .bind(4, value.intro)
      .bind(5, app.now())
      .bind(6, actor);
  if (Status ran = upsert.run(); !ran) return app::problem_from(ran.error(), "internal");
  return result;
}

app::Outcome<bool> reset_template(App& app, MailKind kind, const std::string& locale) {
  Database& db = *app.db;
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement remove(db.handle(), "DELETE FROM request_templates WHERE kind = ?1 AND locale = ?2");
  remove.bind(1, rm::mail_kind_name(kind)).bind(2, locale);
  if (Status ran = remove.run(); !ran) return app::problem_from(ran.error(), "internal");
  return sqlite3_changes(db.handle()) > 0;
}

}  // namespace vouch::server::requests
