#include "kg/text/text_importer.h"

#include <set>
#include <string>

#include "extraction_fixture.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace kg::text {
namespace {

TEST(TextImporterTest, MeetingSummaryRolesAndRecommendations) {
  graph::DocumentFacts facts = Extract("summary-friends-of-poc.txt");
  EXPECT_EQ(facts.document_key, "doc:summary-friends-of-poc");
  std::set<Triple> edges = Edges(facts);
  const std::string group =
      "network:group-of-friends-on-the-protection-of-civilians";
  const std::string doc = facts.document_key;
  EXPECT_TRUE(Has(edges, "state:CHE", "CHAIRS", group));
  EXPECT_TRUE(Has(edges, "state:URY", "CHAIRS", group));
  EXPECT_TRUE(Has(edges, "unbody:ocha", "SECRETARIAT_OF", group));
  EXPECT_TRUE(Has(edges, doc, "MENTIONS", "mission:MONUSCO"));
  const std::string first = "commitment:summary-friends-of-poc-1";
  const std::string second = "commitment:summary-friends-of-poc-2";
  EXPECT_TRUE(Has(edges, first, "ADDRESSED_TO", "org:member-states"));
  EXPECT_TRUE(Has(edges, second, "ADDRESSED_TO", "unbody:security-council"));
  EXPECT_TRUE(Has(edges, second, "TARGETS", "mission:UNMISS"));
  EXPECT_TRUE(Has(edges, second, "UNDER", "framework:kigali-principles"));
  // The summary speaks for the meeting its heading names, the group's.
  const std::string meeting =
      "event:annual-meeting-of-the-group-of-friends-on-the-protection-of-"
      "civilians";
  EXPECT_TRUE(Has(edges, meeting, "RECOMMENDED", first));
  EXPECT_TRUE(Has(edges, meeting, "HELD_IN", "place:new-york"));
  EXPECT_TRUE(Has(edges, "state:CHE", "CHAIRS", meeting));
  // "Norway, Brazil, Japan and the African Union" are four speakers, not
  // one organization.
  EXPECT_TRUE(Has(edges, "state:JPN", "PARTICIPATED_IN", meeting));
  EXPECT_TRUE(Has(edges, "org:african-union", "PARTICIPATED_IN", meeting));
  // Commitments are statements of the document, not things it names.
  EXPECT_FALSE(Has(edges, doc, "MENTIONS", first));
}

TEST(TextImporterTest, AgendaSessionsPeopleAndPositions) {
  graph::DocumentFacts facts = Extract("agenda-regional-seminar.txt");
  std::set<Triple> edges = Edges(facts);
  const std::string event =
      "event:regional-seminar-on-peacekeeping-partnerships";
  const std::string session = event + "-session-1";
  EXPECT_TRUE(Has(edges, session, "PART_OF", event));
  EXPECT_TRUE(Has(edges, "person:samuel-okoro", "PARTICIPATED_IN", session));
  EXPECT_TRUE(
      Has(edges, "person:ana-ruiz", "HOLDS_POSITION", "mission:MONUSCO"));
  EXPECT_TRUE(Has(edges, "person:hanna-berg", "HOLDS_POSITION", "unbody:dpo"));
  EXPECT_TRUE(
      Has(edges, "person:fatima-bello", "HOLDS_POSITION", "org:african-union"));
  EXPECT_TRUE(Has(edges, "place:addis-ababa", "PART_OF", "state:ETH"));
  // A lunch break is not a session, and its time line makes no event.
  for (const std::string& key : Keys(facts)) {
    EXPECT_EQ(key.find("lunch"), std::string::npos) << key;
  }
  for (const kg::v1::Edge& e : facts.edges) {
    if (e.src_key() == "person:samuel-okoro" && e.type() == "PARTICIPATED_IN") {
      EXPECT_EQ(e.props().at("role").string_value(), "moderator");
    }
  }
}

TEST(TextImporterTest, PressReleasePledges) {
  graph::DocumentFacts facts = Extract("press-release-ewg-pledges.md");
  std::set<Triple> edges = Edges(facts);
  // Both governments announce support: one commitment, two pledgers.
  const std::string announced = "commitment:press-release-ewg-pledges-1";
  EXPECT_TRUE(Has(edges, "state:GHA", "PLEDGED", announced));
  EXPECT_TRUE(Has(edges, "state:CAN", "PLEDGED", announced));
  const std::string pledge = "commitment:press-release-ewg-pledges-2";
  EXPECT_TRUE(Has(edges, "state:CAN", "PLEDGED", pledge));
  EXPECT_FALSE(Has(edges, "state:GHA", "PLEDGED", pledge));
  EXPECT_TRUE(Has(edges, pledge, "TARGETS", "mission:MINUSMA"));
  EXPECT_TRUE(Has(edges, pledge, "UNDER", "framework:elsie-initiative"));
  EXPECT_TRUE(Has(edges, "person:aurelia-mensah", "HOLDS_POSITION",
                  "org:ghana-armed-forces"));
  // The acronym defined in the text binds to the known mission, not to a
  // new one.
  for (const std::string& key : Keys(facts)) {
    EXPECT_TRUE(key.rfind("mission:", 0) != 0 || key == "mission:MINUSMA" ||
                key == "mission:UNMISS")
        << key;
  }
}

TEST(TextImporterTest, PolicyNoteTitleTopicsAndTitledNames) {
  graph::DocumentFacts facts = Extract("policy-note-mission-planning.md");
  std::set<Triple> edges = Edges(facts);
  std::set<std::string> keys = Keys(facts);
  // The Markdown title, not the photo credit or the label over it, is the
  // document's title, and the framework it names is the recommendations'.
  ASSERT_FALSE(facts.nodes.empty());
  EXPECT_EQ(facts.nodes.front().name(),
            "Advancing Women, Peace and Security in Mission Planning");
  const std::string doc = "policy-note-mission-planning";
  EXPECT_TRUE(
      Has(edges, "commitment:" + doc + "-2", "UNDER", "framework:wps-agenda"));
  EXPECT_TRUE(
      Has(edges, "commitment:" + doc + "-3", "UNDER", "framework:wps-agenda"));
  // A pledge that names no framework is under none.
  EXPECT_TRUE(Has(edges, "state:IRL", "PLEDGED", "commitment:" + doc + "-1"));
  for (const Triple& edge : edges) {
    EXPECT_FALSE(std::get<0>(edge) == "commitment:" + doc + "-1" &&
                 std::get<1>(edge) == "UNDER")
        << std::get<2>(edge);
  }
  // A title before a name: the department the title names.
  EXPECT_TRUE(
      Has(edges, "person:jean-pierre-lacroix", "HOLDS_POSITION", "unbody:dpo"));
  // "human rights officers" names a role, not a theme.
  EXPECT_EQ(keys.count("topic:human-rights"), 0);
  EXPECT_EQ(keys.count("topic:crsv"), 1);
}

TEST(TextImporterTest, SameTextSameFacts) {
  graph::DocumentFacts a = Extract("summary-friends-of-poc.txt");
  graph::DocumentFacts b = Extract("summary-friends-of-poc.txt");
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  ASSERT_EQ(a.edges.size(), b.edges.size());
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(a.nodes[i],
                                                                   b.nodes[i]))
        << a.nodes[i].key();
  }
}

TEST(TextImporterTest, BadBytesAreClearErrors) {
  TextDocument doc;
  doc.file_name = "bad.txt";
  for (const std::string& text :
       {std::string(), std::string("a\0b", 3), std::string("caf\xe9"),
        std::string(kMaxDocumentBytes + 1, 'a')}) {
    doc.text = text;
    absl::StatusOr<graph::DocumentFacts> facts =
        ExtractFacts(doc, ReferenceGazetteer());
    ASSERT_FALSE(facts.ok());
    EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(facts.status().message().find("bad.txt"), std::string::npos);
  }
}

TEST(TextImporterTest, MetadataFromFileNameAndText) {
  TextDocument doc;
  doc.file_name = "/some/dir/2024-06-14_notes.txt";
  doc.text = "Chair's Summary of the Meeting\n\nThe meeting met.\n";
  absl::StatusOr<graph::DocumentFacts> facts =
      ExtractFacts(doc, ReferenceGazetteer());
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_EQ(facts->document_key, "doc:2024-06-14_notes");
  const kg::v1::Node& node = facts->nodes.front();
  EXPECT_EQ(node.label(), "Document");
  EXPECT_EQ(node.props().at("kind").string_value(), "chairs_summary");
  EXPECT_EQ(node.props().at("date").date_value().day(), 14);
}

TEST(TextImporterTest, EvidenceIsTheSentenceThatHoldsTheName) {
  const std::string text =
      "Field notes\n\nThe meeting opened late. Delegates praised UNMISS for "
      "its patrols near Bentiu. Lunch followed.\n";
  graph::DocumentFacts facts = ExtractText("notes.txt", text);
  const std::string sentence =
      "Delegates praised UNMISS for its patrols near Bentiu.";
  bool found = false;
  for (const kg::v1::Node& node : facts.nodes) {
    if (node.key() != "mission:UNMISS") continue;
    ASSERT_EQ(node.sources_size(), 1);
    EXPECT_EQ(node.sources(0).evidence(), sentence);
    EXPECT_EQ(text.substr(node.sources(0).start(), 6), "UNMISS");
    found = true;
  }
  EXPECT_TRUE(found) << testing::PrintToString(Keys(facts));
  for (const kg::v1::Edge& edge : facts.edges) {
    if (edge.type() == "MENTIONS" && edge.dst_key() == "mission:UNMISS") {
      EXPECT_EQ(edge.sources(0).evidence(), sentence);
    }
  }
}

TEST(TextImporterTest, AgendaDateLineIsNotASession) {
  graph::DocumentFacts facts =
      ExtractText("agenda.txt",
                  "HARBOUR SECURITY FORUM\n\nDAKAR, SENEGAL\n\n14-15 MAY\n\n"
                  "09:00-10:00 OPENING OF THE FORUM\n\n"
                  "- Awa Diop, Director, Port Authority\n");
  for (const kg::v1::Node& node : facts.nodes) {
    EXPECT_NE(node.name(), "MAY") << node.key();
  }
  EXPECT_EQ(Keys(facts).count("event:harbour-security-forum-part-1"), 0);
}

TEST(TextImporterTest, MembersOfABodyNamedBeforeAreAsked) {
  graph::DocumentFacts facts = ExtractText(
      "summary.txt",
      "Meeting of the Coastal Mediators Network\n\n"
      "The Coastal Mediators Network met in Lome on 2 May 2025. Ghana joined "
      "the Coastal Mediators Network.\n\nRecommendations\n\n"
      "Participants recommended the following steps:\n"
      "- Network members should share their training curricula.\n");
  bool asked = false;
  for (const kg::v1::Edge& e : facts.edges) {
    asked |= e.type() == "ADDRESSED_TO" &&
             e.dst_key() == "network:coastal-mediators-network";
  }
  EXPECT_TRUE(asked);
}

TEST(TextImporterTest, FormatLineIsNeitherTitleNorEvent) {
  graph::DocumentFacts facts = ExtractText(
      "2025-03-04_brief.txt",
      "Virtual (hosted by Chile)\n\nRegional Workshop on Mediation\n\n"
      "Participants discussed the role of women mediators.\n");
  const kg::v1::Node& document = facts.nodes.front();
  EXPECT_EQ(document.props().at("title").string_value(),
            "Regional Workshop on Mediation");
  std::set<std::string> keys = Keys(facts);
  EXPECT_EQ(keys.count("event:virtual-hosted-by-chile"), 0);
  EXPECT_EQ(keys.count("event:regional-workshop-on-mediation"), 1);
}

TEST(TextImporterTest, ThemeLineUnderAnEventHeading) {
  graph::DocumentFacts facts =
      ExtractText("2025-03-12_dialogue.txt",
                  "Summary of the Annual Dialogue\n12 March 2025\n"
                  "- The participants met.\nRegional Training Seminar\n"
                  "Agenda: Sexual exploitation and abuse and civil-military "
                  "coordination\n- Experts spoke.\n");
  std::set<Triple> edges = Edges(facts);
  EXPECT_TRUE(Has(edges, "event:regional-training-seminar", "ABOUT",
                  "topic:sexual-exploitation-and-abuse"));
  EXPECT_TRUE(Has(edges, "event:regional-training-seminar", "ABOUT",
                  "topic:civil-military-coordination"));
}

TEST(TextImporterTest, ImperativeItemsAskTheBodyWhoseActionTheyWant) {
  graph::DocumentFacts facts = ExtractText(
      "2025-06-02_note.txt",
      "Summary of the Island States Workshop\n\n"
      "The workshop adopted the following recommendations:\n\n"
      "- Request timely reporting from the General Assembly on "
      "peacekeeping budgets.\n"
      "- Present the workshop's conclusions to the Security Council to "
      "support the deliberations of the Security Council.\n"
      "WPS Logistics Course\n"
      "Theme: Protection of civilians\n"
      "- Officers from the region practised convoy planning.\n");
  const kg::v1::Node& document = facts.nodes.front();
  EXPECT_EQ(document.props().at("title").string_value(),
            "Summary of the Island States Workshop");
  std::set<Triple> edges = Edges(facts);
  EXPECT_TRUE(Has(edges, "commitment:2025-06-02_note-1", "ADDRESSED_TO",
                  "unbody:general-assembly"));
  // A body named as the forum the item's actors turn to is not asked.
  EXPECT_FALSE(Has(edges, "commitment:2025-06-02_note-2", "ADDRESSED_TO",
                   "unbody:security-council"));
  // The list under a later heading is no recommendation.
  EXPECT_EQ(Keys(facts).count("commitment:2025-06-02_note-3"), 0);
  // An event name opening with a framework's name is held under it.
  EXPECT_TRUE(Has(edges, "event:wps-logistics-course", "UNDER",
                  "framework:wps-agenda"));
  EXPECT_TRUE(
      Has(edges, "doc:2025-06-02_note", "MENTIONS", "framework:wps-agenda"));
  EXPECT_TRUE(Has(edges, "event:wps-logistics-course", "ABOUT",
                  "topic:protection-of-civilians"));
}

TEST(TextImporterTest, AResolutionIsAboutWhatItCallsFor) {
  graph::DocumentFacts facts = ExtractText(
      "2025-07-01_brief.txt",
      "The briefing opened with a reminder. Security Council resolution "
      "2242 (2015) urges more attention to the protection of civilians. "
      "Resolution 1325 was discussed alongside pre-deployment training.\n");
  std::set<Triple> edges = Edges(facts);
  EXPECT_TRUE(Has(edges, "resolution:unsc-2242", "ABOUT",
                  "topic:protection-of-civilians"));
  // Named beside a topic without a verb reporting what it says.
  EXPECT_FALSE(Has(edges, "resolution:unsc-1325", "ABOUT", "topic:training"));
}

TEST(TextImporterTest, ChairsStatementNumberedParagraphsAndFootnotes) {
  graph::DocumentFacts facts = Extract("chairs-statement-police-workshop.txt");
  std::set<Triple> edges = Edges(facts);
  // The second heading, not the first ("Co-Chairs' Statement"), names the
  // event.
  const std::string event =
      "event:workshop-on-womens-leadership-in-united-nations-police";
  EXPECT_TRUE(Has(edges, facts.document_key, "MENTIONS", event));
  EXPECT_TRUE(Has(edges, event, "HELD_IN", "place:nairobi"));
  EXPECT_TRUE(Has(edges, "state:KEN", "HOSTED", event));
  // "with the support of the Police Division of the Department of Peace
  // Operations": two known bodies, one part of the other.
  EXPECT_TRUE(Has(edges, "unbody:police-division", "HOSTED", event));
  EXPECT_TRUE(Has(edges, "unbody:police-division", "PART_OF", "unbody:dpo"));
  // The footnote lists the countries that "brought together" refers to.
  for (const char* state : {"state:BGD", "state:NPL", "state:ZMB"}) {
    EXPECT_TRUE(Has(edges, state, "PARTICIPATED_IN", event)) << state;
  }
  EXPECT_TRUE(Has(edges, "unbody:un-women", "PARTICIPATED_IN", event));
  // "In her opening remarks, Ambassador Grete Solheim ...": a speaker.
  EXPECT_TRUE(Has(edges, "person:grete-solheim", "PARTICIPATED_IN", event));
  // Pledges in numbered paragraphs, not only in running text.
  const std::string kenya = "commitment:chairs-statement-police-workshop-1";
  EXPECT_TRUE(Has(edges, "state:KEN", "PLEDGED", kenya));
  EXPECT_TRUE(Has(edges, kenya, "TARGETS", "mission:MINUSCA"));
  EXPECT_TRUE(Has(edges, "state:NOR", "PLEDGED",
                  "commitment:chairs-statement-police-workshop-2"));
}

TEST(TextImporterTest, NewsItemCoordinatedSubjectsAndAdjacentNames) {
  graph::DocumentFacts facts = Extract("news-bangladesh-japan-engineering.txt");
  std::set<Triple> edges = Edges(facts);
  const std::string agreement =
      "commitment:news-bangladesh-japan-engineering-1";
  EXPECT_TRUE(Has(edges, "state:JPN", "PLEDGED", agreement));
  EXPECT_TRUE(Has(edges, "state:BGD", "PLEDGED", agreement));
  EXPECT_TRUE(Has(edges, "mission:UNIFIL", "DEPLOYED_IN", "state:LBN"));
  EXPECT_TRUE(Has(edges, "unbody:tpp", "PART_OF", "unbody:dos"));
  // A force that is not the UN's is an organization, not a mission.
  EXPECT_TRUE(Has(edges, "person:kenji-sato", "HOLDS_POSITION",
                  "org:japan-ground-self-defense-force"));
}

TEST(TextImporterTest, PositionsInUnitsTheGazetteerDoesNotKnow) {
  graph::DocumentFacts facts = ExtractText(
      "panel.txt",
      "Panel on logistics\n\n"
      "- Colonel Ana Ruiz, Commander of Naval Logistics Training Unit, Chile\n"
      "- Paul Stone, Deputy Director, Regional (Coastal) Safety Cooperation, "
      "Federal Ministry of Ports, Germany\n"
      "- Gen. (R) Luis Vega, Vice-Minister of National Defense, Peru\n");
  std::set<Triple> edges = Edges(facts);
  EXPECT_TRUE(Has(edges, "person:ana-ruiz", "HOLDS_POSITION",
                  "org:chile-naval-logistics-training-unit"));
  EXPECT_FALSE(Has(edges, "person:ana-ruiz", "HOLDS_POSITION", "state:CHL"));
  EXPECT_TRUE(Has(edges, "doc:panel", "MENTIONS",
                  "org:chile-naval-logistics-training-unit"));
  EXPECT_TRUE(Has(edges, "person:paul-stone", "HOLDS_POSITION",
                  "org:germany-regional-coastal-safety-cooperation"));
  // "of National Defense" is a portfolio, not a body.
  EXPECT_TRUE(Has(edges, "person:luis-vega", "HOLDS_POSITION", "state:PER"));
}

TEST(TextImporterTest, TitlesBeforeNamesEventNamesAndPluralSubjects) {
  graph::DocumentFacts facts = ExtractText(
      "news.txt",
      "A summit on peacekeeping\n\n"
      "The summit was co-hosted by former US President Jane Roe and former "
      "UN Secretary General Kim Lee-park. They recalled UN Security Council "
      "resolution 1325.\n\n"
      "At the Seminar on WPS, members spoke.\n\n"
      "The Department of Peace Operations runs two programmes. These "
      "programmes contribute to the implementation of the Action for "
      "Peacekeeping (A4P).\n");
  std::set<Triple> edges = Edges(facts);
  EXPECT_TRUE(Has(edges, "person:jane-roe", "HOLDS_POSITION", "state:USA"));
  EXPECT_TRUE(Has(edges, "person:kim-lee-park", "HOLDS_POSITION",
                  "unbody:secretary-general"));
  EXPECT_TRUE(Has(edges, "doc:news", "MENTIONS", "unbody:security-council"));
  EXPECT_TRUE(
      Has(edges, "event:seminar-on-wps", "UNDER", "framework:wps-agenda"));
  EXPECT_TRUE(Has(edges, "unbody:dpo", "IMPLEMENTS", "framework:a4p"));
}

TEST(TextImporterTest, GroupsTheTextAsksAndNamesThroughKnownNames) {
  graph::DocumentFacts facts = ExtractText(
      "note.txt",
      "Briefing note\n\n"
      "Delegates of regional organizations attended. The charter calls on "
      "Member States to act.\n\n"
      "The NGO Working Group on Women, Peace and Security spoke.\n");
  std::set<std::string> keys = Keys(facts);
  // A group named in passing is no entity of the text; one it asks is.
  EXPECT_EQ(keys.count("org:regional-organizations"), 0);
  EXPECT_EQ(keys.count("org:member-states"), 1);
  // A known name with a comma does not cut the name around it.
  EXPECT_EQ(keys.count("org:ngo-working-group-on-women-peace-and-security"), 1);
}

}  // namespace
}  // namespace kg::text
