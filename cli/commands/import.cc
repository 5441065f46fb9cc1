// kg import FILE...: JSONL facts, one atomic ImportFacts stream per
// document. A bad file or document is reported and skipped; the exit status
// says whether any failed.
#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "format.h"
#include "kg/loaders/commit_order.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::cli {
namespace {

absl::StatusOr<kg::v1::CommitSummary> ImportDocument(
    const Connection& connection, const graph::DocumentFacts& facts) {
  const std::unique_ptr<grpc::ClientContext> call = connection.NewContext();
  kg::v1::ImportFactsResponse response;
  const std::unique_ptr<grpc::ClientWriter<kg::v1::ImportFactsRequest>> stream =
      connection.ingest().ImportFacts(call.get(), &response);
  kg::v1::ImportFactsRequest request;
  request.mutable_document()->set_key(facts.document_key);
  // A failed Write means the server has ended the call; Finish says why.
  bool open = stream->Write(request);
  for (size_t i = 0; open && i < facts.nodes.size(); ++i) {
    *request.mutable_node() = facts.nodes[i];
    open = stream->Write(request);
  }
  for (size_t i = 0; open && i < facts.edges.size(); ++i) {
    *request.mutable_edge() = facts.edges[i];
    open = stream->Write(request);
  }
  if (open) stream->WritesDone();
  const grpc::Status status = stream->Finish();
  if (!status.ok()) return ToAbslStatus(status);
  return response.summary();
}

int Run(const ParsedArgs& args, CommandContext& context) {
  bool failed = false;
  for (const std::string& path : args.positional()) {
    const absl::StatusOr<std::vector<graph::DocumentFacts>> documents =
        loaders::ReadJsonlFactsFile(path);
    if (!documents.ok()) {
      failed = true;
      ReportError(documents.status(), context.err);
      continue;
    }
    const std::vector<absl::StatusOr<kg::v1::CommitSummary>> results =
        loaders::CommitInDependencyOrder(
            *documents, [&context](const graph::DocumentFacts& facts) {
              return ImportDocument(context.connection, facts);
            });
    for (size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) {
        failed = true;
        ReportError(results[i].status(), context.err,
                    absl::StrCat(path, ": ", (*documents)[i].document_key));
      } else if (context.json) {
        context.out << MessageJson(*results[i]) << "\n";
      } else {
        context.out << CommitSummaryText(*results[i]) << "\n";
      }
    }
  }
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

Command ImportCommand() {
  return Command{"import",
                 "FILE...",
                 "Import JSONL facts files, each document atomically.",
                 {},
                 1,
                 SIZE_MAX,
                 Run};
}

}  // namespace kg::cli
