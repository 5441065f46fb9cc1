// Segmenter: the layout of a plain-text or Markdown document as spans of
// its bytes: headings, paragraphs, list items, footnotes and agenda lines,
// each cut into sentences.
//
// The rules are about layout in general (blank lines, list markers, line
// lengths, times at the start of a line, footnote markers that also stand
// after a word elsewhere), never about one document's wording.
#ifndef KG_TEXT_SEGMENTER_H_
#define KG_TEXT_SEGMENTER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kg::text {

// A byte range [start, end) of the document.
struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool Contains(const Span& o) const {
    return start <= o.start && o.end <= end;
  }
  bool Overlaps(const Span& o) const { return start < o.end && o.start < end; }
};

enum class BlockKind {
  kHeading,     // a short line standing alone: a title or section heading
  kParagraph,   // running text
  kListItem,    // "- ", "* ", "• ", "(1) ", "(a) ", "1. ", "a) " items
  kFootnote,    // "¹ ...", "[1] ...", "1. ..." after a "---" rule, or a
                // marker ("*") that also follows a word in the text
  kAgendaLine,  // a line opening with a time: "9:30-11:30AM SESSION 1: ..."
  kLabelLine,   // "Chair: ...", "Panelists:", "Background: ..."
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  // The whole block, and its content after any list, footnote or label
  // marker.
  Span span;
  Span content;
  // The footnote marker ("1", "*"), or the label of a label line ("Chair").
  std::string marker;
  // The nearest heading before the block (its content span), if any.
  int heading = -1;
  std::vector<Span> sentences;
};

struct Segmentation {
  std::vector<Block> blocks;
};

Segmentation Segment(absl::string_view text);

// Sentence spans of text[span], split at . ! ? followed by space and a
// capital, digit or quote, except after abbreviations and initials. A
// sentence longer than 4096 bytes is cut into pieces no longer than that
// (at white space when there is some), so that the rules' regular
// expressions never run over an unbounded text.
std::vector<Span> SplitSentences(absl::string_view text, Span span);

}  // namespace kg::text

#endif  // KG_TEXT_SEGMENTER_H_
