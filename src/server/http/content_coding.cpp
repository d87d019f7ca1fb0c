#include "http/content_coding.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <cstdlib>
#include <optional>

#include "http/field_values.hpp"
#include "http_util.hpp"

namespace vouch::server::http {

namespace {

// q in thousandths (0..1000); a malformed q counts as 0 (not acceptable).
int parse_q(std::string_view params) {
  std::size_t at = 0;
  while (at < params.size()) {
    std::size_t end = params.find(';', at);
    if (end == std::string_view::npos) end = params.size();
    std::string_view param = trim_ows(params.substr(at, end - at));
    at = end + 1;
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    std::string_view value = param.substr(2);
    if (value.empty() || value.size() > 5 || (value[0] != '0' && value[0] != '1')) return 0;
    int thousandths = (value[0] - '0') * 1000;
    if (value.size() > 1) {
      if (value[1] != '.') return 0;
      int scale = 100;
      for (std::size_t i = 2; i < value.size(); ++i, scale /= 10) {
        if (value[i] < '0' || value[i] > '9') return 0;
        thousandths += (value[i] - '0') * scale;
      }
    }
    return thousandths > 1000 ? 0 : thousandths;
  }
  return 1000;
}

}  // namespace

std::string_view coding_name(Coding coding) {
  switch (coding) {
    case Coding::br:
      return "br";
    case Coding::gzip:
      return "gzip";
    default:
      return "";
  }
}

Coding choose_coding(std::string_view header, bool have_br, bool have_gzip) {
  std::optional<int> br, gzip, identity, star;
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(',', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view element = trim_ows(header.substr(at, end - at));
    at = end + 1;
    const std::size_t semicolon = element.find(';');
    const std::string_view name = trim_ows(element.substr(0, semicolon));
    const int q = parse_q(semicolon == std::string_view::npos ? "" : element.substr(semicolon + 1));
    if (iequals(name, "br")) br = q;
    if (iequals(name, "gzip") || iequals(name, "x-gzip")) gzip = q;
    if (iequals(name, "identity")) identity = q;
    if (name == "*") star = q;
  }
  const int q_br = have_br ? br.value_or(star.value_or(0)) : 0;
  const int q_gzip = have_gzip ? gzip.value_or(star.value_or(0)) : 0;
  const int q_identity = identity.value_or(star.value_or(1000) > 0 ? 1 : 0);
  // identity, when not named, ranks below any named coding but stays acceptable.
  if (q_br > 0 && q_br >= q_gzip && q_br >= q_identity) return Coding::br;
  if (q_gzip > 0 && q_gzip >= q_identity) return Coding::gzip;
  return Coding::identity;
}

std::string brotli_compress(std::string_view data, int quality) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  std::size_t size = out.size();
  if (out.empty() ||
      !BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, data.size(),
                             reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                             reinterpret_cast<std::uint8_t*>(out.data())))
    return {};
  out.resize(size);
  return out;
}

std::string gzip_compress(std::string_view data, int level) {
  z_stream stream{};
  // 15 + 16: a gzip wrapper (RFC 1952), not zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  const std::size_t written = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END) return {};
  out.resize(written);
  return out;
}

}  // namespace vouch::server::http
