// The BulkLoader of a RocksDB-backed GraphStore (graph_store.h): builds
// each column family's table files in key order — node records as they are
// added; edge records and their doc facts as they are added too, in
// batches, on two background threads (bulk_loader_edges.h); indexes,
// adjacency (in two files) and counters at Finish, on threads of their
// own — and ingests them all in one atomic IngestExternalFiles, then
// publishes the topology it built on the way.
#ifndef KG_GRAPH_BULK_LOADER_H_
#define KG_GRAPH_BULK_LOADER_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/graph_store.h"
#include "store_core.h"

namespace kg::graph {

// `core` must outlive the loader.
absl::StatusOr<std::unique_ptr<BulkLoader>> NewRocksBulkLoader(
    StoreCore* core, absl::string_view document_key);

}  // namespace kg::graph

#endif  // KG_GRAPH_BULK_LOADER_H_
