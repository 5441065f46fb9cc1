// HealthServiceImpl on a gRPC server of its own: the cap on watchers.
#include "kg/services/health_service.h"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace kg::services {
namespace {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

class HealthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    health_.SetServing("", true);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port);
    builder.RegisterService(&health_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = grpc::health::v1::Health::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  }

  void TearDown() override {
    health_.Shutdown();
    server_->Shutdown();
  }

  // A Watch of the whole server, with its first answer read.
  std::unique_ptr<grpc::ClientReader<HealthCheckResponse>> StartWatch(
      grpc::ClientContext* context, HealthCheckResponse* first) {
    auto watch = stub_->Watch(context, HealthCheckRequest());
    if (!watch->Read(first)) first->Clear();
    return watch;
  }

  HealthServiceImpl health_{/*max_watchers=*/1};
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::health::v1::Health::Stub> stub_;
};

TEST_F(HealthServiceTest, OneWatcherMoreThanTheCapIsResourceExhausted) {
  grpc::ClientContext first_context;
  HealthCheckResponse first;
  auto first_watch = StartWatch(&first_context, &first);
  EXPECT_EQ(first.status(), HealthCheckResponse::SERVING);

  grpc::ClientContext second_context;
  HealthCheckResponse second;
  auto second_watch = StartWatch(&second_context, &second);
  grpc::Status refused = second_watch->Finish();
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(refused.error_message().find("Watch"), std::string::npos)
      << refused.error_message();

  // Check still answers while the only watcher slot is taken.
  grpc::ClientContext check_context;
  HealthCheckResponse checked;
  ASSERT_TRUE(
      stub_->Check(&check_context, HealthCheckRequest(), &checked).ok());
  EXPECT_EQ(checked.status(), HealthCheckResponse::SERVING);

  // The slot comes back once the first watcher leaves.
  first_context.TryCancel();
  first_watch->Finish();
  grpc::Status later;
  for (int attempt = 0; attempt < 50; ++attempt) {
    grpc::ClientContext context;
    HealthCheckResponse response;
    auto watch = StartWatch(&context, &response);
    if (response.status() == HealthCheckResponse::SERVING) {
      context.TryCancel();
      later = watch->Finish();
      break;
    }
    later = watch->Finish();
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_EQ(later.error_code(), grpc::StatusCode::CANCELLED)
      << later.error_message();
}

}  // namespace
}  // namespace kg::services
