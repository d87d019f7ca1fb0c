#pragma once
// Errors are values in the core: no exception ever crosses its API (the wasm
// build has exceptions switched off, see docs/decisions.md).

#include <string>
#include <utility>
#include <variant>

namespace vouch {

// What went wrong and where: `path` names the place in the input
// ("reviews[17].rating", "header.count", "body") and `message` says why
// ("expected integer 1..5").
struct Error {
  std::string path;
  std::string message;

  // "reviews[17].rating: expected integer 1..5"
  std::string to_string() const { return path.empty() ? message : path + ": " + message; }
};

// A value or an Error. Deliberately tiny: has_value(), value(), error().
template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace vouch
