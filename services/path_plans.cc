// Traverse, ShortestPath and Paths: the path-shaped queries.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/query/limit.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/paths.h"
#include "kg/graph/query/shortest_path.h"
#include "kg/graph/query/traverse.h"
#include "kg/services/query_plans.h"
#include "query_messages.h"
#include "query_requests.h"

namespace kg::services {
namespace {

using graph::query::QueryContext;
using graph::query::Row;

// Nodes, edges and paths per streamed message.
constexpr int kTraverseBatch = 256;
constexpr int64_t kDefaultMaxPaths = 100;
constexpr int64_t kDefaultPathsDepth = 3;

// The two ends of a ShortestPath or Paths request.
struct Ends {
  uint64_t from = 0;
  uint64_t to = 0;
};

template <typename Request>
absl::StatusOr<Ends> ResolveEnds(QueryContext& context,
                                 const Request& request) {
  Ends ends;
  absl::StatusOr<uint64_t> from =
      ResolveKey(context, "from_key", request.from_key());
  if (!from.ok()) return from.status();
  absl::StatusOr<uint64_t> to = ResolveKey(context, "to_key", request.to_key());
  if (!to.ok()) return to.status();
  return Ends{*from, *to};
}

int BatchSize(const kg::v1::TraverseResponse& batch) {
  return batch.nodes_size() + batch.edges_size() + batch.paths_size();
}

// Adds one traversal row to the batch.
absl::Status AddRow(QueryContext& context, const Row& row, bool paths,
                    bool with_sources, kg::v1::TraverseResponse* batch) {
  using graph::query::Traverse;
  using Kind = graph::query::Value::Kind;
  const bool node_row = row[Traverse::kNode].kind() == Kind::kNode;
  if (paths) {
    // Edge rows add nothing to the paths.
    if (!node_row) return absl::OkStatus();
    absl::StatusOr<kg::v1::Path> path =
        PathMessage(context, row[Traverse::kPath].as_path(), with_sources);
    if (!path.ok()) return path.status();
    *batch->add_paths() = *std::move(path);
    return context.budget().ChargeRows();
  }
  if (node_row) {
    absl::StatusOr<kg::v1::Node> message =
        NodeMessage(context, row[Traverse::kNode].as_node().id, with_sources);
    if (!message.ok()) return message.status();
    kg::v1::TraversedNode* traversed = batch->add_nodes();
    *traversed->mutable_node() = *std::move(message);
    traversed->set_depth(row[Traverse::kDepth].as_int());
    if (absl::Status charged = context.budget().ChargeRows(); !charged.ok()) {
      return charged;
    }
  }
  if (row[Traverse::kEdge].kind() == Kind::kRelationship) {
    absl::StatusOr<kg::v1::Edge> message = EdgeMessage(
        context, row[Traverse::kEdge].as_relationship().id, with_sources);
    if (!message.ok()) return message.status();
    *batch->add_edges() = *std::move(message);
    return context.budget().ChargeRows();
  }
  return absl::OkStatus();
}

absl::StatusOr<graph::query::TraverseSpec> TraverseSpecOf(
    const QueryEnv& env, QueryContext& context,
    const kg::v1::TraverseRequest& request) {
  graph::query::TraverseSpec spec;
  if (request.start_keys().empty()) {
    return absl::InvalidArgumentError("start_keys: must not be empty");
  }
  absl::StatusOr<graph::query::StepFilter> step =
      StepOf(request.edge_types(), request.direction(), request.node_labels());
  if (!step.ok()) return step.status();
  spec.step = *std::move(step);
  absl::StatusOr<int64_t> max_depth = Capped(
      "max_depth", request.max_depth(), 1, "max_depth", env.limits.max_depth);
  if (!max_depth.ok()) return max_depth.status();
  spec.max_depth = *max_depth;
  if (request.min_depth() < 0 || request.min_depth() > spec.max_depth) {
    return absl::InvalidArgumentError(absl::StrCat(
        "min_depth: must be between 0 and max_depth (", spec.max_depth, ")"));
  }
  spec.min_depth = request.min_depth();
  absl::StatusOr<int64_t> fan_out =
      Capped("max_fan_out", request.max_fan_out(), env.limits.max_fan_out,
             "max_fan_out", env.limits.max_fan_out);
  if (!fan_out.ok()) return fan_out.status();
  spec.max_fan_out = *fan_out;
  if (request.max_nodes() < 0 || request.max_edges() < 0) {
    return absl::InvalidArgumentError(request.max_nodes() < 0
                                          ? "max_nodes: must not be negative"
                                          : "max_edges: must not be negative");
  }
  spec.max_nodes = request.max_nodes();
  spec.max_edges = request.max_edges();
  switch (request.result_mode()) {
    case kg::v1::TraverseRequest::RESULT_MODE_UNSPECIFIED:
    case kg::v1::TraverseRequest::RESULT_MODE_SUBGRAPH:
      break;
    case kg::v1::TraverseRequest::RESULT_MODE_PATHS:
      spec.paths = true;
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("result_mode: unknown value ", request.result_mode()));
  }
  for (int i = 0; i < request.start_keys_size(); ++i) {
    absl::StatusOr<uint64_t> id = ResolveKey(
        context, absl::StrCat("start_keys[", i, "]"), request.start_keys(i));
    if (!id.ok()) return id.status();
    spec.start.push_back(*id);
  }
  return spec;
}

}  // namespace

absl::Status RunTraverse(
    const QueryEnv& env, const kg::v1::TraverseRequest& request,
    const std::function<bool(const kg::v1::TraverseResponse&)>& write) {
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      AsOf("as_of", request.has_as_of(), request.as_of());
  if (!as_of.ok()) return as_of.status();
  QueryContext context(env.snapshot, env.budget, *as_of);
  absl::StatusOr<graph::query::TraverseSpec> spec =
      TraverseSpecOf(env, context, request);
  if (!spec.ok()) return spec.status();
  const bool paths = spec->paths;
  graph::query::Traverse traverse(context, *std::move(spec));
  kg::v1::TraverseResponse batch;
  Row row;
  while (true) {
    absl::StatusOr<bool> more = traverse.Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    absl::Status added =
        AddRow(context, row, paths, request.with_sources(), &batch);
    if (!added.ok()) return added;
    if (BatchSize(batch) >= kTraverseBatch) {
      if (!write(batch)) return absl::CancelledError("the client went away");
      batch.Clear();
    }
  }
  for (std::string& cap : traverse.truncated_by()) {
    batch.add_truncated_by(std::move(cap));
  }
  if (!write(batch)) return absl::CancelledError("the client went away");
  return absl::OkStatus();
}

absl::Status RunShortestPath(const QueryEnv& env,
                             const kg::v1::ShortestPathRequest& request,
                             kg::v1::ShortestPathResponse* response) {
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      AsOf("as_of", request.has_as_of(), request.as_of());
  if (!as_of.ok()) return as_of.status();
  graph::query::ShortestPathSpec spec;
  absl::StatusOr<graph::query::StepFilter> step =
      StepOf(request.edge_types(), request.direction(), request.node_labels());
  if (!step.ok()) return step.status();
  spec.step = *std::move(step);
  absl::StatusOr<int64_t> max_depth =
      Capped("max_depth", request.max_depth(), env.limits.max_depth,
             "max_depth", env.limits.max_depth);
  if (!max_depth.ok()) return max_depth.status();
  spec.max_depth = *max_depth;
  QueryContext context(env.snapshot, env.budget, *as_of);
  absl::StatusOr<Ends> ends = ResolveEnds(context, request);
  if (!ends.ok()) return ends.status();
  spec.from = ends->from;
  spec.to = ends->to;
  graph::query::OperatorPtr search =
      graph::query::ShortestPath(context, std::move(spec));
  Row row;
  absl::StatusOr<bool> found = search->Next(&row);
  if (!found.ok()) return found.status();
  response->set_found(*found);
  if (!*found) return absl::OkStatus();
  absl::StatusOr<kg::v1::Path> path =
      PathMessage(context, row[0].as_path(), request.with_sources());
  if (!path.ok()) return path.status();
  *response->mutable_path() = *std::move(path);
  return absl::OkStatus();
}

absl::Status RunPaths(const QueryEnv& env, const kg::v1::PathsRequest& request,
                      kg::v1::PathsResponse* response) {
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      AsOf("as_of", request.has_as_of(), request.as_of());
  if (!as_of.ok()) return as_of.status();
  graph::query::PathsSpec spec;
  absl::StatusOr<graph::query::StepFilter> step =
      StepOf(request.edge_types(), request.direction(), request.node_labels());
  if (!step.ok()) return step.status();
  spec.step = *std::move(step);
  absl::StatusOr<int64_t> max_depth =
      Capped("max_depth", request.max_depth(), kDefaultPathsDepth, "max_depth",
             env.limits.max_depth);
  if (!max_depth.ok()) return max_depth.status();
  spec.max_depth = *max_depth;
  absl::StatusOr<int64_t> max_paths =
      Capped("max_paths", request.max_paths(), kDefaultMaxPaths, "max_rows",
             env.limits.max_rows);
  if (!max_paths.ok()) return max_paths.status();
  QueryContext context(env.snapshot, env.budget, *as_of);
  absl::StatusOr<Ends> ends = ResolveEnds(context, request);
  if (!ends.ok()) return ends.status();
  spec.from = ends->from;
  spec.to = ends->to;
  // One path more than asked for tells whether there are more.
  graph::query::OperatorPtr paths = graph::query::Limit(
      graph::query::Paths(context, std::move(spec)), 0, *max_paths + 1);
  Row row;
  while (true) {
    absl::StatusOr<bool> more = paths->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (response->paths_size() == *max_paths) {
      response->set_truncated(true);
      break;
    }
    absl::StatusOr<kg::v1::Path> path =
        PathMessage(context, row[0].as_path(), request.with_sources());
    if (!path.ok()) return path.status();
    *response->add_paths() = *std::move(path);
  }
  return absl::OkStatus();
}

}  // namespace kg::services
