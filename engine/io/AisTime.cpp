#include "io/AisTime.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "core/Log.h"

namespace corridor::io {
namespace {

// Reads a timestamp left to right; every step fails by returning false.
struct Scanner {
  std::string_view text;
  std::size_t at = 0;

  bool done() const { return at == text.size(); }
  char peek() const { return at < text.size() ? text[at] : '\0'; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++at;
    return true;
  }
  // Between `least` and `most` digits.
  bool number(std::size_t least, std::size_t most, int& out) {
    std::size_t count = 0;
    int value = 0;
    while (count < most && at < text.size() && unsigned(text[at] - '0') <= 9) {
      value = value * 10 + (text[at++] - '0');
      ++count;
    }
    out = value;
    return count >= least;
  }
  // Digits after a decimal point, as microseconds (digits beyond the sixth are dropped).
  bool fraction(std::int64_t& micros) {
    std::size_t count = 0;
    std::int64_t scale = 100000;
    while (at < text.size() && unsigned(text[at] - '0') <= 9) {
      if (count++ < 6) micros += (text[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
    return count >= 1 && count <= 9;
  }
};

struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::int64_t micros = 0;
  int offsetMinutes = 0;  // east of UTC
  bool hasClock = false, hasSeconds = false;
};

// Hours, minutes and seconds of a time of day (second 60: a leap second).
bool clockInRange(int hour, int minute, int second) { return hour <= 23 && minute <= 59 && second <= 60; }

std::optional<AisTime> assemble(const Fields& f) {
  static constexpr std::array<int, 12> kDaysInMonth = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (f.year < 1900 || f.year > 2200 || f.month < 1 || f.month > 12 || f.day < 1 ||
      f.day > kDaysInMonth[std::size_t(f.month - 1)] || !clockInRange(f.hour, f.minute, f.second)) {
    return {};
  }
  const bool leap = (f.year % 4 == 0 && f.year % 100 != 0) || f.year % 400 == 0;
  if (f.month == 2 && f.day == 29 && !leap) return {};
  const std::int64_t days = core::daysFromCivil(f.year, unsigned(f.month), unsigned(f.day));
  const std::int64_t minutes = (days * 24 + f.hour) * 60 + f.minute - f.offsetMinutes;
  const int resolution = !f.hasClock ? 86400 : f.hasSeconds ? 1 : 60;
  return AisTime{(minutes * 60 + f.second) * core::kMicrosPerSecond + f.micros, resolution};
}

// H:MM[:SS[.f]]
bool clock(Scanner& s, Fields& f, std::size_t hourDigitsLeast) {
  if (!s.number(hourDigitsLeast, 2, f.hour) || !s.accept(':') || !s.number(2, 2, f.minute)) return false;
  f.hasClock = true;
  if (!s.accept(':')) return true;
  f.hasSeconds = true;
  if (!s.number(2, 2, f.second)) return false;
  return !s.accept('.') || s.fraction(f.micros);
}

// Z, +HH, +HHMM, +HH:MM (or the same with '-').
bool zone(Scanner& s, Fields& f) {
  if (s.done() || s.accept('Z')) return s.done();
  const char sign = s.peek();
  if (sign != '+' && sign != '-') return false;
  ++s.at;
  int hours = 0, minutes = 0;
  if (!s.number(2, 2, hours)) return false;
  if (!s.done()) {
    s.accept(':');
    if (!s.number(2, 2, minutes)) return false;
  }
  if (hours > 14 || minutes > 59) return false;
  f.offsetMinutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
  return s.done();
}

// Bytes of a word that are all decimal digits where `digits` has 0xFF: each byte's xor with
// '0' is at most 9. A byte whose xor is 0x8A or more carries into the next, but fails itself.
bool allDigits(std::uint64_t word, std::uint64_t digits) {
  const std::uint64_t values = (word ^ 0x3030303030303030ull) & digits;
  return ((values | (values + (digits & 0x7676767676767676ull))) & (digits & 0x8080808080808080ull)) == 0;
}

// The two digits at `at`, as a number.
int twoDigits(std::string_view text, std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

// The day number of a valid "YYYY-MM-DD" (the first ten bytes of `text`): the last one met is
// kept per thread, as a file's rows share a handful of dates.
std::optional<std::int64_t> dayNumber(std::string_view text, std::uint64_t dateWord) {
  thread_local std::uint64_t cachedWord = 0;
  thread_local std::uint16_t cachedDay = 0;  // the day's two digits
  thread_local std::int64_t cachedDays = 0;
  std::uint16_t day;
  std::memcpy(&day, text.data() + 8, 2);
  if (dateWord == cachedWord && day == cachedDay) return cachedDays;
  Fields f;
  f.year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  f.month = twoDigits(text, 5);
  f.day = twoDigits(text, 8);
  const auto date = assemble(f);
  if (!date) return {};
  cachedWord = dateWord;
  cachedDay = day;
  cachedDays = date->time / (core::kMicrosPerSecond * 86400);
  return cachedDays;
}

// "YYYY-MM-DDTHH:MM:SS" (or with a space), MarineCadastre's form and so nearly every row read:
// its 19 bytes checked as two words and two bytes, its digits read at fixed places. Any other
// form is left to the scanner.
enum class FixedIso : std::uint8_t { NotThisForm, Invalid, Read };
FixedIso fixedIso(std::string_view text, AisTime& out) {
  static_assert(std::endian::native == std::endian::little, "the words below are read little-endian");
  if (text.size() != 19 || (text[10] != 'T' && text[10] != ' ')) return FixedIso::NotThisForm;
  // Little-endian words, a text's first byte lowest: "YYYY-MM-" and "HH:MM:SS".
  constexpr std::uint64_t kDateDigits = 0x00FFFF00FFFFFFFFull, kDateDashes = 0x2D00002D00000000ull;
  constexpr std::uint64_t kClockDigits = 0xFFFF00FFFF00FFFFull, kClockColons = 0x00003A00003A0000ull;
  std::uint64_t date, clock;
  std::memcpy(&date, text.data(), 8);
  std::memcpy(&clock, text.data() + 11, 8);
  if (!allDigits(date, kDateDigits) || (date & ~kDateDigits) != kDateDashes || unsigned(text[8] - '0') > 9 ||
      unsigned(text[9] - '0') > 9 || !allDigits(clock, kClockDigits) || (clock & ~kClockDigits) != kClockColons) {
    return FixedIso::NotThisForm;
  }
  const int hour = twoDigits(text, 11), minute = twoDigits(text, 14), second = twoDigits(text, 17);
  const auto days = dayNumber(text, date);
  if (!days || !clockInRange(hour, minute, second)) return FixedIso::Invalid;
  out = {(((*days * 24 + hour) * 60 + minute) * 60 + second) * core::kMicrosPerSecond, 1};
  return FixedIso::Read;
}

std::optional<AisTime> iso(std::string_view text) {
  AisTime fixed;
  if (const FixedIso read = fixedIso(text, fixed); read != FixedIso::NotThisForm) {
    return read == FixedIso::Read ? std::optional(fixed) : std::nullopt;
  }
  Fields f;
  Scanner s{text};
  if (!s.number(4, 4, f.year) || !s.accept('-') || !s.number(2, 2, f.month) || !s.accept('-') ||
      !s.number(2, 2, f.day)) {
    return {};
  }
  if (!s.done()) {
    if (!s.accept('T') && !s.accept(' ')) return {};
    if (!clock(s, f, 2) || !zone(s, f)) return {};
  }
  return assemble(f);
}

std::optional<AisTime> slashed(std::string_view text, bool monthFirst) {
  Scanner s{text};
  Fields f;
  int first = 0, second = 0;
  if (!s.number(1, 2, first) || !s.accept('/') || !s.number(1, 2, second) || !s.accept('/') ||
      !s.number(4, 4, f.year)) {
    return {};
  }
  f.day = monthFirst ? second : first;
  f.month = monthFirst ? first : second;
  if (s.done()) return assemble(f);
  if ((!s.accept(' ') && !s.accept('T')) || !clock(s, f, 1)) return {};
  if (s.accept(' ')) {  // 12-hour clock
    const std::string_view rest = text.substr(s.at);
    const bool pm = rest == "PM" || rest == "pm";
    if (!pm && rest != "AM" && rest != "am") return {};
    if (f.hour < 1 || f.hour > 12) return {};
    f.hour = f.hour % 12 + (pm ? 12 : 0);
    s.at = text.size();
  }
  return s.done() ? assemble(f) : std::nullopt;
}

// YYYYMMDD_HHMMSS or YYYYMMDDHHMMSS.
std::optional<AisTime> compact(std::string_view text) {
  Scanner s{text};
  Fields f;
  f.hasClock = f.hasSeconds = true;
  if (!s.number(4, 4, f.year) || !s.number(2, 2, f.month) || !s.number(2, 2, f.day)) return {};
  s.accept('_');
  if (!s.number(2, 2, f.hour) || !s.number(2, 2, f.minute) || !s.number(2, 2, f.second) || !s.done()) return {};
  return assemble(f);
}

std::optional<AisTime> epoch(std::string_view text, AisTimeFormat format) {
  Scanner s{text};
  std::int64_t whole = 0;
  std::size_t digits = 0;
  while (!s.done() && unsigned(s.peek() - '0') <= 9 && digits < 16) {
    whole = whole * 10 + (s.peek() - '0');
    ++s.at;
    ++digits;
  }
  std::int64_t micros = 0;
  if (digits == 0 || (s.accept('.') && !s.fraction(micros)) || !s.done()) return {};
  const bool millis = format == AisTimeFormat::EpochMillis || (format != AisTimeFormat::EpochSeconds && digits == 13);
  if (format != AisTimeFormat::EpochSeconds && format != AisTimeFormat::EpochMillis && (digits < 9 || digits > 13)) {
    return {};
  }
  // Before 2200 as calendar times (and far from overflowing the microseconds).
  constexpr std::int64_t kSecondsTo2200 = 7258118400LL;
  if ((millis ? whole / 1000 : whole) >= kSecondsTo2200) return {};
  return AisTime{millis ? whole * 1000 + micros / 1000 : whole * core::kMicrosPerSecond + micros, 1};
}

}  // namespace

std::optional<AisTime> parseAisTime(std::string_view text, AisTimeFormat format) {
  if (text.size() < 6) return {};
  if (text[4] == '-') return iso(text);
  if (text.find('/') != std::string_view::npos) return slashed(text, format == AisTimeFormat::MonthFirst);
  if (text.size() >= 14 && text.size() <= 15 && format != AisTimeFormat::EpochSeconds &&
      format != AisTimeFormat::EpochMillis) {
    if (auto time = compact(text)) return time;
  }
  return epoch(text, format);
}

AisTimeFormat slashDateOrder(const std::vector<std::string>& samples) {
  bool dayFirst = false, monthFirst = false;
  for (const std::string& text : samples) {
    Scanner s{text};
    int first = 0, second = 0;
    if (!s.number(1, 2, first) || !s.accept('/') || !s.number(1, 2, second) || !s.accept('/')) continue;
    dayFirst |= first > 12 && first <= 31;
    monthFirst |= second > 12 && second <= 31;
  }
  if (dayFirst == monthFirst) return AisTimeFormat::Auto;
  return dayFirst ? AisTimeFormat::DayFirst : AisTimeFormat::MonthFirst;
}

AisTimeFormat fileTimeFormat(AisTimeFormat given, const std::vector<std::string>& samples, std::string_view file) {
  if (given != AisTimeFormat::Auto) return given;
  const AisTimeFormat order = slashDateOrder(samples);
  const auto slashed = std::find_if(samples.begin(), samples.end(), [](const std::string& t) { return t.find('/') != t.npos; });
  if (order == AisTimeFormat::Auto && slashed != samples.end()) {
    core::logWarn(std::string(file) + ": the first rows do not settle whether dates such as '" + *slashed +
                  "' are day or month first; they are read day first (--time-format mdy reads them month first)");
  }
  return order;
}

std::string badTimeDetail(std::string_view text, AisTimeFormat format) {
  std::string detail = "time '" + std::string(text.substr(0, 40)) + "' is not a timestamp";
  if (text.find('/') == std::string_view::npos) return detail;
  return format == AisTimeFormat::MonthFirst ? detail + " (read month first; --time-format dmy reads day first)"
                                             : detail + " (read day first; --time-format mdy reads month first)";
}

std::optional<AisTimeFormat> parseAisTimeFormat(std::string_view name) {
  if (name == "auto") return AisTimeFormat::Auto;
  if (name == "dmy") return AisTimeFormat::DayFirst;
  if (name == "mdy") return AisTimeFormat::MonthFirst;
  if (name == "epoch-s") return AisTimeFormat::EpochSeconds;
  if (name == "epoch-ms") return AisTimeFormat::EpochMillis;
  return {};
}

}  // namespace corridor::io
