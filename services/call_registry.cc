#include "kg/services/call_registry.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kg::services {

std::vector<kg::v1::RunningCall> CallRegistry::List() const {
  const absl::Time now = absl::Now();
  std::vector<kg::v1::RunningCall> calls;
  absl::MutexLock lock(&mu_);
  calls.reserve(calls_.size());
  for (const auto& [id, entry] : calls_) {
    kg::v1::RunningCall& call = calls.emplace_back(entry->description);
    call.set_elapsed_seconds(absl::ToDoubleSeconds(now - entry->started));
    call.set_rows(entry->rows.load(std::memory_order_relaxed));
    call.set_expansions(entry->expansions.load(std::memory_order_relaxed));
    call.set_cancelling(entry->cancel_requested.load());
  }
  // Ids grow with time.
  std::sort(calls.begin(), calls.end(),
            [](const kg::v1::RunningCall& a, const kg::v1::RunningCall& b) {
              return a.call_id() < b.call_id();
            });
  return calls;
}

absl::Status CallRegistry::Cancel(uint64_t call_id) {
  absl::MutexLock lock(&mu_);
  auto it = calls_.find(call_id);
  if (it == calls_.end()) {
    return absl::NotFoundError(
        absl::StrCat("call_id: no running call has the id ", call_id));
  }
  it->second->cancel_requested = true;
  // The handler still holds its scope (removal takes mu_), so the context
  // is alive; the handler returns CANCELLED as TryCancel requires, because
  // its budget now reports cancellation.
  it->second->context->TryCancel();
  return absl::OkStatus();
}

RunningCallScope::RunningCallScope(CallRegistry& registry,
                                   absl::string_view method,
                                   const google::protobuf::Message& request,
                                   grpc::ServerContext* context)
    : registry_(registry) {
  auto entry = std::make_unique<CallRegistry::Entry>();
  entry->started = absl::Now();
  entry->context = context;
  kg::v1::RunningCall& description = entry->description;
  description.set_method(std::string(method));
  std::string json;
  // A message the server has parsed always prints.
  google::protobuf::util::MessageToJsonString(request, &json);
  if (json.size() > kMaxListedRequestBytes) json.resize(kMaxListedRequestBytes);
  description.set_request(std::move(json));
  description.set_peer(context->peer());
  description.set_started_unix_micros(absl::ToUnixMicros(entry->started));
  entry_ = entry.get();
  absl::MutexLock lock(&registry_.mu_);
  id_ = registry_.next_id_++;
  entry->description.set_call_id(id_);
  registry_.calls_[id_] = std::move(entry);
}

RunningCallScope::~RunningCallScope() {
  absl::MutexLock lock(&registry_.mu_);
  registry_.calls_.erase(id_);
}

bool RunningCallScope::Poll(uint64_t rows, uint64_t expansions) {
  entry_->rows.store(rows, std::memory_order_relaxed);
  entry_->expansions.store(expansions, std::memory_order_relaxed);
  return cancel_requested() || entry_->context->IsCancelled();
}

bool RunningCallScope::cancel_requested() const {
  return entry_->cancel_requested.load();
}

}  // namespace kg::services
