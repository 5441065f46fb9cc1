// kg path FROM TO: the shortest path between two nodes, or with --all
// every simple path up to --max-depth edges, shortest first.
#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "format.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

// Fills the fields ShortestPathRequest and PathsRequest share.
template <typename Request>
absl::Status ParseEnds(const ParsedArgs& args, Request* request) {
  request->set_from_key(args.positional()[0]);
  request->set_to_key(args.positional()[1]);
  absl::StatusOr<WalkFilter> filter = ParseWalkFilter(args);
  if (!filter.ok()) return filter.status();
  ApplyWalkFilter(*filter, request);
  absl::StatusOr<int32_t> max_depth = ParseCountOption(args, "max-depth", 0);
  if (!max_depth.ok()) return max_depth.status();
  request->set_max_depth(*max_depth);
  return ApplyAsOf(args, request);
}

// One row per node of each path: the step that reaches it, then the node.
void AddPathRows(int number, const kg::v1::Path& path, Table& table) {
  for (int i = 0; i < path.nodes_size(); ++i) {
    const kg::v1::Node& node = path.nodes(i);
    const std::string step =
        i == 0 || i > path.edges_size()
            ? ""
            : StepText(path.edges(i - 1), path.nodes(i - 1).key());
    table.AddRow({absl::StrCat(number), absl::StrCat(i), step, node.key(),
                  node.label(), node.name()});
  }
}

int Run(const ParsedArgs& args, CommandContext& context) {
  std::vector<kg::v1::Path> paths;
  bool truncated = false;
  grpc::Status status;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  if (args.Has("all")) {
    kg::v1::PathsRequest request;
    absl::Status parsed = ParseEnds(args, &request);
    absl::StatusOr<int32_t> max_paths = ParseCountOption(args, "max-paths", 0);
    if (parsed.ok() && !max_paths.ok()) parsed = max_paths.status();
    if (!parsed.ok()) return ReportUsageError(parsed, context.err);
    request.set_max_paths(*max_paths);
    kg::v1::PathsResponse response;
    status = context.connection.query().Paths(call.get(), request, &response);
    paths.assign(response.paths().begin(), response.paths().end());
    truncated = response.truncated();
  } else {
    kg::v1::ShortestPathRequest request;
    if (absl::Status parsed = ParseEnds(args, &request); !parsed.ok()) {
      return ReportUsageError(parsed, context.err);
    }
    kg::v1::ShortestPathResponse response;
    status =
        context.connection.query().ShortestPath(call.get(), request, &response);
    if (response.found()) paths.push_back(response.path());
  }
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  if (paths.empty()) {
    context.err << "kg: no path from " << args.positional()[0] << " to "
                << args.positional()[1] << "\n";
    return kExitFailure;
  }
  Table table({"PATH", "HOP", "EDGE", "KEY", "LABEL", "NAME"});
  for (size_t i = 0; i < paths.size(); ++i) {
    if (context.json) {
      context.out << MessageJson(paths[i]) << "\n";
    } else {
      AddPathRows(static_cast<int>(i + 1), paths[i], table);
    }
  }
  if (!context.json) table.Print(context.out);
  if (truncated) {
    context.err << "kg: more paths exist than --max-paths allows\n";
  }
  return kExitOk;
}

}  // namespace

Command PathCommand() {
  std::vector<OptionSpec> options = WalkOptions();
  options.insert(
      options.end(),
      {{"max-depth", "N", false,
        "Paths of at most N edges (default: the server's cap; with --all, "
        "3)."},
       {"all", "", false,
        "Every simple path up to --max-depth, shortest first."},
       {"max-paths", "N", false, "With --all: at most N paths (default 100)."},
       AsOfOption()});
  return Command{"path",
                 "FROM TO",
                 "Show the shortest path between two nodes, or all paths "
                 "(exit status 1 when there is none; --json: one path a line).",
                 std::move(options),
                 2,
                 2,
                 Run};
}

}  // namespace kg::cli
