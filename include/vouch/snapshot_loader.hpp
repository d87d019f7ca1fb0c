#pragma once
// A binary snapshot loaded in steps (issue 19): the widget loads 100,000
// reviews between frames instead of in one task that blocks the page. The
// same checks in the same order and the same result (or the same error, with
// the same path) as Snapshot::adopt_binary, which runs it in one step, for any
// sequence of budgets.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "vouch/snapshot.hpp"
#include "vouch/status.hpp"

namespace vouch {

class SnapshotLoader {
 public:
  // Adopts `words`, whose first `size` bytes hold the snapshot.
  SnapshotLoader(SnapshotWords words, std::size_t size);
  ~SnapshotLoader();
  SnapshotLoader(SnapshotLoader&&) noexcept;
  SnapshotLoader& operator=(SnapshotLoader&&) noexcept;

  // Does about `budget` reviews' worth of work (0 counts as 1; a part of the
  // sort orders, about a quarter of checking every review, is never split);
  // true once finished, loaded or refused. Calling it after that does nothing.
  bool step(std::uint32_t budget);

  // The snapshot, or the error naming the part; finishes what step() left.
  // Once: a second call is an error.
  Result<Snapshot> take();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vouch
