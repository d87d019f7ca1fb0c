// Photo type by magic bytes: what the server checks an upload with, instead of
// trusting the declared MIME type.
#include "vouch/validate.hpp"

namespace vouch {

std::string_view sniff_image_type(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8))
    return "image/png";
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
  return "";
}

}  // namespace vouch
