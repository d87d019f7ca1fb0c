#pragma once
// multipart/form-data bodies (RFC 7578) parsed with libmicrohttpd's post
// processor into httplib's `req.files` (what the review route reads).

#include <httplib.h>

#include <string>

struct MHD_Connection;

namespace vouch::server::http {

// True when the body parsed (parts in `files`); false when it is malformed.
// The connection supplies the Content-Type and its boundary.
bool parse_multipart(MHD_Connection* connection, const std::string& body,
                     httplib::MultipartFormDataMap& files);

}  // namespace vouch::server::http
