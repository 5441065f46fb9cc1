// The server around the services: health, reflection, and the kg-server
// binary's start-up line and clean shutdown on a signal.
#include <gmock/gmock.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "subprocess.h"
#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::MatchesRegex;
using tools::ChildProcess;

TEST_F(ServerTest, HealthServiceReportsServing) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  for (const char* service : {"", "kg.v1.GraphService", "kg.v1.IngestService",
                              "kg.v1.QueryService"}) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    grpc::Status status = health->Check(&context, request, &response);
    ASSERT_TRUE(status.ok()) << service << ": " << status.error_message();
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING)
        << service;
  }
}

TEST_F(ServerTest, HealthCheckOfAnUnknownServiceIsNotFound) {
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  request.set_service("kg.v1.NoSuchService");
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = grpc::health::v1::Health::NewStub(channel_)->Check(
      &context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

// A Watch of `service` on `channel`, started.
std::unique_ptr<grpc::ClientReader<grpc::health::v1::HealthCheckResponse>>
StartWatch(const std::shared_ptr<grpc::Channel>& channel,
           grpc::ClientContext* context, const std::string& service) {
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  return grpc::health::v1::Health::NewStub(channel)->Watch(context, request);
}

TEST_F(ServerTest, HealthWatchSeesServingThenNotServingAtShutdown) {
  grpc::ClientContext context;
  auto watch = StartWatch(channel_, &context, "kg.v1.GraphService");
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  // The watcher ends with the server rather than holding its shutdown up.
  server_->Shutdown(absl::Seconds(30));
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(),
            grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  EXPECT_FALSE(watch->Read(&response));
  EXPECT_TRUE(watch->Finish().ok());
}

TEST_F(ServerTest, HealthWatchOfAnUnknownServiceSaysSoUntilCancelled) {
  grpc::ClientContext context;
  auto watch = StartWatch(channel_, &context, "kg.v1.NoSuchService");
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(),
            grpc::health::v1::HealthCheckResponse::SERVICE_UNKNOWN);
  context.TryCancel();
  EXPECT_FALSE(watch->Read(&response));
  EXPECT_EQ(watch->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

// One ServerReflectionInfo exchange asking for the service list. The
// reflection C++ classes live inside libgrpc++_reflection without their
// headers (and generating them again would clash at start-up), so the
// messages travel as raw protobuf bytes through a generic call.
std::vector<std::string> ListServicesByReflection(
    std::shared_ptr<grpc::Channel> channel) {
  // ServerReflectionRequest{list_services (field 7) = ""}.
  const std::string request_bytes("\x3a\x00", 2);
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  grpc::CompletionQueue queue;
  auto step = [&queue](intptr_t tag) {
    void* got = nullptr;
    bool ok = false;
    return queue.Next(&got, &ok) && got == reinterpret_cast<void*>(tag) && ok;
  };
  auto call = stub.PrepareCall(
      &context,
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  EXPECT_TRUE(step(1));
  grpc::Slice slice(request_bytes);
  call->Write(grpc::ByteBuffer(&slice, 1), reinterpret_cast<void*>(2));
  EXPECT_TRUE(step(2));
  call->WritesDone(reinterpret_cast<void*>(3));
  EXPECT_TRUE(step(3));
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(4));
  EXPECT_TRUE(step(4));
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  EXPECT_TRUE(step(5));
  EXPECT_TRUE(status.ok()) << status.error_message();
  queue.Shutdown();

  std::vector<grpc::Slice> slices;
  EXPECT_TRUE(response.Dump(&slices).ok());
  std::string bytes;
  for (const grpc::Slice& piece : slices) {
    bytes.append(reinterpret_cast<const char*>(piece.begin()), piece.size());
  }
  // ServerReflectionResponse.list_services_response (6) holds
  // ListServiceResponse.service (1) entries, each ServiceResponse.name (1).
  std::vector<std::string> names;
  google::protobuf::UnknownFieldSet message;
  EXPECT_TRUE(message.ParseFromString(bytes));
  for (int i = 0; i < message.field_count(); ++i) {
    if (message.field(i).number() != 6) continue;
    google::protobuf::UnknownFieldSet list;
    EXPECT_TRUE(list.ParseFromString(message.field(i).length_delimited()));
    for (int j = 0; j < list.field_count(); ++j) {
      google::protobuf::UnknownFieldSet service;
      EXPECT_TRUE(service.ParseFromString(list.field(j).length_delimited()));
      for (int k = 0; k < service.field_count(); ++k) {
        if (service.field(k).number() == 1) {
          names.push_back(service.field(k).length_delimited());
        }
      }
    }
  }
  return names;
}

TEST_F(ServerTest, ReflectionListsTheServices) {
  EXPECT_THAT(ListServicesByReflection(channel_),
              IsSupersetOf({"kg.v1.GraphService", "kg.v1.IngestService",
                            "kg.v1.QueryService", "grpc.health.v1.Health"}));
}

class ServerBinaryTest : public ::testing::TestWithParam<int> {};

TEST_P(ServerBinaryTest, ServesThenStopsCleanlyOnSignal) {
  std::string dir =
      (std::filesystem::temp_directory_path() / "kg-server-test-XXXXXX")
          .string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  {
    // Flags spelled with dashes or underscores alike.
    std::unique_ptr<ChildProcess> server =
        SpawnProcess({KG_SERVER_PATH, "--db", dir + "/db", "--listen",
                      "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
                      "--reference-dir=", "--log_file", dir + "/server.log"});
    ASSERT_NE(server, nullptr);
    std::string line = server->ReadLine(kReadTimeout);
    ASSERT_THAT(line, MatchesRegex("kg-server listening on 127\\.0\\.0\\.1:"
                                   "[0-9]+"));
    EXPECT_THAT(server->ReadLine(kReadTimeout),
                MatchesRegex("kg-server http on 127\\.0\\.0\\.1:[0-9]+"));
    {
      // Scoped so the connection closes first: the server's shutdown waits
      // (up to its grace period) for connected clients to leave.
      auto stub = kg::v1::GraphService::NewStub(
          grpc::CreateChannel(line.substr(line.rfind(' ') + 1),
                              grpc::InsecureChannelCredentials()));
      grpc::ClientContext context;
      kg::v1::GetStatsResponse stats;
      grpc::Status status =
          stub->GetStats(&context, kg::v1::GetStatsRequest(), &stats);
      EXPECT_TRUE(status.ok()) << status.error_message();
      EXPECT_EQ(stats.node_count(), 0u);
    }
    EXPECT_EQ(server->Stop(GetParam()), 0);
  }
  // The log file holds the server's events, one JSON object a line.
  std::ifstream log(dir + "/server.log");
  std::vector<std::string> events;
  for (std::string line; std::getline(log, line);) {
    google::protobuf::Struct parsed;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &parsed).ok())
        << line;
    events.push_back(parsed.fields().at("event").string_value());
  }
  EXPECT_THAT(events,
              ::testing::ElementsAre("server_started", "server_stopping",
                                     "server_stopped"));
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Signals, ServerBinaryTest,
                         ::testing::Values(SIGTERM, SIGINT));

TEST(ServerBinaryFlagsTest, RefusesToStartWithoutDb) {
  std::string dir =
      (std::filesystem::temp_directory_path() / "kg-server-test-XXXXXX")
          .string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  {
    std::unique_ptr<ChildProcess> server =
        SpawnProcess({KG_SERVER_PATH, "--listen", "127.0.0.1:0", "--log_file",
                      dir + "/server.log"});
    ASSERT_NE(server, nullptr);
    EXPECT_EQ(server->ReadLine(kReadTimeout), "");
    EXPECT_NE(server->Stop(0), 0);
  }
  std::ifstream log(dir + "/server.log");
  std::string line;
  std::getline(log, line);
  EXPECT_THAT(line, HasSubstr("--db is required"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kg::testing
