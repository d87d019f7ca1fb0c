#pragma once
// One SMTP submission of one outbox row through libcurl (STARTTLS, AUTH,
// timeouts, dot-stuffing and the MIME structure are libcurl's). The sender
// keeps one easy handle, so an open connection to the relay is reused.

#include <atomic>
#include <cstdint>
#include <string>

#include "outbox/mail_settings.hpp"
#include "outbox/outbox_store.hpp"

typedef void CURL;

namespace vouch::server::outbox {

enum class SendOutcome {
  Sent,       // the relay answered 250 to the message
  Temporary,  // try again later (connection, timeout, 4xx, TLS or login trouble)
  Permanent,  // the relay refused this message for good (5xx), or it cannot be sent
};

struct SendResult {
  SendOutcome outcome = SendOutcome::Temporary;
  std::string detail;  // what went wrong, for last_error ('' when sent)
};

class SmtpSender {
 public:
  SmtpSender();
  ~SmtpSender();
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  // `now` is the Date header; `stop` aborts a transfer in progress (Temporary).
  SendResult send(const MailRow& mail, const MailSettings& settings, std::int64_t now,
                  const std::atomic<bool>& stop);

 private:
  CURL* curl_ = nullptr;
};

// RFC 2047 "encoded-word"s for a header value that is not plain printable
// ASCII (UTF-8, base64); line breaks are dropped first, so a value can never
// add a header.
std::string encode_header_value(std::string_view value);
// RFC 5322 date, e.g. "Wed, 02 Dec 2026 08:15:00 +0000".
std::string rfc5322_date(std::int64_t unix_seconds);

}  // namespace vouch::server::outbox
