#include "kg/graph/cypher/memory_graph.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "errors.h"
#include "kg/graph/ontology.h"
#include "kg/graph/text_normalize.h"

namespace kg::graph::cypher {
namespace {

bool HasType(const std::vector<std::string>& types, const std::string& type) {
  return types.empty() ||
         std::find(types.begin(), types.end(), type) != types.end();
}

// The string property `name`, or "".
std::string StringProperty(const NodeData& node, const std::string& name) {
  auto it = node.properties.find(name);
  if (it == node.properties.end() ||
      it->second.kind() != Value::Kind::kString) {
    return "";
  }
  return it->second.as_string();
}

// `node`'s key, not one of `taken` (see memory_graph.h). `last_suffix`
// holds the last suffix given per generated base, so that creating many
// nodes of one base does not retry every suffix taken before.
absl::StatusOr<std::string> NewKey(
    const NodeData& node, const absl::flat_hash_set<std::string>& taken,
    absl::flat_hash_map<std::string, uint64_t>& last_suffix) {
  std::string given = StringProperty(node, "key");
  if (!given.empty()) {
    if (taken.contains(given)) {
      return QueryError(
          "ConstraintValidationFailed", "DuplicateKey",
          absl::StrCat("CREATE: a node with key '", given, "' exists already"));
    }
    return given;
  }
  std::string prefix = "node";
  if (!node.labels.empty()) {
    prefix = KeyPrefixForLabel(node.labels[0]);
    if (prefix.empty()) prefix = Slugify(node.labels[0]);
    if (prefix.empty()) prefix = "node";
  }
  const std::string slug = Slugify(StringProperty(node, "name"));
  const std::string base =
      absl::StrCat(prefix, ":", slug.empty() ? "node" : slug);
  if (!slug.empty() && !taken.contains(base)) return base;
  uint64_t& n = last_suffix[base];
  if (n == 0) n = slug.empty() ? 0 : 1;
  while (true) {
    std::string key = absl::StrCat(base, "-", ++n);
    if (!taken.contains(key)) return key;
  }
}

}  // namespace

absl::StatusOr<std::vector<uint64_t>> MemoryGraph::ScanNodes(
    const NodeFilter& filter) {
  std::vector<uint64_t> ids;
  for (uint64_t id = 0; id < nodes_.size(); ++id) {
    const std::vector<std::string>& labels = nodes_[id].labels;
    if (!filter.label.empty() &&
        std::find(labels.begin(), labels.end(), filter.label) == labels.end()) {
      continue;
    }
    ids.push_back(id);
  }
  return ids;
}

absl::StatusOr<NodeData> MemoryGraph::Node(uint64_t id) {
  if (id >= nodes_.size())
    return absl::NotFoundError(absl::StrCat("node ", id));
  return nodes_[id];
}

absl::StatusOr<RelationshipData> MemoryGraph::Relationship(uint64_t id) {
  if (id >= relationships_.size()) {
    return absl::NotFoundError(absl::StrCat("relationship ", id));
  }
  return relationships_[id];
}

absl::StatusOr<std::vector<RelationshipData>> MemoryGraph::Relationships(
    uint64_t node, RelDirection direction,
    const std::vector<std::string>& types) {
  std::vector<RelationshipData> result;
  if (node >= nodes_.size()) return result;
  if (direction != RelDirection::kIn) {
    for (uint64_t r : out_[node]) {
      if (HasType(types, relationships_[r].type)) {
        result.push_back(relationships_[r]);
      }
    }
  }
  if (direction != RelDirection::kOut) {
    for (uint64_t r : in_[node]) {
      const RelationshipData& rel = relationships_[r];
      // A self-loop was listed as outgoing already.
      if (direction == RelDirection::kBoth && rel.src == rel.dst) continue;
      if (HasType(types, rel.type)) result.push_back(rel);
    }
  }
  return result;
}

absl::StatusOr<uint64_t> MemoryGraph::CreateNode(NodeData node) {
  absl::StatusOr<std::string> key = NewKey(node, keys_, last_suffix_);
  if (!key.ok()) return key.status();
  keys_.insert(*key);
  node.key = *std::move(key);
  nodes_.push_back(std::move(node));
  out_.emplace_back();
  in_.emplace_back();
  return nodes_.size() - 1;
}

absl::StatusOr<uint64_t> MemoryGraph::CreateRelationship(
    RelationshipData relationship) {
  if (relationship.src >= nodes_.size() || relationship.dst >= nodes_.size()) {
    return absl::NotFoundError("relationship end is not a node");
  }
  relationship.id = relationships_.size();
  out_[relationship.src].push_back(relationship.id);
  in_[relationship.dst].push_back(relationship.id);
  relationships_.push_back(std::move(relationship));
  return relationships_.size() - 1;
}

GraphCounts MemoryGraph::Counts() const {
  GraphCounts counts;
  counts.nodes = nodes_.size();
  counts.relationships = relationships_.size();
  absl::flat_hash_set<std::string> labels;
  for (const NodeData& node : nodes_) {
    counts.properties += node.properties.size();
    labels.insert(node.labels.begin(), node.labels.end());
  }
  for (const RelationshipData& rel : relationships_) {
    counts.properties += rel.properties.size();
  }
  counts.labels = labels.size();
  return counts;
}

}  // namespace kg::graph::cypher
