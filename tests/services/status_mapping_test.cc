#include "kg/services/status_mapping.h"

#include <gtest/gtest.h>

namespace kg::services {
namespace {

TEST(StatusMappingTest, EveryCodeMapsOneToOneKeepingTheMessage) {
  for (int code = 0; code <= 16; ++code) {
    absl::Status status(static_cast<absl::StatusCode>(code), "why: because");
    grpc::Status mapped = ToGrpcStatus(status);
    EXPECT_EQ(static_cast<int>(mapped.error_code()), code);
    // An OK status carries no message in either library.
    EXPECT_EQ(mapped.error_message(), code == 0 ? "" : "why: because");
    EXPECT_EQ(FromGrpcStatus(mapped), status);
  }
}

TEST(StatusMappingTest, NamedCodesAgree) {
  EXPECT_EQ(ToGrpcStatus(absl::NotFoundError("x")).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ToGrpcStatus(absl::FailedPreconditionError("x")).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(FromGrpcStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                        "key: must not be empty")),
            absl::InvalidArgumentError("key: must not be empty"));
}

}  // namespace
}  // namespace kg::services
