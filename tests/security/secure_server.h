// A test fixture serving a fresh graph database in-process with TLS, from
// certificates the test suite makes with openssl, plus a token file with
// one token of each role; and client-side helpers for such a server.
#ifndef KG_TESTS_SECURITY_SECURE_SERVER_H_
#define KG_TESTS_SECURITY_SECURE_SERVER_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "kg/graph/graph_store.h"
#include "kg/services/auth.h"
#include "kg/services/server_builder.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "test_certificates.h"

namespace kg::testing {

inline constexpr char kReaderToken[] = "reader-secret-1";
inline constexpr char kWriterToken[] = "writer-secret-2";
inline constexpr char kAdminToken[] = "admin-secret-3";

inline std::filesystem::path MakeTempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "kg-security-test-XXXXXX")
          .string();
  if (mkdtemp(pattern.data()) == nullptr) return {};
  return pattern;
}

// Client-side TLS settings.
struct ClientTls {
  std::filesystem::path roots;
  std::filesystem::path cert;  // Empty for none.
  std::filesystem::path key;
};

inline std::shared_ptr<grpc::Channel> TlsChannel(const std::string& address,
                                                 const ClientTls& tls) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = ReadFileOrEmpty(tls.roots);
  if (!tls.cert.empty()) {
    options.pem_cert_chain = ReadFileOrEmpty(tls.cert);
    options.pem_private_key = ReadFileOrEmpty(tls.key);
  }
  return grpc::CreateChannel(address, grpc::SslCredentials(options));
}

inline std::unique_ptr<grpc::ClientContext> NewContext(
    const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  // Generous: a refused handshake fails at once; this only bounds a bug.
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(20));
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  return context;
}

inline grpc::Status GetStats(const std::shared_ptr<grpc::Channel>& channel,
                             const std::string& token = "") {
  kg::v1::GetStatsResponse response;
  return kg::v1::GraphService::NewStub(channel)->GetStats(
      NewContext(token).get(), kg::v1::GetStatsRequest(), &response);
}

class SecureServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!HaveOpenssl()) return;
    certs_dir_ = new std::filesystem::path(MakeTempDir());
    certs_ = new TestCertificates;
    made_certificates_ = MakeTestCertificates(*certs_dir_, certs_);
  }

  static void TearDownTestSuite() {
    if (certs_dir_ != nullptr) std::filesystem::remove_all(*certs_dir_);
    delete certs_dir_;
    delete certs_;
    certs_dir_ = nullptr;
    certs_ = nullptr;
  }

  void SetUp() override {
    if (!HaveOpenssl()) GTEST_SKIP() << "no openssl binary on PATH";
    ASSERT_TRUE(made_certificates_) << "openssl could not make certificates";
    dir_ = MakeTempDir();
    ASSERT_FALSE(dir_.empty());
    auto store = graph::GraphStore::Open((dir_ / "db").string());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    std::ofstream(dir_ / "tokens")
        << "# test tokens\n"
        << *services::TokenFileLine(kReaderToken, services::Role::kReader,
                                    "reading")
        << "\n"
        << *services::TokenFileLine(kWriterToken, services::Role::kWriter,
                                    "writing")
        << "\n\n"
        << *services::TokenFileLine(kAdminToken, services::Role::kAdmin,
                                    "operating")
        << "\n";
  }

  void TearDown() override {
    server_.reset();
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  services::ServerOptions TlsOptions() const {
    services::ServerOptions options;
    options.tls.cert_file = certs_->server_cert.string();
    options.tls.key_file = certs_->server_key.string();
    return options;
  }

  // TLS, and the calls need a token of the token file.
  services::ServerOptions TokenOptions() const {
    services::ServerOptions options = TlsOptions();
    options.token_file = (dir_ / "tokens").string();
    return options;
  }

  void Start(const services::ServerOptions& options) {
    auto server = services::KgServer::Start(*store_, options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  std::shared_ptr<grpc::Channel> TrustingChannel() const {
    return TlsChannel(server_->address(), {certs_->ca});
  }

  static inline std::filesystem::path* certs_dir_ = nullptr;
  static inline TestCertificates* certs_ = nullptr;
  static inline bool made_certificates_ = false;

  std::filesystem::path dir_;
  std::unique_ptr<graph::GraphStore> store_;
  std::unique_ptr<services::KgServer> server_;
};

// A SecureServerTest whose server is up before each test, with TLS and
// tokens on both its gRPC address and its HTTP listener (a free
// 127.0.0.1 port).
class TokenServerTest : public SecureServerTest {
 protected:
  void SetUp() override {
    SecureServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    services::ServerOptions options = TokenOptions();
    options.http_listen_address = "127.0.0.1:0";
    Start(options);
  }
};

}  // namespace kg::testing

#endif  // KG_TESTS_SECURITY_SECURE_SERVER_H_
