#include "kg/graph/query/limit.h"

#include <utility>

namespace kg::graph::query {

OperatorPtr Limit(OperatorPtr input, uint64_t skip,
                  std::optional<uint64_t> limit) {
  return std::make_unique<LimitRows<Row>>(std::move(input), skip, limit);
}

}  // namespace kg::graph::query
