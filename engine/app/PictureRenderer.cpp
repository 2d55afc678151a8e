#include "app/PictureRenderer.h"

#include <algorithm>

namespace corridor::app {

core::Result<std::unique_ptr<PictureRenderer>> PictureRenderer::create(const gpu::Context& context, Size size, int msaa,
                                                                       std::vector<Pane> panes, SplitLayout layout,
                                                                       bool portNames, double divider) {
  std::unique_ptr<PictureRenderer> pictures(new PictureRenderer(std::move(panes), layout, size, divider));
  for (std::size_t i = 0; i < pictures->panes_.size(); ++i) {
    auto labels = pictureLabels(pictures->panes_[i].content, portNames);
    if (!labels) return std::unexpected(labels.error());
    pictures->labels_.push_back(std::move(*labels));
    const Size pane = paneSize(layout, size, int(i), int(pictures->panes_.size()));
    pictures->renderers_.push_back(std::make_unique<render::OffscreenRenderer>(
        context, VkExtent2D{uint32_t(pane.width), uint32_t(pane.height)}, msaa));
  }
  return pictures;
}

PictureRenderer::PictureRenderer(std::vector<Pane> panes, SplitLayout layout, Size size, double divider)
    : panes_(std::move(panes)), layout_(layout), divider_(divider), size_(size) {}

PictureRenderer::Picture PictureRenderer::render(const FrameMoment& moment, const timeline::Tour::Layers* layers) {
  Picture picture;
  std::vector<core::Image> images;
  for (std::size_t i = 0; i < panes_.size(); ++i) {
    FrameContent content = panes_[i].content;
    if (layers) {
      content.style.outlines = layers->outlines;
      content.style.graticule = layers->graticule;
      content.ships = content.plumes = layers->vessels;
    }
    FrameMoment paneMoment = moment;
    const Size pane = paneSize(layout_, size_, int(i), int(panes_.size()));
    paneMoment.width = pane.width;
    paneMoment.height = pane.height;
    const scene::Frame frame = composeFrame(content, paneMoment);
    images.push_back(renderers_[i]->render(frame));
    std::vector<record::ScreenBox> places = labels_[i].paint(images.back(), frame.view);
    for (const glm::vec2& port : portsOnScreen(panes_[i].content, frame.view)) places.push_back({port.x, port.y, port.x, port.y});
    // The pane's place on the frame, and what shows there of its ports and names.
    const PaneColumns columns = paneColumns(layout_, size_.width, int(i), int(panes_.size()), divider_);
    const auto offset = float(layout_ == SplitLayout::SideBySide ? columns.left : 0);
    for (const record::ScreenBox& place : places) {
      const record::ScreenBox shown{std::max(place.left + offset, float(columns.left)), place.top,
                                    std::min(place.right + offset, float(columns.right)), place.bottom};
      if (shown.left <= shown.right) picture.keepClear.push_back(shown);
    }
    const Headline* headline = panes_[i].headline;
    picture.panes.push_back({columns.left, columns.right, panes_[i].label, panes_[i].color,
                             headline ? headline->rows(moment.time) : std::vector<HeadlineRow>{}});
  }
  picture.image = images.size() == 1 ? std::move(images.front()) : joinPanes(images[0], images[1], layout_, divider_);
  return picture;
}

void PictureRenderer::cacheStillBasemap(bool enable) {
  for (auto& renderer : renderers_) renderer->cacheStillBasemap(enable);
}

long PictureRenderer::framesOverCachedBasemap() const { return renderers_.front()->framesOverCachedBasemap(); }

}  // namespace corridor::app
