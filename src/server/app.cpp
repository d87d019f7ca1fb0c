#include "app.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>

#include "app/review_health.hpp"
#include "auth/login.hpp"
#include "inbox/inbox_triage.hpp"
#include "inbox/templates_store.hpp"
#include "migrations.hpp"

namespace vouch::server {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<std::unique_ptr<App>> make_app(Config config, const std::string& db_path) {
  auto app = std::make_unique<App>();
  if (config.policy_json.empty()) {
    app->policy = default_policy();
  } else {
    Result<Policy> policy = parse_policy(config.policy_json);
    if (!policy) return Error{"policy." + policy.error().path, policy.error().message};
    app->policy = policy.value();
  }
  // The policy owns photo limits; the HTTP layer reads them from config.limits.
  config.limits.max_photos = app->policy.photos.max_count;
  config.limits.max_photo_bytes = static_cast<std::size_t>(app->policy.photos.max_bytes);
  Result<std::unique_ptr<Database>> db = Database::open(db_path);
  if (!db) return db.error();
  app->db = std::move(db.value());
  Result<std::size_t> before = schema_version(*app->db);
  if (!before) return before.error();
  if (Status migrated = migrate(*app->db); !migrated) return migrated.error();
  // Rows written by a version before the stored-review rules (schema < 3) are
  // checked once, as part of the upgrade.
  if (before.value() > 0 && before.value() < 3) {
    if (Result<app::OldRowsReport> checked = app::check_old_rows(*app->db); !checked)
      return checked.error();
  }
  Result<std::unique_ptr<inbox::InboxSettings>> inbox = inbox::make_inbox_settings(config);
  if (!inbox) return inbox.error();
  app->inbox = std::move(inbox.value());
  // Reviews without an inbox row get one; a changed configuration re-triages.
  if (Result<inbox::PrepareReport> prepared = inbox::prepare_inbox(*app->db, *app->inbox);
      !prepared)
    return prepared.error();
  if (!config.upload_dir.empty() && ::mkdir(config.upload_dir.c_str(), 0750) != 0 &&
      errno != EEXIST) {
    return Error{config.upload_dir, "cannot create upload directory"};
  }
  app->per_ip = std::make_unique<RateLimiter>(config.limits.submissions_per_ip,
                                              config.limits.submission_window_seconds);
  app->per_product = std::make_unique<RateLimiter>(config.limits.submissions_per_product,
                                                   config.limits.submission_window_seconds);
  app->votes_per_review =
      std::make_unique<RateLimiter>(config.limits.votes_per_ip_per_review, 86400);
  app->votes_per_hour = std::make_unique<RateLimiter>(config.limits.votes_per_ip_per_hour, 3600);
  app->login_failures =
      std::make_unique<RateLimiter>(auth::kLoginFailuresPerIp, auth::kLoginFailureWindowSeconds);
  app->now = unix_now;
  app->config = std::move(config);
  // The core's seed reply templates, once: on the start whose migration
  // created the templates table.
  if (before.value() < 4) {
    if (Status seeded = inbox::insert_seed_templates(*app->db, app->now()); !seeded)
      return seeded.error();
  }
  return app;
}

void enable_test_clock(App& app) {
  app.test_clock = true;
  std::function<std::int64_t()> base = app.now;
  App* target = &app;
  app.now = [base, target] { return base() + target->clock_offset.load(); };
}

}  // namespace vouch::server
