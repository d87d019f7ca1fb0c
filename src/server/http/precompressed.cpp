#include "http/precompressed.hpp"

#include "http/content_coding.hpp"
#include "http/field_values.hpp"
#include "http_util.hpp"

namespace vouch::server::http {

namespace {

// Measured on the demo's snapshots (bench/RESULTS.md): brotli 5 is ~10x
// faster than 11 and still beats gzip -9; this runs once per snapshot build,
// after every write to the product, so its cost is paid under write load.
constexpr int kBrotliQuality = 5;
constexpr int kGzipLevel = 6;
// Below this, the headers outweigh the saving.
constexpr std::size_t kMinimumSize = 256;

}  // namespace

Precompressed precompress(std::string_view identity) {
  Precompressed out;
  if (identity.size() < kMinimumSize) return out;
  out.br = brotli_compress(identity, kBrotliQuality);
  if (out.br.size() >= identity.size()) out.br.clear();
  out.gzip = gzip_compress(identity, kGzipLevel);
  if (out.gzip.size() >= identity.size()) out.gzip.clear();
  return out;
}

void send_precompressed(const httplib::Request& req, httplib::Response& res,
                        const std::string& identity, const Precompressed& encoded,
                        const std::string& etag_base, const char* content_type,
                        const std::string& vary) {
  const Coding coding = choose_coding(req.get_header_value("Accept-Encoding"), !encoded.br.empty(),
                                      !encoded.gzip.empty());
  const std::string suffix = coding == Coding::br ? "-br" : coding == Coding::gzip ? "-gz" : "";
  const std::string etag = "\"" + etag_base + suffix + "\"";
  res.set_header("ETag", etag);
  res.set_header("Vary",
                 vary.empty() ? std::string("Accept-Encoding") : vary + ", Accept-Encoding");
  if (coding != Coding::identity)
    res.set_header("Content-Encoding", std::string(coding_name(coding)));
  if (etag_listed(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  const std::string& body = coding == Coding::br     ? encoded.br
                            : coding == Coding::gzip ? encoded.gzip
                                                     : identity;
  res.set_content(body, content_type);
}

}  // namespace vouch::server::http
