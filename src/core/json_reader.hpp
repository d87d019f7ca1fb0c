#pragma once
// Strict reading of configuration-like JSON objects (policy, validation
// context): optional keys with type and range checks, unknown keys rejected,
// the FIRST problem kept as an Error with its path. Only nlohmann's
// non-throwing APIs are used (JSON_NOEXCEPTION: a throw would abort).

#include <climits>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/status.hpp"

namespace vouch::detail {

// A JSON integer that fits in int64 (get_ptr never throws; floats are not integers).
inline bool integer_value(const nlohmann::json& v, std::int64_t& out) {
  if (const auto* u = v.get_ptr<const nlohmann::json::number_unsigned_t*>()) {
    if (*u > static_cast<std::uint64_t>(INT64_MAX)) return false;
    out = static_cast<std::int64_t>(*u);
    return true;
  }
  if (const auto* i = v.get_ptr<const nlohmann::json::number_integer_t*>()) {
    out = *i;
    return true;
  }
  return false;
}

class ObjectReader {
 public:
  // `error` collects the first problem; `path` prefixes keys ("photos" -> "photos.max_count").
  ObjectReader(const nlohmann::json& object, std::string path, Error* error)
      : object_(object), path_(std::move(path)), error_(error) {}

  Error* error() const { return error_; }
  bool failed() const { return !error_->message.empty(); }
  std::string path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  void fail(std::string path, std::string message) {
    if (!failed()) *error_ = Error{std::move(path), std::move(message)};
  }

  // Each reader leaves `out` unchanged when the key is absent or null.
  void boolean(const char* key, bool& out) {
    if (const auto* v = find(key)) {
      if (const auto* b = v->get_ptr<const bool*>())
        out = *b;
      else
        fail(path_of(key), "expected true or false");
    }
  }
  template <class Int>
  void integer(const char* key, Int& out, std::int64_t lo, std::int64_t hi) {
    if (const auto* v = find(key)) {
      std::int64_t value = 0;
      if (!integer_value(*v, value) || value < lo || value > hi)
        fail(path_of(key), "expected integer " + std::to_string(lo) + ".." + std::to_string(hi));
      else
        out = static_cast<Int>(value);
    }
  }
  void string(const char* key, std::string& out, std::size_t max_bytes) {
    if (const auto* v = find(key)) {
      if (v->is_string() && v->get_ref<const std::string&>().size() <= max_bytes)
        out = v->get_ref<const std::string&>();
      else
        fail(path_of(key), "expected a string of at most " + std::to_string(max_bytes) + " bytes");
    }
  }
  // An array of strings; when `allowed` is not empty every item must be one of them.
  void strings(const char* key, std::vector<std::string>& out, std::size_t max_items,
               std::size_t max_bytes, std::initializer_list<const char*> allowed = {}) {
    const auto* v = find(key);
    if (!v) return;
    if (!v->is_array() || v->size() > max_items) {
      fail(path_of(key), "expected an array of at most " + std::to_string(max_items) + " strings");
      return;
    }
    std::vector<std::string> items;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const auto& item = (*v)[i];
      const std::string item_path = path_of(key) + "[" + std::to_string(i) + "]";
      if (!item.is_string() || item.get_ref<const std::string&>().empty() ||
          item.get_ref<const std::string&>().size() > max_bytes) {
        fail(item_path,
             "expected a non-empty string of at most " + std::to_string(max_bytes) + " bytes");
        return;
      }
      const std::string& text = item.get_ref<const std::string&>();
      if (allowed.size()) {
        bool known = false;
        std::string list;
        for (const char* a : allowed) {
          known = known || text == a;
          list += list.empty() ? a : std::string(", ") + a;
        }
        if (!known) {
          fail(item_path, "expected one of " + list);
          return;
        }
      }
      items.push_back(text);
    }
    out = std::move(items);
  }
  // A nested object, or nullptr when absent/null (an error when not an object).
  const nlohmann::json* object(const char* key) {
    const auto* v = find(key);
    if (v && !v->is_object()) {
      fail(path_of(key), "expected an object");
      return nullptr;
    }
    return v;
  }
  // Every key of the object must be one of `known` (a typo must not switch a check off).
  void only(std::initializer_list<const char*> known) {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      bool found = false;
      for (const char* k : known) found = found || it.key() == k;
      if (!found) fail(path_of(it.key()), "unknown key");
    }
  }

 private:
  const nlohmann::json* find(const char* key) const {
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  const nlohmann::json& object_;
  std::string path_;
  Error* error_;
};

}  // namespace vouch::detail
