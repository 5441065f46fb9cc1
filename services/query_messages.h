// The QueryService's result messages from the engine's values (internal
// to services/).
#ifndef KG_SERVICES_QUERY_MESSAGES_H_
#define KG_SERVICES_QUERY_MESSAGES_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "kg/graph/query/query_context.h"
#include "kg/graph/query/value.h"
#include "kg/v1/query_service.pb.h"

namespace kg::services {

kg::v1::EntityRef EntityOf(const kg::v1::Node& node);
absl::StatusOr<kg::v1::EntityRef> EntityOf(graph::query::QueryContext& context,
                                           uint64_t node);

// Copies that leave the sources out unless `with_sources`.
kg::v1::Node NodeMessage(const kg::v1::Node& node, bool with_sources);
kg::v1::Edge EdgeMessage(const kg::v1::Edge& edge, bool with_sources);
absl::StatusOr<kg::v1::Node> NodeMessage(graph::query::QueryContext& context,
                                         uint64_t node, bool with_sources);
absl::StatusOr<kg::v1::Edge> EdgeMessage(graph::query::QueryContext& context,
                                         uint64_t edge, bool with_sources);
absl::StatusOr<kg::v1::Path> PathMessage(graph::query::QueryContext& context,
                                         const graph::query::Path& path,
                                         bool with_sources);

}  // namespace kg::services

#endif  // KG_SERVICES_QUERY_MESSAGES_H_
