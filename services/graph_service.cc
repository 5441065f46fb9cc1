#include "kg/services/graph_service.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/edge_views.h"
#include "kg/services/page_token.h"
#include "kg/services/status_mapping.h"
#include "validation.h"

namespace kg::services {
namespace {

absl::StatusOr<graph::NodeQuery> ToNodeQuery(
    const kg::v1::ListNodesRequest& request) {
  if (absl::Status sizes = CheckSizes(request); !sizes.ok()) return sizes;
  if (request.name_prefix() && request.name().empty()) {
    return absl::InvalidArgumentError(
        "name: must not be empty when name_prefix is set");
  }
  if (request.has_property_value() && request.property_name().empty()) {
    return absl::InvalidArgumentError(
        "property_name: must be set with property_value");
  }
  if (!request.property_name().empty()) {
    if (request.property_value().kind_case() == kg::v1::Value::KIND_NOT_SET) {
      return absl::InvalidArgumentError(
          "property_value: must be set with property_name");
    }
    if (request.property_value().has_list_value()) {
      return absl::InvalidArgumentError(
          "property_value: must be a single value, not a list");
    }
  }
  graph::NodeQuery query;
  query.label = request.label();
  query.name = request.name();
  query.name_prefix = request.name_prefix();
  query.property_name = request.property_name();
  if (request.has_property_value()) {
    query.property_value = request.property_value();
  }
  return query;
}

absl::StatusOr<graph::EdgeQuery> ToEdgeQuery(
    const kg::v1::ListEdgesRequest& request) {
  if (absl::Status sizes = CheckSizes(request); !sizes.ok()) return sizes;
  graph::EdgeQuery query;
  query.node_key = request.node_key();
  absl::StatusOr<graph::Direction> direction =
      ToDirection("direction", request.direction());
  if (!direction.ok()) return direction.status();
  query.direction = *direction;
  for (int i = 0; i < request.types_size(); ++i) {
    absl::Status valid =
        RequireNonEmpty(absl::StrCat("types[", i, "]"), request.types(i));
    if (!valid.ok()) return valid;
    query.types.push_back(request.types(i));
  }
  return query;
}

// The engine's view for the API's; unspecified means full (AIP-157).
absl::StatusOr<graph::EdgeView> ToEdgeView(kg::v1::EdgeView view) {
  switch (view) {
    case kg::v1::EDGE_VIEW_BASIC:
      return graph::EdgeView::kBasic;
    case kg::v1::EDGE_VIEW_UNSPECIFIED:
    case kg::v1::EDGE_VIEW_FULL:
      return graph::EdgeView::kFull;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("view: unknown value ", view));
  }
}

absl::Status ReadNode(graph::Snapshot& snapshot,
                      const kg::v1::GetNodeRequest& request,
                      kg::v1::Node* response) {
  if (absl::Status sizes = CheckSizes(request); !sizes.ok()) return sizes;
  absl::Status valid = RequireNonEmpty("key", request.key());
  if (!valid.ok()) return valid;
  absl::StatusOr<kg::v1::Node> node = snapshot.GetNode(request.key());
  if (!node.ok()) return node.status();
  *response = *std::move(node);
  return absl::OkStatus();
}

absl::Status ReadNodes(graph::Snapshot& snapshot,
                       const kg::v1::BatchGetNodesRequest& request,
                       kg::v1::BatchGetNodesResponse* response) {
  if (absl::Status sizes = CheckSizes(request); !sizes.ok()) return sizes;
  if (request.keys_size() > kMaxBatchKeys) {
    return absl::InvalidArgumentError(
        absl::StrCat("keys: at most ", kMaxBatchKeys));
  }
  for (int i = 0; i < request.keys_size(); ++i) {
    std::string field = absl::StrCat("keys[", i, "]");
    absl::Status valid = RequireNonEmpty(field, request.keys(i));
    if (!valid.ok()) return valid;
    absl::StatusOr<kg::v1::Node> node = snapshot.GetNode(request.keys(i));
    if (!node.ok()) {
      return absl::Status(node.status().code(),
                          absl::StrCat(field, ": ", node.status().message()));
    }
    *response->add_nodes() = *std::move(node);
  }
  return absl::OkStatus();
}

// Moving a message swaps its fields: the page's items are not copied.
void MoveItems(graph::NodePage& page, kg::v1::ListNodesResponse* response) {
  response->mutable_nodes()->Reserve(page.nodes.size());
  for (kg::v1::Node& node : page.nodes) {
    *response->add_nodes() = std::move(node);
  }
}

void MoveItems(graph::EdgePage& page, kg::v1::ListEdgesResponse* response) {
  response->mutable_edges()->Reserve(page.edges.size());
  for (kg::v1::Edge& edge : page.edges) {
    *response->add_edges() = std::move(edge);
  }
}

// One page of a list RPC: `scan(cursor, limit)` is the engine's scan for
// the request's query; page tokens carry the engine's cursor.
template <typename Request, typename Response, typename Scan>
absl::Status ListPage(const Request& request, Scan scan, Response* response) {
  absl::StatusOr<PageRequest> page = ParsePageRequest(request);
  if (!page.ok()) return page.status();
  auto result = scan(page->cursor, page->limit);
  if (!result.ok()) return result.status();
  MoveItems(*result, response);
  response->set_next_page_token(NextPageToken(request, result->next_cursor));
  return absl::OkStatus();
}

absl::Status ListNodePage(graph::Snapshot& snapshot,
                          const kg::v1::ListNodesRequest& request,
                          kg::v1::ListNodesResponse* response) {
  absl::StatusOr<graph::NodeQuery> query = ToNodeQuery(request);
  if (!query.ok()) return query.status();
  return ListPage(
      request,
      [&](absl::string_view cursor, size_t limit) {
        return snapshot.ListNodes(*query, cursor, limit);
      },
      response);
}

absl::Status ListEdgePage(graph::Snapshot& snapshot,
                          const kg::v1::ListEdgesRequest& request,
                          kg::v1::ListEdgesResponse* response) {
  absl::StatusOr<graph::EdgeQuery> query = ToEdgeQuery(request);
  if (!query.ok()) return query.status();
  absl::StatusOr<graph::EdgeView> view = ToEdgeView(request.view());
  if (!view.ok()) return view.status();
  return ListPage(
      request,
      [&](absl::string_view cursor, size_t limit) {
        return graph::ListEdgesInView(snapshot, *query, *view, cursor, limit);
      },
      response);
}

absl::Status ReadStats(graph::Snapshot& snapshot,
                       kg::v1::GetStatsResponse* response) {
  absl::StatusOr<graph::GraphStats> stats = snapshot.Stats();
  if (!stats.ok()) return stats.status();
  response->set_node_count(stats->node_count);
  response->set_edge_count(stats->edge_count);
  response->set_document_count(stats->document_count);
  response->mutable_nodes_by_label()->insert(stats->nodes_by_label.begin(),
                                             stats->nodes_by_label.end());
  response->mutable_edges_by_type()->insert(stats->edges_by_type.begin(),
                                            stats->edges_by_type.end());
  return absl::OkStatus();
}

}  // namespace

grpc::Status GraphServiceImpl::GetNode(grpc::ServerContext*,
                                       const kg::v1::GetNodeRequest* request,
                                       kg::v1::Node* response) {
  return ToGrpcStatus(ReadNode(*store_.NewSnapshot(), *request, response));
}

grpc::Status GraphServiceImpl::BatchGetNodes(
    grpc::ServerContext*, const kg::v1::BatchGetNodesRequest* request,
    kg::v1::BatchGetNodesResponse* response) {
  return ToGrpcStatus(ReadNodes(*store_.NewSnapshot(), *request, response));
}

grpc::Status GraphServiceImpl::ListNodes(
    grpc::ServerContext*, const kg::v1::ListNodesRequest* request,
    kg::v1::ListNodesResponse* response) {
  return ToGrpcStatus(ListNodePage(*store_.NewSnapshot(), *request, response));
}

grpc::Status GraphServiceImpl::ListEdges(
    grpc::ServerContext*, const kg::v1::ListEdgesRequest* request,
    kg::v1::ListEdgesResponse* response) {
  return ToGrpcStatus(ListEdgePage(*store_.NewSnapshot(), *request, response));
}

grpc::Status GraphServiceImpl::GetStats(grpc::ServerContext*,
                                        const kg::v1::GetStatsRequest*,
                                        kg::v1::GetStatsResponse* response) {
  return ToGrpcStatus(ReadStats(*store_.NewSnapshot(), response));
}

}  // namespace kg::services
