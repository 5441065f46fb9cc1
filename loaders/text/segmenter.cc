#include "kg/text/segmenter.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <regex>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "bounded_text.h"

namespace kg::text {
namespace {

constexpr size_t kMaxHeadingBytes = 120;
constexpr int kMaxHeadingLines = 3;
// Lines at least this long were wrapped by an editor, so the next line
// carries on the same paragraph.
constexpr size_t kWrappedLineBytes = 60;

struct Line {
  Span span;  // without the line break and surrounding white space
  bool blank = false;
};

std::vector<Line> SplitLines(absl::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == absl::string_view::npos) end = text.size();
    size_t a = start, b = end;
    while (a < b && absl::ascii_isspace(static_cast<unsigned char>(text[a]))) {
      ++a;
    }
    while (b > a &&
           absl::ascii_isspace(static_cast<unsigned char>(text[b - 1]))) {
      --b;
    }
    lines.push_back({{a, b}, a == b});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

absl::string_view Of(absl::string_view text, Span s) {
  return text.substr(s.start, s.size());
}

// Superscript digits as footnote markers: ¹ ² ³ are U+00B9, U+00B2, U+00B3;
// the others U+2070..U+2079.
bool IsSuperscriptAt(absl::string_view s, size_t i, size_t* len) {
  if (i + 1 < s.size() && s[i] == '\xc2' &&
      (s[i + 1] == '\xb9' || s[i + 1] == '\xb2' || s[i + 1] == '\xb3')) {
    *len = 2;
    return true;
  }
  if (i + 2 < s.size() && s[i] == '\xe2' && s[i + 1] == '\x81' &&
      static_cast<unsigned char>(s[i + 2]) >= 0xb0 &&
      static_cast<unsigned char>(s[i + 2]) <= 0xb9) {
    *len = 3;
    return true;
  }
  return false;
}

// Markers that follow a word somewhere in the text ("members*", "80¹",
// "data[1]"): a line that opens with one of them is that note.
absl::flat_hash_set<std::string> FootnoteReferences(absl::string_view text) {
  absl::flat_hash_set<std::string> refs;
  for (size_t i = 1; i < text.size(); ++i) {
    unsigned char prev = static_cast<unsigned char>(text[i - 1]);
    bool after_word = std::isalnum(prev) || prev == ')' || prev >= 0x80;
    if (!after_word) continue;
    size_t len = 0;
    if (IsSuperscriptAt(text, i, &len)) {
      std::string marker;
      while (IsSuperscriptAt(text, i, &len)) {
        marker.append(text.data() + i, len);
        i += len;
      }
      refs.insert(marker);
      --i;
    } else if (text[i] == '*' && (i + 1 == text.size() || text[i + 1] != '*') &&
               text[i - 1] != '*' && std::isalpha(prev)) {
      refs.insert("*");
    } else if (text[i] == '[' && std::isalpha(prev)) {
      size_t close = text.find(']', i);
      if (close != absl::string_view::npos && close - i <= 4 && close > i + 1) {
        std::string digits(text.substr(i + 1, close - i - 1));
        if (std::all_of(digits.begin(), digits.end(), ::isdigit)) {
          refs.insert(digits);
        }
      }
    }
  }
  return refs;
}

// Length of a footnote marker opening `line` (and the marker), or 0.
size_t FootnoteMarker(absl::string_view line,
                      const absl::flat_hash_set<std::string>& refs,
                      std::string* marker) {
  size_t i = 0, len = 0;
  while (IsSuperscriptAt(line, i, &len)) i += len;
  if (i > 0) {
    *marker = std::string(line.substr(0, i));
    return i;
  }
  static const std::regex kNumbered(R"(^\[?(\d{1,3})[\].]?\s)");
  std::cmatch m;
  if (std::regex_search(line.begin(), line.end(), m, kNumbered) &&
      refs.contains(m[1].str())) {
    *marker = m[1].str();
    return m.length(0);
  }
  if (absl::StartsWith(line, "* ") && refs.contains("*")) {
    *marker = "*";
    return 2;
  }
  return 0;
}

size_t ListMarker(absl::string_view line) {
  static const std::regex kMarker(
      R"(^(?:[-*+]|\xe2\x80\xa2|\xe2\x80\x93|\xc2\xb7|\(\d{1,2}\)|\([a-z]\)|\d{1,2}[.)]|[a-z][.)])\s+)");
  std::cmatch m;
  if (!std::regex_search(line.begin(), line.end(), m, kMarker)) return 0;
  size_t len = m.length(0);
  // "- (1) provide ..." : a numbered item inside a dash item.
  std::cmatch inner;
  static const std::regex kInner(R"(^\(\d{1,2}\)\s+)");
  if (std::regex_search(line.begin() + len, line.end(), inner, kInner)) {
    len += inner.length(0);
  }
  return len;
}

bool IsAgendaLine(absl::string_view line) {
  static const std::regex kTime(
      R"(^\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:(?:-|\xe2\x80\x93|to)\s*\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*[:\s]\s*\S)");
  std::cmatch m;
  return std::regex_search(line.begin(), line.end(), m, kTime) &&
         (line.find(':') < 3 || absl::StrContains(line.substr(0, 12), "M"));
}

// "Chair: ...", "Key Questions:": a label of one to three capitalized words.
size_t LabelLength(absl::string_view line, std::string* label) {
  static const std::regex kLabel(
      R"(^([A-Z][A-Za-z'()/-]*(?:\s+[A-Za-z][A-Za-z'()/-]*){0,2})\s*:\s*)");
  std::cmatch m;
  if (!std::regex_search(line.begin(), line.end(), m, kLabel)) return 0;
  *label = m[1].str();
  return m.length(0);
}

bool IsRule(absl::string_view line) {
  return line.size() >= 3 &&
         line.find_first_not_of(line[0] == '-' ? "-" : "*_=") ==
             absl::string_view::npos &&
         (line[0] == '-' || line[0] == '*' || line[0] == '_' || line[0] == '=');
}

// A heading opens with a capital letter or a digit, after any Markdown
// decoration.
bool StartsLikeHeading(absl::string_view s) {
  size_t i = s.find_first_not_of("#*_ ");
  if (i == absl::string_view::npos) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  return absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c >= 0x80;
}

int CountEmphasis(absl::string_view s) {
  int count = 0;
  for (size_t pos = s.find("**"); pos != absl::string_view::npos;
       pos = s.find("**", pos + 2)) {
    ++count;
  }
  return count;
}

// Trims Markdown decoration ("## ", "**") from both ends of a span.
Span StripDecoration(absl::string_view text, Span s) {
  auto strip_front = [&](absl::string_view chars) {
    while (s.start < s.end &&
           chars.find(text[s.start]) != absl::string_view::npos) {
      ++s.start;
    }
  };
  strip_front("#*_ ");
  while (s.end > s.start && absl::string_view("*_ ").find(text[s.end - 1]) !=
                                absl::string_view::npos) {
    --s.end;
  }
  return s;
}

class Builder {
 public:
  explicit Builder(absl::string_view text)
      : text_(text), refs_(FootnoteReferences(text)) {}

  Segmentation Run() {
    std::vector<Line> lines = SplitLines(text_);
    for (const Line& line : lines) {
      // Layout rules look at the start of a line only (bounded_text.h).
      absl::string_view s = LineHead(Of(text_, line.span));
      if (line.blank || IsRule(s)) {
        Flush();
        continue;
      }
      std::string marker;
      if (size_t n = FootnoteMarker(s, refs_, &marker)) {
        Start(BlockKind::kFootnote, line.span, n, marker);
      } else if (IsAgendaLine(s)) {
        Start(BlockKind::kAgendaLine, line.span, 0, "");
      } else if (size_t n = ListMarker(s)) {
        Start(BlockKind::kListItem, line.span, n, "");
      } else if (size_t n = LabelLength(s, &marker);
                 n > 0 && !(open_ && Continues(s))) {
        Start(BlockKind::kLabelLine, line.span, n, marker);
      } else if (s.front() == '#') {
        Start(BlockKind::kHeading, line.span, 0, "");
        Flush();
      } else if (open_ && Continues(s)) {
        current_.span.end = line.span.end;
        current_.content.end = line.span.end;
        ++line_count_;
        last_line_bytes_ = line.span.size();
      } else {
        Start(BlockKind::kParagraph, line.span, 0, "");
      }
    }
    Flush();
    return std::move(out_);
  }

 private:
  // A line carries on the open block when that block is running text and
  // the text was wrapped: its last line was long, or this one starts in
  // lower case. Short lines one after another are separate lines
  // (addresses, dates, headings), even without blank lines between.
  bool Continues(absl::string_view line) const {
    if (current_.kind != BlockKind::kParagraph &&
        current_.kind != BlockKind::kListItem &&
        current_.kind != BlockKind::kFootnote) {
      return false;
    }
    bool lower_start = absl::ascii_islower(static_cast<unsigned char>(line[0]));
    // Emphasis opened ("**") and not yet closed spans the line break.
    absl::string_view so_far =
        text_.substr(current_.content.start, current_.content.size());
    bool open_emphasis = CountEmphasis(so_far) % 2 == 1;
    // A block wholly in emphasis ("**Title**") is complete.
    bool closed_emphasis = absl::StartsWith(so_far, "**") &&
                           absl::EndsWith(so_far, "**") && !open_emphasis;
    if (closed_emphasis) return false;
    // A short capitalized line without end punctuation after a finished
    // sentence is a heading over what follows, not more of the text above.
    absl::string_view trimmed = absl::StripTrailingAsciiWhitespace(so_far);
    bool sentence_done =
        !trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == '!' ||
                             trimmed.back() == '?');
    absl::string_view line_end = absl::StripTrailingAsciiWhitespace(line);
    bool heading_like = line.size() < kWrappedLineBytes &&
                        StartsLikeHeading(line) && !line_end.empty() &&
                        absl::string_view(".:;,!?").find(line_end.back()) ==
                            absl::string_view::npos;
    if (sentence_done && heading_like && !open_emphasis) return false;
    return last_line_bytes_ >= kWrappedLineBytes || lower_start ||
           open_emphasis;
  }

  void Start(BlockKind kind, Span span, size_t marker_len, std::string marker) {
    Flush();
    open_ = true;
    line_count_ = 1;
    current_ = Block();
    current_.kind = kind;
    current_.span = span;
    current_.content = {span.start + marker_len, span.end};
    current_.marker = std::move(marker);
    last_line_bytes_ = span.size();
  }

  void Flush() {
    if (!open_) return;
    open_ = false;
    Block block = std::move(current_);
    absl::string_view s = Of(text_, block.content);
    bool short_lines = block.content.size() <= kMaxHeadingBytes * line_count_ &&
                       line_count_ <= kMaxHeadingLines;
    if (block.kind == BlockKind::kParagraph && short_lines && !s.empty() &&
        StartsLikeHeading(s) && !absl::EndsWith(s, ".") &&
        !absl::EndsWith(s, ":") && !absl::EndsWith(s, ",") &&
        s.size() <= kMaxHeadingBytes * 2) {
      block.kind = BlockKind::kHeading;
    }
    block.content = StripDecoration(text_, block.content);
    if (block.content.size() == 0 && block.kind != BlockKind::kLabelLine) {
      return;
    }
    block.heading = last_heading_;
    block.sentences = SplitSentences(text_, block.content);
    if (block.kind == BlockKind::kHeading) {
      last_heading_ = static_cast<int>(out_.blocks.size());
    }
    out_.blocks.push_back(std::move(block));
  }

  absl::string_view text_;
  absl::flat_hash_set<std::string> refs_;
  Segmentation out_;
  Block current_;
  bool open_ = false;
  int line_count_ = 0;
  size_t last_line_bytes_ = 0;
  int last_heading_ = -1;
};

bool IsAbbreviation(absl::string_view word) {
  static const auto* kAbbreviations = new absl::flat_hash_set<std::string>{
      "mr",   "ms",  "mrs",  "dr",     "prof", "gen",  "lt",  "col", "maj",
      "capt", "sgt", "amb",  "h.e",    "st",   "no",   "nos", "vol", "e.g",
      "i.e",  "etc", "vs",   "jan",    "feb",  "mar",  "apr", "jun", "jul",
      "aug",  "sep", "sept", "oct",    "nov",  "dec",  "u.s", "u.n", "u.k",
      "jr",   "sr",  "rev",  "gov",    "adm",  "brig", "cdr", "fig", "para",
      "art",  "p",   "pp",   "approx", "inc",  "ltd",  "co"};
  std::string lower = absl::AsciiStrToLower(word);
  return kAbbreviations->contains(lower) ||
         (word.size() == 1 && absl::ascii_isupper(word[0]));
}

}  // namespace

std::vector<Span> SplitSentences(absl::string_view text, Span span) {
  std::vector<Span> out;
  size_t start = span.start;
  for (size_t i = span.start; i < span.end; ++i) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    // Closing quotes, brackets and emphasis belong to the sentence.
    while (j < span.end) {
      if (text[j] != '\0' && std::strchr("\"')*]", text[j]) != nullptr) {
        ++j;
      } else if (text.substr(j, 3) == "\u201d" ||
                 text.substr(j, 3) == "\u2019") {
        j += 3;
      } else {
        break;
      }
    }
    if (j >= span.end ||
        !absl::ascii_isspace(static_cast<unsigned char>(text[j]))) {
      continue;
    }
    size_t k = j;
    while (k < span.end &&
           absl::ascii_isspace(static_cast<unsigned char>(text[k]))) {
      ++k;
    }
    if (k >= span.end) break;
    unsigned char next = static_cast<unsigned char>(text[k]);
    if (!(absl::ascii_isupper(next) || absl::ascii_isdigit(next) ||
          next == '"' || next >= 0x80 || next == '*' || next == '(' ||
          next == '[')) {
      continue;
    }
    if (c == '.') {
      size_t w = i;
      while (w > start &&
             (absl::ascii_isalpha(static_cast<unsigned char>(text[w - 1])) ||
              text[w - 1] == '.')) {
        --w;
      }
      if (IsAbbreviation(text.substr(w, i - w))) continue;
    }
    AppendBoundedSentence(text, {start, j}, &out);
    start = k;
  }
  if (start < span.end) AppendBoundedSentence(text, {start, span.end}, &out);
  return out;
}

Segmentation Segment(absl::string_view text) { return Builder(text).Run(); }

}  // namespace kg::text
