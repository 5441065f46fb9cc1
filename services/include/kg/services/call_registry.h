// CallRegistry: the long-running calls a server is answering (every
// QueryService call), so that an administrator can list them and cancel
// one (AdminService ListRunningCalls / CancelCall).
//
// A call registers for as long as its handler runs by holding a
// RunningCallScope. Its query budget polls the scope: the poll records how
// far the call has got and reports whether cancellation was asked, which
// the budget turns into CANCELLED. Cancel also cancels the gRPC call
// itself, so a handler blocked writing to a slow client stops too.
// Thread-safe.
#ifndef KG_SERVICES_CALL_REGISTRY_H_
#define KG_SERVICES_CALL_REGISTRY_H_

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kg/v1/admin_service.pb.h"

namespace kg::services {

// Requests are listed in protobuf's JSON mapping, cut to this many bytes.
inline constexpr size_t kMaxListedRequestBytes = 512;

class CallRegistry {
 public:
  CallRegistry() = default;
  CallRegistry(const CallRegistry&) = delete;
  CallRegistry& operator=(const CallRegistry&) = delete;

  // The calls registered now, oldest first.
  std::vector<kg::v1::RunningCall> List() const;

  // Asks the call to stop. NotFound naming call_id when no call registered
  // now has it.
  absl::Status Cancel(uint64_t call_id);

 private:
  friend class RunningCallScope;

  struct Entry {
    kg::v1::RunningCall description;  // Without progress and elapsed.
    absl::Time started;
    grpc::ServerContext* context;
    std::atomic<bool> cancel_requested = false;
    std::atomic<uint64_t> rows = 0;
    std::atomic<uint64_t> expansions = 0;
  };

  mutable absl::Mutex mu_;
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
  absl::flat_hash_map<uint64_t, std::unique_ptr<Entry>> calls_
      ABSL_GUARDED_BY(mu_);
};

// Registers one call of `method` ("/kg.v1.QueryService/Run") for the
// scope's lifetime, which must end before `context` does (hold it in the
// handler).
class RunningCallScope {
 public:
  RunningCallScope(CallRegistry& registry, absl::string_view method,
                   const google::protobuf::Message& request,
                   grpc::ServerContext* context);
  RunningCallScope(const RunningCallScope&) = delete;
  RunningCallScope& operator=(const RunningCallScope&) = delete;
  ~RunningCallScope();

  // Records the call's progress for List; true once Cancel was called or
  // the client went away. For the budget's cancellation probe.
  bool Poll(uint64_t rows, uint64_t expansions);
  bool cancel_requested() const;

 private:
  CallRegistry& registry_;
  uint64_t id_;
  // Owned by the registry until this scope ends.
  CallRegistry::Entry* entry_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_CALL_REGISTRY_H_
