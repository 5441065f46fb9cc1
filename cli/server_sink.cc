// The import sink of a running kg-server.
#include "absl/status/status.h"
#include "import_sink.h"
#include "kg/graph/encoding.h"

namespace kg::cli {
namespace {

class ServerSink final : public ImportSink {
 public:
  explicit ServerSink(const Connection& connection) : connection_(connection) {}

  absl::StatusOr<kg::v1::CommitSummary> ImportText(
      const text::TextDocument& document) override {
    kg::v1::ImportDocumentRequest request;
    kg::v1::Document& metadata = *request.mutable_document();
    metadata.set_key(document.key);
    metadata.set_title(document.title);
    if (!document.date.empty()) {
      absl::StatusOr<kg::v1::Date> date = graph::ParseDate(document.date);
      if (!date.ok()) return date.status();
      *metadata.mutable_date() = *date;
    }
    metadata.set_kind(document.kind);
    metadata.set_source_url(document.source_url);
    request.set_text(document.text);
    request.set_file_name(document.file_name);
    kg::v1::ImportDocumentResponse response;
    const std::unique_ptr<grpc::ClientContext> call = connection_.NewContext();
    const grpc::Status status =
        connection_.ingest().ImportDocument(call.get(), request, &response);
    if (!status.ok()) return ToAbslStatus(status);
    return response.summary();
  }

  absl::StatusOr<kg::v1::CommitSummary> ImportFacts(
      const graph::DocumentFacts& facts) override {
    const std::unique_ptr<grpc::ClientContext> call = connection_.NewContext();
    kg::v1::ImportFactsResponse response;
    const std::unique_ptr<grpc::ClientWriter<kg::v1::ImportFactsRequest>>
        stream = connection_.ingest().ImportFacts(call.get(), &response);
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

 private:
  const Connection& connection_;
};

}  // namespace

std::unique_ptr<ImportSink> NewServerSink(const Connection& connection) {
  return std::make_unique<ServerSink>(connection);
}

}  // namespace kg::cli
