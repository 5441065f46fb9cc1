#include "kg/graph/query/shortest_path.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace kg::graph::query {
namespace {

Direction Reverse(Direction direction) {
  switch (direction) {
    case Direction::kOut:
      return Direction::kIn;
    case Direction::kIn:
      return Direction::kOut;
    case Direction::kBoth:
      return Direction::kBoth;
  }
  return direction;
}

// One side of the search: the nodes it reached, how, and its frontier.
struct Side {
  struct Visit {
    int depth = 0;
    uint64_t parent = 0;
    EdgeRef via;
  };

  Side(QueryContext& context, uint64_t root, StepFilter walk)
      : walker(context, std::move(walk)), frontier{root} {
    visited[root] = Visit{0, root, EdgeRef()};
  }

  // The nodes and edges from the root to `node`, root first.
  void PathTo(uint64_t node, Path* path) const {
    for (auto it = visited.find(node); it->second.parent != node;
         it = visited.find(node)) {
      path->nodes.push_back(node);
      path->edges.push_back(it->second.via);
      node = it->second.parent;
    }
    path->nodes.push_back(node);
  }

  Neighbours walker;
  absl::flat_hash_map<uint64_t, Visit> visited;
  std::vector<uint64_t> frontier;
  int depth = 0;
};

class ShortestPathOp final : public Operator {
 public:
  ShortestPathOp(QueryContext& context, ShortestPathSpec spec)
      : context_(context),
        spec_(std::move(spec)),
        // The walkers check validity; labels are checked here, since the
        // two ends are exempt from them.
        between_(context, StepFilter{Direction::kBoth, {}, spec_.step.labels}) {
  }

  absl::StatusOr<bool> Next(Row* row) override {
    if (done_) return false;
    done_ = true;
    absl::StatusOr<std::optional<Path>> path = Search();
    if (!path.ok()) return path.status();
    if (!path->has_value()) return false;
    *row = {Value(**std::move(path))};
    return true;
  }

 private:
  absl::StatusOr<std::optional<Path>> Search() {
    for (uint64_t end : {spec_.from, spec_.to}) {
      absl::StatusOr<bool> holds = context_.NodeHolds(end);
      if (!holds.ok()) return holds.status();
      if (!*holds) return std::nullopt;
    }
    if (spec_.from == spec_.to) return Path{{spec_.from}, {}};
    StepFilter walk = spec_.step;
    walk.labels.clear();
    Side forward(context_, spec_.from, walk);
    walk.direction = Reverse(walk.direction);
    Side backward(context_, spec_.to, walk);
    while (forward.depth + backward.depth < spec_.max_depth &&
           !forward.frontier.empty() && !backward.frontier.empty()) {
      const bool forward_turn =
          forward.frontier.size() <= backward.frontier.size();
      Side& side = forward_turn ? forward : backward;
      Side& other = forward_turn ? backward : forward;
      absl::StatusOr<std::optional<uint64_t>> meeting =
          ExpandLevel(side, other);
      if (!meeting.ok()) return meeting.status();
      if (!meeting->has_value()) continue;
      // from ... meeting, then meeting ... to.
      Path path;
      forward.PathTo(**meeting, &path);
      std::reverse(path.nodes.begin(), path.nodes.end());
      std::reverse(path.edges.begin(), path.edges.end());
      path.nodes.pop_back();
      backward.PathTo(**meeting, &path);
      return path;
    }
    return std::nullopt;
  }

  // Expands `side` by one level; returns the node where it met `other`
  // on the shortest path through this level, if it did.
  absl::StatusOr<std::optional<uint64_t>> ExpandLevel(Side& side, Side& other) {
    std::vector<uint64_t> next;
    std::optional<uint64_t> best;
    int best_other_depth = 0;
    std::vector<Step> steps;
    for (uint64_t node : side.frontier) {
      steps.clear();
      absl::StatusOr<bool> read = side.walker.All(node, 0, &steps);
      if (!read.ok()) return read.status();
      for (Step& step : steps) {
        const uint64_t neighbour = step.neighbour;
        if (side.visited.contains(neighbour)) continue;
        if (neighbour != spec_.from && neighbour != spec_.to) {
          absl::StatusOr<bool> accepted = between_.Accepts(neighbour);
          if (!accepted.ok()) return accepted.status();
          if (!*accepted) continue;
        }
        side.visited[neighbour] =
            Side::Visit{side.depth + 1, node, std::move(step.edge)};
        next.push_back(neighbour);
        auto met = other.visited.find(neighbour);
        if (met != other.visited.end() &&
            (!best || met->second.depth < best_other_depth)) {
          best = neighbour;
          best_other_depth = met->second.depth;
        }
      }
    }
    side.frontier = std::move(next);
    ++side.depth;
    return best;
  }

  QueryContext& context_;
  const ShortestPathSpec spec_;
  Neighbours between_;
  bool done_ = false;
};

}  // namespace

OperatorPtr ShortestPath(QueryContext& context, ShortestPathSpec spec) {
  return std::make_unique<ShortestPathOp>(context, std::move(spec));
}

}  // namespace kg::graph::query
