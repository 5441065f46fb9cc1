#include "kg/services/scratch_graphs.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "cypher_values.h"
#include "kg/graph/cypher/engine.h"

namespace kg::services {

absl::StatusOr<std::shared_ptr<ScratchGraphs::Graph>> ScratchGraphs::Find(
    absl::string_view name, int max_graphs) {
  if (max_graphs <= 0) {
    return absl::FailedPreconditionError(
        "scratch_graph: this server holds no scratch graphs "
        "(max_scratch_graphs is 0)");
  }
  absl::MutexLock lock(&mu_);
  auto it = graphs_.find(name);
  if (it != graphs_.end()) return it->second;
  if (graphs_.size() >= static_cast<size_t>(max_graphs)) {
    return absl::ResourceExhaustedError(
        absl::StrCat("max_scratch_graphs: the server holds ", graphs_.size(),
                     " scratch graphs already; drop one first"));
  }
  auto graph = std::make_shared<Graph>();
  graphs_.emplace(std::string(name), graph);
  return graph;
}

absl::Status ScratchGraphs::Run(
    const QueryEnv& env, const kg::v1::RunRequest& request,
    const std::function<bool(const kg::v1::RunResponse&)>& write) {
  if (request.has_as_of()) {
    return absl::InvalidArgumentError(
        "as_of: does not apply to a scratch graph");
  }
  if (request.query().empty()) {
    return absl::InvalidArgumentError("query: must not be empty");
  }
  absl::StatusOr<graph::cypher::Value::Map> parameters = RunParameters(request);
  if (!parameters.ok()) return parameters.status();
  absl::StatusOr<std::shared_ptr<Graph>> graph =
      Find(request.scratch_graph(), env.limits.max_scratch_graphs);
  if (!graph.ok()) return graph.status();
  absl::MutexLock lock(&(*graph)->mu);
  graph::cypher::MemoryGraph& memory = (*graph)->graph;
  absl::StatusOr<graph::cypher::QueryResult> result = graph::cypher::RunQuery(
      request.query(), *parameters, memory, &memory, env.budget);
  if (!result.ok()) return result.status();
  return WriteRunResult(*result, memory, write);
}

absl::Status ScratchGraphs::Drop(absl::string_view name) {
  absl::MutexLock lock(&mu_);
  if (graphs_.erase(name) == 0) {
    return absl::NotFoundError(
        absl::StrCat("name: no scratch graph named '", name, "'"));
  }
  return absl::OkStatus();
}

}  // namespace kg::services
