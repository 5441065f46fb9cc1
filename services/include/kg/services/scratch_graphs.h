// ScratchGraphs: the named in-memory graphs QueryService.Run serves when a
// request sets `scratch_graph` (see query_service.proto), so that a client
// can CREATE a small graph and query it without touching the stored one;
// the openCypher TCK runner runs each scenario on a fresh one.
//
// Thread-safe. Queries on one scratch graph run one at a time; a graph
// dropped while a query runs on it is freed when that query ends.
#ifndef KG_SERVICES_SCRATCH_GRAPHS_H_
#define KG_SERVICES_SCRATCH_GRAPHS_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "kg/graph/cypher/memory_graph.h"
#include "kg/services/query_plans.h"
#include "kg/v1/query_service.pb.h"

namespace kg::services {

class ScratchGraphs {
 public:
  // Runs `request.query` under `env.budget` on the graph named
  // `request.scratch_graph`, created empty when the name is new, and hands
  // the header and rows to `write` as RunCypher does. FailedPrecondition
  // when `env.limits.max_scratch_graphs` is 0, ResourceExhausted naming
  // max_scratch_graphs when that many exist already, InvalidArgument
  // naming as_of when it is set.
  absl::Status Run(
      const QueryEnv& env, const kg::v1::RunRequest& request,
      const std::function<bool(const kg::v1::RunResponse&)>& write);

  // Frees the graph named `name`; NotFound naming the field when there is
  // none.
  absl::Status Drop(absl::string_view name);

 private:
  struct Graph {
    absl::Mutex mu;
    graph::cypher::MemoryGraph graph ABSL_GUARDED_BY(mu);
  };

  // The graph named `name`, created when new and there is room.
  absl::StatusOr<std::shared_ptr<Graph>> Find(absl::string_view name,
                                              int max_graphs);

  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<Graph>> graphs_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace kg::services

#endif  // KG_SERVICES_SCRATCH_GRAPHS_H_
