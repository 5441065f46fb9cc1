#include "kg/graph/encoding.h"

#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"

namespace kg::graph {
namespace {

// Type tags order values of different types; gaps leave room for more.
enum Tag : char {
  kBoolTag = 0x10,
  kIntTag = 0x20,
  kDoubleTag = 0x30,
  kDateTag = 0x40,
  kStringTag = 0x50,
};

constexpr uint64_t kSignBit = uint64_t{1} << 63;

// A 0x00 inside a string is escaped as 0x00 0xFF and the string ends with
// 0x00 0x01, so a shorter string orders before its extensions.
constexpr char kEscape = '\x00';
constexpr char kEscapedZero = '\xff';
constexpr char kTerminator = '\x01';

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ParseDigits(absl::string_view text, int* out) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty() && absl::SimpleAtoi(text, out);
}

}  // namespace

void PutFixed32BE(std::string* out, uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i, v >>= 8) buf[i] = static_cast<char>(v & 0xff);
  out->append(buf, 4);
}

void PutFixed64BE(std::string* out, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i, v >>= 8) buf[i] = static_cast<char>(v & 0xff);
  out->append(buf, 8);
}

bool GetFixed32BE(absl::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i) r = (r << 8) | static_cast<uint8_t>((*in)[i]);
  in->remove_prefix(4);
  *v = r;
  return true;
}

bool GetFixed64BE(absl::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  uint64_t r = 0;
  for (int i = 0; i < 8; ++i) r = (r << 8) | static_cast<uint8_t>((*in)[i]);
  in->remove_prefix(8);
  *v = r;
  return true;
}

absl::Status EncodeOrderedValue(const kg::v1::Value& value, std::string* out) {
  switch (value.kind_case()) {
    case kg::v1::Value::kBoolValue:
      out->push_back(kBoolTag);
      out->push_back(value.bool_value() ? 1 : 0);
      return absl::OkStatus();
    case kg::v1::Value::kIntValue:
      out->push_back(kIntTag);
      PutFixed64BE(out, static_cast<uint64_t>(value.int_value()) ^ kSignBit);
      return absl::OkStatus();
    case kg::v1::Value::kDoubleValue: {
      uint64_t bits;
      double d = value.double_value();
      if (d == 0) d = 0;  // -0.0 and 0.0 are one value.
      std::memcpy(&bits, &d, sizeof bits);
      out->push_back(kDoubleTag);
      PutFixed64BE(out, (bits & kSignBit) ? ~bits : bits | kSignBit);
      return absl::OkStatus();
    }
    case kg::v1::Value::kDateValue: {
      const kg::v1::Date& date = value.date_value();
      out->push_back(kDateTag);
      PutFixed32BE(out, static_cast<uint32_t>(date.year()) ^ 0x80000000u);
      out->push_back(static_cast<char>(date.month()));
      out->push_back(static_cast<char>(date.day()));
      return absl::OkStatus();
    }
    case kg::v1::Value::kStringValue:
      out->push_back(kStringTag);
      for (char c : value.string_value()) {
        out->push_back(c);
        if (c == kEscape) out->push_back(kEscapedZero);
      }
      out->push_back(kEscape);
      out->push_back(kTerminator);
      return absl::OkStatus();
    case kg::v1::Value::kListValue:
      return absl::InvalidArgumentError("a list value has no ordered encoding");
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("value: no type set");
}

absl::StatusOr<kg::v1::Value> DecodeOrderedValue(absl::string_view* in) {
  auto corrupt = [] { return absl::DataLossError("corrupt ordered value"); };
  if (in->empty()) return corrupt();
  char tag = in->front();
  in->remove_prefix(1);
  kg::v1::Value value;
  switch (tag) {
    case kBoolTag:
      if (in->empty()) return corrupt();
      value.set_bool_value(in->front() != 0);
      in->remove_prefix(1);
      return value;
    case kIntTag: {
      uint64_t v;
      if (!GetFixed64BE(in, &v)) return corrupt();
      value.set_int_value(static_cast<int64_t>(v ^ kSignBit));
      return value;
    }
    case kDoubleTag: {
      uint64_t v;
      if (!GetFixed64BE(in, &v)) return corrupt();
      uint64_t bits = (v & kSignBit) ? v & ~kSignBit : ~v;
      // The encoder writes -0.0 as 0.0, so bytes that decode to -0.0 were
      // never written by it.
      if (bits == kSignBit) return corrupt();
      double d;
      std::memcpy(&d, &bits, sizeof d);
      value.set_double_value(d);
      return value;
    }
    case kDateTag: {
      uint32_t year;
      if (!GetFixed32BE(in, &year) || in->size() < 2) return corrupt();
      kg::v1::Date* date = value.mutable_date_value();
      date->set_year(static_cast<int32_t>(year ^ 0x80000000u));
      date->set_month(static_cast<uint8_t>((*in)[0]));
      date->set_day(static_cast<uint8_t>((*in)[1]));
      in->remove_prefix(2);
      return value;
    }
    case kStringTag: {
      std::string* s = value.mutable_string_value();
      while (true) {
        if (in->size() < 2 && (in->empty() || in->front() == kEscape)) {
          return corrupt();
        }
        char c = in->front();
        in->remove_prefix(1);
        if (c != kEscape) {
          s->push_back(c);
          continue;
        }
        char next = in->front();
        in->remove_prefix(1);
        if (next == kTerminator) return value;
        if (next != kEscapedZero) return corrupt();
        s->push_back(kEscape);
      }
    }
    default:
      return corrupt();
  }
}

absl::StatusOr<kg::v1::Date> ParseDate(absl::string_view text) {
  auto bad = [&] {
    return absl::InvalidArgumentError(absl::StrFormat(
        "'%s' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", text));
  };
  kg::v1::Date date;
  int year = 0, month = 0, day = 0;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return bad();
  if (!ParseDigits(text.substr(0, 4), &year)) return bad();
  if (text.size() >= 7) {
    if (text[4] != '-' || !ParseDigits(text.substr(5, 2), &month) ||
        month < 1 || month > 12) {
      return bad();
    }
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !ParseDigits(text.substr(8, 2), &day) || day < 1 ||
        day > DaysInMonth(year, month)) {
      return bad();
    }
  }
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

std::string FormatDate(const kg::v1::Date& date) {
  if (date.month() == 0) return absl::StrFormat("%04d", date.year());
  if (date.day() == 0) {
    return absl::StrFormat("%04d-%02d", date.year(), date.month());
  }
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                         date.day());
}

bool LooksLikeDate(absl::string_view text) { return ParseDate(text).ok(); }

}  // namespace kg::graph
