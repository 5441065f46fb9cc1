// kg traverse KEY...: what a breadth-first walk from the start nodes
// reaches, as nodes and edges, or as one path per node reached.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "commands/command.h"
#include "format.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

int Run(const ParsedArgs& args, CommandContext& context) {
  absl::StatusOr<kg::v1::TraverseRequest> request = ParseTraverseRequest(args);
  if (!request.ok()) return ReportUsageError(request.status(), context.err);
  if (args.Has("paths")) {
    request->set_result_mode(kg::v1::TraverseRequest::RESULT_MODE_PATHS);
  }
  Table nodes({"DEPTH", "KEY", "LABEL", "NAME"});
  Table edges({"SRC", "TYPE", "DST", "PROPS"});
  Table paths({"DEPTH", "NODE", "PATH"});
  std::vector<std::string> truncated_by;
  const absl::Status status = ForEachTraverseBatch(
      context.connection, *request, [&](const kg::v1::TraverseResponse& batch) {
        for (const kg::v1::TraversedNode& reached : batch.nodes()) {
          if (context.json) {
            context.out << MessageJson(reached) << "\n";
            continue;
          }
          const kg::v1::Node& node = reached.node();
          nodes.AddRow({absl::StrCat(reached.depth()), node.key(), node.label(),
                        node.name()});
        }
        for (const kg::v1::Edge& edge : batch.edges()) {
          if (context.json) {
            context.out << MessageJson(edge) << "\n";
            continue;
          }
          edges.AddRow({edge.src_key(), edge.type(), edge.dst_key(),
                        PropsText(edge.props())});
        }
        for (const kg::v1::Path& path : batch.paths()) {
          if (context.json) {
            context.out << MessageJson(path) << "\n";
            continue;
          }
          const kg::v1::Node& end = path.nodes(path.nodes_size() - 1);
          paths.AddRow({absl::StrCat(path.edges_size()),
                        EntityText(end.key(), end.label(), end.name()),
                        PathText(path)});
        }
        truncated_by.insert(truncated_by.end(), batch.truncated_by().begin(),
                            batch.truncated_by().end());
      });
  if (!status.ok()) return ReportError(status, context.err);
  if (!context.json) {
    if (args.Has("paths")) {
      paths.Print(context.out);
    } else {
      nodes.Print(context.out);
      context.out << "\n";
      edges.Print(context.out);
    }
  }
  if (!truncated_by.empty()) {
    context.err << "kg: result cut short by "
                << absl::StrJoin(truncated_by, ", ") << "\n";
  }
  return kExitOk;
}

}  // namespace

Command TraverseCommand() {
  std::vector<OptionSpec> options = TraverseOptions();
  options.push_back({"paths", "", false,
                     "Print one path per node reached, from its start node."});
  return Command{"traverse",
                 "KEY...",
                 "Walk breadth-first from the start nodes: the nodes reached "
                 "and the edges between them (--json: one node, edge or "
                 "path a line).",
                 std::move(options),
                 1,
                 SIZE_MAX,
                 Run};
}

}  // namespace kg::cli
