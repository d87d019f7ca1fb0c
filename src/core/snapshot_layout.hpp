#pragma once
// The binary snapshot layout (docs/snapshot-format.md is the prose version).
// Everything is little-endian; both targets (x86-64, wasm32) are, and the
// static_assert below stops a big-endian build instead of misreading files.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace vouch::detail {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the snapshot layout is read in place: little-endian only");

inline constexpr char kMagic[8] = {'V', 'O', 'U', 'C', 'H', 'S', 'N', 'P'};

// Sections, in file order. Counts: N reviews, M media, A aspect entries,
// K aspect names, E topic entries, T topic names, S string-table bytes.
enum Section : std::uint32_t {
  kRating = 0,      // u8[N] 1..5
  kVerification,    // u8[N] 0..3 (Verification)
  kFlags,           // u8[N] bit0 incentivized, bit1 featured, bits2-3 recommends (0..2)
  kCreated,         // i64[N] Unix seconds
  kUpdated,         // i64[N]
  kReplyTime,       // i64[N]
  kHelpfulUp,       // u32[N]
  kHelpfulDown,     // u32[N]
  kReviewStrings,   // StrRef[N * kStringsPerReview]
  kMediaStart,      // u32[N + 1] prefix offsets into the media arrays
  kMediaKind,       // u8[M] 0 photo, 1 video
  kMediaUrl,        // StrRef[M]
  kMediaSize,       // u32[2M] width, height
  kAspectStart,     // u32[N + 1]
  kAspectNameId,    // u32[A] < K
  kAspectValue,     // u8[A] 1..5
  kAspectNames,     // StrRef[K]
  kTopicStart,      // u32[N + 1]
  kTopicId,         // u32[E] < T
  kTopicNames,      // StrRef[T]
  kProductStrings,  // StrRef[4] id, name, url, image
  kStringTable,     // u8[S] valid UTF-8
  kSectionCount
};

inline constexpr const char* kSectionNames[kSectionCount] = {
    "rating",     "verification", "flags",           "created",      "updated",      "reply_time",
    "helpful_up", "helpful_down", "review_strings",  "media_start",  "media_kind",   "media_url",
    "media_size", "aspect_start", "aspect_name_id",  "aspect_value", "aspect_names", "topic_start",
    "topic_id",   "topic_names",  "product_strings", "string_table"};

// Per-review string fields, in StrRef order inside kReviewStrings.
enum ReviewString : std::uint32_t {
  kId = 0,
  kTitle,
  kBody,
  kAuthor,
  kLanguage,
  kSource,
  kReplyText,
  kStringsPerReview
};
inline constexpr const char* kReviewStringNames[kStringsPerReview] = {
    "id", "title", "body", "author", "language", "source", "reply.text"};

inline constexpr std::uint8_t kFlagIncentivized = 1;
inline constexpr std::uint8_t kFlagFeatured = 2;
inline constexpr int kRecommendsShift = 2;
inline constexpr std::uint8_t kRecommendsMask = 3 << kRecommendsShift;

// Header: magic, version, section count, the 7 counts, then kSectionCount
// {offset, length} pairs. Sections start 8-byte aligned, in order, without overlap.
inline constexpr std::size_t kCountFields = 7;
inline constexpr std::size_t kHeaderFixed = 8 + 4 + 4 + 4 * kCountFields;
inline constexpr std::size_t kHeaderSize = kHeaderFixed + 8 * kSectionCount;

struct Counts {
  std::uint32_t reviews = 0, media = 0, aspects = 0, aspect_names = 0, topics = 0, topic_names = 0,
                string_bytes = 0;
};

// Byte length each section must have for the given counts (u64: no overflow).
inline std::array<std::uint64_t, kSectionCount> section_lengths(const Counts& c) {
  const std::uint64_t n = c.reviews;
  return {n,
          n,
          n,
          8 * n,
          8 * n,
          8 * n,
          4 * n,
          4 * n,
          8 * n * kStringsPerReview,
          4 * (n + 1),
          c.media,
          8ull * c.media,
          8ull * c.media,
          4 * (n + 1),
          4ull * c.aspects,
          c.aspects,
          8ull * c.aspect_names,
          4 * (n + 1),
          4ull * c.topics,
          8ull * c.topic_names,
          8 * 4,
          c.string_bytes};
}

// Unaligned-safe little-endian reads (compile to plain loads).
template <class T>
inline T load(const std::uint8_t* p) {
  T value;
  std::memcpy(&value, p, sizeof value);
  return value;
}

struct StrRef {
  std::uint32_t offset;
  std::uint32_t length;
};

}  // namespace vouch::detail
