#include "importer.hpp"

#include <map>
#include <variant>

#include "app/stored_review.hpp"
#include "audit_log.hpp"
#include "crypto.hpp"
#include "http_util.hpp"
#include "import_formats.hpp"
#include "inbox/inbox_triage.hpp"
#include "review_store.hpp"
#include "vouch/csv.hpp"
#include "vouch/utf8.hpp"
#include "vouch/validate.hpp"

namespace vouch::server {

namespace {

// What our own JSON export carries beyond an app's CSV row, restored as it was
// (demo seeding and backup restores rely on it): language, featured, and the
// helpful votes, re-created as anonymous "import-" visitors.
struct RestoredState {
  std::string language;
  bool featured = false;
  std::uint32_t helpful_up = 0;
  std::uint32_t helpful_down = 0;
};

// Imports compare a row with the product's newest reviews (the same bounded,
// indexed query as a shopper's submission, recent_fingerprints) plus the rows
// of this file, keeping the newest kNearDuplicateWindow..2x of them: a file
// pasted twice or copies within a batch are caught, and the cost per row does
// not grow with the product (20,000 reviews took minutes when it did).
void trim_window(std::vector<Fingerprint>& known) {
  if (known.size() > 2 * kNearDuplicateWindow)
    known.erase(known.begin(), known.end() - static_cast<std::ptrdiff_t>(kNearDuplicateWindow));
}

// Validates and stores imported rows inside the caller's transaction, keeping
// per-product fingerprints for the near-duplicate check across the file.
class RowSink {
 public:
  RowSink(App& app, ImportReport& report) : app_(app), report_(report), policy_(app.policy) {
    // Minimum lengths exist to nudge a shopper typing now; an old "Good" with
    // five stars is still a real review, and dropping short ones on import
    // would bias the average. Maximums, required fields and every hygiene
    // and spam rule still apply (content rules as flags: validate.hpp).
    policy_.title.min = 0;
    policy_.body.min = 1;
    policy_.author.min = 1;
  }

  // Returns false when the row was refused (issues added, reason counted).
  bool add(std::size_t line, const ImportedRow& row, const std::string& source,
           Verification verification,
           const std::function<std::string(const std::string&)>& column_of, std::string id = "",
           const RestoredState* restored = nullptr) {
    Submission submission;
    submission.rating = row.rating;
    submission.title = row.title;
    submission.body = row.body;
    submission.author = row.author;
    submission.email = row.email;
    if (restored) submission.language = restored->language;
    ValidationContext context;
    context.mode = ValidationMode::Import;
    context.store_name = app_.config.store_name;
    std::vector<Fingerprint>& known = fingerprints(row.product_id);
    context.existing_fingerprints.swap(known);  // lend, not copy: products can have thousands
    ValidationResult verdict = validate_submission(submission, policy_, context);
    context.existing_fingerprints.swap(known);
    if (!verdict.ok) {
      for (const FieldError& error : verdict.errors) {
        report_.issues.push_back({line, column_of(error.field),
                                  validation_message(error.code, error.params, i18n::Locale::En) +
                                      " (" + error.code + ")"});
      }
      ++report_.skipped_by_reason[verdict.errors.front().code];
      return false;
    }
    app::ReviewOrigin origin;
    origin.id = id;
    origin.product_id = row.product_id;
    origin.created = row.created != 0 ? row.created : app_.now();
    origin.source = source;
    origin.verification = verification;
    StoredReview stored = app::stored_review_from(verdict.normalized, verdict.flags, origin);
    Review& review = stored.review;
    review.rating = static_cast<std::uint8_t>(verdict.normalized.rating.value_or(row.rating));
    review.incentivized = row.incentivized;
    review.recommends = static_cast<Recommends>(row.recommends);
    review.reply.text = row.reply;
    review.reply.time = row.reply.empty() ? 0 : row.reply_time;
    for (const std::string& url : row.photos)
      review.media.push_back({Media::Kind::Photo, url, 0, 0});
    if (restored) review.featured = restored->featured;
    stored.status = row.status;
    stored.moderation_reason = row.moderation_reason;
    stored.source_verified = row.source_verified;
    // What would hold a shopper's review holds this one: kept, pending, flagged.
    if (stored.status == "published" && app_.config.moderation != ModerationMode::None &&
        holds_for_moderation(verdict.flags)) {
      stored.status = "pending";
      ++report_.held;
      for (const std::string& code : split_codes(stored.flags)) ++report_.held_by_flag[code];
      report_.issues.push_back({line, "", "kept as pending for a moderator: " + stored.flags});
    }
    // The repository checks the stored-review rules (check_stored_review).
    Status inserted = insert_review(*app_.db, stored);
    // The console's triage and due time, in the import's transaction.
    if (inserted)
      inserted = inbox::add_inbox_item(*app_.db, *app_.inbox, inbox::triage_source(stored));
    if (!inserted) {
      report_.issues.push_back({line, "", "cannot be stored: " + inserted.error().to_string()});
      ++report_.skipped_by_reason[inserted.error().kind == ErrorKind::Invalid ? "breaks_rules"
                                                                              : "database"];
      return false;
    }
    if (restored) {
      for (std::uint32_t i = 0; i < restored->helpful_up + restored->helpful_down; ++i) {
        const bool up = i < restored->helpful_up;
        Statement vote(app_.db->handle(),
                       "INSERT INTO votes (review_id, visitor, direction, created) "
                       "VALUES (?1, ?2, ?3, ?4)");
        vote.bind(1, review.id)
            .bind(2, (up ? "import-up-" : "import-down-") +
                         std::to_string(up ? i : i - restored->helpful_up))
            .bind_int(3, up ? 1 : -1)
            .bind(4, review.created);
        if (Status voted = vote.run(); !voted) {
          report_.issues.push_back({line, "", "database: " + voted.error().message});
          ++report_.skipped_by_reason["database"];
          return false;
        }
      }
    }
    known.push_back(text_fingerprint(review.body));
    trim_window(known);
    return true;
  }

 private:
  static std::vector<std::string> split_codes(const std::string& joined) {
    std::vector<std::string> codes;
    std::size_t start = 0;
    while (start < joined.size()) {
      std::size_t end = joined.find(',', start);
      if (end == std::string::npos) end = joined.size();
      codes.push_back(joined.substr(start, end - start));
      start = end + 1;
    }
    return codes;
  }

  std::vector<Fingerprint>& fingerprints(const std::string& product_id) {
    auto it = by_product_.find(product_id);
    if (it != by_product_.end()) return it->second;
    std::vector<Fingerprint>& list = by_product_[product_id];
    if (Result<std::vector<Fingerprint>> recent = recent_fingerprints(*app_.db, product_id); recent)
      list = std::move(recent.value());
    return list;
  }

  App& app_;
  ImportReport& report_;
  Policy policy_;
  std::map<std::string, std::vector<Fingerprint>> by_product_;
};

// Our own export (GET /api/v1/admin/export?format=json): restores reviews with
// their provenance as it was recorded by this server.
Result<ImportReport> import_vouch_json(App& app, std::string_view bytes,
                                       const ImportOptions& options, ImportReport report) {
  const json root = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (root.is_discarded()) return Error{"file", "not valid JSON"};
  const auto reviews = root.is_object() ? root.find("reviews") : root.end();
  if (!root.is_object() || reviews == root.end() || !reviews->is_array()) {
    return Error{"file", "expected the Vouch JSON export: {\"reviews\": [...]}"};
  }
  report.format = "vouch-json";
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  RowSink sink(app, report);
  const auto same = [](const std::string& field) { return field; };
  for (std::size_t i = 0; i < reviews->size(); ++i) {
    const json& item = (*reviews)[i];
    ++report.rows;
    const std::size_t skipped_before = report.skipped_by_reason_total();
    if (!item.is_object()) {
      report.issues.push_back({i + 1, "", "expected an object"});
      ++report.skipped_by_reason["unreadable"];
    } else {
      ImportedRow row;
      row.product_id = string_member(item, "product_id");
      auto rating = item.find("rating");
      row.rating =
          rating != item.end() && rating->is_number_integer() ? rating->get<std::int64_t>() : 0;
      row.title = string_member(item, "title");
      row.body = string_member(item, "body");
      row.author = string_member(item, "author");
      row.email = string_member(item, "email");
      row.status = string_member(item, "status");
      row.moderation_reason = string_member(item, "moderation_reason");
      parse_utc(string_member(item, "created"), row.created);
      if (auto reply = item.find("reply"); reply != item.end() && reply->is_object()) {
        row.reply = string_member(*reply, "text");
        parse_utc(string_member(*reply, "time"), row.reply_time);
      }
      if (auto media = item.find("media"); media != item.end() && media->is_array()) {
        for (const json& m : *media)
          row.photos.push_back(m.is_object() ? string_member(m, "url") : "");
      }
      auto flag = [&](const char* key) {
        auto it = item.find(key);
        return it != item.end() && it->is_boolean() && it->get<bool>();
      };
      row.incentivized = flag("incentivized");
      row.source_verified = flag("source_verified");
      if (auto rec = item.find("recommends"); rec != item.end() && rec->is_boolean())
        row.recommends = rec->get<bool>() ? 1 : 2;
      const std::string verification = string_member(item, "verification");
      // The export's "unverified" and anything unknown: from the store's page.
      const Verification kind =
          parse_verification(verification).value_or(Verification::UnverifiedWeb);
      RestoredState restored;
      restored.language = string_member(item, "language");
      restored.featured = flag("featured");
      const auto count = [&](const char* key) -> std::uint32_t {
        auto it = item.find(key);
        // At most 100,000 votes per review: a hostile file must not make us loop for ever.
        return it != item.end() && it->is_number_unsigned() && it->get<std::uint64_t>() <= 100000
                   ? static_cast<std::uint32_t>(it->get<std::uint64_t>())
                   : 0;
      };
      restored.helpful_up = count("helpful_up");
      restored.helpful_down = count("helpful_down");
      std::string id = string_member(item, "id");
      Result<std::optional<StoredReview>> existing = find_review(*app.db, id);
      if (!is_status(row.status)) {
        report.issues.push_back({i + 1, "status", "unknown status \"" + row.status + "\""});
        ++report.skipped_by_reason["unreadable"];
      } else if (!is_valid_id(row.product_id)) {
        report.issues.push_back({i + 1, "product_id", "missing or malformed"});
        ++report.skipped_by_reason["unreadable"];
      } else if (existing && existing.value()) {
        report.issues.push_back({i + 1, "id", "a review with id " + id + " exists already"});
        ++report.skipped_by_reason["duplicate_id"];
      } else {
        sink.add(i + 1, row, string_member(item, "source"), kind, same, is_valid_id(id) ? id : "",
                 &restored);
      }
    }
    if (report.skipped_by_reason_total() == skipped_before)
      ++report.imported;
    else
      ++report.skipped;
  }
  if (report.skipped > 0 && !options.partial) {
    report.imported = 0;
    return report;
  }
  append_audit(*app.db, app.now(), options.actor, "import", "", "vouch-json",
               std::to_string(report.imported) + " imported, " + std::to_string(report.skipped) +
                   " skipped");
  if (Status committed = transaction.commit(); !committed) return committed.error();
  report.committed = true;
  app.snapshots.clear();
  return report;
}

}  // namespace

std::vector<std::string> import_format_names() {
  std::vector<std::string> names = {"auto"};
  for (const FormatSpec& spec : builtin_formats()) names.push_back(spec.name);
  names.push_back("mapped");
  names.push_back("vouch-json");
  return names;
}

Result<ImportReport> import_reviews(App& app, std::string_view bytes,
                                    const ImportOptions& options) {
  ImportReport report;
  const std::size_t bad = utf8::first_invalid(bytes);
  if (bad != std::string_view::npos) {
    return Error{"file",
                 "not valid UTF-8 at byte " + std::to_string(bad) + " (save the export as UTF-8)"};
  }
  std::size_t first = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") first = 3;
  while (first < bytes.size() &&
         (bytes[first] == ' ' || bytes[first] == '\n' || bytes[first] == '\r'))
    ++first;
  if (options.format == "vouch-json" ||
      (options.format == "auto" && first < bytes.size() && bytes[first] == '{')) {
    return import_vouch_json(app, bytes.substr(first), options, report);
  }

  Result<std::vector<csv::Row>> rows = csv::read_all(bytes);
  if (!rows) return Error{"file", "CSV: " + rows.error().to_string()};
  if (rows.value().empty()) return Error{"file", "empty file: expected a header row"};
  const std::vector<std::string>& header = rows.value().front().fields;

  FormatSpec spec;
  if (options.format == "auto") {
    const FormatSpec* detected = detect_format(header);
    if (!detected) {
      return Error{
          "header",
          "cannot tell which app wrote this file from its header row; pass --format "
          "(judgeme, shopify, okendo, loox, loox-export, yotpo, woocommerce, powerreviews) "
          "or --format mapped with --map"};
    }
    spec = *detected;
  } else if (options.format == "mapped") {
    SlashOrder order = SlashOrder::MonthFirst;
    for (const auto& [name, value] : options.defaults) {
      if (name == "date_order" && value == "dmy") order = SlashOrder::DayFirst;
    }
    Result<FormatSpec> mapped = mapped_format(options.columns, options.source_name, order);
    if (!mapped) return mapped.error();
    spec = mapped.value();
  } else if (const FormatSpec* named = find_format(options.format)) {
    spec = *named;
  } else {
    return Error{"format", "unknown format \"" + options.format + "\""};
  }
  Result<RowMapper> mapper = RowMapper::create(spec, header, options.defaults);
  if (!mapper) return mapper.error();
  report.format = spec.name;

  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  if (!transaction.began()) return Error{"database", app.db->last_error()};
  RowSink sink(app, report);
  const std::size_t total = rows.value().size() - 1;
  const std::size_t step = total / 100 + 1;
  const std::int64_t now = app.now();
  // Validator fields (body, title, ...) back to the CSV column they came from.
  const auto column_of = [&](const std::string& field) {
    const std::string column = mapper.value().column_of(field);
    return column.empty() ? field : column;
  };
  std::size_t ignored = 0;
  for (std::size_t r = 1; r < rows.value().size(); ++r) {
    const csv::Row& csv_row = rows.value()[r];
    if (options.progress && (r % step == 0 || r == total)) options.progress(r, total);
    if (csv_row.fields.size() == 1 && csv_row.fields[0].empty()) continue;  // blank line
    ++report.rows;
    std::variant<ImportedRow, RowProblem> mapped = mapper.value().map(csv_row.fields, now);
    if (const RowProblem* problem = std::get_if<RowProblem>(&mapped)) {
      report.issues.push_back({csv_row.line, problem->column, problem->reason});
      ++report.skipped;
      ++report.skipped_by_reason[problem->ignored ? "not_a_review" : "unreadable"];
      if (problem->ignored) ++ignored;
      continue;
    }
    ImportedRow& row = std::get<ImportedRow>(mapped);
    for (const auto& [from, to] : options.product_aliases) {
      if (row.product_id == from) row.product_id = to;
    }
    if (!sink.add(csv_row.line, row, spec.source, Verification::Imported, column_of)) {
      ++report.skipped;
      continue;
    }
    for (const std::string& note : row.notes)
      report.issues.push_back({csv_row.line, "", "kept the review; " + note});
    ++report.imported;
  }
  // Rows that are not reviews at all (plain comments, replies) never fail a file.
  if (report.skipped > ignored && !options.partial) {
    report.imported = 0;
    return report;  // the transaction rolls back
  }
  Status audited = append_audit(*app.db, now, options.actor, "import", "", spec.name,
                                std::to_string(report.imported) + " imported, " +
                                    std::to_string(report.skipped) + " skipped of " +
                                    std::to_string(report.rows));
  if (!audited) return audited.error();
  if (Status committed = transaction.commit(); !committed) return committed.error();
  report.committed = true;
  app.snapshots.clear();
  return report;
}

}  // namespace vouch::server
