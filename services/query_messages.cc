#include "query_messages.h"

namespace kg::services {

kg::v1::EntityRef EntityOf(const kg::v1::Node& node) {
  kg::v1::EntityRef ref;
  ref.set_key(node.key());
  ref.set_label(node.label());
  ref.set_name(node.name());
  return ref;
}

absl::StatusOr<kg::v1::EntityRef> EntityOf(graph::query::QueryContext& context,
                                           uint64_t node) {
  absl::StatusOr<const kg::v1::Node*> loaded = context.Node(node);
  if (!loaded.ok()) return loaded.status();
  return EntityOf(**loaded);
}

// Field by field: a hub's sources can outweigh the rest many times, so
// they are not copied to be dropped.
kg::v1::Node NodeMessage(const kg::v1::Node& node, bool with_sources) {
  if (with_sources) return node;
  kg::v1::Node out;
  out.set_key(node.key());
  out.set_label(node.label());
  out.set_name(node.name());
  *out.mutable_aliases() = node.aliases();
  *out.mutable_props() = node.props();
  out.set_id(node.id());
  return out;
}

kg::v1::Edge EdgeMessage(const kg::v1::Edge& edge, bool with_sources) {
  if (with_sources) return edge;
  kg::v1::Edge out;
  out.set_src_key(edge.src_key());
  out.set_type(edge.type());
  out.set_dst_key(edge.dst_key());
  *out.mutable_props() = edge.props();
  out.set_id(edge.id());
  return out;
}

absl::StatusOr<kg::v1::Node> NodeMessage(graph::query::QueryContext& context,
                                         uint64_t node, bool with_sources) {
  absl::StatusOr<const kg::v1::Node*> loaded = context.Node(node);
  if (!loaded.ok()) return loaded.status();
  return NodeMessage(**loaded, with_sources);
}

absl::StatusOr<kg::v1::Edge> EdgeMessage(graph::query::QueryContext& context,
                                         uint64_t edge, bool with_sources) {
  absl::StatusOr<const kg::v1::Edge*> loaded = context.Edge(edge);
  if (!loaded.ok()) return loaded.status();
  return EdgeMessage(**loaded, with_sources);
}

absl::StatusOr<kg::v1::Path> PathMessage(graph::query::QueryContext& context,
                                         const graph::query::Path& path,
                                         bool with_sources) {
  kg::v1::Path out;
  for (uint64_t node : path.nodes) {
    absl::StatusOr<kg::v1::Node> message =
        NodeMessage(context, node, with_sources);
    if (!message.ok()) return message.status();
    *out.add_nodes() = *std::move(message);
  }
  for (const graph::query::EdgeRef& edge : path.edges) {
    absl::StatusOr<kg::v1::Edge> message =
        EdgeMessage(context, edge.id, with_sources);
    if (!message.ok()) return message.status();
    *out.add_edges() = *std::move(message);
  }
  return out;
}

}  // namespace kg::services
