#pragma once
// Errors are values in the core: no exception ever crosses its API (the wasm
// build has exceptions switched off, see docs/decisions.md).

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace vouch {

// What kind of failure an Error is, so callers decide by kind (an HTTP
// status, a code for the widget) and never by matching message text.
enum class ErrorKind : std::uint8_t {
  Invalid = 0,  // the input is readable but breaks a rule (the default)
  Syntax,       // the input cannot be read at all (not JSON, not UTF-8, broken CSV)
  NotFound,     // what the input names does not exist
  Conflict,     // the input clashes with what is stored (an id or key in use)
  Storage,      // the database or the file system failed; not the caller's fault
};

// What went wrong and where: `path` names the place in the input
// ("reviews[17].rating", "header.count", "body") and `message` says why
// ("expected integer 1..5"); `kind` classifies it.
struct Error {
  std::string path;
  std::string message;
  ErrorKind kind = ErrorKind::Invalid;

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
