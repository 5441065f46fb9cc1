// absl::Status <-> grpc::Status. The two code spaces are the same canonical
// codes, so the mapping is one-to-one and keeps the message unchanged.
#ifndef KG_SERVICES_STATUS_MAPPING_H_
#define KG_SERVICES_STATUS_MAPPING_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace kg::services {

grpc::Status ToGrpcStatus(const absl::Status& status);
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace kg::services

#endif  // KG_SERVICES_STATUS_MAPPING_H_
