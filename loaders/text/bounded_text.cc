#include "bounded_text.h"

#include "absl/strings/ascii.h"

namespace kg::text {
namespace {

bool IsSpace(char c) {
  return absl::ascii_isspace(static_cast<unsigned char>(c));
}

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

absl::string_view LineHead(absl::string_view line) {
  return line.substr(0, kMaxLinePatternBytes);
}

bool FitsLinePattern(absl::string_view line) {
  return line.size() <= kMaxLinePatternBytes;
}

void AppendBoundedSentence(absl::string_view text, Span span,
                           std::vector<Span>* out) {
  while (span.size() > kMaxSentenceBytes) {
    const size_t limit = span.start + kMaxSentenceBytes;
    size_t end = limit;
    while (end > span.start && !IsSpace(text[end - 1])) --end;
    while (end > span.start && IsSpace(text[end - 1])) --end;
    if (end == span.start) {
      // No word ends before the limit: cut inside one, between characters.
      end = limit;
      while (end > span.start && IsContinuationByte(text[end])) --end;
      // Not UTF-8 at all: any byte will do.
      if (end == span.start) end = limit;
    }
    out->push_back({span.start, end});
    span.start = end;
    while (span.start < span.end && IsSpace(text[span.start])) ++span.start;
  }
  if (span.size() > 0) out->push_back(span);
}

}  // namespace kg::text
