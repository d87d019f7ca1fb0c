#include "config.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "vouch/url.hpp"

namespace vouch::server {

using json = nlohmann::json;

namespace {

std::string resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || path[0] == '/' || base_dir.empty()) return path;
  return base_dir + "/" + path;
}

std::string trim_trailing_newlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return text;
}

Status read_string(const json& object, const char* key, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end()) return Ok{};
  if (!it->is_string()) return Error{key, "expected a string"};
  out = it->get_ref<const std::string&>();
  return Ok{};
}

Status read_size(const json& object, const char* key, std::size_t& out, std::string_view parent) {
  const auto it = object.find(key);
  if (it == object.end()) return Ok{};
  if (!it->is_number_unsigned())
    return Error{std::string(parent) + key, "expected a non-negative integer"};
  out = static_cast<std::size_t>(it->get<std::uint64_t>());
  return Ok{};
}

}  // namespace

std::string_view moderation_mode_name(ModerationMode mode) {
  switch (mode) {
    case ModerationMode::Flagged:
      return "flagged";
    case ModerationMode::All:
      return "all";
    case ModerationMode::None:
      return "none";
  }
  return "flagged";
}

Result<std::string> read_text_file(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Error{path, "cannot open file"};
  std::string bytes;
  char buffer[65536];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return Error{path, "read error"};
  return bytes;
}

Status write_text_file(const std::string& path, std::string_view bytes) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return Error{path, "cannot create file"};
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) return Error{path, "write error"};
  return Ok{};
}

namespace {

// Photo URLs are public_url + "/api/v1/photos/<name>" (photos.cpp): an origin
// with an optional path, nothing a URL could append to (query, fragment).
Status check_public_url(const std::string& url) {
  if (url.empty()) return Ok{};
  if (!vouch::url::is_http_url(url) || url.find_first_of("?#\\") != std::string::npos)
    return Error{"public_url",
                 "expected the server's public http(s) address, e.g. "
                 "\"https://reviews.shop.example\""};
  return Ok{};
}

// "questions": {"unverified_answers", "product_url", "answer_link_days",
// "invites_per_question", "invite_cooldown_days", "invite_on_publish"}.
Status parse_questions(const json& root, QuestionSettings& out) {
  const auto it = root.find("questions");
  if (it == root.end()) return Ok{};
  if (!it->is_object()) return Error{"questions", "expected an object"};
  for (const auto& item : it->items()) {
    const std::string& key = item.key();
    const json& value = item.value();
    if (key == "unverified_answers") {
      if (!value.is_boolean())
        return Error{"questions.unverified_answers", "expected true or false"};
      out.unverified_answers = value.get<bool>();
    } else if (key == "product_url") {
      const bool ok = value.is_string() &&
                      vouch::url::is_http_url(value.get_ref<const std::string&>()) &&
                      value.get_ref<const std::string&>().find("{product}") != std::string::npos &&
                      value.get_ref<const std::string&>().find('#') == std::string::npos;
      if (!ok)
        return Error{"questions.product_url",
                     "expected an http(s) URL holding {product}, without a #fragment, e.g. "
                     "\"https://shop.example/products/{product}\""};
      out.product_url = value.get<std::string>();
    } else if (key == "answer_link_days") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
          value.get<std::int64_t>() > 365)
        return Error{"questions.answer_link_days", "expected a whole number of days 1..365"};
      out.answer_link_days = value.get<std::int64_t>();
    } else if (key == "invites_per_question") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
          value.get<std::int64_t>() > 200)
        return Error{"questions.invites_per_question", "expected a whole number 1..200"};
      out.invites_per_question = value.get<std::int64_t>();
    } else if (key == "invite_cooldown_days") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
          value.get<std::int64_t>() > 365)
        return Error{"questions.invite_cooldown_days", "expected a whole number of days 0..365"};
      out.invite_cooldown_days = value.get<std::int64_t>();
    } else if (key == "invite_on_publish") {
      if (!value.is_boolean())
        return Error{"questions.invite_on_publish", "expected true or false"};
      out.invite_on_publish = value.get<bool>();
    } else {
      return Error{"questions." + key,
                   "unknown member (expected unverified_answers, product_url, answer_link_days, "
                   "invites_per_question, invite_cooldown_days, invite_on_publish)"};
    }
  }
  return Ok{};
}

// "sessions": {"idle_minutes": 60, "absolute_hours": 12}; unknown members
// are errors, like everywhere in the config.
Status parse_sessions(const json& root, SessionLimits& out) {
  const auto it = root.find("sessions");
  if (it == root.end()) return Ok{};
  if (!it->is_object()) return Error{"sessions", "expected an object"};
  for (const auto& item : it->items()) {
    if (item.key() != "idle_minutes" && item.key() != "absolute_hours")
      return Error{"sessions." + item.key(),
                   "unknown member (expected idle_minutes, absolute_hours)"};
  }
  std::size_t idle = static_cast<std::size_t>(out.idle_minutes);
  std::size_t absolute = static_cast<std::size_t>(out.absolute_hours);
  if (Status s = read_size(*it, "idle_minutes", idle, "sessions."); !s) return s;
  if (Status s = read_size(*it, "absolute_hours", absolute, "sessions."); !s) return s;
  if (idle < 1 || idle > 7 * 24 * 60)
    return Error{"sessions.idle_minutes", "expected 1..10080 (a week)"};
  if (absolute < 1 || absolute > 24 * 90)
    return Error{"sessions.absolute_hours", "expected 1..2160 (90 days)"};
  out.idle_minutes = static_cast<std::int64_t>(idle);
  out.absolute_hours = static_cast<std::int64_t>(absolute);
  return Ok{};
}

}  // namespace

Result<Config> parse_config(std::string_view json_text, const std::string& base_dir) {
  const json root = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (root.is_discarded()) return Error{"config", "not valid JSON"};
  if (!root.is_object()) return Error{"config", "expected a JSON object"};

  static const std::set<std::string> kKnown = {"store_name",
                                               "public_url",
                                               "allowed_origins",
                                               "admin_token",
                                               "admin_token_file",
                                               "admins",
                                               "hmac_secret",
                                               "hmac_secret_file",
                                               "moderation",
                                               "policy",
                                               "upload_dir",
                                               "limits",
                                               "static",
                                               "snapshot_max_age_seconds",
                                               "threads",
                                               "sessions",
                                               "triage",
                                               "response_clock",
                                               "time_zone",
                                               "console_dir",
                                               "mail",
                                               "webhooks",
                                               "requests",
                                               "questions",
                                               "retention"};
  for (const auto& item : root.items()) {
    if (!kKnown.count(item.key())) return Error{item.key(), "unknown configuration member"};
  }

  Config config;
  for (auto status : {read_string(root, "store_name", config.store_name),
                      read_string(root, "public_url", config.public_url),
                      read_string(root, "hmac_secret", config.hmac_secret),
                      read_string(root, "upload_dir", config.upload_dir)}) {
    if (!status) return status.error();
  }
  while (!config.public_url.empty() && config.public_url.back() == '/')
    config.public_url.pop_back();
  if (Status s = check_public_url(config.public_url); !s) return s.error();
  config.upload_dir = resolve(base_dir, config.upload_dir);
  if (Status s = read_string(root, "console_dir", config.console_dir); !s) return s.error();
  if (!config.console_dir.empty()) config.console_dir = resolve(base_dir, config.console_dir);

  if (const auto it = root.find("allowed_origins"); it != root.end()) {
    if (!it->is_array()) return Error{"allowed_origins", "expected an array of origins"};
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& origin = (*it)[i];
      if (!origin.is_string())
        return Error{"allowed_origins[" + std::to_string(i) + "]", "expected a string"};
      std::string text = origin.get<std::string>();
      if (text.rfind("http://", 0) != 0 && text.rfind("https://", 0) != 0) {
        return Error{"allowed_origins[" + std::to_string(i) + "]",
                     "expected an origin like https://shop.example"};
      }
      while (!text.empty() && text.back() == '/') text.pop_back();
      config.allowed_origins.push_back(text);
    }
  }

  std::string token;
  if (Status s = read_string(root, "admin_token", token); !s) return s.error();
  std::string token_file;
  if (Status s = read_string(root, "admin_token_file", token_file); !s) return s.error();
  if (!token_file.empty()) {
    Result<std::string> text = read_text_file(resolve(base_dir, token_file));
    if (!text) return Error{"admin_token_file", text.error().to_string()};
    token = trim_trailing_newlines(text.value());
  }
  if (!token.empty()) config.admin_tokens["admin"] = token;
  if (const auto it = root.find("admins"); it != root.end()) {
    if (!it->is_object()) return Error{"admins", "expected an object of name -> token"};
    for (const auto& item : it->items()) {
      if (!item.value().is_string()) return Error{"admins." + item.key(), "expected a string"};
      config.admin_tokens[item.key()] = item.value().get<std::string>();
    }
  }
  for (const auto& [name, value] : config.admin_tokens) {
    // Short tokens can be guessed over the network despite rate limits.
    if (value.size() < 16)
      return Error{"admins." + name, "admin token must be at least 16 characters"};
  }

  std::string secret_file;
  if (Status s = read_string(root, "hmac_secret_file", secret_file); !s) return s.error();
  if (!secret_file.empty()) {
    Result<std::string> text = read_text_file(resolve(base_dir, secret_file));
    if (!text) return Error{"hmac_secret_file", text.error().to_string()};
    config.hmac_secret = trim_trailing_newlines(text.value());
  }
  if (!config.hmac_secret.empty() && config.hmac_secret.size() < 32) {
    return Error{"hmac_secret", "must be at least 32 characters"};
  }

  std::string mode = "flagged";
  if (Status s = read_string(root, "moderation", mode); !s) return s.error();
  if (mode == "flagged")
    config.moderation = ModerationMode::Flagged;
  else if (mode == "all")
    config.moderation = ModerationMode::All;
  else if (mode == "none")
    config.moderation = ModerationMode::None;
  else
    return Error{"moderation", "expected \"flagged\", \"all\" or \"none\""};

  if (const auto it = root.find("policy"); it != root.end()) {
    if (!it->is_object()) return Error{"policy", "expected an object"};
    config.policy_json = it->dump(-1, ' ', false, json::error_handler_t::replace);
  }

  // The console's triage and response clock: the core parses them (make_app).
  for (const auto& [key, target] :
       {std::pair<const char*, std::string*>{"triage", &config.triage_json},
        {"response_clock", &config.clock_json}}) {
    if (const auto it = root.find(key); it != root.end()) {
      if (!it->is_object()) return Error{key, "expected an object"};
      *target = it->dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  if (const auto it = root.find("time_zone"); it != root.end()) {
    if (!it->is_string() || it->get_ref<const std::string&>().empty())
      return Error{"time_zone", "expected an IANA zone name such as \"Europe/Berlin\""};
    config.time_zone = it->get<std::string>();
  }

  if (Status s = parse_questions(root, config.questions); !s) return s.error();
  // "requests": the review-request timing (requests/request_settings.hpp).
  if (const auto it = root.find("requests"); it != root.end()) {
    if (Status s = requests::parse_request_settings(
            it->dump(-1, ' ', false, json::error_handler_t::replace), config.requests);
        !s)
      return s.error();
  }

  if (const auto it = root.find("limits"); it != root.end()) {
    if (!it->is_object()) return Error{"limits", "expected an object"};
    Limits& limits = config.limits;
    std::size_t window = static_cast<std::size_t>(limits.submission_window_seconds);
    // Photo limits have one owner, the policy, because the form checks them
    // in the browser with the same policy (they were 10 MiB there, 5 here).
    for (const char* moved : {"max_photo_bytes", "max_photos"}) {
      if (it->contains(moved))
        return Error{std::string("limits.") + moved,
                     "photo limits are set in policy.photos (max_bytes, max_count), which the "
                     "review form reads too"};
    }
    for (auto status :
         {read_size(*it, "max_json_bytes", limits.max_json_bytes, "limits."),
          read_size(*it, "max_photo_pixels", limits.max_photo_pixels, "limits."),
          read_size(*it, "max_import_bytes", limits.max_import_bytes, "limits."),
          read_size(*it, "submissions_per_ip", limits.submissions_per_ip, "limits."),
          read_size(*it, "submissions_per_product", limits.submissions_per_product, "limits."),
          read_size(*it, "votes_per_ip_per_review", limits.votes_per_ip_per_review, "limits."),
          read_size(*it, "votes_per_ip_per_hour", limits.votes_per_ip_per_hour, "limits."),
          read_size(*it, "submission_window_seconds", window, "limits.")}) {
      if (!status) return status.error();
    }
    if (window == 0) return Error{"limits.submission_window_seconds", "must be positive"};
    if (limits.max_photo_pixels == 0) return Error{"limits.max_photo_pixels", "must be positive"};
    limits.submission_window_seconds = static_cast<std::int64_t>(window);
  }

  if (const auto it = root.find("static"); it != root.end()) {
    if (!it->is_object()) return Error{"static", "expected an object of URL prefix -> directory"};
    for (const auto& item : it->items()) {
      if (!item.value().is_string() || item.key().empty() || item.key()[0] != '/') {
        return Error{"static." + item.key(), "expected \"/prefix/\": \"directory\""};
      }
      config.static_mounts.emplace_back(item.key(),
                                        resolve(base_dir, item.value().get<std::string>()));
    }
  }
  if (Status s = read_size(root, "snapshot_max_age_seconds", config.snapshot_max_age_seconds, "");
      !s) {
    return s.error();
  }
  if (Status s = read_size(root, "threads", config.threads, ""); !s) return s.error();
  if (config.threads == 0 || config.threads > 256) return Error{"threads", "expected 1..256"};
  if (Status s = parse_sessions(root, config.sessions); !s) return s.error();
  if (const auto it = root.find("mail"); it != root.end()) {
    Result<outbox::MailSettings> mail = outbox::parse_mail_settings(*it, base_dir);
    if (!mail) return mail.error();
    config.mail = std::move(mail.value());
  }
  if (const auto it = root.find("retention"); it != root.end()) {
    Result<RetentionSettings> retention = parse_retention_settings(*it);
    if (!retention) return retention.error();
    config.retention = retention.value();
  }
  if (const auto it = root.find("webhooks"); it != root.end()) {
    Result<webhooks::WebhookSettings> hooks = webhooks::parse_webhook_settings(*it, base_dir);
    if (!hooks) return hooks.error();
    config.webhooks = std::move(hooks.value());
  }
  return config;
}

Result<Config> load_config(const std::string& path) {
  Result<std::string> text = read_text_file(path);
  if (!text) return text.error();
  const std::size_t slash = path.rfind('/');
  const std::string base_dir = slash == std::string::npos ? "." : path.substr(0, slash);
  Result<Config> config = parse_config(text.value(), base_dir);
  if (!config) return Error{path + ": " + config.error().path, config.error().message};
  return config;
}

}  // namespace vouch::server
