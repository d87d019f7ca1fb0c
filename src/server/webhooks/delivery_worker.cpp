#include "webhooks/delivery_worker.hpp"

#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "crypto.hpp"
#include "http_util.hpp"
#include "outbox/outbox_store.hpp"
#include "vouch/snapshot.hpp"
#include "webhooks/endpoint_store.hpp"

namespace vouch::server::webhooks {

namespace {

constexpr int kPollMilliseconds = 400;

struct DueDelivery {
  std::int64_t id = 0;
  std::int64_t attempts = 0;
  std::string url;
  std::string secret;
  bool personal_data = false;
  std::int64_t sequence = 0;
  std::string event_id;
  std::string type;
  std::string data;
  std::string private_data;
  std::int64_t created = 0;
};

Result<std::optional<DueDelivery>> claim(Database& db, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Transaction transaction(db);
  if (!transaction.began()) return storage_error(db.last_error());
  Statement due(db.handle(),
                "SELECT d.id, d.attempts, e.url, e.secret, e.personal_data, ev.id, ev.event_id, "
                "ev.type, ev.data, ev.private_data, ev.created_at FROM webhook_deliveries d "
                "JOIN webhook_endpoints e ON e.id = d.endpoint_id "
                "JOIN webhook_events ev ON ev.id = d.event_id "
                "WHERE d.state = 'queued' AND d.next_attempt_at <= ?1 AND e.active = 1 "
                "ORDER BY d.next_attempt_at, d.id LIMIT 1");
  due.bind(1, now);
  if (!due.step()) {
    if (due.failed()) return storage_error(due.error_message());
    return std::optional<DueDelivery>();
  }
  DueDelivery d;
  d.id = due.integer(0);
  d.attempts = due.integer(1) + 1;
  d.url = due.text(2);
  d.secret = due.text(3);
  d.personal_data = due.integer(4) != 0;
  d.sequence = due.integer(5);
  d.event_id = due.text(6);
  d.type = due.text(7);
  d.data = due.text(8);
  d.private_data = due.text(9);
  d.created = due.integer(10);
  Statement take(db.handle(),
                 "UPDATE webhook_deliveries SET state = 'delivering', attempts = attempts + 1 "
                 "WHERE id = ?1 AND state = 'queued'");
  take.bind(1, d.id);
  if (Status ran = take.run(); !ran) return ran.error();
  if (Status committed = transaction.commit(); !committed) return committed.error();
  return std::optional<DueDelivery>(d);
}

struct PostResult {
  int status = 0;  // 0 = no HTTP answer
  std::int64_t duration_ms = 0;
  std::string error;
};

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

int abort_on_stop(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(stop)->load() ? 1 : 0;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

PostResult post(CURL* curl, const DueDelivery& d, const std::string& body, std::int64_t now,
                std::int64_t timeout_seconds, const std::atomic<bool>& stop) {
  PostResult result;
  curl_easy_reset(curl);
  char error_buffer[CURL_ERROR_SIZE] = {0};
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  for (const std::string& line :
       {std::string("Content-Type: application/json"), std::string("User-Agent: Vouch-Webhooks/1"),
        "Vouch-Signature: " + signature_header(d.secret, now, body),
        "Vouch-Event-Id: " + d.event_id, "Vouch-Event-Type: " + d.type, std::string("Expect:")}) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (grown) {
      headers.release();
      headers.reset(grown);
    }
  }
  curl_easy_setopt(curl, CURLOPT_URL, d.url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, abort_on_stop);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &stop);
  const auto started = std::chrono::steady_clock::now();
  const CURLcode code = curl_easy_perform(curl);
  result.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  result.status = code == CURLE_OK ? static_cast<int>(status) : 0;
  if (code != CURLE_OK) {
    result.error = curl_easy_strerror(code);
    if (*error_buffer) result.error += std::string(": ") + error_buffer;
  } else if (status < 200 || status > 299) {
    result.error = "the receiver answered HTTP " + std::to_string(status);
  }
  return result;
}

Status record_attempt(Database& db, const DueDelivery& d, const PostResult& result,
                      std::int64_t now, const std::string& next_state,
                      std::int64_t next_attempt_at) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Transaction transaction(db);
  if (!transaction.began()) return storage_error(db.last_error());
  Statement log(db.handle(),
                "INSERT INTO webhook_attempts (delivery_id, time, status, duration_ms, error) "
                "VALUES (?1, ?2, ?3, ?4, ?5)");
  log.bind(1, d.id)
      .bind(2, now)
      .bind_int(3, result.status)
      .bind(4, result.duration_ms)
      .bind(5, result.error.substr(0, 500));
  if (Status ran = log.run(); !ran) return ran;
  Statement update(db.handle(),
                   "UPDATE webhook_deliveries SET state = ?2, next_attempt_at = ?3, "
                   "last_error = ?4, delivered_at = CASE WHEN ?2 = 'delivered' THEN ?5 ELSE "
                   "delivered_at END WHERE id = ?1 AND state = 'delivering'");
  update.bind(1, d.id)
      .bind(2, next_state)
      .bind(3, next_attempt_at)
      .bind(4, result.error.substr(0, 500))
      .bind(5, now);
  if (Status ran = update.run(); !ran) return ran;
  return transaction.commit();
}

}  // namespace

std::string signature_header(const std::string& secret, std::int64_t timestamp,
                             const std::string& body) {
  const std::string t = std::to_string(timestamp);
  return "t=" + t + ",v1=" + hex(hmac_sha256(secret, t + "." + body));
}

std::string envelope(const std::string& event_id, std::int64_t sequence, const std::string& type,
                     std::int64_t created, const std::string& data_json,
                     const std::string& private_json, bool personal_data) {
  json data = json::parse(data_json, nullptr, false);
  if (!data.is_object()) data = json::object();
  if (personal_data) {
    const json personal = json::parse(private_json, nullptr, false);
    if (personal.is_object()) data.merge_patch(personal);
  }
  // Member order as the docs show it (nlohmann sorts objects by key otherwise).
  return "{\"version\":1,\"id\":" + dump_json(event_id) +
         ",\"sequence\":" + std::to_string(sequence) + ",\"type\":" + dump_json(type) +
         ",\"created\":" + dump_json(format_utc(created)) + ",\"data\":" + dump_json(data) + "}";
}

void DeliveryWorker::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void DeliveryWorker::stop() {
  stopping_ = true;
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool DeliveryWorker::wait(int milliseconds) {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return stopping_.load(); });
  return !stopping_;
}

void DeliveryWorker::run() {
  Database& db = *app_.db;
  const WebhookSettings& settings = app_.config.webhooks;
  {
    // What a crash left in flight is due again (receivers dedupe by event id).
    std::lock_guard<std::recursive_mutex> lock(db.mutex());
    Statement requeue(db.handle(),
                      "UPDATE webhook_deliveries SET state = 'queued' WHERE state = 'delivering'");
    if (Status ran = requeue.run(); !ran)
      std::fprintf(stderr, "webhooks: %s\n", ran.error().to_string().c_str());
  }
  CURL* curl = curl_easy_init();
  if (!curl) {
    std::fprintf(stderr, "webhooks: libcurl could not start: no deliveries\n");
    return;
  }
  while (!stopping_) {
    Result<std::optional<DueDelivery>> claimed = claim(db, app_.now());
    if (!claimed) std::fprintf(stderr, "webhooks: %s\n", claimed.error().to_string().c_str());
    if (!claimed || !claimed.value()) {
      if (!wait(kPollMilliseconds)) break;
      continue;
    }
    const DueDelivery& d = *claimed.value();
    const std::string body = envelope(d.event_id, d.sequence, d.type, d.created, d.data,
                                      d.private_data, d.personal_data);
    const PostResult result = post(curl, d, body, app_.now(), settings.timeout_seconds, stopping_);
    const std::int64_t now = app_.now();
    std::string state = "delivered";
    std::int64_t next = now;
    if (result.status < 200 || result.status > 299) {
      next = now + outbox::backoff_seconds(d.attempts, settings.retry_base_seconds,
                                           settings.retry_max_seconds);
      // Retried for retry_hours after the event, then given up.
      state = stopping_ || next <= d.created + settings.retry_hours * 3600 ? "queued" : "failed";
      if (stopping_) next = now;
    }
    if (Status recorded = record_attempt(db, d, result, now, state, next); !recorded)
      std::fprintf(stderr, "webhooks: %s\n", recorded.error().to_string().c_str());
  }
  curl_easy_cleanup(curl);
}

}  // namespace vouch::server::webhooks
