// Snapshot::ListNodes and GetNode: every filter, paged at every size.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graph_store_fixture.h"

namespace kg::graph::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ListNodesTest : public GraphStoreTest {
 protected:
  void SetUp() override {
    GraphStoreTest::SetUp();
    Commit(MakeDocument(
        "doc:ref",
        {MakeNode("state:CIV", "State", "Côte d'Ivoire", {"Ivory Coast"},
                  {{"m49", IntValue(384)}, {"un_member", BoolValue(true)}}),
         MakeNode("state:TUR", "State", "Türkiye", {"Turkey"},
                  {{"m49", IntValue(792)}, {"un_member", BoolValue(true)}}),
         MakeNode("state:STP", "State", "São Tomé and Príncipe", {},
                  {{"m49", IntValue(678)}, {"un_member", BoolValue(true)}}),
         MakeNode("state:PSE", "State", "State of Palestine", {"Palestine"},
                  {{"un_member", BoolValue(false)}}),
         MakeNode("mission:UNMISS", "Mission",
                  "United Nations Mission in South Sudan",
                  {"United Nations Mission in the Republic of South Sudan",
                   "UNMISS", "united  nations mission in south sudan"},
                  {{"start_year", IntValue(2011)},
                   {"start", DateValue(2011, 7, 9)}}),
         MakeNode("mission:UNMIL", "Mission",
                  "United Nations Mission in Liberia", {"UNMIL"},
                  {{"start_year", IntValue(2003)},
                   {"end_year", IntValue(2018)},
                   {"score", DoubleValue(-0.5)},
                   {"tags", ListValue({StringValue("closed")})}}),
         MakeNode("unbody:un-women", "UNBody", "UN Women", {"UN-Women"},
                  {{"kind", StringValue("entity")}}),
         MakeNode("org:united-nations", "Organization", "United Nations",
                  {"UN"})}));
  }

  // Every page size gives the same matches, each exactly once.
  void ExpectPaginates(const NodeQuery& query) {
    std::vector<std::string> all = NodeKeys(query);
    for (size_t limit : {1, 2, 3}) {
      EXPECT_EQ(NodeKeys(query, limit), all) << "limit " << limit;
    }
  }
};

TEST_F(ListNodesTest, NoFilterListsEveryNode) {
  EXPECT_THAT(
      NodeKeys(NodeQuery()),
      UnorderedElementsAre("state:CIV", "state:TUR", "state:STP", "state:PSE",
                           "mission:UNMISS", "mission:UNMIL", "unbody:un-women",
                           "org:united-nations"));
  ExpectPaginates(NodeQuery());
}

TEST_F(ListNodesTest, ByLabel) {
  EXPECT_THAT(
      NodeKeys(ByLabel("State")),
      UnorderedElementsAre("state:CIV", "state:TUR", "state:STP", "state:PSE"));
  EXPECT_THAT(NodeKeys(ByLabel("Mission")),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL"));
  EXPECT_THAT(NodeKeys(ByLabel("Person")), IsEmpty());  // Unknown label.
  EXPECT_THAT(NodeKeys(ByLabel("state")), IsEmpty());
  ExpectPaginates(ByLabel("State"));
}

TEST_F(ListNodesTest, ByExactNameIgnoringCaseDiacriticsAndSpace) {
  EXPECT_THAT(NodeKeys(ByName("cote d'ivoire")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("CÔTE D’IVOIRE")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("ivory coast")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("turkiye")), ElementsAre("state:TUR"));
  EXPECT_THAT(NodeKeys(ByName("Turkey")), ElementsAre("state:TUR"));
  EXPECT_THAT(NodeKeys(ByName("  sao tome   and principe ")),
              ElementsAre("state:STP"));
  EXPECT_THAT(NodeKeys(ByName("unmiss")), ElementsAre("mission:UNMISS"));
  EXPECT_THAT(NodeKeys(ByName("un")), ElementsAre("org:united-nations"));
  // Exact means exact: a prefix of a name is not a match.
  EXPECT_THAT(NodeKeys(ByName("united nations mission")), IsEmpty());
  EXPECT_THAT(NodeKeys(ByName("cote")), IsEmpty());
  EXPECT_THAT(NodeKeys(ByName("nowhere")), IsEmpty());
}

TEST_F(ListNodesTest, ByNamePrefixFindsEachNodeOnce) {
  // UNMISS matches through its name and two aliases (one a duplicate after
  // normalization), yet comes once.
  EXPECT_THAT(NodeKeys(ByName("united nations mission", true)),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL"));
  EXPECT_THAT(NodeKeys(ByName("UNITED NATIONS", true)),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL",
                                   "org:united-nations"));
  EXPECT_THAT(NodeKeys(ByName("un", true)),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL",
                                   "org:united-nations", "unbody:un-women"));
  EXPECT_THAT(NodeKeys(ByName("côte", true)), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("s", true)),
              UnorderedElementsAre("state:STP", "state:PSE"));
  EXPECT_THAT(NodeKeys(ByName("zz", true)), IsEmpty());
  ExpectPaginates(ByName("un", true));
  ExpectPaginates(ByName("united nations mission", true));
  // With a label filter too.
  NodeQuery q = ByName("un", true);
  q.label = "Mission";
  EXPECT_THAT(NodeKeys(q),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL"));
  ExpectPaginates(q);
}

TEST_F(ListNodesTest, ByPropertyEquality) {
  EXPECT_THAT(NodeKeys(ByProp("m49", IntValue(384))), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByProp("un_member", BoolValue(true))),
              UnorderedElementsAre("state:CIV", "state:TUR", "state:STP"));
  EXPECT_THAT(NodeKeys(ByProp("un_member", BoolValue(false))),
              ElementsAre("state:PSE"));
  EXPECT_THAT(NodeKeys(ByProp("kind", StringValue("entity"))),
              ElementsAre("unbody:un-women"));
  EXPECT_THAT(NodeKeys(ByProp("start", DateValue(2011, 7, 9))),
              ElementsAre("mission:UNMISS"));
  EXPECT_THAT(NodeKeys(ByProp("start", DateValue(2011, 7))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("score", DoubleValue(-0.5))),
              ElementsAre("mission:UNMIL"));
  // Type matters: 2011 as a string or a double is another value.
  EXPECT_THAT(NodeKeys(ByProp("start_year", StringValue("2011"))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("start_year", DoubleValue(2011))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("nonexistent", IntValue(1))), IsEmpty());
  ExpectPaginates(ByProp("un_member", BoolValue(true)));
  // Combined with a label.
  NodeQuery q = ByProp("un_member", BoolValue(true));
  q.label = "Mission";
  EXPECT_THAT(NodeKeys(q), IsEmpty());

  auto snapshot = store_->NewSnapshot();
  EXPECT_EQ(snapshot
                ->ListNodes(ByProp("tags", ListValue({StringValue("closed")})),
                            "", 10)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  NodeQuery no_value;
  no_value.property_name = "m49";
  EXPECT_EQ(snapshot->ListNodes(no_value, "", 10).status().code(),
            absl::StatusCode::kInvalidArgument);
  // List properties are not indexed but are returned.
  EXPECT_EQ(snapshot->GetNode("mission:UNMIL")
                ->props()
                .at("tags")
                .list_value()
                .values(0)
                .string_value(),
            "closed");
}

TEST_F(ListNodesTest, GetNodeOfUnknownKeyIsNotFound) {
  absl::StatusOr<kg::v1::Node> node =
      store_->NewSnapshot()->GetNode("state:XXX");
  EXPECT_EQ(node.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(node.status().message()), HasSubstr("state:XXX"));
}

}  // namespace
}  // namespace kg::graph::test
