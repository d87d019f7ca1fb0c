#include "cli.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "cli_user.hpp"
#include "crypto.hpp"
#include "exporter.hpp"
#include "first_render.hpp"
#include "http/console_dir.hpp"
#include "http_util.hpp"
#include "importer.hpp"
#include "migrations.hpp"
#include "photos.hpp"
#include "requests/order_import.hpp"
#include "review_link.hpp"
#include "server.hpp"
#include "vouch/version.hpp"

namespace vouch::server {

namespace {

constexpr const char* kUsage =
    R"(vouch-server — reviews for independent stores (one binary, one SQLite file)

usage:
  vouch-server serve      --db FILE [--config FILE] [--port 8080] [--host 0.0.0.0] [--mount /prefix/=DIR]...
                          [--test-clock [--test-clock-start=UNIX_SECONDS]]  (tests and the demo's seed:
                          POST /api/v1/admin/test/clock; the clock may start in the past)
  vouch-server migrate    --db FILE
  vouch-server import     --db FILE [--config FILE] [--format auto] [--partial]
                          [--map field=Column[,field=Column...]] [--default field=value]... [--source NAME]
                          [--product-alias FROM=TO]... FILE
  vouch-server orders import --db FILE [--config FILE] [--dry-run] [--strict] FILE
                          (past orders, CSV, one row per item: order_id, fulfilled_at,
                          customer_name, customer_email, customer_locale, product, product_name,
                          product_url, product_image; docs/review-requests.md)
  vouch-server export     --db FILE [--config FILE] [--format judgeme|json] [--out FILE]
  vouch-server export     --db FILE [--config FILE] --static DIR
  vouch-server first-render SNAPSHOT...
                          (a snapshot file made by hand, .json or .bin: writes the widget's
                          first response beside it, <name>.first-<locale>.json, as
                          export --static does for every product)
  vouch-server sign-link  --config FILE --product ID --order ID [--days 30]
  vouch-server init-config FILE [--store-name NAME] [--public-url https://reviews.shop.example]
                          (writes a config with a random admin token and HMAC secret; asks for
                          the public URL when stdin is a terminal: photo URLs are built from it)
  vouch-server user add NAME --role owner|moderator|responder --db FILE [--config FILE]
  vouch-server user list   --db FILE
  vouch-server user remove NAME --db FILE        (never the last owner)
  vouch-server user passwd NAME --db FILE        (ends the user's sessions)
                          (console staff accounts; the password is asked for with echo off
                          on a terminal, else read as one line from stdin)
  vouch-server version

import formats: auto, judgeme, shopify, okendo, loox, loox-export, yotpo, woocommerce, powerreviews,
                mapped (with --map), vouch-json
)";

struct Args {
  std::string command;
  std::map<std::string, std::vector<std::string>> options;
  std::vector<std::string> positional;

  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = options.find(name);
    return it == options.end() || it->second.empty() ? fallback : it->second.back();
  }
  bool has(const std::string& name) const { return options.count(name) != 0; }
};

// --name value, --name=value; flags without values are listed here.
bool parse_args(int argc, char** argv, Args& args) {
  static const char* kFlags[] = {"--partial", "--quiet", "--test-clock", "--dry-run", "--strict"};
  if (argc < 2) return false;
  args.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) {
      args.positional.push_back(arg);
      continue;
    }
    const std::size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      args.options[arg.substr(0, eq)].push_back(arg.substr(eq + 1));
      continue;
    }
    bool flag = false;
    for (const char* known : kFlags) flag = flag || arg == known;
    if (flag) {
      args.options[arg].push_back("1");
    } else if (i + 1 < argc) {
      args.options[arg].push_back(argv[++i]);
    } else {
      std::fprintf(stderr, "vouch-server: %s needs a value\n", arg.c_str());
      return false;
    }
  }
  return true;
}

// The whole of `text` as a base-10 integer in [min, max]; nothing for "", "8080x",
// "-" or a number out of range, so a mistyped option is refused, not half read.
std::optional<std::int64_t> whole_number(const std::string& text, std::int64_t min,
                                         std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return std::nullopt;
  return value;
}

int fail(const std::string& message) {
  std::fprintf(stderr, "vouch-server: %s\n", message.c_str());
  return 1;
}

Result<Config> config_from(const Args& args) {
  if (!args.has("--config")) return Config{};
  return load_config(args.get("--config"));
}

Result<std::unique_ptr<App>> app_from(const Args& args, Config config) {
  if (!args.has("--db")) return Error{"--db", "required (the SQLite file)"};
  return make_app(std::move(config), args.get("--db"));
}

int serve(const Args& args) {
  Result<Config> config = config_from(args);
  if (!config) return fail(config.error().to_string());
  for (const std::string& mount :
       args.options.count("--mount") ? args.options.at("--mount") : std::vector<std::string>{}) {
    const std::size_t eq = mount.find('=');
    if (eq == std::string::npos || mount[0] != '/') return fail("--mount expects /prefix/=DIR");
    config.value().static_mounts.emplace_back(mount.substr(0, eq), mount.substr(eq + 1));
  }
  // The console at /admin/, found with no flag (http/console_dir.hpp).
  const http::ConsoleDir console = http::find_console_dir(
      config.value().console_dir, std::getenv("VOUCH_CONSOLE_DIR"), http::self_exe_path());
  config.value().console_dir = console.dir;
  std::fprintf(stderr, "vouch-server: %s\n", http::describe(console).c_str());
  if (config.value().admin_tokens.empty())
    std::fprintf(stderr, "vouch-server: no admin token configured: admin API disabled\n");
  if (config.value().hmac_secret.empty())
    std::fprintf(stderr, "vouch-server: no hmac_secret: no review is ever verified\n");
  if (!config.value().mail.enabled)
    std::fprintf(
        stderr, "vouch-server: no \"mail\" settings: e-mail is queued in the outbox, never sent\n");
  else
    std::fprintf(stderr, "vouch-server: outbox sends through %s\n",
                 config.value().mail.smtp_url.c_str());
  const std::optional<std::int64_t> port = whole_number(args.get("--port", "8080"), 0, 65535);
  if (!port) return fail("--port expects 0..65535");
  if (config.value().public_url.empty())
    std::fprintf(stderr,
                 "vouch-server: no public_url: photo uploads are refused (photos_not_accepted)\n");
  Result<std::unique_ptr<App>> app = app_from(args, config.value());
  if (!app) return fail(app.error().to_string());
  // Tests only (docs/api.md "Test clock"): a flag, never a config setting.
  if (args.has("--test-clock-start") && !args.has("--test-clock"))
    return fail("--test-clock-start: only with --test-clock");
  if (args.has("--test-clock")) {
    enable_test_clock(*app.value());
    // --test-clock-start=UNIX_SECONDS: the clock starts in the past (the demo's
    // seed asks its questions over weeks, then the clock only moves forward).
    if (args.has("--test-clock-start")) {
      const std::string text = args.get("--test-clock-start");
      const std::int64_t now = unix_now();
      const std::optional<std::int64_t> start = whole_number(text, 946684800, now);
      if (!start)
        return fail("--test-clock-start: expected Unix seconds from 2000-01-01 to now, got \"" +
                    text + "\"");
      app.value()->clock_offset.store(*start - now);
    }
    std::fprintf(stderr,
                 "vouch-server: --test-clock: POST /api/v1/admin/test/clock moves the clock "
                 "(never use this in production)\n");
  }
  // Before the first request: what a crash left in the upload directory.
  Result<PhotoRecovery> recovered =
      recover_photo_dir(*app.value()->db, app.value()->config, unix_now());
  if (!recovered) return fail(recovered.error().to_string());
  const PhotoRecovery& photos = recovered.value();
  if (photos.completed + photos.removed_staged + photos.removed_orphans + photos.rebased_urls > 0)
    std::fprintf(stderr,
                 "vouch-server: photos: %zu completed, %zu unfinished and %zu unreferenced files "
                 "removed, %zu URLs moved onto public_url\n",
                 photos.completed, photos.removed_staged, photos.removed_orphans,
                 photos.rebased_urls);
  return serve_until_signal(*app.value(), args.get("--host", "0.0.0.0"), static_cast<int>(*port));
}

int migrate_command(const Args& args) {
  Result<std::unique_ptr<App>> app = app_from(args, Config{});
  if (!app) return fail(app.error().to_string());
  Result<std::size_t> version = schema_version(*app.value()->db);
  std::printf("schema version %zu (latest %zu)\n", version ? version.value() : 0,
              schema_version_latest());
  return 0;
}

std::vector<std::pair<std::string, std::string>> pairs(const Args& args,
                                                       const std::string& option) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!args.options.count(option)) return out;
  for (const std::string& value : args.options.at(option)) {
    std::size_t start = 0;
    while (start < value.size()) {
      // Comma-separated for --map; a --default value may itself hold commas.
      std::size_t end = option == "--map" ? value.find(',', start) : std::string::npos;
      if (end == std::string::npos) end = value.size();
      const std::string part = value.substr(start, end - start);
      const std::size_t eq = part.find('=');
      if (eq != std::string::npos) out.emplace_back(part.substr(0, eq), part.substr(eq + 1));
      start = end + 1;
    }
  }
  return out;
}

int import_command(const Args& args) {
  if (args.positional.size() != 1) return fail("import needs exactly one FILE");
  Result<Config> config = config_from(args);
  if (!config) return fail(config.error().to_string());
  Result<std::unique_ptr<App>> app = app_from(args, config.value());
  if (!app) return fail(app.error().to_string());
  Result<std::string> bytes = read_text_file(args.positional[0]);
  if (!bytes) return fail(bytes.error().to_string());
  ImportOptions options;
  options.format = args.get("--format", args.has("--map") ? "mapped" : "auto");
  options.partial = args.has("--partial");
  options.columns = pairs(args, "--map");
  options.defaults = pairs(args, "--default");
  options.source_name = args.get("--source");
  options.product_aliases = pairs(args, "--product-alias");
  if (isatty(STDERR_FILENO)) {
    options.progress = [](std::size_t row, std::size_t total) {
      const std::size_t width = 30;
      const std::size_t filled = total ? row * width / total : width;
      std::fprintf(stderr, "\r[%s%s] %3zu%% %zu/%zu rows", std::string(filled, '#').c_str(),
                   std::string(width - filled, ' ').c_str(), total ? row * 100 / total : 100, row,
                   total);
      if (row == total) std::fprintf(stderr, "\n");
    };
  }
  Result<ImportReport> report = import_reviews(*app.value(), bytes.value(), options);
  if (!report) return fail(args.positional[0] + ": " + report.error().to_string());
  const ImportReport& r = report.value();
  std::size_t shown = 0;
  for (const ImportIssue& issue : r.issues) {
    if (++shown > 200) {
      std::printf("... %zu more issues\n", r.issues.size() - 200);
      break;
    }
    std::printf("%s: row %zu%s%s: %s\n", args.positional[0].c_str(), issue.row,
                issue.column.empty() ? "" : ", column ", issue.column.c_str(),
                issue.reason.c_str());
  }
  // Per reason first: the summary stays the last line (scripts/seed-demo.mjs reads it).
  for (const auto& [reason, count] : r.skipped_by_reason)
    std::printf("  skipped, %s: %zu\n", reason.c_str(), count);
  if (r.held > 0) std::printf("  kept as pending for a moderator: %zu\n", r.held);
  for (const auto& [flag, count] : r.held_by_flag)
    std::printf("    flag %s: %zu\n", flag.c_str(), count);
  std::printf("format %s: %zu rows, %zu imported, %zu skipped%s\n", r.format.c_str(), r.rows,
              r.imported, r.skipped,
              r.committed ? "" : " — nothing imported (fix the rows above or pass --partial)");
  return r.committed ? 0 : 2;
}

// Past orders from a CSV file, through the same use case as POST /api/v1/admin/orders.
int orders_command(const Args& args) {
  if (args.positional.size() != 2 || args.positional[0] != "import")
    return fail("usage: orders import --db FILE [--config FILE] [--dry-run] [--strict] FILE");
  const std::string& file = args.positional[1];
  Result<Config> config = config_from(args);
  if (!config) return fail(config.error().to_string());
  Result<std::unique_ptr<App>> app = app_from(args, config.value());
  if (!app) return fail(app.error().to_string());
  Result<std::string> bytes = read_text_file(file);
  if (!bytes) return fail(bytes.error().to_string());
  requests::OrderImportOptions options;
  options.dry_run = args.has("--dry-run");
  options.strict = args.has("--strict");
  Result<requests::OrderImportReport> report =
      requests::import_orders(*app.value(), bytes.value(), options);
  if (!report) return fail(file + ": " + report.error().to_string() + " (nothing imported)");
  const requests::OrderImportReport& r = report.value();
  for (const requests::OrderImportIssue& issue : r.issues)
    std::printf("%s: line %zu%s%s: %s (%s)\n", file.c_str(), issue.line,
                issue.column.empty() ? "" : ", column ", issue.column.c_str(),
                issue.message.c_str(), issue.code.c_str());
  const char* verb = r.written ? "imported" : "would import";
  std::printf(
      "%zu rows, %zu orders: %zu %s (%zu with a review request scheduled), %zu already "
      "known, %zu refused%s\n",
      r.rows, r.orders, r.imported, verb, r.scheduled, r.known, r.refused,
      r.written         ? ""
      : options.dry_run ? " — dry run, nothing written"
                        : " — --strict: nothing written (fix the rows above)");
  return r.refused == 0 ? 0 : 2;
}

int export_command(const Args& args) {
  Result<Config> config = config_from(args);
  if (!config) return fail(config.error().to_string());
  Result<std::unique_ptr<App>> app = app_from(args, config.value());
  if (!app) return fail(app.error().to_string());
  if (args.has("--static")) {
    Result<std::size_t> written = export_static(*app.value(), args.get("--static"));
    if (!written) return fail(written.error().to_string());
    std::printf("wrote %zu products to %s\n", written.value(), args.get("--static").c_str());
    return 0;
  }
  const std::string format = args.get("--format", "json");
  Result<std::string> bytes =
      format == "judgeme" ? export_judgeme_csv(*app.value()->db)
      : format == "json"  ? export_vouch_json(*app.value()->db)
                          : Result<std::string>(Error{"--format", "expected judgeme or json"});
  if (!bytes) return fail(bytes.error().to_string());
  if (args.has("--out")) {
    if (Status written = write_text_file(args.get("--out"), bytes.value()); !written)
      return fail(written.error().to_string());
  } else {
    std::fwrite(bytes.value().data(), 1, bytes.value().size(), stdout);
  }
  return 0;
}

// The widget's first responses for snapshot files the store made itself.
int first_render_command(const Args& args) {
  if (args.positional.empty()) return fail("first-render needs one or more snapshot files");
  for (const std::string& path : args.positional) {
    const bool binary = path.size() > 4 && path.compare(path.size() - 4, 4, ".bin") == 0;
    const bool json_file = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    if (!binary && !json_file) return fail(path + ": expected a .json or .bin snapshot");
    Result<std::string> bytes = read_text_file(path);
    if (!bytes) return fail(bytes.error().to_string());
    Result<Snapshot> snapshot =
        binary ? Snapshot::from_binary(bytes.value()) : Snapshot::from_json(bytes.value());
    if (!snapshot) return fail(path + ": " + snapshot.error().to_string());
    const std::string stem = path.substr(0, path.size() - (binary ? 4 : 5));
    Result<json> written = write_first_renders(stem, snapshot.value(), summarize(snapshot.value()));
    if (!written) return fail(written.error().to_string());
    std::printf("wrote %zu first responses beside %s\n", written.value().size(), path.c_str());
  }
  return 0;
}

int sign_link(const Args& args) {
  Result<Config> config = config_from(args);
  if (!config) return fail(config.error().to_string());
  if (config.value().hmac_secret.empty()) return fail("the config has no hmac_secret");
  if (!args.has("--product") || !args.has("--order"))
    return fail("sign-link needs --product and --order");
  const std::string text = args.get("--days", "30");
  const std::optional<std::int64_t> days = whole_number(text, 1, 3650);
  if (!days)
    return fail("sign-link: --days expects whole days from 1 to 3650, got \"" + text + "\"");
  ReviewLink link{args.get("--product"), args.get("--order"), unix_now() + *days * 86400};
  std::printf("%s\n", sign_review_link(link, config.value().hmac_secret).c_str());
  return 0;
}

int init_config(const Args& args) {
  if (args.positional.size() != 1) return fail("init-config needs the FILE to write");
  const std::string& path = args.positional[0];
  if (::access(path.c_str(), F_OK) == 0) return fail(path + " exists already; not overwriting");
  // Photo URLs are built from public_url only (never from a request's Host):
  // ask for it, since without it the server takes no photos.
  std::string public_url = args.get("--public-url");
  if (!args.has("--public-url") && ::isatty(STDIN_FILENO)) {
    std::printf(
        "Public address of this server, as shoppers' browsers reach it\n"
        "(e.g. https://reviews.shop.example; empty = no photo uploads): ");
    std::fflush(stdout);
    char line[2048];
    if (std::fgets(line, sizeof line, stdin)) public_url = line;
    while (!public_url.empty() && std::isspace(static_cast<unsigned char>(public_url.back())))
      public_url.pop_back();
  }
  json config = {{"store_name", args.get("--store-name", "Vouch demo store")},
                 {"public_url", public_url},
                 {"admin_token", random_hex(24)},
                 {"hmac_secret", random_hex(32)},
                 {"moderation", "flagged"},
                 {"allowed_origins", json::array()},
                 {"upload_dir", "uploads"}};
  const std::string text = config.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  // The same check as `serve` applies, before anything is written.
  if (Result<Config> parsed = parse_config(text, "."); !parsed)
    return fail(parsed.error().to_string());
  // The file holds secrets: readable by the owner only.
  const mode_t old = ::umask(077);
  Status written = write_text_file(path, text);
  ::umask(old);
  if (!written) return fail(written.error().to_string());
  std::printf("wrote %s\n", path.c_str());
  if (public_url.empty())
    std::printf("no public_url: photo uploads stay off until you set it in %s\n", path.c_str());
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  // Its own small argument set (a positional NAME, a prompt for the password).
  if (argc >= 2 && std::string(argv[1]) == "user") return user_command(argc, argv);
  Args args;
  if (!parse_args(argc, argv, args) || args.command == "help" || args.command == "--help") {
    std::fputs(kUsage, args.command == "help" || args.command == "--help" ? stdout : stderr);
    return args.command == "help" || args.command == "--help" ? 0 : 64;
  }
  if (args.command == "serve") return serve(args);
  if (args.command == "migrate") return migrate_command(args);
  if (args.command == "import") return import_command(args);
  if (args.command == "export") return export_command(args);
  if (args.command == "orders") return orders_command(args);
  if (args.command == "first-render") return first_render_command(args);
  if (args.command == "sign-link") return sign_link(args);
  if (args.command == "init-config") return init_config(args);
  if (args.command == "version") {
    std::printf("vouch-server %s (schema %zu)\n", vouch::version(), schema_version_latest());
    return 0;
  }
  std::fprintf(stderr, "vouch-server: unknown command \"%s\"\n\n%s", args.command.c_str(), kUsage);
  return 64;
}

}  // namespace vouch::server
