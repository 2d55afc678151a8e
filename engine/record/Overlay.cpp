#include "record/Overlay.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <vector>

// Debian's libstb holds the implementation; ImGui uses the same one (a second copy here would
// clash with it: stb_truetype's fallback rectangle packer is not ImGui's).
#include <stb_truetype.h>

namespace corridor::record {
namespace {

// The code points of UTF-8 text; malformed bytes become U+FFFD.
std::vector<int> codepoints(std::string_view text) {
  std::vector<int> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + std::size_t(length) > text.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    int code = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + std::size_t(k)]) & 0x3F);
    out.push_back(code);
    i += std::size_t(length);
  }
  return out;
}

// How far the pen moves after code point i (its advance plus the kerning with the next).
float advance(const stbtt_fontinfo& info, const std::vector<int>& codes, std::size_t i, float scale) {
  int advanceWidth = 0, bearing = 0;
  stbtt_GetCodepointHMetrics(&info, codes[i], &advanceWidth, &bearing);
  const int kern = i + 1 < codes.size() ? stbtt_GetCodepointKernAdvance(&info, codes[i], codes[i + 1]) : 0;
  return float(advanceWidth + kern) * scale;
}

}  // namespace

std::optional<ScreenBox> placeBeside(float x, float y, float width, float height, float gapX, float gapY,
                                     float frameWidth, const std::vector<ScreenBox>& taken) {
  for (const bool below : {false, true}) {
    for (const bool left : {false, true}) {
      const float x0 = left ? x - gapX - width : x + gapX;
      const float y0 = below ? y + gapY : y - gapY - height;
      const ScreenBox box{x0, y0, x0 + width, y0 + height};
      if (box.left < 0 || box.right > frameWidth) continue;
      if (std::none_of(taken.begin(), taken.end(), [&](const ScreenBox& other) { return box.overlaps(other); })) {
        return box;
      }
    }
  }
  return std::nullopt;
}

struct Font::Data {
  std::vector<unsigned char> bytes;
  stbtt_fontinfo info{};
};

Font::Font(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Font::~Font() = default;
Font::Font(Font&&) noexcept = default;
Font& Font::operator=(Font&&) noexcept = default;

core::Result<Font> Font::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::dataError(path.string() + ": cannot read the font (install fonts-dejavu-core)");
  auto data = std::make_unique<Data>();
  data->bytes.assign(std::istreambuf_iterator<char>(in), {});
  if (!stbtt_InitFont(&data->info, data->bytes.data(), stbtt_GetFontOffsetForIndex(data->bytes.data(), 0))) {
    return core::dataError(path.string() + ": not a TrueType font");
  }
  return Font(std::move(data));
}

core::Result<Font> Font::dejaVu(bool bold) {
  return load(bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                   : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
}

float Font::measure(std::string_view text, float pixelHeight) const {
  const float scale = stbtt_ScaleForPixelHeight(&data_->info, pixelHeight);
  const std::vector<int> codes = codepoints(text);
  float width = 0;
  for (std::size_t i = 0; i < codes.size(); ++i) width += advance(data_->info, codes, i, scale);
  return width;
}

void OverlayPainter::blend(int x, int y, const core::Rgba& color, float coverage) {
  if (x < 0 || y < 0 || x >= image_.width || y >= image_.height || coverage <= 0) return;
  const float a = std::min(1.0f, coverage * color[3] / 255.0f);
  std::uint8_t* pixel = &image_.pixels[(std::size_t(y) * std::size_t(image_.width) + std::size_t(x)) * 4];
  for (int c = 0; c < 3; ++c) pixel[c] = std::uint8_t(std::lround(pixel[c] * (1 - a) + color[std::size_t(c)] * a));
}

void OverlayPainter::text(const Font& font, std::string_view utf8, float x, float baselineY, float pixelHeight,
                          const core::Rgba& color, float opacity) {
  const stbtt_fontinfo& info = font.data_->info;
  const float scale = stbtt_ScaleForPixelHeight(&info, pixelHeight);
  const std::vector<int> codes = codepoints(utf8);
  std::vector<unsigned char> bitmap;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    // Glyphs are placed at sub-pixel positions: text keeps its shape at any size.
    const float shiftX = x - std::floor(x);
    int x0, y0, x1, y1;
    stbtt_GetCodepointBitmapBoxSubpixel(&info, codes[i], scale, scale, shiftX, 0, &x0, &y0, &x1, &y1);
    const int w = x1 - x0, h = y1 - y0;
    if (w > 0 && h > 0) {
      bitmap.assign(std::size_t(w) * std::size_t(h), 0);
      stbtt_MakeCodepointBitmapSubpixel(&info, bitmap.data(), w, h, w, scale, scale, shiftX, 0, codes[i]);
      const int left = int(std::floor(x)) + x0, top = int(std::lround(baselineY)) + y0;
      for (int row = 0; row < h; ++row) {
        for (int column = 0; column < w; ++column) {
          blend(left + column, top + row, color, opacity * bitmap[std::size_t(row * w + column)] / 255.0f);
        }
      }
    }
    x += advance(info, codes, i, scale);
  }
}

void OverlayPainter::rectangle(int x, int y, int width, int height, const core::Rgba& color, float opacity) {
  for (int row = std::max(0, y); row < std::min(image_.height, y + height); ++row) {
    for (int column = std::max(0, x); column < std::min(image_.width, x + width); ++column) {
      blend(column, row, color, opacity);
    }
  }
}

}  // namespace corridor::record
