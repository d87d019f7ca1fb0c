// The derived reviews of a store, kept between answers (analytics.hpp, Corpus).

#include <unordered_map>

#include "derived.hpp"
#include "vouch/analytics.hpp"

namespace vouch::analytics {

struct Corpus::Impl {
  detail::PhraseKeys keys;
  std::unordered_map<std::string, detail::DerivedReview> reviews;
  std::size_t bytes = 0;  // memory_bytes of the reviews, kept up to date
};

Corpus::Corpus() : impl_(std::make_unique<Impl>()) {}
Corpus::~Corpus() = default;

void Corpus::upsert(ReviewRecord record) {
  erase(record.id);
  std::string id = record.id;
  detail::DerivedReview derived = detail::derive(std::move(record), impl_->keys);
  impl_->bytes += detail::memory_bytes(derived);
  impl_->reviews.emplace(std::move(id), std::move(derived));
}

bool Corpus::erase(const std::string& id) {
  auto it = impl_->reviews.find(id);
  if (it == impl_->reviews.end()) return false;
  impl_->bytes -= detail::memory_bytes(it->second);
  impl_->reviews.erase(it);
  return true;
}

void Corpus::clear() { impl_ = std::make_unique<Impl>(); }

bool Corpus::contains(const std::string& id) const { return impl_->reviews.count(id) != 0; }

std::size_t Corpus::size() const { return impl_->reviews.size(); }

std::size_t Corpus::memory_bytes() const {
  return impl_->bytes + impl_->keys.memory_bytes() + impl_->reviews.bucket_count() * sizeof(void*) +
         impl_->reviews.size() * (sizeof(std::string) + 2 * sizeof(void*));
}

Analytics Corpus::compute(const Query& query, const clock::ZoneOffsets& zone) const {
  std::vector<const detail::DerivedReview*> list;
  list.reserve(impl_->reviews.size());
  for (const auto& [id, review] : impl_->reviews) list.push_back(&review);
  return detail::aggregate(list, impl_->keys, query, zone);
}

}  // namespace vouch::analytics
