// HealthServiceImpl: the standard health service (grpc.health.v1.Health)
// as a synchronous service. gRPC's own (EnableDefaultHealthCheckService)
// is a callback service, and a server with one callback method runs two
// more threads that poll the server's sockets with its own: every call
// then hands its request from thread to thread, which cost the point
// lookups most of their time (bench/RESULTS.md).
//
// Every service name set with SetServing is known, and "" names the whole
// server. Check answers a known service's status and NOT_FOUND otherwise;
// Watch sends the status (SERVICE_UNKNOWN for an unknown service) and
// every change, until the client cancels or Shutdown. A synchronous Watch
// holds a server thread for as long as it lasts, so at most `max_watchers`
// run at once; one more is RESOURCE_EXHAUSTED (Check costs no thread).
#ifndef KG_SERVICES_HEALTH_SERVICE_H_
#define KG_SERVICES_HEALTH_SERVICE_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace kg::services {

class HealthServiceImpl final : public grpc::health::v1::Health::Service {
 public:
  using ServingStatus = grpc::health::v1::HealthCheckResponse::ServingStatus;

  static constexpr int kDefaultMaxWatchers = 64;

  explicit HealthServiceImpl(int max_watchers = kDefaultMaxWatchers)
      : max_watchers_(max_watchers) {}

  // Sets the status of `service` ("" for the whole server). Thread-safe.
  void SetServing(const std::string& service, bool serving);

  // Every service becomes NOT_SERVING and Watch calls end (with OK), so
  // that a server shutting down does not wait for its watchers.
  void Shutdown();

  grpc::Status Check(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::health::v1::HealthCheckResponse* response) override;
  grpc::Status Watch(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::ServerWriter<grpc::health::v1::HealthCheckResponse>*
                         writer) override;

 private:
  const int max_watchers_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, ServingStatus> statuses_
      ABSL_GUARDED_BY(mu_);
  // Bumped by every change, so that watchers see one they slept through.
  uint64_t version_ ABSL_GUARDED_BY(mu_) = 0;
  bool shut_down_ ABSL_GUARDED_BY(mu_) = false;
  int watchers_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace kg::services

#endif  // KG_SERVICES_HEALTH_SERVICE_H_
