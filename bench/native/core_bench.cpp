// Native timings of the review core, through the same façade calls the widget
// makes in wasm (ReviewStore::load_*, render_view), so bench/wasm_node.mjs can
// put the two side by side. Also converts JSON snapshots to binary with the
// core itself (the bench data sets are generated as JSON).
//
//   core_bench convert IN.json OUT.bin
//   core_bench time FILE.bin FILE.json RUNS < queries.tsv   (name \t sort \t stars \t search)
//
// Prints one JSON object per line: {"op":..., "ms":median, "runs":RUNS}.
// Built by bench/native.mjs with g++ -O2 against the bench's own native tree.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "review_store.hpp"
#include "widget_api.hpp"

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

template <class F>
double median_ms(int runs, F&& f) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    auto end = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void report(const std::string& op, double ms, int runs) {
  std::string escaped;  // names hold quotes ('search "fabric"') and UTF-8, nothing else to escape
  for (char c : op) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  std::printf("{\"op\":\"%s\",\"ms\":%.4f,\"runs\":%d}\n", escaped.c_str(), ms, runs);
}

int fail(const std::string& what) {
  std::fprintf(stderr, "core_bench: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace vouch::facade;
  if (argc == 4 && std::string(argv[1]) == "convert") {
    vouch::Result<vouch::Snapshot> loaded = vouch::Snapshot::from_json(read_file(argv[2]));
    if (!loaded.ok()) return fail(loaded.error().to_string());
    std::ofstream(argv[3], std::ios::binary) << loaded.value().to_binary();
    return 0;
  }
  if (argc != 5 || std::string(argv[1]) != "time")
    return fail("usage: convert IN OUT | time BIN JSON RUNS");
  const std::string binary = read_file(argv[2]);
  const std::string json = read_file(argv[3]);
  const int runs = std::max(1, std::atoi(argv[4]));

  ReviewStore store;
  report("load_binary", median_ms(runs, [&] { store.load_binary_bytes(binary); }), runs);
  report("load_json", median_ms(runs, [&] { store.load_json_bytes(json); }), runs);
  if (!store.load_binary_bytes(binary).ok) return fail("binary snapshot refused");

  WidgetView view;
  view.page_size = 20;
  // Load then the first search: what a shopper's first keystroke costs after load
  // (includes any index the core builds lazily).
  view.search = "dress";
  report("load_binary+first_search",
         median_ms(runs,
                   [&] {
                     store.load_binary_bytes(binary);
                     render_view(store, view, "en", "b");
                   }),
         runs);

  std::string line;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, stdin)) {
    line = buffer;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    std::vector<std::string> cols;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      cols.push_back(line.substr(start, tab - start));
    cols.push_back(line.substr(start));
    if (cols.size() != 5) return fail("bad query line: " + line);
    WidgetView q;
    q.page_size = 20;
    q.sort = cols[1];
    q.stars = std::atoi(cols[2].c_str());
    q.search = cols[3];
    q.page = std::atoi(cols[4].c_str());
    WidgetRender check = render_view(store, q, "en", "b");
    if (!check.ok) return fail(cols[0] + ": " + check.message);
    report(cols[0], median_ms(runs, [&] { render_view(store, q, "en", "b"); }), runs);
  }
  return 0;
}
