// Decode an H.264 Annex B stream with Broadway (the broadway-player npm package),
// one NAL unit at a time as its Player does, and write every picture it puts out
// to stdout as raw I420 cropped to WIDTH x HEIGHT: the layout of ffmpeg's
// `-f rawvideo -pix_fmt yuv420p`, so the two decodes compare frame by frame.
//
//   node broadway_decode.js DECODER_JS STREAM.h264 WIDTH HEIGHT > frames.yuv
"use strict";
const fs = require("fs");

const [decoderPath, streamPath, width, height] = process.argv.slice(2);
const cropWidth = Number(width);
const cropHeight = Number(height);
// Decoder.js is an Emscripten build that takes node for a JavaScript shell and
// wants the shell's print functions; anything it prints goes to stderr.
globalThis.print = globalThis.printErr = (text) => process.stderr.write(`${text}\n`);
const Decoder = require(decoderPath);

/** The NAL units of an Annex B stream, each with its start code (3 or 4 bytes). */
function nalUnits(stream) {
  const starts = [];
  for (let i = 2; i < stream.length; i++) {
    if (stream[i] === 1 && stream[i - 1] === 0 && stream[i - 2] === 0) {
      starts.push(i >= 3 && stream[i - 3] === 0 ? i - 3 : i - 2);
    }
  }
  return starts.map((start, k) => stream.subarray(start, starts[k + 1] ?? stream.length));
}

/** The top-left cropWidth x cropHeight of each plane of an I420 picture of width x height. */
function cropped(picture, pictureWidth, pictureHeight) {
  const planes = [
    [0, pictureWidth, cropWidth, cropHeight],
    [pictureWidth * pictureHeight, pictureWidth / 2, Math.ceil(cropWidth / 2), Math.ceil(cropHeight / 2)],
    [pictureWidth * pictureHeight * 5 / 4, pictureWidth / 2, Math.ceil(cropWidth / 2), Math.ceil(cropHeight / 2)],
  ];
  const rows = [];
  for (const [offset, stride, w, h] of planes) {
    for (let y = 0; y < h; y++) rows.push(picture.subarray(offset + y * stride, offset + y * stride + w));
  }
  return Buffer.concat(rows);
}

const decoder = new Decoder();
decoder.onPictureDecoded = (picture, pictureWidth, pictureHeight) => {
  process.stdout.write(cropped(picture, pictureWidth, pictureHeight));
};
for (const unit of nalUnits(fs.readFileSync(streamPath))) decoder.decode(unit);
