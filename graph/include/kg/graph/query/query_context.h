// QueryContext: what every operator of one query shares — the snapshot it
// reads, its budget, the date it is asked as of, and the nodes and edges
// it has loaded (each is read from the store once per query).
#ifndef KG_GRAPH_QUERY_QUERY_CONTEXT_H_
#define KG_GRAPH_QUERY_QUERY_CONTEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/status/statusor.h"
#include "kg/graph/query/query_budget.h"
#include "kg/graph/snapshot.h"
#include "kg/v1/types.pb.h"

namespace kg::graph::query {

class QueryContext {
 public:
  // `snapshot` and `budget` must outlive the context. With `as_of`, scans,
  // expansions and algorithms skip nodes and edges that do not hold then
  // (see validity.h).
  QueryContext(Snapshot& snapshot, QueryBudget& budget,
               std::optional<kg::v1::Date> as_of = std::nullopt)
      : snapshot_(snapshot), budget_(budget), as_of_(std::move(as_of)) {}

  QueryContext(const QueryContext&) = delete;
  QueryContext& operator=(const QueryContext&) = delete;

  Snapshot& snapshot() { return snapshot_; }
  QueryBudget& budget() { return budget_; }
  const std::optional<kg::v1::Date>& as_of() const { return as_of_; }

  // The node or edge with the internal id; the pointer lives as long as
  // the context. NotFound for an unknown id.
  absl::StatusOr<const kg::v1::Node*> Node(uint64_t id);
  absl::StatusOr<const kg::v1::Edge*> Edge(uint64_t id);
  // Reads those of the edges that are not loaded yet in one batch, for
  // Edge to find: cheaper than an Edge call for each. NotFound for an
  // unknown id.
  absl::Status LoadEdges(const std::vector<uint64_t>& ids);
  // The same for nodes, for Node to find.
  absl::Status LoadNodes(const std::vector<uint64_t>& ids);
  // Keeps a node read by other means (an index scan) for later lookups.
  const kg::v1::Node* Adopt(kg::v1::Node node);
  // The node with the key, or NotFound naming it.
  absl::StatusOr<const kg::v1::Node*> NodeByKey(absl::string_view key);

  // The node's label, without loading its record unless it was loaded.
  // NotFound for an unknown id.
  absl::StatusOr<std::string> Label(uint64_t id);
  // Whether the node holds as of the query's date; loads it only when
  // there is a date. NotFound for an unknown id.
  absl::StatusOr<bool> NodeHolds(uint64_t id);

  // Whether the fact holds as of the query's date (always without one).
  bool Holds(const kg::v1::Node& node) const;
  bool Holds(const kg::v1::Edge& edge) const;

 private:
  Snapshot& snapshot_;
  QueryBudget& budget_;
  const std::optional<kg::v1::Date> as_of_;
  // node_hash_map: pointers to values stay valid as it grows.
  absl::node_hash_map<uint64_t, kg::v1::Node> nodes_;
  absl::node_hash_map<uint64_t, kg::v1::Edge> edges_;
};

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_QUERY_CONTEXT_H_
