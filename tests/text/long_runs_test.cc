// Documents with one very long run (of letters, spaces, digits, words
// without a full stop) on the whole text importer: std::regex recurses once
// per character it consumes, so a run the rules' patterns could consume
// whole would overflow the stack. The importer must read such a document
// and still find the facts of the normal text after the run.
#include <ostream>
#include <string>

#include "extraction_fixture.h"
#include "gtest/gtest.h"

namespace kg::text {
namespace {

// Far past the ~40,000 characters at which an 8 MB stack overflows.
constexpr size_t kRunBytes = 256 << 10;

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += unit;
  return out;
}

struct LongRun {
  const char* name;
  std::string text;  // a document's start, with the run in it
};

// Names the run in test output instead of dumping its bytes.
void PrintTo(const LongRun& run, std::ostream* os) { *os << run.name; }

class LongRunsTest : public testing::TestWithParam<LongRun> {};

TEST_P(LongRunsTest, ImportsAndFindsTheFactsAfterTheRun) {
  const std::string text =
      GetParam().text + "\n\nGermany pledged to train 50 police officers.\n";
  graph::DocumentFacts facts =
      ExtractText(std::string(GetParam().name) + ".txt", text);
  bool pledged = false;
  for (const auto& [src, type, dst] : Edges(facts)) {
    pledged = pledged || (src == "state:DEU" && type == "PLEDGED");
  }
  EXPECT_TRUE(pledged);
}

INSTANTIATE_TEST_SUITE_P(
    Runs, LongRunsTest,
    testing::Values(
        LongRun{"letters", "Report\n\nThe 2019 " + std::string(kRunBytes, 'a') +
                               " meeting."},
        LongRun{"spaces", "Report\n\nThe delegates" +
                              std::string(kRunBytes, ' ') + "met."},
        LongRun{"digits",
                "Report\n\nThe total was " + std::string(kRunBytes, '7') + "."},
        LongRun{"link_without_close",
                "Report\n\nSee [the report](" + std::string(kRunBytes, 'x')},
        LongRun{"committed_then_spaces", "Report\n\nCanada committed" +
                                             std::string(kRunBytes, ' ') +
                                             "to train staff."},
        LongRun{"resolution_then_spaces", "Report\n\nResolution 1325 and" +
                                              std::string(kRunBytes, ' ') +
                                              "x."},
        LongRun{"time_line", "Agenda\n\n" + Repeat("10:30 ", kRunBytes)},
        LongRun{"digit_line", "Agenda\n\n" + std::string(kRunBytes, '1')},
        LongRun{"heading", "# Summary of" + std::string(kRunBytes, ' ') +
                               "the meeting - Agenda"},
        LongRun{"hosted_heading",
                "Hosted by" + std::string(kRunBytes, ' ') + "Chile"},
        LongRun{
            "words_without_period",
            "Report\n\n" + Repeat("the members of the group discuss the plan ",
                                  kRunBytes)}),
    [](const testing::TestParamInfo<LongRun>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace kg::text
