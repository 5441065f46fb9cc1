#include "kg/graph/query/operator.h"

#include <utility>

namespace kg::graph::query {

absl::StatusOr<std::vector<Row>> Drain(Operator& op, QueryBudget& budget) {
  std::vector<Row> rows;
  Row row;
  while (true) {
    absl::StatusOr<bool> more = op.Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return rows;
    if (absl::Status charged = budget.ChargeRows(); !charged.ok()) {
      return charged;
    }
    rows.push_back(std::move(row));
  }
}

}  // namespace kg::graph::query
