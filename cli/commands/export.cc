// kg export KEY...: the subgraph a traversal from the start nodes reaches,
// in a graph tool's file format (see export/subgraph_writers.h).
#include <cstdio>
#include <fstream>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "commands/command.h"
#include "export/subgraph_writers.h"
#include "query_options.h"

namespace kg::cli {
namespace {

enum class ExportFormat { kGraphMl, kJson, kCsv, kDot };

absl::StatusOr<ExportFormat> ParseFormat(absl::string_view name) {
  if (name == "graphml") return ExportFormat::kGraphMl;
  if (name == "json") return ExportFormat::kJson;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "dot") return ExportFormat::kDot;
  return absl::InvalidArgumentError(absl::StrCat(
      "--format: expected graphml, json, csv or dot, got \"", name, "\""));
}

using Writer = std::function<void(const Subgraph&, std::ostream&)>;

// Writes `path` through a temporary file renamed into place, so that a
// failed export never leaves half a file.
absl::Status WriteFile(const std::string& path, const Subgraph& graph,
                       const Writer& write) {
  const std::string temporary = absl::StrCat(path, ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (out) write(graph, out);
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      return absl::UnavailableError(absl::StrCat("cannot write ", path));
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return absl::UnavailableError(absl::StrCat("cannot write ", path));
  }
  return absl::OkStatus();
}

absl::StatusOr<Subgraph> FetchSubgraph(const Connection& connection,
                                       const kg::v1::TraverseRequest& request,
                                       std::vector<std::string>* truncated_by) {
  Subgraph graph;
  const absl::Status status = ForEachTraverseBatch(
      connection, request, [&](const kg::v1::TraverseResponse& batch) {
        for (const kg::v1::TraversedNode& reached : batch.nodes()) {
          graph.nodes.push_back(reached.node());
        }
        graph.edges.insert(graph.edges.end(), batch.edges().begin(),
                           batch.edges().end());
        truncated_by->insert(truncated_by->end(), batch.truncated_by().begin(),
                             batch.truncated_by().end());
      });
  if (!status.ok()) return status;
  return graph;
}

int Run(const ParsedArgs& args, CommandContext& context) {
  absl::StatusOr<kg::v1::TraverseRequest> request = ParseTraverseRequest(args);
  if (!request.ok()) return ReportUsageError(request.status(), context.err);
  absl::StatusOr<ExportFormat> format =
      ParseFormat(args.Value("format", "graphml"));
  if (!format.ok()) return ReportUsageError(format.status(), context.err);
  const std::string output = args.Value("output");
  if (*format == ExportFormat::kCsv && output.empty()) {
    return ReportUsageError(
        absl::InvalidArgumentError(
            "--format csv: needs --output PREFIX (writes PREFIX-nodes.csv "
            "and PREFIX-edges.csv)"),
        context.err);
  }
  std::vector<std::string> truncated_by;
  absl::StatusOr<Subgraph> graph =
      FetchSubgraph(context.connection, *request, &truncated_by);
  if (!graph.ok()) return ReportError(graph.status(), context.err);

  std::vector<std::pair<std::string, Writer>> files;
  switch (*format) {
    case ExportFormat::kGraphMl:
      files.emplace_back(output, WriteGraphMl);
      break;
    case ExportFormat::kJson:
      files.emplace_back(output, WriteNodeLinkJson);
      break;
    case ExportFormat::kDot:
      files.emplace_back(output, WriteDot);
      break;
    case ExportFormat::kCsv:
      files.emplace_back(absl::StrCat(output, "-nodes.csv"), WriteCsvNodes);
      files.emplace_back(absl::StrCat(output, "-edges.csv"), WriteCsvEdges);
      break;
  }
  for (const auto& [path, write] : files) {
    if (path.empty()) {
      write(*graph, context.out);
    } else if (absl::Status written = WriteFile(path, *graph, write);
               !written.ok()) {
      return ReportError(written, context.err);
    }
  }
  if (!truncated_by.empty()) {
    context.err << "kg: subgraph cut short by "
                << absl::StrJoin(truncated_by, ", ") << "\n";
  }
  return kExitOk;
}

}  // namespace

Command ExportCommand() {
  std::vector<OptionSpec> options = TraverseOptions();
  options.insert(options.end(),
                 {{"format", "graphml|json|csv|dot", false,
                   "File format (default graphml; json is NetworkX/D3 "
                   "node-link)."},
                  {"output", "PATH", false,
                   "Write to PATH instead of standard output; for csv, the "
                   "prefix of PATH-nodes.csv and PATH-edges.csv."}});
  return Command{"export",
                 "KEY...",
                 "Export the subgraph around the start nodes (to --depth "
                 "edges, along --type edges) for Gephi, Cytoscape, NetworkX, "
                 "D3 or Graphviz.",
                 std::move(options),
                 1,
                 SIZE_MAX,
                 Run};
}

}  // namespace kg::cli
