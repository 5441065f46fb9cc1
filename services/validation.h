// Request checks shared by the services (internal to services/).
#ifndef KG_SERVICES_VALIDATION_H_
#define KG_SERVICES_VALIDATION_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "kg/graph/snapshot.h"
#include "kg/v1/graph_service.pb.h"

namespace kg::services {

// Limits every request is held to, whatever its method. Longer text goes
// through ImportDocument, whose `text` has its own limit
// (text::kMaxDocumentBytes); more facts go in more ImportFacts streams.
inline constexpr size_t kMaxStringBytes = 64 << 10;
inline constexpr int kMaxRepeatedItems = 10'000;

// InvalidArgument "<field>: N bytes, over the limit of 65536
// (max_string_bytes)" when `value` is longer than kMaxStringBytes.
absl::Status CheckLength(absl::string_view field, absl::string_view value);

// CheckLength for every string of `message` and its sub-messages, and
// InvalidArgument naming max_repeated_items for a repeated field or map
// with more than kMaxRepeatedItems entries. Errors name the field's path
// below `field` (node.props["role"].string_value).
absl::Status CheckSizes(const google::protobuf::Message& message,
                        absl::string_view field = "");

// InvalidArgument "<field>: must not be empty" when `value` is empty.
inline absl::Status RequireNonEmpty(absl::string_view field,
                                    absl::string_view value) {
  if (!value.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(field, ": must not be empty"));
}

// The engine's direction for the API's; unspecified means both.
// InvalidArgument "<field>: unknown value N" for a value this build does
// not know.
inline absl::StatusOr<graph::Direction> ToDirection(
    absl::string_view field, kg::v1::Direction direction) {
  switch (direction) {
    case kg::v1::DIRECTION_OUT:
      return graph::Direction::kOut;
    case kg::v1::DIRECTION_IN:
      return graph::Direction::kIn;
    case kg::v1::DIRECTION_UNSPECIFIED:
    case kg::v1::DIRECTION_BOTH:
      return graph::Direction::kBoth;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": unknown value ", direction));
  }
}

}  // namespace kg::services

#endif  // KG_SERVICES_VALIDATION_H_
