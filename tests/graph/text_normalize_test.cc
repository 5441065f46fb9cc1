// NormalizeName: what two spellings of a name must share to be found by
// one lookup in the `names` index.
#include "kg/graph/text_normalize.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::graph {
namespace {

TEST(NormalizeNameTest, LowerCases) {
  EXPECT_EQ(NormalizeName("UNMISS"), "unmiss");
  EXPECT_EQ(NormalizeName("Republic of Korea"), "republic of korea");
  EXPECT_EQ(NormalizeName("un-women 2024"), "un-women 2024");
}

TEST(NormalizeNameTest, FoldsDiacritics) {
  EXPECT_EQ(NormalizeName("Côte d'Ivoire"), "cote d'ivoire");
  EXPECT_EQ(NormalizeName("CÔTE D'IVOIRE"), "cote d'ivoire");
  EXPECT_EQ(NormalizeName("Türkiye"), "turkiye");
  EXPECT_EQ(NormalizeName("TÜRKIYE"), "turkiye");
  EXPECT_EQ(NormalizeName("São Tomé and Príncipe"), "sao tome and principe");
  EXPECT_EQ(NormalizeName("Curaçao"), "curacao");
  EXPECT_EQ(NormalizeName("Åland Øresund Æsir straße"),
            "aland oresund aesir strasse");
  EXPECT_EQ(NormalizeName("Łódź Œuvre"), "lodz oeuvre");
  // Spellings that differ only so are found by one lookup.
  EXPECT_EQ(NormalizeName("Cote d'Ivoire"), NormalizeName("Côte d’Ivoire"));
}

TEST(NormalizeNameTest, CollapsesWhiteSpace) {
  EXPECT_EQ(NormalizeName("  South \t Sudan\n"), "south sudan");
  EXPECT_EQ(NormalizeName("a\u00a0b\u2009c\u202fd"), "a b c d");
  EXPECT_EQ(NormalizeName(" \t\r\n "), "");
  EXPECT_EQ(NormalizeName(""), "");
}

TEST(NormalizeNameTest, TypographicPunctuation) {
  EXPECT_EQ(NormalizeName("Côte d’Ivoire"), "cote d'ivoire");
  EXPECT_EQ(NormalizeName("‘quoted’"), "'quoted'");
  EXPECT_EQ(NormalizeName("Guinea–Bissau — x"), "guinea-bissau - x");
}

TEST(NormalizeNameTest, OtherCharactersPassThrough) {
  EXPECT_EQ(NormalizeName("Россия"), "Россия");
  EXPECT_EQ(NormalizeName("大韩民国"), "大韩民国");
  EXPECT_EQ(NormalizeName("a×b"), "a×b");
  EXPECT_EQ(NormalizeName("emoji 😀"), "emoji 😀");
}

TEST(NormalizeNameTest, DropsInvalidUtf8) {
  // Stray continuation bytes, lone lead bytes, truncated sequences.
  EXPECT_EQ(NormalizeName("a\x80"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xff\xfe"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xc3"), "a");
  EXPECT_EQ(NormalizeName("a\xe2\x80"), "a");
  EXPECT_EQ(NormalizeName("\xc3(b"), "(b");
  EXPECT_EQ(NormalizeName("T\xc3\xbcrk\xc3"), "turk");
  // Overlong forms, surrogates and code points past U+10FFFF are invalid
  // too: an overlong NUL must not put a 0x00 into a `names` key.
  EXPECT_EQ(NormalizeName("a\xc0\x80"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xc1\x81"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xe0\x80\xaf"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xf0\x80\x80\xaf"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xed\xa0\x80"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xf4\x90\x80\x80"
                          "b"),
            "ab");
  EXPECT_EQ(NormalizeName("a\xf7\xbf\xbf\xbf"
                          "b"),
            "ab");
  // The largest valid code point still passes.
  EXPECT_EQ(NormalizeName("a\xf4\x8f\xbf\xbf"), "a\xf4\x8f\xbf\xbf");
}

TEST(NormalizeNameTest, IsIdempotent) {
  for (const char* text : {"Côte d'Ivoire", "  São  Tomé ", "TÜRKIYE",
                           "a\xc0\x80"
                           "b",
                           "Россия", "Guinea–Bissau"}) {
    std::string once = NormalizeName(text);
    EXPECT_EQ(NormalizeName(once), once) << text;
    EXPECT_EQ(once.find('\0'), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace kg::graph
