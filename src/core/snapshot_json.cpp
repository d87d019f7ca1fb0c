// The strict JSON snapshot loader. nlohmann's SAX parser feeds a small state
// machine that fills Product + Reviews directly: no DOM (the DOM costs 2-3x in
// wasm, see the toolchain notes), no exceptions (JSON_NOEXCEPTION; only
// sax_parse is used). Unknown members are skipped whatever their shape; known
// members with a wrong type or range stop the parse with a path.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "snapshot_names.hpp"
#include "vouch/snapshot.hpp"

namespace vouch {

namespace {

using json = nlohmann::json;

enum class Frame : std::uint8_t {
  Root,
  Product,
  Reviews,
  Review,
  MediaList,
  Media,
  AspectList,
  Aspect,
  TopicList,
  Reply,
  Skip
};

// Member names per object frame; the index is the key id (bit in `seen`).
const std::vector<std::string_view>& members(Frame frame) {
  static const std::vector<std::string_view> kRoot = {"format", "version", "product", "reviews"};
  static const std::vector<std::string_view> kProduct = {"id", "name", "url", "image"};
  static const std::vector<std::string_view> kReview = {
      "id",         "product_id", "rating",       "title",        "body",     "author", "created",
      "updated",    "language",   "verification", "incentivized", "source",   "media",  "aspects",
      "recommends", "helpful_up", "helpful_down", "reply",        "featured", "topics"};
  static const std::vector<std::string_view> kMedia = {"kind", "url", "width", "height"};
  static const std::vector<std::string_view> kAspect = {"name", "value"};
  static const std::vector<std::string_view> kReply = {"text", "time"};
  static const std::vector<std::string_view> kNone;
  switch (frame) {
    case Frame::Root:
      return kRoot;
    case Frame::Product:
      return kProduct;
    case Frame::Review:
      return kReview;
    case Frame::Media:
      return kMedia;
    case Frame::Aspect:
      return kAspect;
    case Frame::Reply:
      return kReply;
    default:
      return kNone;
  }
}

// Review key ids (indices into kReview above).
enum ReviewKey {
  kId,
  kProductId,
  kRating,
  kTitle,
  kBody,
  kAuthor,
  kCreated,
  kUpdated,
  kLanguage,
  kVerification,
  kIncentivized,
  kSource,
  kMediaKey,
  kAspectsKey,
  kRecommends,
  kHelpfulUp,
  kHelpfulDown,
  kReplyKey,
  kFeatured,
  kTopicsKey
};

struct Value {
  enum Type { Null, Bool, Int, Float, String } type;
  bool boolean = false;
  bool negative = false;        // for Int
  std::uint64_t magnitude = 0;  // for Int: |value|
  std::string* text = nullptr;
};

const char* type_name(Value::Type t) {
  switch (t) {
    case Value::Null:
      return "null";
    case Value::Bool:
      return "a boolean";
    case Value::Int:
      return "an integer";
    case Value::Float:
      return "a number with a fraction or exponent";
    case Value::String:
      return "a string";
  }
  return "a value";
}

class SnapshotSax {
 public:
  Product product;
  std::vector<Review> reviews;
  std::optional<Error> error;
  bool syntax_error = false;

  // ---- nlohmann SAX interface ----
  // After the first format error the parse goes on, ignoring every event, so
  // a syntax error later in the text still wins: malformed JSON is reported
  // as malformed whatever it contains.
  bool null() { return error || scalar(Value{Value::Null}); }
  bool boolean(bool b) {
    if (error) return true;
    Value v{Value::Bool};
    v.boolean = b;
    return scalar(v);
  }
  bool number_integer(json::number_integer_t n) {
    if (error) return true;
    Value v{Value::Int};
    v.negative = n < 0;
    v.magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    return scalar(v);
  }
  bool number_unsigned(json::number_unsigned_t n) {
    if (error) return true;
    Value v{Value::Int};
    v.magnitude = n;
    return scalar(v);
  }
  bool number_float(json::number_float_t, const json::string_t&) {
    return error || scalar(Value{Value::Float});
  }
  bool string(json::string_t& s) {
    if (error) return true;
    Value v{Value::String};
    v.text = &s;
    return scalar(v);
  }
  bool binary(json::binary_t&) { return fail_here("", "unexpected binary value"); }
  bool key(json::string_t& name) {
    if (error) return true;
    Entry& top = stack_.back();
    if (top.frame == Frame::Skip) return true;
    top.key = -1;
    const auto& names = members(top.frame);
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (names[k] == name) {
        if (top.seen & (1u << k)) return fail_here(std::string(name), "duplicate member");
        top.seen |= 1u << k;
        top.key = static_cast<int>(k);
        break;
      }
    }
    return true;
  }
  bool start_object(std::size_t) { return error || open(true); }
  bool start_array(std::size_t) { return error || open(false); }
  bool end_object() { return error || close(); }
  bool end_array() { return error || close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    const std::size_t bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    syntax_error = true;
    error = Error{"", "invalid JSON at byte " + std::to_string(position) + ": " + what,
                  ErrorKind::Syntax};
    return false;
  }

  bool saw_root() const { return root_seen_; }
  std::uint32_t root_members() const { return root_members_; }

 private:
  struct Entry {
    Frame frame;
    int key = -1;             // current member (object frames)
    std::uint32_t seen = 0;   // members seen so far (object frames)
    std::uint32_t count = 0;  // elements so far (array frames)
    std::uint32_t skip_depth = 0;
  };

  bool fail_here(const std::string& field, std::string message) {
    error = Error{path(field), std::move(message)};
    return true;  // keep parsing (ignoring events) so syntax errors still surface
  }
  bool type_error(const std::string& field, const char* expected, Value::Type got) {
    return fail_here(field, std::string("expected ") + expected + ", found " + type_name(got));
  }

  // "reviews[17].media[0].url" from the frame stack.
  std::string path(const std::string& field) const {
    std::string p;
    for (const Entry& e : stack_) {
      switch (e.frame) {
        case Frame::Product:
          p += "product";
          break;
        case Frame::Reviews:
          p += "reviews";
          break;
        case Frame::Review:
          p += "[" + std::to_string(reviews.size() - 1) + "]";
          break;
        case Frame::MediaList:
          p += ".media";
          break;
        case Frame::Media:
          p += "[" + std::to_string(reviews.back().media.size() - 1) + "]";
          break;
        case Frame::AspectList:
          p += ".aspects";
          break;
        case Frame::Aspect:
          p += "[" + std::to_string(reviews.back().aspects.size() - 1) + "]";
          break;
        case Frame::TopicList:
          p += ".topics";
          break;
        case Frame::Reply:
          p += ".reply";
          break;
        default:
          break;
      }
    }
    if (!field.empty()) {
      if (!p.empty() && field[0] != '[') p += '.';
      p += field;
    }
    return p;
  }

  std::string current_field() const {
    const Entry& top = stack_.back();
    const auto& names = members(top.frame);
    if (top.key >= 0) return std::string(names[static_cast<std::size_t>(top.key)]);
    return "";
  }

  bool open(bool is_object) {
    if (stack_.empty()) {
      if (!is_object || root_seen_) return fail_here("", "expected an object at the top level");
      root_seen_ = true;
      stack_.push_back(Entry{Frame::Root});
      return true;
    }
    Entry& top = stack_.back();
    if (top.frame == Frame::Skip) {
      ++top.skip_depth;
      return true;
    }
    const char* wanted = is_object ? "an object" : "an array";
    auto wrong = [&](const std::string& field, const char* expected) {
      return fail_here(field, std::string("expected ") + expected + ", found " + wanted);
    };
    switch (top.frame) {
      case Frame::Reviews:
        ++top.count;
        if (!is_object) return wrong("[" + std::to_string(top.count - 1) + "]", "an object");
        reviews.emplace_back();
        stack_.push_back(Entry{Frame::Review});
        return true;
      case Frame::MediaList:
        if (!is_object)
          return wrong("[" + std::to_string(reviews.back().media.size()) + "]", "an object");
        reviews.back().media.emplace_back();
        stack_.push_back(Entry{Frame::Media});
        return true;
      case Frame::AspectList:
        if (!is_object)
          return wrong("[" + std::to_string(reviews.back().aspects.size()) + "]", "an object");
        reviews.back().aspects.emplace_back();
        stack_.push_back(Entry{Frame::Aspect});
        return true;
      case Frame::TopicList:
        return wrong("[" + std::to_string(reviews.back().topics.size()) + "]", "a string");
      default:
        break;
    }
    if (top.key < 0) {  // unknown member: skip its whole value
      stack_.push_back(Entry{Frame::Skip});
      return true;
    }
    const std::string field = current_field();
    Frame next = Frame::Skip;
    if (top.frame == Frame::Root && field == "product")
      next = is_object ? Frame::Product : Frame::Skip;
    if (top.frame == Frame::Root && field == "reviews")
      next = is_object ? Frame::Skip : Frame::Reviews;
    if (top.frame == Frame::Review) {
      if (field == "media") next = is_object ? Frame::Skip : Frame::MediaList;
      if (field == "aspects") next = is_object ? Frame::Skip : Frame::AspectList;
      if (field == "topics") next = is_object ? Frame::Skip : Frame::TopicList;
      if (field == "reply") next = is_object ? Frame::Reply : Frame::Skip;
    }
    if (next == Frame::Skip) {
      const bool wants_array =
          field == "reviews" || field == "media" || field == "aspects" || field == "topics";
      const bool wants_object = field == "product" || field == "reply";
      return wrong(field, wants_array ? "an array" : wants_object ? "an object" : "a scalar value");
    }
    stack_.push_back(Entry{next});
    return true;
  }

  bool close() {
    Entry& top = stack_.back();
    if (top.frame == Frame::Skip && top.skip_depth > 0) {
      --top.skip_depth;
      return true;
    }
    if (auto missing = missing_member(top)) return fail_here(missing, "required member missing");
    if (top.frame == Frame::Root) root_members_ = top.seen;
    // "updated" is optional and defaults to "created".
    if (top.frame == Frame::Review && !(top.seen & (1u << kUpdated)))
      reviews.back().updated = reviews.back().created;
    stack_.pop_back();
    if (!stack_.empty()) stack_.back().key = -1;
    return true;
  }

  // The first required member an object frame lacks, or nullptr.
  static const char* missing_member(const Entry& e) {
    auto need = [&](std::uint32_t bit, const char* name) -> const char* {
      return (e.seen & (1u << bit)) ? nullptr : name;
    };
    const char* m = nullptr;
    switch (e.frame) {
      case Frame::Root:
        if ((m = need(1, "version"))) return m;
        if ((m = need(2, "product"))) return m;
        return need(3, "reviews");
      case Frame::Product:
        return need(0, "id");
      case Frame::Review:
        if ((m = need(kId, "id"))) return m;
        if ((m = need(kRating, "rating"))) return m;
        return need(kCreated, "created");
      case Frame::Media:
        if ((m = need(0, "kind"))) return m;
        return need(1, "url");
      case Frame::Aspect:
        if ((m = need(0, "name"))) return m;
        return need(1, "value");
      case Frame::Reply:
        if ((m = need(0, "text"))) return m;
        return need(1, "time");
      default:
        return nullptr;
    }
  }

  // ---- scalar members ----
  bool want_string(const Value& v, const std::string& field, std::string& out) {
    if (v.type != Value::String) return type_error(field, "a string", v.type);
    out = std::move(*v.text);
    return true;
  }
  bool want_bool(const Value& v, const std::string& field, bool& out) {
    if (v.type != Value::Bool) return type_error(field, "a boolean", v.type);
    out = v.boolean;
    return true;
  }
  template <class T>
  bool want_int(const Value& v, const std::string& field, std::uint64_t low, std::uint64_t high,
                const char* expected, T& out) {
    if (v.type != Value::Int || v.negative || v.magnitude < low || v.magnitude > high) {
      return fail_here(field, std::string("expected ") + expected);
    }
    out = static_cast<T>(v.magnitude);
    return true;
  }
  bool want_time(const Value& v, const std::string& field, std::int64_t& out) {
    if (v.type != Value::String || !parse_utc(*v.text, out)) {
      return fail_here(field, "expected a UTC time like \"2026-11-23T10:15:00Z\"");
    }
    return true;
  }

  bool scalar(const Value& v) {
    if (stack_.empty()) return fail_here("", "expected an object at the top level");
    Entry& top = stack_.back();
    if (top.frame == Frame::Skip) return true;
    if (top.frame == Frame::Reviews)
      return type_error("[" + std::to_string(top.count++) + "]", "an object", v.type);
    if (top.frame == Frame::MediaList || top.frame == Frame::AspectList) {
      const std::size_t at = top.frame == Frame::MediaList ? reviews.back().media.size()
                                                           : reviews.back().aspects.size();
      return type_error("[" + std::to_string(at) + "]", "an object", v.type);
    }
    if (top.frame == Frame::TopicList) {
      const std::string field = "[" + std::to_string(reviews.back().topics.size()) + "]";
      std::string topic;
      want_string(v, field, topic);
      if (!error) reviews.back().topics.push_back(std::move(topic));
      return true;
    }
    if (top.key < 0) return true;  // unknown member
    const std::string field = current_field();
    const int key = top.key;
    top.key = -1;
    switch (top.frame) {
      case Frame::Root:
        if (key == 0) {
          if (v.type != Value::String || *v.text != "vouch.snapshot")
            return fail_here(field, "expected \"vouch.snapshot\"");
          return true;
        }
        if (key == 1) {
          std::uint32_t version = 0;
          return want_int(v, field, kSnapshotJsonVersion, kSnapshotJsonVersion,
                          "integer 1 (the only version this core reads)", version);
        }
        return type_error(field, key == 2 ? "an object" : "an array", v.type);
      case Frame::Product: {
        std::string* targets[] = {&product.id, &product.name, &product.url, &product.image};
        return want_string(v, field, *targets[key]);
      }
      case Frame::Review:
        return review_member(reviews.back(), key, field, v);
      case Frame::Media: {
        Media& m = reviews.back().media.back();
        if (key == 0) {
          if (v.type == Value::String && *v.text == "photo")
            m.kind = Media::Kind::Photo;
          else if (v.type == Value::String && *v.text == "video")
            m.kind = Media::Kind::Video;
          else
            return fail_here(field, "expected \"photo\" or \"video\"");
          return true;
        }
        if (key == 1) return want_string(v, field, m.url);
        return want_int(v, field, 0, 0xFFFFFFFFu, "integer 0..4294967295",
                        key == 2 ? m.width : m.height);
      }
      case Frame::Aspect: {
        AspectRating& a = reviews.back().aspects.back();
        if (key == 0) return want_string(v, field, a.name);
        return want_int(v, field, 1, 5, "integer 1..5", a.value);
      }
      case Frame::Reply: {
        MerchantReply& reply = reviews.back().reply;
        if (key == 0) return want_string(v, field, reply.text);
        return want_time(v, field, reply.time);
      }
      default:
        return true;
    }
  }

  bool review_member(Review& r, int key, const std::string& field, const Value& v) {
    switch (key) {
      case kId:
        return want_string(v, field, r.id);
      case kProductId:
        return want_string(v, field, r.product_id);
      case kRating:
        return want_int(v, field, 1, 5, "integer 1..5", r.rating);
      case kTitle:
        return want_string(v, field, r.title);
      case kBody:
        return want_string(v, field, r.body);
      case kAuthor:
        return want_string(v, field, r.author);
      case kCreated:
        return want_time(v, field, r.created);
      case kUpdated:
        return want_time(v, field, r.updated);
      case kLanguage:
        return want_string(v, field, r.language);
      case kVerification: {
        auto parsed = v.type == Value::String ? parse_verification(*v.text) : std::nullopt;
        if (!parsed)
          return fail_here(
              field,
              "expected \"unverified_web\", \"verified_purchase\", \"imported\" or \"staff\"");
        r.verification = *parsed;
        return true;
      }
      case kIncentivized:
        return want_bool(v, field, r.incentivized);
      case kSource:
        return want_string(v, field, r.source);
      case kRecommends:
        if (v.type == Value::Null)
          r.recommends = Recommends::Unset;
        else if (v.type == Value::Bool)
          r.recommends = v.boolean ? Recommends::Yes : Recommends::No;
        else
          return type_error(field, "true, false or null", v.type);
        return true;
      case kHelpfulUp:
        return want_int(v, field, 0, 0xFFFFFFFFu, "integer 0..4294967295", r.helpful_up);
      case kHelpfulDown:
        return want_int(v, field, 0, 0xFFFFFFFFu, "integer 0..4294967295", r.helpful_down);
      case kReplyKey:
        if (v.type == Value::Null) return true;
        return type_error(field, "an object or null", v.type);
      case kFeatured:
        return want_bool(v, field, r.featured);
      default:
        return type_error(field, "an array", v.type);  // media, aspects, topics
    }
  }

  std::vector<Entry> stack_;
  bool root_seen_ = false;
  std::uint32_t root_members_ = 0;
};

}  // namespace

Result<Snapshot> Snapshot::from_json(std::string_view bytes) {
  // nlohmann's lexer takes a NUL byte for the end of input; JSON never allows
  // a raw NUL (not even inside strings), so refuse it here first.
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos)
    return Error{"", "invalid JSON at byte " + std::to_string(nul) + ": NUL byte",
                 ErrorKind::Syntax};
  SnapshotSax sax;
  const bool parsed = json::sax_parse(bytes.begin(), bytes.end(), &sax, json::input_format_t::json,
                                      /*strict=*/true);
  if (sax.error) return *sax.error;  // a syntax error replaces any earlier format error
  if (!parsed || !sax.saw_root())
    return Error{"", "invalid JSON: expected an object", ErrorKind::Syntax};
  return build(sax.product, sax.reviews);
}

}  // namespace vouch
