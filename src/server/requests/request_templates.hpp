#pragma once
// The store's edits of the request mail, per kind and locale (table
// request_templates). Absent = the core's catalogue text. Every write goes
// through the core's check_template; a stored row that no longer passes is
// ignored at send time (the default is used), so no row can break a mail.

#include <optional>
#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "http_util.hpp"
#include "vouch/request_mail.hpp"

namespace vouch::server::requests {

using vouch::request_mail::MailKind;
using vouch::request_mail::MailTemplate;

std::optional<MailTemplate> stored_template(Database& db, MailKind kind, std::string_view locale);

// Every kind x locale: {"kind","locale","subject","intro","custom","default":{subject,intro}}.
json templates_json(App& app);

struct TemplateSave {
  std::vector<vouch::request_mail::TemplateIssue> issues;  // non-empty: nothing saved
};
app::Outcome<TemplateSave> save_template(App& app, const std::string& actor, MailKind kind,
                                         const std::string& locale, const MailTemplate& value);
app::Outcome<bool> reset_template(App& app, MailKind kind, const std::string& locale);

json issues_json(const std::vector<vouch::request_mail::TemplateIssue>& issues);

// "en", "zh-CN", ... exactly as the core names them; nullopt for anything else.
std::optional<std::string> shipped_locale(std::string_view tag);

}  // namespace vouch::server::requests
