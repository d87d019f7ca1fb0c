// Submission and context JSON -> structs. Wrong types are errors with the
// field's path (code wrong_type); absent keys and null mean "not given".
#include <algorithm>
#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "vouch/utf8.hpp"
#include "vouch/validate.hpp"

namespace vouch {

namespace {

using nlohmann::json;

void wrong_type(std::vector<FieldError>* errors, std::string field, const char* expected) {
  if (errors) errors->push_back({std::move(field), "wrong_type", {{"expected", expected}}});
}

// A string member ("" when absent or null; wrong_type otherwise).
void read_string(const json& doc, const char* key, std::string& out,
                 std::vector<FieldError>* errors) {
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return;
  if (const auto* s = it->get_ptr<const std::string*>())
    out = *s;
  else
    wrong_type(errors, key, "string");
}

void read_photos(const json& list, Submission& out, std::vector<FieldError>* errors) {
  if (!list.is_array()) return wrong_type(errors, "photos", "array");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "photos[" + std::to_string(i) + "]";
    const json& item = list[i];
    if (!item.is_object()) {
      wrong_type(errors, path, "object");
      continue;
    }
    SubmittedPhoto photo;
    const auto type = item.find("type");
    if (type == item.end() || type->is_null()) {
      if (errors) errors->push_back({path + ".type", "required", {}});
    } else if (const auto* s = type->get_ptr<const std::string*>()) {
      photo.type = *s;
    } else {
      wrong_type(errors, path + ".type", "string");
    }
    const auto bytes = item.find("bytes");
    std::int64_t size = 0;
    if (bytes == item.end() || bytes->is_null()) {
      if (errors) errors->push_back({path + ".bytes", "required", {}});
    } else if (detail::integer_value(*bytes, size) && size >= 0) {
      photo.bytes = static_cast<std::uint64_t>(size);
    } else if (bytes->is_number_unsigned()) {
      photo.bytes = UINT64_MAX;  // larger than any limit: photo_too_large
    } else {
      wrong_type(errors, path + ".bytes", "integer");
    }
    const auto name = item.find("name");
    if (name != item.end() && !name->is_null()) {
      if (const auto* s = name->get_ptr<const std::string*>())
        photo.name = *s;
      else
        wrong_type(errors, path + ".name", "string");
    }
    out.photos.push_back(std::move(photo));
  }
}

}  // namespace

Result<Submission> parse_submission(std::string_view text, const Policy& policy,
                                    std::vector<FieldError>* errors) {
  if (!utf8::is_valid(text)) return Error{"", "invalid_utf8"};
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return Error{"", "invalid_json"};
  if (!doc.is_object()) return Error{"", "wrong_type"};
  Submission out;
  if (const auto it = doc.find("rating"); it != doc.end() && !it->is_null()) {
    std::int64_t rating = 0;
    if (detail::integer_value(*it, rating))
      out.rating = rating;
    else if (it->is_number_unsigned())
      out.rating = INT64_MAX;  // huge: out_of_range
    else
      wrong_type(errors, "rating", "integer");
  }
  read_string(doc, "title", out.title, errors);
  read_string(doc, "body", out.body, errors);
  read_string(doc, "author", out.author, errors);
  read_string(doc, "email", out.email, errors);
  read_string(doc, "language", out.language, errors);
  if (const auto it = doc.find("aspects"); it != doc.end() && !it->is_null()) {
    if (!it->is_object()) {
      wrong_type(errors, "aspects", "object");
    } else {
      for (auto a = it->begin(); a != it->end(); ++a) {
        std::int64_t value = 0;
        if (detail::integer_value(a.value(), value))
          out.aspects.push_back({a.key(), value});
        else if (a.value().is_number_unsigned())
          out.aspects.push_back({a.key(), INT64_MAX});
        else
          wrong_type(errors, "aspects." + a.key(), "integer");
      }
    }
  }
  if (const auto it = doc.find("recommends"); it != doc.end() && !it->is_null()) {
    if (const auto* b = it->get_ptr<const bool*>())
      out.recommends = *b;
    else
      wrong_type(errors, "recommends", "boolean");
  }
  if (const auto it = doc.find("consent"); it != doc.end() && !it->is_null()) {
    if (const auto* b = it->get_ptr<const bool*>())
      out.consent = *b;
    else
      wrong_type(errors, "consent", "boolean");
  }
  if (const auto it = doc.find("photos"); it != doc.end() && !it->is_null())
    read_photos(*it, out, errors);
  if (!policy.honeypot_field.empty()) {
    if (const auto it = doc.find(policy.honeypot_field); it != doc.end() && !it->is_null()) {
      // Bots fill every field with anything; a non-string counts as filled too.
      if (const auto* s = it->get_ptr<const std::string*>())
        out.honeypot = *s;
      else
        out.honeypot = it->dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  return out;
}

Result<ValidationContext> parse_context(std::string_view text) {
  ValidationContext context;
  if (text.empty()) return context;
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return Error{"", "context is not valid JSON"};
  if (!doc.is_object()) return Error{"", "context must be a JSON object"};
  Error error;
  detail::ObjectReader r(doc, "", &error);
  r.only({"mode", "store_name", "existing_texts", "existing_fingerprints", "elapsed_ms"});
  std::string mode = "form";
  r.string("mode", mode, 16);
  if (mode == "import")
    context.mode = ValidationMode::Import;
  else if (mode != "form")
    r.fail("mode", "expected \"form\" or \"import\"");
  r.string("store_name", context.store_name, 200);
  r.strings("existing_texts", context.existing_texts, 100000, 1u << 20);
  if (const auto it = doc.find("existing_fingerprints"); it != doc.end() && !it->is_null()) {
    if (!it->is_array()) r.fail("existing_fingerprints", "expected an array of arrays of integers");
    for (std::size_t i = 0; it->is_array() && i < it->size() && !r.failed(); ++i) {
      const json& row = (*it)[i];
      Fingerprint fp;
      bool good = row.is_array();
      for (std::size_t k = 0; good && k < row.size(); ++k) {
        std::int64_t v = 0;
        good = detail::integer_value(row[k], v) && v >= 0 && v <= 0xFFFFFFFFll;
        fp.push_back(static_cast<std::uint32_t>(v));
      }
      if (!good) {
        r.fail("existing_fingerprints[" + std::to_string(i) + "]",
               "expected an array of integers 0..4294967295");
        break;
      }
      std::sort(fp.begin(), fp.end());  // tolerate hand-written, unsorted input
      fp.erase(std::unique(fp.begin(), fp.end()), fp.end());
      context.existing_fingerprints.push_back(std::move(fp));
    }
  }
  r.integer("elapsed_ms", context.elapsed_ms, 0, INT64_MAX);
  if (!error.message.empty()) return error;
  return context;
}

}  // namespace vouch
