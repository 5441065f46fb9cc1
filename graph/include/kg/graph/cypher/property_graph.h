// PropertyGraph: the graph a Cypher query reads, as the language sees it —
// nodes with any number of labels and relationships with one type, both
// with typed properties, named by ids. The domain store (domain_graph.h)
// and the in-memory graph (memory_graph.h) implement it.
//
// WritableGraph adds what CREATE needs; a read-only graph has none.
#ifndef KG_GRAPH_CYPHER_PROPERTY_GRAPH_H_
#define KG_GRAPH_CYPHER_PROPERTY_GRAPH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/query/value.h"

namespace kg::graph::cypher {

// Cypher's values are the query pipeline's.
using query::EdgeRef;
using query::NodeRef;
using query::Path;
using query::Value;

struct NodeData {
  std::vector<std::string> labels;
  Value::Map properties;
  // The node's domain key, unique in its graph (ONTOLOGY.md: "<prefix>:<id>").
  // A writable graph gives one to every node it creates; CreateNode ignores
  // what the caller sets here.
  std::string key;
};

struct RelationshipData {
  uint64_t id = 0;
  uint64_t src = 0;
  uint64_t dst = 0;
  std::string type;
  Value::Map properties;
};

// The relationship as a value.
inline EdgeRef RefOf(const RelationshipData& relationship) {
  return EdgeRef{relationship.id, relationship.src, relationship.dst,
                 relationship.type};
}

enum class RelDirection { kOut, kIn, kBoth };

// Narrows a node scan; the graph may use it for an index and the caller
// still checks every node it gets.
struct NodeFilter {
  // Empty: any label.
  std::string label;
  // A property the nodes must have with this value.
  std::optional<std::pair<std::string, Value>> property;
};

class PropertyGraph {
 public:
  virtual ~PropertyGraph() = default;

  // Ids of the nodes that may match, in a stable order.
  virtual absl::StatusOr<std::vector<uint64_t>> ScanNodes(
      const NodeFilter& filter) = 0;
  // NotFound for an unknown id.
  virtual absl::StatusOr<NodeData> Node(uint64_t id) = 0;
  virtual absl::StatusOr<RelationshipData> Relationship(uint64_t id) = 0;
  // The node's relationships in `direction` with one of `types` (any type
  // when empty), each once — a self-loop too.
  virtual absl::StatusOr<std::vector<RelationshipData>> Relationships(
      uint64_t node, RelDirection direction,
      const std::vector<std::string>& types) = 0;
};

class WritableGraph : public PropertyGraph {
 public:
  virtual absl::StatusOr<uint64_t> CreateNode(NodeData node) = 0;
  virtual absl::StatusOr<uint64_t> CreateRelationship(
      RelationshipData relationship) = 0;
};

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_PROPERTY_GRAPH_H_
