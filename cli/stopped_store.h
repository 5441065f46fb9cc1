// Opening the stopped database a command's --db names, for commands that
// also work without a server (backup, store-stats).
#ifndef KG_CLI_STOPPED_STORE_H_
#define KG_CLI_STOPPED_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "kg/graph/graph_store.h"

namespace kg::cli {

// The existing database in `dir`, without its in-memory topology (these
// commands do not traverse). FailedPrecondition while a server holds it,
// an error naming `dir` when there is none.
absl::StatusOr<std::unique_ptr<graph::GraphStore>> OpenStoppedStore(
    const std::string& dir);

}  // namespace kg::cli

#endif  // KG_CLI_STOPPED_STORE_H_
