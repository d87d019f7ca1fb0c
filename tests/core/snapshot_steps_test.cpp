// A binary snapshot loaded in steps (SnapshotLoader, ReviewStore::load_step;
// issue 19): for any budgets the result is the snapshot adopt_binary gives (same
// bytes, same sort orders), a broken buffer is refused with the same path and
// message, and the store keeps serving its previous snapshot until the last step.

#include <catch2/catch.hpp>
#include <cstring>
#include <random>

#include "review_fixtures.hpp"
#include "review_store.hpp"
#include "snapshot_data.hpp"
#include "vouch/query.hpp"
#include "vouch/snapshot_loader.hpp"

namespace {

vouch::SnapshotWords words_of(const std::string& bytes) {
  vouch::SnapshotWords words((bytes.size() + 7) / 8, 0);
  if (!bytes.empty()) std::memcpy(words.data(), bytes.data(), bytes.size());
  return words;
}

// Steps with budgets from `next` until done; counts the steps.
template <typename Next>
vouch::Result<vouch::Snapshot> load_in_steps(const std::string& bytes, Next next, int& steps) {
  vouch::SnapshotLoader loader(words_of(bytes), bytes.size());
  steps = 1;
  while (!loader.step(next())) ++steps;
  CHECK(loader.step(next()));  // finished stays finished
  return loader.take();
}

// Every sort order, all of it: what the loader precomputes.
std::vector<std::uint32_t> orders_of(const vouch::Snapshot& s) {
  std::vector<std::uint32_t> out;
  for (vouch::SortOrder order :
       {vouch::SortOrder::Newest, vouch::SortOrder::Oldest, vouch::SortOrder::Highest,
        vouch::SortOrder::Lowest, vouch::SortOrder::MostHelpful, vouch::SortOrder::MediaFirst,
        vouch::SortOrder::FeaturedFirst}) {
    vouch::Query q;
    q.sort = order;
    q.limit = vouch::kMaxQueryLimit;
    auto result = vouch::run_query(s, q);
    REQUIRE(result.ok());
    out.insert(out.end(), result.value().page.begin(), result.value().page.end());
    out.push_back(0xFFFFFFFFu);
  }
  return out;
}

std::string error_of(const vouch::Result<vouch::Snapshot>& r) {
  return r.ok() ? "ok" : r.error().path + ": " + r.error().message;
}

}  // namespace

TEST_CASE("a snapshot loaded in steps of any budget is the one loaded at once",
          "[snapshot][steps]") {
  std::mt19937 rng(19);
  for (std::size_t n : {0u, 1u, 2u, 37u, 800u}) {
    auto built =
        vouch::Snapshot::build(vouch_test::test_product(), vouch_test::random_reviews(rng, n));
    REQUIRE(built.ok());
    const std::string bytes = built.value().to_binary();
    auto whole = vouch::Snapshot::from_binary(bytes);
    REQUIRE(whole.ok());
    const std::vector<std::uint32_t> expected = orders_of(whole.value());
    std::mt19937 budgets(static_cast<unsigned>(n));
    for (int kind = 0; kind < 5; ++kind) {
      INFO("n = " << n << ", budget kind " << kind);
      auto next = [&]() -> std::uint32_t {
        switch (kind) {
          case 0:
            return 0;
          case 1:
            return 1;
          case 2:
            return 7;
          case 3:
            return 0xFFFFFFFFu;
          default:
            return std::uniform_int_distribution<std::uint32_t>(0, 300)(budgets);
        }
      };
      int steps = 0;
      auto stepped = load_in_steps(bytes, next, steps);
      REQUIRE(stepped.ok());
      CHECK(stepped.value().to_binary() == bytes);
      CHECK(stepped.value().product().id == whole.value().product().id);
      CHECK(orders_of(stepped.value()) == expected);
      // Small budgets take many steps: each step does a bounded share, and
      // no step holds two parts of the sort orders.
      if (kind == 1) CHECK(steps >= static_cast<int>(n + vouch::detail::kIndexParts));
      // The sort orders start a step of their own, even on an unlimited
      // budget: the checks, then the orders.
      if (kind == 3) CHECK(steps == 2);
    }
  }
}

TEST_CASE("a broken buffer is refused in steps as at once: same path, same message",
          "[snapshot][steps]") {
  std::mt19937 rng(7);
  auto built =
      vouch::Snapshot::build(vouch_test::test_product(), vouch_test::random_reviews(rng, 60));
  REQUIRE(built.ok());
  const std::string bytes = built.value().to_binary();
  int refused = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::string broken = bytes;
    if (trial % 5 == 0) {
      broken.resize(std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng));
    } else {
      for (int k = 0; k < 1 + trial % 3; ++k) {
        const std::size_t at = std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng);
        broken[at] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
      }
    }
    const std::string at_once = error_of(vouch::Snapshot::from_binary(broken));
    if (at_once != "ok") ++refused;
    for (std::uint32_t budget : {0u, 1u, 5u, 1000u}) {
      INFO("trial " << trial << ", budget " << budget);
      int steps = 0;
      CHECK(error_of(load_in_steps(
                broken, [&] { return budget; }, steps)) == at_once);
    }
  }
  CHECK(refused > 300);  // the mutations reach the checks
}

TEST_CASE("a loader's snapshot is taken once", "[snapshot][steps]") {
  auto built = vouch::Snapshot::build(vouch_test::test_product(), {});
  REQUIRE(built.ok());
  const std::string bytes = built.value().to_binary();
  vouch::SnapshotLoader loader(words_of(bytes), bytes.size());
  REQUIRE(loader.take().ok());  // take() finishes what step() did not
  CHECK(error_of(loader.take()) == ": this loader's snapshot was taken already");
  CHECK(loader.step(1));
  vouch::SnapshotLoader short_buffer(vouch::SnapshotWords(1, 0), 64);
  CHECK(error_of(short_buffer.take()) == "header: buffer shorter than its stated size");
}

TEST_CASE("the store loads in steps and answers from its previous snapshot meanwhile",
          "[snapshot][steps][store]") {
  std::mt19937 rng(3);
  auto first =
      vouch::Snapshot::build(vouch_test::test_product(), vouch_test::random_reviews(rng, 10));
  auto second =
      vouch::Snapshot::build(vouch_test::test_product(), vouch_test::random_reviews(rng, 500));
  REQUIRE((first.ok() && second.ok()));
  vouch::facade::ReviewStore store;
  // Misuse: a clear error, nothing loaded.
  CHECK(store.begin_load_reserved().code == "invalid_argument");
  CHECK(store.load_step(10));
  CHECK(store.load_result().code == "invalid_argument");
  REQUIRE(store.load_binary_bytes(first.value().to_binary()).ok);

  auto reserve_and_write = [&store](const std::string& bytes) {
    const std::uintptr_t at = store.reserve_binary(static_cast<double>(bytes.size()));
    REQUIRE(at != 0);
    std::memcpy(reinterpret_cast<void*>(at), bytes.data(), bytes.size());
  };
  const std::string bytes = second.value().to_binary();
  reserve_and_write(bytes);
  REQUIRE(store.begin_load_reserved().ok);
  int steps = 0;
  while (!store.load_step(20)) {
    ++steps;
    CHECK(store.size() == 10);  // the previous snapshot, whole, until the end
  }
  CHECK(steps > 10);
  REQUIRE(store.load_result().ok);
  CHECK(store.size() == 500);
  CHECK(store.load_result().code == "invalid_argument");  // one result per load

  // Reserving again abandons a load in progress; the store keeps what it had.
  reserve_and_write(first.value().to_binary());
  REQUIRE(store.begin_load_reserved().ok);
  CHECK_FALSE(store.load_step(1));
  CHECK(store.reserve_binary(8) != 0);
  CHECK(store.load_result().code == "invalid_argument");
  CHECK(store.size() == 500);

  // A broken buffer fails at its step; the previous snapshot stays.
  std::string broken = bytes;
  broken[broken.size() / 2] = '\xff';
  reserve_and_write(broken);
  REQUIRE(store.begin_load_reserved().ok);
  while (!store.load_step(50)) {
  }
  const auto status = store.load_result();
  CHECK_FALSE(status.ok);
  CHECK(status.code == "invalid_binary");
  CHECK(store.size() == 500);
}
