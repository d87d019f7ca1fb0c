#pragma once
// The "mail" member of the config: how the outbox worker reaches the SMTP
// relay (docs/api.md "Configuration", docs/console.md "Outbox"). Without it
// the server still queues every mail (nothing is lost) but sends none.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "vouch/status.hpp"

namespace vouch::server::outbox {

enum class StartTls {
  Required,       // STARTTLS or no mail (the default: credentials never travel in clear)
  Opportunistic,  // STARTTLS when the relay offers it
  Off,            // plain SMTP (a relay on loopback, the demo's own)
};

struct MailSettings {
  bool enabled = false;  // a "mail" member was given
  std::string smtp_url;  // smtp://host:port (STARTTLS per `starttls`) or smtps://host:port
  StartTls starttls = StartTls::Required;
  std::string username;  // '' = no AUTH
  std::string password;  // from password_file
  std::string from;      // envelope and header sender, e.g. reviews@shop.example
  std::string from_name;
  std::string ca_file;      // '' = the system's CA bundle
  std::string helo_domain;  // the EHLO name ('' = libcurl's: the local host name)
  std::int64_t timeout_seconds = 30;
  // Temporary failures wait retry_base_seconds * 2^(attempt-1), at most
  // retry_max_seconds; the mail is given up (state failed) after max_attempts.
  std::int64_t max_attempts = 10;
  std::int64_t retry_base_seconds = 60;
  std::int64_t retry_max_seconds = 6 * 3600;
};

// `value` is the config's "mail" object; relative files against base_dir.
// Errors name the member ("mail.from: expected an address like ...").
Result<MailSettings> parse_mail_settings(const nlohmann::json& value, const std::string& base_dir);

// A plausible single address: local@domain, printable ASCII, no spaces,
// angle brackets, commas or line breaks (nothing a header could be forged with).
bool is_plain_address(std::string_view address);

}  // namespace vouch::server::outbox
