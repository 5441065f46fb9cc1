#include "kg/graph/query/query_context.h"

#include <utility>

#include "kg/graph/query/validity.h"

namespace kg::graph::query {

absl::StatusOr<const kg::v1::Node*> QueryContext::Node(uint64_t id) {
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return &it->second;
  absl::StatusOr<kg::v1::Node> node = snapshot_.GetNodeById(id);
  if (!node.ok()) return node.status();
  return &nodes_.emplace(id, *std::move(node)).first->second;
}

absl::StatusOr<const kg::v1::Edge*> QueryContext::Edge(uint64_t id) {
  auto it = edges_.find(id);
  if (it != edges_.end()) return &it->second;
  absl::StatusOr<kg::v1::Edge> edge = snapshot_.GetEdgeById(id);
  if (!edge.ok()) return edge.status();
  return &edges_.emplace(id, *std::move(edge)).first->second;
}

namespace {

// Reads the ids of `ids` that `loaded` lacks with `read_batch` (one
// batched snapshot read) and keeps them there.
template <typename Record, typename ReadBatch>
absl::Status LoadMissing(const std::vector<uint64_t>& ids,
                         absl::node_hash_map<uint64_t, Record>& loaded,
                         ReadBatch read_batch) {
  std::vector<uint64_t> missing;
  for (uint64_t id : ids) {
    if (!loaded.contains(id)) missing.push_back(id);
  }
  if (missing.empty()) return absl::OkStatus();
  absl::StatusOr<std::vector<Record>> read = read_batch(missing);
  if (!read.ok()) return read.status();
  for (Record& record : *read) {
    const uint64_t id = record.id();
    loaded.try_emplace(id, std::move(record));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status QueryContext::LoadEdges(const std::vector<uint64_t>& ids) {
  return LoadMissing(ids, edges_, [this](const std::vector<uint64_t>& batch) {
    return snapshot_.GetEdgesById(batch);
  });
}

absl::Status QueryContext::LoadNodes(const std::vector<uint64_t>& ids) {
  return LoadMissing(ids, nodes_, [this](const std::vector<uint64_t>& batch) {
    return snapshot_.GetNodesById(batch);
  });
}

const kg::v1::Node* QueryContext::Adopt(kg::v1::Node node) {
  const uint64_t id = node.id();
  return &nodes_.try_emplace(id, std::move(node)).first->second;
}

absl::StatusOr<const kg::v1::Node*> QueryContext::NodeByKey(
    absl::string_view key) {
  absl::StatusOr<kg::v1::Node> node = snapshot_.GetNode(key);
  if (!node.ok()) return node.status();
  return Adopt(*std::move(node));
}

absl::StatusOr<std::string> QueryContext::Label(uint64_t id) {
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return it->second.label();
  return snapshot_.NodeLabel(id);
}

absl::StatusOr<bool> QueryContext::NodeHolds(uint64_t id) {
  if (!as_of_) {
    absl::StatusOr<std::string> exists = Label(id);
    if (!exists.ok()) return exists.status();
    return true;
  }
  absl::StatusOr<const kg::v1::Node*> node = Node(id);
  if (!node.ok()) return node.status();
  return Holds(**node);
}

bool QueryContext::Holds(const kg::v1::Node& node) const {
  return !as_of_ || ValidAt(node.props(), *as_of_);
}

bool QueryContext::Holds(const kg::v1::Edge& edge) const {
  return !as_of_ || ValidAt(edge.props(), *as_of_);
}

}  // namespace kg::graph::query
