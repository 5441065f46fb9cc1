// Events referred to in lower case by their place or year, on the whole
// text importer.
#include <algorithm>
#include <string>

#include "extraction_fixture.h"
#include "gtest/gtest.h"

namespace kg::text {
namespace {

// The node `key` of `facts`, or null.
const kg::v1::Node* NodeOf(const graph::DocumentFacts& facts,
                           const std::string& key) {
  for (const kg::v1::Node& node : facts.nodes) {
    if (node.key() == key) return &node;
  }
  return nullptr;
}

bool HasAlias(const kg::v1::Node& node, const std::string& alias) {
  return std::find(node.aliases().begin(), node.aliases().end(), alias) !=
         node.aliases().end();
}

// The keys of the Event nodes of `facts`.
std::set<std::string> Events(const graph::DocumentFacts& facts) {
  std::set<std::string> out;
  for (const kg::v1::Node& node : facts.nodes) {
    if (node.label() == "Event") out.insert(node.key());
  }
  return out;
}

// The facts of a note whose body is `body`.
graph::DocumentFacts ExtractNote(const std::string& body) {
  return ExtractText("2026-03-02_note.txt", "Note on the follow-up\n\n" + body);
}

// The document mentions the event `key` by `alias`, a name it gives it.
void ExpectReferred(const graph::DocumentFacts& facts, const std::string& key,
                    const std::string& alias) {
  const kg::v1::Node* node = NodeOf(facts, key);
  ASSERT_NE(node, nullptr) << key;
  EXPECT_TRUE(HasAlias(*node, alias)) << key;
  EXPECT_TRUE(Has(Edges(facts), facts.document_key, "MENTIONS", key)) << key;
}

TEST(EventReferencesTest, APlaceNamesTheEventHeldThere) {
  graph::DocumentFacts facts = ExtractNote(
      "Delegations reviewed the Regional Workshop on Police Reform in "
      "Nairobi. The outcomes of the Nairobi workshop will guide the next "
      "steps. The Dakar seminar was not discussed.\n");
  const std::string workshop =
      "event:regional-workshop-on-police-reform-in-nairobi";
  ExpectReferred(facts, workshop, "Nairobi workshop");
  // No event of the document was held in Dakar: nothing to refer to.
  EXPECT_EQ(Events(facts), std::set<std::string>{workshop});
}

TEST(EventReferencesTest, TwoEventsInOnePlaceMakeTheReferenceAmbiguous) {
  graph::DocumentFacts facts = ExtractNote(
      "The Regional Workshop on Police Reform in Nairobi came after the "
      "Expert Seminar on Mine Action in Nairobi. The Nairobi workshop was "
      "shorter.\n");
  for (const kg::v1::Node& node : facts.nodes) {
    EXPECT_FALSE(HasAlias(node, "Nairobi workshop")) << node.key();
  }
}

TEST(EventReferencesTest, AYearWithItsBodyOrPlaceMakesAnEvent) {
  graph::DocumentFacts facts = ExtractNote(
      "States are invited to the **2027 annual meeting** of the African "
      "Union in Accra, Ghana. The 2028 annual meeting is not yet planned.\n");
  const std::string meeting = "event:african-union-annual-meeting-2027-accra";
  ASSERT_NO_FATAL_FAILURE(
      ExpectReferred(facts, meeting, "2027 annual meeting"));
  EXPECT_EQ(NodeOf(facts, meeting)->name(),
            "2027 annual meeting of African Union in Accra");
  EXPECT_TRUE(Has(Edges(facts), meeting, "HELD_IN", "place:accra"));
  // A year alone does not say whose meeting it is.
  EXPECT_EQ(Events(facts), std::set<std::string>{meeting});
}

TEST(EventReferencesTest, AYearRefersToTheEventNamedWithIt) {
  graph::DocumentFacts facts = ExtractNote(
      "The 2027 Regional Conference on Maritime Security was announced. "
      "Members of the African Union look forward to the 2027 conference in "
      "Accra.\n");
  const std::string conference =
      "event:regional-conference-on-maritime-security";
  EXPECT_EQ(Events(facts), std::set<std::string>{conference});
  ExpectReferred(facts, conference, "2027 conference");
}

TEST(EventReferencesTest, AnOrdinalSessionOfABodyIsAnEvent) {
  graph::DocumentFacts facts = ExtractNote(
      "The Group will brief delegations on the margins of the 81st session "
      "of the UN General Assembly, and again during the forty-second session "
      "of the UN Human Rights Council. A second session was not planned.\n");
  const std::string assembly =
      "event:81st-session-of-the-united-nations-general-assembly";
  const std::string council =
      "event:forty-second-session-of-the-human-rights-council";
  ExpectReferred(facts, assembly, "81st session of the UN General Assembly");
  ExpectReferred(facts, council,
                 "forty-second session of the UN Human Rights Council");
  // "A second session" of no body names no event.
  EXPECT_EQ(Events(facts), (std::set<std::string>{assembly, council}));
}

}  // namespace
}  // namespace kg::text
