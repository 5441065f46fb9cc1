// kg calls: the queries the server is running (an admin call); kg cancel
// ID: stops one of them, which then ends with CANCELLED.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "commands/command.h"
#include "format.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

int RunCalls(const ParsedArgs&, CommandContext& context) {
  kg::v1::ListRunningCallsResponse response;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status = context.connection.admin().ListRunningCalls(
      call.get(), kg::v1::ListRunningCallsRequest(), &response);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  if (context.json) {
    for (const kg::v1::RunningCall& running : response.calls()) {
      context.out << MessageJson(running) << "\n";
    }
    return kExitOk;
  }
  Table table({"ID", "METHOD", "SECONDS", "ROWS", "READ", "PEER", "REQUEST"});
  for (const kg::v1::RunningCall& running : response.calls()) {
    table.AddRow(
        {absl::StrCat(running.call_id(),
                      running.cancelling() ? " (cancelling)" : ""),
         running.method(), absl::StrFormat("%.1f", running.elapsed_seconds()),
         absl::StrCat(running.rows()), absl::StrCat(running.expansions()),
         running.peer(), running.request()});
  }
  table.Print(context.out);
  return kExitOk;
}

int RunCancel(const ParsedArgs& args, CommandContext& context) {
  kg::v1::CancelCallRequest request;
  uint64_t call_id = 0;
  if (!absl::SimpleAtoi(args.positional()[0], &call_id)) {
    return ReportUsageError(
        absl::InvalidArgumentError(absl::StrCat(
            "ID: '", args.positional()[0], "' is not a call id (kg calls)")),
        context.err);
  }
  request.set_call_id(call_id);
  kg::v1::CancelCallResponse response;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status =
      context.connection.admin().CancelCall(call.get(), request, &response);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  if (context.json) {
    context.out << MessageJson(response) << "\n";
  } else {
    context.out << "cancelled call " << call_id << "\n";
  }
  return kExitOk;
}

}  // namespace

Command CallsCommand() {
  return Command{"calls",
                 "",
                 "List the queries the server is running: id, method, time "
                 "so far, rows and graph entries read, client, request.",
                 {},
                 0,
                 0,
                 RunCalls};
}

Command CancelCommand() {
  return Command{"cancel",
                 "ID",
                 "Cancel the running query with the id 'kg calls' shows; it "
                 "ends with CANCELLED.",
                 {},
                 1,
                 1,
                 RunCancel};
}

}  // namespace kg::cli
