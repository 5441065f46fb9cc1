// kg.v1.AdminService over a GraphStore: the consistency check, backups to a
// directory on the server's machine, and the store's RocksDB figures.
//
// Check and GetStoreStats read a consistent view while imports go on;
// Backup adds a backup as of the call's start. Backups run one at a time.
#ifndef KG_SERVICES_ADMIN_SERVICE_H_
#define KG_SERVICES_ADMIN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "kg/graph/graph_store.h"
#include "kg/v1/admin_service.grpc.pb.h"

namespace kg::services {

// The report as Check returns it (also what `kg check --db` prints).
kg::v1::CheckResponse CheckResponseFromReport(
    const graph::ConsistencyReport& report);

class AdminServiceImpl final : public kg::v1::AdminService::Service {
 public:
  // `store` must outlive the service.
  explicit AdminServiceImpl(graph::GraphStore& store) : store_(store) {}

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

 private:
  graph::GraphStore& store_;
  // BackupEngine allows one writer to a backup directory at a time.
  absl::Mutex backup_mu_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_ADMIN_SERVICE_H_
