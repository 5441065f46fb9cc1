// Bounds on the text the loader's regular expressions run over.
//
// libstdc++'s std::regex matches by recursive backtracking: its stack depth
// grows with the number of characters one match attempt consumes. On an
// 8 MB stack a pattern such as `committed\s+to` overflows at about 40,000
// characters (fewer under AddressSanitizer, whose frames are bigger, and on
// threads with smaller stacks), so one long run in a document ("The 2019 "
// and a megabyte of letters) would crash the importer and the server that
// runs it. Every regular expression in the text loader therefore runs over
// text of bounded size: one sentence (cut to at most kMaxSentenceBytes by
// the segmenter), the head of a line, a short line, or a fixed window.
#ifndef KG_LOADERS_TEXT_BOUNDED_TEXT_H_
#define KG_LOADERS_TEXT_BOUNDED_TEXT_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/segmenter.h"

namespace kg::text {

// A tenth of the measured overflow length: room for bigger frames and
// smaller stacks, and still far longer than any real sentence.
constexpr size_t kMaxSentenceBytes = 4096;

// Patterns anchored at a line's start (times, list markers, labels, dates)
// look at no more than its first this many bytes; patterns that must match
// a whole line match only lines no longer than this.
constexpr size_t kMaxLinePatternBytes = 256;

// The first kMaxLinePatternBytes bytes of `line`.
absl::string_view LineHead(absl::string_view line);

// Whether a pattern that must match all of `line` may run over it: a line
// longer than kMaxLinePatternBytes is no date, label or time.
bool FitsLinePattern(absl::string_view line);

// Appends the sentence text[span] to `out`, cut into pieces of at most
// kMaxSentenceBytes: at the last white space before the limit when there is
// one, else at a UTF-8 character boundary. White space between pieces
// belongs to none of them.
void AppendBoundedSentence(absl::string_view text, Span span,
                           std::vector<Span>* out);

}  // namespace kg::text

#endif  // KG_LOADERS_TEXT_BOUNDED_TEXT_H_
