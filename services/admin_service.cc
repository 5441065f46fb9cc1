#include "kg/services/admin_service.h"

#include <string>

#include "absl/strings/match.h"
#include "kg/graph/backup.h"
#include "kg/graph/consistency_check.h"
#include "kg/graph/store_stats.h"
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
  response->set_backup_id(info->backup_id);
  response->set_created_unix_seconds(info->created_unix_seconds);
  response->set_size_bytes(info->size_bytes);
  response->set_file_count(info->file_count);
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::GetStoreStats(
    grpc::ServerContext*, const kg::v1::GetStoreStatsRequest*,
    kg::v1::GetStoreStatsResponse* response) {
  const graph::StoreStats stats = store_.GetStats();
  for (const graph::FamilyStats& family : stats.families) {
    kg::v1::ColumnFamilyStats* out = response->add_families();
    out->set_name(family.name);
    out->set_estimated_keys(family.estimated_keys);
    out->set_sst_bytes(family.sst_bytes);
    out->set_memtable_bytes(family.memtable_bytes);
    out->set_level0_files(family.level0_files);
  }
  response->set_pending_compaction_bytes(stats.pending_compaction_bytes);
  response->set_running_compactions(stats.running_compactions);
  response->set_running_flushes(stats.running_flushes);
  response->set_background_errors(stats.background_errors);
  response->set_block_cache_bytes(stats.block_cache_bytes);
  response->set_delayed_write_rate(stats.delayed_write_rate);
  response->set_writes_stopped(stats.writes_stopped);
  response->set_live_snapshots(stats.live_snapshots);
  return grpc::Status::OK;
}

}  // namespace kg::services
