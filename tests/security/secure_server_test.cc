// kg-server's transport security and access control over real channels:
// TLS with certificates the test makes, client-certificate verification,
// bearer tokens of each role against methods of each role, and the
// refusal to expose an unprotected server beyond loopback.
#include "secure_server.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "kg/graph/graph_store.h"
#include "kg/services/auth.h"
#include "kg/services/server_builder.h"
#include "kg/v1/admin_service.grpc.pb.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "kg/v1/ingest_service.grpc.pb.h"

namespace kg::testing {
namespace {

using services::Role;
using ::testing::HasSubstr;

TEST_F(SecureServerTest, TlsClientTrustingTheCaIsServed) {
  Start(TlsOptions());
  grpc::Status status = GetStats(TrustingChannel());
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(SecureServerTest, PlaintextClientOfATlsServerFails) {
  Start(TlsOptions());
  grpc::Status status = GetStats(grpc::CreateChannel(
      server_->address(), grpc::InsecureChannelCredentials()));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

TEST_F(SecureServerTest, ClientNotTrustingTheServersCaFails) {
  Start(TlsOptions());
  grpc::Status status =
      GetStats(TlsChannel(server_->address(), {certs_->other_ca}));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

TEST_F(SecureServerTest, ClientCertificatesAreVerified) {
  services::ServerOptions options = TlsOptions();
  options.tls.client_ca_file = certs_->ca.string();
  Start(options);

  grpc::Status signed_by_ca =
      GetStats(TlsChannel(server_->address(), {certs_->ca, certs_->client_cert,
                                               certs_->client_key}));
  EXPECT_TRUE(signed_by_ca.ok()) << signed_by_ca.error_message();

  grpc::Status without = GetStats(TrustingChannel());
  EXPECT_EQ(without.error_code(), grpc::StatusCode::UNAVAILABLE)
      << without.error_message();

  grpc::Status stranger = GetStats(
      TlsChannel(server_->address(),
                 {certs_->ca, certs_->stranger_cert, certs_->stranger_key}));
  EXPECT_EQ(stranger.error_code(), grpc::StatusCode::UNAVAILABLE)
      << stranger.error_message();
}

// One method of each role, called as the API's clients would.
struct RoleCall {
  std::string method;
  Role role;
  std::function<grpc::Status(const std::shared_ptr<grpc::Channel>&,
                             const std::string& token)>
      call;
};

std::vector<RoleCall> RoleCalls() {
  return {
      {"GraphService/GetStats", Role::kReader,
       [](const std::shared_ptr<grpc::Channel>& channel,
          const std::string& token) { return GetStats(channel, token); }},
      {"IngestService/RemoveDocument", Role::kWriter,
       [](const std::shared_ptr<grpc::Channel>& channel,
          const std::string& token) {
         kg::v1::RemoveDocumentRequest request;
         request.set_document_key("doc:never-imported");
         kg::v1::RemoveDocumentResponse response;
         return kg::v1::IngestService::NewStub(channel)->RemoveDocument(
             NewContext(token).get(), request, &response);
       }},
      {"AdminService/GetStoreStats", Role::kAdmin,
       [](const std::shared_ptr<grpc::Channel>& channel,
          const std::string& token) {
         kg::v1::GetStoreStatsResponse response;
         return kg::v1::AdminService::NewStub(channel)->GetStoreStats(
             NewContext(token).get(), kg::v1::GetStoreStatsRequest(),
             &response);
       }},
  };
}

TEST_F(SecureServerTest, EachTokenReachesExactlyTheMethodsOfItsRole) {
  Start(TokenOptions());
  const std::shared_ptr<grpc::Channel> channel = TrustingChannel();
  const std::pair<std::string, Role> tokens[] = {{kReaderToken, Role::kReader},
                                                 {kWriterToken, Role::kWriter},
                                                 {kAdminToken, Role::kAdmin}};

  for (const RoleCall& call : RoleCalls()) {
    SCOPED_TRACE(call.method);
    grpc::Status none = call.call(channel, "");
    EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_THAT(none.error_message(), HasSubstr("authorization: missing"));
    EXPECT_THAT(none.error_message(), HasSubstr(call.method));

    grpc::Status wrong = call.call(channel, "not-a-known-token");
    EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_THAT(wrong.error_message(), HasSubstr("not one this server knows"));

    for (const auto& [token, role] : tokens) {
      SCOPED_TRACE(services::RoleName(role));
      grpc::Status status = call.call(channel, token);
      if (role < call.role) {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        EXPECT_THAT(status.error_message(),
                    HasSubstr(absl::StrCat(
                        "needs a ", services::RoleName(call.role), " token")));
      } else {
        EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
            << status.error_message();
        EXPECT_NE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << status.error_message();
      }
    }
  }
  // Authorized calls reach the service: reads succeed, and removing a
  // document that was never imported is the service's own NOT_FOUND.
  EXPECT_TRUE(GetStats(channel, kReaderToken).ok());
  EXPECT_EQ(RoleCalls()[1].call(channel, kWriterToken).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(SecureServerTest, MalformedAuthorizationIsUnauthenticated) {
  Start(TokenOptions());
  auto context = NewContext("");
  context->AddMetadata("authorization", std::string("Basic ") + kAdminToken);
  kg::v1::GetStatsResponse response;
  grpc::Status status = kg::v1::GraphService::NewStub(TrustingChannel())
                            ->GetStats(context.get(), {}, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("Bearer <token>"));
}

TEST_F(SecureServerTest, HealthNeedsNoToken) {
  Start(TokenOptions());
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = grpc::health::v1::Health::NewStub(TrustingChannel())
                            ->Check(NewContext("").get(), {}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(SecureServerTest, TokensWithoutTlsAreRefused) {
  services::ServerOptions options;
  options.token_file = (dir_ / "tokens").string();
  auto server = services::KgServer::Start(*store_, options);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(server.status().message(), HasSubstr("--token_file"));
}

TEST_F(SecureServerTest, BadTokenFileIsRefusedNamingTheLine) {
  std::ofstream(dir_ / "bad-tokens") << "# comment\nabc reader someone\n";
  services::ServerOptions options = TlsOptions();
  options.token_file = (dir_ / "bad-tokens").string();
  auto server = services::KgServer::Start(*store_, options);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(server.status().message(), HasSubstr("line 2"));
}

TEST_F(SecureServerTest, UnreadableCertificateIsRefusedNamingTheFlag) {
  services::ServerOptions options = TlsOptions();
  options.tls.key_file = (dir_ / "missing.key").string();
  auto server = services::KgServer::Start(*store_, options);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(server.status().message(), HasSubstr("--tls_key"));
}

TEST_F(SecureServerTest, PartialTlsSetUpIsRefused) {
  services::ServerOptions key_only;
  key_only.tls.key_file = certs_->server_key.string();
  auto server = services::KgServer::Start(*store_, key_only);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(server.status().message(), HasSubstr("--tls_cert"));

  services::ServerOptions roots_only;
  roots_only.tls.client_ca_file = certs_->ca.string();
  server = services::KgServer::Start(*store_, roots_only);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(server.status().message(), HasSubstr("--tls_client_ca"));
}

TEST_F(SecureServerTest, NonLoopbackNeedsTlsAndTokensOrInsecure) {
  services::ServerOptions options;
  options.listen_address = "0.0.0.0:0";
  auto plaintext = services::KgServer::Start(*store_, options);
  EXPECT_EQ(plaintext.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(plaintext.status().message(), HasSubstr("--insecure"));

  services::ServerOptions tls_only = TlsOptions();
  tls_only.listen_address = "0.0.0.0:0";
  EXPECT_EQ(services::KgServer::Start(*store_, tls_only).status().code(),
            absl::StatusCode::kInvalidArgument);

  services::ServerOptions protected_options = TokenOptions();
  protected_options.listen_address = "0.0.0.0:0";
  auto protected_server = services::KgServer::Start(*store_, protected_options);
  EXPECT_TRUE(protected_server.ok()) << protected_server.status();

  options.insecure = true;
  auto insecure = services::KgServer::Start(*store_, options);
  EXPECT_TRUE(insecure.ok()) << insecure.status();
}

}  // namespace
}  // namespace kg::testing
