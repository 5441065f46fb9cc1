// Order-preserving key encodings: property-based checks over random values
// that memcmp order of encodings is value order, that decoding inverts
// encoding and consumes exactly the encoding, and the date text forms.
#include "kg/graph/encoding.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/escaping.h"
#include "test_util.h"

namespace kg::graph {
namespace {

using graph::BoolValue;
using graph::DoubleValue;
using graph::IntValue;
using graph::StringValue;
using test::DateValue;

constexpr int kRounds = 5000;

int Sign(int v) { return (v > 0) - (v < 0); }

// Rank of a value's type in the encoding's type order.
int TypeRank(const kg::v1::Value& v) {
  switch (v.kind_case()) {
    case kg::v1::Value::kBoolValue:
      return 0;
    case kg::v1::Value::kIntValue:
      return 1;
    case kg::v1::Value::kDoubleValue:
      return 2;
    case kg::v1::Value::kDateValue:
      return 3;
    case kg::v1::Value::kStringValue:
      return 4;
    default:
      return -1;
  }
}

// The reference order: by type, then as values of that type compare
// (-0.0 == 0.0; dates field by field with 0 = "not stated" first; strings
// as unsigned bytes).
int CompareValues(const kg::v1::Value& a, const kg::v1::Value& b) {
  int ta = TypeRank(a), tb = TypeRank(b);
  if (ta != tb) return ta < tb ? -1 : 1;
  auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (a.kind_case()) {
    case kg::v1::Value::kBoolValue:
      return cmp(a.bool_value(), b.bool_value());
    case kg::v1::Value::kIntValue:
      return cmp(a.int_value(), b.int_value());
    case kg::v1::Value::kDoubleValue:
      return cmp(a.double_value(), b.double_value());
    case kg::v1::Value::kDateValue: {
      const kg::v1::Date& x = a.date_value();
      const kg::v1::Date& y = b.date_value();
      return cmp(std::make_tuple(x.year(), x.month(), x.day()),
                 std::make_tuple(y.year(), y.month(), y.day()));
    }
    case kg::v1::Value::kStringValue:
      // std::string compares as unsigned bytes, like memcmp.
      return Sign(a.string_value().compare(b.string_value()));
    default:
      return 0;
  }
}

bool SameValue(const kg::v1::Value& a, const kg::v1::Value& b) {
  if (a.kind_case() != b.kind_case()) return false;
  if (a.has_double_value()) {
    // Bit-exact, except that -0.0 is stored as 0.0.
    double x = a.double_value() == 0 ? 0.0 : a.double_value();
    double y = b.double_value();
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  switch (a.kind_case()) {
    case kg::v1::Value::kBoolValue:
      return a.bool_value() == b.bool_value();
    case kg::v1::Value::kIntValue:
      return a.int_value() == b.int_value();
    case kg::v1::Value::kDateValue:
      return a.date_value().year() == b.date_value().year() &&
             a.date_value().month() == b.date_value().month() &&
             a.date_value().day() == b.date_value().day();
    case kg::v1::Value::kStringValue:
      return a.string_value() == b.string_value();
    default:
      return false;
  }
}

std::string Encode(const kg::v1::Value& v) {
  std::string out;
  absl::Status s = EncodeOrderedValue(v, &out);
  EXPECT_TRUE(s.ok()) << s;
  return out;
}

std::string Describe(const kg::v1::Value& v) {
  return v.ShortDebugString() + " -> " + absl::BytesToHexString(Encode(v));
}

int DaysIn(int year, int month) {
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2) return leap ? 29 : 28;
  return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

class RandomValues {
 public:
  explicit RandomValues(uint64_t seed) : rng_(seed) {}

  int64_t Int() {
    static constexpr int64_t kEdges[] = {
        std::numeric_limits<int64_t>::min(),
        std::numeric_limits<int64_t>::min() + 1,
        -256,
        -1,
        0,
        1,
        255,
        256,
        std::numeric_limits<int64_t>::max() - 1,
        std::numeric_limits<int64_t>::max()};
    switch (Uniform(4)) {
      case 0:
        return kEdges[Uniform(std::size(kEdges))];
      case 1:
        return static_cast<int64_t>(Uniform(201)) - 100;
      default:
        return static_cast<int64_t>(rng_());
    }
  }

  double Double() {
    static const double kEdges[] = {-std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::max(),
                                    -1.0,
                                    -std::numeric_limits<double>::min(),
                                    -std::numeric_limits<double>::denorm_min(),
                                    -0.0,
                                    0.0,
                                    std::numeric_limits<double>::denorm_min(),
                                    std::numeric_limits<double>::min(),
                                    1.0,
                                    std::numeric_limits<double>::max(),
                                    std::numeric_limits<double>::infinity()};
    switch (Uniform(5)) {
      case 0:
        return kEdges[Uniform(std::size(kEdges))];
      case 1: {  // Denormals of either sign.
        double d = std::numeric_limits<double>::denorm_min() *
                   static_cast<double>(Uniform(1 << 20) + 1);
        return Uniform(2) ? d : -d;
      }
      case 2:
        return static_cast<double>(static_cast<int>(Uniform(21)) - 10) / 4;
      default: {  // Any bit pattern that is not NaN.
        while (true) {
          uint64_t bits = rng_();
          double d;
          std::memcpy(&d, &bits, sizeof d);
          if (!std::isnan(d)) return d;
        }
      }
    }
  }

  // Short strings over bytes that stress the escaping (0x00, 0x01, 0xFF),
  // so that equal strings and prefixes of one another are frequent.
  std::string String() {
    static constexpr char kBytes[] = {'\x00', '\x01', '\xfe', '\xff', 'a', 'b'};
    size_t n = Uniform(7);
    std::string s;
    for (size_t i = 0; i < n; ++i) {
      s.push_back(Uniform(8) == 0 ? static_cast<char>(Uniform(256))
                                  : kBytes[Uniform(std::size(kBytes))]);
    }
    return s;
  }

  kg::v1::Value Date() {
    static constexpr int kYears[] = {0, 1, 999, 1999, 2000, 2018, 2019, 9999};
    int year = Uniform(2) ? kYears[Uniform(std::size(kYears))]
                          : static_cast<int>(Uniform(10000));
    switch (Uniform(3)) {
      case 0:
        return DateValue(year);
      case 1:
        return DateValue(year, static_cast<int>(Uniform(12)) + 1);
      default: {
        int month = static_cast<int>(Uniform(12)) + 1;
        int day = static_cast<int>(Uniform(DaysIn(year, month))) + 1;
        return DateValue(year, month, day);
      }
    }
  }

  kg::v1::Value Any() {
    switch (Uniform(5)) {
      case 0:
        return BoolValue(Uniform(2));
      case 1:
        return IntValue(Int());
      case 2:
        return DoubleValue(Double());
      case 3:
        return Date();
      default:
        return StringValue(String());
    }
  }

  // A value close to `v` (same type, often equal or adjacent), so that
  // pairs exercise equality and near neighbours, not only far-apart values.
  kg::v1::Value Near(const kg::v1::Value& v) {
    switch (v.kind_case()) {
      case kg::v1::Value::kIntValue: {
        int64_t i = v.int_value();
        int64_t d = static_cast<int64_t>(Uniform(3)) - 1;
        if ((d > 0 && i == std::numeric_limits<int64_t>::max()) ||
            (d < 0 && i == std::numeric_limits<int64_t>::min())) {
          d = 0;
        }
        return IntValue(i + d);
      }
      case kg::v1::Value::kDoubleValue: {
        double d = v.double_value();
        switch (Uniform(3)) {
          case 0:
            return DoubleValue(d);
          case 1:
            return DoubleValue(
                std::nextafter(d, std::numeric_limits<double>::infinity()));
          default:
            return DoubleValue(
                std::nextafter(d, -std::numeric_limits<double>::infinity()));
        }
      }
      case kg::v1::Value::kStringValue: {
        std::string s = v.string_value();
        switch (Uniform(3)) {
          case 0:
            return StringValue(s.substr(0, Uniform(s.size() + 1)));
          case 1:
            return StringValue(s + String());
          default:
            return StringValue(s);
        }
      }
      default:
        return Any();
    }
  }

  uint64_t Uniform(uint64_t n) { return rng_() % n; }
  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
};

TEST(FixedWidthTest, BigEndianRoundTripsAndOrders) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < kRounds; ++i) {
    uint64_t a = rng() >> (rng() % 64), b = rng() >> (rng() % 64);
    std::string ea, eb;
    PutFixed64BE(&ea, a);
    PutFixed64BE(&eb, b);
    ASSERT_EQ(ea.size(), 8u);
    EXPECT_EQ(Sign(ea.compare(eb)), a < b ? -1 : (a > b ? 1 : 0));
    absl::string_view in = ea;
    uint64_t back;
    ASSERT_TRUE(GetFixed64BE(&in, &back));
    EXPECT_EQ(back, a);
    EXPECT_TRUE(in.empty());

    uint32_t a32 = static_cast<uint32_t>(a), b32 = static_cast<uint32_t>(b);
    std::string fa, fb;
    PutFixed32BE(&fa, a32);
    PutFixed32BE(&fb, b32);
    EXPECT_EQ(Sign(fa.compare(fb)), a32 < b32 ? -1 : (a32 > b32 ? 1 : 0));
    in = fa;
    uint32_t back32;
    ASSERT_TRUE(GetFixed32BE(&in, &back32));
    EXPECT_EQ(back32, a32);
  }
  absl::string_view short_input("abc");
  uint32_t v32;
  uint64_t v64;
  EXPECT_FALSE(GetFixed32BE(&short_input, &v32));
  EXPECT_FALSE(GetFixed64BE(&short_input, &v64));
  EXPECT_EQ(short_input, "abc");
}

// Runs the order property over `rounds` pairs drawn by `draw`.
template <typename Draw>
void CheckOrder(RandomValues& random, Draw draw, int rounds) {
  for (int i = 0; i < rounds; ++i) {
    kg::v1::Value a = draw();
    kg::v1::Value b = random.Uniform(2) ? random.Near(a) : draw();
    std::string ea = Encode(a), eb = Encode(b);
    int want = CompareValues(a, b);
    ASSERT_EQ(Sign(ea.compare(eb)), want)
        << Describe(a) << "\n vs " << Describe(b);
    // Index keys append a node id: the order of two different values must
    // not depend on what follows them.
    if (want != 0) {
      std::string sa = ea + std::string(8, '\xff');
      std::string sb = eb + std::string(8, '\x00');
      ASSERT_EQ(Sign(sa.compare(sb)), want)
          << Describe(a) << "\n vs " << Describe(b);
    }
  }
}

TEST(OrderedValueTest, IntOrderIsMemcmpOrder) {
  RandomValues random(1);
  CheckOrder(
      random, [&] { return IntValue(random.Int()); }, kRounds);
}

TEST(OrderedValueTest, DoubleOrderIsMemcmpOrder) {
  RandomValues random(2);
  CheckOrder(
      random, [&] { return DoubleValue(random.Double()); }, kRounds);
}

TEST(OrderedValueTest, StringOrderIsMemcmpOrder) {
  RandomValues random(3);
  CheckOrder(
      random, [&] { return StringValue(random.String()); }, kRounds);
}

TEST(OrderedValueTest, DateOrderIsMemcmpOrder) {
  RandomValues random(4);
  CheckOrder(
      random, [&] { return random.Date(); }, kRounds);
}

TEST(OrderedValueTest, BoolOrderIsMemcmpOrder) {
  RandomValues random(5);
  CheckOrder(
      random, [&] { return BoolValue(random.Uniform(2)); }, 200);
}

TEST(OrderedValueTest, MixedTypesOrderByTypeTag) {
  RandomValues random(6);
  CheckOrder(
      random, [&] { return random.Any(); }, 4 * kRounds);
  // The tag decides whatever the values: true < INT64_MIN < -inf <
  // year 0 < "".
  std::vector<kg::v1::Value> ascending = {
      BoolValue(false),
      BoolValue(true),
      IntValue(std::numeric_limits<int64_t>::min()),
      IntValue(std::numeric_limits<int64_t>::max()),
      DoubleValue(-std::numeric_limits<double>::infinity()),
      DoubleValue(std::numeric_limits<double>::infinity()),
      DateValue(0),
      DateValue(9999, 12, 31),
      StringValue(""),
      StringValue("\xff\xff")};
  for (size_t i = 0; i + 1 < ascending.size(); ++i) {
    EXPECT_LT(Encode(ascending[i]), Encode(ascending[i + 1]))
        << Describe(ascending[i]) << "\n vs " << Describe(ascending[i + 1]);
  }
}

TEST(OrderedValueTest, SpecificOrders) {
  // Dates: a year before its months, a month before its days.
  EXPECT_LT(Encode(DateValue(2018)), Encode(DateValue(2018, 1)));
  EXPECT_LT(Encode(DateValue(2018, 1)), Encode(DateValue(2018, 1, 1)));
  EXPECT_LT(Encode(DateValue(2018, 12, 31)), Encode(DateValue(2019)));
  // Strings: a prefix first; an embedded 0x00 after the end of the string
  // and before 0x01.
  EXPECT_LT(Encode(StringValue("a")),
            Encode(StringValue(std::string("a\0", 2))));
  EXPECT_LT(Encode(StringValue(std::string("a\0", 2))),
            Encode(StringValue("a\x01")));
  EXPECT_LT(Encode(StringValue(std::string("a\0\xff", 3))),
            Encode(StringValue("a\x01")));
  EXPECT_LT(Encode(StringValue("a\xfe")), Encode(StringValue("a\xff")));
  // Doubles: -0.0 and 0.0 are one value.
  EXPECT_EQ(Encode(DoubleValue(-0.0)), Encode(DoubleValue(0.0)));
  EXPECT_LT(Encode(DoubleValue(-std::numeric_limits<double>::denorm_min())),
            Encode(DoubleValue(0.0)));
  EXPECT_LT(Encode(DoubleValue(0.0)),
            Encode(DoubleValue(std::numeric_limits<double>::denorm_min())));
}

TEST(OrderedValueTest, DecodeInvertsEncodeAndConsumesExactly) {
  RandomValues random(8);
  for (int i = 0; i < 4 * kRounds; ++i) {
    kg::v1::Value v = random.Any();
    std::string encoded = Encode(v);
    std::string trailer;
    for (int k = 0; k < 8; ++k) {
      trailer.push_back(static_cast<char>(random.Uniform(256)));
    }
    std::string key = encoded + trailer;
    absl::string_view in = key;
    absl::StatusOr<kg::v1::Value> back = DecodeOrderedValue(&in);
    ASSERT_TRUE(back.ok()) << back.status() << " for " << Describe(v);
    EXPECT_TRUE(SameValue(v, *back))
        << Describe(v) << " decoded as " << back->ShortDebugString();
    EXPECT_EQ(in, trailer) << Describe(v);
  }
}

TEST(OrderedValueTest, RejectsListsUnsetAndCorruptInput) {
  std::string out;
  EXPECT_EQ(EncodeOrderedValue(test::ListValue({IntValue(1)}), &out).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(EncodeOrderedValue(kg::v1::Value(), &out).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(out.empty());

  std::string int_encoding = Encode(IntValue(5));
  std::string string_encoding = Encode(StringValue(std::string("x\0y", 3)));
  const std::string corrupt[] = {
      "",                                    // Nothing.
      std::string("\x7f", 1),                // Unknown tag.
      Encode(BoolValue(true)).substr(0, 1),  // Bool without its byte.
      int_encoding.substr(0, int_encoding.size() - 1),
      Encode(DateValue(2018, 5, 24)).substr(0, 6),
      string_encoding.substr(0, string_encoding.size() - 1),
      string_encoding.substr(0, string_encoding.size() - 2),
      std::string("\x50"
                  "ab\x00\x02",
                  5),  // Bad escape.
      std::string("\x50"
                  "ab",
                  3),  // No terminator.
      // -0.0's bytes: the encoder writes 0.0 for it, so it never wrote these.
      std::string("\x30\x7f\xff\xff\xff\xff\xff\xff\xff", 9),
  };
  for (const std::string& bytes : corrupt) {
    absl::string_view in = bytes;
    EXPECT_FALSE(DecodeOrderedValue(&in).ok()) << absl::BytesToHexString(bytes);
  }
}

TEST(DateTest, FormatParseRoundTripsAllPrecisions) {
  RandomValues random(9);
  for (int i = 0; i < kRounds; ++i) {
    kg::v1::Date date = random.Date().date_value();
    std::string text = FormatDate(date);
    EXPECT_EQ(text.size(), date.month() == 0 ? 4u
                           : date.day() == 0 ? 7u
                                             : 10u)
        << text;
    absl::StatusOr<kg::v1::Date> parsed = ParseDate(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status();
    EXPECT_TRUE(SameValue(
        test::DateValue(parsed->year(), parsed->month(), parsed->day()),
        test::DateValue(date.year(), date.month(), date.day())))
        << text;
    EXPECT_TRUE(LooksLikeDate(text));
    EXPECT_EQ(FormatDate(*parsed), text);
  }
}

TEST(DateTest, ParsesTheThreeForms) {
  absl::StatusOr<kg::v1::Date> d = ParseDate("2018");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year(), 2018);
  EXPECT_EQ(d->month(), 0);
  EXPECT_EQ(d->day(), 0);
  d = ParseDate("2018-05");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->month(), 5);
  EXPECT_EQ(d->day(), 0);
  d = ParseDate("2018-05-24");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->day(), 24);
  // Leap years.
  EXPECT_TRUE(ParseDate("2020-02-29").ok());
  EXPECT_TRUE(ParseDate("2000-02-29").ok());
  EXPECT_FALSE(ParseDate("1900-02-29").ok());
  EXPECT_EQ(FormatDate(*ParseDate("0005-01")), "0005-01");
}

TEST(DateTest, RejectsMalformedDates) {
  for (const char* text :
       {"2019-02-29", "2020-13",       "20",         "2020-1-01",  "",
        "2020-00",    "2020-01-00",    "2020-04-31", "2020-12-32", "202a",
        "2020/01",    "2020-01-01T00", "-202",       "+2020",      "2020-",
        "2020-01-",   " 2020",         "2020 ",      "20200101",   "2020-1",
        "2020-001"}) {
    EXPECT_FALSE(ParseDate(text).ok()) << text;
    EXPECT_FALSE(LooksLikeDate(text)) << text;
  }
  absl::Status s = ParseDate("2019-02-29").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("2019-02-29"), absl::string_view::npos) << s;
}

}  // namespace
}  // namespace kg::graph
