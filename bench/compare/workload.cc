#include "workload.h"

#include <algorithm>
#include <random>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kg::bench {

Workload MakeWorkload(const DomainGraph& graph, const WorkloadSizes& sizes,
                      uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> actors, frameworks;
  for (uint32_t id = 0; id < graph.node_count(); ++id) {
    if (graph.IsActor(id)) actors.push_back(id);
    if (graph.labels[id] == NodeLabel::kFramework) frameworks.push_back(id);
  }
  auto any_node = [&] { return graph.KeyOf(rng() % graph.node_count()); };
  auto any_actor = [&] { return graph.KeyOf(actors[rng() % actors.size()]); };
  Workload workload;
  for (int i = 0; i < sizes.q1; ++i) workload[0].push_back({0, any_node()});
  for (int i = 0; i < sizes.q2; ++i) workload[1].push_back({1, any_actor()});
  for (uint32_t id : frameworks) workload[2].push_back({2, graph.KeyOf(id)});
  for (int i = 0; i < sizes.q4; ++i) workload[3].push_back({3, any_node()});
  while (actors.size() > 1 && workload[4].size() < size_t(sizes.q5)) {
    Ask ask{4, any_actor(), any_actor()};
    if (ask.a != ask.b) workload[4].push_back(std::move(ask));
  }
  return workload;
}

std::string Canonical(Answer answer) {
  std::sort(answer.begin(), answer.end());
  answer.erase(std::unique(answer.begin(), answer.end()), answer.end());
  return absl::StrJoin(answer, ",");
}

absl::StatusOr<int> BidirectionalDistance(int64_t from, int64_t to,
                                          int max_edges,
                                          const ExpandFrontier& expand) {
  if (from == to) return 0;
  struct Side {
    absl::flat_hash_map<int64_t, int> depth;
    std::vector<int64_t> frontier;
    int level = 0;
  };
  Side sides[2];
  sides[0].depth[from] = 0;
  sides[0].frontier = {from};
  sides[1].depth[to] = 0;
  sides[1].frontier = {to};
  std::vector<int64_t> neighbours;
  while (sides[0].level + sides[1].level < max_edges &&
         !sides[0].frontier.empty() && !sides[1].frontier.empty()) {
    int grow = sides[0].frontier.size() <= sides[1].frontier.size() ? 0 : 1;
    Side& side = sides[grow];
    const Side& other = sides[1 - grow];
    neighbours.clear();
    absl::Status status = expand(side.frontier, &neighbours);
    if (!status.ok()) return status;
    ++side.level;
    std::vector<int64_t> next;
    int best = -1;
    for (int64_t node : neighbours) {
      if (!side.depth.emplace(node, side.level).second) continue;
      next.push_back(node);
      auto met = other.depth.find(node);
      if (met != other.depth.end() &&
          (best < 0 || side.level + met->second < best)) {
        best = side.level + met->second;
      }
    }
    if (best >= 0) return best;
    side.frontier = std::move(next);
  }
  return -1;
}

Answer PathAnswer(int edges) {
  return {edges < 0 ? std::string("none") : absl::StrCat(edges)};
}

absl::StatusOr<int64_t> IdOfKey(const std::string& key) {
  int64_t id = 0;
  size_t colon = key.rfind(':');
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(key.substr(colon + 1), &id)) {
    return absl::InvalidArgumentError(absl::StrCat("key ", key, ": no id"));
  }
  return id;
}

}  // namespace kg::bench
