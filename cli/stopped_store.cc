#include "stopped_store.h"

namespace kg::cli {

absl::StatusOr<std::unique_ptr<graph::GraphStore>> OpenStoppedStore(
    const std::string& dir) {
  graph::StoreOptions options;
  options.create_if_missing = false;
  options.topology_budget_bytes = 0;
  return graph::GraphStore::Open(dir, options);
}

}  // namespace kg::cli
