#include "kg/services/http/slow_call_log.h"

#include <google/protobuf/util/json_util.h>

#include "absl/status/status.h"
#include "kg/services/logging.h"

namespace kg::services {

std::string SlowCallLine(absl::string_view method,
                         const google::protobuf::Message* request,
                         int responses, std::optional<uint64_t> rows,
                         grpc::StatusCode code, absl::Duration elapsed) {
  std::string json;
  if (request != nullptr) {
    // A message the server has parsed always prints.
    google::protobuf::util::MessageToJsonString(*request, &json);
    if (json.size() > kMaxLoggedRequestBytes) {
      json.resize(kMaxLoggedRequestBytes);
    }
  }
  return LogLine(
      absl::Now(), LogLevel::kWarning, "slow_call",
      {{"method", method},
       {"seconds", elapsed},
       {"code", absl::StatusCodeToString(static_cast<absl::StatusCode>(code))},
       {"responses", responses},
       {"rows", rows},
       {"request", json}});
}

}  // namespace kg::services
