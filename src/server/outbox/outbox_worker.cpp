#include "outbox/outbox_worker.hpp"

#include <chrono>
#include <cstdio>

#include "outbox/outbox_store.hpp"
#include "outbox/smtp_sender.hpp"

namespace vouch::server::outbox {

constexpr int kPollMilliseconds = 400;

void OutboxWorker::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void OutboxWorker::stop() {
  stopping_ = true;
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool OutboxWorker::wait(int milliseconds) {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return stopping_.load(); });
  return !stopping_;
}

void OutboxWorker::run() {
  Database& db = *app_.db;
  const MailSettings& settings = app_.config.mail;
  Result<std::int64_t> requeued = requeue_interrupted(db, app_.now());
  if (!requeued)
    std::fprintf(stderr, "outbox: %s\n", requeued.error().to_string().c_str());
  else if (requeued.value() > 0)
    std::fprintf(stderr,
                 "outbox: %lld mails were being sent when the server stopped: queued again "
                 "with their Message-IDs\n",
                 static_cast<long long>(requeued.value()));
  if (!settings.enabled) {
    // Nothing to send with (cli.cpp says so at start); the rows wait.
    while (wait(60000)) {
    }
    return;
  }
  SmtpSender sender;
  while (!stopping_) {
    Result<std::optional<MailRow>> claimed = claim_due_mail(db, app_.now());
    if (!claimed) {
      std::fprintf(stderr, "outbox: %s\n", claimed.error().to_string().c_str());
      if (!wait(kPollMilliseconds)) break;
      continue;
    }
    if (!claimed.value()) {
      if (!wait(kPollMilliseconds)) break;
      continue;
    }
    const MailRow& mail = *claimed.value();
    const SendResult result = sender.send(mail, settings, app_.now(), stopping_);
    const std::int64_t now = app_.now();
    Status recorded = Ok{};
    if (result.outcome == SendOutcome::Sent) {
      recorded = mark_sent(db, mail, now);
    } else if (result.outcome == SendOutcome::Permanent) {
      recorded = mark_failed(db, mail.id, "refused: " + result.detail);
    } else if (stopping_) {
      // Not an attempt of the relay's: due again as soon as the server is back.
      recorded = mark_retry(db, mail.id, now, result.detail);
    } else if (mail.attempts >= settings.max_attempts) {
      recorded = mark_failed(
          db, mail.id,
          "gave up after " + std::to_string(mail.attempts) + " attempts: " + result.detail);
    } else {
      const std::int64_t wait_seconds =
          backoff_seconds(mail.attempts, settings.retry_base_seconds, settings.retry_max_seconds);
      recorded = mark_retry(db, mail.id, now + wait_seconds, result.detail);
    }
    if (!recorded) std::fprintf(stderr, "outbox: %s\n", recorded.error().to_string().c_str());
    if (result.outcome != SendOutcome::Sent)
      std::fprintf(stderr, "outbox: mail %lld (attempt %lld): %s\n",
                   static_cast<long long>(mail.id), static_cast<long long>(mail.attempts),
                   result.detail.c_str());
  }
}

}  // namespace vouch::server::outbox
