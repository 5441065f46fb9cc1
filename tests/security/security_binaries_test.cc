// The security flags of the real binaries: kg-server --hash_token and its
// refusal of an unprotected non-loopback address, and the kg client's
// --tls_ca, --token and KG_TOKEN against a TLS server with tokens.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "secure_server.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;

struct Outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr together.
};

Outcome RunShell(const std::string& command) {
  Outcome outcome;
  FILE* pipe = popen(absl::StrCat(command, " 2>&1").c_str(), "r");
  if (pipe == nullptr) return outcome;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    outcome.output.append(buffer, read);
  }
  const int status = pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

std::string Quoted(const std::filesystem::path& path) {
  return absl::StrCat("'", path.string(), "'");
}

TEST(ServerHashTokenTest, PrintsTheTokenFileLine) {
  Outcome outcome =
      RunShell(absl::StrCat("echo my-token | ", KG_SERVER_PATH,
                            " --hash_token=writer --token_name=ci"));
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(outcome.output, services::HashToken("my-token") + " writer ci\n");

  Outcome bad_role =
      RunShell(absl::StrCat("echo my-token | ", KG_SERVER_PATH,
                            " --hash_token=root --token_name=ci"));
  EXPECT_NE(bad_role.exit_code, 0);
  EXPECT_THAT(bad_role.output, HasSubstr("role"));
}

TEST(ServerExposureTest, RefusesNonLoopbackWithoutProtection) {
  const std::filesystem::path dir = MakeTempDir();
  ASSERT_FALSE(dir.empty());
  Outcome outcome =
      RunShell(absl::StrCat(KG_SERVER_PATH, " --db ", Quoted(dir / "db"),
                            " --reference_dir= --listen 0.0.0.0:0"));
  std::filesystem::remove_all(dir);
  EXPECT_EQ(outcome.exit_code, 1) << outcome.output;
  EXPECT_THAT(outcome.output, HasSubstr("reachable from other machines"));
  EXPECT_THAT(outcome.output, HasSubstr("--insecure"));
}

class CliSecurityTest : public TokenServerTest {
 protected:
  Outcome Kg(const std::string& environment, const std::string& arguments) {
    return RunShell(absl::StrCat("env -u KG_TOKEN ", environment, " ",
                                 KG_CLI_PATH, " --server ", server_->address(),
                                 " --timeout 20 ", arguments));
  }

  std::string TlsCa() const {
    return absl::StrCat("--tls_ca ", Quoted(certs_->ca));
  }
};

TEST_F(CliSecurityTest, TokenFromFlagOrEnvironment) {
  Outcome with_flag =
      Kg("", absl::StrCat(TlsCa(), " --token ", kReaderToken, " stats"));
  EXPECT_EQ(with_flag.exit_code, 0) << with_flag.output;
  EXPECT_THAT(with_flag.output, HasSubstr("nodes"));

  Outcome from_environment =
      Kg(absl::StrCat("KG_TOKEN=", kReaderToken), TlsCa() + " stats");
  EXPECT_EQ(from_environment.exit_code, 0) << from_environment.output;
}

TEST_F(CliSecurityTest, MissingOrInsufficientTokensAreReported) {
  Outcome none = Kg("", TlsCa() + " stats");
  EXPECT_EQ(none.exit_code, 1) << none.output;
  EXPECT_THAT(none.output, HasSubstr("UNAUTHENTICATED"));

  Outcome reader = Kg("", absl::StrCat(TlsCa(), " --token ", kReaderToken,
                                       " remove-doc doc:x"));
  EXPECT_EQ(reader.exit_code, 1) << reader.output;
  EXPECT_THAT(reader.output, HasSubstr("PERMISSION_DENIED"));
  EXPECT_THAT(reader.output, HasSubstr("needs a writer token"));
}

TEST_F(CliSecurityTest, PlaintextOrUnreadableCaFails) {
  Outcome plaintext = Kg("", absl::StrCat("--token ", kReaderToken, " stats"));
  EXPECT_EQ(plaintext.exit_code, 1) << plaintext.output;
  EXPECT_THAT(plaintext.output, HasSubstr("UNAVAILABLE"));

  Outcome missing_ca =
      Kg("", absl::StrCat("--tls_ca ", Quoted(dir_ / "none"), " stats"));
  EXPECT_EQ(missing_ca.exit_code, 2) << missing_ca.output;
  EXPECT_THAT(missing_ca.output, HasSubstr("--tls_ca"));
}

}  // namespace
}  // namespace kg::testing
