// Precision and recall of the default triage tags on two hand-labelled samples
// (tests/core/fixtures/triage_*; docs/console.md "Triage accuracy"). The
// thresholds below are the documented floor: a change to the term lists or the
// matcher that loses accuracy fails here.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "shared_data.hpp"
#include "vouch/csv.hpp"
#include "vouch/triage.hpp"

namespace {

using vouch::triage::Priority;
using vouch::triage::ReviewText;
using vouch::triage::Tagger;

const char* const kTags[] = {"quality", "logistics", "service",   "fit",
                             "value",   "packaging", "suggestion"};

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep))
    if (!item.empty()) out.push_back(item);
  return out;
}

// VOUCH_TRIAGE_DEBUG=1 lists every miss with the evidence (for whoever edits the terms).
void count(std::map<std::string, Counts>& counts, const std::set<std::string>& expected,
           const vouch::triage::Triage& triage, const std::string& id) {
  static const bool debug = std::getenv("VOUCH_TRIAGE_DEBUG") != nullptr;
  const std::set<std::string> actual(triage.tags.begin(), triage.tags.end());
  for (const char* tag : kTags) {
    const bool e = expected.count(tag) > 0, a = actual.count(tag) > 0;
    if (debug && e != a) {
      std::string terms;
      for (const auto& m : triage.evidence)
        if (m.rule == tag) terms += " [" + m.term + "]";
      std::printf("  %s %s %s%s\n", e ? "FN" : "FP", tag, id.c_str(), terms.c_str());
    }
    if (e && a) ++counts[tag].tp;
    if (!e && a) ++counts[tag].fp;
    if (e && !a) ++counts[tag].fn;
  }
}

void report(const char* sample, std::map<std::string, Counts>& counts) {
  std::printf("triage accuracy, %s:\n  %-11s %5s %5s %5s %9s %7s\n", sample, "tag", "tp", "fp",
              "fn", "precision", "recall");
  for (const char* tag : kTags) {
    const Counts& c = counts[tag];
    std::printf("  %-11s %5d %5d %5d %9.2f %7.2f\n", tag, c.tp, c.fp, c.fn, c.precision(),
                c.recall());
  }
}

struct Floor {
  const char* tag;
  double precision;
  double recall;
};

void check(std::map<std::string, Counts>& counts, std::initializer_list<Floor> floors) {
  for (const Floor& f : floors) {
    INFO(f.tag);
    CHECK(counts[f.tag].precision() >= f.precision);
    CHECK(counts[f.tag].recall() >= f.recall);
  }
}

// Runs the default tagger over the CSV rows a label file names; false when the
// shared data is absent (skipped with a notice; a failure under CI=true).
bool run_clothing_sample(const char* label_file, std::size_t min_rows,
                         std::map<std::string, Counts>& counts) {
  const std::string csv_path =
      vouch_test::shared_data("reviews/en_womens_clothing_ecommerce_reviews.first20000.csv");
  if (csv_path.empty()) return false;
  auto rows = vouch::csv::read_all(vouch_test::read_file(csv_path));
  REQUIRE(rows.ok());
  std::map<std::string, const vouch::csv::Row*> by_index;
  for (const auto& row : rows.value())
    if (row.fields.size() >= 6) by_index[row.fields[0]] = &row;

  const std::string labels = vouch_test::read_file(vouch_test::source_path(label_file));
  const Tagger tagger(vouch::triage::default_triage_config());
  std::size_t reviews = 0;
  std::istringstream lines(labels);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string index = line.substr(0, tab);
    const auto it = by_index.find(index);
    INFO("row " << index);
    REQUIRE(it != by_index.end());
    const auto& f = it->second->fields;
    const auto tags = split(line.substr(tab + 1), ',');
    for (const auto& t : tags)
      REQUIRE(std::find(std::begin(kTags), std::end(kTags), t) != std::end(kTags));
    ReviewText review;
    review.title = f[3];
    review.body = f[4];
    review.rating = std::stoi(f[5]);
    review.language = "en";
    count(counts, std::set<std::string>(tags.begin(), tags.end()), tagger.run(review), index);
    ++reviews;
  }
  REQUIRE(reviews >= min_rows);
  return true;
}

}  // namespace

TEST_CASE("triage accuracy: English clothing reviews labelled by hand", "[triage][accuracy]") {
  std::map<std::string, Counts> counts;
  if (!run_clothing_sample("tests/core/fixtures/triage_en_clothing_labels.tsv", 300, counts))
    return;
  report("en clothing, 300 reviews (in-sample: the terms were revised on them)", counts);
  // Floors (docs/console.md): the measured figures minus a margin. logistics and
  // packaging have few positives here (8 and 1): their floors are loose on purpose.
  check(counts, {{"quality", 0.85, 0.90},
                 {"fit", 0.90, 0.90},
                 {"service", 0.90, 0.85},
                 {"value", 0.85, 0.80},
                 {"logistics", 0.50, 0.50},
                 {"suggestion", 0.70, 0.75}});
}

TEST_CASE("triage accuracy: held-out English clothing reviews", "[triage][accuracy]") {
  std::map<std::string, Counts> counts;
  if (!run_clothing_sample("tests/core/fixtures/triage_en_clothing_heldout_labels.tsv", 100,
                           counts))
    return;
  report("en clothing, 100 held-out reviews", counts);
  // Few positives for service (9), value (8) and suggestion (4): loose floors.
  check(counts, {{"quality", 0.85, 0.80},
                 {"fit", 0.90, 0.90},
                 {"service", 0.70, 0.50},
                 {"value", 0.70, 0.70},
                 {"suggestion", 0.25, 0.25}});
}

TEST_CASE("triage accuracy: Chinese reviews written for the fixture", "[triage][accuracy]") {
  const std::string text =
      vouch_test::read_file(vouch_test::source_path("tests/core/fixtures/triage_zh_reviews.tsv"));
  const Tagger tagger(vouch::triage::default_triage_config());
  std::map<std::string, Counts> counts;
  int reviews = 0, priority_right = 0;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == '\t') {
        cols.push_back(line.substr(start, i - start));
        start = i + 1;
      }
    INFO(line);
    REQUIRE(cols.size() == 5);
    ReviewText review;
    review.language = cols[0];
    review.rating = std::stoi(cols[1]);
    review.body = cols[4];
    const auto tags = split(cols[2], ',');
    std::set<std::string> expected;
    for (const auto& t : tags)
      if (t != "urgent") expected.insert(t);
    const auto triage = tagger.run(review);
    count(counts, expected, triage, cols[4]);
    priority_right += std::string(vouch::triage::priority_name(triage.priority)) == cols[3];
    ++reviews;
  }
  REQUIRE(reviews >= 150);
  report("zh (written for the fixture)", counts);
  const double priority_accuracy = double(priority_right) / reviews;
  std::printf("  priority accuracy %.2f (%d/%d)\n", priority_accuracy, priority_right, reviews);
  check(counts, {{"quality", 0.85, 0.90},
                 {"logistics", 0.80, 0.90},
                 {"service", 0.90, 0.95},
                 {"fit", 0.75, 0.85},
                 {"value", 0.85, 0.95},
                 {"packaging", 0.90, 0.85},
                 {"suggestion", 0.90, 0.90}});
  CHECK(priority_accuracy >= 0.90);
}
