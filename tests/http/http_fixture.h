// A kg server with its HTTP listener on an ephemeral 127.0.0.1 port, an
// HTTP client to it and a small graph: three states, a network they belong
// to, and the document the facts came from.
#ifndef KG_TESTS_HTTP_HTTP_FIXTURE_H_
#define KG_TESTS_HTTP_HTTP_FIXTURE_H_

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>
#include <vector>

#include "test_server.h"

namespace kg::testing {

inline constexpr char kNetwork[] = "network:wps-fpn";

class HttpTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    StartHttpServer({});
    if (HasFatalFailure()) return;
    grpc::Status status =
        Import("doc:http-test",
               {MakeNode("state:DEU", "State", "Germany"),
                MakeNode("state:FRA", "State", "France"),
                MakeNode("state:GHA", "State", "Ghana"),
                MakeNode(kNetwork, "Network", "WPS Focal Points Network")},
               {MakeEdge("state:DEU", "MEMBER_OF", kNetwork),
                MakeEdge("state:FRA", "MEMBER_OF", kNetwork),
                MakeEdge("state:GHA", "MEMBER_OF", kNetwork)});
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  // (Re)starts the server on the same store with `options` and an HTTP
  // listener, which http_ then talks to.
  void StartHttpServer(services::ServerOptions options) {
    options.http_listen_address = "127.0.0.1:0";
    StartServer(options);
    if (HasFatalFailure()) return;
    http_ =
        std::make_unique<httplib::Client>("http://" + server_->http_address());
  }

  // POSTs `json` to /api/v1/<endpoint>; fails the test when no answer.
  httplib::Result Post(const std::string& endpoint, const std::string& json) {
    httplib::Result result =
        http_->Post("/api/v1/" + endpoint, json, "application/json");
    EXPECT_TRUE(result) << "no answer from /api/v1/" << endpoint;
    return result;
  }

  // Parses a JSON answer body into `message`.
  static void ParseJson(const std::string& json,
                        google::protobuf::Message& message) {
    auto status = google::protobuf::util::JsonStringToMessage(json, &message);
    ASSERT_TRUE(status.ok()) << status.message() << " in " << json;
  }

  // The messages of a streaming method's answer (a JSON array of them).
  template <typename Message>
  static std::vector<Message> StreamedMessages(const std::string& json) {
    google::protobuf::ListValue array;
    ParseJson(json, array);
    std::vector<Message> messages;
    for (const google::protobuf::Value& value : array.values()) {
      std::string one;
      EXPECT_TRUE(
          google::protobuf::util::MessageToJsonString(value, &one).ok());
      ParseJson(one, messages.emplace_back());
    }
    return messages;
  }

  std::unique_ptr<httplib::Client> http_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_HTTP_HTTP_FIXTURE_H_
