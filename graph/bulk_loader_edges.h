// BulkEdges: the edges of a bulk load, numbered from 1 as added, and their
// `edges` records and doc facts, written to their table files in batches on
// two background threads (one a file) while the caller adds more.
#ifndef KG_GRAPH_BULK_LOADER_EDGES_H_
#define KG_GRAPH_BULK_LOADER_EDGES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bulk_loader_background.h"
#include "bulk_loader_table_file.h"
#include "kg/v1/types.pb.h"
#include "topology.h"

namespace kg::graph {

class BulkEdges {
 public:
  // `records` and `facts` must outlive this; nothing else writes them
  // before Finish.
  BulkEdges(absl::string_view document_key, TableFile* records,
            TableFile* facts);
  BulkEdges(const BulkEdges&) = delete;
  BulkEdges& operator=(const BulkEdges&) = delete;
  // Waits for the writers.
  ~BulkEdges();

  // Adds the checked edge from `src` to `dst`; `edge` is the whole of it
  // when it has properties or sources, nullptr otherwise. A failure of
  // earlier writes, if any.
  absl::Status Add(uint64_t src, uint32_t type_id, uint64_t dst,
                   const kg::v1::Edge* edge);

  size_t size() const { return count_; }

  // Writes the edges not yet written and waits for the writers; the
  // edges, in id order. Edge facts sort before node facts ('e' < 'n'):
  // `facts` takes the node facts after this.
  absl::StatusOr<std::vector<TopologyEdge>> Finish();

 private:
  struct Batch;

  absl::Status WriteInBackground();
  absl::Status WriteRecords(const Batch& batch);
  absl::Status WriteFacts(const Batch& batch);

  const std::string document_key_;
  TableFile* const records_;
  TableFile* const facts_;
  // The assertion every bare edge's record ends with.
  std::string bare_assertion_;
  size_t count_ = 0;
  // Those handed to the writers (which read them while they are written),
  // then those not yet, in id order.
  std::vector<std::shared_ptr<const Batch>> batches_;
  std::unique_ptr<Batch> pending_;
  // Declared last, so destroyed first: they wait for their tasks before
  // the batches those tasks read go.
  BackgroundWriter record_writer_;
  BackgroundWriter fact_writer_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_BULK_LOADER_EDGES_H_
