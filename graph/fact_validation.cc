#include "fact_validation.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kg/graph/encoding.h"
#include "kg/graph/ontology.h"

namespace kg::graph {
namespace {

constexpr size_t kMaxKeyBytes = 512;
constexpr size_t kMaxNameBytes = 4096;
constexpr size_t kMaxAliases = 1000;
constexpr size_t kMaxProps = 256;
constexpr size_t kMaxStringValueBytes = 64 << 10;
constexpr size_t kMaxListValues = 10000;
constexpr size_t kMaxSources = 10000;

absl::Status Invalid(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

bool IsIdentifier(absl::string_view s, bool upper_first, bool allow_lower) {
  if (s.empty() || s.size() > 128) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'A' && c <= 'Z') || (allow_lower && c >= 'a' && c <= 'z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '_'));
    if (i == 0 && upper_first && !(c >= 'A' && c <= 'Z')) return false;
    if (!ok) return false;
  }
  return true;
}

bool HasControlChar(absl::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// Protocol Buffers will not parse a proto3 `string` field that is not
// valid UTF-8, so a record storing one could never be read back: every
// text field is checked here. Overlong forms, surrogates and code points
// past U+10FFFF are invalid.
bool IsValidUtf8(absl::string_view s) {
  static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  for (size_t i = 0; i < s.size();) {
    uint8_t b = static_cast<uint8_t>(s[i]);
    int len = b < 0x80         ? 1
              : (b >> 5) == 6  ? 2
              : (b >> 4) == 14 ? 3
              : (b >> 3) == 30 ? 4
                               : 0;
    if (len == 0 || i + len > s.size()) return false;
    uint32_t cp = len == 1 ? b : b & (0x7f >> len);
    for (int k = 1; k < len; ++k) {
      uint8_t c = static_cast<uint8_t>(s[i + k]);
      if ((c & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < kMinForLength[len] || (cp >= 0xd800 && cp <= 0xdfff) ||
        cp > 0x10ffff) {
      return false;
    }
    i += len;
  }
  return true;
}

absl::Status ValidateKey(absl::string_view key, absl::string_view field) {
  if (key.empty()) return Invalid(field, "must not be empty");
  if (key.size() > kMaxKeyBytes) {
    return Invalid(field, absl::StrCat("longer than ", kMaxKeyBytes, " bytes"));
  }
  size_t colon = key.find(':');
  bool prefix_ok =
      colon != absl::string_view::npos && colon > 0 && colon + 1 < key.size();
  for (size_t i = 0; prefix_ok && i < colon; ++i) {
    prefix_ok = (key[i] >= 'a' && key[i] <= 'z') || key[i] == '_';
  }
  if (!prefix_ok || HasControlChar(key) || absl::StrContains(key, ' ')) {
    return Invalid(
        field, absl::StrFormat("'%s' is not of the form <prefix>:<id>", key));
  }
  if (!IsValidUtf8(key)) return Invalid(field, "is not valid UTF-8");
  return absl::OkStatus();
}

absl::Status ValidateText(absl::string_view text, absl::string_view field) {
  if (text.size() > kMaxNameBytes) {
    return Invalid(field,
                   absl::StrCat("longer than ", kMaxNameBytes, " bytes"));
  }
  if (HasControlChar(text)) return Invalid(field, "has control characters");
  if (!IsValidUtf8(text)) return Invalid(field, "is not valid UTF-8");
  return absl::OkStatus();
}

absl::Status ValidateValue(const kg::v1::Value& value, absl::string_view field,
                           bool in_list) {
  switch (value.kind_case()) {
    case kg::v1::Value::KIND_NOT_SET:
      return Invalid(field, "no value set");
    case kg::v1::Value::kStringValue:
      if (value.string_value().size() > kMaxStringValueBytes) {
        return Invalid(field, absl::StrCat("longer than ", kMaxStringValueBytes,
                                           " bytes"));
      }
      if (!IsValidUtf8(value.string_value())) {
        return Invalid(field, "is not valid UTF-8");
      }
      return absl::OkStatus();
    case kg::v1::Value::kDoubleValue:
      if (value.double_value() != value.double_value()) {
        return Invalid(field, "NaN is not a value");
      }
      return absl::OkStatus();
    case kg::v1::Value::kDateValue: {
      absl::StatusOr<kg::v1::Date> parsed =
          ParseDate(FormatDate(value.date_value()));
      if (!parsed.ok() || value.date_value().year() < 0 ||
          (value.date_value().month() == 0 && value.date_value().day() != 0)) {
        return Invalid(field, "not a valid date");
      }
      return absl::OkStatus();
    }
    case kg::v1::Value::kListValue: {
      if (in_list) return Invalid(field, "lists may not nest");
      const auto& values = value.list_value().values();
      if (values.size() > static_cast<int>(kMaxListValues)) {
        return Invalid(
            field, absl::StrCat("more than ", kMaxListValues, " list values"));
      }
      for (int i = 0; i < values.size(); ++i) {
        absl::Status status =
            ValidateValue(values[i], absl::StrCat(field, "[", i, "]"), true);
        if (!status.ok()) return status;
      }
      return absl::OkStatus();
    }
    default:
      return absl::OkStatus();
  }
}

absl::Status ValidateProps(
    const google::protobuf::Map<std::string, kg::v1::Value>& props,
    absl::string_view field) {
  if (props.size() > kMaxProps) {
    return Invalid(field, absl::StrCat("more than ", kMaxProps, " properties"));
  }
  for (const auto& [name, value] : props) {
    std::string prop_field = absl::StrCat(field, "[", name, "]");
    if (!IsIdentifier(name, false, true)) {
      return Invalid(prop_field, "a property name is letters, digits and _");
    }
    absl::Status status = ValidateValue(value, prop_field, false);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status ValidateSources(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources,
    absl::string_view document_key, absl::string_view field) {
  if (sources.size() > static_cast<int>(kMaxSources)) {
    return Invalid(field, absl::StrCat("more than ", kMaxSources, " sources"));
  }
  for (int i = 0; i < sources.size(); ++i) {
    const kg::v1::Source& source = sources[i];
    std::string at = absl::StrCat(field, "[", i, "]");
    if (!source.document_key().empty() &&
        source.document_key() != document_key) {
      return Invalid(absl::StrCat(at, ".document_key"),
                     absl::StrFormat("'%s' is not the document being "
                                     "committed ('%s')",
                                     source.document_key(), document_key));
    }
    if (source.start() > source.end()) {
      return Invalid(absl::StrCat(at, ".start"), "after end");
    }
    if (!(source.confidence() >= 0 && source.confidence() <= 1)) {
      return Invalid(absl::StrCat(at, ".confidence"), "must be in [0, 1]");
    }
    absl::Status status =
        ValidateText(source.extractor(), absl::StrCat(at, ".extractor"));
    if (!status.ok()) return status;
    if (!IsValidUtf8(source.evidence())) {
      return Invalid(absl::StrCat(at, ".evidence"), "is not valid UTF-8");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateNode(const kg::v1::Node& node,
                          absl::string_view document_key,
                          absl::string_view field) {
  absl::Status status = ValidateKey(node.key(), absl::StrCat(field, ".key"));
  if (!status.ok()) return status;
  if (!IsIdentifier(node.label(), true, true)) {
    return Invalid(absl::StrCat(field, ".label"),
                   absl::StrFormat("'%s' is not a label (CamelCase letters)",
                                   node.label()));
  }
  // Labels the ontology names fix the key prefix; labels the project adds
  // may use any.
  std::string prefix = KeyPrefixForLabel(node.label());
  if (!prefix.empty() &&
      !absl::StartsWith(node.key(), absl::StrCat(prefix, ":"))) {
    return Invalid(
        absl::StrCat(field, ".key"),
        absl::StrFormat("a %s key starts with '%s:'", node.label(), prefix));
  }
  status = ValidateText(node.name(), absl::StrCat(field, ".name"));
  if (!status.ok()) return status;
  if (node.aliases_size() > static_cast<int>(kMaxAliases)) {
    return Invalid(absl::StrCat(field, ".aliases"),
                   absl::StrCat("more than ", kMaxAliases, " aliases"));
  }
  for (int i = 0; i < node.aliases_size(); ++i) {
    status =
        ValidateText(node.aliases(i), absl::StrCat(field, ".aliases[", i, "]"));
    if (!status.ok()) return status;
  }
  status = ValidateProps(node.props(), absl::StrCat(field, ".props"));
  if (!status.ok()) return status;
  return ValidateSources(node.sources(), document_key,
                         absl::StrCat(field, ".sources"));
}

absl::Status ValidateEdge(const kg::v1::Edge& edge,
                          absl::string_view document_key,
                          absl::string_view field) {
  absl::Status status =
      ValidateKey(edge.src_key(), absl::StrCat(field, ".src_key"));
  if (!status.ok()) return status;
  status = ValidateKey(edge.dst_key(), absl::StrCat(field, ".dst_key"));
  if (!status.ok()) return status;
  status = ValidateEdgeType(edge.type(), absl::StrCat(field, ".type"));
  if (!status.ok()) return status;
  status = ValidateProps(edge.props(), absl::StrCat(field, ".props"));
  if (!status.ok()) return status;
  return ValidateSources(edge.sources(), document_key,
                         absl::StrCat(field, ".sources"));
}

absl::Status ValidateEdgeType(absl::string_view type, absl::string_view field) {
  if (!IsIdentifier(type, true, false)) {
    return Invalid(
        field, absl::StrFormat("'%s' is not an edge type (UPPER_CASE)", type));
  }
  return absl::OkStatus();
}

absl::Status ValidateDocumentKey(absl::string_view key,
                                 absl::string_view field) {
  absl::Status status = ValidateKey(key, field);
  if (!status.ok()) return status;
  if (!absl::StartsWith(key, "doc:")) {
    return Invalid(field,
                   absl::StrFormat("'%s' does not start with 'doc:'", key));
  }
  return absl::OkStatus();
}

absl::Status ValidateDocumentFacts(const DocumentFacts& facts) {
  absl::Status status = ValidateDocumentKey(facts.document_key, "document_key");
  if (!status.ok()) return status;
  // A key said twice must keep its label: otherwise the first mention's
  // label would silently win.
  absl::flat_hash_map<absl::string_view, size_t> first_mention;
  for (size_t i = 0; i < facts.nodes.size(); ++i) {
    const kg::v1::Node& node = facts.nodes[i];
    status =
        ValidateNode(node, facts.document_key, absl::StrCat("nodes[", i, "]"));
    if (!status.ok()) return status;
    auto [first, inserted] = first_mention.try_emplace(node.key(), i);
    const kg::v1::Node& earlier = facts.nodes[first->second];
    if (!inserted && earlier.label() != node.label()) {
      return Invalid(absl::StrCat("nodes[", i, "].label"),
                     absl::StrFormat("'%s' conflicts with nodes[%d].label "
                                     "'%s' for key '%s'",
                                     node.label(), first->second,
                                     earlier.label(), node.key()));
    }
  }
  for (size_t i = 0; i < facts.edges.size(); ++i) {
    status = ValidateEdge(facts.edges[i], facts.document_key,
                          absl::StrCat("edges[", i, "]"));
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
