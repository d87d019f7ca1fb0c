#include "http/multipart.hpp"

#include <microhttpd.h>

namespace vouch::server::http {

namespace {

struct Parts {
  httplib::MultipartFormDataMap* files;
  httplib::MultipartFormDataMap::iterator current;
  bool have_current = false;
};

MHD_Result on_part(void* cls, MHD_ValueKind, const char* key, const char* filename,
                   const char* content_type, const char*, const char* data, uint64_t off,
                   size_t size) {
  auto* parts = static_cast<Parts*>(cls);
  // A part arrives in pieces; offset 0 starts a new one (a name may repeat: photos).
  if (off == 0 || !parts->have_current || parts->current->first != (key ? key : "")) {
    httplib::MultipartFormData part;
    part.name = key ? key : "";
    part.filename = filename ? filename : "";
    part.content_type = content_type ? content_type : "";
    parts->current = parts->files->emplace(part.name, std::move(part));
    parts->have_current = true;
  }
  parts->current->second.content.append(data, size);
  return MHD_YES;
}

}  // namespace

bool parse_multipart(MHD_Connection* connection, const std::string& body,
                     httplib::MultipartFormDataMap& files) {
  Parts parts{&files, files.end()};
  MHD_PostProcessor* processor = MHD_create_post_processor(connection, 64 * 1024, on_part, &parts);
  if (!processor) return false;  // no usable boundary in Content-Type
  const bool ok = MHD_post_process(processor, body.data(), body.size()) == MHD_YES;
  const bool complete = MHD_destroy_post_processor(processor) == MHD_YES;
  return ok && complete;
}

}  // namespace vouch::server::http
