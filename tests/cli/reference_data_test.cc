#include "kg/loaders/reference_data.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kg/graph/graph_store.h"
#include "temp_dir.h"

namespace kg::loaders {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Property;

class ReferenceDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
        graph::GraphStore::Open((db_dir_.path() / "db").string());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  kg::testing::TempDir db_dir_;
  kg::testing::TempDir data_dir_;
  std::unique_ptr<graph::GraphStore> store_;
};

TEST_F(ReferenceDataTest, LoadsEveryFileOnceAndAgainCheaply) {
  // "a-missions" sorts first but needs the state that "b-states" asserts.
  data_dir_.Write(
      "a-missions.jsonl",
      R"({"kind":"node","key":"mission:UNMISS","label":"Mission","name":"UNMISS"})"
      "\n"
      R"({"kind":"edge","src":"mission:UNMISS","type":"DEPLOYED_IN","dst":"state:SSD"})"
      "\n");
  data_dir_.Write(
      "b-states.jsonl",
      R"({"kind":"node","key":"state:SSD","label":"State","name":"South Sudan"})"
      "\n");
  data_dir_.Write("notes.txt", "not facts");

  absl::StatusOr<ReferenceLoadSummary> first =
      LoadReferenceData(*store_, data_dir_.path().string());
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->files, 2);
  EXPECT_EQ(first->changed, 2);

  std::unique_ptr<graph::Snapshot> snapshot = store_->NewSnapshot();
  absl::StatusOr<kg::v1::Node> state = snapshot->GetNode("state:SSD");
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_EQ(state->name(), "South Sudan");
  EXPECT_THAT(state->sources(), Contains(Property(&kg::v1::Source::document_key,
                                                  "doc:b-states")));
  absl::StatusOr<graph::EdgePage> edges = snapshot->ListEdges(
      {"mission:UNMISS", graph::Direction::kOut, {}}, "", 10);
  ASSERT_TRUE(edges.ok()) << edges.status();
  ASSERT_EQ(edges->edges.size(), 1u);
  EXPECT_EQ(edges->edges[0].dst_key(), "state:SSD");

  absl::StatusOr<ReferenceLoadSummary> second =
      LoadReferenceData(*store_, data_dir_.path().string());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->files, 2);
  EXPECT_EQ(second->changed, 0);
}

TEST_F(ReferenceDataTest, MalformedFileFailsBeforeAnythingIsWritten) {
  data_dir_.Write(
      "a.jsonl",
      R"({"kind":"node","key":"state:SSD","label":"State","name":"South Sudan"})"
      "\n");
  const std::string bad = data_dir_.Write("b.jsonl", "\n{\"kind\":\"node\"}\n");
  absl::StatusOr<ReferenceLoadSummary> loaded =
      LoadReferenceData(*store_, data_dir_.path().string());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(loaded.status().message()), HasSubstr(bad + ":2: "));
  EXPECT_EQ(store_->NewSnapshot()->GetNode("state:SSD").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ReferenceDataTest, MissingDirectoryIsNotFound) {
  EXPECT_EQ(LoadReferenceData(*store_, (data_dir_.path() / "none").string())
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kg::loaders
