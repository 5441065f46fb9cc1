// States and places that open a longer name ("Kenya Wildlife Service"):
// the text names them too, but the longer name is what acts.
#include <string>

#include "extraction_fixture.h"
#include "gtest/gtest.h"

namespace kg::text {
namespace {

TEST(NestedNamesTest, TheBodyActsNotTheStateItsNameOpensWith) {
  graph::DocumentFacts facts = ExtractText(
      "2026-04-14_note.txt",
      "Note on ranger training\n\nThe Kenya Wildlife Service implements the "
      "Action for Peacekeeping initiative in its ranger courses.\n");
  const std::set<Triple> edges = Edges(facts);
  const std::string service = "org:kenya-wildlife-service";
  EXPECT_TRUE(Has(edges, facts.document_key, "MENTIONS", service));
  EXPECT_TRUE(Has(edges, facts.document_key, "MENTIONS", "state:KEN"));
  EXPECT_TRUE(Has(edges, service, "IMPLEMENTS", "framework:a4p"));
  EXPECT_FALSE(Has(edges, "state:KEN", "IMPLEMENTS", "framework:a4p"));
}

}  // namespace
}  // namespace kg::text
