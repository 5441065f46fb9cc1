#include "kg/services/admin_service.h"

#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "kg/graph/backup.h"
#include "kg/graph/consistency_check.h"
#include "kg/graph/store_stats.h"
#include "kg/services/logging.h"
#include "kg/services/status_mapping.h"

namespace kg::services {

kg::v1::CheckResponse CheckResponseFromReport(
    const graph::ConsistencyReport& report) {
  kg::v1::CheckResponse response;
  response.set_nodes_checked(report.nodes_checked);
  response.set_edges_checked(report.edges_checked);
  response.set_entries_checked(report.entries_checked);
  for (const graph::Fault& fault : report.faults) {
    kg::v1::ConsistencyFault* out = response.add_faults();
    out->set_kind(std::string(graph::FaultKindName(fault.kind)));
    out->set_detail(fault.detail);
  }
  return response;
}

kg::v1::GetStoreStatsResponse StoreStatsResponse(
    const graph::StoreStats& stats) {
  kg::v1::GetStoreStatsResponse response;
  for (const graph::FamilyStats& family : stats.families) {
    kg::v1::ColumnFamilyStats* out = response.add_families();
    out->set_name(family.name);
    out->set_estimated_keys(family.estimated_keys);
    out->set_sst_bytes(family.sst_bytes);
    out->set_memtable_bytes(family.memtable_bytes);
    out->set_level0_files(family.level0_files);
  }
  response.set_pending_compaction_bytes(stats.pending_compaction_bytes);
  response.set_running_compactions(stats.running_compactions);
  response.set_running_flushes(stats.running_flushes);
  response.set_background_errors(stats.background_errors);
  response.set_block_cache_bytes(stats.block_cache_bytes);
  response.set_delayed_write_rate(stats.delayed_write_rate);
  response.set_writes_stopped(stats.writes_stopped);
  response.set_live_snapshots(stats.live_snapshots);
  response.set_block_cache_hits(stats.block_cache_hits);
  response.set_block_cache_misses(stats.block_cache_misses);
  response.set_write_stall_micros(stats.write_stall_micros);
  response.set_topology_bytes(stats.topology_bytes);
  return response;
}

grpc::Status AdminServiceImpl::Check(grpc::ServerContext*,
                                     const kg::v1::CheckRequest*,
                                     kg::v1::CheckResponse* response) {
  absl::StatusOr<graph::ConsistencyReport> report = store_.CheckConsistency();
  if (!report.ok()) return ToGrpcStatus(report.status());
  *response = CheckResponseFromReport(*report);
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::Backup(grpc::ServerContext*,
                                      const kg::v1::BackupRequest* request,
                                      kg::v1::BackupResponse* response) {
  if (!absl::StartsWith(request->backup_dir(), "/")) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "backup_dir: must be an absolute path on the server");
  }
  absl::MutexLock lock(&backup_mu_);
  absl::StatusOr<graph::BackupInfo> info =
      store_.CreateBackup(request->backup_dir());
  if (!info.ok()) return ToGrpcStatus(info.status());
  if (request->keep() > 0) {
    absl::StatusOr<uint32_t> deleted =
        graph::PruneBackups(request->backup_dir(), request->keep());
    if (!deleted.ok()) return ToGrpcStatus(deleted.status());
    response->set_backups_deleted(*deleted);
  }
  Log(LogLevel::kInfo, "backup_done",
      {{"backup_dir", request->backup_dir()},
       {"backup_id", static_cast<uint64_t>(info->backup_id)},
       {"bytes", info->size_bytes},
       {"backups_deleted",
        static_cast<uint64_t>(response->backups_deleted())}});
  response->set_backup_id(info->backup_id);
  response->set_created_unix_seconds(info->created_unix_seconds);
  response->set_size_bytes(info->size_bytes);
  response->set_file_count(info->file_count);
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::GetStoreStats(
    grpc::ServerContext*, const kg::v1::GetStoreStatsRequest*,
    kg::v1::GetStoreStatsResponse* response) {
  *response = StoreStatsResponse(store_.GetStats());
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::ListRunningCalls(
    grpc::ServerContext*, const kg::v1::ListRunningCallsRequest*,
    kg::v1::ListRunningCallsResponse* response) {
  for (kg::v1::RunningCall& call : calls_.List()) {
    *response->add_calls() = std::move(call);
  }
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::CancelCall(
    grpc::ServerContext*, const kg::v1::CancelCallRequest* request,
    kg::v1::CancelCallResponse*) {
  return ToGrpcStatus(calls_.Cancel(request->call_id()));
}

}  // namespace kg::services
