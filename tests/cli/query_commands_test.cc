// kg traverse, path, commitments, search, describe and export: the real
// `kg` binary against a real kg-server holding the gold facts of
// ../shared/gold (tests that need them skip when the folder is absent).
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "kg/v1/query_service.pb.h"
#include "subprocess.h"
#include "temp_dir.h"

namespace kg::testing {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using tools::ChildProcess;
using tools::ProcessResult;
using tools::RunProcess;

constexpr char kDot[] = "/usr/bin/dot";

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

template <typename Message>
Message FromJson(const std::string& json) {
  Message message;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &message).ok())
      << json;
  return message;
}

// Every line of `text` read as a Message.
template <typename Message>
std::vector<Message> JsonLines(const std::string& text) {
  std::vector<Message> messages;
  for (const std::string& line : Lines(text)) {
    messages.push_back(FromJson<Message>(line));
  }
  return messages;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One server for the suite, with the gold facts imported when they exist.
class QueryCommandsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new TempDir();
    server_ = StartKgServer(KG_SERVER_PATH, (temp_->path() / "db").string())
                  .release();
    if (server_ == nullptr) return;
    std::vector<std::string> import = {KG_CLI_PATH, "--server",
                                       server_->address(), "import"};
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator(KG_GOLD_DIR, error)) {
      if (entry.path().extension() == ".jsonl") {
        import.push_back(entry.path().string());
      }
    }
    has_gold_ = import.size() > 4;
    if (has_gold_) {
      const ProcessResult imported = RunProcess(import);
      EXPECT_EQ(imported.exit_code, 0) << imported.err;
    }
  }

  static void TearDownTestSuite() {
    if (server_ != nullptr) EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    server_ = nullptr;
    delete temp_;
    temp_ = nullptr;
  }

  void SetUp() override { ASSERT_NE(server_, nullptr); }

  void RequireGold() {
    if (!has_gold_) {
      GTEST_SKIP() << "no gold facts in " << KG_GOLD_DIR
                   << " (the shared folder is not beside the checkout)";
    }
  }

  static ProcessResult Kg(std::vector<std::string> args) {
    args.insert(args.begin(), {KG_CLI_PATH, "--server", server_->address()});
    return RunProcess(args);
  }

  // `kg ARGS --json`, which must succeed.
  static std::string KgJson(std::vector<std::string> args) {
    args.push_back("--json");
    const ProcessResult result = Kg(args);
    EXPECT_EQ(result.exit_code, 0) << args[0] << ": " << result.err;
    return result.out;
  }

  static inline TempDir* temp_ = nullptr;
  static inline ChildProcess* server_ = nullptr;
  static inline bool has_gold_ = false;
};

TEST_F(QueryCommandsTest, PathJoinsUnmissAndResolution1325) {
  RequireGold();
  if (IsSkipped()) return;
  const std::vector<kg::v1::Path> shortest = JsonLines<kg::v1::Path>(
      KgJson({"path", "mission:UNMISS", "resolution:unsc-1325"}));
  ASSERT_EQ(shortest.size(), 1u);
  ASSERT_GE(shortest[0].nodes_size(), 2);
  EXPECT_EQ(shortest[0].nodes(0).key(), "mission:UNMISS");
  EXPECT_EQ(shortest[0].nodes().rbegin()->key(), "resolution:unsc-1325");
  EXPECT_EQ(shortest[0].edges_size(), shortest[0].nodes_size() - 1);

  const std::vector<kg::v1::Path> all = JsonLines<kg::v1::Path>(
      KgJson({"path", "mission:UNMISS", "resolution:unsc-1325", "--all",
              "--max-depth", "3"}));
  ASSERT_GE(all.size(), 1u);
  for (const kg::v1::Path& path : all) {
    EXPECT_EQ(path.nodes(0).key(), "mission:UNMISS");
    EXPECT_EQ(path.nodes().rbegin()->key(), "resolution:unsc-1325");
    EXPECT_LE(path.edges_size(), 3);
    EXPECT_GE(path.edges_size(), shortest[0].edges_size());
  }

  const ProcessResult table =
      Kg({"path", "mission:UNMISS", "resolution:unsc-1325"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, StartsWith("PATH"));
  EXPECT_THAT(table.out, AllOf(HasSubstr("mission:UNMISS"),
                               HasSubstr("resolution:unsc-1325")));

  const ProcessResult none = Kg(
      {"path", "mission:UNMISS", "resolution:unsc-1325", "--type", "CHAIRS"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.err, HasSubstr("no path"));
  EXPECT_EQ(none.out, "");
}

TEST_F(QueryCommandsTest, QueryPrintsNodesWithTheirKeys) {
  RequireGold();
  if (IsSkipped()) return;
  const std::vector<google::protobuf::Struct> rows =
      JsonLines<google::protobuf::Struct>(KgJson(
          {"query", "MATCH (m:Mission {key: 'mission:UNMISS'}) RETURN m"}));
  ASSERT_EQ(rows.size(), 1u);
  const google::protobuf::Struct& node =
      rows[0].fields().at("m").struct_value();
  EXPECT_EQ(node.fields().at("key").string_value(), "mission:UNMISS");
  EXPECT_EQ(node.fields().at("labels").list_value().values(0).string_value(),
            "Mission");

  const ProcessResult table =
      Kg({"query", "MATCH (m:Mission {key: 'mission:UNMISS'}) RETURN m.name"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("United Nations Mission"));
}

TEST_F(QueryCommandsTest, DpoPledgedACommitmentUnderTheWpsHaCompact) {
  RequireGold();
  if (IsSkipped()) return;
  const std::vector<kg::v1::CommitmentRow> rows =
      JsonLines<kg::v1::CommitmentRow>(
          KgJson({"commitments", "--actor", "unbody:dpo", "--framework",
                  "framework:wps-ha-compact", "--relation", "pledged"}));
  ASSERT_GE(rows.size(), 1u);
  for (const kg::v1::CommitmentRow& row : rows) {
    EXPECT_EQ(row.actor().key(), "unbody:dpo");
    EXPECT_EQ(row.relation(), kg::v1::COMMITMENT_RELATION_PLEDGED);
    std::vector<std::string> frameworks;
    for (const kg::v1::EntityRef& ref : row.frameworks()) {
      frameworks.push_back(ref.key());
    }
    EXPECT_THAT(frameworks, Contains("framework:wps-ha-compact"));
    ASSERT_GT(row.sources_size(), 0);
    EXPECT_FALSE(row.sources(0).evidence().empty());
  }
  const ProcessResult table =
      Kg({"commitments", "--actor", "unbody:dpo", "--relation", "pledged"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, StartsWith("ACTOR"));
  EXPECT_THAT(table.out, HasSubstr("PLEDGED"));
}

TEST_F(QueryCommandsTest, CommitmentsFollowPagesAndStopAtTheLimit) {
  RequireGold();
  if (IsSkipped()) return;
  const std::vector<std::string> whole =
      Lines(KgJson({"commitments", "--page-size", "1000"}));
  ASSERT_GT(whole.size(), 3u);
  const std::vector<std::string> paged =
      Lines(KgJson({"commitments", "--page-size", "2"}));
  EXPECT_EQ(paged, whole);
  EXPECT_EQ(Lines(KgJson({"commitments", "--page-size", "2", "--limit", "3"})),
            std::vector<std::string>(whole.begin(), whole.begin() + 3));
  EXPECT_EQ(KgJson({"commitments", "--from", "2100"}), "");
}

TEST_F(QueryCommandsTest, SearchAndDescribe) {
  RequireGold();
  if (IsSkipped()) return;
  const std::vector<kg::v1::SearchHit> hits = JsonLines<kg::v1::SearchHit>(
      KgJson({"search", "UNMISS", "--label", "Mission"}));
  ASSERT_GE(hits.size(), 1u);
  EXPECT_EQ(hits[0].node().key(), "mission:UNMISS");
  for (const kg::v1::SearchHit& hit : hits) {
    EXPECT_EQ(hit.node().label(), "Mission");
  }
  const ProcessResult search_table = Kg({"search", "germ"});
  ASSERT_EQ(search_table.exit_code, 0) << search_table.err;
  EXPECT_THAT(search_table.out, HasSubstr("state:DEU"));

  const auto description = FromJson<kg::v1::DescribeResponse>(
      KgJson({"describe", "network:wps-focal-points-network"}));
  EXPECT_EQ(description.node().key(), "network:wps-focal-points-network");
  bool members = false;
  for (const kg::v1::EdgeGroup& group : description.groups()) {
    if (group.type() == "MEMBER_OF" &&
        group.direction() == kg::v1::DIRECTION_IN) {
      members = group.count() > 0 && group.neighbours_size() > 0;
    }
  }
  EXPECT_TRUE(members);
  const ProcessResult table =
      Kg({"describe", "network:wps-focal-points-network", "--neighbours", "2"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, AllOf(HasSubstr("MEMBER_OF"), HasSubstr("more)")));
}

TEST_F(QueryCommandsTest, TraverseStreamsNodesAndEdges) {
  RequireGold();
  if (IsSkipped()) return;
  const std::string out = KgJson({"traverse", "mission:UNMISS", "--type",
                                  "MENTIONS", "--direction", "in"});
  std::vector<std::string> reached;
  bool mention = false;
  for (const std::string& line : Lines(out)) {
    if (line.find("\"node\"") != std::string::npos) {
      const auto node = FromJson<kg::v1::TraversedNode>(line);
      reached.push_back(node.node().key());
      if (node.node().key() != "mission:UNMISS") EXPECT_EQ(node.depth(), 1);
    } else {
      const auto edge = FromJson<kg::v1::Edge>(line);
      EXPECT_EQ(edge.type(), "MENTIONS");
      EXPECT_EQ(edge.dst_key(), "mission:UNMISS");
      mention = true;
    }
  }
  EXPECT_THAT(reached, Contains("mission:UNMISS"));
  EXPECT_GE(reached.size(), 2u);
  EXPECT_TRUE(mention);
  const ProcessResult paths =
      Kg({"traverse", "mission:UNMISS", "--paths", "--type", "MENTIONS"});
  ASSERT_EQ(paths.exit_code, 0) << paths.err;
  EXPECT_THAT(paths.out, HasSubstr("mission:UNMISS <-[MENTIONS]- doc:"));
}

TEST_F(QueryCommandsTest, ExportWritesEveryFormat) {
  RequireGold();
  if (IsSkipped()) return;
  const std::vector<std::string> around = {"export", "mission:UNMISS",
                                           "--depth", "1"};
  const auto with = [&around](std::vector<std::string> more) {
    std::vector<std::string> args = around;
    args.insert(args.end(), more.begin(), more.end());
    return Kg(args);
  };
  const ProcessResult json = with({"--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto data = FromJson<google::protobuf::Struct>(json.out);
  const auto& nodes = data.fields().at("nodes").list_value().values();
  const auto& links = data.fields().at("links").list_value().values();
  EXPECT_GE(nodes.size(), 2);
  EXPECT_EQ(links.size(), nodes.size() - 1);  // A star around the mission.
  std::vector<std::string> ids;
  for (const auto& node : nodes) {
    ids.push_back(node.struct_value().fields().at("id").string_value());
  }
  EXPECT_THAT(ids, Contains("mission:UNMISS"));

  const std::filesystem::path graphml = temp_->path() / "unmiss.graphml";
  const ProcessResult written =
      with({"--format", "graphml", "--output", graphml.string()});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(written.out, "");
  EXPECT_THAT(ReadFile(graphml),
              AllOf(HasSubstr("<graphml"), HasSubstr("id=\"mission:UNMISS\"")));

  const std::string prefix = (temp_->path() / "unmiss").string();
  ASSERT_EQ(with({"--format", "csv", "--output", prefix}).exit_code, 0);
  EXPECT_THAT(ReadFile(prefix + "-nodes.csv"),
              StartsWith("id,label,name,aliases"));
  EXPECT_THAT(ReadFile(prefix + "-edges.csv"),
              StartsWith("source,target,type"));
  const ProcessResult csv_to_stdout = with({"--format", "csv"});
  EXPECT_EQ(csv_to_stdout.exit_code, 2);
  EXPECT_THAT(csv_to_stdout.err, HasSubstr("--output"));

  const ProcessResult dot = with({"--format", "dot"});
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_THAT(dot.out, StartsWith("digraph kg {"));
  if (!std::filesystem::exists(kDot)) {
    GTEST_SKIP() << kDot << " (graphviz) is not installed to render it";
  }
  const std::string dot_file = temp_->Write("unmiss.dot", dot.out);
  const ProcessResult svg = RunProcess({kDot, "-Tsvg", dot_file});
  EXPECT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_THAT(svg.out, HasSubstr("<svg"));
}

TEST_F(QueryCommandsTest, BadInputIsAUsageErrorAndServerErrorsKeepTheirCode) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"traverse", "x:1", "--direction", "up"},
        std::vector<std::string>{"traverse", "x:1", "--depth", "-1"},
        std::vector<std::string>{"commitments", "--from", "2018-13"},
        std::vector<std::string>{"commitments", "--relation", "urged"},
        std::vector<std::string>{"search", "x", "--limit", "500"},
        std::vector<std::string>{"export", "x:1", "--format", "svg"},
        std::vector<std::string>{"path", "x:1"}}) {
    const ProcessResult result = Kg(args);
    EXPECT_EQ(result.exit_code, 2) << args[0] << " " << args.back();
    EXPECT_THAT(result.err, StartsWith("kg: ")) << args[0];
    EXPECT_EQ(result.out, "") << args[0];
  }
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"describe", "state:XXX"},
        std::vector<std::string>{"traverse", "state:XXX"},
        std::vector<std::string>{"path", "state:XXX", "state:YYY"},
        std::vector<std::string>{"export", "state:XXX"}}) {
    const ProcessResult result = Kg(args);
    EXPECT_EQ(result.exit_code, 1) << args[0];
    EXPECT_THAT(result.err,
                AllOf(HasSubstr("NOT_FOUND"), HasSubstr("state:XXX")))
        << args[0];
    EXPECT_EQ(result.out, "") << args[0];
  }
}

}  // namespace
}  // namespace kg::testing
