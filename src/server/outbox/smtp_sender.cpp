#include "outbox/smtp_sender.hpp"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <ctime>
#include <memory>
#include <vector>

namespace vouch::server::outbox {

namespace {

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool plain_ascii(std::string_view value) {
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F) return false;
  }
  // "=?" could be read as the start of an encoded word.
  return value.find("=?") == std::string_view::npos;
}

// Message bodies go out with CRLF line ends (bare LF is not SMTP).
std::string crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct MimeDeleter {
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

void append(Slist& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown) {
    list.release();
    list.reset(grown);
  }
}

int abort_on_stop(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(stop)->load() ? 1 : 0;
}

// "Name <address>" with the name encoded when needed, or just the address.
std::string mailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return "<" + address + ">";
  std::string shown = encode_header_value(name);
  // A plain name with specials is quoted (RFC 5322 quoted-string).
  if (shown == name && name.find_first_of("()<>[]:;@\\,.\"") != std::string::npos) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    shown = quoted + "\"";
  }
  return shown + " <" + address + ">";
}

SendResult classify(CURLcode code, long smtp_code, const char* error_buffer) {
  std::string detail = curl_easy_strerror(code);
  if (error_buffer && *error_buffer) detail += ": " + std::string(error_buffer);
  if (smtp_code > 0) detail += " (SMTP " + std::to_string(smtp_code) + ")";
  // 5xx is the relay's final word on this message, except the ones about the
  // session (530 and 534/535/538: authentication), which a fixed config cures.
  if (smtp_code >= 500 && smtp_code < 600 && smtp_code != 530 && smtp_code != 534 &&
      smtp_code != 535 && smtp_code != 538)
    return {SendOutcome::Permanent, detail};
  return {SendOutcome::Temporary, detail};
}

}  // namespace

std::string encode_header_value(std::string_view value) {
  std::string line;
  for (char c : value) line += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
  if (plain_ascii(line)) return line;
  // Encoded words of at most 45 input bytes (60 base64 characters), split on
  // UTF-8 character boundaries, joined by folding white space.
  std::string out;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = std::min(line.size(), start + 45);
    while (end < line.size() && end > start &&
           (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
      --end;
    if (end == start) end = std::min(line.size(), start + 45);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(line).substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string rfc5322_date(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&t, &parts);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[parts.tm_wday],
                parts.tm_mday, kMonths[parts.tm_mon], parts.tm_year + 1900, parts.tm_hour,
                parts.tm_min, parts.tm_sec);
  return text;
}

SmtpSender::SmtpSender() : curl_(curl_easy_init()) {}

SmtpSender::~SmtpSender() {
  if (curl_) curl_easy_cleanup(curl_);
}

SendResult SmtpSender::send(const MailRow& mail, const MailSettings& settings, std::int64_t now,
                            const std::atomic<bool>& stop) {
  if (!curl_) return {SendOutcome::Temporary, "libcurl could not start"};
  if (!is_plain_address(mail.to_address))
    return {SendOutcome::Permanent, "the recipient address is not a single plain address"};
  if (mail.message_id.empty() || mail.message_id.find_first_of("<>\r\n ") != std::string::npos)
    return {SendOutcome::Permanent, "the row's Message-ID is malformed"};
  // Reset keeps the connection cache: the next mail reuses the relay session.
  curl_easy_reset(curl_);
  char error_buffer[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_buffer);
  // libcurl takes the EHLO name from the URL's path.
  std::string url = settings.smtp_url;
  if (!settings.helo_domain.empty()) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    url += "/" + settings.helo_domain;
  }
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout_seconds));
  curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl_, CURLOPT_USE_SSL,
                   settings.starttls == StartTls::Required        ? CURLUSESSL_ALL
                   : settings.starttls == StartTls::Opportunistic ? CURLUSESSL_TRY
                                                                  : CURLUSESSL_NONE);
  if (!settings.ca_file.empty()) curl_easy_setopt(curl_, CURLOPT_CAINFO, settings.ca_file.c_str());
  if (!settings.username.empty()) {
    curl_easy_setopt(curl_, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(curl_, CURLOPT_PASSWORD, settings.password.c_str());
  }
  const std::string from = "<" + settings.from + ">";
  curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, from.c_str());
  Slist recipients;
  append(recipients, "<" + mail.to_address + ">");
  curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl_, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl_, CURLOPT_XFERINFOFUNCTION, abort_on_stop);
  curl_easy_setopt(curl_, CURLOPT_XFERINFODATA, &stop);

  // The header fields; the MIME structure and transfer encodings are libcurl's.
  Slist headers;
  append(headers, "Date: " + rfc5322_date(now));
  append(headers, "From: " + mailbox(settings.from_name, settings.from));
  append(headers, "To: " + mailbox(mail.to_name, mail.to_address));
  append(headers, "Subject: " + encode_header_value(mail.subject));
  append(headers, "Message-ID: <" + mail.message_id + ">");
  append(headers, "MIME-Version: 1.0");
  append(headers, "Auto-Submitted: auto-generated");
  if (!mail.list_unsubscribe.empty() &&
      mail.list_unsubscribe.find_first_of("<>\r\n ") == std::string::npos) {
    append(headers, "List-Unsubscribe: <" + mail.list_unsubscribe + ">");
    append(headers, "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  }
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers.get());

  std::unique_ptr<curl_mime, MimeDeleter> mime(curl_mime_init(curl_));
  const std::string text = crlf(mail.text_body);
  const std::string html = crlf(mail.html_body);
  Slist inline_disposition;
  append(inline_disposition, "Content-Disposition: inline");
  if (html.empty()) {
    curl_mimepart* part = curl_mime_addpart(mime.get());
    curl_mime_data(part, text.data(), text.size());
    curl_mime_type(part, "text/plain; charset=utf-8");
    curl_mime_encoder(part, "quoted-printable");
  } else {
    curl_mime* alternative = curl_mime_init(curl_);
    curl_mimepart* plain = curl_mime_addpart(alternative);
    curl_mime_data(plain, text.data(), text.size());
    curl_mime_type(plain, "text/plain; charset=utf-8");
    curl_mime_encoder(plain, "quoted-printable");
    curl_mimepart* rich = curl_mime_addpart(alternative);
    curl_mime_data(rich, html.data(), html.size());
    curl_mime_type(rich, "text/html; charset=utf-8");
    curl_mime_encoder(rich, "quoted-printable");
    curl_mimepart* part = curl_mime_addpart(mime.get());
    curl_mime_subparts(part, alternative);  // owned by `mime` from here on
    curl_mime_type(part, "multipart/alternative");
    curl_mime_headers(part, inline_disposition.release(), 1);
  }
  curl_easy_setopt(curl_, CURLOPT_MIMEPOST, mime.get());

  const CURLcode code = curl_easy_perform(curl_);
  long smtp_code = 0;
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &smtp_code);
  // Nothing of this transfer may outlive it in the handle.
  curl_easy_setopt(curl_, CURLOPT_MIMEPOST, nullptr);
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, nullptr);
  if (code == CURLE_OK) return {SendOutcome::Sent, ""};
  if (code == CURLE_ABORTED_BY_CALLBACK)
    return {SendOutcome::Temporary, "interrupted: the server was stopping"};
  return classify(code, smtp_code, error_buffer);
}

}  // namespace vouch::server::outbox
