// DomainGraph: the domain store seen as a Cypher property graph. A node
// has one label (its domain label) and its props plus `key`, `name` and
// `aliases` as properties, so `MATCH (s:State {key: 'state:DEU'})` finds a
// node by its key; an edge is a relationship of its type. Property values
// read as query::FromPropertyValue makes them (dates as ISO strings).
// Reads go through a QueryContext, so they see one snapshot, are charged
// to the query's budget, and skip facts that do not hold as of the
// query's date.
#ifndef KG_GRAPH_CYPHER_DOMAIN_GRAPH_H_
#define KG_GRAPH_CYPHER_DOMAIN_GRAPH_H_

#include <cstdint>
#include <vector>

#include "kg/graph/cypher/property_graph.h"
#include "kg/graph/query/query_context.h"
#include "kg/v1/types.pb.h"

namespace kg::graph::cypher {

class DomainGraph : public PropertyGraph {
 public:
  // `context` must outlive the graph.
  explicit DomainGraph(query::QueryContext& context) : context_(context) {}

  absl::StatusOr<std::vector<uint64_t>> ScanNodes(
      const NodeFilter& filter) override;
  absl::StatusOr<NodeData> Node(uint64_t id) override;
  absl::StatusOr<RelationshipData> Relationship(uint64_t id) override;
  absl::StatusOr<std::vector<RelationshipData>> Relationships(
      uint64_t node, RelDirection direction,
      const std::vector<std::string>& types) override;

 private:
  query::QueryContext& context_;
};

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_DOMAIN_GRAPH_H_
