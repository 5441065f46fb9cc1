#include "kg/text/name_patterns.h"

#include <algorithm>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kg/text/entity_recognizer.h"
#include "kg/text/gazetteer.h"
#include "kg/text/person_names.h"

namespace kg::text {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::vector<std::string> PeopleIn(absl::string_view text, bool list_line) {
  std::vector<std::string> out;
  for (const PersonName& p : FindPeople(text, Tokenize(text), list_line)) {
    out.push_back(p.name);
  }
  return out;
}

TEST(NamePatternsTest, AcronymDefinitionsBindTheLongName) {
  std::string text =
      "the Convention on the Elimination of All Forms of Discrimination "
      "against Women (CEDAW) and the Light Coordination Mechanism (LCM), "
      "but not in words (XYZ).";
  std::vector<AcronymDefinition> defs =
      FindAcronymDefinitions(text, Tokenize(text));
  ASSERT_EQ(defs.size(), 2u);
  EXPECT_EQ(defs[0].long_name,
            "Convention on the Elimination of All Forms of Discrimination "
            "against Women");
  EXPECT_EQ(defs[0].acronym, "CEDAW");
  EXPECT_EQ(defs[1].long_name, "Light Coordination Mechanism");
}

TEST(NamePatternsTest, PeopleByHonorificAppositionAndTitle) {
  EXPECT_THAT(
      PeopleIn("remarks by Ambassador Maria Lopez and Ms. Ann Lee.", false),
      ElementsAre("Maria Lopez", "Ann Lee"));
  EXPECT_THAT(
      PeopleIn("said Tom Hanks, Under-Secretary-General for Things.", false),
      ElementsAre("Tom Hanks"));
  EXPECT_THAT(PeopleIn("Director of Studies Rita Mora, added", false),
              ElementsAre("Rita Mora"));
  // A reporting verb, in either tense, ends a name a title runs into.
  EXPECT_THAT(PeopleIn("Director of Studies Rita Mora hoped for more", false),
              ElementsAre("Rita Mora"));
  EXPECT_THAT(PeopleIn("Head of Logistics Omar Diallo expected cuts", false),
              ElementsAre("Omar Diallo"));
  EXPECT_THAT(PeopleIn("Kim Park, Lecturer, Open University", true),
              ElementsAre("Kim Park"));
  // A retired rank and a title that stands as an honorific.
  EXPECT_THAT(PeopleIn("Gen. (R) Luis Vega, Vice-Minister, Peru", true),
              ElementsAre("Luis Vega"));
  EXPECT_THAT(PeopleIn("and former UN Secretary General Kim Lee-park.", false),
              ElementsAre("Kim Lee-park"));
  // A title set before the name by a comma, and photo credits.
  EXPECT_THAT(PeopleIn("The Minister of Water, Ana Ruiz visited.", false),
              ElementsAre("Ana Ruiz"));
  EXPECT_THAT(PeopleIn("Photo by Omar Haddad/UNIFIL", false),
              ElementsAre("Omar Haddad"));
  EXPECT_THAT(PeopleIn("Photo: Lena Berg, Chad", false),
              ElementsAre("Lena Berg"));
  // Title words are not a name.
  EXPECT_THAT(
      PeopleIn("chosen by the Executive and Deputy Secretary-Generals.", false),
      ElementsAre());
  // A title's regions are not a name.
  EXPECT_THAT(PeopleIn("Director for Asia, West Africa and the Sahel", false),
              ElementsAre());
  // Capitalized words alone are not a person.
  EXPECT_THAT(PeopleIn("Peace Operations and Human Rights matter.", false),
              ElementsAre());
}

TEST(NamePatternsTest, ResolutionsInTheirWrittenForms) {
  std::string text =
      "resolutions 1820 and 1888, UNSCR 1325, S/RES/2538 (2020) and the "
      "resolution on WPS, 2242 (2015). Not 2019 (2020) here.";
  std::vector<std::string> numbers;
  for (const ResolutionRef& r : FindResolutions(text)) {
    numbers.push_back(r.number + (r.year.empty() ? "" : "/" + r.year));
  }
  EXPECT_THAT(numbers,
              ElementsAre("1820", "1888", "1325", "2538/2020", "2242/2015"));
}

TEST(NamePatternsTest, NamedPhrasesSkipDeterminers) {
  std::string text = "the banner Human Rights in Every Plan";
  std::vector<std::string> names;
  for (const NamedPhrase& p : FindNamedPhrases(text, Tokenize(text))) {
    names.push_back(p.name);
  }
  EXPECT_THAT(names, ElementsAre("Human Rights"));
}

TEST(NamePatternsTest, LabelsFromHeadNouns) {
  EXPECT_EQ(LabelForName("International Peace Support Training Centre"),
            "Organization");
  EXPECT_EQ(LabelForName("UN Department of Political Affairs"), "UNBody");
  EXPECT_EQ(LabelForName("Group of Friends of Mediation"), "Network");
  EXPECT_EQ(LabelForName("Vancouver Principles"), "Framework");
  EXPECT_EQ(LabelForName("Annual Peacekeeping Summit"), "Event");
  EXPECT_EQ(LabelForName("Blue Sky"), "");
  // "UN and ..." is what a national unit works on, not who it belongs to.
  EXPECT_EQ(LabelForName("UN and Multilateral Affairs Unit"), "Organization");
  EXPECT_EQ(LabelForName("UN Mine Action Unit"), "UNBody");
}

TEST(GazetteerTest, CaseRulesAndLongestMatch) {
  Gazetteer g;
  int chad = g.AddEntry("state:TCD", "State", "Chad");
  g.AddSurface(chad, "Chad", true);
  int au = g.AddEntry("org:african-union", "Organization", "African Union");
  g.AddSurface(au, "African Union", true);
  g.AddSurface(au, "AU", false);
  int sg =
      g.AddEntry("unbody:secretary-general", "UNBody", "Secretary-General");
  g.AddSurface(sg, "Secretary-General", true);
  int un = g.AddEntry("org:united-nations", "Organization", "United Nations");
  g.AddSurface(un, "the United Nations", false);
  int mission =
      g.AddEntry("mission:X", "Mission", "United Nations Mission in Chad");
  g.AddSurface(mission, "United Nations Mission in Chad", true);

  std::string text =
      "the african union, au, AU, chad, Chad; the Under-Secretary-General; "
      "the United Nations Mission in Chad";
  std::vector<std::string> keys;
  for (const GazetteerMatch& m : g.Find(Tokenize(text))) {
    keys.push_back(g.entries()[m.entry].key);
  }
  EXPECT_THAT(keys, ElementsAre("org:african-union", "org:african-union",
                                "state:TCD", "mission:X", "state:TCD"));
}

TEST(GazetteerTest, ARankTitleDoesNotNameTheOffice) {
  Gazetteer g;
  int sg =
      g.AddEntry("unbody:secretary-general", "UNBody", "Secretary-General");
  g.AddSurface(sg, "Secretary-General", true);
  std::string text =
      "Lena Ortiz, Assistant Secretary-General for Logistics, read a letter "
      "of the Secretary-General.";
  std::vector<GazetteerMatch> found = g.Find(Tokenize(text));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].span.start, found[0].span.size()),
            "Secretary-General");
  EXPECT_GT(found[0].span.start, text.find("letter"));
}

TEST(GazetteerTest, APlaceThatOpensALongerName) {
  Gazetteer g;
  int chad = g.AddEntry("state:TCD", "State", "Chad");
  g.AddSurface(chad, "Chad", true);
  int guard =
      g.AddEntry("org:chad-river-guard", "Organization", "Chad River Guard");
  g.AddSurface(guard, "Chad River Guard", true);
  // A framework named after the place is not about the place.
  int principles =
      g.AddEntry("framework:chad-principles", "Framework", "Chad Principles");
  g.AddSurface(principles, "Chad Principles", true);
  // Nor is a person whose given name is a place's.
  int person = g.AddEntry("person:chad-okoro", "Person", "Chad Okoro");
  g.AddSurface(person, "Chad Okoro", true);
  std::vector<std::string> keys;
  for (const GazetteerMatch& m :
       g.Find(Tokenize("Officers of the Chad River Guard follow the Chad "
                       "Principles, Chad Okoro said."))) {
    keys.push_back(g.entries()[m.entry].key);
  }
  EXPECT_THAT(keys, UnorderedElementsAre("org:chad-river-guard", "state:TCD",
                                         "framework:chad-principles",
                                         "person:chad-okoro"));
}

TEST(EntityRecognizerTest, PlacesInsideNamesButNotAfterASchool) {
  Gazetteer g;
  int chad = g.AddEntry("state:TCD", "State", "Chad");
  g.AddSurface(chad, "Chad", true);
  int mission =
      g.AddEntry("mission:X", "Mission", "United Nations Mission in Chad");
  g.AddSurface(mission, "United Nations Mission in Chad", true);
  std::string text =
      "Ana Cole, Lecturer, University of Chad, visited the United Nations "
      "Mission in Chad.";
  std::vector<std::string> keys;
  for (const Mention& m : EntityRecognizer(g).Recognize(text, Segment(text))) {
    keys.push_back(m.key);
  }
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "state:TCD"), 1);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "mission:X"), 1);
}

}  // namespace
}  // namespace kg::text
