// Request checks and conversions shared by the QueryService plans
// (internal to services/). Errors name the request field.
#ifndef KG_SERVICES_QUERY_REQUESTS_H_
#define KG_SERVICES_QUERY_REQUESTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/query_context.h"
#include "kg/v1/query_service.pb.h"

namespace kg::services {

using Strings = google::protobuf::RepeatedPtrField<std::string>;

// InvalidArgument unless the date is a real one of year, month or day
// precision.
absl::Status CheckDate(absl::string_view field, const kg::v1::Date& date);

// The request's `as_of` when it has one, checked.
absl::StatusOr<std::optional<kg::v1::Date>> AsOf(absl::string_view field,
                                                 bool has_as_of,
                                                 const kg::v1::Date& as_of);

// Every item non-empty ("edge_types[1]: must not be empty").
absl::StatusOr<std::vector<std::string>> NonEmptyItems(absl::string_view field,
                                                       const Strings& items);

// The step of an expansion from a request's edge types, direction and
// node labels, checked.
absl::StatusOr<graph::query::StepFilter> StepOf(const Strings& edge_types,
                                                kg::v1::Direction direction,
                                                const Strings& node_labels);

// A requested limit: `fallback` for 0, InvalidArgument when negative,
// ResourceExhausted naming `cap_name` above `cap`.
absl::StatusOr<int64_t> Capped(absl::string_view field, int64_t requested,
                               int64_t fallback, absl::string_view cap_name,
                               int64_t cap);

// The id of the node with `key`: InvalidArgument when empty, NotFound
// naming the field when no node has it or it does not hold as of the
// query's date.
absl::StatusOr<uint64_t> ResolveKey(graph::query::QueryContext& context,
                                    absl::string_view field,
                                    absl::string_view key);

}  // namespace kg::services

#endif  // KG_SERVICES_QUERY_REQUESTS_H_
