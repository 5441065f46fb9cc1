#include "eval_report.h"

#include <map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kg/loaders/json_value.h"
#include "table.h"

namespace kg::cli {
namespace {

const std::vector<std::string>& CountHeaders() {
  static const auto* headers = new std::vector<std::string>{
      "GOLD", "PRODUCED", "MATCHED", "P", "R", "F1"};
  return *headers;
}

// The row cells of `first` followed by the cells of `counts`.
std::vector<std::string> Row(std::vector<std::string> first,
                             const eval::Counts& counts) {
  for (std::string cell :
       {absl::StrCat(counts.gold), absl::StrCat(counts.produced),
        absl::StrCat(counts.matched),
        absl::StrFormat("%.3f", counts.precision()),
        absl::StrFormat("%.3f", counts.recall()),
        absl::StrFormat("%.3f", counts.f1())}) {
    first.push_back(std::move(cell));
  }
  return first;
}

Table TableWith(std::vector<std::string> header) {
  header.insert(header.end(), CountHeaders().begin(), CountHeaders().end());
  return Table(std::move(header));
}

void PrintCountsByName(const std::string& name_header,
                       const std::map<std::string, eval::Counts>& counts,
                       std::ostream& out) {
  Table table = TableWith({name_header});
  for (const auto& [name, by_name] : counts) table.AddRow(Row({name}, by_name));
  table.Print(out);
}

void AppendCounts(const eval::Counts& counts, std::string* out) {
  absl::StrAppend(out, "{\"gold\":", counts.gold,
                  ",\"produced\":", counts.produced,
                  ",\"matched\":", counts.matched, ",\"precision\":");
  loaders::AppendJsonNumber(counts.precision(), out);
  out->append(",\"recall\":");
  loaders::AppendJsonNumber(counts.recall(), out);
  out->append(",\"f1\":");
  loaders::AppendJsonNumber(counts.f1(), out);
  out->append("}");
}

// "nodes":C,"mentions":C,"edges":C
void AppendKinds(const eval::Counts& nodes, const eval::Counts& mentions,
                 const eval::Counts& edges, std::string* out) {
  out->append("\"nodes\":");
  AppendCounts(nodes, out);
  out->append(",\"mentions\":");
  AppendCounts(mentions, out);
  out->append(",\"edges\":");
  AppendCounts(edges, out);
}

void AppendCountsByName(const std::map<std::string, eval::Counts>& counts,
                        std::string* out) {
  out->append("{");
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it != counts.begin()) out->append(",");
    loaders::AppendJsonString(it->first, out);
    out->append(":");
    AppendCounts(it->second, out);
  }
  out->append("}");
}

}  // namespace

void PrintScoreTables(const eval::Score& score, std::ostream& out) {
  Table documents = TableWith({"DOCUMENT", "FACTS"});
  for (const eval::DocumentScore& document : score.documents) {
    documents.AddRow(Row({document.document_key, "nodes"}, document.nodes));
    documents.AddRow(
        Row({document.document_key, "MENTIONS"}, document.mentions));
    documents.AddRow(
        Row({document.document_key, "other edges"}, document.edges));
  }
  documents.Print(out);
  out << "\n";
  PrintCountsByName("LABEL", score.labels, out);
  out << "\n";
  PrintCountsByName("EDGE TYPE", score.edge_types, out);
  out << "\n";
  Table totals = TableWith({"TOTAL"});
  totals.AddRow(Row({"nodes"}, score.nodes));
  totals.AddRow(Row({"MENTIONS"}, score.mentions));
  totals.AddRow(Row({"other edges"}, score.edges));
  totals.Print(out);
}

std::string ScoreJson(const eval::Score& score) {
  std::string json = "{\"documents\":[";
  for (size_t i = 0; i < score.documents.size(); ++i) {
    const eval::DocumentScore& document = score.documents[i];
    if (i > 0) json.append(",");
    json.append("{\"document\":");
    loaders::AppendJsonString(document.document_key, &json);
    json.append(",");
    AppendKinds(document.nodes, document.mentions, document.edges, &json);
    json.append("}");
  }
  json.append("],\"labels\":");
  AppendCountsByName(score.labels, &json);
  json.append(",\"edge_types\":");
  AppendCountsByName(score.edge_types, &json);
  json.append(",\"totals\":{");
  AppendKinds(score.nodes, score.mentions, score.edges, &json);
  json.append("}}");
  return json;
}

}  // namespace kg::cli
