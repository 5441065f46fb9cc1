// The token table, the role table and the loopback rule, without a server.
#include "kg/services/auth.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kg/services/tls.h"

namespace kg::services {
namespace {

using ::testing::HasSubstr;

TEST(HashTokenTest, IsHexSha256) {
  EXPECT_EQ(HashToken("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokenFileLineTest, HoldsHashRoleAndName) {
  absl::StatusOr<std::string> line = TokenFileLine("abc", Role::kWriter, "ci");
  ASSERT_TRUE(line.ok()) << line.status();
  EXPECT_EQ(*line, HashToken("abc") + " writer ci");
  EXPECT_FALSE(TokenFileLine("", Role::kReader, "ci").ok());
  EXPECT_FALSE(TokenFileLine("abc", Role::kReader, "two words").ok());
  EXPECT_FALSE(TokenFileLine("abc", Role::kReader, "").ok());
}

TEST(RequiredRoleTest, EachServiceHasItsRole) {
  EXPECT_EQ(RequiredRole("/kg.v1.GraphService/GetNode"), Role::kReader);
  EXPECT_EQ(RequiredRole("/kg.v1.QueryService/Traverse"), Role::kReader);
  EXPECT_EQ(RequiredRole("/kg.v1.IngestService/ImportFacts"), Role::kWriter);
  EXPECT_EQ(RequiredRole("/kg.v1.IngestService/RemoveDocument"), Role::kWriter);
  EXPECT_EQ(RequiredRole("/kg.v1.AdminService/Backup"), Role::kAdmin);
  EXPECT_EQ(RequiredRole("/grpc.health.v1.Health/Check"), std::nullopt);
  EXPECT_EQ(RequiredRole("/grpc.reflection.v1alpha.ServerReflection/"
                         "ServerReflectionInfo"),
            std::nullopt);
  // Unknown services, and calls with no method at all, need the most.
  EXPECT_EQ(RequiredRole("/kg.v2.Whatever/Do"), Role::kAdmin);
  EXPECT_EQ(RequiredRole(""), Role::kAdmin);
}

TEST(TokenTableTest, ParsesLinesSkippingCommentsAndBlanks) {
  absl::StatusOr<TokenTable> table = TokenTable::Parse(
      "# tokens\n\n" + *TokenFileLine("r", Role::kReader, "reading") + "\n  " +
      *TokenFileLine("w", Role::kWriter, "writing") + "  \n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 2);
}

TEST(TokenTableTest, MalformedLinesAreNamed) {
  const std::string hash = HashToken("t");
  for (const std::string& line :
       {std::string("abc reader x"), hash + " superuser x", hash + " reader",
        hash + " reader x y", hash.substr(1) + "g reader x"}) {
    absl::StatusOr<TokenTable> table = TokenTable::Parse("\n" + line + "\n");
    EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument)
        << line;
    EXPECT_THAT(table.status().message(), HasSubstr("line 2")) << line;
  }
}

TEST(TokenTableTest, AuthorizeNamesWhatIsMissing) {
  absl::StatusOr<TokenTable> table =
      TokenTable::Parse(*TokenFileLine("r", Role::kReader, "reading"));
  ASSERT_TRUE(table.ok());
  const std::string ingest = "/kg.v1.IngestService/ImportFacts";
  EXPECT_TRUE(table->Authorize("/kg.v1.GraphService/GetNode", "Bearer r").ok());
  EXPECT_TRUE(table->Authorize("/grpc.health.v1.Health/Check", "").ok());

  absl::Status missing = table->Authorize(ingest, "");
  EXPECT_EQ(missing.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(missing.message(), HasSubstr("needs a writer token"));
  EXPECT_EQ(table->Authorize(ingest, "Bearer ").code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(table->Authorize(ingest, "r").code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(table->Authorize(ingest, "Bearer rr").code(),
            absl::StatusCode::kUnauthenticated);

  absl::Status denied = table->Authorize(ingest, "Bearer r");
  EXPECT_EQ(denied.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(denied.message(), HasSubstr("'reading' is a reader token"));
}

TEST(IsLoopbackAddressTest, OnlyThisMachine) {
  for (const char* address : {"127.0.0.1:50051", "127.1.2.3:0", "[::1]:50051",
                              "localhost:50051", "unix:/tmp/kg.sock"}) {
    EXPECT_TRUE(IsLoopbackAddress(address)) << address;
  }
  for (const char* address :
       {"0.0.0.0:50051", ":50051", "[::]:50051", "10.0.0.5:50051",
        "example.org:50051", "127.example.org:50051", "[::ffff:1.2.3.4]:1"}) {
    EXPECT_FALSE(IsLoopbackAddress(address)) << address;
  }
}

}  // namespace
}  // namespace kg::services
