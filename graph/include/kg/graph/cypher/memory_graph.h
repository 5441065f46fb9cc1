// MemoryGraph: a property graph held in memory, for CREATE on scratch
// graphs, in tests and the TCK runner. Ids are assigned in creation order
// from 0.
//
// Every node gets a domain key (NodeData::key) as ONTOLOGY.md makes them:
// the string property `key` when CREATE gives one (it must be unused), or
// else "<prefix>:<slug of the name property>" with the label's key prefix
// ("Organization" -> "org"; an unknown label's slug; "node" without a
// label) and, when that key is taken or there is no name, a "-<n>" suffix
// that makes it unique. The generated key is not a property, so the
// node's properties are exactly the ones CREATE set.
#ifndef KG_GRAPH_CYPHER_MEMORY_GRAPH_H_
#define KG_GRAPH_CYPHER_MEMORY_GRAPH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "kg/graph/cypher/property_graph.h"

namespace kg::graph::cypher {

// What the TCK's side-effect steps count.
struct GraphCounts {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  // (entity, key, value) triples.
  uint64_t properties = 0;
  // Distinct labels in use.
  uint64_t labels = 0;
};

class MemoryGraph : public WritableGraph {
 public:
  absl::StatusOr<std::vector<uint64_t>> ScanNodes(
      const NodeFilter& filter) override;
  absl::StatusOr<NodeData> Node(uint64_t id) override;
  absl::StatusOr<RelationshipData> Relationship(uint64_t id) override;
  absl::StatusOr<std::vector<RelationshipData>> Relationships(
      uint64_t node, RelDirection direction,
      const std::vector<std::string>& types) override;
  absl::StatusOr<uint64_t> CreateNode(NodeData node) override;
  absl::StatusOr<uint64_t> CreateRelationship(
      RelationshipData relationship) override;

  GraphCounts Counts() const;

 private:
  std::vector<NodeData> nodes_;
  std::vector<RelationshipData> relationships_;
  // Per node: the ids of its relationships, outgoing and incoming.
  std::vector<std::vector<uint64_t>> out_;
  std::vector<std::vector<uint64_t>> in_;
  absl::flat_hash_set<std::string> keys_;
  // Per generated key base: the last "-<n>" suffix given.
  absl::flat_hash_map<std::string, uint64_t> last_suffix_;
};

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_MEMORY_GRAPH_H_
