// Snapshot: one consistent, read-only view of the graph.
//
// Every read of one request goes through one Snapshot, so a request never
// sees half of a commit. Nodes and edges come back as their effective view:
// the merge of what every source document asserts, with all sources listed.
// Scans are paginated by an opaque cursor: pass the `next_cursor` of one
// page to get the next; an empty `next_cursor` means the scan is done.
#ifndef KG_GRAPH_SNAPSHOT_H_
#define KG_GRAPH_SNAPSHOT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/types.pb.h"

namespace kg::graph {

enum class Direction { kOut, kIn, kBoth };

// The sources of one edge.
using EdgeSources = google::protobuf::RepeatedPtrField<kg::v1::Source>;

// Nodes matching every filter set. With no filter: every node.
struct NodeQuery {
  std::string label;
  // Matched against the normalized name and aliases.
  std::string name;
  bool name_prefix = false;
  std::string property_name;
  std::optional<kg::v1::Value> property_value;
};

// Edges of one node (all edges of the graph when `node_key` is empty).
struct EdgeQuery {
  std::string node_key;
  Direction direction = Direction::kBoth;
  // Empty: every type.
  std::vector<std::string> types;
};

struct NodePage {
  std::vector<kg::v1::Node> nodes;
  std::string next_cursor;
};

struct EdgePage {
  std::vector<kg::v1::Edge> edges;
  std::string next_cursor;
};

// One edge as seen from one of its ends, read from the adjacency index
// without loading the edge's record: the cheap step of a traversal.
struct AdjacentEdge {
  uint64_t edge_id = 0;
  uint64_t neighbour_id = 0;
  std::string type;
  // kOut when the node is the edge's source, kIn when it is its target.
  Direction direction = Direction::kOut;
};

struct AdjacencyPage {
  std::vector<AdjacentEdge> edges;
  std::string next_cursor;
};

// How many edges of one type a node has in one direction (kOut or kIn).
struct DegreeCount {
  Direction direction = Direction::kOut;
  std::string type;
  uint64_t count = 0;
};

struct GraphStats {
  uint64_t node_count = 0;
  uint64_t edge_count = 0;
  uint64_t document_count = 0;
  std::map<std::string, uint64_t> nodes_by_label;
  std::map<std::string, uint64_t> edges_by_type;
};

class Snapshot {
 public:
  virtual ~Snapshot() = default;

  // NotFound when no node has the key.
  virtual absl::StatusOr<kg::v1::Node> GetNode(absl::string_view key) = 0;

  // Up to `limit` matches after `cursor`. InvalidArgument for a malformed
  // cursor or a list-valued property filter.
  virtual absl::StatusOr<NodePage> ListNodes(const NodeQuery& query,
                                             absl::string_view cursor,
                                             size_t limit) = 0;

  // NotFound when `query.node_key` names no node. Edges come ordered by
  // direction, type and other end.
  virtual absl::StatusOr<EdgePage> ListEdges(const EdgeQuery& query,
                                             absl::string_view cursor,
                                             size_t limit) = 0;

  // Edges of `node_key` in `direction` with type `type`, from the in-memory
  // topology (or the degree counters when the store keeps none). Zero for
  // unknown types; NotFound for unknown nodes.
  virtual absl::StatusOr<uint64_t> Degree(absl::string_view node_key,
                                          Direction direction,
                                          absl::string_view type) = 0;

  // Every type and direction the node has edges of, out before in, then
  // by type id, from the topology or the degree counters. NotFound for
  // unknown nodes.
  virtual absl::StatusOr<std::vector<DegreeCount>> Degrees(
      absl::string_view node_key) = 0;

  // By internal id (Node.id, Edge.id), as the query engine refers to
  // them. NotFound when no node (edge) has the id.
  virtual absl::StatusOr<kg::v1::Node> GetNodeById(uint64_t id) = 0;
  virtual absl::StatusOr<kg::v1::Edge> GetEdgeById(uint64_t id) = 0;
  // The edges with the ids, in that order, read in one batch: cheaper
  // than GetEdgeById for each. NotFound naming an id no edge has.
  virtual absl::StatusOr<std::vector<kg::v1::Edge>> GetEdgesById(
      const std::vector<uint64_t>& ids) = 0;
  // The sources of the edges with the ids, in that order, read in one
  // batch: what their GetEdgesById views list, without the rest of the
  // views (their ends' keys, type, properties). NotFound naming an id no
  // edge has.
  virtual absl::StatusOr<std::vector<EdgeSources>> GetEdgeSourcesById(
      const std::vector<uint64_t>& ids) = 0;
  // The nodes with the ids, in that order, read in one batch (as
  // GetEdgesById). NotFound naming an id no node has.
  virtual absl::StatusOr<std::vector<kg::v1::Node>> GetNodesById(
      const std::vector<uint64_t>& ids) = 0;

  // The label of the node with id `id`, without loading its record (a
  // hub's record grows with every document that mentions it). NotFound
  // when no node has the id.
  virtual absl::StatusOr<std::string> NodeLabel(uint64_t id) = 0;

  // The key of the node with id `id`, read from the head of its record
  // without parsing its assertions (as NodeLabel). NotFound when no node
  // has the id.
  virtual absl::StatusOr<std::string> NodeKey(uint64_t id) = 0;

  // The edges of the node with id `node_id` in ListEdges' order, as
  // adjacency entries; paginated like ListEdges. An unknown id has none.
  // Read from the store's in-memory topology as of this snapshot when it
  // keeps one (StoreOptions::topology_budget_bytes), else from RocksDB;
  // cursors of either work with both.
  virtual absl::StatusOr<AdjacencyPage> ListAdjacent(
      uint64_t node_id, Direction direction,
      const std::vector<std::string>& types, absl::string_view cursor,
      size_t limit) = 0;

  virtual absl::StatusOr<GraphStats> Stats() = 0;

  // Keys of the documents that assert at least one fact, in key order.
  virtual absl::StatusOr<std::vector<std::string>> ListDocuments() = 0;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SNAPSHOT_H_
