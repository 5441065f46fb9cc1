// kg query 'MATCH ...': one openCypher query through QueryService.Run,
// printed as a table of Cypher-syntax cells, or with --json one JSON
// object a row keyed by column.
#include <algorithm>
#include <cmath>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "commands/command.h"
#include "export/escaping.h"
#include "format.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

using kg::v1::CypherValue;
using PropertyMap = google::protobuf::Map<std::string, CypherValue>;

// Renders values as Cypher literals (the table) or as JSON.
class Renderer {
 public:
  explicit Renderer(bool json) : json_(json) {}

  std::string Value(const CypherValue& v) const {
    switch (v.kind_case()) {
      case CypherValue::kBoolValue:
        return v.bool_value() ? "true" : "false";
      case CypherValue::kIntValue:
        return absl::StrCat(v.int_value());
      case CypherValue::kFloatValue:
        return Float(v.float_value());
      case CypherValue::kStringValue:
        return json_ ? JsonString(v.string_value())
                     : absl::StrCat("'", v.string_value(), "'");
      case CypherValue::kListValue: {
        std::vector<std::string> items;
        for (const CypherValue& item : v.list_value().values()) {
          items.push_back(Value(item));
        }
        return absl::StrCat("[", absl::StrJoin(items, ", "), "]");
      }
      case CypherValue::kMapValue:
        return Map(v.map_value().entries());
      case CypherValue::kNodeValue:
        return Node(v.node_value());
      case CypherValue::kRelationshipValue:
        return Relationship(v.relationship_value());
      case CypherValue::kPathValue:
        return Path(v.path_value());
      case CypherValue::kNullValue:
      case CypherValue::KIND_NOT_SET:
        break;
    }
    return "null";
  }

 private:
  std::string Float(double d) const {
    if (!std::isfinite(d)) return json_ ? "null" : absl::StrCat(d);
    std::string s = absl::StrCat(d);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
  }
  std::string Map(const PropertyMap& entries) const {
    std::vector<std::string> keys;
    for (const auto& [key, value] : entries) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    std::vector<std::string> parts;
    for (const std::string& key : keys) {
      parts.push_back(absl::StrCat(json_ ? JsonString(key) : key, ": ",
                                   Value(entries.at(key))));
    }
    return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
  }
  std::string Node(const kg::v1::CypherNode& node) const {
    if (json_) {
      std::vector<std::string> labels;
      for (const std::string& l : node.labels())
        labels.push_back(JsonString(l));
      return absl::StrCat("{\"id\": ", node.id(),
                          ", \"key\": ", JsonString(node.key()),
                          ", \"labels\": [", absl::StrJoin(labels, ", "),
                          "], \"properties\": ", Map(node.properties()), "}");
    }
    std::string labels;
    for (const std::string& l : node.labels()) absl::StrAppend(&labels, ":", l);
    return absl::StrCat("(", labels, " ", Map(node.properties()), ")");
  }
  std::string Relationship(const kg::v1::CypherRelationship& rel) const {
    if (json_) {
      return absl::StrCat("{\"id\": ", rel.id(),
                          ", \"type\": ", JsonString(rel.type()),
                          ", \"start\": ", rel.start_node_id(),
                          ", \"end\": ", rel.end_node_id(),
                          ", \"properties\": ", Map(rel.properties()), "}");
    }
    return absl::StrCat("[:", rel.type(), " ", Map(rel.properties()), "]");
  }
  std::string Path(const kg::v1::CypherPath& path) const {
    if (json_) {
      std::vector<std::string> nodes;
      std::vector<std::string> rels;
      for (const auto& n : path.nodes()) nodes.push_back(Node(n));
      for (const auto& r : path.relationships())
        rels.push_back(Relationship(r));
      return absl::StrCat("{\"nodes\": [", absl::StrJoin(nodes, ", "),
                          "], \"relationships\": [", absl::StrJoin(rels, ", "),
                          "]}");
    }
    std::string out = "<";
    for (int i = 0; i < path.nodes_size(); ++i) {
      if (i > 0) {
        const kg::v1::CypherRelationship& rel = path.relationships(i - 1);
        bool forward = rel.start_node_id() == path.nodes(i - 1).id();
        absl::StrAppend(&out, forward ? "-" : "<-", Relationship(rel),
                        forward ? "->" : "-");
      }
      absl::StrAppend(&out, Node(path.nodes(i)));
    }
    return out + ">";
  }

  bool json_;
};

// "--param name=value": an integer, a float, true, false or null, else
// a string.
absl::Status AddParameter(const std::string& spec,
                          kg::v1::RunRequest* request) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--param: expected NAME=VALUE, got \"", spec, "\""));
  }
  std::string text = spec.substr(eq + 1);
  CypherValue& value = (*request->mutable_parameters())[spec.substr(0, eq)];
  int64_t i = 0;
  double d = 0;
  if (absl::SimpleAtoi(text, &i)) {
    value.set_int_value(i);
  } else if (absl::SimpleAtod(text, &d)) {
    value.set_float_value(d);
  } else if (text == "true" || text == "false") {
    value.set_bool_value(text == "true");
  } else if (text == "null") {
    value.set_null_value(true);
  } else {
    value.set_string_value(text);
  }
  return absl::OkStatus();
}

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::RunRequest request;
  request.set_query(args.positional()[0]);
  for (const std::string& spec : args.Values("param")) {
    if (absl::Status s = AddParameter(spec, &request); !s.ok()) {
      return ReportUsageError(s, context.err);
    }
  }
  if (absl::Status s = ApplyAsOf(args, &request); !s.ok()) {
    return ReportUsageError(s, context.err);
  }
  std::unique_ptr<grpc::ClientContext> call = context.connection.NewContext();
  std::unique_ptr<grpc::ClientReader<kg::v1::RunResponse>> reader =
      context.connection.query().Run(call.get(), request);
  kg::v1::RunResponse message;
  std::vector<std::string> columns;
  if (reader->Read(&message)) {
    columns.assign(message.columns().begin(), message.columns().end());
  }
  Table table(columns);
  Renderer renderer(context.json);
  while (reader->Read(&message)) {
    std::vector<std::string> cells;
    for (const CypherValue& value : message.values()) {
      cells.push_back(renderer.Value(value));
    }
    if (context.json) {
      std::vector<std::string> fields;
      for (size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
        fields.push_back(absl::StrCat(JsonString(columns[i]), ": ", cells[i]));
      }
      context.out << "{" << absl::StrJoin(fields, ", ") << "}\n";
    } else {
      table.AddRow(cells);
    }
  }
  absl::Status status = ToAbslStatus(reader->Finish());
  if (!status.ok()) return ReportError(status, context.err);
  if (!context.json) table.Print(context.out);
  return kExitOk;
}

}  // namespace

Command QueryCommand() {
  return Command{"query",
                 "CYPHER",
                 "Run an openCypher read query (MATCH ... RETURN ...); "
                 "EXPLAIN shows its plan.",
                 {{"param", "NAME=VALUE", true,
                   "A query parameter $NAME (integer, float, true, false, "
                   "null or string)."},
                  AsOfOption()},
                 1,
                 1,
                 Run};
}

}  // namespace kg::cli
