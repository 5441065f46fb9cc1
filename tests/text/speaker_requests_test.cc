// Requests in reported speech and the commitments around them, on the
// whole text importer.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extraction_fixture.h"
#include "gtest/gtest.h"

namespace kg::text {
namespace {

// Commitment keys with an edge of `type` from a source key starting with
// `src_prefix`.
std::set<std::string> CommitmentsFrom(const std::set<Triple>& edges,
                                      const std::string& src_prefix,
                                      const std::string& type) {
  std::set<std::string> out;
  for (const auto& [src, edge_type, dst] : edges) {
    if (edge_type == type && absl::StartsWith(src, src_prefix)) out.insert(dst);
  }
  return out;
}

TEST(SpeakerRequestsTest, RequestsInReportedSpeech) {
  graph::DocumentFacts facts = Extract("news-mine-action-appeal.txt");
  std::set<Triple> edges = Edges(facts);
  const std::string urged = "commitment:news-mine-action-appeal-1";
  const std::string hoped = "commitment:news-mine-action-appeal-2";
  // What an official urges or hopes a group will do, her office
  // recommends; "she" is the last person named.
  EXPECT_TRUE(Has(edges, "unbody:unmas", "RECOMMENDED", urged));
  EXPECT_TRUE(Has(edges, urged, "ADDRESSED_TO", "org:member-states"));
  EXPECT_TRUE(Has(edges, "unbody:unmas", "RECOMMENDED", hoped));
  EXPECT_TRUE(Has(edges, hoped, "ADDRESSED_TO", "org:regional-organizations"));
  EXPECT_TRUE(Has(edges, hoped, "TARGETS", "mission:MINUSMA"));
  // The group asked "will" act; it pledges nothing.
  EXPECT_TRUE(CommitmentsFrom(edges, "org:", "PLEDGED").empty());
}

TEST(SpeakerRequestsTest, ASpeakerWithoutAPositionRecommendsNothing) {
  graph::DocumentFacts facts =
      ExtractText("story.txt",
                  "Villagers ask for roads\n\n"
                  "Ms. Ana Ruiz, a farmer from the valley, spoke at the "
                  "market.\n\n"
                  "Ruiz urged Member States to rebuild the bridge.\n");
  std::set<Triple> edges = Edges(facts);
  ASSERT_EQ(Keys(facts).count("person:ana-ruiz"), 1u);
  EXPECT_TRUE(CommitmentsFrom(edges, "person:", "RECOMMENDED").empty());
  EXPECT_TRUE(CommitmentsFrom(edges, "", "RECOMMENDED").empty());
}

// A title, and a director of a UN body in its first paragraph.
constexpr char kDirectorSpoke[] =
    "Mine action in focus\n\n"
    "Helga Sorensen, Director of the United Nations Mine Action Service, "
    "spoke.\n\n";

TEST(SpeakerRequestsTest, HeOrSheRefersToSomeoneNamedJustBefore) {
  graph::DocumentFacts facts = ExtractText(
      "story.txt", absl::StrCat(kDirectorSpoke,
                                "Donors met in the afternoon.\n\n"
                                "Trainers came from many countries.\n\n"
                                "She urged Member States to fund clearance "
                                "teams.\n"));
  std::set<Triple> edges = Edges(facts);
  ASSERT_TRUE(
      Has(edges, "person:helga-sorensen", "HOLDS_POSITION", "unbody:unmas"));
  // Three paragraphs on, "she" is no longer the director.
  EXPECT_TRUE(CommitmentsFrom(edges, "", "RECOMMENDED").empty());
}

TEST(SpeakerRequestsTest, AListsIntroductionMakesNoRequestOfItsOwn) {
  graph::DocumentFacts facts = ExtractText(
      "story.txt",
      absl::StrCat(kDirectorSpoke,
                   "Sorensen called upon Member States to take the following "
                   "steps:\n\n"
                   "- Fund clearance teams.\n"
                   "- Share hazard maps.\n"));
  std::set<Triple> edges = Edges(facts);
  // One recommendation per item, none for the introduction.
  EXPECT_EQ(CommitmentsFrom(edges, "", "RECOMMENDED").size(), 2u);
}

TEST(SpeakerRequestsTest, ASentenceMayPledgeAndRequest) {
  graph::DocumentFacts facts = ExtractText(
      "story.txt",
      "Ghana pledges engineers\n\n"
      "Kofi Mensah, Minister of Defence of Ghana, spoke in Accra.\n\n"
      "Ghana pledged two engineering companies, and Mensah urged Member "
      "States to match the offer.\n");
  std::set<Triple> edges = Edges(facts);
  EXPECT_EQ(CommitmentsFrom(edges, "state:GHA", "PLEDGED").size(), 1u);
  std::set<std::string> requests =
      CommitmentsFrom(edges, "state:GHA", "RECOMMENDED");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_TRUE(
      Has(edges, *requests.begin(), "ADDRESSED_TO", "org:member-states"));
}

}  // namespace
}  // namespace kg::text
