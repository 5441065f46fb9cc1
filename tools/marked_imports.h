// Marked imports: imports whose presence in a store can be told exactly,
// for the crash test and the load generator.
//
// Import `seq` of a kind commits under its own document key, so every fact
// it leaves carries a source naming that key. Every import of one kind
// asserts the same number of facts, learnt from a reference import of that
// kind: an import is then wholly present (that many facts name it), absent
// (none), or partly present (a fault of the store).
#ifndef KG_TOOLS_MARKED_IMPORTS_H_
#define KG_TOOLS_MARKED_IMPORTS_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "kg/v1/ingest_service.grpc.pb.h"

namespace kg::tools {

enum class ImportKind {
  // ImportFacts: a chain of Topic nodes and PART_OF edges.
  kFacts,
  // ImportDocument: a short text the text loader reads (into a dozen
  // facts when the server holds the reference data).
  kText,
};

// "doc:marked-facts-<seq>", "doc:marked-text-<seq>".
std::string MarkedDocumentKey(ImportKind kind, uint64_t seq);

// The node keys a facts import asserts (reads can look them up).
std::vector<std::string> MarkedNodeKeys(uint64_t seq);

// Sends import `seq` of `kind`, waiting at most `timeout`. OK means the
// server acknowledged it.
grpc::Status SendMarkedImport(kg::v1::IngestService::Stub& ingest,
                              ImportKind kind, uint64_t seq,
                              absl::Duration timeout);

// For each document key, how many nodes and edges of the graph have a
// source naming it; read page by page through GraphService.
using FactCounts = absl::flat_hash_map<std::string, uint64_t>;
absl::StatusOr<FactCounts> CountFactsByDocument(
    kg::v1::GraphService::Stub& graph, absl::Duration timeout);

// What the ledger found in a store.
struct LedgerVerdict {
  uint64_t acknowledged = 0;
  // Imports wholly present (acknowledged or not).
  uint64_t present = 0;
  // Acknowledged imports not wholly present.
  uint64_t lost = 0;
  // Imports partly present.
  uint64_t partial = 0;
  // One line per lost or partial import.
  std::vector<std::string> problems;

  bool ok() const { return lost == 0 && partial == 0; }
};

// The imports a run sent, and which the server acknowledged. Thread-safe.
class ImportLedger {
 public:
  // Sends the reference import (seq 0) of each kind and learns how many
  // facts an import of that kind leaves. Call once, before Send.
  absl::Status Calibrate(kg::v1::IngestService::Stub& ingest,
                         kg::v1::GraphService::Stub& graph,
                         absl::Duration timeout);

  // A fresh seq (> 0), recorded as attempted, then sent; acknowledged when
  // the server says OK.
  grpc::Status Send(kg::v1::IngestService::Stub& ingest, ImportKind kind,
                    absl::Duration timeout);

  // Checks every import attempted against `counts`.
  LedgerVerdict Verify(const FactCounts& counts) const;

  // Verify on the counts read from the server.
  absl::StatusOr<LedgerVerdict> VerifyServer(kg::v1::GraphService::Stub& graph,
                                             absl::Duration timeout) const;

 private:
  struct Attempt {
    ImportKind kind;
    uint64_t seq;
    bool acknowledged = false;
  };

  mutable absl::Mutex mu_;
  uint64_t next_seq_ ABSL_GUARDED_BY(mu_) = 1;
  std::vector<Attempt> attempts_ ABSL_GUARDED_BY(mu_);
  uint64_t expected_facts_[2] ABSL_GUARDED_BY(mu_) = {0, 0};
};

}  // namespace kg::tools

#endif  // KG_TOOLS_MARKED_IMPORTS_H_
