#pragma once
// How the fast parser reads AIS numbers. In a header, inline: the CSV parser reads six numbers
// a row, and calls across files (which the compiler cannot inline) cost a tenth of its time.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace corridor::io {

// Without spaces, tabs and a trailing CR.
inline std::string_view trimField(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

namespace detail {

inline constexpr std::uint64_t kPowersOfTen[] = {
    1,           10,           100,           1000,           10000,           100000,
    1000000,     10000000,     100000000,     1000000000,     10000000000,     100000000000,
    1000000000000, 10000000000000, 100000000000000, 1000000000000000};

// [-]digits[.digits] with at most 15 digits, the form of nearly every AIS number, as its digits
// and where the point was.
struct PlainDecimal {
  std::uint64_t digits = 0;
  std::size_t decimals = 0;
  bool negative = false;

  // The digits as an integer over an exact power of ten: the correctly rounded value, as
  // from_chars gives, at a fraction of its cost. A whole number (MMSI, heading: a third of a
  // row's numbers) is not divided. Below 2^63: converted as signed, without the check an
  // unsigned conversion makes.
  double value() const {
    double value = double(std::int64_t(digits));
    if (decimals != 0) value /= double(std::int64_t(kPowersOfTen[decimals]));
    return negative ? -value : value;
  }
};

inline bool readPlainDecimal(std::string_view text, PlainDecimal& out) {
  const char* p = text.data();
  const char* const end = p + text.size();
  out.negative = p < end && *p == '-';
  p += out.negative;
  std::uint64_t digits = 0;
  const char* const whole = p;
  for (; p < end && unsigned(*p - '0') <= 9; ++p) digits = digits * 10 + unsigned(*p - '0');
  const auto wholeDigits = p - whole;
  std::ptrdiff_t decimals = 0;
  if (p < end && *p == '.') {
    const char* const fraction = ++p;
    for (; p < end && unsigned(*p - '0') <= 9; ++p) digits = digits * 10 + unsigned(*p - '0');
    decimals = p - fraction;
  }
  // Past 15 digits the integer may have wrapped; from_chars decides then.
  if (p != end || wholeDigits + decimals == 0 || wholeDigits + decimals > 15) return false;
  out.digits = digits;
  out.decimals = std::size_t(decimals);
  return true;
}

#ifdef __SSE2__
// A mask of the first `count` (0 to 16) lanes, loaded from where 16 set bytes meet 16 clear ones:
// cheaper than broadcasting the count, which SSE2 does in four steps.
inline __m128i firstLanes(std::size_t count) {
  alignas(32) static constexpr unsigned char kSetThenClear[32] = {
      0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(kSetThenClear + 16 - count));
}

// readPlainDecimal for a field whose last 16 bytes can be read from its end backwards (inside a
// parser's chunk, every field but those of its first bytes): loaded so that the field ends the
// register, checked by two compares, the integer part moved one byte up over the point, and the
// digits summed in pairs, fours and eights by three multiply-adds. No branch depends on how many
// digits the field has, which varies from row to row.
inline bool readPlainDecimalRightAligned(std::string_view text, PlainDecimal& out) {
  const char* p = text.data();
  std::size_t n = text.size();
  out.negative = n > 0 && *p == '-';
  p += out.negative;
  n -= out.negative;
  if (n - 1 >= 16) return false;  // empty, or longer than a register
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
  const __m128i values = _mm_sub_epi8(bytes, _mm_set1_epi8('0'));
  const unsigned field = (0xFFFFu << (16 - n)) & 0xFFFFu;  // the lanes holding the field
  const unsigned digits =
      unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(values, _mm_set1_epi8(9)), values))) & field;
  const unsigned points = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.')))) & field;
  const std::size_t digitCount = n - (points != 0);
  if ((digits | points) != field || (points & (points - 1)) != 0 || digitCount == 0 || digitCount > 15) return false;
  const int point = points != 0 ? __builtin_ctz(points) : -1;  // its lane
  out.decimals = points != 0 ? std::size_t(15 - point) : 0;
  // Lanes up to the point take the lane below: the digits end the register, without a gap.
  const __m128i moved = firstLanes(std::size_t(point + 1));
  __m128i number = _mm_or_si128(_mm_and_si128(moved, _mm_slli_si128(values, 1)), _mm_andnot_si128(moved, values));
  number = _mm_andnot_si128(firstLanes(16 - digitCount), number);  // leading zeros
  const __m128i zero = _mm_setzero_si128(), tens = _mm_setr_epi16(10, 1, 10, 1, 10, 1, 10, 1);
  const __m128i pairs = _mm_packs_epi32(_mm_madd_epi16(_mm_unpacklo_epi8(number, zero), tens),
                                        _mm_madd_epi16(_mm_unpackhi_epi8(number, zero), tens));
  const __m128i fours = _mm_madd_epi16(pairs, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
  const __m128i eights =
      _mm_madd_epi16(_mm_packs_epi32(fours, fours), _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
  const auto high = std::uint64_t(std::uint32_t(_mm_cvtsi128_si32(eights)));
  const auto low = std::uint64_t(std::uint32_t(_mm_cvtsi128_si32(_mm_srli_si128(eights, 4))));
  out.digits = high * 100000000 + low;
  return true;
}
#endif

// A field that is a plain decimal as it stands (16 bytes at a time where the bytes before its end
// can be read from `readableBegin` on), or once trimmed.
inline bool readPlainField(std::string_view field, [[maybe_unused]] const char* readableBegin, PlainDecimal& out) {
#ifdef __SSE2__
  const bool wide = readableBegin != nullptr && field.data() + field.size() - readableBegin >= 16;
  if (wide && readPlainDecimalRightAligned(field, out)) return true;
#endif
  return readPlainDecimal(trimField(field), out);
}

}  // namespace detail

// A plain decimal with at most `decimals` decimals (0 to 7) as an integer count of 10^-decimals:
// "-118.25" at 7 is -1,182,500,000. False for anything else, parseAisNumber deciding then.
inline bool parseAisExact(std::string_view field, std::size_t decimals, std::int64_t& out,
                          const char* readableBegin = nullptr) {
  using detail::kPowersOfTen;
  detail::PlainDecimal plain;
  if (decimals > 7 || !detail::readPlainField(field, readableBegin, plain) || plain.decimals > decimals) return false;
  // Up to 922,337,203,685, whatever the scale, 7 more places still fit in 64 bits; the larger
  // (15 digits with 7 places would be 10^22) are left to doubles.
  if (plain.digits > std::uint64_t(std::numeric_limits<std::int64_t>::max()) / kPowersOfTen[7]) return false;
  const auto value = std::int64_t(plain.digits * kPowersOfTen[decimals - plain.decimals]);
  out = plain.negative ? -value : value;
  return true;
}

}  // namespace corridor::io
