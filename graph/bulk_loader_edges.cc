#include "bulk_loader_edges.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "assertions.h"
#include "records.pb.h"
#include "schema.h"

namespace kg::graph {
namespace {

using kg::storage::EdgeRecord;

// Edges are handed to the writers this many at a time.
constexpr size_t kBatchEdges = size_t{1} << 14;

// An edge's record without its assertion.
EdgeRecord BareRecord(const TopologyEdge& edge) {
  EdgeRecord record;
  record.set_src(edge.src);
  record.set_dst(edge.dst);
  record.set_type_id(edge.type);
  return record;
}

}  // namespace

// Edges in id order, with the records of those not bare.
struct BulkEdges::Batch {
  std::vector<TopologyEdge> edges;
  absl::flat_hash_map<uint64_t, std::string> records;
};

BulkEdges::BulkEdges(absl::string_view document_key, TableFile* records,
                     TableFile* facts)
    : document_key_(document_key),
      records_(records),
      facts_(facts),
      pending_(std::make_unique<Batch>()) {
  // Most edges carry nothing but their ends and type: their assertion is
  // the same bytes every time (field 4 of the record, fields in number
  // order), serialized once by the general path.
  EdgeRecord bare;
  kg::storage::Assertion* assertion = bare.add_assertions();
  assertion->set_document_key(document_key_);
  EnsureSource(document_key_, "import", assertion);
  bare.SerializeToString(&bare_assertion_);
  pending_->edges.reserve(kBatchEdges);
}

BulkEdges::~BulkEdges() = default;

absl::Status BulkEdges::Add(uint64_t src, uint32_t type_id, uint64_t dst,
                            const kg::v1::Edge* edge) {
  TopologyEdge added;
  added.src = src;
  added.dst = dst;
  added.type = type_id;
  added.id = ++count_;
  pending_->edges.push_back(added);
  // Bare edges' records are made by the writer; only the others here.
  if (edge != nullptr) {
    EdgeRecord record = BareRecord(added);
    kg::storage::Assertion* assertion = record.add_assertions();
    assertion->set_document_key(document_key_);
    MergeEdgeInto(*edge, document_key_, assertion);
    EnsureSource(document_key_, "import", assertion);
    record.SerializeToString(&pending_->records[added.id]);
  }
  return pending_->edges.size() < kBatchEdges ? absl::OkStatus()
                                              : WriteInBackground();
}

absl::StatusOr<std::vector<TopologyEdge>> BulkEdges::Finish() {
  if (absl::Status s = WriteInBackground(); !s.ok()) return s;
  if (absl::Status s = record_writer_.Wait(); !s.ok()) return s;
  if (absl::Status s = fact_writer_.Wait(); !s.ok()) return s;
  std::vector<TopologyEdge> edges;
  edges.reserve(count_);
  for (const std::shared_ptr<const Batch>& batch : batches_) {
    edges.insert(edges.end(), batch->edges.begin(), batch->edges.end());
  }
  batches_.clear();
  return edges;
}

// A failure of the writers' earlier work, if any (the records' first).
absl::Status BulkEdges::WriteInBackground() {
  if (pending_->edges.empty()) return absl::OkStatus();
  std::shared_ptr<const Batch> batch = std::move(pending_);
  batches_.push_back(batch);
  pending_ = std::make_unique<Batch>();
  pending_->edges.reserve(kBatchEdges);
  absl::Status s =
      record_writer_.Run([this, batch] { return WriteRecords(*batch); });
  if (!s.ok()) return s;
  return fact_writer_.Run([this, batch] { return WriteFacts(*batch); });
}

// A bare edge's record is its ends and type followed by the shared
// assertion.
absl::Status BulkEdges::WriteRecords(const Batch& batch) {
  std::string value;
  for (const TopologyEdge& edge : batch.edges) {
    auto kept = batch.records.find(edge.id);
    if (kept == batch.records.end()) {
      BareRecord(edge).SerializeToString(&value);
      value.append(bare_assertion_);
    }
    absl::Status s =
        records_->Put(schema::IdKey(edge.id),
                      kept == batch.records.end() ? value : kept->second);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status BulkEdges::WriteFacts(const Batch& batch) {
  std::string fact = schema::DocFactKey(document_key_, schema::kEdgeFact, 0);
  for (const TopologyEdge& edge : batch.edges) {
    SetTrailingId(edge.id, &fact);
    if (absl::Status s = facts_->Put(fact, ""); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
