#include "kg/graph/cypher/domain_graph.h"

#include "absl/container/flat_hash_set.h"
#include "kg/graph/snapshot.h"

namespace kg::graph::cypher {
namespace {

constexpr size_t kPageSize = 512;

Direction ToDirection(RelDirection d) {
  switch (d) {
    case RelDirection::kOut:
      return Direction::kOut;
    case RelDirection::kIn:
      return Direction::kIn;
    case RelDirection::kBoth:
      return Direction::kBoth;
  }
  return Direction::kBoth;
}

Value::Map PropertiesOf(
    const google::protobuf::Map<std::string, kg::v1::Value>& props) {
  Value::Map out;
  for (const auto& [key, value] : props)
    out[key] = query::FromPropertyValue(value);
  return out;
}

}  // namespace

absl::StatusOr<std::vector<uint64_t>> DomainGraph::ScanNodes(
    const NodeFilter& filter) {
  std::vector<uint64_t> ids;
  if (filter.property.has_value() && filter.property->first == "key" &&
      filter.property->second.kind() == Value::Kind::kString) {
    absl::StatusOr<const kg::v1::Node*> node =
        context_.NodeByKey(filter.property->second.as_string());
    if (absl::IsNotFound(node.status())) return ids;
    if (!node.ok()) return node.status();
    if (context_.Holds(**node)) ids.push_back((*node)->id());
    return ids;
  }
  NodeQuery query;
  query.label = filter.label;
  std::string cursor;
  do {
    absl::StatusOr<NodePage> page =
        context_.snapshot().ListNodes(query, cursor, kPageSize);
    if (!page.ok()) return page.status();
    if (absl::Status s = context_.budget().ChargeExpansions(page->nodes.size());
        !s.ok()) {
      return s;
    }
    for (kg::v1::Node& node : page->nodes) {
      const kg::v1::Node* kept = context_.Adopt(std::move(node));
      if (context_.Holds(*kept)) ids.push_back(kept->id());
    }
    cursor = std::move(page->next_cursor);
  } while (!cursor.empty());
  return ids;
}

absl::StatusOr<NodeData> DomainGraph::Node(uint64_t id) {
  absl::StatusOr<const kg::v1::Node*> node = context_.Node(id);
  if (!node.ok()) return node.status();
  NodeData data;
  data.labels.push_back((*node)->label());
  data.key = (*node)->key();
  data.properties = PropertiesOf((*node)->props());
  data.properties["key"] = Value((*node)->key());
  data.properties["name"] = Value((*node)->name());
  Value::List aliases;
  for (const std::string& alias : (*node)->aliases()) {
    aliases.push_back(Value(alias));
  }
  data.properties["aliases"] = Value(std::move(aliases));
  return data;
}

absl::StatusOr<RelationshipData> DomainGraph::Relationship(uint64_t id) {
  absl::StatusOr<const kg::v1::Edge*> edge = context_.Edge(id);
  if (!edge.ok()) return edge.status();
  absl::StatusOr<const kg::v1::Node*> src =
      context_.NodeByKey((*edge)->src_key());
  if (!src.ok()) return src.status();
  absl::StatusOr<const kg::v1::Node*> dst =
      context_.NodeByKey((*edge)->dst_key());
  if (!dst.ok()) return dst.status();
  RelationshipData data;
  data.id = id;
  data.src = (*src)->id();
  data.dst = (*dst)->id();
  data.type = (*edge)->type();
  data.properties = PropertiesOf((*edge)->props());
  return data;
}

absl::StatusOr<std::vector<RelationshipData>> DomainGraph::Relationships(
    uint64_t node, RelDirection direction,
    const std::vector<std::string>& types) {
  std::vector<RelationshipData> result;
  absl::flat_hash_set<uint64_t> seen;
  std::string cursor;
  do {
    absl::StatusOr<AdjacencyPage> page = context_.snapshot().ListAdjacent(
        node, ToDirection(direction), types, cursor, kPageSize);
    if (!page.ok()) return page.status();
    if (absl::Status s = context_.budget().ChargeExpansions(page->edges.size());
        !s.ok()) {
      return s;
    }
    for (const AdjacentEdge& adjacent : page->edges) {
      if (!seen.insert(adjacent.edge_id).second) continue;
      if (context_.as_of().has_value()) {
        absl::StatusOr<const kg::v1::Edge*> edge =
            context_.Edge(adjacent.edge_id);
        if (!edge.ok()) return edge.status();
        if (!context_.Holds(**edge)) continue;
        absl::StatusOr<const kg::v1::Node*> other =
            context_.Node(adjacent.neighbour_id);
        if (!other.ok()) return other.status();
        if (!context_.Holds(**other)) continue;
      }
      RelationshipData rel;
      rel.id = adjacent.edge_id;
      rel.type = adjacent.type;
      bool outgoing = adjacent.direction == Direction::kOut;
      rel.src = outgoing ? node : adjacent.neighbour_id;
      rel.dst = outgoing ? adjacent.neighbour_id : node;
      result.push_back(std::move(rel));
    }
    cursor = std::move(page->next_cursor);
  } while (!cursor.empty());
  return result;
}

}  // namespace kg::graph::cypher
