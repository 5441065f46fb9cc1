// When a fact holds. A node or edge whose properties `from` / `to` (dates,
// or years as integers or text) bound a period holds only in it; `as_of`
// says when it was observed, not when it holds, so it bounds nothing.
// Dates of year or month precision stand for their whole year or month: a
// fact holds at a date when their periods overlap.
#ifndef KG_GRAPH_QUERY_VALIDITY_H_
#define KG_GRAPH_QUERY_VALIDITY_H_

#include <string>

#include "google/protobuf/map.h"
#include "kg/v1/types.pb.h"

namespace kg::graph::query {

using Props = google::protobuf::Map<std::string, kg::v1::Value>;

// False when `at` lies wholly before `from` or wholly after `to`.
bool ValidAt(const Props& props, const kg::v1::Date& at);

// Whether `date` overlaps the period from `from` to `to`; a null bound is
// open.
bool DateWithin(const kg::v1::Date& date, const kg::v1::Date* from,
                const kg::v1::Date* to);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_VALIDITY_H_
