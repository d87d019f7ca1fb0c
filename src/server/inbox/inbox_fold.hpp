#pragma once
// The core's search folding (case, width, accents, Traditional -> Simplified)
// for the inbox: search_text is written with it at triage and the `q` filter
// folds with it, so 質量 finds 质量 and "cafe" finds "Café".

#include <string>
#include <string_view>

namespace vouch::server::inbox {

std::string search_fold(std::string_view utf8);

}  // namespace vouch::server::inbox
