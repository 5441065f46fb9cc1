// The small graph the query tests share, committed as two documents:
//
// doc:summit-2018 (dated 2018-05-24)
//   state:DEU "Germany", state:KOR "Republic of Korea" (aliases Korea,
//   South Korea), state:CIV "Côte d'Ivoire" — MEMBER_OF network:wps
//   ("WPS Focal Points Network"; DEU and KOR as_of 2018-05, CIV from
//   2020); DEU CHAIRS network:wps from 2016 to 2018, KOR from 2019.
//   framework:a4p-plus PART_OF framework:a4p; framework:wps-agenda.
//   DEU PLEDGED commitment:c1 (pledge, "Deploy more women peacekeepers to
//   field missions"), UNDER a4p-plus, TARGETS mission:UNMISS, ABOUT
//   topic:gender-parity, ADDRESSED_TO state:KOR.
//   mission:UNMISS MANDATED_BY resolution:unsc-1325;
//   doc:summit-2018 MENTIONS mission:UNMISS.
// doc:brief-2021 (dated 2021-11)
//   unbody:dpo RECOMMENDED commitment:c2 (recommendation, "Train all staff
//   on gender-responsive protection"), UNDER wps-agenda, ABOUT
//   gender-parity. state:KOR and unbody:dpo PLEDGED commitment:c3
//   (pledge, "Fund the implementation of A4P"), UNDER a4p, TARGETS
//   UNMISS.
#ifndef KG_TESTS_QUERY_TEST_GRAPH_H_
#define KG_TESTS_QUERY_TEST_GRAPH_H_

#include "absl/status/status.h"
#include "kg/graph/graph_store.h"

namespace kg::query_test {

absl::Status LoadTestGraph(graph::GraphStore& store);

}  // namespace kg::query_test

#endif  // KG_TESTS_QUERY_TEST_GRAPH_H_
