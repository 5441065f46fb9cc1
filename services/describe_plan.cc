// Describe: one node whole, and its edges grouped by type and direction,
// each group with its exact count and its first neighbours.
//
// Counts come from the degree counters; with `as_of` they count the
// edges that hold then, which means reading every edge of the node.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "kg/graph/query/neighbours.h"
#include "kg/services/query_plans.h"
#include "query_messages.h"
#include "query_requests.h"

namespace kg::services {
namespace {

using graph::query::QueryContext;

constexpr int64_t kDefaultPerGroup = 20;

absl::Status AddGroup(QueryContext& context, uint64_t node,
                      const graph::DegreeCount& degree, size_t per_group,
                      kg::v1::EdgeGroup* group) {
  group->set_type(degree.type);
  group->set_direction(degree.direction == graph::Direction::kOut
                           ? kg::v1::DIRECTION_OUT
                           : kg::v1::DIRECTION_IN);
  graph::query::Neighbours neighbours(
      context, graph::query::StepFilter{degree.direction, {degree.type}, {}});
  std::vector<graph::query::Step> steps;
  // Without a date the counter is exact, so reading stops at the page.
  absl::StatusOr<bool> read =
      neighbours.All(node, context.as_of() ? 0 : per_group, &steps);
  if (!read.ok()) return read.status();
  group->set_count(context.as_of() ? steps.size() : degree.count);
  steps.resize(std::min(steps.size(), per_group));
  for (const graph::query::Step& step : steps) {
    kg::v1::Neighbour* neighbour = group->add_neighbours();
    absl::StatusOr<kg::v1::EntityRef> ref = EntityOf(context, step.neighbour);
    if (!ref.ok()) return ref.status();
    *neighbour->mutable_node() = *std::move(ref);
    absl::StatusOr<kg::v1::Edge> edge = EdgeMessage(context, step.edge.id,
                                                    /*with_sources=*/false);
    if (!edge.ok()) return edge.status();
    *neighbour->mutable_edge() = *std::move(edge);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status RunDescribe(const QueryEnv& env,
                         const kg::v1::DescribeRequest& request,
                         kg::v1::DescribeResponse* response) {
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      AsOf("as_of", request.has_as_of(), request.as_of());
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<int64_t> per_group =
      Capped("max_per_group", request.max_per_group(), kDefaultPerGroup,
             "max_fan_out", env.limits.max_fan_out);
  if (!per_group.ok()) return per_group.status();
  QueryContext context(env.snapshot, env.budget, *as_of);
  absl::StatusOr<uint64_t> node = ResolveKey(context, "key", request.key());
  if (!node.ok()) return node.status();
  absl::StatusOr<const kg::v1::Node*> loaded = context.Node(*node);
  if (!loaded.ok()) return loaded.status();
  *response->mutable_node() = **loaded;
  absl::StatusOr<std::vector<graph::DegreeCount>> degrees =
      env.snapshot.Degrees(request.key());
  if (!degrees.ok()) return degrees.status();
  // Out before in (the counters' order), then by type name.
  std::stable_sort(
      degrees->begin(), degrees->end(),
      [](const graph::DegreeCount& a, const graph::DegreeCount& b) {
        if (a.direction != b.direction) {
          return a.direction == graph::Direction::kOut;
        }
        return a.type < b.type;
      });
  for (const graph::DegreeCount& degree : *degrees) {
    kg::v1::EdgeGroup group;
    absl::Status added = AddGroup(context, *node, degree, *per_group, &group);
    if (!added.ok()) return added;
    // With a date, a group may hold no edge that holds then.
    if (group.count() > 0) *response->add_groups() = std::move(group);
  }
  return absl::OkStatus();
}

}  // namespace kg::services
