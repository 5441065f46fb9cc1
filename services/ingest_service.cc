#include "kg/services/ingest_service.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/document_facts.h"
#include "kg/graph/encoding.h"
#include "kg/loaders/document_importer.h"
#include "kg/loaders/document_node.h"
#include "kg/services/logging.h"
#include "kg/services/status_mapping.h"
#include "validation.h"

namespace kg::services {
namespace {

// Reads the stream to its end: the document it names and its facts.
absl::Status ReadFacts(
    const IngestLimits& limits,
    grpc::ServerReaderInterface<kg::v1::ImportFactsRequest>& reader,
    kg::v1::Document* document, graph::DocumentFacts* facts) {
  kg::v1::ImportFactsRequest message;
  if (!reader.Read(&message) || !message.has_document() ||
      message.document().key().empty()) {
    return absl::InvalidArgumentError(
        "document: the first message must name the document");
  }
  if (absl::Status sizes = CheckSizes(message); !sizes.ok()) return sizes;
  *document = std::move(*message.mutable_document());
  facts->document_key = document->key();
  for (int index = 1; reader.Read(&message); ++index) {
    absl::Status sizes =
        CheckSizes(message, absl::StrCat("messages[", index, "]"));
    if (!sizes.ok()) return sizes;
    switch (message.item_case()) {
      case kg::v1::ImportFactsRequest::kNode:
        facts->nodes.push_back(std::move(*message.mutable_node()));
        break;
      case kg::v1::ImportFactsRequest::kEdge:
        facts->edges.push_back(std::move(*message.mutable_edge()));
        break;
      case kg::v1::ImportFactsRequest::kDocument:
        return absl::InvalidArgumentError(absl::StrCat(
            "document: only the first message may name the document (message ",
            index, " does too)"));
      case kg::v1::ImportFactsRequest::ITEM_NOT_SET:
        return absl::InvalidArgumentError(
            absl::StrCat("item: message ", index, " holds nothing"));
    }
    if (facts->nodes.size() + facts->edges.size() >
        limits.max_facts_per_import) {
      return absl::ResourceExhaustedError(
          absl::StrCat("ImportFacts: at most ", limits.max_facts_per_import,
                       " nodes and edges per stream"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

void IngestServiceImpl::LogCommit(absl::string_view event,
                                  absl::string_view method,
                                  const kg::v1::CommitSummary& summary,
                                  absl::Time started) {
  Log(LogLevel::kInfo, event,
      {{"method", method},
       {"document", summary.document_key()},
       {"nodes", summary.nodes_asserted()},
       {"edges", summary.edges_asserted()},
       {"changed", summary.changed()},
       {"seconds", absl::Now() - started}});
}

void IngestServiceImpl::RecordImport(absl::string_view method,
                                     const kg::v1::CommitSummary& summary,
                                     absl::Time started) {
  LogCommit("import_done", method, summary, started);
  if (metrics_ != nullptr) {
    metrics_->RecordImport(method, summary, absl::Now() - started);
  }
}

grpc::Status IngestServiceImpl::ImportFacts(
    grpc::ServerContext* context,
    grpc::ServerReader<kg::v1::ImportFactsRequest>* reader,
    kg::v1::ImportFactsResponse* response) {
  const absl::Time started = absl::Now();
  kg::v1::Document document;
  graph::DocumentFacts facts;
  absl::Status read = ReadFacts(limits_, *reader, &document, &facts);
  if (!read.ok()) return ToGrpcStatus(read);
  // Read() also ends when the client cancels; only a stream the client
  // closed normally may commit.
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "ImportFacts: cancelled; nothing was written");
  }
  loaders::AddDocumentNode(document, &facts);
  absl::StatusOr<kg::v1::CommitSummary> summary = store_.CommitDocument(facts);
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  RecordImport("ImportFacts", *summary, started);
  *response->mutable_summary() = *std::move(summary);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::ImportDocument(
    grpc::ServerContext*, const kg::v1::ImportDocumentRequest* request,
    kg::v1::ImportDocumentResponse* response) {
  const absl::Time started = absl::Now();
  // The text has its own, larger limit, checked by the importer.
  absl::Status sizes = CheckSizes(request->document(), "document");
  if (sizes.ok()) sizes = CheckLength("file_name", request->file_name());
  if (!sizes.ok()) return ToGrpcStatus(sizes);
  text::TextDocument document;
  document.key = request->document().key();
  document.file_name =
      request->file_name().empty() ? "text" : request->file_name();
  document.title = request->document().title();
  if (request->document().has_date() &&
      request->document().date().year() != 0) {
    document.date = graph::FormatDate(request->document().date());
  }
  document.kind = request->document().kind();
  document.source_url = request->document().source_url();
  document.text = request->text();
  absl::StatusOr<kg::v1::CommitSummary> summary =
      loaders::DocumentImporter(store_).Import(document);
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  RecordImport("ImportDocument", *summary, started);
  *response->mutable_summary() = *std::move(summary);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::RemoveDocument(
    grpc::ServerContext*, const kg::v1::RemoveDocumentRequest* request,
    kg::v1::RemoveDocumentResponse* response) {
  const absl::Time started = absl::Now();
  absl::Status valid = CheckSizes(*request);
  if (valid.ok())
    valid = RequireNonEmpty("document_key", request->document_key());
  if (!valid.ok()) return ToGrpcStatus(valid);
  absl::StatusOr<kg::v1::CommitSummary> summary =
      store_.RemoveDocument(request->document_key());
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  LogCommit("document_removed", "RemoveDocument", *summary, started);
  *response->mutable_summary() = *std::move(summary);
  return grpc::Status::OK;
}

}  // namespace kg::services
