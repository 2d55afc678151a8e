#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/Image.h"
#include "core/Result.h"

namespace corridor::record {

// A TrueType font (DejaVu Sans from fonts-dejavu-core by default), rasterised with
// stb_truetype at whatever size a frame needs, so burned-in text is as crisp at 4K as at 720p.
class Font {
 public:
  static core::Result<Font> load(const std::filesystem::path& path);
  // DejaVu Sans (bold when asked) where Debian installs it.
  static core::Result<Font> dejaVu(bool bold);
  ~Font();
  Font(Font&&) noexcept;
  Font& operator=(Font&&) noexcept;

  // Width in pixels of UTF-8 text at a pixel height (ascent to descent).
  float measure(std::string_view text, float pixelHeight) const;

 private:
  friend class OverlayPainter;
  struct Data;
  explicit Font(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

// A rectangle on a frame, in pixels from the top left.
struct ScreenBox {
  float left = 0, top = 0, right = 0, bottom = 0;
  bool overlaps(const ScreenBox& other) const {
    return left <= other.right && other.left <= right && top <= other.bottom && other.top <= bottom;
  }
  ScreenBox grown(float by) const { return {left - by, top - by, right + by, bottom + by}; }
};

// Where a name `width` x `height` goes beside a point (x, y), `gapX` and `gapY` off it: above
// and right, above and left, below and right, below and left; the first that lies within the
// frame's width and covers none of `taken`, or nothing when every side is taken.
std::optional<ScreenBox> placeBeside(float x, float y, float width, float height, float gapX, float gapY,
                                     float frameWidth, const std::vector<ScreenBox>& taken);

// Paints text and translucent panels onto a frame after readback (straight alpha over RGBA8).
class OverlayPainter {
 public:
  explicit OverlayPainter(core::Image& image) : image_(image) {}
  // Text with its baseline at y, starting at x; `opacity` scales the colour's alpha.
  void text(const Font& font, std::string_view utf8, float x, float baselineY, float pixelHeight,
            const core::Rgba& color, float opacity = 1.0f);
  void rectangle(int x, int y, int width, int height, const core::Rgba& color, float opacity = 1.0f);

 private:
  void blend(int x, int y, const core::Rgba& color, float coverage);
  core::Image& image_;
};

}  // namespace corridor::record
