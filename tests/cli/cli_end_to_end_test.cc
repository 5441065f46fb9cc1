// The real `kg` binary against a real kg-server process.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "kg/v1/graph_service.pb.h"
#include "kg/v1/types.pb.h"
#include "subprocess.h"
#include "temp_dir.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::StartsWith;
using tools::ChildProcess;
using tools::ProcessResult;
using tools::RunProcess;

constexpr char kFocalPointsDocument[] =
    "doc:2018-05-24_wps-focal-points-network-debriefing-chairs-summary";
constexpr char kFocalPointsNetwork[] = "network:wps-focal-points-network";

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

// The lines of `lines` that `others` lacks, one a line, for a readable
// failure message.
std::string LinesNotIn(std::vector<std::string> lines,
                       std::vector<std::string> others) {
  std::sort(lines.begin(), lines.end());
  std::sort(others.begin(), others.end());
  std::vector<std::string> missing;
  std::set_difference(lines.begin(), lines.end(), others.begin(), others.end(),
                      std::back_inserter(missing));
  return absl::StrJoin(missing, "\n");
}

template <typename Message>
Message FromJson(const std::string& json) {
  Message message;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &message).ok())
      << json;
  return message;
}

// The gold facts, counted independently of the loader under test.
struct GoldFacts {
  std::vector<std::string> files;
  std::set<std::string> node_keys;
  std::set<std::tuple<std::string, std::string, std::string>> edges;
};

GoldFacts ReadGold() {
  GoldFacts gold;
  const std::filesystem::path dir = KG_GOLD_DIR;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".jsonl") {
      gold.files.push_back(entry.path().string());
    }
  }
  std::sort(gold.files.begin(), gold.files.end());
  for (const std::string& file : gold.files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const auto fact = FromJson<google::protobuf::Struct>(line);
      const auto field = [&fact](const char* name) {
        const auto it = fact.fields().find(name);
        return it == fact.fields().end() ? std::string()
                                         : it->second.string_value();
      };
      if (field("kind") == "node") {
        gold.node_keys.insert(field("key"));
      } else {
        gold.edges.emplace(field("src"), field("type"), field("dst"));
      }
    }
  }
  return gold;
}

class CliEndToEndTest : public ::testing::Test {
 protected:
  std::unique_ptr<ChildProcess> StartServer(const std::string& name) {
    return StartKgServer(KG_SERVER_PATH, (temp_.path() / name).string());
  }

  static ProcessResult Kg(const ChildProcess& server,
                          std::vector<std::string> args) {
    args.insert(args.begin(), {KG_CLI_PATH, "--server", server.address()});
    return RunProcess(args);
  }

  // The edges `kg neighbors` prints as JSON.
  static std::vector<kg::v1::Edge> Neighbors(const ChildProcess& server,
                                             std::vector<std::string> args) {
    args.insert(args.begin(), "neighbors");
    args.push_back("--json");
    const ProcessResult result = Kg(server, args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<kg::v1::Edge> edges;
    for (const std::string& line : Lines(result.out)) {
      edges.push_back(FromJson<kg::v1::Edge>(line));
    }
    return edges;
  }

  // Skips the test when the shared gold folder is absent.
  void RequireGold() {
    gold_ = ReadGold();
    if (gold_.files.empty()) {
      GTEST_SKIP() << "no gold facts in " << KG_GOLD_DIR
                   << " (the shared folder is not beside the checkout)";
    }
  }

  // The import's line for each document, without the summary line.
  std::vector<std::string> ImportGold(const ChildProcess& server) {
    std::vector<std::string> args = {"import"};
    args.insert(args.end(), gold_.files.begin(), gold_.files.end());
    const ProcessResult result = Kg(server, args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> lines = Lines(result.out);
    EXPECT_EQ(lines.size(), gold_.files.size() + 1) << result.out;
    EXPECT_EQ(lines.back(),
              absl::StrCat(gold_.files.size(),
                           " files imported, 0 unchanged, 0 failed"));
    lines.pop_back();
    return lines;
  }

  TempDir temp_;
  GoldFacts gold_;
};

bool IsFocalPointsMembership(const kg::v1::Edge& edge) {
  return edge.src_key() == "state:DEU" && edge.type() == "MEMBER_OF" &&
         edge.dst_key() == kFocalPointsNetwork &&
         std::any_of(edge.sources().begin(), edge.sources().end(),
                     [](const kg::v1::Source& source) {
                       return source.document_key() == kFocalPointsDocument;
                     });
}

TEST_F(CliEndToEndTest, GoldImportAnswersQueriesAndRemovalWithdrawsFacts) {
  RequireGold();
  if (IsSkipped()) return;
  std::unique_ptr<ChildProcess> server = StartServer("db");
  ASSERT_NE(server, nullptr);
  for (const std::string& line : ImportGold(*server)) {
    EXPECT_THAT(line, MatchesRegex("\\[[0-9]+/[0-9]+\\] doc:.*"));
  }

  const ProcessResult stats = Kg(*server, {"stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const auto counts = FromJson<kg::v1::GetStatsResponse>(stats.out);
  EXPECT_EQ(counts.node_count(), gold_.node_keys.size());
  EXPECT_EQ(counts.edge_count(), gold_.edges.size());
  EXPECT_EQ(counts.document_count(), gold_.files.size());
  const ProcessResult stats_table = Kg(*server, {"stats"});
  EXPECT_EQ(stats_table.exit_code, 0) << stats_table.err;
  EXPECT_THAT(stats_table.out, HasSubstr("MEMBER_OF"));

  const ProcessResult get = Kg(*server, {"get", "state:DEU"});
  ASSERT_EQ(get.exit_code, 0) << get.err;
  EXPECT_THAT(get.out, HasSubstr("Germany"));
  EXPECT_THAT(get.out, HasSubstr(kFocalPointsDocument));
  const ProcessResult get_json = Kg(*server, {"--json", "get", "state:DEU"});
  ASSERT_EQ(get_json.exit_code, 0) << get_json.err;
  EXPECT_EQ(FromJson<kg::v1::Node>(get_json.out).label(), "State");

  const ProcessResult find =
      Kg(*server, {"find", "--label", "State", "--name", "germ", "--prefix"});
  ASSERT_EQ(find.exit_code, 0) << find.err;
  EXPECT_THAT(find.out, HasSubstr("state:DEU"));

  const std::vector<kg::v1::Edge> memberships =
      Neighbors(*server, {"state:DEU", "--type", "MEMBER_OF"});
  EXPECT_TRUE(std::any_of(memberships.begin(), memberships.end(),
                          IsFocalPointsMembership));
  for (const kg::v1::Edge& edge : memberships) {
    EXPECT_EQ(edge.type(), "MEMBER_OF");
  }

  const ProcessResult removed =
      Kg(*server, {"remove-doc", kFocalPointsDocument});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_THAT(removed.out, StartsWith(kFocalPointsDocument));
  const std::vector<kg::v1::Edge> after =
      Neighbors(*server, {"state:DEU", "--direction", "out"});
  EXPECT_FALSE(std::any_of(after.begin(), after.end(), [](const auto& edge) {
    return edge.type() == "MEMBER_OF" && edge.dst_key() == kFocalPointsNetwork;
  }));
  EXPECT_EQ(server->Stop(), 0);
}

TEST_F(CliEndToEndTest, DumpThenImportRebuildsTheSameGraph) {
  RequireGold();
  if (IsSkipped()) return;
  std::unique_ptr<ChildProcess> first = StartServer("first");
  ASSERT_NE(first, nullptr);
  ImportGold(*first);
  const ProcessResult dump = Kg(*first, {"dump"});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  std::vector<std::string> first_lines = Lines(dump.out);
  EXPECT_EQ(first_lines.size(), gold_.node_keys.size() + gold_.edges.size());

  std::unique_ptr<ChildProcess> second = StartServer("second");
  ASSERT_NE(second, nullptr);
  const ProcessResult import =
      Kg(*second, {"import", temp_.Write("dump.jsonl", dump.out)});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  // One line per document of the dump, then the summary.
  EXPECT_EQ(Lines(import.out).size(), gold_.files.size() + 1) << import.out;
  const ProcessResult second_dump = Kg(*second, {"dump"});
  ASSERT_EQ(second_dump.exit_code, 0) << second_dump.err;
  std::vector<std::string> second_lines = Lines(second_dump.out);

  EXPECT_EQ(first_lines.size(), second_lines.size());
  EXPECT_EQ(LinesNotIn(first_lines, second_lines), "");
  EXPECT_EQ(LinesNotIn(second_lines, first_lines), "");
  EXPECT_EQ(first->Stop(), 0);
  EXPECT_EQ(second->Stop(), 0);
}

TEST_F(CliEndToEndTest, ErrorsCarryTheServersCodeAndMessage) {
  std::unique_ptr<ChildProcess> server = StartServer("db");
  ASSERT_NE(server, nullptr);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"get", "state:XXX"},
        std::vector<std::string>{"neighbors", "state:XXX"},
        std::vector<std::string>{"remove-doc", "doc:none"}}) {
    const ProcessResult result = Kg(*server, args);
    EXPECT_NE(result.exit_code, 0) << args[0];
    EXPECT_THAT(result.err, HasSubstr("NOT_FOUND")) << args[0];
    EXPECT_THAT(result.err, HasSubstr(args[1])) << args[0];
    EXPECT_EQ(result.out, "") << args[0];
  }
  const ProcessResult invalid = Kg(*server, {"find", "--prefix"});
  EXPECT_NE(invalid.exit_code, 0);
  EXPECT_THAT(invalid.err, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_EQ(server->Stop(), 0);

  const ProcessResult down = RunProcess(
      {KG_CLI_PATH, "--server", server->address(), "--timeout", "5", "stats"});
  EXPECT_NE(down.exit_code, 0);
  EXPECT_THAT(down.err, HasSubstr("UNAVAILABLE"));
}

TEST_F(CliEndToEndTest, MalformedFileIsReportedAndTheOthersImported) {
  std::unique_ptr<ChildProcess> server = StartServer("db");
  ASSERT_NE(server, nullptr);
  const std::string bad = temp_.Write(
      "bad.jsonl",
      R"({"kind":"node","key":"topic:from-bad","label":"Topic","name":"Bad"})"
      "\n"
      R"({"kind":"edge","src":"topic:from-bad","type":"ABOUT"})"
      "\n");
  const std::string good = temp_.Write(
      "good.jsonl",
      R"({"kind":"node","key":"topic:crsv","label":"Topic","name":"CRSV"})"
      "\n");
  const ProcessResult import =
      Kg(*server, {"import", bad, "/nonexistent/missing.jsonl", good});
  EXPECT_NE(import.exit_code, 0);
  EXPECT_THAT(import.err, HasSubstr(bad + ":2: edge has no \"dst\""));
  EXPECT_THAT(import.err, HasSubstr("/nonexistent/missing.jsonl"));
  EXPECT_THAT(import.out, StartsWith("[3/3] doc:good: "));
  EXPECT_THAT(import.out, HasSubstr("1 file imported, 0 unchanged, 2 failed"));
  EXPECT_THAT(import.out, Not(HasSubstr("doc:bad")));

  EXPECT_EQ(Kg(*server, {"get", "topic:crsv"}).exit_code, 0);
  const ProcessResult from_bad = Kg(*server, {"get", "topic:from-bad"});
  EXPECT_NE(from_bad.exit_code, 0);
  EXPECT_THAT(from_bad.err, HasSubstr("NOT_FOUND"));
}

TEST(CliUsageTest, UsageErrorsExitWithTwo) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{KG_CLI_PATH},
        std::vector<std::string>{KG_CLI_PATH, "frobnicate"},
        std::vector<std::string>{KG_CLI_PATH, "get"},
        std::vector<std::string>{KG_CLI_PATH, "get", "a:b", "c:d"},
        std::vector<std::string>{KG_CLI_PATH, "stats", "--colour"},
        std::vector<std::string>{KG_CLI_PATH, "neighbors", "a:b", "--direction",
                                 "up"}}) {
    const ProcessResult result = RunProcess(args);
    EXPECT_EQ(result.exit_code, 2) << args.back() << ": " << result.err;
    EXPECT_THAT(result.err, StartsWith("kg: ")) << args.back();
  }
  const ProcessResult help = RunProcess({KG_CLI_PATH, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("remove-doc"));
  const ProcessResult command_help =
      RunProcess({KG_CLI_PATH, "neighbors", "--help"});
  EXPECT_EQ(command_help.exit_code, 0);
  EXPECT_THAT(command_help.out, HasSubstr("--direction"));
}

}  // namespace
}  // namespace kg::testing
