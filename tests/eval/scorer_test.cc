#include "kg/eval/scorer.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace kg::eval {
namespace {

constexpr char kDoc[] = "doc:brief";
constexpr char kOtherDoc[] = "doc:other";

kg::v1::Node GoldNode(const std::string& key, const std::string& label,
                      const std::string& name,
                      std::vector<std::string> aliases = {}) {
  kg::v1::Node node;
  node.set_key(key);
  node.set_label(label);
  node.set_name(name);
  for (const std::string& alias : aliases) node.add_aliases(alias);
  return node;
}

kg::v1::Edge GoldEdge(const std::string& src, const std::string& type,
                      const std::string& dst,
                      const std::string& evidence = "") {
  kg::v1::Edge edge;
  edge.set_src_key(src);
  edge.set_type(type);
  edge.set_dst_key(dst);
  edge.add_sources()->set_evidence(evidence);
  return edge;
}

void AddSource(google::protobuf::RepeatedPtrField<kg::v1::Source>* sources,
               const std::string& document, uint64_t start = 0,
               uint64_t end = 0) {
  kg::v1::Source* source = sources->Add();
  source->set_document_key(document);
  source->set_start(start);
  source->set_end(end);
}

// A node that `document` produced, its source at [start, end).
kg::v1::Node Produced(const std::string& key, const std::string& label,
                      const std::string& name,
                      const std::string& document = kDoc, uint64_t start = 0,
                      uint64_t end = 0) {
  kg::v1::Node node = GoldNode(key, label, name);
  AddSource(node.mutable_sources(), document, start, end);
  return node;
}

kg::v1::Edge ProducedEdge(const std::string& src, const std::string& type,
                          const std::string& dst,
                          const std::string& document = kDoc) {
  kg::v1::Edge edge = GoldEdge(src, type, dst);
  edge.clear_sources();
  AddSource(edge.mutable_sources(), document);
  return edge;
}

GoldDocument Gold(std::vector<kg::v1::Node> nodes,
                  std::vector<kg::v1::Edge> edges,
                  std::optional<std::string> text = std::nullopt) {
  GoldDocument gold;
  gold.facts.document_key = kDoc;
  gold.facts.nodes = std::move(nodes);
  gold.facts.edges = std::move(edges);
  gold.text = std::move(text);
  return gold;
}

MATCHER_P3(CountsAre, gold, produced, matched, "") {
  return arg.gold == gold && arg.produced == produced && arg.matched == matched;
}

TEST(FoldNameTest, IgnoresCaseSpacePunctuationAndDiacritics) {
  EXPECT_EQ(FoldName("Women, Peace and  Security"), "womenpeaceandsecurity");
  EXPECT_EQ(FoldName("women peace-and security"), "womenpeaceandsecurity");
  EXPECT_EQ(FoldName("Côte d’Ivoire"), "cotedivoire");
  EXPECT_EQ(FoldName("PKO-EWG"), FoldName("PKO EWG"));
  EXPECT_EQ(FoldName("S/RES/1325 (2000)"), "sres13252000");
  // Symbols are not punctuation.
  EXPECT_NE(FoldName("A4P+"), FoldName("A4P"));
}

TEST(ScoreFactsTest, NodesMatchByKey) {
  const Score score =
      ScoreFacts({Gold({GoldNode("state:DEU", "State", "Germany")}, {})},
                 {Produced("state:DEU", "State", "Deutschland")}, {});
  EXPECT_THAT(score.nodes, CountsAre(1, 1, 1));
  EXPECT_DOUBLE_EQ(score.nodes.f1(), 1.0);
}

TEST(ScoreFactsTest, NodesMatchByNameOrAliasWithinTheirLabel) {
  const Score score = ScoreFacts(
      {Gold({GoldNode("network:admm-plus-ewg-pko", "Network",
                      "ADMM-Plus Experts' Working Group", {"PKO-EWG"}),
             GoldNode("topic:crsv", "Topic", "CRSV")},
            {})},
      {Produced("network:pko-ewg", "Network", "pko ewg"),
       // Same name, other label: no match.
       Produced("org:crsv", "Organization", "CRSV")},
      {});
  EXPECT_THAT(score.nodes, CountsAre(2, 2, 1));
  EXPECT_THAT(score.labels.at("Network"), CountsAre(1, 1, 1));
  EXPECT_THAT(score.labels.at("Topic"), CountsAre(1, 0, 0));
  EXPECT_THAT(score.labels.at("Organization"), CountsAre(0, 1, 0));
}

TEST(ScoreFactsTest, AProducedAliasMatchesAGoldName) {
  kg::v1::Node produced = Produced("mission:x", "Mission", "Something");
  produced.add_aliases("UNMISS");
  const Score score =
      ScoreFacts({Gold({GoldNode("mission:UNMISS", "Mission", "UNMISS")}, {})},
                 {produced}, {});
  EXPECT_THAT(score.nodes, CountsAre(1, 1, 1));
}

TEST(ScoreFactsTest, NamesOfPunctuationAloneMatchNothing) {
  const Score score =
      ScoreFacts({Gold({GoldNode("topic:x", "Topic", "X", {"--"})}, {})},
                 {Produced("topic:y", "Topic", "")}, {});
  EXPECT_THAT(score.nodes, CountsAre(1, 1, 0));
}

TEST(ScoreFactsTest, UnmatchedNodesFallBackToTheMostOverlappingEvidence) {
  //                       0         1         2         3         4
  //                       0123456789012345678901234567890123456789012345
  const std::string text = "Germany pledged to train women peacekeepers.";
  const Score score = ScoreFacts(
      {Gold({GoldNode(kDoc, "Document", "Brief"),
             GoldNode("state:DEU", "State", "Germany"),
             GoldNode("commitment:brief-1", "Commitment", "Train women"),
             GoldNode("commitment:brief-2", "Commitment", "Something else"),
             GoldNode("topic:training", "Topic", "Training")},
            {GoldEdge("state:DEU", "PLEDGED", "commitment:brief-1",
                      "pledged to train women peacekeepers"),
             GoldEdge("state:DEU", "PLEDGED", "commitment:brief-2",
                      "Germany pledged"),
             GoldEdge(kDoc, "MENTIONS", "topic:training", "train")},
            text)},
      {// Overlaps brief-2's evidence by 3 bytes, brief-1's by 19.
       Produced("commitment:x-1", "Commitment", "A pledge", kDoc, 12, 31),
       // "train" is a MENTIONS evidence, of a Topic.
       Produced("topic:skills", "Topic", "Skills", kDoc, 19, 24),
       // Overlapping evidence, but of no gold node of its label.
       Produced("event:x", "Event", "X", kDoc, 0, 44)},
      {});
  EXPECT_THAT(score.labels.at("Commitment"), CountsAre(2, 1, 1));
  EXPECT_THAT(score.labels.at("Topic"), CountsAre(1, 1, 1));
  EXPECT_THAT(score.labels.at("Event"), CountsAre(0, 1, 0));
  EXPECT_THAT(score.nodes, CountsAre(5, 3, 2));
  // The matched ends carry the edge.
  const Score with_edge = ScoreFacts(
      {Gold({GoldNode("state:DEU", "State", "Germany"),
             GoldNode("commitment:brief-1", "Commitment", "Train women")},
            {GoldEdge("state:DEU", "PLEDGED", "commitment:brief-1",
                      "pledged to train women peacekeepers")},
            text)},
      {Produced("state:DEU", "State", "Germany", kDoc, 0, 7),
       Produced("commitment:x-1", "Commitment", "A pledge", kDoc, 12, 31)},
      {ProducedEdge("state:DEU", "PLEDGED", "commitment:x-1")});
  EXPECT_THAT(with_edge.edges, CountsAre(1, 1, 1));
}

TEST(ScoreFactsTest, WithoutTheTextThereIsNoSpanFallback) {
  const Score score = ScoreFacts(
      {Gold({GoldNode(kDoc, "Document", "Brief"),
             GoldNode("topic:training", "Topic", "Training")},
            {GoldEdge(kDoc, "MENTIONS", "topic:training", "train")})},
      {Produced("topic:skills", "Topic", "Skills", kDoc, 0, 5)}, {});
  EXPECT_THAT(score.labels.at("Topic"), CountsAre(1, 1, 0));
}

TEST(ScoreFactsTest, DuplicatesCountOnceAboveAndTwiceBelow) {
  const Score score =
      ScoreFacts({Gold({GoldNode("state:KOR", "State", "Republic of Korea",
                                 {"South Korea"})},
                       {})},
                 {Produced("state:KOR", "State", "Republic of Korea"),
                  Produced("state:south-korea", "State", "South Korea")},
                 {});
  EXPECT_THAT(score.nodes, CountsAre(1, 2, 1));
  EXPECT_DOUBLE_EQ(score.nodes.precision(), 0.5);
  EXPECT_DOUBLE_EQ(score.nodes.recall(), 1.0);
  EXPECT_DOUBLE_EQ(score.nodes.f1(), 2 * 0.5 / 1.5);
}

TEST(ScoreFactsTest, EdgesMatchThroughMatchedEndsAndMentionsCountApart) {
  const Score score = ScoreFacts(
      {Gold({GoldNode(kDoc, "Document", "Brief"),
             GoldNode("state:DEU", "State", "Germany"),
             GoldNode("network:wps-fpn", "Network", "WPS Focal Points Network",
                      {"WPS-FPN"})},
            {GoldEdge("state:DEU", "MEMBER_OF", "network:wps-fpn"),
             GoldEdge("state:DEU", "CHAIRS", "network:wps-fpn"),
             GoldEdge(kDoc, "MENTIONS", "state:DEU"),
             GoldEdge(kDoc, "MENTIONS", "network:wps-fpn")})},
      {Produced(kDoc, "Document", "Brief"),
       Produced("state:DEU", "State", "Germany"),
       Produced("network:fpn", "Network", "WPS FPN"),
       Produced("network:focal", "Network", "WPS focal points network")},
      {// Ends matched by name: a match, even though twice.
       ProducedEdge("state:DEU", "MEMBER_OF", "network:focal"),
       ProducedEdge("state:DEU", "MEMBER_OF", "network:fpn"),
       // Right ends, wrong type.
       ProducedEdge("state:DEU", "HOSTED", "network:focal"),
       ProducedEdge(kDoc, "MENTIONS", "state:DEU"),
       // Of another document: not this document's.
       ProducedEdge(kDoc, "MENTIONS", "network:focal", kOtherDoc)});
  EXPECT_THAT(score.nodes, CountsAre(3, 4, 3));
  EXPECT_THAT(score.edges, CountsAre(2, 3, 1));
  EXPECT_THAT(score.mentions, CountsAre(2, 1, 1));
  EXPECT_THAT(score.edge_types.at("MEMBER_OF"), CountsAre(1, 2, 1));
  EXPECT_THAT(score.edge_types.at("CHAIRS"), CountsAre(1, 0, 0));
  EXPECT_THAT(score.edge_types.at("HOSTED"), CountsAre(0, 1, 0));
  EXPECT_THAT(score.edge_types.at("MENTIONS"), CountsAre(2, 1, 1));
}

TEST(ScoreFactsTest, EdgeEndsTheDocumentDidNotProduceStillMatch) {
  // The document asserted the edge but not the node at its end (which
  // the reference data holds).
  kg::v1::Node reference = GoldNode("mission:UNMISS", "Mission", "UNMISS");
  AddSource(reference.mutable_sources(), "doc:reference");
  const Score score =
      ScoreFacts({Gold({GoldNode(kDoc, "Document", "Brief"),
                        GoldNode("mission:UNMISS", "Mission", "UNMISS")},
                       {GoldEdge(kDoc, "MENTIONS", "mission:UNMISS")})},
                 {Produced(kDoc, "Document", "Brief"), reference},
                 {ProducedEdge(kDoc, "MENTIONS", "mission:UNMISS")});
  EXPECT_THAT(score.nodes, CountsAre(2, 1, 1));
  EXPECT_THAT(score.mentions, CountsAre(1, 1, 1));
}

TEST(ScoreFactsTest, TotalsAreSumsOverDocuments) {
  GoldDocument first = Gold({GoldNode("state:DEU", "State", "Germany")}, {});
  GoldDocument second = Gold({GoldNode("state:JPN", "State", "Japan"),
                              GoldNode("state:CHN", "State", "China")},
                             {});
  second.facts.document_key = kOtherDoc;
  const Score score =
      ScoreFacts({first, second},
                 {Produced("state:DEU", "State", "Germany"),
                  Produced("state:JPN", "State", "Japan", kOtherDoc),
                  Produced("state:BRN", "State", "Brunei", kOtherDoc)},
                 {});
  ASSERT_EQ(score.documents.size(), 2u);
  EXPECT_EQ(score.documents[0].document_key, kDoc);
  EXPECT_THAT(score.documents[0].nodes, CountsAre(1, 1, 1));
  EXPECT_THAT(score.documents[1].nodes, CountsAre(2, 2, 1));
  EXPECT_THAT(score.nodes, CountsAre(3, 3, 2));
  EXPECT_THAT(score.labels.at("State"), CountsAre(3, 3, 2));
  EXPECT_DOUBLE_EQ(score.nodes.precision(), 2.0 / 3);
}

TEST(CountsTest, ZeroDenominatorsGiveZero) {
  const Counts none;
  EXPECT_EQ(none.precision(), 0);
  EXPECT_EQ(none.recall(), 0);
  EXPECT_EQ(none.f1(), 0);
}

}  // namespace
}  // namespace kg::eval
