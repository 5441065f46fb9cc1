// A kg server with its HTTP listener on an ephemeral 127.0.0.1 port, an
// HTTP client to it and a small graph: three states, a network they belong
// to, and the document the facts came from.
#ifndef KG_TESTS_HTTP_HTTP_FIXTURE_H_
#define KG_TESTS_HTTP_HTTP_FIXTURE_H_

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>

#include "test_server.h"

namespace kg::testing {

inline constexpr char kNetwork[] = "network:wps-fpn";

class HttpTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    services::ServerOptions options;
    options.http_listen_address = "127.0.0.1:0";
    StartServer(options);
    if (HasFatalFailure()) return;
    const std::string address = server_->http_address();
    const size_t colon = address.rfind(':');
    http_ = std::make_unique<httplib::Client>(
        address.substr(0, colon), std::stoi(address.substr(colon + 1)));
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

  std::unique_ptr<httplib::Client> http_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_HTTP_HTTP_FIXTURE_H_
