// QueryBudget: the caps one query runs under, shared by all its operators.
//
// Operators charge what they do and stop with the first error:
// ResourceExhausted naming the cap ("max_rows: ...", "max_expansions: ...",
// "max_time: ..."), Cancelled when the caller went away, DeadlineExceeded
// past the caller's own deadline. A budget belongs to one query on one
// thread.
#ifndef KG_GRAPH_QUERY_QUERY_BUDGET_H_
#define KG_GRAPH_QUERY_QUERY_BUDGET_H_

#include <cstdint>
#include <functional>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace kg::graph::query {

struct BudgetLimits {
  // Rows an operator holds (sorts, groups, distinct sets) or a query
  // returns.
  uint64_t max_rows = 10'000;
  // Entries read from the graph: index entries scanned, edges expanded.
  uint64_t max_expansions = 1'000'000;
  // Time the query may run, whatever the caller's deadline.
  absl::Duration max_time = absl::Seconds(10);
  // The caller's deadline.
  absl::Time deadline = absl::InfiniteFuture();
  // Polled now and then; true stops the query (a client that cancelled).
  std::function<bool()> cancelled;
};

class QueryBudget {
 public:
  explicit QueryBudget(BudgetLimits limits);

  // Charges one row, then checks time and cancellation.
  absl::Status ChargeRows(uint64_t n = 1);
  // Charges `n` entries read, then checks time and cancellation.
  absl::Status ChargeExpansions(uint64_t n = 1);
  // Time and cancellation only. The clock and the probe are read every
  // few calls, so checking in inner loops is cheap.
  absl::Status Check();

  uint64_t rows() const { return rows_; }
  uint64_t expansions() const { return expansions_; }
  const BudgetLimits& limits() const { return limits_; }

 private:
  absl::Status CheckNow();

  const BudgetLimits limits_;
  const absl::Time started_;
  const absl::Time time_cap_;
  uint64_t rows_ = 0;
  uint64_t expansions_ = 0;
  uint32_t calls_ = 0;
};

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_QUERY_BUDGET_H_
