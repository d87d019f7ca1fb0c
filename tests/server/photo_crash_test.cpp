// kill -9 and photos (issue 13 B6): the built vouch-server as a child process
// is SIGKILLed mid-upload, between writing a photo and committing its review,
// and between the commit and the rename; after a restart no orphan file
// remains and every photo a committed review refers to is served.
//
// The crash points use VOUCH_TEST_CRASH_AT (photos.cpp): the server SIGKILLs
// itself at that point of its real write path, so the test needs no timing.

#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "config.hpp"
#include "db.hpp"
#include "http_util.hpp"
#include "test_images.hpp"
#include "test_server.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

std::string photo_settings() {
  json settings = {{"admin_token", kAdminToken},
                   {"hmac_secret", kHmacSecret},
                   {"moderation", "none"},
                   {"public_url", "http://reviews.test"},
                   {"upload_dir", "uploads"}};
  return settings.dump();
}

// One `vouch-server serve` child with public_url set; `crash_at` goes into
// its environment as VOUCH_TEST_CRASH_AT ("" = none).
class PhotoServer : public ServerProcess {
 public:
  PhotoServer(const std::string& dir, const std::string& crash_at)
      : ServerProcess(dir, photo_settings(), crash_at) {}
  // Waits for the child to end (it killed itself) and returns the wait status.
  int wait_exit() { return signal_and_wait(0); }
  void kill_now() { signal_and_wait(SIGKILL); }
};

httplib::Result post_photo(int port, const std::string& body_text, const std::string& photo) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10);
  httplib::MultipartFormDataItems items = {
      {"review", review_json(5, body_text), "", "application/json"},
      {"photos", photo, "p.png", "image/png"},
  };
  return client.Post("/api/v1/products/sku-crash/reviews", items);
}

std::set<std::string> photo_rows(const std::string& db_path) {
  auto db = vouch::server::Database::open(db_path);
  REQUIRE(db.ok());
  vouch::server::Statement query(db.value()->handle(), "SELECT name FROM photos");
  std::set<std::string> names;
  while (query.step()) names.insert(query.text(0));
  return names;
}

int review_count(const std::string& db_path) {
  auto db = vouch::server::Database::open(db_path);
  REQUIRE(db.ok());
  vouch::server::Statement query(db.value()->handle(), "SELECT count(*) FROM reviews");
  REQUIRE(query.step());
  return static_cast<int>(query.integer(0));
}

// Files left by a crash are as old as the crash; the sweep spares young files
// (another process may be uploading), so the test moves the clock of the files.
void age_files(const std::string& dir) {
  for (const std::string& name : files_in(dir)) {
    const std::string path = dir + "/" + name;
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    const std::time_t old = info.st_mtime - 3600;
    utimbuf times{old, old};
    REQUIRE(::utime(path.c_str(), &times) == 0);
  }
}

}  // namespace

TEST_CASE("SIGKILL around a photo upload leaves no orphan and loses no referenced photo",
          "[process][photos][crash]") {
  TempDir dir;
  const std::string uploads = dir.path() + "/uploads";
  const std::string db = dir.path() + "/vouch.db";
  const std::string kept_photo = png_image(30, 20);
  const std::string committed_photo = png_image(31, 21);

  {  // A photo that is fully stored before any crash.
    PhotoServer server(dir.path(), "");
    auto res = post_photo(server.port(), "Stored before the crashes; it must survive every one.",
                          kept_photo);
    REQUIRE(res);
    REQUIRE(res->status == 201);
    server.kill_now();
  }
  REQUIRE(photo_rows(db).size() == 1);

  {  // Killed after the photo is on disk, before the review's transaction.
    PhotoServer server(dir.path(), "photo_staged");
    auto res = post_photo(server.port(), "Written to disk, then the server died before commit.",
                          png_image(32, 22));
    REQUIRE_FALSE(res);  // no answer: the process died (on a server without the hook: fails here)
    const int status = server.wait_exit();
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
  }
  CHECK(review_count(db) == 1);
  CHECK(files_in(uploads).size() == 2);  // the stored photo + the unfinished one

  {  // Killed after the commit, before the photo got its final name.
    PhotoServer server(dir.path(), "photo_committed");
    auto res = post_photo(server.port(), "Committed, then the server died before the rename.",
                          committed_photo);
    REQUIRE_FALSE(res);
    const int status = server.wait_exit();
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
  }
  CHECK(review_count(db) == 2);
  const std::set<std::string> referenced = photo_rows(db);
  REQUIRE(referenced.size() == 2);

  {  // Killed while a multipart upload is still arriving.
    PhotoServer server(dir.path(), "");
    const int sock = connect_loopback(server.port());
    const std::string part =
        "--b\r\nContent-Disposition: form-data; name=\"photos\"; "
        "filename=\"p.png\"\r\nContent-Type: image/png\r\n\r\n" +
        png_image(33, 23);
    const std::string head =
        "POST /api/v1/products/sku-crash/reviews HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n" +
        part;
    REQUIRE(::send(sock, head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()));
    server.kill_now();
    ::close(sock);
  }

  age_files(uploads);
  PhotoServer restarted(dir.path(), "");
  INFO(restarted.log());
  // Exactly the referenced photos remain, under their final names, and are served.
  CHECK(files_in(uploads) == referenced);
  CHECK(photo_rows(db) == referenced);
  httplib::Client client("127.0.0.1", restarted.port());
  std::set<std::string> served;
  for (const std::string& name : referenced) {
    auto photo = client.Get(("/api/v1/photos/" + name).c_str());
    REQUIRE(photo);
    CHECK(photo->status == 200);
    served.insert(photo->body);
  }
  CHECK(served == std::set<std::string>{kept_photo, committed_photo});
  auto snapshot = client.Get("/api/v1/products/sku-crash/snapshot");
  REQUIRE(snapshot);
  CHECK(snapshot->status == 200);
}
