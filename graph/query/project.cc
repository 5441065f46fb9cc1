#include "kg/graph/query/project.h"

#include <utility>

namespace kg::graph::query {

OperatorPtr Project(QueryContext& context, OperatorPtr input,
                    std::vector<Expression> columns) {
  return std::make_unique<MapRows<Row>>(
      std::move(input),
      [&context, columns = std::move(columns)](const Row& in,
                                               Row* out) -> absl::Status {
        out->clear();
        for (const Expression& column : columns) {
          absl::StatusOr<Value> value = column(in, context);
          if (!value.ok()) return value.status();
          out->push_back(*std::move(value));
        }
        return absl::OkStatus();
      });
}

}  // namespace kg::graph::query
