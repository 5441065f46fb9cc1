// Text escaped for each export format, shared by the writers.
#ifndef KG_CLI_EXPORT_ESCAPING_H_
#define KG_CLI_EXPORT_ESCAPING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kg::cli {

// `text` as XML character data or attribute text: markup characters and
// line breaks as references; characters XML 1.0 cannot hold are dropped.
std::string XmlEscape(absl::string_view text);
// `text` as a JSON string, quotes included.
std::string JsonString(absl::string_view text);
// `text` as an RFC 4180 field: quoted when it holds a comma, a quote, a
// line break or edge spaces.
std::string CsvField(absl::string_view text);
// `text` as a DOT quoted string: quotes and backslashes escaped, line
// breaks as \n, other control characters as spaces.
std::string DotString(absl::string_view text);

}  // namespace kg::cli

#endif  // KG_CLI_EXPORT_ESCAPING_H_
