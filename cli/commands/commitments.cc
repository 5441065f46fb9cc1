// kg commitments: who pledged or recommended what, under which frameworks,
// with every filter of the Commitments call; follows the pages to the end
// (or to --limit rows).
#include "absl/strings/str_join.h"
#include "commands/command.h"
#include "format.h"
#include "kg/graph/encoding.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

// The options that set a key or text filter, and the request field each
// sets.
using StringSetter = void (kg::v1::CommitmentsRequest::*)(const std::string&);
struct StringFilter {
  const char* option;
  const char* value_name;
  const char* help;
  StringSetter set;
};
constexpr StringFilter kStringFilters[] = {
    {"actor", "KEY", "Commitments of this actor.",
     &kg::v1::CommitmentsRequest::set_actor_key},
    {"member-of", "KEY", "Commitments of the members of this network.",
     &kg::v1::CommitmentsRequest::set_member_of_key},
    {"framework", "KEY", "Commitments under this framework or one part of it.",
     &kg::v1::CommitmentsRequest::set_framework_key},
    {"target", "KEY", "Commitments that target this mission, state or place.",
     &kg::v1::CommitmentsRequest::set_target_key},
    {"topic", "KEY", "Commitments about this topic.",
     &kg::v1::CommitmentsRequest::set_topic_key},
    {"kind", "KIND", "pledge, commitment, recommendation or call_to_action.",
     &kg::v1::CommitmentsRequest::set_kind},
    {"document", "KEY", "Rows this document asserts.",
     &kg::v1::CommitmentsRequest::set_document_key},
};

absl::StatusOr<kg::v1::CommitmentRelation> ParseRelation(
    absl::string_view text) {
  if (text == "pledged") return kg::v1::COMMITMENT_RELATION_PLEDGED;
  if (text == "recommended") return kg::v1::COMMITMENT_RELATION_RECOMMENDED;
  if (text == "both") return kg::v1::COMMITMENT_RELATION_UNSPECIFIED;
  return absl::InvalidArgumentError(absl::StrCat(
      "--relation: expected pledged, recommended or both, got \"", text, "\""));
}

absl::StatusOr<kg::v1::CommitmentsRequest> ParseRequest(
    const ParsedArgs& args) {
  kg::v1::CommitmentsRequest request;
  for (const StringFilter& filter : kStringFilters) {
    if (args.Has(filter.option))
      (request.*filter.set)(args.Value(filter.option));
  }
  absl::StatusOr<kg::v1::CommitmentRelation> relation =
      ParseRelation(args.Value("relation", "both"));
  if (!relation.ok()) return relation.status();
  request.set_relation(*relation);
  absl::StatusOr<std::optional<kg::v1::Date>> from =
      ParseDateOption(args, "from");
  if (!from.ok()) return from.status();
  if (from->has_value()) *request.mutable_date_from() = **from;
  absl::StatusOr<std::optional<kg::v1::Date>> to = ParseDateOption(args, "to");
  if (!to.ok()) return to.status();
  if (to->has_value()) *request.mutable_date_to() = **to;
  if (absl::Status as_of = ApplyAsOf(args, &request); !as_of.ok()) {
    return as_of;
  }
  absl::StatusOr<int32_t> page_size =
      ParseCountOption(args, "page-size", 0, 1000);
  if (!page_size.ok()) return page_size.status();
  request.set_page_size(*page_size);
  return request;
}

std::string KeysText(
    const google::protobuf::RepeatedPtrField<kg::v1::EntityRef>& refs) {
  return absl::StrJoin(refs, ",", [](std::string* out, const auto& ref) {
    out->append(ref.key());
  });
}

std::string RelationText(kg::v1::CommitmentRelation relation) {
  return relation == kg::v1::COMMITMENT_RELATION_PLEDGED       ? "PLEDGED"
         : relation == kg::v1::COMMITMENT_RELATION_RECOMMENDED ? "RECOMMENDED"
                                                               : "";
}

void AddRow(const kg::v1::CommitmentRow& row, Table& table) {
  table.AddRow({row.actor().key(), RelationText(row.relation()),
                row.commitment_key(), row.kind(), KeysText(row.frameworks()),
                KeysText(row.addressees()), KeysText(row.targets()),
                KeysText(row.topics()),
                row.has_date() ? graph::FormatDate(row.date()) : "",
                absl::StrJoin(row.document_keys(), ","), row.text()});
}

int Run(const ParsedArgs& args, CommandContext& context) {
  absl::StatusOr<kg::v1::CommitmentsRequest> request = ParseRequest(args);
  if (!request.ok()) return ReportUsageError(request.status(), context.err);
  absl::StatusOr<int32_t> limit = ParseCountOption(args, "limit", 0);
  if (!limit.ok()) return ReportUsageError(limit.status(), context.err);
  Table table({"ACTOR", "RELATION", "COMMITMENT", "KIND", "FRAMEWORKS",
               "ADDRESSEES", "TARGETS", "TOPICS", "DATE", "DOCUMENTS", "TEXT"});
  int32_t rows = 0;
  const auto full = [&] { return *limit > 0 && rows >= *limit; };
  do {
    const std::unique_ptr<grpc::ClientContext> call =
        context.connection.NewContext();
    kg::v1::CommitmentsResponse page;
    const grpc::Status status =
        context.connection.query().Commitments(call.get(), *request, &page);
    if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
    for (const kg::v1::CommitmentRow& row : page.rows()) {
      if (full()) break;
      ++rows;
      if (context.json) {
        context.out << MessageJson(row) << "\n";
      } else {
        AddRow(row, table);
      }
    }
    request->set_page_token(page.next_page_token());
  } while (!request->page_token().empty() && !full());
  if (!context.json) table.Print(context.out);
  return kExitOk;
}

}  // namespace

Command CommitmentsCommand() {
  std::vector<OptionSpec> options;
  for (const StringFilter& filter : kStringFilters) {
    options.push_back({filter.option, filter.value_name, false, filter.help});
  }
  options.insert(
      options.end(),
      {{"relation", "pledged|recommended|both", false,
        "Which rows (default: both)."},
       {"from", "DATE", false, "Rows from documents dated on or after DATE."},
       {"to", "DATE", false, "Rows from documents dated on or before DATE."},
       AsOfOption(),
       {"page-size", "N", false,
        "Rows fetched per call (default: the server's, at most 1000)."},
       {"limit", "N", false, "Stop after N rows (default: all)."}});
  return Command{"commitments",
                 "",
                 "List who pledged or recommended what, under which "
                 "frameworks, matching every filter given (--json: one row "
                 "a line, with its sources and evidence).",
                 std::move(options),
                 0,
                 0,
                 Run};
}

}  // namespace kg::cli
