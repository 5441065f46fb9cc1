#include "cypher_values.h"

#include "absl/strings/str_cat.h"

namespace kg::services {
namespace {

using graph::cypher::Value;
using Kind = Value::Kind;
using PropertyMap = google::protobuf::Map<std::string, kg::v1::CypherValue>;

absl::Status FillProperties(const Value::Map& properties,
                            graph::cypher::PropertyGraph& graph,
                            PropertyMap* out) {
  for (const auto& [key, value] : properties) {
    absl::StatusOr<kg::v1::CypherValue> message = ToCypherMessage(value, graph);
    if (!message.ok()) return message.status();
    (*out)[key] = *std::move(message);
  }
  return absl::OkStatus();
}

absl::Status FillNode(uint64_t id, graph::cypher::PropertyGraph& graph,
                      kg::v1::CypherNode* out) {
  absl::StatusOr<graph::cypher::NodeData> node = graph.Node(id);
  if (!node.ok()) return node.status();
  out->set_id(id);
  out->set_key(node->key);
  for (const std::string& label : node->labels) out->add_labels(label);
  return FillProperties(node->properties, graph, out->mutable_properties());
}

absl::Status FillRelationship(uint64_t id, graph::cypher::PropertyGraph& graph,
                              kg::v1::CypherRelationship* out) {
  absl::StatusOr<graph::cypher::RelationshipData> rel = graph.Relationship(id);
  if (!rel.ok()) return rel.status();
  out->set_id(id);
  out->set_type(rel->type);
  out->set_start_node_id(rel->src);
  out->set_end_node_id(rel->dst);
  return FillProperties(rel->properties, graph, out->mutable_properties());
}

}  // namespace

absl::StatusOr<Value> FromCypherMessage(absl::string_view field,
                                        const kg::v1::CypherValue& message) {
  switch (message.kind_case()) {
    case kg::v1::CypherValue::kNullValue:
      return Value();
    case kg::v1::CypherValue::kBoolValue:
      return Value(message.bool_value());
    case kg::v1::CypherValue::kIntValue:
      return Value(static_cast<int64_t>(message.int_value()));
    case kg::v1::CypherValue::kFloatValue:
      return Value(message.float_value());
    case kg::v1::CypherValue::kStringValue:
      return Value(message.string_value());
    case kg::v1::CypherValue::kListValue: {
      Value::List list;
      for (int i = 0; i < message.list_value().values_size(); ++i) {
        absl::StatusOr<Value> item = FromCypherMessage(
            absl::StrCat(field, "[", i, "]"), message.list_value().values(i));
        if (!item.ok()) return item;
        list.push_back(*std::move(item));
      }
      return Value(std::move(list));
    }
    case kg::v1::CypherValue::kMapValue: {
      Value::Map map;
      for (const auto& [key, entry] : message.map_value().entries()) {
        absl::StatusOr<Value> item =
            FromCypherMessage(absl::StrCat(field, ".", key), entry);
        if (!item.ok()) return item;
        map[key] = *std::move(item);
      }
      return Value(std::move(map));
    }
    case kg::v1::CypherValue::kNodeValue:
    case kg::v1::CypherValue::kRelationshipValue:
    case kg::v1::CypherValue::kPathValue:
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": nodes, relationships and paths cannot be parameters"));
    case kg::v1::CypherValue::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError(absl::StrCat(field, ": no value set"));
}

absl::StatusOr<kg::v1::CypherValue> ToCypherMessage(
    const Value& value, graph::cypher::PropertyGraph& graph) {
  kg::v1::CypherValue out;
  absl::Status status;
  switch (value.kind()) {
    case Kind::kNull:
      out.set_null_value(true);
      break;
    case Kind::kBool:
      out.set_bool_value(value.as_bool());
      break;
    case Kind::kInt:
      out.set_int_value(value.as_int());
      break;
    case Kind::kFloat:
      out.set_float_value(value.as_float());
      break;
    case Kind::kString:
      out.set_string_value(value.as_string());
      break;
    case Kind::kList:
      for (const Value& item : value.as_list()) {
        absl::StatusOr<kg::v1::CypherValue> message =
            ToCypherMessage(item, graph);
        if (!message.ok()) return message.status();
        *out.mutable_list_value()->add_values() = *std::move(message);
      }
      out.mutable_list_value();
      break;
    case Kind::kMap:
      status = FillProperties(value.as_map(), graph,
                              out.mutable_map_value()->mutable_entries());
      break;
    case Kind::kNode:
      status = FillNode(value.as_node().id, graph, out.mutable_node_value());
      break;
    case Kind::kRelationship:
      status = FillRelationship(value.as_relationship().id, graph,
                                out.mutable_relationship_value());
      break;
    case Kind::kPath: {
      kg::v1::CypherPath* path = out.mutable_path_value();
      for (uint64_t id : value.as_path().nodes) {
        status.Update(FillNode(id, graph, path->add_nodes()));
      }
      for (const graph::query::EdgeRef& edge : value.as_path().edges) {
        status.Update(
            FillRelationship(edge.id, graph, path->add_relationships()));
      }
      break;
    }
  }
  if (!status.ok()) return status;
  return out;
}

absl::StatusOr<Value::Map> RunParameters(const kg::v1::RunRequest& request) {
  Value::Map parameters;
  for (const auto& [name, message] : request.parameters()) {
    absl::StatusOr<Value> value =
        FromCypherMessage(absl::StrCat("parameters.", name), message);
    if (!value.ok()) return value.status();
    parameters[name] = *std::move(value);
  }
  return parameters;
}

absl::Status WriteRunResult(
    const graph::cypher::QueryResult& result,
    graph::cypher::PropertyGraph& graph,
    const std::function<bool(const kg::v1::RunResponse&)>& write) {
  kg::v1::RunResponse header;
  for (const std::string& column : result.columns) header.add_columns(column);
  if (!write(header)) return absl::CancelledError("the client went away");
  for (const std::vector<Value>& row : result.rows) {
    kg::v1::RunResponse message;
    for (const Value& value : row) {
      absl::StatusOr<kg::v1::CypherValue> converted =
          ToCypherMessage(value, graph);
      if (!converted.ok()) return converted.status();
      *message.add_values() = *std::move(converted);
    }
    if (!write(message)) return absl::CancelledError("the client went away");
  }
  return absl::OkStatus();
}

}  // namespace kg::services
