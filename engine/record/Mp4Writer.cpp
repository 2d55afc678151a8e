#include "record/Mp4Writer.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cstring>

namespace corridor::record {
namespace {

std::string averror(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof text);
  return text;
}

core::Error mp4Failure(const std::filesystem::path& path, const std::string& what, int code) {
  if (code == AVERROR(ENOSPC) || code == AVERROR(EDQUOT)) return core::writeFailure(path, ENOSPC);
  return {core::ErrorKind::Io, path.string() + ": " + what + (code ? " (" + averror(code) + ")" : "")};
}

}  // namespace

// The FFmpeg objects of one file, freed in the right order.
struct Mp4Writer::Codec {
  AVFormatContext* format = nullptr;
  AVCodecContext* encoder = nullptr;
  AVStream* stream = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  SwsContext* scale = nullptr;

  ~Codec() {
    sws_freeContext(scale);
    av_packet_free(&packet);
    av_frame_free(&frame);
    avcodec_free_context(&encoder);
    if (format) {
      if (format->pb) avio_closep(&format->pb);
      avformat_free_context(format);
    }
  }
};

core::Result<std::unique_ptr<Mp4Writer>> Mp4Writer::open(const std::filesystem::path& path,
                                                         const Mp4Options& options) {
  if (options.width % 2 || options.height % 2) {
    return core::usageError("an MP4 (H.264 4:2:0) needs an even width and height, not " +
                            std::to_string(options.width) + "x" + std::to_string(options.height));
  }
  auto output = core::PendingOutput::begin(path);
  if (!output) return std::unexpected(output.error());
  const std::filesystem::path& partial = output->temporary();
  auto codec = std::make_unique<Codec>();
  auto failed = [&](const std::string& what, int code = 0) { return std::unexpected(mp4Failure(path, what, code)); };
  av_log_set_level(AV_LOG_ERROR);  // x264's statistics are not for the user's terminal
  const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
  if (!h264) return core::fail(core::ErrorKind::Internal, "FFmpeg has no libx264 encoder (install libavcodec59)");
  int code = avformat_alloc_output_context2(&codec->format, nullptr, "mp4", partial.c_str());
  if (code < 0) return failed("cannot set up an MP4 file", code);
  codec->encoder = avcodec_alloc_context3(h264);
  codec->encoder->width = options.width;
  codec->encoder->height = options.height;
  codec->encoder->pix_fmt = AV_PIX_FMT_YUV420P;
  codec->encoder->time_base = {1, options.fps};
  codec->encoder->framerate = {options.fps, 1};
  codec->encoder->gop_size = options.fps * 2;
  if (codec->format->oformat->flags & AVFMT_GLOBALHEADER) codec->encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  av_opt_set(codec->encoder->priv_data, "preset", options.preset, 0);
  av_opt_set(codec->encoder->priv_data, "crf", std::to_string(options.crf).c_str(), 0);
  if ((code = avcodec_open2(codec->encoder, h264, nullptr)) < 0) return failed("cannot open the H.264 encoder", code);
  codec->stream = avformat_new_stream(codec->format, nullptr);
  codec->stream->time_base = codec->encoder->time_base;
  codec->stream->avg_frame_rate = codec->encoder->framerate;
  avcodec_parameters_from_context(codec->stream->codecpar, codec->encoder);
  if ((code = avio_open(&codec->format->pb, partial.c_str(), AVIO_FLAG_WRITE)) < 0) {
    return failed("cannot write there", code);
  }
  AVDictionary* muxerOptions = nullptr;
  av_dict_set(&muxerOptions, "movflags", "+faststart", 0);  // index first: plays while downloading
  code = avformat_write_header(codec->format, &muxerOptions);
  av_dict_free(&muxerOptions);
  if (code < 0) return failed("cannot write the MP4 header", code);
  codec->frame = av_frame_alloc();
  codec->frame->format = AV_PIX_FMT_YUV420P;
  codec->frame->width = options.width;
  codec->frame->height = options.height;
  if (av_frame_get_buffer(codec->frame, 0) < 0) return failed("out of memory for a frame");
  codec->packet = av_packet_alloc();
  codec->scale = sws_getContext(options.width, options.height, AV_PIX_FMT_RGBA, options.width, options.height,
                                AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
  return std::unique_ptr<Mp4Writer>(new Mp4Writer(std::move(*output), std::move(codec)));
}

Mp4Writer::Mp4Writer(core::PendingOutput output, std::unique_ptr<Codec> codec)
    : output_(std::move(output)), codec_(std::move(codec)) {}

Mp4Writer::~Mp4Writer() = default;

core::Error Mp4Writer::failure(const std::string& what, int code) const {
  return mp4Failure(output_.target(), what, code);
}

core::Result<void> Mp4Writer::write(const core::Image& image) {
  if (image.width != codec_->encoder->width || image.height != codec_->encoder->height) {
    return core::fail(core::ErrorKind::Internal, "frame size differs from the video's");
  }
  if (av_frame_make_writable(codec_->frame) < 0) return core::fail(core::ErrorKind::Io, "out of memory");
  const std::uint8_t* source[] = {image.pixels.data()};
  const int stride[] = {image.width * 4};
  sws_scale(codec_->scale, source, stride, 0, image.height, codec_->frame->data, codec_->frame->linesize);
  codec_->frame->pts = frames_++;
  const int code = avcodec_send_frame(codec_->encoder, codec_->frame);
  if (code < 0) return std::unexpected(failure("encoder refused a frame", code));
  return drain(false);
}

core::Result<void> Mp4Writer::drain(bool flushing) {
  while (true) {
    const int code = avcodec_receive_packet(codec_->encoder, codec_->packet);
    if (code == AVERROR(EAGAIN) || (flushing && code == AVERROR_EOF)) return {};
    if (code < 0) return std::unexpected(failure("encoding failed", code));
    av_packet_rescale_ts(codec_->packet, codec_->encoder->time_base, codec_->stream->time_base);
    codec_->packet->stream_index = codec_->stream->index;
    const int written = av_interleaved_write_frame(codec_->format, codec_->packet);
    if (written < 0) return std::unexpected(failure("cannot write", written));
  }
}

core::Result<void> Mp4Writer::finish() {
  if (finished_) return {};
  if (const int code = avcodec_send_frame(codec_->encoder, nullptr); code < 0) {
    return std::unexpected(failure("cannot flush the encoder", code));
  }
  if (auto drained = drain(true); !drained) return drained;
  const int code = av_write_trailer(codec_->format);
  if (code < 0) return std::unexpected(failure("cannot finish the MP4", code));
  if (const int closed = avio_closep(&codec_->format->pb); closed < 0) return std::unexpected(failure("cannot close", closed));
  if (auto committed = output_.commit(); !committed) return committed;
  finished_ = true;
  return {};
}

}  // namespace corridor::record
