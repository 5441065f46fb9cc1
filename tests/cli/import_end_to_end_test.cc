// kg import and kg eval, the real binaries against a real kg-server: the
// shared corpus scored against its gold, bad input, CSV facts, metadata
// options, and the offline import into a stopped database.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
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

// Micro-averaged F1 on the shared corpus that the text loader must keep:
// just under the figures last measured (nodes 0.933, MENTIONS 0.925, other
// edges 0.901). Raise them as the loader improves.
constexpr double kNodesF1Floor = 0.932;
constexpr double kMentionsF1Floor = 0.924;
constexpr double kOtherEdgesF1Floor = 0.899;

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    files.push_back(entry.path().string());
  }
  return files;
}

double NumberAt(const google::protobuf::Struct& object,
                std::initializer_list<const char*> path) {
  const google::protobuf::Struct* at = &object;
  double number = -1;
  for (const char* name : path) {
    const auto it = at->fields().find(name);
    if (it == at->fields().end()) {
      ADD_FAILURE() << "no " << name;
      return -1;
    }
    at = &it->second.struct_value();
    number = it->second.number_value();
  }
  return number;
}

class ImportEndToEndTest : public ::testing::Test {
 protected:
  std::unique_ptr<ChildProcess> StartServer(
      const std::string& name, const std::string& reference_dir = "") {
    return StartKgServer(KG_SERVER_PATH, Path(name), reference_dir);
  }

  std::string Path(const std::string& name) const {
    return (temp_.path() / name).string();
  }

  static ProcessResult Kg(const ChildProcess& server,
                          std::vector<std::string> args) {
    args.insert(args.begin(), {KG_CLI_PATH, "--server", server.address()});
    return RunProcess(args);
  }

  TempDir temp_;
};

TEST_F(ImportEndToEndTest,
       CorpusScoresAtOrAboveTheFloorsAndReimportsUnchanged) {
  const std::vector<std::string> corpus = FilesIn(KG_CORPUS_DIR);
  if (corpus.empty() || FilesIn(KG_GOLD_DIR).empty()) {
    GTEST_SKIP() << "no corpus in " << KG_CORPUS_DIR << " or no gold in "
                 << KG_GOLD_DIR
                 << " (the shared folder is not beside the checkout)";
  }
  std::unique_ptr<ChildProcess> server = StartServer("db", KG_REFERENCE_DIR);
  ASSERT_NE(server, nullptr);
  const ProcessResult import = Kg(*server, {"import", KG_CORPUS_DIR});
  EXPECT_EQ(import.exit_code, 0) << import.err;
  EXPECT_THAT(import.out,
              EndsWith(absl::StrCat(
                  corpus.size(), " files imported, 0 unchanged, 0 failed\n")));

  const ProcessResult eval =
      Kg(*server, {"eval", "--gold", KG_GOLD_DIR, "--json"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  google::protobuf::Struct score;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(eval.out, &score).ok())
      << eval.out;
  const double nodes = NumberAt(score, {"totals", "nodes", "f1"});
  const double mentions = NumberAt(score, {"totals", "mentions", "f1"});
  const double edges = NumberAt(score, {"totals", "edges", "f1"});
  std::cout << "corpus F1: nodes " << nodes << ", MENTIONS " << mentions
            << ", other edges " << edges << std::endl;
  EXPECT_GE(nodes, kNodesF1Floor);
  EXPECT_GE(mentions, kMentionsF1Floor);
  EXPECT_GE(edges, kOtherEdgesF1Floor);
  const ProcessResult table = Kg(*server, {"eval", "--gold", KG_GOLD_DIR});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, AllOf(HasSubstr("EDGE TYPE"), HasSubstr("TOTAL")));

  const ProcessResult again = Kg(*server, {"import", KG_CORPUS_DIR});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  const std::vector<std::string> lines = Lines(again.out);
  ASSERT_EQ(lines.size(), corpus.size() + 1) << again.out;
  for (size_t i = 0; i < corpus.size(); ++i) {
    EXPECT_THAT(lines[i], EndsWith("(unchanged)"));
  }
  EXPECT_EQ(lines.back(), absl::StrCat("0 files imported, ", corpus.size(),
                                       " unchanged, 0 failed"));
  EXPECT_EQ(server->Stop(), 0);
}

TEST_F(ImportEndToEndTest, BadFilesFailNamingTheFileWhileAGoodOneImports) {
  std::unique_ptr<ChildProcess> server = StartServer("db");
  ASSERT_NE(server, nullptr);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {temp_.Write("binary.txt",
                   std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
       "NUL"},
      {temp_.Write("empty.txt", ""), "empty"},
      {temp_.Write("huge.txt", std::string(17'000'000, 'a')),
       "the file has 17000000 bytes"},
      {temp_.Write("latin1.md", "R\xE9solution 1325 du Conseil"), "UTF-8"},
      {temp_.Write("slides.pdf", "%PDF-1.4"), "not a file kg import reads"},
      {temp_.Write("broken.csv", "key,label\nstate:A,State\nstate:B\n"),
       ":3: expected 2 fields, got 1"},
  };
  const std::string good = temp_.Write(
      "good.txt", "Germany and Japan discussed women in peacekeeping.\n");
  std::vector<std::string> args = {"import"};
  for (const auto& [path, problem] : bad) args.push_back(path);
  args.push_back(good);
  const ProcessResult import = Kg(*server, args);
  EXPECT_EQ(import.exit_code, 1);
  for (const auto& [path, problem] : bad) {
    EXPECT_THAT(import.err, AllOf(HasSubstr(path), HasSubstr(problem)));
  }
  EXPECT_THAT(import.out, HasSubstr("doc:good: "));
  EXPECT_THAT(import.out, EndsWith("1 file imported, 0 unchanged, 6 failed\n"));
  EXPECT_EQ(Kg(*server, {"get", "doc:good"}).exit_code, 0);
  for (const char* key : {"doc:binary", "doc:empty", "doc:huge", "doc:latin1",
                          "doc:broken", "state:A"}) {
    EXPECT_NE(Kg(*server, {"get", key}).exit_code, 0) << key;
  }
}

TEST_F(ImportEndToEndTest, CsvEdgesWaitForTheNodesTheyLink) {
  std::unique_ptr<ChildProcess> server = StartServer("db");
  ASSERT_NE(server, nullptr);
  std::filesystem::create_directory(temp_.path() / "csv");
  // By name the edges come first; the import puts the nodes first.
  temp_.Write("csv/a-edges.csv",
              "src,type,dst,role,from\n"
              "state:DEU,CHAIRS,network:wps-fpn,chair,2018\n");
  temp_.Write(
      "csv/b-nodes.csv",
      "key,label,name,aliases\n"
      "state:DEU,State,Germany,\n"
      "network:wps-fpn,Network,\"WPS Focal Points Network\",WPS-FPN|FPN\n");
  const ProcessResult import = Kg(*server, {"import", Path("csv")});
  EXPECT_EQ(import.exit_code, 0) << import.err;
  const std::vector<std::string> lines = Lines(import.out);
  ASSERT_EQ(lines.size(), 3u) << import.out;
  EXPECT_THAT(lines[0], HasSubstr("] doc:b-nodes: "));
  EXPECT_THAT(lines[1], HasSubstr("] doc:a-edges: "));
  EXPECT_THAT(lines[1], HasSubstr(" 1 edge asserted"));
  const ProcessResult neighbors =
      Kg(*server, {"neighbors", "state:DEU", "--type", "CHAIRS"});
  EXPECT_EQ(neighbors.exit_code, 0) << neighbors.err;
  EXPECT_THAT(neighbors.out,
              AllOf(HasSubstr("network:wps-fpn"), HasSubstr("role=chair")));
}

TEST_F(ImportEndToEndTest, MetadataOptionsDescribeOneTextDocument) {
  std::unique_ptr<ChildProcess> server = StartServer("db");
  ASSERT_NE(server, nullptr);
  const std::string text =
      temp_.Write("note.txt", "A short note on peacekeeping training.\n");
  const ProcessResult import =
      Kg(*server, {"import", text, "--key", "doc:custom-note", "--title",
                   "A Custom Note", "--date", "2020-01-02", "--kind", "note",
                   "--source-url", "https://example.org/note"});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_THAT(import.out, HasSubstr("doc:custom-note: "));
  const ProcessResult get = Kg(*server, {"get", "doc:custom-note"});
  ASSERT_EQ(get.exit_code, 0) << get.err;
  EXPECT_THAT(get.out,
              AllOf(HasSubstr("A Custom Note"), HasSubstr("2020-01-02"),
                    HasSubstr("https://example.org/note")));

  const std::string facts = temp_.Write(
      "facts.jsonl",
      R"({"kind":"node","key":"topic:x","label":"Topic","name":"X"})");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"import", text, facts, "--key", "doc:k"},
        std::vector<std::string>{"import", facts, "--title", "T"},
        std::vector<std::string>{"import", text, "--date", "May 2020"},
        std::vector<std::string>{"import", text, "--reference-dir", "/x"}}) {
    const ProcessResult usage = Kg(*server, args);
    EXPECT_EQ(usage.exit_code, 2) << args.back();
    EXPECT_THAT(usage.err, HasSubstr("--")) << args.back();
    EXPECT_EQ(usage.out, "") << args.back();
  }
}

TEST_F(ImportEndToEndTest, OfflineImportBuildsWhatTheServerBuilds) {
  const std::vector<std::string> files = {
      temp_.Write("brief.md",
                  "# Brief\n\nGermany and the Republic of Korea support the "
                  "Women, Peace and Security agenda and UN Women.\n"),
      temp_.Write(
          "facts.jsonl",
          R"({"kind":"node","key":"doc:facts","label":"Document","name":"Facts"})"
          "\n"
          R"({"kind":"node","key":"topic:x","label":"Topic","name":"X"})"
          "\n"),
  };
  std::vector<std::string> offline = {
      KG_CLI_PATH,     "import",          "--db",
      Path("offline"), "--reference-dir", KG_REFERENCE_DIR};
  offline.insert(offline.end(), files.begin(), files.end());
  const ProcessResult imported = RunProcess(offline);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out,
              EndsWith("2 files imported, 0 unchanged, 0 failed\n"));

  std::unique_ptr<ChildProcess> online =
      StartServer("online", KG_REFERENCE_DIR);
  ASSERT_NE(online, nullptr);
  std::vector<std::string> args = {"import"};
  args.insert(args.end(), files.begin(), files.end());
  ASSERT_EQ(Kg(*online, args).exit_code, 0);
  std::unique_ptr<ChildProcess> served =
      StartServer("offline", KG_REFERENCE_DIR);
  ASSERT_NE(served, nullptr);
  const ProcessResult online_dump = Kg(*online, {"dump"});
  const ProcessResult offline_dump = Kg(*served, {"dump"});
  ASSERT_EQ(online_dump.exit_code, 0) << online_dump.err;
  EXPECT_THAT(online_dump.out, HasSubstr("doc:brief"));
  EXPECT_EQ(offline_dump.out, online_dump.out);
  EXPECT_EQ(served->Stop(), 0);

  // The database is the server's while it runs.
  const ProcessResult locked =
      RunProcess({KG_CLI_PATH, "import", "--db", Path("online"), files[1]});
  EXPECT_NE(locked.exit_code, 0);
  EXPECT_THAT(locked.err, HasSubstr("kg: "));
}

}  // namespace
}  // namespace kg::testing
