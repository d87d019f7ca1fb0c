#pragma once
// A thin RAII layer over SQLite: one connection, prepared statements only
// (values are always bound, never spliced into SQL), errors as values.
//
// One connection guarded by one mutex: SQLite serialises writers anyway, the
// snapshot cache answers most reads, and a single connection keeps the
// durability story simple (WAL + synchronous=FULL, see docs/decisions.md).

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "vouch/status.hpp"

namespace vouch::server {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  const std::string& prepare_error() const { return prepare_error_; }

  // 1-based parameter indexes, as in SQLite.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_int(int index, int value) {
    return bind(index, static_cast<std::int64_t>(value));
  }
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::string_view bytes);

  // True while a row is available; false at the end or on error (see failed()).
  bool step();
  // Runs a statement that returns no rows; an Error names the SQL on failure.
  Status run();
  bool failed() const { return failed_; }
  std::string error_message() const;
  void reset();

  std::string text(int column) const;
  std::string blob(int column) const;  // raw bytes of a BLOB column ("" for NULL)
  std::int64_t integer(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string prepare_error_;
  bool failed_ = false;
};

class Database {
 public:
  // Opens (creating when missing) and configures the connection: WAL,
  // synchronous=FULL, foreign keys, a busy timeout. Does not migrate.
  static Result<std::unique_ptr<Database>> open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() { return db_; }
  // Every repository call holds this for the whole operation.
  std::recursive_mutex& mutex() { return mutex_; }

  // For fixed statements without parameters (DDL, PRAGMA, BEGIN/COMMIT).
  Status exec(std::string_view sql);
  std::string last_error() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::recursive_mutex mutex_;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit()ed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  bool began() const { return began_; }
  Status commit();

 private:
  Database& db_;
  bool began_ = false;
  bool done_ = false;
};

}  // namespace vouch::server
