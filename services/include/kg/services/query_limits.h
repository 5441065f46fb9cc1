// QueryLimits: the server-side caps every QueryService call runs under.
#ifndef KG_SERVICES_QUERY_LIMITS_H_
#define KG_SERVICES_QUERY_LIMITS_H_

#include <cstdint>

#include "absl/time/time.h"

namespace kg::services {

struct QueryLimits {
  // Hops of a traversal or path.
  int max_depth = 6;
  // Edges one node of a traversal follows, and neighbours Describe lists
  // per group.
  int max_fan_out = 1000;
  // Results a call returns, or rows it holds while computing them.
  uint64_t max_rows = 10'000;
  // Graph entries a call reads (index entries scanned, edges expanded).
  uint64_t max_expansions = 1'000'000;
  // Time a call may run, whatever the client's deadline.
  absl::Duration max_time = absl::Seconds(10);
  // In-memory scratch graphs (RunRequest.scratch_graph) held at once; 0
  // serves none.
  int max_scratch_graphs = 0;
};

}  // namespace kg::services

#endif  // KG_SERVICES_QUERY_LIMITS_H_
