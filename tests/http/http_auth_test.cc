// The HTTP listener under TLS and tokens: HTTPS with the server's
// certificate, and the gRPC token rule from a header or a session cookie.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>

#include "secure_server.h"

namespace kg::testing {
namespace {

class HttpAuthTest : public TokenServerTest {
 protected:
  void SetUp() override {
    TokenServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const std::string address = server_->http_address();
    const size_t colon = address.rfind(':');
    https_ = std::make_unique<httplib::SSLClient>(
        address.substr(0, colon), std::stoi(address.substr(colon + 1)));
    https_->set_ca_cert_path(certs_->ca.c_str());
    https_->enable_server_certificate_verification(true);
  }

  // The HTTP status of POST /api/v1/stats with `headers`, and its error
  // code when it failed.
  std::string StatsOutcome(const httplib::Headers& headers) {
    httplib::Result result =
        https_->Post("/api/v1/stats", headers, "{}", "application/json");
    if (!result) return "no answer: " + httplib::to_string(result.error());
    return Outcome(*result);
  }

  static std::string Outcome(const httplib::Response& response) {
    if (response.status == 200) return "200";
    google::protobuf::Struct error;
    if (!google::protobuf::util::JsonStringToMessage(response.body, &error)
             .ok()) {
      return std::to_string(response.status) + " " + response.body;
    }
    return std::to_string(response.status) + " " +
           error.fields().at("code").string_value();
  }

  std::unique_ptr<httplib::SSLClient> https_;
};

TEST_F(HttpAuthTest, HealthzNeedsNoToken) {
  httplib::Result result = https_->Get("/healthz");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 200);
}

TEST_F(HttpAuthTest, EndpointsNeedAKnownToken) {
  EXPECT_EQ(StatsOutcome({}), "401 UNAUTHENTICATED");
  EXPECT_EQ(StatsOutcome({{"Authorization", "Bearer not-a-token"}}),
            "401 UNAUTHENTICATED");
  EXPECT_EQ(
      StatsOutcome({{"Authorization", std::string("Bearer ") + kReaderToken}}),
      "200");
}

TEST_F(HttpAuthTest, SessionCookieCarriesTheToken) {
  EXPECT_EQ(StatsOutcome({{"Cookie", std::string("theme=dark; kg_token=") +
                                         kReaderToken}}),
            "200");
  EXPECT_EQ(StatsOutcome({{"Cookie", "kg_token=wrong"}}),
            "401 UNAUTHENTICATED");
}

TEST_F(HttpAuthTest, MetricsNeedAdmin) {
  httplib::Result reader = https_->Get(
      "/metrics", {{"Authorization", std::string("Bearer ") + kReaderToken}});
  ASSERT_TRUE(reader);
  EXPECT_EQ(Outcome(*reader), "403 PERMISSION_DENIED");
  httplib::Result admin = https_->Get(
      "/metrics", {{"Authorization", std::string("Bearer ") + kAdminToken}});
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200);
  EXPECT_NE(admin->body.find("kg_graph_nodes"), std::string::npos);
}

TEST_F(HttpAuthTest, RunningCallsNeedAdmin) {
  for (const char* endpoint : {"/api/v1/calls", "/api/v1/cancel_call"}) {
    httplib::Result reader = https_->Post(
        endpoint, {{"Authorization", std::string("Bearer ") + kReaderToken}},
        "{}", "application/json");
    ASSERT_TRUE(reader) << endpoint;
    EXPECT_EQ(Outcome(*reader), "403 PERMISSION_DENIED") << endpoint;
  }
  httplib::Result admin =
      https_->Post("/api/v1/calls",
                   {{"Authorization", std::string("Bearer ") + kAdminToken}},
                   "{}", "application/json");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200);
}

TEST_F(HttpAuthTest, RefusesAnExposedAddressWithoutTokens) {
  server_.reset();
  services::ServerOptions options;
  options.http_listen_address = "0.0.0.0:0";
  auto server = services::KgServer::Start(*store_, options);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(server.status().message().find("--http_listen"), std::string::npos)
      << server.status();
}

}  // namespace
}  // namespace kg::testing
