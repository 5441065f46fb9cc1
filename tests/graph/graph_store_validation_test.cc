// GraphStore refuses a bad document whole: a missing edge end, a label
// conflict or an invalid field fails the commit, names the field and
// writes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "graph_store_fixture.h"

namespace kg::graph::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Atomicity.

TEST_F(GraphStoreTest, UnknownEdgeEndFailsWholeAndWritesNothing) {
  Commit(MakeDocument("doc:base", {MakeNode("state:DEU", "State", "Germany")}));
  DbDump before = Dump();
  GraphStats stats_before = Stats();

  // New label, new edge type, new property names, then a bad last edge.
  absl::StatusOr<kg::v1::CommitSummary> result = store_->CommitDocument(
      MakeDocument("doc:bad",
                   {MakeNode("topic:crsv", "Topic", "CRSV", {},
                             {{"weight", IntValue(1)}}),
                    MakeNode("state:DEU", "State", "Germany", {"Deutschland"}),
                    MakeNode("framework:a4p", "Framework", "A4P")},
                   {MakeEdge("framework:a4p", "ABOUT", "topic:crsv"),
                    MakeEdge("state:DEU", "SIGNED", "framework:a4p"),
                    MakeEdge("state:DEU", "SIGNED", "org:nowhere")}));
  ASSERT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition)
      << result.status();
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("org:nowhere"));
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("edges[2].dst_key"));
  EXPECT_TRUE(Dump() == before) << "a failed commit wrote";

  EXPECT_FALSE(Exists("topic:crsv"));
  EXPECT_FALSE(Exists("framework:a4p"));
  EXPECT_THAT(Get("state:DEU").aliases(), IsEmpty());
  GraphStats stats = Stats();
  EXPECT_EQ(stats.node_count, stats_before.node_count);
  EXPECT_EQ(stats.nodes_by_label, stats_before.nodes_by_label);
  EXPECT_THAT(Documents(), ElementsAre("doc:base"));
  EXPECT_THAT(NodeKeys(ByLabel("Topic")), IsEmpty());

  // The names the failed commit interned are forgotten: later commits that
  // use them store and read them right, also after a restart.
  Commit(MakeDocument("doc:good",
                      {MakeNode("framework:wps", "Framework", "WPS agenda", {},
                                {{"kind", StringValue("agenda")}})},
                      {MakeEdge("state:DEU", "SIGNED", "framework:wps")}));
  Reopen();
  EXPECT_EQ(Get("framework:wps").label(), "Framework");
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU")),
              ElementsAre("state:DEU -SIGNED-> framework:wps"));
  EXPECT_THAT(NodeKeys(ByProp("kind", StringValue("agenda"))),
              ElementsAre("framework:wps"));
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, UnknownEdgeStartFailsNamingTheKey) {
  DbDump before = Dump();
  absl::StatusOr<kg::v1::CommitSummary> result = store_->CommitDocument(
      MakeDocument("doc:bad", {MakeNode("topic:crsv", "Topic", "CRSV")},
                   {MakeEdge("state:XXX", "ABOUT", "topic:crsv")}));
  ASSERT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("state:XXX"));
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("edges[0].src_key"));
  EXPECT_TRUE(Dump() == before);
}

TEST_F(GraphStoreTest, LabelConflictWithStoredNodeFailsWhole) {
  Commit(MakeDocument("doc:a", {MakeNode("state:KOR", "State", "Korea")}));
  DbDump before = Dump();
  // "Country" is not an ontology label, so any key prefix passes
  // validation; it conflicts with the stored label.
  absl::StatusOr<kg::v1::CommitSummary> result = store_->CommitDocument(
      MakeDocument("doc:b",
                   {MakeNode("topic:x", "Topic", "X"),
                    MakeNode("state:KOR", "Country", "Korea")},
                   {MakeEdge("state:KOR", "ABOUT", "topic:x")}));
  ASSERT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition)
      << result.status();
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("nodes[1].label"));
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("state:KOR"));
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("State"));
  EXPECT_TRUE(Dump() == before);
  EXPECT_FALSE(Exists("topic:x"));
  EXPECT_EQ(Get("state:KOR").label(), "State");
  EXPECT_EQ(Stats().nodes_by_label.count("Country"), 0u);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

// Validation.

struct InvalidCase {
  std::string what;
  DocumentFacts facts;
  std::string field;
};

std::vector<InvalidCase> InvalidCases() {
  kg::v1::Node ok = MakeNode("state:DEU", "State", "Germany");
  auto with_prop = [&](const std::string& name, const kg::v1::Value& value) {
    kg::v1::Node node = ok;
    (*node.mutable_props())[name] = value;
    return node;
  };
  kg::v1::Source foreign = MakeSource(0, 1);
  foreign.set_document_key("doc:other");
  kg::v1::Source backwards = MakeSource(5, 1);
  kg::v1::Source too_sure = MakeSource(0, 1, "x", 1.5);
  kg::v1::Source bad_evidence = MakeSource(0, 1);
  bad_evidence.set_evidence("Germany\xff");
  return {
      {"bad node key",
       MakeDocument("doc:a", {ok, MakeNode("germany", "State", "Germany")}),
       "nodes[1].key"},
      {"empty node key", MakeDocument("doc:a", {MakeNode("", "State", "X")}),
       "nodes[0].key"},
      {"key with a space",
       MakeDocument("doc:a", {MakeNode("state:D EU", "State", "X")}),
       "nodes[0].key"},
      {"key prefix not the label's",
       MakeDocument("doc:a", {MakeNode("org:x", "State", "X")}),
       "nodes[0].key"},
      {"bad label",
       MakeDocument("doc:a", {MakeNode("state:DEU", "state", "Germany")}),
       "nodes[0].label"},
      {"bad edge type",
       MakeDocument("doc:a", {ok},
                    {MakeEdge("state:DEU", "member_of", "state:DEU")}),
       "edges[0].type"},
      {"bad edge end",
       MakeDocument("doc:a", {ok}, {MakeEdge("state:DEU", "MEMBER_OF", "x")}),
       "edges[0].dst_key"},
      {"source of another document",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Germany", {}, {},
                                       {foreign})}),
       "nodes[0].sources[0].document_key"},
      {"edge source of another document",
       MakeDocument("doc:a", {ok},
                    {MakeEdge("state:DEU", "MEMBER_OF", "state:DEU", {},
                              {MakeSource(0, 1), foreign})}),
       "edges[0].sources[1].document_key"},
      {"span backwards",
       MakeDocument("doc:a",
                    {MakeNode("state:DEU", "State", "G", {}, {}, {backwards})}),
       "nodes[0].sources[0].start"},
      {"confidence above 1",
       MakeDocument("doc:a",
                    {MakeNode("state:DEU", "State", "G", {}, {}, {too_sure})}),
       "nodes[0].sources[0].confidence"},
      {"bad property name",
       MakeDocument("doc:a", {with_prop("bad-name", IntValue(1))}),
       "nodes[0].props[bad-name]"},
      {"NaN", MakeDocument("doc:a", {with_prop("score", DoubleValue(NAN))}),
       "nodes[0].props[score]"},
      {"nested list",
       MakeDocument("doc:a",
                    {with_prop("tags", ListValue({ListValue({IntValue(1)})}))}),
       "nodes[0].props[tags][0]"},
      {"unset value", MakeDocument("doc:a", {with_prop("x", kg::v1::Value())}),
       "nodes[0].props[x]"},
      {"invalid date",
       MakeDocument("doc:a", {with_prop("since", DateValue(2019, 2, 29))}),
       "nodes[0].props[since]"},
      {"day without month",
       MakeDocument("doc:a", {with_prop("since", DateValue(2019, 0, 3))}),
       "nodes[0].props[since]"},
      {"control character in a name",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Ger\nmany")}),
       "nodes[0].name"},
      {"control character in an alias",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Germany",
                                       {"ok", "b\tad"})}),
       "nodes[0].aliases[1]"},
      {"one key with two labels",
       MakeDocument("doc:a", {ok, MakeNode("topic:x", "Topic", "X"),
                              MakeNode("state:DEU", "Country", "Germany")}),
       "nodes[2].label"},
      // Protocol Buffers refuse to parse invalid UTF-8 in a string field:
      // stored, it would make the record unreadable.
      {"invalid UTF-8 in a name",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Ger\xffmany")}),
       "nodes[0].name"},
      {"invalid UTF-8 in an alias",
       MakeDocument("doc:a",
                    {MakeNode("state:DEU", "State", "Germany", {"\xc0\x80"})}),
       "nodes[0].aliases[0]"},
      {"invalid UTF-8 in a key",
       MakeDocument("doc:a", {MakeNode("state:D\xe9U", "State", "Germany")}),
       "nodes[0].key"},
      {"invalid UTF-8 in a string value",
       MakeDocument("doc:a", {with_prop("kind", StringValue("a\xff"))}),
       "nodes[0].props[kind]"},
      {"invalid UTF-8 in a list value",
       MakeDocument(
           "doc:a",
           {with_prop("tags", ListValue({StringValue("ok"),
                                         StringValue("\xed\xa0\x80")}))}),
       "nodes[0].props[tags][1]"},
      {"invalid UTF-8 in an extractor",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "G", {}, {},
                                       {MakeSource(0, 1, "n\xe2r")})}),
       "nodes[0].sources[0].extractor"},
      {"invalid UTF-8 in evidence",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "G", {}, {},
                                       {bad_evidence})}),
       "nodes[0].sources[0].evidence"},
      {"bad document key", MakeDocument("state:DEU", {ok}), "document_key"},
      {"empty document key", MakeDocument("", {ok}), "document_key"},
  };
}

TEST_F(GraphStoreTest, AcceptsAnyValidUtf8) {
  kg::v1::Source evidence = MakeSource(0, 9, "ner");
  evidence.set_evidence("line one\nline two — “quoted”");
  Commit(MakeDocument(
      "doc:a",
      {MakeNode("state:CIV", "State", "Côte d’Ivoire",
                {"Кот-д’Ивуар", "科特迪瓦", "😀"},
                {{"motto", StringValue("Union – Discipline – Travail")},
                 {"max", StringValue("\xf4\x8f\xbf\xbf")}},
                {evidence})}));
  kg::v1::Node civ = Get("state:CIV");
  EXPECT_EQ(civ.name(), "Côte d’Ivoire");
  EXPECT_THAT(civ.aliases(), ElementsAre("Кот-д’Ивуар", "科特迪瓦", "😀"));
  EXPECT_EQ(civ.sources(0).evidence(), "line one\nline two — “quoted”");
  EXPECT_THAT(NodeKeys(ByName("科特迪瓦")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByProp("max", StringValue("\xf4\x8f\xbf\xbf"))),
              ElementsAre("state:CIV"));
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, ValidationErrorsNameTheFieldAndWriteNothing) {
  Commit(MakeDocument("doc:base", {MakeNode("state:FRA", "State", "France")}));
  DbDump before = Dump();
  for (const InvalidCase& c : InvalidCases()) {
    absl::StatusOr<kg::v1::CommitSummary> result =
        store_->CommitDocument(c.facts);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument)
        << c.what << ": " << result.status();
    EXPECT_THAT(std::string(result.status().message()),
                testing::StartsWith(c.field + ":"))
        << c.what;
  }
  EXPECT_TRUE(Dump() == before);
}

}  // namespace
}  // namespace kg::graph::test
