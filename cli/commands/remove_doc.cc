// kg remove-doc KEY: withdraws what one document asserted.
#include "commands/command.h"
#include "format.h"

namespace kg::cli {
namespace {

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::RemoveDocumentRequest request;
  request.set_document_key(args.positional()[0]);
  kg::v1::RemoveDocumentResponse response;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status = context.connection.ingest().RemoveDocument(
      call.get(), request, &response);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  context.out << (context.json ? MessageJson(response.summary())
                               : CommitSummaryText(response.summary()))
              << "\n";
  return kExitOk;
}

}  // namespace

Command RemoveDocCommand() {
  return Command{
      "remove-doc",
      "KEY",
      "Remove a document's sources, and the facts that only it asserted.",
      {},
      1,
      1,
      Run};
}

}  // namespace kg::cli
