#include "kg/graph/query/query_budget.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace kg::graph::query {
namespace {

// Time and cancellation are checked on every this-many calls: reading
// the clock on every edge would cost more than following it.
constexpr uint32_t kCheckEvery = 64;

}  // namespace

QueryBudget::QueryBudget(BudgetLimits limits)
    : limits_(std::move(limits)),
      started_(absl::Now()),
      time_cap_(started_ + limits_.max_time) {}

absl::Status QueryBudget::ChargeRows(uint64_t n) {
  rows_ += n;
  if (rows_ > limits_.max_rows) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "max_rows: the query needs more than ", limits_.max_rows, " rows"));
  }
  return Check();
}

absl::Status QueryBudget::ChargeExpansions(uint64_t n) {
  expansions_ += n;
  if (expansions_ > limits_.max_expansions) {
    return absl::ResourceExhaustedError(
        absl::StrCat("max_expansions: the query reads more than ",
                     limits_.max_expansions, " graph entries"));
  }
  return Check();
}

absl::Status QueryBudget::Check() {
  if (calls_++ % kCheckEvery != 0) return absl::OkStatus();
  return CheckNow();
}

absl::Status QueryBudget::CheckNow() {
  if (limits_.cancelled && limits_.cancelled()) {
    return absl::CancelledError("the query was cancelled");
  }
  const absl::Time now = absl::Now();
  if (now > limits_.deadline) {
    return absl::DeadlineExceededError("the query passed its deadline");
  }
  if (now > time_cap_) {
    return absl::ResourceExhaustedError(
        absl::StrCat("max_time: the query ran longer than ",
                     absl::FormatDuration(limits_.max_time)));
  }
  return absl::OkStatus();
}

}  // namespace kg::graph::query
