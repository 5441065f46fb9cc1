#include "query_requests.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kg/graph/encoding.h"
#include "validation.h"

namespace kg::services {

absl::Status CheckDate(absl::string_view field, const kg::v1::Date& date) {
  const bool valid = date.year() >= 1 && date.year() <= 9999 &&
                     date.month() >= 0 && date.month() <= 12 &&
                     date.day() >= 0 && date.day() <= 31 &&
                     (date.day() == 0 || date.month() != 0);
  if (valid) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: not a date (year %d, month %d, day %d)", field,
                      date.year(), date.month(), date.day()));
}

absl::StatusOr<std::optional<kg::v1::Date>> AsOf(absl::string_view field,
                                                 bool has_as_of,
                                                 const kg::v1::Date& as_of) {
  if (!has_as_of) return std::nullopt;
  if (absl::Status valid = CheckDate(field, as_of); !valid.ok()) return valid;
  return as_of;
}

absl::StatusOr<std::vector<std::string>> NonEmptyItems(absl::string_view field,
                                                       const Strings& items) {
  std::vector<std::string> out;
  for (int i = 0; i < items.size(); ++i) {
    absl::Status valid =
        RequireNonEmpty(absl::StrCat(field, "[", i, "]"), items[i]);
    if (!valid.ok()) return valid;
    out.push_back(items[i]);
  }
  return out;
}

absl::StatusOr<graph::query::StepFilter> StepOf(const Strings& edge_types,
                                                kg::v1::Direction direction,
                                                const Strings& node_labels) {
  graph::query::StepFilter step;
  absl::StatusOr<graph::Direction> dir = ToDirection("direction", direction);
  if (!dir.ok()) return dir.status();
  step.direction = *dir;
  absl::StatusOr<std::vector<std::string>> types =
      NonEmptyItems("edge_types", edge_types);
  if (!types.ok()) return types.status();
  step.types = *std::move(types);
  absl::StatusOr<std::vector<std::string>> labels =
      NonEmptyItems("node_labels", node_labels);
  if (!labels.ok()) return labels.status();
  step.labels = *std::move(labels);
  return step;
}

absl::StatusOr<int64_t> Capped(absl::string_view field, int64_t requested,
                               int64_t fallback, absl::string_view cap_name,
                               int64_t cap) {
  if (requested < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": must not be negative"));
  }
  if (requested > cap) {
    return absl::ResourceExhaustedError(
        absl::StrCat(cap_name, ": ", field, " ", requested,
                     " exceeds the server's cap of ", cap));
  }
  return requested == 0 ? fallback : requested;
}

absl::StatusOr<uint64_t> ResolveKey(graph::query::QueryContext& context,
                                    absl::string_view field,
                                    absl::string_view key) {
  if (absl::Status valid = RequireNonEmpty(field, key); !valid.ok()) {
    return valid;
  }
  absl::StatusOr<const kg::v1::Node*> node = context.NodeByKey(key);
  if (!node.ok()) {
    return absl::Status(node.status().code(),
                        absl::StrCat(field, ": ", node.status().message()));
  }
  if (!context.Holds(**node)) {
    return absl::NotFoundError(
        absl::StrFormat("%s: '%s' does not hold as of %s", field, key,
                        graph::FormatDate(*context.as_of())));
  }
  return (*node)->id();
}

}  // namespace kg::services
