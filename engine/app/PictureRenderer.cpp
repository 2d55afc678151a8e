#include "app/PictureRenderer.h"

namespace corridor::app {

core::Result<std::unique_ptr<PictureRenderer>> PictureRenderer::create(const gpu::Context& context, Size size, int msaa,
                                                                       std::vector<Pane> panes, SplitLayout layout,
                                                                       bool portNames) {
  std::unique_ptr<PictureRenderer> pictures(new PictureRenderer(std::move(panes), layout, size));
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

PictureRenderer::PictureRenderer(std::vector<Pane> panes, SplitLayout layout, Size size)
    : panes_(std::move(panes)), layout_(layout), size_(size) {}

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
    labels_[i].paint(images.back(), frame.view);
    // The pane's place on the frame, and the ports that show there.
    const PaneColumns columns = paneColumns(layout_, size_.width, int(i), int(panes_.size()));
    const int offset = layout_ == SplitLayout::SideBySide ? columns.left : 0;
    for (const glm::vec2& port : portsOnScreen(panes_[i].content, frame.view)) {
      const float x = port.x + float(offset);
      if (x >= float(columns.left) && x < float(columns.right)) picture.ports.push_back({x, port.y});
    }
    const Headline* headline = panes_[i].headline;
    picture.panes.push_back({columns.left, columns.right, panes_[i].label, panes_[i].color,
                             headline ? headline->rows(moment.time) : std::vector<HeadlineRow>{}});
  }
  picture.image = images.size() == 1 ? std::move(images.front()) : joinPanes(images[0], images[1], layout_);
  return picture;
}

void PictureRenderer::cacheStillBasemap(bool enable) {
  for (auto& renderer : renderers_) renderer->cacheStillBasemap(enable);
}

long PictureRenderer::framesOverCachedBasemap() const { return renderers_.front()->framesOverCachedBasemap(); }

}  // namespace corridor::app
