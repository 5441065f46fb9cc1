// kg.v1.AdminService over a GraphStore: the consistency check, backups to a
// directory on the server's machine, and the store's RocksDB figures.
//
// Check and GetStoreStats read a consistent view while imports go on;
// Backup adds a backup as of the call's start. Backups run one at a time.
// ListRunningCalls and CancelCall act on the server's CallRegistry.
#ifndef KG_SERVICES_ADMIN_SERVICE_H_
#define KG_SERVICES_ADMIN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/store_stats.h"
#include "kg/services/call_registry.h"
#include "kg/v1/admin_service.grpc.pb.h"

namespace kg::services {

// The report as Check returns it (also what `kg check --db` prints).
kg::v1::CheckResponse CheckResponseFromReport(
    const graph::ConsistencyReport& report);

// The figures as GetStoreStats returns them (also what `kg store-stats
// --db` prints).
kg::v1::GetStoreStatsResponse StoreStatsResponse(
    const graph::StoreStats& stats);

class AdminServiceImpl final : public kg::v1::AdminService::Service {
 public:
  // `store` and `calls` must outlive the service.
  AdminServiceImpl(graph::GraphStore& store, CallRegistry& calls)
      : store_(store), calls_(calls) {}

  // OK with the faults found, if any; DATA_LOSS when the store cannot be
  // read at all.
  grpc::Status Check(grpc::ServerContext* context,
                     const kg::v1::CheckRequest* request,
                     kg::v1::CheckResponse* response) override;
  // INVALID_ARGUMENT naming backup_dir unless it is an absolute path.
  grpc::Status Backup(grpc::ServerContext* context,
                      const kg::v1::BackupRequest* request,
                      kg::v1::BackupResponse* response) override;
  grpc::Status GetStoreStats(grpc::ServerContext* context,
                             const kg::v1::GetStoreStatsRequest* request,
                             kg::v1::GetStoreStatsResponse* response) override;
  grpc::Status ListRunningCalls(
      grpc::ServerContext* context,
      const kg::v1::ListRunningCallsRequest* request,
      kg::v1::ListRunningCallsResponse* response) override;
  // NOT_FOUND naming call_id when no running call has it.
  grpc::Status CancelCall(grpc::ServerContext* context,
                          const kg::v1::CancelCallRequest* request,
                          kg::v1::CancelCallResponse* response) override;

 private:
  graph::GraphStore& store_;
  CallRegistry& calls_;
  // BackupEngine allows one writer to a backup directory at a time.
  absl::Mutex backup_mu_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_ADMIN_SERVICE_H_
