// The domain-shaped graph every system of the comparison loads: N nodes
// and about 8 edges a node, generated deterministically from a seed.
//
// Nodes: actors (states and organizations, 2%), commitments (60%),
// frameworks (0.1%), missions (0.1%), documents (10%), people (the rest).
// Edges: PLEDGED actor->commitment (power-law out-degree: a few actors are
// supernodes), UNDER commitment->framework, TARGETS commitment->mission,
// MENTIONS document->any node (5 a document), MEMBER_OF actor->actor,
// HOLDS_POSITION person->actor. No edge repeats (src, type, dst) and none
// is a loop, so every system sees the same edge set.
//
// Node i has the key "<label prefix>:<i>" and the name "<Label> <i>".
#ifndef KG_BENCH_COMPARE_DOMAIN_GRAPH_H_
#define KG_BENCH_COMPARE_DOMAIN_GRAPH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace kg::bench {

enum class NodeLabel : uint8_t {
  kState,
  kOrganization,
  kCommitment,
  kFramework,
  kMission,
  kDocument,
  kPerson,
};

enum class EdgeType : uint8_t {
  kPledged,
  kUnder,
  kTargets,
  kMentions,
  kMemberOf,
  kHoldsPosition,
};

const char* LabelName(NodeLabel label);
const char* EdgeTypeName(EdgeType type);

struct GraphEdge {
  uint32_t src = 0;
  uint32_t dst = 0;
  EdgeType type = EdgeType::kPledged;
};

struct DomainGraph {
  std::vector<NodeLabel> labels;  // Indexed by node id.
  std::vector<GraphEdge> edges;

  size_t node_count() const { return labels.size(); }
  std::string KeyOf(uint32_t id) const;
  std::string NameOf(uint32_t id) const;
  bool IsActor(uint32_t id) const;
};

DomainGraph GenerateDomainGraph(uint32_t nodes, uint64_t seed);

// Writes `dir`/nodes.csv (id,key,label,name) and `dir`/edges.csv
// (src,dst,type), each with a header line.
absl::Status WriteCsv(const DomainGraph& graph, const std::string& dir);

// Reads what WriteCsv wrote; InvalidArgument naming the file and line for
// a malformed row.
absl::StatusOr<DomainGraph> ReadCsv(const std::string& dir);

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_DOMAIN_GRAPH_H_
