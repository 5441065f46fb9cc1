#include "kg/graph/query/distinct.h"

#include <utility>

namespace kg::graph::query {

OperatorPtr Distinct(QueryContext& context, OperatorPtr input) {
  return std::make_unique<DistinctRows<Row>>(
      context.budget(), std::move(input),
      [](const Row& row) -> absl::StatusOr<std::string> {
        return GroupingKey(row);
      });
}

}  // namespace kg::graph::query
