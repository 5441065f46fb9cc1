// Turning API messages into text for people (tables) and machines (--json),
// and property values given on the command line into API values.
#ifndef KG_CLI_FORMAT_H_
#define KG_CLI_FORMAT_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/map.h"
#include "google/protobuf/message.h"
#include "google/protobuf/repeated_field.h"
#include "kg/v1/ingest_service.pb.h"
#include "kg/v1/types.pb.h"

namespace kg::cli {

// One line of protobuf's JSON mapping, with the .proto field names.
std::string MessageJson(const google::protobuf::Message& message);

// A value as people write it: strings bare, dates in ISO form, lists in [].
std::string ValueText(const kg::v1::Value& value);

// "as_of=2018-05 role=chair", sorted by name.
std::string PropsText(
    const google::protobuf::Map<std::string, kg::v1::Value>& props);

// The distinct documents of `sources`, in order, comma-separated.
std::string DocumentsText(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources);

// "doc:x: 3 nodes, 5 edges asserted; 1 node, 2 edges created; 0 nodes,
// 0 edges deleted", with " (unchanged)" when the commit changed nothing.
std::string CommitSummaryText(const kg::v1::CommitSummary& summary);

// Reads "NAME=VALUE" for a property filter. Under a date property VALUE is
// a date; elsewhere it is read as a JSON value (42, 1.5, true, "x",
// {"$date":"2018"}) and, if it is not JSON, taken as a string.
absl::StatusOr<std::pair<std::string, kg::v1::Value>> ParsePropertyFilter(
    absl::string_view text);

}  // namespace kg::cli

#endif  // KG_CLI_FORMAT_H_
