#include "kg/services/health_service.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace kg::services {
namespace {

using grpc::health::v1::HealthCheckResponse;

// How often a watcher with nothing to send looks whether its client left:
// a sync handler is not told, it has to ask.
constexpr absl::Duration kWatchPoll = absl::Milliseconds(200);

}  // namespace

void HealthServiceImpl::SetServing(const std::string& service, bool serving) {
  absl::MutexLock lock(&mu_);
  if (shut_down_) return;
  statuses_[service] =
      serving ? HealthCheckResponse::SERVING : HealthCheckResponse::NOT_SERVING;
  ++version_;
}

void HealthServiceImpl::Shutdown() {
  absl::MutexLock lock(&mu_);
  for (auto& [service, status] : statuses_) {
    status = HealthCheckResponse::NOT_SERVING;
  }
  shut_down_ = true;
  ++version_;
}

grpc::Status HealthServiceImpl::Check(
    grpc::ServerContext*, const grpc::health::v1::HealthCheckRequest* request,
    HealthCheckResponse* response) {
  absl::MutexLock lock(&mu_);
  auto it = statuses_.find(request->service());
  if (it == statuses_.end()) {
    return grpc::Status(grpc::StatusCode::NOT_FOUND,
                        "service: not known to this server");
  }
  response->set_status(it->second);
  return grpc::Status::OK;
}

grpc::Status HealthServiceImpl::Watch(
    grpc::ServerContext* context,
    const grpc::health::v1::HealthCheckRequest* request,
    grpc::ServerWriter<HealthCheckResponse>* writer) {
  {
    absl::MutexLock lock(&mu_);
    if (watchers_ >= max_watchers_) {
      return grpc::Status(
          grpc::StatusCode::RESOURCE_EXHAUSTED,
          absl::StrCat("Watch: ", max_watchers_,
                       " watchers already; ask with Check instead"));
    }
    ++watchers_;
  }
  std::optional<ServingStatus> sent;
  uint64_t seen_version = 0;
  while (!context->IsCancelled()) {
    ServingStatus status;
    bool shut_down;
    {
      absl::MutexLock lock(&mu_);
      auto changed = [this, &seen_version] { return version_ != seen_version; };
      if (sent &&
          !mu_.AwaitWithTimeout(absl::Condition(&changed), kWatchPoll)) {
        continue;
      }
      seen_version = version_;
      auto it = statuses_.find(request->service());
      status = it == statuses_.end() ? HealthCheckResponse::SERVICE_UNKNOWN
                                     : it->second;
      shut_down = shut_down_;
    }
    if (status != sent) {
      HealthCheckResponse response;
      response.set_status(status);
      if (!writer->Write(response)) break;
      sent = status;
    }
    if (shut_down) break;
  }
  absl::MutexLock lock(&mu_);
  --watchers_;
  return grpc::Status::OK;
}

}  // namespace kg::services
