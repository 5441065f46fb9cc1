// Crash durability: a real kg-server takes marked imports (ImportFacts and
// ImportDocument) from several clients and is killed with SIGKILL at a
// random moment, cycle after cycle. After every restart each acknowledged
// import is wholly present, no import is partly present, and the
// consistency check passes, read directly and through AdminService.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_join.h"
#include "kg/graph/consistency_check.h"
#include "kg/v1/admin_service.grpc.pb.h"
#include "marked_imports.h"
#include "subprocess.h"
#include "temp_dir.h"

namespace kg::tools {
namespace {

constexpr int kCycles = 50;
constexpr int kImporters = 3;
constexpr absl::Duration kCallTimeout = absl::Seconds(10);

// The kill comes this long after the importers start.
constexpr int kMinRunMs = 10;
constexpr int kMaxRunMs = 150;

struct Connection {
  explicit Connection(const std::string& address)
      : channel(
            grpc::CreateChannel(address, grpc::InsecureChannelCredentials())),
        graph(kg::v1::GraphService::NewStub(channel)),
        ingest(kg::v1::IngestService::NewStub(channel)),
        admin(kg::v1::AdminService::NewStub(channel)) {}

  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<kg::v1::GraphService::Stub> graph;
  std::unique_ptr<kg::v1::IngestService::Stub> ingest;
  std::unique_ptr<kg::v1::AdminService::Stub> admin;
};

void ExpectServerConsistent(Connection& connection) {
  grpc::ClientContext context;
  kg::v1::CheckResponse check;
  grpc::Status status =
      connection.admin->Check(&context, kg::v1::CheckRequest(), &check);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(check.faults_size(), 0) << check.DebugString();
}

void ExpectImportsIntact(const ImportLedger& ledger, Connection& connection,
                         LedgerVerdict* verdict) {
  absl::StatusOr<LedgerVerdict> found =
      ledger.VerifyServer(*connection.graph, kCallTimeout);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_TRUE(found->ok()) << absl::StrJoin(found->problems, "\n");
  *verdict = *std::move(found);
}

TEST(CrashTest, AcknowledgedImportsSurviveSigkill) {
  testing::TempDir dir;
  const std::string db = (dir.path() / "db").string();
  const uint32_t seed = std::random_device()();
  SCOPED_TRACE(::testing::Message() << "seed " << seed);
  std::mt19937 random(seed);
  ImportLedger ledger;
  LedgerVerdict verdict;

  for (int cycle = 0; cycle <= kCycles; ++cycle) {
    SCOPED_TRACE(::testing::Message() << "cycle " << cycle);
    std::unique_ptr<ChildProcess> server =
        testing::StartKgServer(KG_SERVER_PATH, db, KG_REFERENCE_DIR);
    ASSERT_NE(server, nullptr);
    Connection connection(server->address());
    if (cycle == 0) {
      absl::Status calibrated =
          ledger.Calibrate(*connection.ingest, *connection.graph, kCallTimeout);
      ASSERT_TRUE(calibrated.ok()) << calibrated;
    } else {
      ExpectImportsIntact(ledger, connection, &verdict);
      ExpectServerConsistent(connection);
      if (HasFailure()) return;
    }
    if (cycle == kCycles) break;

    std::atomic<bool> stop{false};
    std::vector<std::thread> importers;
    for (int i = 0; i < kImporters; ++i) {
      importers.emplace_back([&, i] {
        for (int n = 0; !stop; ++n) {
          // Every fourth import of a client is a text document.
          ImportKind kind =
              (n + i) % 4 == 0 ? ImportKind::kText : ImportKind::kFacts;
          ledger.Send(*connection.ingest, kind, kCallTimeout);
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(
        std::uniform_int_distribution<int>(kMinRunMs, kMaxRunMs)(random)));
    EXPECT_EQ(server->Stop(SIGKILL), 128 + SIGKILL);
    stop = true;
    for (std::thread& importer : importers) importer.join();

    absl::StatusOr<graph::ConsistencyReport> report = graph::CheckDatabase(db);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(report->ok()) << report->faults.front().detail;
  }
  // The kills landed while imports were being acknowledged.
  EXPECT_GT(verdict.acknowledged, 0);
  std::cout << "crash test: " << kCycles << " kills, " << verdict.acknowledged
            << " imports acknowledged, " << verdict.present << " present, "
            << verdict.lost << " lost, " << verdict.partial << " partial\n";
}

}  // namespace
}  // namespace kg::tools
