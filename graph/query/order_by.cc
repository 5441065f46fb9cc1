#include "kg/graph/query/order_by.h"

#include <utility>

namespace kg::graph::query {

OperatorPtr OrderBy(QueryContext& context, OperatorPtr input,
                    std::vector<SortKey> keys) {
  std::vector<bool> descending;
  std::vector<Expression> values;
  for (SortKey& key : keys) {
    descending.push_back(key.descending);
    values.push_back(std::move(key.value));
  }
  return std::make_unique<SortRows<Row, Row>>(
      context.budget(), std::move(input),
      [&context,
       values = std::move(values)](const Row& row) -> absl::StatusOr<Row> {
        Row sort_keys;
        for (const Expression& value : values) {
          absl::StatusOr<Value> key = value(row, context);
          if (!key.ok()) return key.status();
          sort_keys.push_back(*std::move(key));
        }
        return sort_keys;
      },
      [descending = std::move(descending)](const Row& a, const Row& b) {
        for (size_t i = 0; i < descending.size(); ++i) {
          int c = OrderValues(a[i], b[i]);
          if (c != 0) return descending[i] ? c > 0 : c < 0;
        }
        return false;
      });
}

}  // namespace kg::graph::query
