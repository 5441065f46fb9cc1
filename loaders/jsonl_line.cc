#include "jsonl_line.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "kg/loaders/json_value.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::loaders {
namespace {

using google::protobuf::Map;
using google::protobuf::RepeatedPtrField;
using google::protobuf::Struct;
using JsonValue = google::protobuf::Value;

// Typed access to the members of one JSON object. Errors name the member by
// its path in the line: "aliases: ...", "sources[1].start: ...".
class Members {
 public:
  // `what` names the object in "node has no \"key\""; `prefix` is its path
  // ("" for the line itself, "sources[1]." for a source).
  Members(const Struct& object, std::string what, std::string prefix)
      : object_(object), what_(std::move(what)), prefix_(std::move(prefix)) {}

  absl::Status OnlyThese(
      std::initializer_list<absl::string_view> allowed) const {
    for (const auto& [name, value] : object_.fields()) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        return absl::InvalidArgumentError(
            absl::StrCat(what_, " has unknown member \"", name, "\""));
      }
    }
    return absl::OkStatus();
  }

  const JsonValue* Find(absl::string_view name) const {
    auto it = object_.fields().find(std::string(name));
    return it == object_.fields().end() ? nullptr : &it->second;
  }

  absl::Status Error(absl::string_view name, absl::string_view problem) const {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix_, name, ": ", problem));
  }

  // Leaves `out` alone when the member is absent.
  absl::Status String(absl::string_view name, std::string* out) const {
    const JsonValue* value = Find(name);
    if (value == nullptr) return absl::OkStatus();
    if (value->kind_case() != JsonValue::kStringValue) {
      return Error(name, "must be a string");
    }
    *out = value->string_value();
    return absl::OkStatus();
  }

  absl::Status RequiredString(absl::string_view name, std::string* out) const {
    absl::Status status = String(name, out);
    if (status.ok() && out->empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(what_, " has no \"", name, "\""));
    }
    return status;
  }

  absl::Status StringList(absl::string_view name,
                          RepeatedPtrField<std::string>* out) const {
    const JsonValue* value = Find(name);
    if (value == nullptr) return absl::OkStatus();
    if (value->kind_case() != JsonValue::kListValue) {
      return Error(name, "must be an array of strings");
    }
    for (const JsonValue& element : value->list_value().values()) {
      if (element.kind_case() != JsonValue::kStringValue) {
        return Error(name, "must be an array of strings");
      }
      out->Add(std::string(element.string_value()));
    }
    return absl::OkStatus();
  }

  // A byte offset: a non-negative integer; 0 when absent.
  absl::Status Offset(absl::string_view name, uint64_t* out) const {
    const JsonValue* value = Find(name);
    if (value == nullptr) return absl::OkStatus();
    const double number = value->number_value();
    if (value->kind_case() != JsonValue::kNumberValue || number < 0 ||
        std::trunc(number) != number || number >= 0x1p64) {
      return Error(name, "must be a non-negative integer");
    }
    *out = static_cast<uint64_t>(number);
    return absl::OkStatus();
  }

  // A number in [0, 1]; 0 when absent.
  absl::Status Fraction(absl::string_view name, double* out) const {
    const JsonValue* value = Find(name);
    if (value == nullptr) return absl::OkStatus();
    if (value->kind_case() != JsonValue::kNumberValue ||
        !(value->number_value() >= 0 && value->number_value() <= 1)) {
      return Error(name, "must be a number in [0, 1]");
    }
    *out = value->number_value();
    return absl::OkStatus();
  }

 private:
  const Struct& object_;
  std::string what_;
  std::string prefix_;
};

absl::Status ParseProps(const Members& members,
                        Map<std::string, kg::v1::Value>* props) {
  const JsonValue* object = members.Find("props");
  if (object == nullptr) return absl::OkStatus();
  if (object->kind_case() != JsonValue::kStructValue) {
    return members.Error("props", "must be an object");
  }
  for (const auto& [name, json] : object->struct_value().fields()) {
    if (name.empty()) return members.Error("props", "has an empty name");
    absl::StatusOr<kg::v1::Value> value = ValueFromJson(name, json);
    if (!value.ok()) {
      return members.Error(absl::StrCat("props.", name),
                           value.status().message());
    }
    (*props)[name] = *std::move(value);
  }
  return absl::OkStatus();
}

absl::Status ParseSource(const Struct& object, int index,
                         kg::v1::Source* source) {
  const std::string path = absl::StrCat("sources[", index, "]");
  const Members members(object, path, absl::StrCat(path, "."));
  absl::Status status = members.OnlyThese(
      {"document_key", "start", "end", "extractor", "confidence", "evidence"});
  uint64_t start = 0;
  uint64_t end = 0;
  double confidence = 0;
  if (status.ok()) {
    status = members.String("document_key", source->mutable_document_key());
  }
  if (status.ok()) status = members.Offset("start", &start);
  if (status.ok()) status = members.Offset("end", &end);
  if (status.ok() && end < start)
    status = members.Error("end", "is before start");
  if (status.ok())
    status = members.String("extractor", source->mutable_extractor());
  if (status.ok()) status = members.Fraction("confidence", &confidence);
  if (status.ok())
    status = members.String("evidence", source->mutable_evidence());
  source->set_start(start);
  source->set_end(end);
  source->set_confidence(confidence);
  return status;
}

// The line's "sources", or the one source a line without them gets. The
// line's "evidence" is the evidence of every source that gives none.
absl::Status ParseSources(const Members& members,
                          RepeatedPtrField<kg::v1::Source>* sources) {
  std::string evidence;
  absl::Status status = members.String("evidence", &evidence);
  if (!status.ok()) return status;
  const JsonValue* list = members.Find("sources");
  if (list == nullptr) {
    kg::v1::Source* source = sources->Add();
    source->set_extractor(kJsonlExtractor);
    source->set_confidence(kJsonlConfidence);
    source->set_evidence(evidence);
    return absl::OkStatus();
  }
  if (list->kind_case() != JsonValue::kListValue ||
      list->list_value().values().empty()) {
    return members.Error("sources", "must be a non-empty array of objects");
  }
  for (int i = 0; i < list->list_value().values_size(); ++i) {
    const JsonValue& element = list->list_value().values(i);
    if (element.kind_case() != JsonValue::kStructValue) {
      return members.Error("sources", "must be a non-empty array of objects");
    }
    kg::v1::Source* source = sources->Add();
    status = ParseSource(element.struct_value(), i, source);
    if (!status.ok()) return status;
    if (source->evidence().empty()) source->set_evidence(evidence);
  }
  return absl::OkStatus();
}

absl::StatusOr<kg::v1::Node> ParseNode(const Struct& object) {
  const Members members(object, "node", "");
  kg::v1::Node node;
  absl::Status status =
      members.OnlyThese({"kind", "key", "label", "name", "aliases", "props",
                         "evidence", "sources"});
  if (status.ok()) status = members.RequiredString("key", node.mutable_key());
  if (status.ok())
    status = members.RequiredString("label", node.mutable_label());
  if (status.ok()) status = members.String("name", node.mutable_name());
  if (status.ok())
    status = members.StringList("aliases", node.mutable_aliases());
  if (status.ok()) status = ParseProps(members, node.mutable_props());
  if (status.ok()) status = ParseSources(members, node.mutable_sources());
  if (!status.ok()) return status;
  return node;
}

absl::StatusOr<kg::v1::Edge> ParseEdge(const Struct& object) {
  const Members members(object, "edge", "");
  kg::v1::Edge edge;
  absl::Status status = members.OnlyThese(
      {"kind", "src", "type", "dst", "props", "evidence", "sources"});
  if (status.ok())
    status = members.RequiredString("src", edge.mutable_src_key());
  if (status.ok()) status = members.RequiredString("type", edge.mutable_type());
  if (status.ok())
    status = members.RequiredString("dst", edge.mutable_dst_key());
  if (status.ok()) status = ParseProps(members, edge.mutable_props());
  if (status.ok()) status = ParseSources(members, edge.mutable_sources());
  if (!status.ok()) return status;
  return edge;
}

// `,"name":"text"`
void AppendStringMember(absl::string_view name, absl::string_view text,
                        std::string* out) {
  absl::StrAppend(out, ",\"", name, "\":");
  AppendJsonString(text, out);
}

void AppendSource(const kg::v1::Source& source, std::string* out) {
  out->append("{\"document_key\":");
  AppendJsonString(source.document_key(), out);
  absl::StrAppend(out, ",\"start\":", source.start(),
                  ",\"end\":", source.end());
  AppendStringMember("extractor", source.extractor(), out);
  out->append(",\"confidence\":");
  AppendJsonNumber(source.confidence(), out);
  AppendStringMember("evidence", source.evidence(), out);
  out->append("}");
}

// The members a node and an edge share, closing the line's object. Props
// come sorted by name so that a dump is stable.
template <typename FactMessage>
void AppendPropsAndSources(const FactMessage& fact, std::string* out) {
  if (!fact.props().empty()) {
    std::vector<const std::string*> names;
    for (const auto& [name, value] : fact.props()) names.push_back(&name);
    std::sort(
        names.begin(), names.end(),
        [](const std::string* a, const std::string* b) { return *a < *b; });
    out->append(",\"props\":{");
    for (const std::string* name : names) {
      if (name != names.front()) out->append(",");
      AppendJsonString(*name, out);
      out->append(":");
      AppendValueJson(*name, fact.props().at(*name), out);
    }
    out->append("}");
  }
  if (!fact.sources().empty()) {
    out->append(",\"sources\":[");
    for (const kg::v1::Source& source : fact.sources()) {
      if (&source != &fact.sources(0)) out->append(",");
      AppendSource(source, out);
    }
    out->append("]");
  }
  out->append("}");
}

}  // namespace

absl::StatusOr<Fact> ParseFactLine(absl::string_view line) {
  if (!absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), "{")) {
    return absl::InvalidArgumentError("not a JSON object");
  }
  Struct object;
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(line.data(), line.size()), &object);
  if (!parsed.ok()) {
    // The parser's message goes on with the line and a caret; the first
    // line says what is wrong.
    const absl::string_view message(parsed.message().data(),
                                    parsed.message().size());
    return absl::InvalidArgumentError(
        absl::StrCat("invalid JSON: ", *absl::StrSplit(message, '\n').begin()));
  }
  std::string kind;
  absl::Status status =
      Members(object, "line", "").RequiredString("kind", &kind);
  if (!status.ok()) return status;
  if (kind == "node") return ParseNode(object);
  if (kind == "edge") return ParseEdge(object);
  return absl::InvalidArgumentError(
      absl::StrCat("kind: must be \"node\" or \"edge\", not \"", kind, "\""));
}

std::string NodeToJsonl(const kg::v1::Node& node) {
  std::string out = "{\"kind\":\"node\"";
  AppendStringMember("key", node.key(), &out);
  AppendStringMember("label", node.label(), &out);
  AppendStringMember("name", node.name(), &out);
  if (!node.aliases().empty()) {
    out.append(",\"aliases\":[");
    for (const std::string& alias : node.aliases()) {
      if (&alias != &node.aliases(0)) out.append(",");
      AppendJsonString(alias, &out);
    }
    out.append("]");
  }
  AppendPropsAndSources(node, &out);
  return out;
}

std::string EdgeToJsonl(const kg::v1::Edge& edge) {
  std::string out = "{\"kind\":\"edge\"";
  AppendStringMember("src", edge.src_key(), &out);
  AppendStringMember("type", edge.type(), &out);
  AppendStringMember("dst", edge.dst_key(), &out);
  AppendPropsAndSources(edge, &out);
  return out;
}

}  // namespace kg::loaders
