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
#include <vector>

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

// A statement's failure as the Storage error a use case reports (`what`: where).
Error sql_error(const char* what, const Statement& statement);

// What changed since a reader last looked (Database::changes_since): the
// rowids written in the watched tables, or `everything` when the reader must
// start afresh (first look, another connection committed, or the log of rowids
// was cut short after a large write). Rolled-back writes are reported too: a
// spurious re-read is harmless, a missed write is not.
struct DataChanges {
  std::uint64_t version = 0;  // pass back as `since` next time
  bool everything = false;
  bool any = false;                                // anything at all was written (any table)
  std::vector<std::pair<int, std::int64_t>> rows;  // (table index of watch(), rowid), oldest first
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

  // The data version: moves on with every row this connection writes (an
  // SQLite update hook: one per connection, so it lives here and every cache
  // subscribes) and with every commit of another connection on the file
  // (PRAGMA data_version). Equal versions = nothing was written in between.
  // Caller holds mutex().
  std::uint64_t data_version();
  // Asks for the rowids of `table` to be kept (once per table, at start-up or
  // under mutex()); returns the index DataChanges::rows names it by.
  int watch(const std::string& table);
  // What changed since `since` (a version from an earlier call; 0 = never
  // looked: everything). Caller holds mutex().
  DataChanges changes_since(std::uint64_t since);

  // For fixed statements without parameters (DDL, PRAGMA, BEGIN/COMMIT).
  Status exec(std::string_view sql);
  std::string last_error() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  static void on_write(void* self, int op, const char* database, const char* table,
                       sqlite3_int64 rowid);
  std::uint64_t other_connections();
  sqlite3* db_;
  std::recursive_mutex mutex_;
  // The change log. The hook runs on the writing thread inside SQLite (which
  // holds the connection's own mutex); a small lock keeps it apart from readers.
  std::mutex log_mutex_;
  std::uint64_t writes_ = 0;          // rows written by this connection
  std::vector<std::string> watched_;  // tables whose rowids are kept
  struct Logged {
    std::uint64_t write;  // writes_ after it
    int table;
    std::int64_t rowid;
  };
  std::vector<Logged> log_;     // oldest first
  std::uint64_t log_from_ = 0;  // writes before this one are no longer in log_
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
