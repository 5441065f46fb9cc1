#include "kg/graph/query/traverse.h"

#include <algorithm>
#include <utility>

namespace kg::graph::query {

Traverse::Traverse(QueryContext& context, TraverseSpec spec)
    : context_(context),
      spec_(std::move(spec)),
      neighbours_(context, spec_.step) {}

std::vector<std::string> Traverse::truncated_by() const {
  std::vector<std::string> out;
  if (fan_out_hit_) out.push_back("max_fan_out");
  if (nodes_hit_) out.push_back("max_nodes");
  if (edges_hit_) out.push_back("max_edges");
  return out;
}

bool Traverse::Stopped() const { return nodes_hit_ || edges_hit_; }

absl::Status Traverse::Start() {
  for (uint64_t id : spec_.start) {
    if (visited_.contains(id)) continue;
    absl::StatusOr<bool> holds = context_.NodeHolds(id);
    if (!holds.ok()) return holds.status();
    if (!*holds) continue;
    visited_[id] = Visit{0, id, EdgeRef()};
    if (spec_.max_depth > 0) queue_.push_back(id);
    if (!InResult(0)) continue;
    if (spec_.max_nodes != 0 && node_rows_ == spec_.max_nodes) {
      nodes_hit_ = true;
      break;
    }
    ++node_rows_;
    pending_.push_back({Value(NodeRef{id}), Value(), Value(0),
                        spec_.paths ? Value(PathTo(id)) : Value()});
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> Traverse::Next(Row* row) {
  if (!started_) {
    started_ = true;
    if (absl::Status started = Start(); !started.ok()) return started;
  }
  while (pending_.empty()) {
    if (queue_.empty() || Stopped()) return false;
    if (absl::Status expanded = ExpandNext(); !expanded.ok()) return expanded;
  }
  *row = std::move(pending_.front());
  pending_.pop_front();
  return true;
}

absl::Status Traverse::ExpandNext() {
  const uint64_t node = queue_.front();
  queue_.pop_front();
  std::vector<Step> steps;
  absl::StatusOr<bool> capped =
      neighbours_.All(node, spec_.max_fan_out, &steps);
  if (!capped.ok()) return capped.status();
  fan_out_hit_ = fan_out_hit_ || *capped;
  const int depth = visited_[node].depth;
  for (Step& step : steps) {
    Follow(node, depth, std::move(step));
    if (Stopped()) break;
  }
  return absl::OkStatus();
}

void Traverse::Follow(uint64_t from, int from_depth, Step step) {
  const int depth = from_depth + 1;
  const bool edge_in_result = InResult(from_depth);
  auto [it, fresh] = visited_.try_emplace(step.neighbour);
  if (fresh) {
    it->second = Visit{depth, from, step.edge};
    if (depth < spec_.max_depth) queue_.push_back(step.neighbour);
    if (!InResult(depth)) return;
    if (spec_.max_nodes != 0 && node_rows_ == spec_.max_nodes) {
      nodes_hit_ = true;
      return;
    }
    if (edge_in_result && spec_.max_edges != 0 &&
        edges_.size() == spec_.max_edges) {
      edges_hit_ = true;
      return;
    }
    ++node_rows_;
    Value edge;
    if (edge_in_result) {
      edges_.insert(step.edge.id);
      edge = Value(std::move(step.edge));
    }
    pending_.push_back({Value(NodeRef{step.neighbour}), std::move(edge),
                        Value(depth),
                        spec_.paths ? Value(PathTo(step.neighbour)) : Value()});
    return;
  }
  // A node reached before: the edge joins two nodes of the result, once.
  if (!edge_in_result || !InResult(it->second.depth) ||
      edges_.contains(step.edge.id)) {
    return;
  }
  if (spec_.max_edges != 0 && edges_.size() == spec_.max_edges) {
    edges_hit_ = true;
    return;
  }
  edges_.insert(step.edge.id);
  pending_.push_back({Value(), Value(std::move(step.edge)), Value(), Value()});
}

Path Traverse::PathTo(uint64_t node) const {
  Path path;
  path.nodes.push_back(node);
  for (auto it = visited_.find(node); it->second.parent != node;
       it = visited_.find(node)) {
    path.edges.push_back(it->second.via);
    node = it->second.parent;
    path.nodes.push_back(node);
  }
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.edges.begin(), path.edges.end());
  return path;
}

}  // namespace kg::graph::query
