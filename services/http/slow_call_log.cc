#include "kg/services/http/slow_call_log.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <stdio.h>

#include "absl/status/status.h"

namespace kg::services {

std::string SlowCallLine(absl::string_view method,
                         const google::protobuf::Message* request,
                         int responses, grpc::StatusCode code,
                         absl::Duration elapsed) {
  google::protobuf::Struct line;
  auto& fields = *line.mutable_fields();
  fields["event"].set_string_value("slow_call");
  fields["method"].set_string_value(std::string(method));
  fields["seconds"].set_number_value(absl::ToDoubleSeconds(elapsed));
  fields["code"].set_string_value(
      absl::StatusCodeToString(static_cast<absl::StatusCode>(code)));
  fields["responses"].set_number_value(responses);
  if (request != nullptr) {
    std::string json;
    // A message the server has parsed always prints.
    google::protobuf::util::MessageToJsonString(*request, &json);
    if (json.size() > kMaxLoggedRequestBytes) {
      json.resize(kMaxLoggedRequestBytes);
    }
    fields["request"].set_string_value(json);
  }
  std::string text;
  google::protobuf::util::MessageToJsonString(line, &text);
  return text;
}

void WriteLogLine(const std::string& line) {
  const std::string with_newline = line + "\n";
  fwrite(with_newline.data(), 1, with_newline.size(), stderr);
}

}  // namespace kg::services
