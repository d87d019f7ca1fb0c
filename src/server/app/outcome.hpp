#pragma once
// What a use case answers: its value, or a Problem with a kind. Routes map the
// kind to an HTTP status (routes_problem.hpp); nothing classifies a failure by
// its message text.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "vouch/status.hpp"
#include "vouch/validate.hpp"

namespace vouch::server::app {

enum class Failure : std::uint8_t {
  Malformed,     // the request cannot be read (not JSON, not UTF-8, a bad header)
  Invalid,       // readable, but breaks a rule; `fields` says which
  NotFound,      // the review (or what the request names) does not exist
  Conflict,      // clashes with what is stored
  RateLimited,   // too many requests; `retry_after` seconds
  TooLarge,      // a part is over its limit
  Storage,       // the database or the file system failed (logged, not the caller's fault)
  Unauthorized,  // who is asking is not proven (no session, bad credentials)
  Forbidden,     // proven, but this actor may not do this
};

struct Problem {
  Failure kind = Failure::Storage;
  std::string code;     // stable machine code ("validation_failed", "rate_limited", ...)
  std::string message;  // for people, English; field errors carry their own codes
  std::vector<FieldError> fields;
  std::int64_t retry_after = 0;
};

// A Problem of this kind, with its stable code and a message for people.
Problem problem(Failure kind, std::string code, std::string message);

// The Problem for a lower layer's Error, by its kind.
Problem problem_from(const Error& error, std::string code);

// problem_from(error, "internal"): a lower layer's Error under the sign-in and
// account use cases, which name no finer code.
Problem internal_problem(const Error& error);

// The database or the file system failed under a use case: the Error goes to
// the log (stderr, naming `where`), the caller gets a Storage problem with a
// message that reveals nothing of it.
Problem storage_failure(std::string_view where, const Error& error,
                        std::string message = "database error");

template <class T>
class Outcome {
 public:
  Outcome(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Outcome(Problem problem) : state_(std::move(problem)) {}  // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  const Problem& problem() const { return std::get<Problem>(state_); }

 private:
  std::variant<T, Problem> state_;
};

}  // namespace vouch::server::app
