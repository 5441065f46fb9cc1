// The slow-call log: one line of the server's log (logging.h) for each
// call that took at least the threshold (kg-server --slow_query_log_ms),
// e.g.
//
//   {"time":"...","level":"warning","event":"slow_call",
//    "method":"/kg.v1.QueryService/Traverse",
//    "seconds":1.2,"code":"OK","responses":3,"rows":140,
//    "request":"{\"startKeys\":..."}
//
// `request` is the call's first request message in protobuf's JSON
// mapping, cut to kMaxLoggedRequestBytes ("" when none was received);
// `responses` counts the messages sent back (one per unary call, one per
// batch of a stream); `rows` is what the call's query budget charged (rows
// held or returned, as ListRunningCalls reports them), null for a call
// that runs no query.
#ifndef KG_SERVICES_HTTP_SLOW_CALL_LOG_H_
#define KG_SERVICES_HTTP_SLOW_CALL_LOG_H_

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace kg::services {

inline constexpr size_t kMaxLoggedRequestBytes = 2048;

// The trailing metadata entry in which a handler that runs a query reports
// its budget's rows (decimal), for the log line's `rows`.
inline constexpr char kRowsTrailer[] = "kg-rows";

// The line, without its newline. `request` may be null (none received).
std::string SlowCallLine(absl::string_view method,
                         const google::protobuf::Message* request,
                         int responses, std::optional<uint64_t> rows,
                         grpc::StatusCode code, absl::Duration elapsed);

}  // namespace kg::services

#endif  // KG_SERVICES_HTTP_SLOW_CALL_LOG_H_
