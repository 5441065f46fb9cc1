#include "csv_record.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/stubs/common.h"

namespace kg::loaders {

CsvRecordReader::CsvRecordReader(absl::string_view text,
                                 absl::string_view file_name)
    : text_(absl::StripPrefix(text, "\xEF\xBB\xBF")), file_name_(file_name) {}

absl::StatusOr<bool> CsvRecordReader::Next(CsvRecord* record) {
  while (pos_ < text_.size()) {
    record->line = line_;
    record->fields.clear();
    if (ConsumeLineBreak()) continue;
    while (true) {
      std::string field;
      absl::Status status = ReadField(record->line, &field);
      if (!status.ok()) return status;
      // Fields become protobuf strings, which must be UTF-8.
      if (!google::protobuf::internal::IsStructurallyValidUTF8(
              field.data(), static_cast<int>(field.size()))) {
        return Error(record->line,
                     absl::StrCat("field ", record->fields.size() + 1,
                                  " is not valid UTF-8"));
      }
      record->fields.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      ConsumeLineBreak();
      return true;
    }
  }
  return false;
}

absl::Status CsvRecordReader::Error(int line, absl::string_view problem) const {
  return absl::InvalidArgumentError(
      absl::StrCat(file_name_, ":", line, ": ", problem));
}

absl::Status CsvRecordReader::ReadField(int record_line, std::string* field) {
  const auto at_field_end = [this] {
    return pos_ == text_.size() || text_[pos_] == ',' || text_[pos_] == '\n' ||
           text_.substr(pos_, 2) == "\r\n";
  };
  if (pos_ < text_.size() && text_[pos_] == '"') {
    ++pos_;
    while (true) {
      const size_t quote = text_.find('"', pos_);
      if (quote == absl::string_view::npos) {
        return Error(record_line, "unterminated quoted field");
      }
      const absl::string_view chunk = text_.substr(pos_, quote - pos_);
      line_ += static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n'));
      field->append(chunk.data(), chunk.size());
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        field->push_back('"');
        ++pos_;
        continue;
      }
      break;
    }
    if (!at_field_end()) {
      return Error(line_, "unexpected character after a closing quote");
    }
    return absl::OkStatus();
  }
  while (!at_field_end()) {
    if (text_[pos_] == '"') {
      return Error(line_,
                   "quote inside an unquoted field (quote the whole field "
                   "and double the quotes in it)");
    }
    field->push_back(text_[pos_++]);
  }
  return absl::OkStatus();
}

bool CsvRecordReader::ConsumeLineBreak() {
  if (pos_ < text_.size() && text_[pos_] == '\n') {
    ++pos_;
  } else if (text_.substr(pos_, 2) == "\r\n") {
    pos_ += 2;
  } else {
    return false;
  }
  ++line_;
  return true;
}

}  // namespace kg::loaders
