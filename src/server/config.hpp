#pragma once
// The server's configuration file (JSON, see docs/api.md "Configuration").
// Every member is optional except what `serve` needs at run time (an admin
// token, an HMAC secret); unknown members are an error so typos do not pass
// silently.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "outbox/mail_settings.hpp"
#include "requests/request_settings.hpp"
#include "retention_settings.hpp"
#include "vouch/status.hpp"
#include "webhooks/webhook_settings.hpp"

namespace vouch::server {

enum class ModerationMode {
  Flagged,  // publish at once unless the validator raised a moderation flag
  All,      // hold every review for a moderator
  None,     // publish every valid review, flags are only recorded
};
// There is deliberately no mode that looks at the star rating (FTC 16 CFR 465).

struct Limits {
  std::size_t max_json_bytes = 64 * 1024;  // JSON bodies (submissions, admin calls)
  // Not configurable here: make_app copies policy.photos (max_bytes, max_count),
  // the one owner of photo limits, so the HTTP layer can size request bodies.
  std::size_t max_photo_bytes = 5 * 1024 * 1024;  // one uploaded photo
  std::size_t max_photos = 5;
  // Pixels (width x height, from the decoded header) of one uploaded photo: the
  // one owner of this limit. 25 MP covers phone and most camera photos (a 12 MP
  // phone shot is 4032x3024); larger headers are refused before decoding.
  std::size_t max_photo_pixels = 25'000'000;
  std::size_t max_import_bytes = 64 * 1024 * 1024;  // CSV/JSON import through the admin API
  std::size_t submissions_per_ip = 10;              // per window
  std::size_t submissions_per_product = 120;        // per window
  std::int64_t submission_window_seconds = 3600;
  // Helpful votes from one client IP: on one review per day (a household may
  // share an address), and on all reviews per hour. A visitor id is the
  // widget's own random string, so it cannot be the limit's key.
  std::size_t votes_per_ip_per_review = 3;
  std::size_t votes_per_ip_per_hour = 60;
};

// Console sessions (issue 15): a session ends after `idle_minutes` without a
// request, and `absolute_hours` after its login whatever the activity.
struct SessionLimits {
  std::int64_t idle_minutes = 60;
  std::int64_t absolute_hours = 12;
};

// Questions and answers (issue 17): "questions": {"unverified_answers": false,
// "product_url": "https://shop.example/products/{product}", "answer_link_days": 30,
// "invites_per_question": 20, "invite_cooldown_days": 30, "invite_on_publish": false}.
// product_url is where the widget shows a product: answer links the console
// lists point there ("" = the console lists the bare token, and no invitation
// can be mailed). The invite_* members bound the answer invitations by e-mail
// (questions/invite_mail.hpp).
struct QuestionSettings {
  bool unverified_answers = false;  // answers without a signed link are allowed (badge "none")
  std::string product_url;          // "{product}" is replaced by the URL-encoded product id
  std::int64_t answer_link_days = 30;
  std::int64_t invites_per_question = 20;  // addresses mailed per question, newest orders first
  std::int64_t invite_cooldown_days = 30;  // at most one invitation per address in this window
  bool invite_on_publish = false;          // publishing a question mails its buyers
};

struct Config {
  std::string store_name = "Vouch store";
  // The server's public address, e.g. "https://reviews.shop.example": photo URLs
  // are built from it (never from the request's Host). Unset = photo uploads are
  // refused (photos_not_accepted), see docs/decisions.md.
  std::string public_url;
  std::vector<std::string> allowed_origins;         // may POST reviews/votes/reports from a browser
  std::map<std::string, std::string> admin_tokens;  // actor name -> bearer token
  std::string hmac_secret;
  ModerationMode moderation = ModerationMode::Flagged;
  std::string policy_json;  // handed to the core's validator as is ("" = its defaults)
  std::string upload_dir = "uploads";
  Limits limits;
  std::vector<std::pair<std::string, std::string>> static_mounts;  // URL prefix -> directory
  // The owner console's files (dist/admin), served at /admin/. From the config
  // key "console_dir"; `serve` fills it by discovery when unset (console_dir.hpp).
  std::string console_dir;
  std::size_t snapshot_max_age_seconds = 60;  // Cache-Control for snapshots
  std::size_t threads = 8;
  SessionLimits sessions;
  // The console (issue 15): "triage" and "response_clock" objects as JSON text
  // for the core's parsers ("" = their defaults), the store's IANA time zone.
  std::string triage_json;
  std::string clock_json;
  std::string time_zone = "UTC";
  // The outbox's SMTP relay ("mail"; disabled = mail is queued, never sent)
  // and the webhook endpoints and delivery timing ("webhooks"), issue 18.
  outbox::MailSettings mail;
  webhooks::WebhookSettings webhooks;
  // Review requests after an order (issue 18): requests/request_settings.hpp.
  requests::RequestSettings requests;
  QuestionSettings questions;
  // How long sent/failed mails and finished webhook events are kept.
  RetentionSettings retention;
};

// Parses a config file's text. Relative paths (token/secret files, upload dir,
// static mounts) are resolved against `base_dir` (the config file's folder).
Result<Config> parse_config(std::string_view json_text, const std::string& base_dir);
Result<Config> load_config(const std::string& path);

std::string_view moderation_mode_name(ModerationMode mode);

// Reads a whole file into memory ("" path gives an error).
Result<std::string> read_text_file(const std::string& path);
Status write_text_file(const std::string& path, std::string_view bytes);

}  // namespace vouch::server
