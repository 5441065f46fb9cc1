// Traverse: breadth-first from start nodes along the edges a StepFilter
// lets through (its labels filter the nodes reached; start nodes are
// exempt), to `max_depth` hops.
//
// The result is the nodes first reached at a depth in [min_depth,
// max_depth], and the edges followed between two of them — a subgraph
// with no dangling edge. Rows have four columns:
//   [node, edge, depth, path]
// - a node row, when a node is first reached: the node, the edge it was
//   reached by (null for a start node, or when that edge's other end is
//   not in the result), its depth (int), and with `paths` the path from
//   its start node (else null);
// - an edge row, for an edge followed to a node reached before: null, the
//   edge, null, null.
// A node row comes before any edge row naming the node.
//
// Each node follows at most `max_fan_out` of its passing edges; the
// traversal ends early after `max_nodes` node rows or `max_edges` edges
// (0: no such limit). truncated_by() then names those limits.
#ifndef KG_GRAPH_QUERY_TRAVERSE_H_
#define KG_GRAPH_QUERY_TRAVERSE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

struct TraverseSpec {
  // Node ids; repeats and nodes that do not hold as of the query's date
  // are skipped.
  std::vector<uint64_t> start;
  StepFilter step;
  int min_depth = 0;
  int max_depth = 1;
  size_t max_fan_out = 0;
  size_t max_nodes = 0;
  size_t max_edges = 0;
  bool paths = false;
};

class Traverse final : public Operator {
 public:
  enum Column { kNode = 0, kEdge = 1, kDepth = 2, kPath = 3 };

  Traverse(QueryContext& context, TraverseSpec spec);

  absl::StatusOr<bool> Next(Row* row) override;

  // The limits that cut the result short so far: "max_fan_out",
  // "max_nodes", "max_edges".
  std::vector<std::string> truncated_by() const;

 private:
  struct Visit {
    int depth = 0;
    // How it was first reached; parent == self for a start node.
    uint64_t parent = 0;
    EdgeRef via;
  };

  // Queues the start nodes, with their rows.
  absl::Status Start();
  // Expands the next queued node, appending rows to pending_.
  absl::Status ExpandNext();
  // Handles one step from `from`; appends at most one row.
  void Follow(uint64_t from, int from_depth, Step step);
  Path PathTo(uint64_t node) const;
  bool InResult(int depth) const { return depth >= spec_.min_depth; }
  // A node or edge limit refused a row: the traversal is over.
  bool Stopped() const;

  QueryContext& context_;
  const TraverseSpec spec_;
  Neighbours neighbours_;
  absl::flat_hash_map<uint64_t, Visit> visited_;
  // The edges in the result.
  absl::flat_hash_set<uint64_t> edges_;
  std::deque<uint64_t> queue_;
  std::deque<Row> pending_;
  bool started_ = false;
  size_t node_rows_ = 0;
  bool fan_out_hit_ = false;
  bool nodes_hit_ = false;
  bool edges_hit_ = false;
};

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_TRAVERSE_H_
