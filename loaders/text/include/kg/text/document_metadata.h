// What a document says about itself: key, title, date and kind.
#ifndef KG_TEXT_DOCUMENT_METADATA_H_
#define KG_TEXT_DOCUMENT_METADATA_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "kg/text/segmenter.h"
#include "kg/text/text_importer.h"
#include "kg/v1/types.pb.h"

namespace kg::text {

struct DocumentMetadata {
  std::string key;
  std::string title;
  Span title_span;
  // title, date, kind, source_url as given or read.
  std::map<std::string, kg::v1::Value> props;
};

// Given fields win; otherwise the title is the first heading (or first
// line), the date the file name's leading ISO date or the first date
// written in the text, the kind a document-type phrase near the top
// ("Chair's Summary" -> chairs_summary) or, for a text of time-slot lines,
// "agenda". InvalidArgument for a given date or key that is malformed.
absl::StatusOr<DocumentMetadata> ReadMetadata(const TextDocument& document,
                                              const Segmentation& segmentation);

// Whether a heading can name a document (or the event it reports): not a
// photo credit, a lone date, a label ending in ':', a note in lower case or
// a line giving only a meeting's format ("Online (hosted by Chile)").
bool IsTitleLike(absl::string_view heading);

// The first title-like heading before the document's running text or lists
// start (one after them heads a section), or null.
const Block* FirstTitleHeading(absl::string_view text,
                               const Segmentation& segmentation);

// The first date written in text ("24 May 2018", "May 24, 2018",
// "2018-05-24", "December 2023"), ISO formatted, or "".
std::string FirstDate(absl::string_view text);

}  // namespace kg::text

#endif  // KG_TEXT_DOCUMENT_METADATA_H_
