#include "kg/text/document_metadata.h"

#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bounded_text.h"
#include "kg/graph/encoding.h"
#include "kg/text/mention.h"

namespace kg::text {
namespace {

constexpr size_t kMetadataWindow = 1500;

int MonthNumber(absl::string_view word) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = absl::AsciiStrToLower(word.substr(0, 3));
  for (int m = 0; m < 12; ++m) {
    if (lower == kMonths[m]) return m + 1;
  }
  return 0;
}

std::string Stem(absl::string_view file_name) {
  size_t slash = file_name.rfind('/');
  if (slash != absl::string_view::npos) file_name.remove_prefix(slash + 1);
  size_t dot = file_name.rfind('.');
  if (dot != absl::string_view::npos && dot > 0) {
    file_name = file_name.substr(0, dot);
  }
  return std::string(file_name);
}

// Document kinds by a phrase near the top, in the order they are tried.
std::string KindFromText(absl::string_view top, int agenda_lines) {
  static const std::pair<const char*, const char*> kKinds[] = {
      {"chair's summary", "chairs_summary"},
      {"chair\u2019s summary", "chairs_summary"},
      {"chairs' summary", "chairs_summary"},
      {"issue brief", "issue_brief"},
      {"policy brief", "policy_brief"},
      {"policy note", "policy_note"},
      {"press release", "press_release"},
      {"communiqu", "communique"},
      {"concept note", "concept_note"},
      {"meeting summary", "meeting_summary"},
      {"summary of the meeting", "meeting_summary"},
      {"fact sheet", "fact_sheet"},
      {"agenda", "agenda"},
      {"report", "report"},
  };
  std::string lower = absl::AsciiStrToLower(top);
  if (agenda_lines >= 3) return "agenda";
  for (const auto& [phrase, kind] : kKinds) {
    if (absl::StrContains(lower, phrase)) return kind;
  }
  return "document";
}

}  // namespace

std::string FirstDate(absl::string_view text) {
  static const std::regex kIso(R"(\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b)");
  static const std::regex kDayMonth(
      R"(\b(\d{1,2})(?:\s*(?:-|\xe2\x80\x93)\s*\d{1,2})?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2}))");
  static const std::regex kMonthDay(
      R"(\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:\s*(?:-|\xe2\x80\x93)\s*\d{1,2})?,?\s+((?:19|20)\d{2}))");
  static const std::regex kMonthYear(
      R"(\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2}))");
  std::string window(text.substr(0, kMetadataWindow));
  std::smatch m;
  struct Found {
    size_t pos;
    std::string date;
  };
  std::vector<Found> found;
  if (std::regex_search(window, m, kIso)) {
    found.push_back(
        {static_cast<size_t>(m.position(0)),
         absl::StrCat(m[1].str(), "-", m[2].str(), "-", m[3].str())});
  }
  if (std::regex_search(window, m, kDayMonth)) {
    found.push_back(
        {static_cast<size_t>(m.position(0)),
         absl::StrFormat("%s-%02d-%02d", m[3].str(), MonthNumber(m[2].str()),
                         std::stoi(m[1].str()))});
  }
  if (std::regex_search(window, m, kMonthDay)) {
    found.push_back(
        {static_cast<size_t>(m.position(0)),
         absl::StrFormat("%s-%02d-%02d", m[3].str(), MonthNumber(m[1].str()),
                         std::stoi(m[2].str()))});
  }
  if (found.empty() && std::regex_search(window, m, kMonthYear)) {
    found.push_back(
        {static_cast<size_t>(m.position(0)),
         absl::StrFormat("%s-%02d", m[2].str(), MonthNumber(m[1].str()))});
  }
  std::string best;
  size_t best_pos = std::string::npos;
  for (const Found& f : found) {
    if (f.pos < best_pos && graph::LooksLikeDate(f.date)) {
      best = f.date;
      best_pos = f.pos;
    }
  }
  return best;
}

std::string DocumentKeyOf(const TextDocument& document) {
  return document.key.empty() ? absl::StrCat("doc:", Stem(document.file_name))
                              : document.key;
}

namespace {

// Whether a heading only says how or where a meeting is held: "Virtual",
// "Online (hosted by Chile)", "In person, Geneva", "Hosted by Chile".
bool IsFormatLine(absl::string_view heading) {
  static const std::regex kFormat(
      R"(^(?:(?:hybrid|virtual|online|in[- ]person|remote)(?:\s*(?:format|meeting))?\s*(?:$|[(,/;:-]|and\b|or\b)|(?:co-?)?hosted\s+by\b))",
      std::regex::icase);
  return std::regex_search(std::string(LineHead(heading)), kFormat);
}

}  // namespace

bool IsTitleLike(absl::string_view heading) {
  absl::string_view h = absl::StripAsciiWhitespace(heading);
  if (h.empty() || absl::EndsWith(h, ":")) return false;
  if (!absl::ascii_isupper(static_cast<unsigned char>(h[0])) &&
      !absl::ascii_isdigit(static_cast<unsigned char>(h[0]))) {
    return false;
  }
  if (h.find(' ') == absl::string_view::npos) return false;
  if (absl::StartsWithIgnoreCase(h, "photo") || IsFormatLine(h)) return false;
  static const std::regex kDateOnly(
      R"(^\W*(?:\d{1,2}[-–]?\d{0,2}\s+)?[A-Za-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}\W*$)");
  return !FitsLinePattern(h) || !std::regex_match(std::string(h), kDateOnly);
}

const Block* FirstTitleHeading(absl::string_view text,
                               const Segmentation& segmentation) {
  for (const Block& block : segmentation.blocks) {
    if (block.kind == BlockKind::kParagraph ||
        block.kind == BlockKind::kListItem) {
      return nullptr;
    }
    if (block.kind == BlockKind::kHeading &&
        IsTitleLike(text.substr(block.content.start, block.content.size()))) {
      return &block;
    }
  }
  return nullptr;
}

absl::StatusOr<DocumentMetadata> ReadMetadata(
    const TextDocument& document, const Segmentation& segmentation) {
  DocumentMetadata out;
  std::string stem = Stem(document.file_name);
  out.key = DocumentKeyOf(document);
  if (out.key.size() <= 4 || !absl::StartsWith(out.key, "doc:")) {
    return absl::InvalidArgumentError(
        absl::StrFormat("key: '%s' is not a document key (doc:<id>)", out.key));
  }
  absl::string_view text = document.text;
  int agenda_lines = 0;
  const Block* title_block = FirstTitleHeading(text, segmentation);
  const Block* marked_title = nullptr;
  for (const Block& block : segmentation.blocks) {
    if (block.kind == BlockKind::kAgendaLine) ++agenda_lines;
    if (block.kind != BlockKind::kHeading) continue;
    absl::string_view line = text.substr(block.span.start, block.span.size());
    if (marked_title == nullptr && absl::StartsWith(line, "# ")) {
      marked_title = &block;
    }
  }
  // A Markdown level-one heading is the title wherever it stands.
  if (marked_title != nullptr) title_block = marked_title;
  if (title_block == nullptr && !segmentation.blocks.empty()) {
    title_block = &segmentation.blocks.front();
  }
  if (title_block != nullptr) {
    out.title_span = title_block->content;
    std::string title(text.substr(out.title_span.start, out.title_span.size()));
    for (char& c : title) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    out.title = title;
  }
  if (!document.title.empty()) out.title = document.title;
  if (out.title.empty()) out.title = stem;

  std::string date = document.date;
  if (date.empty()) {
    static const std::regex kLeadingDate(
        R"(^((?:19|20)\d{2}-\d{2}(?:-\d{2})?))");
    std::smatch m;
    std::string head(LineHead(stem));
    if (std::regex_search(head, m, kLeadingDate)) date = m[1].str();
  }
  if (date.empty()) date = FirstDate(text);
  if (!date.empty()) {
    absl::StatusOr<kg::v1::Date> parsed = graph::ParseDate(date);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("date: ", parsed.status().message()));
    }
    *out.props["date"].mutable_date_value() = *parsed;
  }
  out.props["title"].set_string_value(out.title);
  std::string kind = document.kind;
  if (kind.empty()) {
    kind = KindFromText(text.substr(0, kMetadataWindow), agenda_lines);
  }
  out.props["kind"].set_string_value(kind);
  if (!document.source_url.empty()) {
    out.props["source_url"].set_string_value(document.source_url);
  }
  return out;
}

}  // namespace kg::text
