#include "outcome.hpp"

#include <cstdio>

namespace vouch::server::app {

Problem internal_problem(const Error& error) { return problem_from(error, "internal"); }

Problem storage_failure(std::string_view where, const Error& error, std::string message) {
  std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(where.size()), where.data(),
               error.to_string().c_str());
  return problem(Failure::Storage, "internal", std::move(message));
}

Problem problem(Failure kind, std::string code, std::string message) {
  Problem p;
  p.kind = kind;
  p.code = std::move(code);
  p.message = std::move(message);
  return p;
}

Problem problem_from(const Error& error, std::string code) {
  Problem problem;
  problem.code = std::move(code);
  problem.message = error.to_string();
  switch (error.kind) {
    case ErrorKind::Syntax:
      problem.kind = Failure::Malformed;
      break;
    case ErrorKind::Invalid:
      problem.kind = Failure::Invalid;
      break;
    case ErrorKind::NotFound:
      problem.kind = Failure::NotFound;
      break;
    case ErrorKind::Conflict:
      problem.kind = Failure::Conflict;
      break;
    case ErrorKind::Storage:
      problem.kind = Failure::Storage;
      break;
  }
  return problem;
}

}  // namespace vouch::server::app
