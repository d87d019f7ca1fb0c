#include "summary_json.hpp"

namespace vouch::server {

json summary_json(const std::string& product_id, const Summary& summary) {
  json histogram = json::array();
  json percent = json::array();
  for (std::size_t i = 0; i < 5; ++i) {
    histogram.push_back(summary.histogram[i]);
    percent.push_back(summary.histogram_percent[i]);
  }
  json out = {{"product", product_id},           {"count", summary.count},
              {"average", summary.average_text}, {"average_tenths", summary.average_tenths},
              {"histogram", histogram},          {"histogram_percent", percent}};
  out["recommend_percent"] =
      summary.has_recommend ? json(summary.recommend_percent) : json(nullptr);
  return out;
}

}  // namespace vouch::server
