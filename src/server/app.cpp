#include "app.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>

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
  Result<std::unique_ptr<Database>> db = Database::open(db_path);
  if (!db) return db.error();
  app->db = std::move(db.value());
  if (Status migrated = migrate(*app->db); !migrated) return migrated.error();
  if (!config.upload_dir.empty() && ::mkdir(config.upload_dir.c_str(), 0750) != 0 &&
      errno != EEXIST) {
    return Error{config.upload_dir, "cannot create upload directory"};
  }
  app->per_ip = std::make_unique<RateLimiter>(config.limits.submissions_per_ip,
                                              config.limits.submission_window_seconds);
  app->per_product = std::make_unique<RateLimiter>(config.limits.submissions_per_product,
                                                   config.limits.submission_window_seconds);
  app->now = unix_now;
  app->config = std::move(config);
  return app;
}

}  // namespace vouch::server
