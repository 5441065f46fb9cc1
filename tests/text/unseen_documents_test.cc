// The text loader on documents it was not tuned on: the project's own
// documents in documents/ (other kinds, words and layouts than the shared
// corpus), imported by the real kg into a real kg-server and scored by
// kg eval against the gold files an analyst wrote for them in gold/.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "subprocess.h"
#include "temp_dir.h"

namespace kg::testing {
namespace {

using tools::ChildProcess;
using tools::ProcessResult;
using tools::RunProcess;

// Just under the figures last measured (nodes 0.976, MENTIONS 0.972,
// other edges 0.901; the aim for relations on unseen documents is
// 0.60). Raise them as the loader improves.
constexpr double kNodesF1Floor = 0.975;
constexpr double kMentionsF1Floor = 0.97;
constexpr double kOtherEdgesF1Floor = 0.897;

double Total(const google::protobuf::Struct& score, const char* facts) {
  const auto totals = score.fields().find("totals");
  if (totals == score.fields().end()) return -1;
  const auto& by_facts = totals->second.struct_value().fields();
  const auto it = by_facts.find(facts);
  if (it == by_facts.end()) return -1;
  const auto& fields = it->second.struct_value().fields();
  const auto f1 = fields.find("f1");
  return f1 == fields.end() ? -1 : f1->second.number_value();
}

TEST(UnseenDocumentsTest, ScoreAtOrAboveTheFloors) {
  TempDir temp;
  std::unique_ptr<ChildProcess> server = StartKgServer(
      KG_SERVER_PATH, (temp.path() / "db").string(), KG_REFERENCE_DIR);
  ASSERT_NE(server, nullptr);
  const std::vector<std::string> kg = {KG_CLI_PATH, "--server",
                                       server->address()};
  std::vector<std::string> import = kg;
  import.insert(import.end(), {"import", KG_TEXT_DOCUMENTS});
  const ProcessResult imported = RunProcess(import);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, ::testing::HasSubstr(" 0 failed"));

  std::vector<std::string> eval = kg;
  // With the texts, a node the loader named otherwise still matches by
  // where the text names it (the gold rule).
  eval.insert(eval.end(), {"eval", "--gold", KG_TEXT_GOLD, "--corpus",
                           KG_TEXT_DOCUMENTS, "--json"});
  const ProcessResult scored = RunProcess(eval);
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  google::protobuf::Struct score;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(scored.out, &score).ok())
      << scored.out;
  const double nodes = Total(score, "nodes");
  const double mentions = Total(score, "mentions");
  const double edges = Total(score, "edges");
  std::cout << "unseen documents F1: nodes " << nodes << ", MENTIONS "
            << mentions << ", other edges " << edges << std::endl;
  EXPECT_GE(nodes, kNodesF1Floor);
  EXPECT_GE(mentions, kMentionsF1Floor);
  EXPECT_GE(edges, kOtherEdgesF1Floor);
  EXPECT_EQ(server->Stop(), 0);
}

}  // namespace
}  // namespace kg::testing
