// kg check: the consistency check of a running server's store (an admin
// call) or, with --db, of a stopped database read directly.
#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "format.h"
#include "kg/graph/consistency_check.h"
#include "kg/services/admin_service.h"
#include "table.h"

namespace kg::cli {
namespace {

absl::StatusOr<kg::v1::CheckResponse> CheckServer(CommandContext& context) {
  kg::v1::CheckResponse response;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status = context.connection.admin().Check(
      call.get(), kg::v1::CheckRequest(), &response);
  if (!status.ok()) return ToAbslStatus(status);
  return response;
}

absl::StatusOr<kg::v1::CheckResponse> CheckDirectory(const std::string& dir) {
  absl::StatusOr<graph::ConsistencyReport> report = graph::CheckDatabase(dir);
  if (!report.ok()) return report.status();
  return services::CheckResponseFromReport(*report);
}

int Run(const ParsedArgs& args, CommandContext& context) {
  const absl::StatusOr<kg::v1::CheckResponse> result =
      args.Has("db") ? CheckDirectory(args.Value("db")) : CheckServer(context);
  if (!result.ok()) return ReportError(result.status(), context.err);
  if (context.json) {
    context.out << MessageJson(*result) << "\n";
  } else {
    if (!result->faults().empty()) {
      Table faults({"FAULT", "DETAIL"});
      for (const kg::v1::ConsistencyFault& fault : result->faults()) {
        faults.AddRow({fault.kind(), fault.detail()});
      }
      faults.Print(context.out);
      context.out << "\n";
    }
    context.out << absl::StrCat(result->nodes_checked(), " nodes, ",
                                result->edges_checked(), " edges, ",
                                result->entries_checked(),
                                " entries: ", result->faults_size(), " faults")
                << "\n";
  }
  return result->faults().empty() ? kExitOk : kExitFailure;
}

}  // namespace

Command CheckCommand() {
  return Command{
      "check",
      "",
      "Check that every edge's ends exist, both adjacency directions agree, "
      "every index entry points to a live record and every record is "
      "indexed, counters match and every fact has a source. Lists each "
      "fault found; exits 1 when there is one.",
      {{"db", "DIR", false,
        "Check the stopped database in DIR instead of the server's."}},
      0,
      0,
      Run};
}

}  // namespace kg::cli
