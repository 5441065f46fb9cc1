// Limit: skips the first `skip` input rows and passes on at most `limit`
// of the rest, then stops pulling from its input.
#ifndef KG_GRAPH_QUERY_LIMIT_H_
#define KG_GRAPH_QUERY_LIMIT_H_

#include <cstdint>
#include <optional>

#include "kg/graph/query/operator.h"

namespace kg::graph::query {

// Output columns: the input's. No `limit`: every row after the skipped.
OperatorPtr Limit(OperatorPtr input, uint64_t skip,
                  std::optional<uint64_t> limit);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_LIMIT_H_
