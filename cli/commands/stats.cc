// kg stats: counts of nodes by label, edges by type, and documents.
#include <map>

#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "format.h"
#include "table.h"

namespace kg::cli {
namespace {

// Sorted by name, for a stable listing.
void PrintCounts(const google::protobuf::Map<std::string, uint64_t>& counts,
                 std::vector<std::string> header, std::ostream& out) {
  Table table(std::move(header));
  for (const auto& [name, count] :
       std::map<std::string, uint64_t>(counts.begin(), counts.end())) {
    table.AddRow({name, absl::StrCat(count)});
  }
  table.Print(out);
}

int Run(const ParsedArgs&, CommandContext& context) {
  kg::v1::GetStatsResponse stats;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status = context.connection.graph().GetStats(
      call.get(), kg::v1::GetStatsRequest(), &stats);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  if (context.json) {
    context.out << MessageJson(stats) << "\n";
    return kExitOk;
  }
  Table totals;
  totals.AddRow({"nodes", absl::StrCat(stats.node_count())});
  totals.AddRow({"edges", absl::StrCat(stats.edge_count())});
  totals.AddRow({"documents", absl::StrCat(stats.document_count())});
  totals.Print(context.out);
  context.out << "\n";
  PrintCounts(stats.nodes_by_label(), {"LABEL", "NODES"}, context.out);
  context.out << "\n";
  PrintCounts(stats.edges_by_type(), {"TYPE", "EDGES"}, context.out);
  return kExitOk;
}

}  // namespace

Command StatsCommand() {
  return Command{"stats", "", "Count nodes by label, edges by type, documents.",
                 {},      0,  0,
                 Run};
}

}  // namespace kg::cli
