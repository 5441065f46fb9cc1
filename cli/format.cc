#include "format.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "kg/graph/encoding.h"
#include "kg/loaders/json_value.h"

namespace kg::cli {

std::string MessageJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  // Printing fails only for messages that hold an Any of an unknown type;
  // ours hold none.
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

std::string ValueText(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kStringValue:
      return value.string_value();
    case kg::v1::Value::kIntValue:
      return absl::StrCat(value.int_value());
    case kg::v1::Value::kDoubleValue:
      return absl::StrCat(value.double_value());
    case kg::v1::Value::kBoolValue:
      return value.bool_value() ? "true" : "false";
    case kg::v1::Value::kDateValue:
      return graph::FormatDate(value.date_value());
    case kg::v1::Value::kListValue:
      return absl::StrCat(
          "[",
          absl::StrJoin(value.list_value().values(), ", ",
                        [](std::string* out, const kg::v1::Value& element) {
                          out->append(ValueText(element));
                        }),
          "]");
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string PropsText(
    const google::protobuf::Map<std::string, kg::v1::Value>& props) {
  std::vector<std::string> pairs;
  for (const auto& [name, value] : props) {
    pairs.push_back(absl::StrCat(name, "=", ValueText(value)));
  }
  std::sort(pairs.begin(), pairs.end());
  return absl::StrJoin(pairs, " ");
}

std::string DocumentsText(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources) {
  std::vector<std::string> documents;
  for (const kg::v1::Source& source : sources) {
    if (std::find(documents.begin(), documents.end(), source.document_key()) ==
        documents.end()) {
      documents.push_back(source.document_key());
    }
  }
  return absl::StrJoin(documents, ",");
}

std::string CommitSummaryText(const kg::v1::CommitSummary& summary) {
  const auto counts = [](uint64_t nodes, uint64_t edges) {
    return absl::StrCat(nodes, nodes == 1 ? " node, " : " nodes, ", edges,
                        edges == 1 ? " edge" : " edges");
  };
  return absl::StrCat(
      summary.document_key(), ": ",
      counts(summary.nodes_asserted(), summary.edges_asserted()), " asserted; ",
      counts(summary.nodes_created(), summary.edges_created()), " created; ",
      counts(summary.nodes_deleted(), summary.edges_deleted()), " deleted",
      summary.changed() ? "" : " (unchanged)");
}

absl::StatusOr<std::pair<std::string, kg::v1::Value>> ParsePropertyFilter(
    absl::string_view text) {
  const size_t equals = text.find('=');
  if (equals == text.npos || equals == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--prop: expected NAME=VALUE, got \"", text, "\""));
  }
  const std::string name(text.substr(0, equals));
  const absl::string_view value_text = text.substr(equals + 1);
  google::protobuf::Value json;
  if (loaders::IsDateProperty(name) ||
      !google::protobuf::util::JsonStringToMessage(
           google::protobuf::StringPiece(value_text.data(), value_text.size()),
           &json)
           .ok()) {
    json.set_string_value(std::string(value_text));
  }
  absl::StatusOr<kg::v1::Value> value = loaders::ValueFromJson(name, json);
  if (!value.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--prop ", name, ": ", value.status().message()));
  }
  return std::make_pair(name, *std::move(value));
}

}  // namespace kg::cli
