#include "test_graph.h"

#include <string>
#include <vector>

#include "test_util.h"

namespace kg::query_test {
namespace {

using graph::IntValue;
using graph::StringValue;
using graph::test::DateValue;
using graph::test::MakeDocument;
using graph::test::MakeEdge;
using graph::test::MakeNode;

graph::DocumentFacts Summit2018() {
  return MakeDocument(
      "doc:summit-2018",
      {
          MakeNode("doc:summit-2018", "Document", "Summit 2018", {},
                   {{"date", DateValue(2018, 5, 24)}}),
          MakeNode("state:DEU", "State", "Germany",
                   {"Federal Republic of Germany"}),
          MakeNode("state:KOR", "State", "Republic of Korea",
                   {"Korea", "South Korea"}),
          MakeNode("state:CIV", "State", "Côte d'Ivoire"),
          MakeNode("network:wps", "Network", "WPS Focal Points Network"),
          MakeNode("framework:a4p", "Framework", "Action for Peacekeeping",
                   {"A4P"}),
          MakeNode("framework:a4p-plus", "Framework",
                   "Action for Peacekeeping Plus", {"A4P+"}),
          MakeNode("framework:wps-agenda", "Framework",
                   "Women, Peace and Security Agenda"),
          MakeNode("commitment:c1", "Commitment", "Deploy more women", {},
                   {{"kind", StringValue("pledge")},
                    {"text", StringValue("Deploy more women peacekeepers to "
                                         "field missions")}}),
          MakeNode("mission:UNMISS", "Mission",
                   "United Nations Mission in South Sudan", {"UNMISS"}),
          MakeNode("resolution:unsc-1325", "Resolution",
                   "Security Council resolution 1325", {},
                   {{"number", IntValue(1325)}}),
          MakeNode("topic:gender-parity", "Topic", "Gender parity"),
      },
      {
          MakeEdge("state:DEU", "MEMBER_OF", "network:wps",
                   {{"as_of", DateValue(2018, 5)}}),
          MakeEdge("state:KOR", "MEMBER_OF", "network:wps",
                   {{"as_of", DateValue(2018, 5)}}),
          MakeEdge("state:CIV", "MEMBER_OF", "network:wps",
                   {{"from", DateValue(2020)}}),
          MakeEdge("state:DEU", "CHAIRS", "network:wps",
                   {{"role", StringValue("chair")},
                    {"from", DateValue(2016)},
                    {"to", DateValue(2018)}}),
          MakeEdge("state:KOR", "CHAIRS", "network:wps",
                   {{"role", StringValue("chair")}, {"from", IntValue(2019)}}),
          MakeEdge("framework:a4p-plus", "PART_OF", "framework:a4p"),
          MakeEdge("state:DEU", "PLEDGED", "commitment:c1"),
          MakeEdge("commitment:c1", "UNDER", "framework:a4p-plus"),
          MakeEdge("commitment:c1", "TARGETS", "mission:UNMISS"),
          MakeEdge("commitment:c1", "ABOUT", "topic:gender-parity"),
          MakeEdge("commitment:c1", "ADDRESSED_TO", "state:KOR"),
          MakeEdge("mission:UNMISS", "MANDATED_BY", "resolution:unsc-1325"),
          MakeEdge("doc:summit-2018", "MENTIONS", "mission:UNMISS"),
      });
}

graph::DocumentFacts Brief2021() {
  return MakeDocument(
      "doc:brief-2021",
      {
          MakeNode("doc:brief-2021", "Document", "Brief 2021", {},
                   {{"date", DateValue(2021, 11)}}),
          MakeNode("unbody:dpo", "UNBody", "Department of Peace Operations",
                   {"DPO"}),
          MakeNode("commitment:c2", "Commitment", "Train all staff", {},
                   {{"kind", StringValue("recommendation")},
                    {"text", StringValue("Train all staff on "
                                         "gender-responsive protection")}}),
          MakeNode("commitment:c3", "Commitment", "Fund A4P", {},
                   {{"kind", StringValue("pledge")},
                    {"text", StringValue("Fund the implementation of A4P")}}),
      },
      {
          MakeEdge("unbody:dpo", "RECOMMENDED", "commitment:c2"),
          MakeEdge("commitment:c2", "UNDER", "framework:wps-agenda"),
          MakeEdge("commitment:c2", "ABOUT", "topic:gender-parity"),
          MakeEdge("state:KOR", "PLEDGED", "commitment:c3"),
          MakeEdge("unbody:dpo", "PLEDGED", "commitment:c3"),
          MakeEdge("commitment:c3", "UNDER", "framework:a4p"),
          MakeEdge("commitment:c3", "TARGETS", "mission:UNMISS"),
      });
}

}  // namespace

absl::Status LoadTestGraph(graph::GraphStore& store) {
  for (const graph::DocumentFacts& facts : {Summit2018(), Brief2021()}) {
    absl::StatusOr<kg::v1::CommitSummary> summary = store.CommitDocument(facts);
    if (!summary.ok()) return summary.status();
  }
  return absl::OkStatus();
}

}  // namespace kg::query_test
