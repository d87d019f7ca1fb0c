#include "outbox/mail_settings.hpp"

#include <cctype>
#include <set>

#include "config.hpp"

namespace vouch::server::outbox {

using json = nlohmann::json;

namespace {

Status read_text(const json& object, const char* key, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end()) return Ok{};
  if (!it->is_string()) return Error{std::string("mail.") + key, "expected a string"};
  out = it->get<std::string>();
  return Ok{};
}

Status read_number(const json& object, const char* key, std::int64_t& out, std::int64_t min,
                   std::int64_t max) {
  const auto it = object.find(key);
  if (it == object.end()) return Ok{};
  if (!it->is_number_integer() || it->get<std::int64_t>() < min || it->get<std::int64_t>() > max)
    return Error{std::string("mail.") + key,
                 "expected an integer " + std::to_string(min) + ".." + std::to_string(max)};
  out = it->get<std::int64_t>();
  return Ok{};
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool is_plain_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  for (char c : address) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F || c == '<' || c == '>' || c == ',' || c == '"' || c == '(' ||
        c == ')' || c == ';' || c == '\\' || c == '[' || c == ']')
      return false;
  }
  return address.find('@') == at;
}

Result<MailSettings> parse_mail_settings(const json& value, const std::string& base_dir) {
  if (!value.is_object()) return Error{"mail", "expected an object"};
  static const std::set<std::string> kKnown = {
      "smtp_url",           "starttls",         "username",    "password_file",   "from",
      "from_name",          "ca_file",          "helo_domain", "timeout_seconds", "max_attempts",
      "retry_base_seconds", "retry_max_seconds"};
  for (const auto& item : value.items()) {
    if (!kKnown.count(item.key()))
      return Error{"mail." + item.key(),
                   "unknown member (expected smtp_url, starttls, username, password_file, from, "
                   "from_name, ca_file, helo_domain, timeout_seconds, max_attempts, "
                   "retry_base_seconds, retry_max_seconds)"};
  }
  MailSettings mail;
  mail.enabled = true;
  std::string starttls = "required";
  std::string password_file;
  for (auto status :
       {read_text(value, "smtp_url", mail.smtp_url), read_text(value, "starttls", starttls),
        read_text(value, "username", mail.username),
        read_text(value, "password_file", password_file), read_text(value, "from", mail.from),
        read_text(value, "from_name", mail.from_name), read_text(value, "ca_file", mail.ca_file),
        read_text(value, "helo_domain", mail.helo_domain),
        read_number(value, "timeout_seconds", mail.timeout_seconds, 1, 600),
        read_number(value, "max_attempts", mail.max_attempts, 1, 100),
        read_number(value, "retry_base_seconds", mail.retry_base_seconds, 1, 86400),
        read_number(value, "retry_max_seconds", mail.retry_max_seconds, 1, 7 * 86400)}) {
    if (!status) return status.error();
  }
  // The host must follow the scheme (the scheme check comes first, so find() succeeded).
  const std::size_t host = mail.smtp_url.find("://") + 3;
  if (!(starts_with(mail.smtp_url, "smtp://") || starts_with(mail.smtp_url, "smtps://")) ||
      mail.smtp_url.find_first_of(" \r\n\t@?#") != std::string::npos ||
      mail.smtp_url.size() <= host || mail.smtp_url[host] == ':' || mail.smtp_url[host] == '/')
    return Error{"mail.smtp_url",
                 "expected the relay as smtp://host:port (STARTTLS, see mail.starttls) or "
                 "smtps://host:port (TLS from the first byte), without credentials "
                 "(mail.username, mail.password_file)"};
  for (char c : mail.helo_domain) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-')
      return Error{"mail.helo_domain", "expected a host name such as \"reviews.shop.example\""};
  }
  if (mail.smtp_url.find('/', host) != std::string::npos && !mail.helo_domain.empty())
    return Error{"mail.smtp_url", "give the EHLO name in mail.helo_domain, not as the URL's path"};
  if (starttls == "required")
    mail.starttls = StartTls::Required;
  else if (starttls == "opportunistic")
    mail.starttls = StartTls::Opportunistic;
  else if (starttls == "off")
    mail.starttls = StartTls::Off;
  else
    return Error{"mail.starttls", "expected \"required\", \"opportunistic\" or \"off\""};
  if (!is_plain_address(mail.from))
    return Error{"mail.from", "expected the sender's address, e.g. \"reviews@shop.example\""};
  if (mail.from_name.find_first_of("\r\n") != std::string::npos || mail.from_name.size() > 200)
    return Error{"mail.from_name", "expected one line of at most 200 bytes"};
  if (mail.username.find_first_of("\r\n") != std::string::npos)
    return Error{"mail.username", "expected one line"};
  if (!password_file.empty()) {
    const std::string path = password_file[0] == '/' || base_dir.empty()
                                 ? password_file
                                 : base_dir + "/" + password_file;
    Result<std::string> text = read_text_file(path);
    if (!text) return Error{"mail.password_file", text.error().to_string()};
    mail.password = text.value();
    while (!mail.password.empty() && (mail.password.back() == '\n' || mail.password.back() == '\r'))
      mail.password.pop_back();
  }
  if (!mail.username.empty() && mail.password.empty())
    return Error{"mail.password_file", "mail.username is set: the password file is needed too"};
  if (mail.username.empty() && !mail.password.empty())
    return Error{"mail.username", "a password file is set: the user name is needed too"};
  if (!mail.username.empty() && mail.starttls != StartTls::Required &&
      !starts_with(mail.smtp_url, "smtps://"))
    return Error{"mail.starttls",
                 "with a user name, the password would travel without TLS: use \"required\" or "
                 "an smtps:// relay"};
  if (!mail.ca_file.empty() && mail.ca_file[0] != '/' && !base_dir.empty())
    mail.ca_file = base_dir + "/" + mail.ca_file;
  if (mail.retry_max_seconds < mail.retry_base_seconds)
    return Error{"mail.retry_max_seconds", "must be at least mail.retry_base_seconds"};
  return mail;
}

}  // namespace vouch::server::outbox
