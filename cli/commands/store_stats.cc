// kg store-stats: the RocksDB figures of a running server's store (an
// admin call) or, with --db, of a stopped database read directly.
#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "format.h"
#include "kg/services/admin_service.h"
#include "stopped_store.h"
#include "table.h"

namespace kg::cli {
namespace {

absl::StatusOr<kg::v1::GetStoreStatsResponse> ServerStats(
    CommandContext& context) {
  kg::v1::GetStoreStatsResponse response;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status = context.connection.admin().GetStoreStats(
      call.get(), kg::v1::GetStoreStatsRequest(), &response);
  if (!status.ok()) return ToAbslStatus(status);
  return response;
}

absl::StatusOr<kg::v1::GetStoreStatsResponse> DirectoryStats(
    const std::string& db) {
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoppedStore(db);
  if (!store.ok()) return store.status();
  return services::StoreStatsResponse((*store)->GetStats());
}

int Run(const ParsedArgs& args, CommandContext& context) {
  const absl::StatusOr<kg::v1::GetStoreStatsResponse> stats =
      args.Has("db") ? DirectoryStats(args.Value("db")) : ServerStats(context);
  if (!stats.ok()) return ReportError(stats.status(), context.err);
  if (context.json) {
    context.out << MessageJson(*stats) << "\n";
    return kExitOk;
  }
  Table families({"FAMILY", "KEYS", "SST_BYTES", "MEMTABLE_BYTES", "L0_FILES"});
  for (const kg::v1::ColumnFamilyStats& family : stats->families()) {
    families.AddRow({family.name(), absl::StrCat(family.estimated_keys()),
                     absl::StrCat(family.sst_bytes()),
                     absl::StrCat(family.memtable_bytes()),
                     absl::StrCat(family.level0_files())});
  }
  families.Print(context.out);
  context.out << "\n";
  Table totals;
  totals.AddRow({"pending_compaction_bytes",
                 absl::StrCat(stats->pending_compaction_bytes())});
  totals.AddRow(
      {"block_cache_bytes", absl::StrCat(stats->block_cache_bytes())});
  totals.AddRow({"block_cache_hits", absl::StrCat(stats->block_cache_hits())});
  totals.AddRow(
      {"block_cache_misses", absl::StrCat(stats->block_cache_misses())});
  totals.AddRow(
      {"write_stall_micros", absl::StrCat(stats->write_stall_micros())});
  totals.AddRow({"writes_stopped", stats->writes_stopped() ? "yes" : "no"});
  totals.AddRow(
      {"background_errors", absl::StrCat(stats->background_errors())});
  totals.AddRow({"topology_bytes", absl::StrCat(stats->topology_bytes())});
  totals.Print(context.out);
  return kExitOk;
}

}  // namespace

Command StoreStatsCommand() {
  return Command{
      "store-stats",
      "",
      "Show the store's RocksDB figures: keys, SST and memtable bytes per "
      "column family, compaction backlog, block cache use and hits, write "
      "stalls, in-memory topology size.",
      {{"db", "DIR", false,
        "Read the stopped database in DIR instead of the server's."}},
      0,
      0,
      Run};
}

}  // namespace kg::cli
