// Where `kg import` sends what it reads: a running kg-server over gRPC, or
// a stopped database opened in this process (--db). Both take the same
// two kinds of work, so that deciding what a file is and how to read it
// happens once, in file_import.h.
#ifndef KG_CLI_IMPORT_SINK_H_
#define KG_CLI_IMPORT_SINK_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "connection.h"
#include "kg/graph/document_facts.h"
#include "kg/text/text_importer.h"
#include "kg/v1/ingest_service.pb.h"

namespace kg::cli {

class ImportSink {
 public:
  virtual ~ImportSink() = default;

  // Extracts the facts of a text document and commits them as the
  // document, atomically.
  virtual absl::StatusOr<kg::v1::CommitSummary> ImportText(
      const text::TextDocument& document) = 0;

  // Commits the facts of one document, atomically.
  virtual absl::StatusOr<kg::v1::CommitSummary> ImportFacts(
      const graph::DocumentFacts& facts) = 0;
};

// Sends the work to kg-server: ImportDocument and ImportFacts calls.
// `connection` must outlive the sink.
std::unique_ptr<ImportSink> NewServerSink(const Connection& connection);

// Opens the database in `db_dir` (creating it when missing), brings the
// reference data of `reference_dir` up to date in it as kg-server does on
// start (an empty `reference_dir` skips that), and does the work in this
// process. Fails when the database is in use, e.g. by a running server.
absl::StatusOr<std::unique_ptr<ImportSink>> OpenDatabaseSink(
    const std::string& db_dir, const std::string& reference_dir);

}  // namespace kg::cli

#endif  // KG_CLI_IMPORT_SINK_H_
