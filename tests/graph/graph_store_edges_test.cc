// Snapshot::ListEdges, Degree, Stats and ListDocuments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "graph_store_fixture.h"

namespace kg::graph::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class EdgesTest : public GraphStoreTest {
 protected:
  void SetUp() override {
    GraphStoreTest::SetUp();
    Commit(MakeDocument(
        "doc:g",
        {MakeNode("state:DEU", "State", "Germany"),
         MakeNode("state:FRA", "State", "France"),
         MakeNode("state:ITA", "State", "Italy"),
         MakeNode("network:fpn", "Network", "FPN"),
         MakeNode("event:berlin", "Event", "Berlin Ministerial"),
         MakeNode("framework:a4p", "Framework", "A4P")},
        {MakeEdge("state:DEU", "MEMBER_OF", "network:fpn"),
         MakeEdge("state:FRA", "MEMBER_OF", "network:fpn"),
         MakeEdge("state:ITA", "MEMBER_OF", "network:fpn"),
         MakeEdge("state:DEU", "CHAIRS", "network:fpn"),
         MakeEdge("state:DEU", "HOSTED", "event:berlin"),
         MakeEdge("state:DEU", "SIGNED", "framework:a4p"),
         MakeEdge("state:FRA", "SIGNED", "framework:a4p"),
         MakeEdge("event:berlin", "UNDER", "framework:a4p"),
         MakeEdge("state:FRA", "PARTICIPATED_IN", "event:berlin"),
         MakeEdge("state:DEU", "PART_OF", "state:DEU")}));  // A self loop.
  }

  void ExpectPaginates(const EdgeQuery& query) {
    std::vector<std::string> all = EdgeTriples(query);
    for (size_t limit : {1, 2, 3}) {
      EXPECT_EQ(EdgeTriples(query, limit), all) << "limit " << limit;
    }
  }
};

TEST_F(EdgesTest, ByDirection) {
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kOut)),
              UnorderedElementsAre("state:DEU -MEMBER_OF-> network:fpn",
                                   "state:DEU -CHAIRS-> network:fpn",
                                   "state:DEU -HOSTED-> event:berlin",
                                   "state:DEU -SIGNED-> framework:a4p",
                                   "state:DEU -PART_OF-> state:DEU"));
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kIn)),
              ElementsAre("state:DEU -PART_OF-> state:DEU"));
  EXPECT_EQ(EdgeTriples(EdgesOf("state:DEU", Direction::kBoth)).size(), 6u);
  EXPECT_THAT(EdgeTriples(EdgesOf("network:fpn", Direction::kOut)), IsEmpty());
  EXPECT_THAT(
      EdgeTriples(EdgesOf("event:berlin")),
      UnorderedElementsAre("state:DEU -HOSTED-> event:berlin",
                           "event:berlin -UNDER-> framework:a4p",
                           "state:FRA -PARTICIPATED_IN-> event:berlin"));
  // Ordered by direction (out first), then type, then other end.
  EXPECT_EQ(EdgeTriples(EdgesOf("event:berlin"))[0],
            "event:berlin -UNDER-> framework:a4p");
  EXPECT_EQ(EdgeTriples(EdgesOf("network:fpn", Direction::kIn, {"MEMBER_OF"})),
            (std::vector<std::string>{"state:DEU -MEMBER_OF-> network:fpn",
                                      "state:FRA -MEMBER_OF-> network:fpn",
                                      "state:ITA -MEMBER_OF-> network:fpn"}));
  for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
    ExpectPaginates(EdgesOf("state:DEU", d));
    ExpectPaginates(EdgesOf("network:fpn", d));
  }
}

TEST_F(EdgesTest, ByTypes) {
  EXPECT_THAT(EdgeTriples(EdgesOf("network:fpn", Direction::kIn, {"CHAIRS"})),
              ElementsAre("state:DEU -CHAIRS-> network:fpn"));
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kBoth,
                                  {"SIGNED", "HOSTED", "SIGNED", "PART_OF"})),
              UnorderedElementsAre("state:DEU -SIGNED-> framework:a4p",
                                   "state:DEU -HOSTED-> event:berlin",
                                   "state:DEU -PART_OF-> state:DEU",
                                   "state:DEU -PART_OF-> state:DEU"));
  // Unknown types match nothing; with known ones they are ignored.
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kBoth, {"NOPE"})),
              IsEmpty());
  EXPECT_THAT(
      EdgeTriples(EdgesOf("state:DEU", Direction::kOut, {"NOPE", "CHAIRS"})),
      ElementsAre("state:DEU -CHAIRS-> network:fpn"));
  ExpectPaginates(EdgesOf("state:DEU", Direction::kBoth,
                          {"SIGNED", "HOSTED", "PART_OF", "MEMBER_OF"}));
  ExpectPaginates(
      EdgesOf("network:fpn", Direction::kIn, {"MEMBER_OF", "CHAIRS"}));
}

TEST_F(EdgesTest, CursorResumesAfterTheLastEdge) {
  auto snapshot = store_->NewSnapshot();
  EdgeQuery q = EdgesOf("state:DEU", Direction::kBoth);
  absl::StatusOr<EdgePage> first = snapshot->ListEdges(q, "", 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->edges.size(), 2u);
  ASSERT_FALSE(first->next_cursor.empty());
  absl::StatusOr<EdgePage> rest =
      snapshot->ListEdges(q, first->next_cursor, 10);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->edges.size(), 4u);
  EXPECT_TRUE(rest->next_cursor.empty());
  for (const kg::v1::Edge& e : rest->edges) {
    EXPECT_NE(Triple(e), Triple(first->edges[0]));
    EXPECT_NE(Triple(e), Triple(first->edges[1]));
  }
  // A page that ends exactly at the last edge says so.
  absl::StatusOr<EdgePage> exact = snapshot->ListEdges(q, "", 6);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->edges.size(), 6u);
  EXPECT_TRUE(exact->next_cursor.empty());
}

TEST_F(EdgesTest, AllEdgesOfTheGraph) {
  EXPECT_EQ(EdgeTriples(EdgesOf("")).size(), 10u);
  EXPECT_THAT(EdgeTriples(EdgesOf("", Direction::kBoth, {"SIGNED"})),
              UnorderedElementsAre("state:DEU -SIGNED-> framework:a4p",
                                   "state:FRA -SIGNED-> framework:a4p"));
  EXPECT_THAT(EdgeTriples(EdgesOf("", Direction::kBoth, {"NOPE"})), IsEmpty());
  ExpectPaginates(EdgesOf(""));
  ExpectPaginates(EdgesOf("", Direction::kBoth, {"MEMBER_OF", "UNDER"}));
}

TEST_F(EdgesTest, UnknownNodeIsNotFound) {
  auto snapshot = store_->NewSnapshot();
  EXPECT_EQ(snapshot->ListEdges(EdgesOf("state:XXX"), "", 10).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(snapshot->Degree("state:XXX", Direction::kOut, "MEMBER_OF")
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EdgesTest, DegreeCountsEdgesFromCounters) {
  EXPECT_EQ(Degree("network:fpn", Direction::kIn, "MEMBER_OF"), 3u);
  EXPECT_EQ(Degree("network:fpn", Direction::kOut, "MEMBER_OF"), 0u);
  EXPECT_EQ(Degree("network:fpn", Direction::kBoth, "MEMBER_OF"), 3u);
  EXPECT_EQ(Degree("state:DEU", Direction::kOut, "MEMBER_OF"), 1u);
  EXPECT_EQ(Degree("state:DEU", Direction::kBoth, "PART_OF"), 2u);  // Loop.
  EXPECT_EQ(Degree("state:DEU", Direction::kOut, "NOPE"), 0u);
  Commit(MakeDocument("doc:g2", {},
                      {MakeEdge("state:DEU", "MEMBER_OF", "network:fpn"),
                       MakeEdge("framework:a4p", "MEMBER_OF", "network:fpn")}));
  EXPECT_EQ(Degree("network:fpn", Direction::kIn, "MEMBER_OF"), 4u);
  Remove("doc:g");
  EXPECT_EQ(Degree("network:fpn", Direction::kIn, "MEMBER_OF"), 2u);
  EXPECT_EQ(Degree("state:DEU", Direction::kBoth, "PART_OF"), 0u);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(EdgesTest, StatsCountByLabelAndType) {
  GraphStats stats = Stats();
  EXPECT_EQ(stats.node_count, 6u);
  EXPECT_EQ(stats.edge_count, 10u);
  EXPECT_EQ(stats.document_count, 1u);
  EXPECT_EQ(stats.nodes_by_label,
            (std::map<std::string, uint64_t>{
                {"Event", 1}, {"Framework", 1}, {"Network", 1}, {"State", 3}}));
  EXPECT_EQ(stats.edges_by_type,
            (std::map<std::string, uint64_t>{{"CHAIRS", 1},
                                             {"HOSTED", 1},
                                             {"MEMBER_OF", 3},
                                             {"PARTICIPATED_IN", 1},
                                             {"PART_OF", 1},
                                             {"SIGNED", 2},
                                             {"UNDER", 1}}));
}

TEST_F(GraphStoreTest, ListDocumentsInKeyOrder) {
  for (const char* key : {"doc:b", "doc:a-b", "doc:a", "doc:ab", "doc:a.b"}) {
    Commit(MakeDocument(key, {MakeNode("topic:t", "Topic", "T")}));
  }
  EXPECT_THAT(Documents(),
              ElementsAre("doc:a", "doc:a-b", "doc:a.b", "doc:ab", "doc:b"));
  EXPECT_EQ(Stats().document_count, 5u);
  Remove("doc:a");
  Remove("doc:ab");
  EXPECT_THAT(Documents(), ElementsAre("doc:a-b", "doc:a.b", "doc:b"));
  EXPECT_THAT(SourceDocuments(Get("topic:t").sources()),
              ElementsAre("doc:a-b", "doc:a.b", "doc:b"));
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

}  // namespace
}  // namespace kg::graph::test
