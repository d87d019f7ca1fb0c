// schema.org Product + AggregateRating + Review as JSON-LD. Google's review
// snippet rules: the rating sits on the Product (never on an Organization, a
// "self-serving" review), ratingValue uses a dot, author names stay short.

#include "json_text.hpp"
#include "snapshot_data.hpp"
#include "vouch/summary.hpp"
#include "vouch/utf8.hpp"

namespace vouch {

namespace {

// At most `max_chars` code points (cut on a code point boundary).
std::string_view truncate_code_points(std::string_view text, std::size_t max_chars) {
  std::size_t pos = 0, chars = 0;
  while (pos < text.size() && chars < max_chars) {
    utf8::decode(text, pos);
    ++chars;
  }
  return text.substr(0, pos);
}

}  // namespace

std::string json_ld(const Snapshot& snapshot, std::size_t max_reviews) {
  using detail::append_int;
  using detail::append_json_string;
  const Product& product = snapshot.product();
  const Summary summary = summarize(snapshot);
  std::string out = "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":";
  append_json_string(out, product.name.empty() ? product.id : product.name);
  out += ",\"sku\":";
  append_json_string(out, product.id);
  if (!product.url.empty()) {
    out += ",\"url\":";
    append_json_string(out, product.url);
  }
  if (!product.image.empty()) {
    out += ",\"image\":";
    append_json_string(out, product.image);
  }
  if (summary.count > 0) {
    out += ",\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":\"";
    out += summary.average_text;
    out += "\",\"reviewCount\":";
    append_int(out, summary.count);
    out += ",\"bestRating\":5,\"worstRating\":1}";
    const auto& newest = snapshot.data().orders[static_cast<std::size_t>(SortOrder::Newest)];
    const std::size_t shown = std::min(max_reviews, newest.size());
    if (shown > 0) out += ",\"review\":[";
    for (std::size_t k = 0; k < shown; ++k) {
      const std::uint32_t i = newest[k];
      if (k) out += ',';
      out += "{\"@type\":\"Review\",\"author\":{\"@type\":\"Person\",\"name\":";
      const std::string_view author = snapshot.author(i);
      append_json_string(
          out, author.empty() ? std::string_view("Anonymous") : truncate_code_points(author, 99));
      out += "},\"datePublished\":\"";
      out += format_utc(snapshot.created(i)).substr(0, 10);
      out += "\",\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":";
      append_int(out, snapshot.rating(i));
      out += ",\"bestRating\":5,\"worstRating\":1}";
      if (!snapshot.title(i).empty()) {
        out += ",\"name\":";
        append_json_string(out, snapshot.title(i));
      }
      out += ",\"reviewBody\":";
      append_json_string(out, snapshot.body(i));
      out += '}';
    }
    if (shown > 0) out += ']';
  }
  out += '}';
  return out;
}

}  // namespace vouch
