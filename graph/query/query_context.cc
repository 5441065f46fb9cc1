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

absl::Status QueryContext::LoadEdges(const std::vector<uint64_t>& ids) {
  std::vector<uint64_t> missing;
  for (uint64_t id : ids) {
    if (!edges_.contains(id)) missing.push_back(id);
  }
  if (missing.empty()) return absl::OkStatus();
  absl::StatusOr<std::vector<kg::v1::Edge>> loaded =
      snapshot_.GetEdgesById(missing);
  if (!loaded.ok()) return loaded.status();
  for (kg::v1::Edge& edge : *loaded) {
    const uint64_t id = edge.id();
    edges_.try_emplace(id, std::move(edge));
  }
  return absl::OkStatus();
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
