#include "kg/graph/query/validity.h"

#include <optional>
#include <tuple>

#include "kg/graph/encoding.h"

namespace kg::graph::query {
namespace {

using Day = std::tuple<int, int, int>;

// The first and last day a date of any precision stands for.
struct Period {
  Day first;
  Day last;
};

Period PeriodOf(const kg::v1::Date& date) {
  return Period{{date.year(), date.month() == 0 ? 1 : date.month(),
                 date.day() == 0 ? 1 : date.day()},
                {date.year(), date.month() == 0 ? 12 : date.month(),
                 date.day() == 0 ? 31 : date.day()}};
}

// A bound written as a date, a year (int) or date text; nullopt otherwise.
std::optional<kg::v1::Date> BoundOf(const Props& props, const char* name) {
  auto it = props.find(name);
  if (it == props.end()) return std::nullopt;
  const kg::v1::Value& value = it->second;
  if (value.has_date_value()) return value.date_value();
  if (value.has_int_value()) {
    kg::v1::Date year;
    year.set_year(static_cast<int32_t>(value.int_value()));
    return year;
  }
  if (value.has_string_value()) {
    absl::StatusOr<kg::v1::Date> date = ParseDate(value.string_value());
    if (date.ok()) return *date;
  }
  return std::nullopt;
}

}  // namespace

bool DateWithin(const kg::v1::Date& date, const kg::v1::Date* from,
                const kg::v1::Date* to) {
  const Period period = PeriodOf(date);
  if (from != nullptr && period.last < PeriodOf(*from).first) return false;
  if (to != nullptr && period.first > PeriodOf(*to).last) return false;
  return true;
}

bool ValidAt(const Props& props, const kg::v1::Date& at) {
  std::optional<kg::v1::Date> from = BoundOf(props, "from");
  std::optional<kg::v1::Date> to = BoundOf(props, "to");
  return DateWithin(at, from ? &*from : nullptr, to ? &*to : nullptr);
}

}  // namespace kg::graph::query
