// Security Council resolution numbers in their written forms.
#include <algorithm>
#include <regex>

#include "absl/strings/ascii.h"
#include "kg/text/name_patterns.h"

namespace kg::text {

std::vector<ResolutionRef> FindResolutions(absl::string_view text) {
  constexpr size_t kBareWindow = 60;
  std::vector<ResolutionRef> out;
  static const std::regex kNamed(
      R"((?:[Rr]esolutions?|UNSCR|SCR|S/RES/)\s*(\d{3,4})(?:\s*\((\d{4})\))?)");
  static const std::regex kMore(
      R"(^(?:\s*(?:,|and|&)\s*)(\d{3,4})(?:\s*\((\d{4})\))?)");
  static const std::regex kBare(R"(\b(\d{3,4})\s*\(((?:19|20)\d{2})\))");
  // Regular expressions run per line: lines are short in real documents,
  // and bounding them keeps a pathological line from exhausting the stack.
  size_t line_start = 0;
  while (line_start < text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == absl::string_view::npos) line_end = text.size();
    absl::string_view line = text.substr(line_start, line_end - line_start);
    for (size_t chunk = 0; chunk < line.size(); chunk += 4096) {
      absl::string_view part = line.substr(chunk, 4096 + 64);
      const char* base = part.data();
      size_t offset = line_start + chunk;
      for (std::cregex_iterator it(base, base + part.size(), kNamed), e;
           it != e; ++it) {
        const std::cmatch& m = *it;
        out.push_back(
            {{offset + m.position(0), offset + m.position(0) + m.length(0)},
             m[1].str(),
             m[2].str()});
        const char* rest = base + m.position(0) + m.length(0);
        std::cmatch more;
        while (std::regex_search(rest, base + part.size(), more, kMore)) {
          size_t pos = rest - base + more.position(1);
          // Offsets, not pointers: `offset + rest` would point past `text`.
          size_t end = rest - base + more.length(0);
          out.push_back(
              {{offset + pos, offset + end}, more[1].str(), more[2].str()});
          rest += more.length(0);
        }
      }
      std::string lower = absl::AsciiStrToLower(part);
      for (std::cregex_iterator it(base, base + part.size(), kBare), e; it != e;
           ++it) {
        const std::cmatch& m = *it;
        // A bare "1325 (2000)" is a resolution only shortly after the word,
        // in the same sentence.
        size_t at = m.position(0);
        size_t from = at > kBareWindow ? at - kBareWindow : 0;
        std::string before = lower.substr(from, at - from);
        size_t sentence_end = before.rfind(". ");
        if (sentence_end != std::string::npos) before.erase(0, sentence_end);
        if (before.find("resolution") == std::string::npos) continue;
        Span span{offset + at, offset + at + m.length(0)};
        bool seen = std::any_of(
            out.begin(), out.end(),
            [&](const ResolutionRef& r) { return r.span.Overlaps(span); });
        if (!seen) out.push_back({span, m[1].str(), m[2].str()});
      }
    }
    line_start = line_end + 1;
  }
  return out;
}

}  // namespace kg::text
