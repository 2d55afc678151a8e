#pragma once
// The AIS reader and cleaning flags, the same for 'ais stats|export' and for --ais in render,
// view and record.
#include <CLI/CLI.hpp>
#include <string>

#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::cli {

class AisReaderFlags {
 public:
  // `scene`: the flags sit beside the scene's own (render, view, record), where the reader and
  // the layer are called --ais-reader and --ais-layer (--layer names map layers there), the box
  // --ais-bbox, and the scene's times give the window.
  // `window`: --from, --to and --bbox (not for 'ais import', which takes whole files).
  AisReaderFlags(CLI::App& command, bool scene, bool window = true);
  // After parsing.
  io::AisReadOptions readOptions() const;
  io::AisTrackOptions trackOptions() const { return tracks_; }
  // A usage error when --from is not before --to.
  core::Result<void> checkWindow() const;

 private:
  std::string reader_ = "auto";
  std::string timeFormat_ = "auto";
  std::string from_, to_, bbox_;  // the window (checked when parsed)
  io::AisReadOptions read_;
  io::AisTrackOptions tracks_;
};

}  // namespace corridor::cli
