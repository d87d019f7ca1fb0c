#pragma once
// Exporting reviews: the Judge.me CSV (what most review apps import), the
// project's own JSON (every stored field, for backups and re-import), and
// static snapshot files for a CDN (no server needed by the widget).

#include <string>

#include "app.hpp"

namespace vouch::server {

Result<std::string> export_judgeme_csv(Database& db);
Result<std::string> export_vouch_json(Database& db);

// DIR/products/<encoded id>.json and .bin (published reviews),
// DIR/summaries.json, DIR/index.json (the products and their file names).
// Returns the number of products written.
Result<std::size_t> export_static(App& app, const std::string& dir);

// Product ids as file names: [A-Za-z0-9._-] kept, every other byte %XX.
std::string file_name_for_id(std::string_view id);

}  // namespace vouch::server
