// What kg import does with files, whatever the sink: a recording sink
// stands in for the server and the database.
#include "file_import.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "temp_dir.h"

namespace kg::cli {
namespace {

using ::kg::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

class RecordingSink : public ImportSink {
 public:
  absl::StatusOr<kg::v1::CommitSummary> ImportText(
      const text::TextDocument& document) override {
    texts.push_back(document);
    return Summary(text::DocumentKeyOf(document));
  }

  absl::StatusOr<kg::v1::CommitSummary> ImportFacts(
      const graph::DocumentFacts& document) override {
    if (!fail_key.empty() && document.document_key == fail_key) {
      return absl::FailedPreconditionError("edge end missing");
    }
    facts.push_back(document);
    return Summary(document.document_key);
  }

  std::vector<text::TextDocument> texts;
  std::vector<graph::DocumentFacts> facts;
  std::string fail_key;

 private:
  static kg::v1::CommitSummary Summary(const std::string& key) {
    kg::v1::CommitSummary summary;
    summary.set_document_key(key);
    summary.set_changed(true);
    return summary;
  }
};

std::vector<std::string> PathsOf(const std::vector<PlannedFile>& files) {
  std::vector<std::string> paths;
  for (const PlannedFile& file : files) paths.push_back(file.path);
  return paths;
}

std::string ErrorOf(
    const std::vector<absl::StatusOr<kg::v1::CommitSummary>>& results) {
  if (results.size() != 1 || results[0].ok()) {
    ADD_FAILURE() << "expected one error";
    return "";
  }
  return std::string(results[0].status().message());
}

TEST(PlanImportTest, DirectoriesExpandSortedAndCsvNodesGoFirstEdgesLast) {
  TempDir temp;
  const std::string edges = temp.Write("a-edges.csv", "src,type,dst\n");
  const std::string text = temp.Write("b.txt", "Text.");
  const std::string nodes = temp.Write("c-nodes.csv", "key,label\n");
  const std::filesystem::path dir = temp.path() / "dir";
  std::filesystem::create_directory(dir);
  std::ofstream(dir / "2.md") << "Two.";
  std::ofstream(dir / "1.jsonl") << "{}";
  std::ofstream(dir / "notes.pdf") << "%PDF";
  const std::string missing = (temp.path() / "missing.txt").string();

  const std::vector<PlannedFile> files =
      PlanImport({edges, text, dir.string(), missing, nodes});
  EXPECT_THAT(PathsOf(files),
              ElementsAre(nodes, text, (dir / "1.jsonl").string(),
                          (dir / "2.md").string(), missing, edges));
  for (const PlannedFile& file : files) EXPECT_TRUE(file.error.ok());
}

TEST(ReadImportFileTest, RefusesWhatIsNotADocumentNamingTheFile) {
  TempDir temp;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {temp.Write("empty.txt", ""), "empty"},
      {temp.Write("binary.txt", std::string("PK\x03\x04\0\0", 6)), "NUL"},
      {temp.Write("latin1.txt", "Caf\xE9"), "UTF-8"},
      {temp.Write("huge.txt", std::string(text::kMaxDocumentBytes + 1, 'a')),
       absl::StrCat("the file has ", text::kMaxDocumentBytes + 1, " bytes")},
      {(temp.path() / "missing.txt").string(), "No such file"},
      {temp.path().string(), "not a regular file"},
  };
  for (const auto& [path, problem] : cases) {
    const absl::StatusOr<std::string> read = ReadImportFile(path);
    ASSERT_FALSE(read.ok()) << path;
    EXPECT_THAT(read.status().message(), HasSubstr(path));
    EXPECT_THAT(read.status().message(), HasSubstr(problem));
  }
  const std::string good = temp.Write("good.md", "# Title\nText.\n");
  EXPECT_EQ(ReadImportFile(good).value(), "# Title\nText.\n");
}

TEST(ImportFileTest, TextDocumentsCarryTheirMetadataAndFileName) {
  TempDir temp;
  const std::string path = temp.Write("brief.txt", "The text.");
  RecordingSink sink;
  text::TextDocument metadata;
  metadata.key = "doc:custom";
  metadata.title = "A Title";
  metadata.date = "2021-11";
  const auto results = ImportFile({path, {}}, metadata, sink);
  ASSERT_THAT(results, SizeIs(1));
  EXPECT_EQ(results[0]->document_key(), "doc:custom");
  ASSERT_THAT(sink.texts, SizeIs(1));
  EXPECT_EQ(sink.texts[0].file_name, "brief.txt");
  EXPECT_EQ(sink.texts[0].text, "The text.");
  EXPECT_EQ(sink.texts[0].title, "A Title");
  EXPECT_EQ(sink.texts[0].date, "2021-11");
}

TEST(ImportFileTest, FactsFilesCommitEachDocument) {
  TempDir temp;
  const std::string jsonl = temp.Write(
      "facts.jsonl",
      R"({"kind":"node","key":"topic:a","label":"Topic","name":"A"})"
      "\n"
      R"({"kind":"node","key":"topic:b","label":"Topic","name":"B","sources":[{"document_key":"doc:other"}]})"
      "\n");
  const std::string csv =
      temp.Write("nodes.csv", "key,label,name\ntopic:c,Topic,C\n");
  RecordingSink sink;
  EXPECT_THAT(ImportFile({jsonl, {}}, {}, sink), SizeIs(2));
  text::TextDocument keyed;
  keyed.key = "doc:csv";
  EXPECT_THAT(ImportFile({csv, {}}, keyed, sink), SizeIs(1));
  ASSERT_THAT(sink.facts, SizeIs(3));
  EXPECT_EQ(sink.facts[0].document_key, "doc:facts");
  EXPECT_EQ(sink.facts[1].document_key, "doc:other");
  EXPECT_EQ(sink.facts[2].document_key, "doc:csv");
  EXPECT_EQ(sink.facts[2].nodes[0].key(), "topic:c");
}

TEST(ImportFileTest, ErrorsNameTheFile) {
  TempDir temp;
  RecordingSink sink;
  const std::string pdf = temp.Write("paper.pdf", "%PDF");
  EXPECT_EQ(ErrorOf(ImportFile({pdf, {}}, {}, sink)),
            absl::StrCat(pdf,
                         ": not a file kg import reads (.txt, .md, "
                         ".jsonl, .csv)"));
  const std::string blank = temp.Write("blank.jsonl", "\n\n");
  EXPECT_EQ(ErrorOf(ImportFile({blank, {}}, {}, sink)),
            absl::StrCat(blank, ": holds no facts"));
  const std::string header = temp.Write("header.csv", "key,label\n");
  EXPECT_EQ(ErrorOf(ImportFile({header, {}}, {}, sink)),
            absl::StrCat(header, ": holds no facts"));
  const std::string bad = temp.Write("bad.csv", "key,label\na:b\n");
  EXPECT_EQ(ErrorOf(ImportFile({bad, {}}, {}, sink)),
            absl::StrCat(bad, ":2: expected 2 fields, got 1"));
  const std::string edges =
      temp.Write("edges.csv", "src,type,dst\na:1,T,b:2\n");
  sink.fail_key = "doc:edges";
  EXPECT_EQ(ErrorOf(ImportFile({edges, {}}, {}, sink)),
            absl::StrCat(edges, ": doc:edges: edge end missing"));
  EXPECT_EQ(
      ErrorOf(ImportFile({"dir", absl::NotFoundError("dir: gone")}, {}, sink)),
      "dir: gone");
  EXPECT_TRUE(sink.texts.empty());
  EXPECT_TRUE(sink.facts.empty());
}

}  // namespace
}  // namespace kg::cli
