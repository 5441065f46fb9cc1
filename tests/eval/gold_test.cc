#include "kg/eval/gold.h"

#include <filesystem>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "temp_dir.h"

namespace kg::eval {
namespace {

using ::kg::testing::TempDir;
using ::testing::HasSubstr;
using ::testing::SizeIs;

TEST(ReadGoldTest, ReadsEachFileAsItsDocumentWithTheCorpusText) {
  TempDir temp;
  std::filesystem::create_directory(temp.path() / "gold");
  std::filesystem::create_directory(temp.path() / "corpus");
  temp.Write(
      "gold/b.jsonl",
      R"({"kind":"node","key":"doc:b","label":"Document","name":"B"})"
      "\n"
      R"({"kind":"edge","src":"doc:b","type":"MENTIONS","dst":"doc:b","evidence":"B"})"
      "\n");
  temp.Write("gold/a.jsonl",
             R"({"kind":"node","key":"doc:a","label":"Document","name":"A"})"
             "\n");
  temp.Write("gold/README.md", "Not gold.");
  temp.Write("corpus/b.md", "# B\n");
  const absl::StatusOr<std::vector<GoldDocument>> gold = ReadGold(
      (temp.path() / "gold").string(), (temp.path() / "corpus").string());
  ASSERT_TRUE(gold.ok()) << gold.status();
  ASSERT_THAT(*gold, SizeIs(2));
  EXPECT_EQ((*gold)[0].facts.document_key, "doc:a");
  EXPECT_FALSE((*gold)[0].text.has_value());
  EXPECT_EQ((*gold)[1].facts.document_key, "doc:b");
  EXPECT_EQ((*gold)[1].text, "# B\n");
  ASSERT_THAT((*gold)[1].facts.edges, SizeIs(1));
  EXPECT_EQ((*gold)[1].facts.edges[0].sources(0).evidence(), "B");
}

TEST(ReadGoldTest, AFolderWithoutGoldIsNotFound) {
  TempDir temp;
  const absl::StatusOr<std::vector<GoldDocument>> gold =
      ReadGold(temp.path().string(), temp.path().string());
  EXPECT_EQ(gold.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(gold.status().message(), HasSubstr("no gold files"));
}

}  // namespace
}  // namespace kg::eval
