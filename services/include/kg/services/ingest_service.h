// kg.v1.IngestService over a GraphStore: the write side of the API.
//
// ImportFacts reads the whole stream first and commits once at its end
// with GraphStore::CommitDocument, so a stream that fails, is cancelled or
// breaks a rule writes nothing. The first message names the document;
// its metadata (title, date, kind, source_url) becomes the properties of
// the document's `Document` node, which is added to the facts unless the
// stream sends that node itself (then the metadata fills in the
// properties the node leaves unset). ImportDocument reads the facts of a
// text with the text loader and commits them the same way.
#ifndef KG_SERVICES_INGEST_SERVICE_H_
#define KG_SERVICES_INGEST_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "kg/graph/graph_store.h"
#include "kg/services/http/server_metrics.h"
#include "kg/v1/ingest_service.grpc.pb.h"

namespace kg::services {

struct IngestLimits {
  // Nodes plus edges one ImportFacts stream may carry; more is
  // RESOURCE_EXHAUSTED, since the facts are held in memory until the
  // commit.
  size_t max_facts_per_import = 1'000'000;
};

class IngestServiceImpl final : public kg::v1::IngestService::Service {
 public:
  // `store` and `metrics` must outlive the service. Every commit is
  // logged (logging.h); imports are also counted in `metrics` unless it is
  // null.
  explicit IngestServiceImpl(graph::GraphStore& store,
                             const IngestLimits& limits = {},
                             ServerMetrics* metrics = nullptr)
      : store_(store), limits_(limits), metrics_(metrics) {}

  grpc::Status ImportFacts(
      grpc::ServerContext* context,
      grpc::ServerReader<kg::v1::ImportFactsRequest>* reader,
      kg::v1::ImportFactsResponse* response) override;
  // INVALID_ARGUMENT naming the field for text that is not a document
  // (empty, too large, not UTF-8) or malformed metadata.
  grpc::Status ImportDocument(
      grpc::ServerContext* context,
      const kg::v1::ImportDocumentRequest* request,
      kg::v1::ImportDocumentResponse* response) override;
  // NOT_FOUND when the document asserts nothing.
  grpc::Status RemoveDocument(
      grpc::ServerContext* context,
      const kg::v1::RemoveDocumentRequest* request,
      kg::v1::RemoveDocumentResponse* response) override;

 private:
  // Logs the commit of `method`, started at `started`, as `event`.
  void LogCommit(absl::string_view event, absl::string_view method,
                 const kg::v1::CommitSummary& summary, absl::Time started);
  // Logs and counts an import.
  void RecordImport(absl::string_view method,
                    const kg::v1::CommitSummary& summary, absl::Time started);

  graph::GraphStore& store_;
  const IngestLimits limits_;
  ServerMetrics* const metrics_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_INGEST_SERVICE_H_
