// Photo uploads under hostile input (issue 13 B3, B4, B6): what the decoder
// says a file is, real multipart POSTs to a real server on loopback, URLs that
// never come from the request, and the upload directory after a crash.

#include "photos.hpp"

#include <sys/stat.h>
#include <utime.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "http_util.hpp"
#include "image_probe.hpp"
#include "test_images.hpp"
#include "test_server.hpp"
#include "vouch/snapshot.hpp"

using vouch::server::ImageVerdict;
using vouch::server::json;
using vouch::server::probe_image;
using namespace vouch_test;

namespace {

constexpr std::size_t kLimit = 25'000'000;
const char* const kPhotoBodies[] = {
    "The fabric is thick and soft, and the colour is just like in the shop photos.",
    "Arrived folded neatly in a paper bag; the stitching on the sleeves is very even.",
    "Runs a little small at the shoulders, so I swapped it for the next size up.",
    "After three washes it has not shrunk and the print has not faded at all.",
    "My daughter wears it to school every week and it still looks brand new.",
    "Good value for the price, though the buttons feel a bit cheap and loose.",
};

httplib::Result post_photo(httplib::Client& client, const std::string& product,
                           const std::string& bytes, int body_index,
                           const httplib::Headers& headers = {}) {
  httplib::MultipartFormDataItems items = {
      {"review", review_json(4, kPhotoBodies[body_index]), "", "application/json"},
      {"photos", bytes, "photo.jpg", "image/jpeg"},
  };
  return client.Post(("/api/v1/products/" + product + "/reviews").c_str(), headers, items);
}

std::vector<vouch::Media> snapshot_media(httplib::Client& client, const std::string& product) {
  auto res = client.Get(("/api/v1/products/" + product + "/snapshot").c_str());
  REQUIRE(res);
  auto snapshot = vouch::Snapshot::from_json(res->body);
  REQUIRE(snapshot.ok());
  std::vector<vouch::Media> media;
  for (std::size_t i = 0; i < snapshot.value().size(); ++i)
    for (const vouch::Media& m : snapshot.value().review_at(i).media) media.push_back(m);
  return media;
}

std::string path_of(const std::string& url) { return url.substr(url.find("/api/v1/photos/")); }

void age_files(const std::string& dir, std::int64_t seconds) {
  for (const std::string& name : files_in(dir)) {
    const std::string path = dir + "/" + name;
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    utimbuf times{info.st_atime - seconds, info.st_mtime - seconds};
    REQUIRE(::utime(path.c_str(), &times) == 0);
  }
}

}  // namespace

TEST_CASE("image probe: real images decode, with their real size", "[units][photos]") {
  struct Case {
    std::string name;
    std::string bytes;
    std::string type;
  };
  const Case cases[] = {
      {"png", png_image(40, 30), "image/png"},
      {"interlaced png", png_image(40, 30, true), "image/png"},
      {"jpeg", jpeg_image(40, 30), "image/jpeg"},
      {"progressive jpeg", jpeg_image(40, 30, true), "image/jpeg"},
      {"webp", webp_image(40, 30), "image/webp"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const auto probed = probe_image(c.bytes, kLimit);
    CHECK(probed.verdict == ImageVerdict::Ok);
    CHECK(probed.content_type == c.type);
    CHECK(probed.width == 40);
    CHECK(probed.height == 30);
    CHECK(probed.length == c.bytes.size());
  }
  CHECK(probe_image("GIF89a\x01\x00\x01\x00", kLimit).verdict == ImageVerdict::NotImage);
  CHECK(probe_image("<svg xmlns='http://www.w3.org/2000/svg'/>", kLimit).verdict ==
        ImageVerdict::NotImage);
}

TEST_CASE("image probe: lying headers, magic numbers alone, truncated and damaged files",
          "[units][photos]") {
  const std::string png = png_image(40, 30);
  const std::string jpeg = jpeg_image(40, 30);
  const std::string webp = webp_image(40, 30);

  // Dimensions are judged from the header, before any pixel is decoded.
  const auto huge_png = probe_image(png_with_declared_size(png, 60000, 60000), kLimit);
  CHECK(huge_png.verdict == ImageVerdict::TooManyPixels);
  CHECK(huge_png.width == 60000);
  CHECK(huge_png.height == 60000);
  const auto huge_jpeg = probe_image(jpeg_with_declared_size(jpeg, 60000, 60000), kLimit);
  CHECK(huge_jpeg.verdict == ImageVerdict::TooManyPixels);
  CHECK(huge_jpeg.width == 60000);
  // A strip under the pixel limit but over the side limit.
  CHECK(probe_image(png_with_declared_size(png, 20000, 1), kLimit).verdict ==
        ImageVerdict::TooManyPixels);
  // The limit is the caller's (Limits::max_photo_pixels): 40x30 = 1200 pixels.
  CHECK(probe_image(png, 1199).verdict == ImageVerdict::TooManyPixels);
  CHECK(probe_image(png, 1200).verdict == ImageVerdict::Ok);
  // A header under the limit whose data does not hold that many pixels.
  CHECK(probe_image(png_with_declared_size(png, 400, 300), kLimit).verdict ==
        ImageVerdict::Unreadable);
  CHECK(probe_image(jpeg_with_declared_size(jpeg, 400, 300), kLimit).verdict ==
        ImageVerdict::Unreadable);

  // Only a magic number, or a header and nothing else.
  CHECK(probe_image(std::string("\x89PNG\r\n\x1a\n", 8), kLimit).verdict ==
        ImageVerdict::Unreadable);
  CHECK(probe_image(png.substr(0, 33), kLimit).verdict == ImageVerdict::Unreadable);
  CHECK(probe_image("\xff\xd8\xff", kLimit).verdict == ImageVerdict::Unreadable);
  CHECK(probe_image(std::string("RIFF\0\0\0\0WEBP", 12), kLimit).verdict ==
        ImageVerdict::Unreadable);
  // Cut short anywhere in the image data.
  for (const std::string* file : {&png, &jpeg, &webp}) {
    for (std::size_t keep : {file->size() / 4, file->size() / 2, file->size() - 3}) {
      INFO(file->substr(0, 4) << " cut to " << keep << " of " << file->size());
      CHECK(probe_image(file->substr(0, keep), kLimit).verdict == ImageVerdict::Unreadable);
    }
  }
  // A flipped byte in the PNG image data (CRC) and random bytes after a JPEG header.
  std::string damaged = png;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x55);
  CHECK(probe_image(damaged, kLimit).verdict == ImageVerdict::Unreadable);
  // The polyglot the old magic-number check published: JPEG magic, then HTML.
  CHECK(probe_image("\xff\xd8\xff<html><script>alert(document.domain)</script></html>", kLimit)
            .verdict == ImageVerdict::Unreadable);
}

TEST_CASE("image probe: bytes after the image end are not part of the photo", "[units][photos]") {
  const std::string payload = "<html><script>alert(document.domain)</script></html>";
  for (const std::string& image : {png_image(8, 8), jpeg_image(8, 8), webp_image(8, 8)}) {
    const auto probed = probe_image(image + payload, kLimit);
    CHECK(probed.verdict == ImageVerdict::Ok);
    CHECK(probed.length == image.size());
  }
}

TEST_CASE("photos API: hostile images are refused with a typed, localized field error",
          "[api][photos]") {
  TestServer server;
  auto client = server.client();
  const std::string png = png_image(40, 30);
  const std::string jpeg = jpeg_image(40, 30);
  struct Case {
    const char* name;
    std::string bytes;
    const char* code;
  };
  const Case cases[] = {
      {"8-byte PNG", std::string("\x89PNG\r\n\x1a\n", 8), "photo_unreadable"},
      {"60000x60000 PNG", png_with_declared_size(png, 60000, 60000), "photo_too_large_pixels"},
      {"60000x60000 JPEG", jpeg_with_declared_size(jpeg, 60000, 60000), "photo_too_large_pixels"},
      {"truncated PNG", png.substr(0, png.size() / 2), "photo_unreadable"},
      {"truncated JPEG", jpeg.substr(0, jpeg.size() / 2), "photo_unreadable"},
      {"truncated WebP", webp_image(40, 30).substr(0, 40), "photo_unreadable"},
      {"JPEG magic + HTML", "\xff\xd8\xff<html><script>alert(1)</script></html>",
       "photo_unreadable"},
  };
  // One section per file: each is refused on its own (a fresh server per section).
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      auto res = post_photo(client, "sku-hostile", c.bytes, 0, {{"Accept-Language", "de"}});
      REQUIRE(res);
      INFO(res->body);
      REQUIRE(res->status == 422);
      const json body = parse(res->body);
      REQUIRE(body.contains("errors"));
      REQUIRE(body["errors"].size() == 1);
      const json& error = body["errors"][0];
      CHECK(error["field"] == "photos[0]");
      CHECK(error["code"] == c.code);
      CHECK(error["params"]["index"] == 0);
      if (std::string(c.code) == "photo_too_large_pixels") {
        CHECK(error["params"]["width"] == 60000);
        CHECK(error["params"]["height"] == 60000);
        CHECK(error["params"]["max_megapixels"] == 25);
        CHECK(error["message"].get<std::string>().find("60000 × 60000 Pixel") != std::string::npos);
      } else {
        CHECK(error["message"].get<std::string>().find("Dieses Foto konnte nicht gelesen werden") !=
              std::string::npos);
      }
      // Nothing was stored or published.
      CHECK(files_in(server.app().config.upload_dir).empty());
      CHECK(snapshot_media(client, "sku-hostile").empty());
    }
  }
}

TEST_CASE("photos API: a WebP and a polyglot PNG are stored as the image alone", "[api][photos]") {
  TestServer server;
  auto client = server.client();
  const std::string webp = webp_image(48, 32);
  auto res = post_photo(client, "sku-webp", webp, 0);
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  auto media = snapshot_media(client, "sku-webp");
  REQUIRE(media.size() == 1);
  CHECK(media[0].width == 48);
  CHECK(media[0].height == 32);
  auto photo = client.Get(path_of(media[0].url).c_str());
  REQUIRE(photo);
  CHECK(photo->get_header_value("Content-Type") == "image/webp");
  CHECK(photo->body == webp);

  // A real PNG with an HTML page appended: the photo is published, the page is not.
  const std::string png = png_image(20, 10);
  res = post_photo(client, "sku-polyglot", png + "<html><script>alert(1)</script></html>", 1);
  REQUIRE(res);
  REQUIRE(res->status == 201);
  media = snapshot_media(client, "sku-polyglot");
  REQUIRE(media.size() == 1);
  photo = client.Get(path_of(media[0].url).c_str());
  REQUIRE(photo);
  CHECK(photo->body == png);
  CHECK(photo->body.find("<script>") == std::string::npos);
}

TEST_CASE("photos API: URLs never come from the Host header", "[api][photos][host]") {
  SECTION("without public_url, photos are refused and nothing is written") {
    TempDir scratch;
    vouch::server::Config config = test_config(scratch.path());
    config.public_url = "";
    config.upload_dir = "uploads";
    TestServer server(config);
    auto client = server.client();
    auto res = post_photo(client, "sku-host", png_image(8, 8), 0, {{"Host", "evil.example"}});
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 422);
    const json body = parse(res->body);
    REQUIRE(body.contains("errors"));
    CHECK(body["errors"][0]["field"] == "photos");
    CHECK(body["errors"][0]["code"] == "photos_not_accepted");
    CHECK(files_in(server.app().config.upload_dir).empty());
    CHECK(snapshot_media(client, "sku-host").empty());
    // A review without photos is still welcome.
    auto plain = client.Post("/api/v1/products/sku-host/reviews", review_json(5, kPhotoBodies[1]),
                             "application/json");
    REQUIRE(plain);
    CHECK(plain->status == 201);
  }
  SECTION("with public_url, a hostile Host changes nothing") {
    TestServer server;
    auto client = server.client();
    auto res = post_photo(client, "sku-host", png_image(8, 8), 0, {{"Host", "evil.example"}});
    REQUIRE(res);
    REQUIRE(res->status == 201);
    const auto media = snapshot_media(client, "sku-host");
    REQUIRE(media.size() == 1);
    CHECK(media[0].url.rfind("http://reviews.test/api/v1/photos/", 0) == 0);
    CHECK(media[0].url.find("evil") == std::string::npos);
  }
}

TEST_CASE("photos: rows stored with a Host-built URL keep working, and move onto public_url",
          "[api][photos][host]") {
  TestServer server;
  auto client = server.client();
  vouch::server::App& app = server.app();
  auto res = post_photo(client, "sku-legacy", png_image(8, 8), 2);
  REQUIRE(res);
  REQUIRE(res->status == 201);
  const std::string id = parse(res->body)["id"];
  std::string name;
  {
    vouch::server::Statement query(app.db->handle(), "SELECT name FROM photos");
    REQUIRE(query.step());
    name = query.text(0);
  }
  // What an older version stored for `Host: evil.example`, next to an imported photo.
  const json legacy = json::array({{{"kind", "photo"},
                                    {"url", "http://evil.example/api/v1/photos/" + name},
                                    {"width", 8},
                                    {"height", 8}},
                                   {{"kind", "photo"},
                                    {"url", "https://cdn.example/imported.jpg"},
                                    {"width", 0},
                                    {"height", 0}}});
  {
    vouch::server::Statement update(app.db->handle(),
                                    "UPDATE reviews SET media = ?1 WHERE id = ?2");
    update.bind(1, legacy.dump()).bind(2, id);
    REQUIRE(update.run().ok());
  }
  app.snapshots.invalidate("sku-legacy");

  // Without public_url there is no better address: the stored one keeps working.
  vouch::server::Config no_public_url = app.config;
  no_public_url.public_url = "";
  auto kept = vouch::server::recover_photo_dir(*app.db, no_public_url, app.now());
  REQUIRE(kept.ok());
  CHECK(kept.value().rebased_urls == 0);
  auto media = snapshot_media(client, "sku-legacy");
  REQUIRE(media.size() == 2);
  CHECK(media[0].url == "http://evil.example/api/v1/photos/" + name);
  auto photo = client.Get(path_of(media[0].url).c_str());
  REQUIRE(photo);
  CHECK(photo->status == 200);

  // With public_url (what `serve` does at start), the upload moves onto it; the import stays.
  auto moved = vouch::server::recover_photo_dir(*app.db, app.config, app.now());
  REQUIRE(moved.ok());
  CHECK(moved.value().rebased_urls == 1);
  app.snapshots.invalidate("sku-legacy");
  media = snapshot_media(client, "sku-legacy");
  REQUIRE(media.size() == 2);
  CHECK(media[0].url == "http://reviews.test/api/v1/photos/" + name);
  CHECK(media[1].url == "https://cdn.example/imported.jpg");
  // Running it again changes nothing.
  auto again = vouch::server::recover_photo_dir(*app.db, app.config, app.now());
  REQUIRE(again.ok());
  CHECK(again.value().rebased_urls == 0);
}

TEST_CASE("photos: the start-up sweep completes committed photos and removes only old orphans",
          "[units][photos][crash]") {
  TestServer server;
  auto client = server.client();
  vouch::server::App& app = server.app();
  const std::string& dir = app.config.upload_dir;
  auto res = post_photo(client, "sku-sweep", png_image(8, 8), 3);
  REQUIRE(res);
  REQUIRE(res->status == 201);
  std::set<std::string> uploaded = files_in(dir);
  REQUIRE(uploaded.size() == 1);
  const std::string referenced = *uploaded.begin();
  CHECK(vouch::server::is_photo_name(referenced));
  // A committed photo whose rename was lost, an upload that never committed,
  // an orphan an older version left, and a file that is not ours.
  res = post_photo(client, "sku-sweep", png_image(9, 9), 4);
  REQUIRE(res);
  REQUIRE(res->status == 201);
  std::string lost_rename;
  for (const std::string& name : files_in(dir))
    if (name != referenced) lost_rename = name;
  REQUIRE(std::filesystem::exists(dir + "/" + lost_rename));
  std::filesystem::rename(dir + "/" + lost_rename, dir + "/" + lost_rename + ".part");
  const std::string unfinished = "0123456789abcdef0123456789abcdef.png.part";
  const std::string orphan = "fedcba9876543210fedcba9876543210.jpg";
  for (const std::string& name : {unfinished, orphan, std::string("README.txt")})
    REQUIRE(vouch::server::write_text_file(dir + "/" + name, "x").ok());
  CHECK_FALSE(client.Get(("/api/v1/photos/" + lost_rename).c_str())->status == 200);

  // Young unreferenced files may belong to another process's upload: kept.
  auto first = vouch::server::recover_photo_dir(*app.db, app.config, app.now());
  REQUIRE(first.ok());
  CHECK(first.value().completed == 1);
  CHECK(first.value().removed_staged == 0);
  CHECK(first.value().removed_orphans == 0);
  CHECK(files_in(dir) ==
        std::set<std::string>{referenced, lost_rename, unfinished, orphan, "README.txt"});
  CHECK(client.Get(("/api/v1/photos/" + lost_rename).c_str())->status == 200);

  // Past the grace period they go; referenced photos and foreign files stay.
  age_files(dir, vouch::server::kPhotoSweepGraceSeconds + 60);
  auto second = vouch::server::recover_photo_dir(*app.db, app.config, app.now());
  REQUIRE(second.ok());
  CHECK(second.value().removed_staged == 1);
  CHECK(second.value().removed_orphans == 1);
  CHECK(files_in(dir) == std::set<std::string>{referenced, lost_rename, "README.txt"});
}
