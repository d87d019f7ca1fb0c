#include "db.hpp"

namespace vouch::server {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    prepare_error_ = sqlite3_errmsg(db);
    stmt_ = nullptr;
    failed_ = true;
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies, so temporaries are safe to pass.
  if (stmt_ && sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                                 SQLITE_TRANSIENT) != SQLITE_OK) {
    failed_ = true;
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (stmt_ && sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) failed_ = true;
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  if (stmt_ && sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                                 SQLITE_TRANSIENT) != SQLITE_OK)
    failed_ = true;
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (stmt_ && sqlite3_bind_null(stmt_, index) != SQLITE_OK) failed_ = true;
  return *this;
}

bool Statement::step() {
  if (!stmt_ || failed_) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) failed_ = true;
  return false;
}

Status Statement::run() {
  if (!stmt_) return Error{"sql", prepare_error_, ErrorKind::Storage};
  step();
  if (failed_) return Error{"sql", error_message(), ErrorKind::Storage};
  return Ok{};
}

std::string Statement::error_message() const {
  if (!stmt_) return prepare_error_;
  return sqlite3_errmsg(db_);
}

Error sql_error(const char* what, const Statement& statement) {
  return Error{what, statement.error_message(), ErrorKind::Storage};
}

void Statement::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  failed_ = false;
}

std::string Statement::text(int column) const {
  const unsigned char* value = sqlite3_column_text(stmt_, column);
  if (!value) return {};
  return std::string(reinterpret_cast<const char*>(value),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::blob(int column) const {
  const void* value = sqlite3_column_blob(stmt_, column);
  if (!value) return {};
  return std::string(static_cast<const char*>(value),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path) {
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
    std::string message = handle ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close(handle);
    return Error{path, "cannot open database: " + message, ErrorKind::Storage};
  }
  std::unique_ptr<Database> db(new Database(handle));
  sqlite3_busy_timeout(handle, 5000);
  sqlite3_update_hook(handle, &Database::on_write, db.get());
  // WAL: readers never block the writer. synchronous=FULL: the WAL is fsynced
  // at every commit, so a 201 means the review survives power loss and kill -9
  // (NORMAL would only survive a process crash; see docs/decisions.md).
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    Statement statement(handle, pragma);
    while (statement.step()) {
    }
    if (statement.failed())
      return Error{path, std::string(pragma) + ": " + statement.error_message(),
                   ErrorKind::Storage};
  }
  return db;
}

Database::~Database() {
  sqlite3_update_hook(db_, nullptr, nullptr);
  sqlite3_close(db_);
}

namespace {
// Past this many logged rows a reader starts afresh (a bulk import): the log
// stays small, and re-reading everything is then as cheap as reading the rows.
constexpr std::size_t kMaxLogged = 50000;
// The hook's count in the low bits, other connections' commits above.
constexpr int kOtherShift = 40;
constexpr std::uint64_t kWriteMask = (std::uint64_t{1} << kOtherShift) - 1;
}  // namespace

void Database::on_write(void* self, int, const char*, const char* table, sqlite3_int64 rowid) {
  auto* db = static_cast<Database*>(self);
  std::lock_guard<std::mutex> lock(db->log_mutex_);
  ++db->writes_;
  for (std::size_t i = 0; i < db->watched_.size(); ++i) {
    if (db->watched_[i] != table) continue;
    if (db->log_.size() >= kMaxLogged) {
      db->log_.clear();
      db->log_from_ = db->writes_;
    }
    db->log_.push_back({db->writes_, static_cast<int>(i), rowid});
    return;
  }
}

std::uint64_t Database::other_connections() {
  Statement pragma(db_, "PRAGMA data_version");
  return pragma.step() ? static_cast<std::uint64_t>(pragma.integer(0)) : 0;
}

std::uint64_t Database::data_version() {
  const std::uint64_t other = other_connections() << kOtherShift;
  std::lock_guard<std::mutex> lock(log_mutex_);
  return other | (writes_ & kWriteMask);
}

int Database::watch(const std::string& table) {
  std::lock_guard<std::mutex> lock(log_mutex_);
  for (std::size_t i = 0; i < watched_.size(); ++i)
    if (watched_[i] == table) return static_cast<int>(i);
  watched_.push_back(table);
  // Rows written before the table was watched were not logged.
  log_.clear();
  log_from_ = writes_ + 1;
  return static_cast<int>(watched_.size() - 1);
}

DataChanges Database::changes_since(std::uint64_t since) {
  DataChanges out;
  const std::uint64_t other = other_connections() << kOtherShift;
  std::lock_guard<std::mutex> lock(log_mutex_);
  out.version = other | (writes_ & kWriteMask);
  out.any = out.version != since;
  if (!out.any) return out;
  const std::uint64_t since_writes = since & kWriteMask;
  // Never looked, another connection committed, or the log no longer reaches back.
  if (since == 0 || (since & ~kWriteMask) != other || since_writes + 1 < log_from_ ||
      since_writes > writes_) {
    out.everything = true;
    return out;
  }
  for (const Logged& entry : log_)
    if (entry.write > since_writes) out.rows.emplace_back(entry.table, entry.rowid);
  return out;
}

Status Database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string owned(sql);
  if (sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return Error{"sql", text, ErrorKind::Storage};
  }
  return Ok{};
}

std::string Database::last_error() const { return sqlite3_errmsg(db_); }

Transaction::Transaction(Database& db) : db_(db) { began_ = db_.exec("BEGIN IMMEDIATE").ok(); }

Transaction::~Transaction() {
  if (began_ && !done_) db_.exec("ROLLBACK");
}

Status Transaction::commit() {
  if (!began_)
    return Error{"sql", "transaction did not begin: " + db_.last_error(), ErrorKind::Storage};
  done_ = true;
  return db_.exec("COMMIT");
}

}  // namespace vouch::server
