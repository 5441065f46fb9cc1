#include "kg/loaders/csv_facts.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "csv_record.h"
#include "kg/graph/encoding.h"
#include "kg/loaders/json_value.h"

namespace kg::loaders {
namespace {

constexpr char kCsvExtractor[] = "csv";
constexpr double kCsvConfidence = 1.0;
constexpr char kAliasSeparator = '|';

enum class ValueType { kString, kInt, kDouble, kBool, kDate };

// A property column.
struct PropertyColumn {
  size_t index;
  std::string name;
  ValueType type;
};

// The header row, resolved: where each reserved column is, and the rest.
struct Header {
  CsvFileKind kind;
  size_t width;
  // Reserved column name -> index; absent when the file lacks it.
  std::map<std::string, size_t, std::less<>> reserved;
  std::vector<PropertyColumn> properties;

  std::optional<size_t> Find(absl::string_view name) const {
    const auto it = reserved.find(name);
    if (it == reserved.end()) return std::nullopt;
    return it->second;
  }
};

absl::Status LineError(absl::string_view file_name, int line,
                       absl::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat(file_name, ":", line, ": ", problem));
}

std::optional<ValueType> ParseType(absl::string_view name) {
  if (name == "int") return ValueType::kInt;
  if (name == "double") return ValueType::kDouble;
  if (name == "bool") return ValueType::kBool;
  if (name == "date") return ValueType::kDate;
  return std::nullopt;
}

absl::StatusOr<Header> ParseHeader(const CsvRecord& record,
                                   absl::string_view file_name) {
  std::map<std::string, size_t, std::less<>> columns;
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const std::string name(absl::StripAsciiWhitespace(record.fields[i]));
    if (name.empty()) {
      return LineError(file_name, record.line,
                       absl::StrCat("column ", i + 1, " has no name"));
    }
    if (!columns.emplace(name, i).second) {
      return LineError(file_name, record.line,
                       absl::StrCat("column \"", name, "\" appears twice"));
    }
  }
  const auto has = [&columns](std::initializer_list<absl::string_view> names) {
    for (absl::string_view name : names) {
      if (columns.find(name) == columns.end()) return false;
    }
    return true;
  };
  const bool nodes = has({"key", "label"});
  const bool edges = has({"src", "type", "dst"});
  if (nodes == edges) {
    return LineError(
        file_name, record.line,
        nodes ? "the header has both key,label and src,type,dst columns"
              : "the header needs key,label columns (a nodes file) or "
                "src,type,dst columns (an edges file)");
  }
  Header header;
  header.kind = nodes ? CsvFileKind::kNodes : CsvFileKind::kEdges;
  header.width = record.fields.size();
  const std::vector<absl::string_view> reserved =
      nodes ? std::vector<absl::string_view>{"key", "label", "name", "aliases",
                                             "evidence"}
            : std::vector<absl::string_view>{"src", "type", "dst", "evidence"};
  for (const auto& [column, index] : columns) {
    if (std::find(reserved.begin(), reserved.end(), column) != reserved.end()) {
      header.reserved.emplace(column, index);
      continue;
    }
    PropertyColumn property{index, column, ValueType::kString};
    if (const size_t colon = column.rfind(':'); colon != std::string::npos) {
      const std::optional<ValueType> type = ParseType(column.substr(colon + 1));
      if (!type) {
        return LineError(file_name, record.line,
                         absl::StrCat("column \"", column,
                                      "\": the type after ':' is one of int, "
                                      "double, bool, date"));
      }
      property.name = column.substr(0, colon);
      if (property.name.empty()) {
        return LineError(file_name, record.line,
                         absl::StrCat("column \"", column,
                                      "\" has no property name before ':'"));
      }
      property.type = *type;
    } else if (IsDateProperty(column)) {
      property.type = ValueType::kDate;
    }
    header.properties.push_back(std::move(property));
  }
  return header;
}

absl::Status NotA(absl::string_view text, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("\"", text, "\" is not ", what));
}

absl::StatusOr<kg::v1::Value> ParseValue(absl::string_view text,
                                         ValueType type) {
  kg::v1::Value value;
  switch (type) {
    case ValueType::kString:
      value.set_string_value(std::string(text));
      break;
    case ValueType::kInt: {
      int64_t number;
      if (!absl::SimpleAtoi(text, &number)) return NotA(text, "an integer");
      value.set_int_value(number);
      break;
    }
    case ValueType::kDouble: {
      double number;
      if (!absl::SimpleAtod(text, &number)) return NotA(text, "a number");
      value.set_double_value(number);
      break;
    }
    case ValueType::kBool: {
      bool truth;
      if (!absl::SimpleAtob(text, &truth)) return NotA(text, "true or false");
      value.set_bool_value(truth);
      break;
    }
    case ValueType::kDate: {
      absl::StatusOr<kg::v1::Date> date = graph::ParseDate(text);
      if (!date.ok()) {
        return NotA(text, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      }
      *value.mutable_date_value() = *date;
      break;
    }
  }
  return value;
}

// Builds the facts row by row; one node per key, one edge per triple.
class FactBuilder {
 public:
  FactBuilder(const Header& header, absl::string_view document_key,
              absl::string_view file_name)
      : header_(header), file_name_(file_name) {
    facts_.document_key = std::string(document_key);
  }

  absl::Status Add(const CsvRecord& record) {
    if (record.fields.size() != header_.width) {
      return Error(record, absl::StrCat("expected ", header_.width,
                                        " fields, got ", record.fields.size()));
    }
    return header_.kind == CsvFileKind::kNodes ? AddNode(record)
                                               : AddEdge(record);
  }

  graph::DocumentFacts Take() && { return std::move(facts_); }

 private:
  absl::Status Error(const CsvRecord& record, absl::string_view problem) const {
    return LineError(file_name_, record.line, problem);
  }

  // The cell of a reserved column; "" when the file lacks the column.
  absl::string_view Cell(const CsvRecord& record,
                         absl::string_view column) const {
    const std::optional<size_t> index = header_.Find(column);
    return index ? absl::string_view(record.fields[*index])
                 : absl::string_view();
  }

  absl::Status RequireCells(const CsvRecord& record,
                            std::initializer_list<absl::string_view> columns) {
    for (absl::string_view column : columns) {
      if (Cell(record, column).empty()) {
        return Error(record, absl::StrCat("the ", column, " cell is empty"));
      }
    }
    return absl::OkStatus();
  }

  template <typename FactMessage>
  absl::Status FillCommon(const CsvRecord& record, FactMessage* fact) {
    for (const PropertyColumn& column : header_.properties) {
      const std::string& cell = record.fields[column.index];
      if (cell.empty()) continue;
      absl::StatusOr<kg::v1::Value> value = ParseValue(cell, column.type);
      if (!value.ok()) {
        return Error(record, absl::StrCat("column ", column.name, ": ",
                                          value.status().message()));
      }
      (*fact->mutable_props())[column.name] = *std::move(value);
    }
    kg::v1::Source* source = fact->add_sources();
    source->set_document_key(facts_.document_key);
    source->set_extractor(kCsvExtractor);
    source->set_confidence(kCsvConfidence);
    source->set_evidence(std::string(Cell(record, "evidence")));
    return absl::OkStatus();
  }

  absl::Status AddNode(const CsvRecord& record) {
    absl::Status status = RequireCells(record, {"key", "label"});
    if (!status.ok()) return status;
    const std::string key(Cell(record, "key"));
    if (const auto [it, added] = node_lines_.emplace(key, record.line);
        !added) {
      return Error(record,
                   absl::StrCat("node ", key, " already on line ", it->second));
    }
    kg::v1::Node& node = facts_.nodes.emplace_back();
    node.set_key(key);
    node.set_label(std::string(Cell(record, "label")));
    node.set_name(std::string(Cell(record, "name")));
    for (absl::string_view alias :
         absl::StrSplit(Cell(record, "aliases"), kAliasSeparator)) {
      alias = absl::StripAsciiWhitespace(alias);
      if (!alias.empty()) node.add_aliases(std::string(alias));
    }
    return FillCommon(record, &node);
  }

  absl::Status AddEdge(const CsvRecord& record) {
    absl::Status status = RequireCells(record, {"src", "type", "dst"});
    if (!status.ok()) return status;
    auto triple = std::make_tuple(std::string(Cell(record, "src")),
                                  std::string(Cell(record, "type")),
                                  std::string(Cell(record, "dst")));
    if (const auto [it, added] = edge_lines_.emplace(triple, record.line);
        !added) {
      return Error(record,
                   absl::StrCat("edge ", std::get<0>(triple), " ",
                                std::get<1>(triple), " ", std::get<2>(triple),
                                " already on line ", it->second));
    }
    kg::v1::Edge& edge = facts_.edges.emplace_back();
    edge.set_src_key(std::get<0>(triple));
    edge.set_type(std::get<1>(triple));
    edge.set_dst_key(std::get<2>(triple));
    return FillCommon(record, &edge);
  }

  const Header& header_;
  std::string file_name_;
  graph::DocumentFacts facts_;
  std::map<std::string, int> node_lines_;
  std::map<std::tuple<std::string, std::string, std::string>, int> edge_lines_;
};

absl::StatusOr<Header> ReadHeader(CsvRecordReader& reader,
                                  absl::string_view file_name) {
  CsvRecord record;
  absl::StatusOr<bool> read = reader.Next(&record);
  if (!read.ok()) return read.status();
  if (!*read) {
    return absl::InvalidArgumentError(
        absl::StrCat(file_name, ": no header row"));
  }
  return ParseHeader(record, file_name);
}

}  // namespace

absl::StatusOr<CsvFileKind> CsvKindOf(absl::string_view text,
                                      absl::string_view file_name) {
  CsvRecordReader reader(text, file_name);
  absl::StatusOr<Header> header = ReadHeader(reader, file_name);
  if (!header.ok()) return header.status();
  return header->kind;
}

absl::StatusOr<graph::DocumentFacts> ParseCsvFacts(
    absl::string_view text, absl::string_view document_key,
    absl::string_view file_name) {
  CsvRecordReader reader(text, file_name);
  absl::StatusOr<Header> header = ReadHeader(reader, file_name);
  if (!header.ok()) return header.status();
  FactBuilder builder(*header, document_key, file_name);
  CsvRecord record;
  while (true) {
    absl::StatusOr<bool> read = reader.Next(&record);
    if (!read.ok()) return read.status();
    if (!*read) break;
    absl::Status status = builder.Add(record);
    if (!status.ok()) return status;
  }
  return std::move(builder).Take();
}

}  // namespace kg::loaders
