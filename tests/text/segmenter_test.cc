#include "kg/text/segmenter.h"

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "kg/text/tokenizer.h"

namespace kg::text {
namespace {

std::string Text(absl::string_view text, Span span) {
  return std::string(text.substr(span.start, span.size()));
}

TEST(SegmenterTest, FindsHeadingsListsFootnotesAgendaAndLabels) {
  const std::string text =
      "Annual Meeting of the Network\n"
      "\n"
      "The Network has more than 40\xc2\xb9 members. It met twice.\n"
      "\n"
      "- Member States should join the Network.\n"
      "- (2) Share data on gender parity.\n"
      "\n"
      "09:30-11:00 SESSION 1: PROTECTION OF CIVILIANS\n"
      "Chair: Jane Doe, Director, Some Office\n"
      "\n"
      "\xc2\xb9 Austria, Chile, Ghana\n";
  Segmentation s = Segment(text);
  ASSERT_EQ(s.blocks.size(), 7u);
  EXPECT_EQ(s.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(Text(text, s.blocks[0].content), "Annual Meeting of the Network");
  EXPECT_EQ(s.blocks[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(s.blocks[1].sentences.size(), 2u);
  EXPECT_EQ(s.blocks[1].heading, 0);
  EXPECT_EQ(s.blocks[2].kind, BlockKind::kListItem);
  EXPECT_EQ(Text(text, s.blocks[2].content),
            "Member States should join the Network.");
  EXPECT_EQ(Text(text, s.blocks[3].content), "Share data on gender parity.");
  EXPECT_EQ(s.blocks[4].kind, BlockKind::kAgendaLine);
  EXPECT_EQ(s.blocks[5].kind, BlockKind::kLabelLine);
  EXPECT_EQ(s.blocks[5].marker, "Chair");
  EXPECT_EQ(Text(text, s.blocks[5].content), "Jane Doe, Director, Some Office");
  EXPECT_EQ(s.blocks[6].kind, BlockKind::kFootnote);
  EXPECT_EQ(Text(text, s.blocks[6].content), "Austria, Chile, Ghana");
}

TEST(SegmenterTest, WrappedLinesJoinShortLinesStayApart) {
  const std::string text =
      "A paragraph whose first line is long enough to have been wrapped by\n"
      "an editor continues here.\n"
      "Geneva\n"
      "3 May 2024\n"
      "**A bold title that runs\n"
      "over two lines**\n";
  Segmentation s = Segment(text);
  ASSERT_EQ(s.blocks.size(), 4u);
  EXPECT_EQ(s.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(Text(text, s.blocks[1].content), "Geneva");
  EXPECT_EQ(Text(text, s.blocks[2].content), "3 May 2024");
  EXPECT_EQ(Text(text, s.blocks[3].content),
            "A bold title that runs\nover two lines");
}

TEST(SegmenterTest, ShortLineAfterAFinishedListItemIsAHeading) {
  const std::string text =
      "- The delegates reviewed the lessons of the last rotation and agreed "
      "on a joint plan.\n"
      "Annual Medical Seminar\n"
      "Theme: Field hospitals\n"
      "- A list item that is long enough to have been wrapped by an editor\n"
      "Continues Here.\n";
  Segmentation s = Segment(text);
  ASSERT_EQ(s.blocks.size(), 4u);
  EXPECT_EQ(s.blocks[0].kind, BlockKind::kListItem);
  EXPECT_EQ(s.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(Text(text, s.blocks[1].content), "Annual Medical Seminar");
  EXPECT_EQ(s.blocks[2].kind, BlockKind::kLabelLine);
  EXPECT_EQ(s.blocks[3].kind, BlockKind::kListItem);
  EXPECT_TRUE(
      absl::EndsWith(Text(text, s.blocks[3].content), "Continues Here."));
}

TEST(SegmenterTest, SentencesRespectAbbreviationsAndInitials) {
  const std::string text =
      "Ms. A. Smith spoke first. Then Dr. Jones replied, e.g. on data. "
      "The end.";
  std::vector<Span> sentences = SplitSentences(text, {0, text.size()});
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(Text(text, sentences[0]), "Ms. A. Smith spoke first.");
  EXPECT_EQ(Text(text, sentences[2]), "The end.");
}

// The rules' regular expressions recurse per character: no sentence may be
// longer than 4096 bytes.
TEST(SegmenterTest, CutsLongSentencesAtSpacesElseBetweenCharacters) {
  std::string words;
  while (words.size() < 10000) words += "word ";
  words.pop_back();
  std::vector<Span> sentences = SplitSentences(words, {0, words.size()});
  ASSERT_GE(sentences.size(), 3u);
  for (const Span& s : sentences) {
    EXPECT_LE(s.size(), 4096u);
    EXPECT_TRUE(absl::EndsWith(Text(words, s), "word"));
    EXPECT_TRUE(absl::StartsWith(Text(words, s), "word"));
  }
  // "é" is two bytes: an odd limit would fall inside one.
  std::string letters = "a";
  while (letters.size() < 10000) letters += "\xc3\xa9";
  sentences = SplitSentences(letters, {0, letters.size()});
  ASSERT_EQ(sentences.size(), 3u);
  size_t covered = 0;
  for (const Span& s : sentences) {
    EXPECT_LE(s.size(), 4096u);
    EXPECT_NE(static_cast<unsigned char>(letters[s.start]) & 0xc0, 0x80u);
    covered += s.size();
  }
  EXPECT_EQ(covered, letters.size());
}

TEST(SegmenterTest, LongLinesAndOddBytesDoNotBreakIt) {
  std::string text(2 << 20, 'a');
  text += "\n- item\n\xe2\x80\x94\n";
  Segmentation s = Segment(text);
  EXPECT_GE(s.blocks.size(), 2u);
}

TEST(TokenizerTest, SplitsPossessivesAndKeepsInnerApostrophes) {
  std::vector<Token> tokens = Tokenize("the Secretary-General's plan, O'Neill");
  std::vector<std::string> norms;
  for (const Token& t : tokens) norms.push_back(t.norm);
  EXPECT_EQ(norms,
            (std::vector<std::string>{"the", "secretary", "-", "general", "'",
                                      "s", "plan", ",", "o'neill"}));
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[0].capitalized);
}

}  // namespace
}  // namespace kg::text
