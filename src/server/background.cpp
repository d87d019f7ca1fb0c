#include "background.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <mutex>

#include "outbox/outbox_worker.hpp"
#include "requests/request_scheduler.hpp"
#include "retention.hpp"
#include "webhooks/delivery_worker.hpp"
#include "webhooks/endpoint_store.hpp"

namespace vouch::server {

BackgroundWork::BackgroundWork(App& app) : app_(app) {
  // libcurl's global state, once per process and before any thread uses it.
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

BackgroundWork::~BackgroundWork() { stop(); }

void BackgroundWork::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (started_) return;
  started_ = true;
  // The config's endpoints, before the first event can fan out to them.
  if (Status synced =
          webhooks::sync_config_endpoints(*app_.db, app_.config.webhooks.endpoints, app_.now());
      !synced)
    std::fprintf(stderr, "webhooks: %s\n", synced.error().to_string().c_str());
  outbox_ = std::make_unique<outbox::OutboxWorker>(app_);
  webhooks_ = std::make_unique<webhooks::DeliveryWorker>(app_);
  requests_ = std::make_unique<requests::RequestScheduler>(app_);
  pruner_ = std::make_unique<Pruner>(app_);
  requests_->start();
  outbox_->start();
  webhooks_->start();
  pruner_->start();
}

void BackgroundWork::stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (requests_) requests_->stop();
  if (outbox_) outbox_->stop();
  if (webhooks_) webhooks_->stop();
  if (pruner_) pruner_->stop();
}

}  // namespace vouch::server
