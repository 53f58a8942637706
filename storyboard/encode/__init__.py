"""Picture and sound -> the MP4 file (H.264 yuv420p CFR, AAC 48 kHz, faststart).

Each distinct shot picture is encoded once, as a single H.264 IDR frame, by
the ffmpeg binary that ``imageio-ffmpeg`` ships; :mod:`storyboard.encode.h264`
holds it for the shot's length with skipped P frames, and
:mod:`storyboard.encode.film` writes those blocks and the AAC sound into the
file (with :mod:`storyboard.encode.mp4`'s boxes), so the cost of a render
grows with the number of shots, not with their length.

A picture is encoded in horizontal bands (:func:`band_rows`), each its own
slice and cached by what it shows (or by its pixels), so an edit to one sign
encodes again only the bands the sign covers.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import importlib.util
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from storyboard.cache import Cache, content_key
from storyboard.errors import RenderError

if TYPE_CHECKING:
    import queue
    from concurrent.futures import Future

# subprocess (and, in :mod:`storyboard.encode.film`, the container code) are
# imported when there is encoding to do: a render whose film is replayed from
# the cache needs only the settings.

AUDIO_RATE = 48_000
AUDIO_BITRATE = "160k"
AUDIO_PIECE_SAMPLES = 2**21  # the sound is encoded in pieces of 43.7 s (whole AAC frames), side by side
AUDIO_PIECE_OVERLAP = 32 * 1024  # samples of its neighbours each piece's encoder also hears (whole frames), then drops
STILL_CRF = "15"  # storyboard line art and sign text stay crisp
# The skip-frame writer needs CAVLC, no B-frames, one reference, no weighted
# prediction. Each band is a picture of its own: qcomp=1 gives every picture
# the same quantiser (x264 would otherwise set it from the pictures before),
# and stitchable=1 the same headers, so a band codes the same whatever was
# coded with it.
X264_PARAMS = "cabac=0:bframes=0:ref=1:weightp=0:keyint=1:scenecut=0:threads=1:qcomp=1:stitchable=1"
# The stitched still's headers (storyboard.encode.h264), part of every still's
# cache key: a still cached with older headers is stitched again.
STITCH_FORMAT = "long-gop-sps"
BAND_ROWS = (8, 4, 16)  # macroblock rows per band: the first of these, else the nearest between the last two
Buffer = bytes | memoryview  # bytes, or a view of part of them
Picture = Callable[[int, int], Buffer]  # (top, bottom) -> the RGB bytes of those rows
BITEXACT = ["-fflags", "+bitexact", "-flags", "+bitexact", "-map_metadata", "-1", "-map_chapters", "-1"]


@functools.cache
def ffmpeg_exe() -> str:
    """The ffmpeg binary: the one named in ``IMAGEIO_FFMPEG_EXE``, else the one imageio-ffmpeg ships.

    The shipped binary is found in imageio-ffmpeg's package folder without
    importing the package or running the binary (imageio-ffmpeg runs
    ``ffmpeg -version`` first, 15-20 ms); only where it ships none is
    imageio-ffmpeg asked to search (conda's, the system's). Nothing is
    remembered outside this process: a path read from a shared file could
    name any program.
    """
    explicit = os.environ.get("IMAGEIO_FFMPEG_EXE")
    if explicit:
        return explicit
    shipped = _shipped_ffmpeg()
    if shipped:
        return shipped
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def _shipped_ffmpeg() -> str | None:
    """The executable ``ffmpeg-*`` in imageio-ffmpeg's ``binaries`` folder, if there is one."""
    spec = importlib.util.find_spec("imageio_ffmpeg")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = os.path.join(next(iter(spec.submodule_search_locations)), "binaries")
    try:
        names = sorted(name for name in os.listdir(folder) if name.startswith("ffmpeg-"))
    except OSError:
        return None
    found = [os.path.join(folder, name) for name in names]
    return next((path for path in found if os.path.isfile(path) and os.access(path, os.X_OK)), None)


class FFmpeg:
    """An ffmpeg process started now and fed later, so its start-up (~12 ms) overlaps the work before it.

    Use it as a context manager: leaving the block stops the process if
    :meth:`finish` was never reached.
    """

    def __init__(self, args: Sequence[str], lead_in: bytes = b"") -> None:
        """Start ffmpeg with ``args``; ``lead_in`` goes down its input now (on a thread), before :meth:`finish`'s."""
        import subprocess

        self._process = subprocess.Popen(
            [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self._lead_in: threading.Thread | None = None
        if lead_in:
            self._lead_in = threading.Thread(target=self._write, args=([lead_in],), name="ffmpeg-lead-in", daemon=True)
            self._lead_in.start()

    def _write(self, buffers: Iterable[Buffer]) -> None:
        with contextlib.suppress(BrokenPipeError):  # ffmpeg quit early: its stderr says why
            for buffer in buffers:
                self._process.stdin.write(buffer)

    def finish(self, stdin: bytes | Iterable[Buffer] = b"") -> bytes:
        """Write ``stdin`` (bytes, or buffers one after another), wait for the process and return its stdout.

        RenderError with its last error line if it fails. The input goes down
        the pipe in one write per buffer on a helper thread (which takes the
        buffers from ``stdin`` as it goes, and then drains stderr) while this
        one reads stdout: ``communicate`` would write a 6 MB picture 4 KB at a
        time, polling in between (5 ms more).
        """
        errors: list[bytes] = []
        failures: list[BaseException] = []

        def feed() -> None:
            if self._lead_in is not None:
                self._lead_in.join()
            try:
                self._write([stdin] if isinstance(stdin, bytes) else stdin)
            except BaseException as error:  # the input's own failure: ffmpeg must still see the input end
                failures.append(error)
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()
            errors.append(self._process.stderr.read())

        feeder = threading.Thread(target=feed, name="ffmpeg-input")
        feeder.start()
        out = self._process.stdout.read()
        feeder.join()
        self._process.wait()
        if failures:
            raise failures[0]
        if self._process.returncode != 0:
            lines = b"".join(errors).decode(errors="replace").strip().splitlines() or ["no message"]
            raise RenderError(f"ffmpeg failed: {lines[-1]}")
        return out

    def stop(self) -> None:
        """End the process now; a :meth:`finish` under way on another thread then fails."""
        if self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self._process.kill()

    def __enter__(self) -> FFmpeg:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process.returncode is None:
            self._process.kill()
            if self._lead_in is not None:
                self._lead_in.join()
            self._process.communicate()
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            with contextlib.suppress(OSError):
                stream.close()


class VideoSettings(NamedTuple):
    """How stills are encoded; part of every encoded shot's cache key."""

    preset: str = "superfast"  # one intra frame: slower presets buy little here
    crf: str = STILL_CRF

    def key(self) -> list[str]:
        """The settings as cache-key parts."""
        return [self.preset, self.crf, X264_PARAMS, STITCH_FORMAT]


def band_rows(height: int) -> int:
    """How many macroblock rows (16 pixels) each band of a picture ``height`` pixels high has.

    Every band has the same height, so one encoder codes them all; the last
    band runs into the padding below the picture. A height whose macroblock
    rows do not divide near :data:`BAND_ROWS` is one band.
    """
    rows = -(-height // 16)
    preferred, least, most = BAND_ROWS
    fits = [n for n in range(least, most + 1) if rows % n == 0]
    return min(fits, key=lambda n: (abs(n - preferred), -n)) if fits else rows


def band_spans(height: int) -> list[tuple[int, int]]:
    """The rows [top, bottom) of each :func:`band_rows` band of a picture; the last may run past ``height``."""
    band = band_rows(height) * 16
    return [(top, top + band) for top in range(0, height, band)]


def band_of(picture: Picture, width: int, height: int, span: tuple[int, int]) -> Buffer:
    """The picture's rows ``span``; past its bottom, copies of its bottom row."""
    top, bottom = span
    rows = picture(top, min(bottom, height))
    if bottom > height:
        rows = bytes(rows) + bytes(rows[-width * 3 :]) * (bottom - height)
    return rows


def rows_of(rgb: bytes, width: int) -> Picture:
    """A :data:`Picture` of RGB bytes ``width`` pixels wide."""
    view = memoryview(rgb)
    return lambda top, bottom: view[top * width * 3 : bottom * width * 3]


class StillEncoder:
    """Encodes one RGB picture as a one-frame H.264 stream, started before the picture is ready.

    Use it as a context manager; :meth:`finish` encodes. The picture is coded
    in bands, and with a cache a band coded before (found by its name or its
    pixels) is not coded again.
    """

    def __init__(self, width: int, height: int, fps: int, settings: VideoSettings) -> None:
        self.width, self.height, self.fps, self.settings = width, height, fps, settings
        self._ffmpeg: FFmpeg | None = None
        self._failure: BaseException | None = None
        # ffmpeg starts on a thread (4 ms, most of it waiting on the system),
        # while this one goes on to the picture.
        self._starting = threading.Thread(target=self._start, name="ffmpeg-start")
        self._starting.start()

    def _start(self) -> None:
        band_height = band_rows(self.height) * 16
        try:
            # A black band goes first, and its picture is thrown away: ffmpeg
            # sets up its scaler and x264 while the picture is still being
            # drawn (10 ms of the 20 that coding a sign edit's four bands took).
            self._ffmpeg = FFmpeg(_still_args(self.width, band_height, self.fps, self.settings),
                                  lead_in=bytes(self.width * 3 * band_height))
        except BaseException as error:  # raised where the encoder is used
            self._failure = error

    def _started(self) -> FFmpeg:
        self._starting.join()
        if self._ffmpeg is None:
            raise self._failure or RenderError("ffmpeg did not start")
        return self._ffmpeg

    def finish(self, picture: Picture, cache: Cache | None = None, names: Sequence[str] | None = None) -> bytes:
        """The picture as a one-frame Annex B stream (BT.709, limited range).

        Each of its :func:`band_spans` is looked up in ``cache`` by its name in
        ``names`` (what the caller knows the band shows) or, without names, by
        a hash of its pixels. The picture's rows are asked for band by band,
        as they are sent, and with names only for the bands the cache lacks:
        x264 codes one band while the next is made and looked up.
        """
        from storyboard.encode.h264 import split_frames, stitch

        keys: list[str] = []
        coded: list[bytes | None] = []

        def uncoded() -> Iterator[Buffer]:
            """The bands that are not in the cache (a named band's rows are made only then)."""
            for index, span in enumerate(band_spans(self.height)):
                band = None if names else band_of(picture, self.width, self.height, span)
                keys.append(names[index] if names else self._pixels_key(band))
                coded.append(cache.get("band", keys[-1]) if cache else None)
                if coded[-1] is None:
                    yield band if band is not None else band_of(picture, self.width, self.height, span)

        fresh = split_frames(self._started().finish(uncoded()))[1:]  # the first is the lead-in's
        missing = [i for i, band in enumerate(coded) if band is None]
        if len(fresh) != len(missing):
            raise RenderError(f"ffmpeg coded {len(fresh)} of {len(missing)} bands of a picture")
        for i, band in zip(missing, fresh):
            coded[i] = band
            if cache:
                cache.put("band", keys[i], band)
        return stitch(coded, self.height, self.fps)

    def _pixels_key(self, band: Buffer) -> str:
        """A band's cache address by its pixels."""
        return content_key("band", band, self.width, self.fps, self.settings.key())

    def __enter__(self) -> StillEncoder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._starting.join()
        if self._ffmpeg is not None:
            self._ffmpeg.__exit__(*exc_info)


_spare_encoders: dict[tuple[int, int, int, VideoSettings], StillEncoder] = {}
_spares_lock = threading.Lock()


def still_encoder(width: int, height: int, fps: int, settings: VideoSettings) -> StillEncoder:
    """An encoder for one picture of this size (see :class:`StillEncoder`).

    A spare started by :func:`keep_spare_still_encoder` is used if it fits.
    """
    with _spares_lock:
        spare = _spare_encoders.pop((width, height, fps, settings), None)
    return spare or StillEncoder(width, height, fps, settings)


def keep_spare_still_encoder(width: int, height: int, fps: int, settings: VideoSettings) -> None:
    """Start an encoder now for the next still of this size, so its start-up is over before it is needed.

    For a process that renders again and again (``--watch``); an unused
    spare ends when this process does (its input closes).
    """
    key = (width, height, fps, settings)
    with _spares_lock:
        if key not in _spare_encoders:
            _spare_encoders[key] = StillEncoder(*key)


def _still_args(width: int, band_height: int, fps: int, settings: VideoSettings) -> list[str]:
    """ffmpeg's arguments to code each band it is sent (RGB, ``width`` x ``band_height``) as an IDR picture."""
    return [
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{band_height}", "-framerate", str(fps), "-i", "pipe:0",
        "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuv420p,"
        "setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv",  # tagged in the SPS
        "-c:v", "libx264", "-preset", settings.preset, "-crf", settings.crf, "-x264-params", X264_PARAMS,
        *BITEXACT, "-f", "h264", "pipe:1",
    ]


def encode_still(rgb: bytes, width: int, height: int, fps: int, settings: VideoSettings) -> bytes:
    """One RGB picture as a one-frame H.264 Annex B stream (BT.709, limited range), without a cache."""
    with still_encoder(width, height, fps, settings) as encoder:
        return encoder.finish(rows_of(rgb, width))


def audio_encoder(channels: int = 2) -> FFmpeg:
    """An AAC-LC encoder for interleaved 16-bit 48 kHz PCM, started now; ``finish(pcm)`` returns the ADTS stream.

    Raw PCM on a pipe rather than a WAV file: ffmpeg's WAV reader scans the
    data for S/PDIF bursts first, which cost 35 ms more than the encoding's
    own start-up.
    """
    return FFmpeg(["-f", "s16le", "-ar", str(AUDIO_RATE), "-ac", str(channels), "-i", "pipe:0",
                   "-c:a", "aac", "-aac_coder", "fast", "-b:a", AUDIO_BITRATE, *BITEXACT, "-f", "adts", "pipe:1"])


def encode_audio(pcm: bytes, channels: int = 2) -> bytes:
    """Interleaved 16-bit 48 kHz PCM as an AAC-LC ADTS stream, encoded as one piece."""
    with audio_encoder(channels) as encoder:
        return encoder.finish(pcm)


def audio_pieces(total: int, piece: int = AUDIO_PIECE_SAMPLES) -> list[tuple[int, int]]:
    """The spans [start, end) of a sound ``total`` samples long that are encoded apart; the last runs to the end.

    Each is ``piece`` samples (whole AAC frames) but the last, which also
    takes a remainder shorter than a piece.
    """
    starts = list(range(0, max(total - piece, 0) + 1, piece)) if total >= piece else [0]
    return [(start, starts[i + 1] if i + 1 < len(starts) else total) for i, start in enumerate(starts)]


class _Piece(NamedTuple):
    """One piece of the sound being encoded: the samples its encoder hears, and which of its frames are kept."""

    heard: tuple[int, int]  # [first, end) samples sent to its encoder
    dropped: int  # frames before its own (its encoder heard the piece before)
    kept: int | None  # its own frames (None: all the rest, for the last piece)
    encoder: FFmpeg
    pcm: queue.SimpleQueue[Buffer | None]  # what its encoder is sent; None ends it


class SoundEncoder:
    """A film's sound to AAC as it is made: in pieces (:func:`audio_pieces`), each encoded by an ffmpeg of its own.

    The pieces are encoded side by side, ``jobs`` at once (ffmpeg's AAC
    encoder runs on one core: about 9 ms a second of sound). Each piece's
    encoder also hears :data:`AUDIO_PIECE_OVERLAP` samples of its neighbours,
    whose frames are dropped: its rate control, psychoacoustic model and
    window choices have settled by the piece's first frame of its own, so the
    frames join without a seam (decoded, a join differs from a one-piece
    encode only by quantisation noise). The pieces depend only on the sound's
    length, never on ``jobs``, so neither do the bytes; a sound of one piece
    is exactly :func:`encode_audio`'s.

    Use it as a context manager: :meth:`write` the PCM (interleaved 16-bit,
    in order, in blocks of any size), then :meth:`finish`. Leaving the block
    early stops every encoder. At most ``jobs + 1`` pieces are held at once.
    """

    def __init__(self, total: int, jobs: int, channels: int = 2, piece: int = AUDIO_PIECE_SAMPLES) -> None:
        """Encode ``total`` samples of ``channels``; the first piece's encoder starts now."""
        from concurrent.futures import ThreadPoolExecutor

        from storyboard.encode.aac import AacStream

        self._channels = channels
        self._spans = audio_pieces(total, piece)
        self._written = 0
        self._opened = 0
        self._feeding: list[_Piece] = []  # the pieces whose samples are being written
        self._held: collections.deque[tuple[_Piece, Future[bytes]]] = collections.deque()  # opened, in order
        self._limit = max(1, jobs) + 1  # ``jobs`` encoding, and the next being written
        self._pool = ThreadPoolExecutor(max_workers=self._limit, thread_name_prefix="aac")
        self._stream = AacStream()
        self._open_next()

    def write(self, pcm: Buffer) -> None:
        """Send the next samples of the sound (interleaved 16-bit PCM, not changed after) to their pieces' encoders.

        The pieces being written are sent their part first, so a piece is
        whole before a later one waits for it.
        """
        view = memoryview(pcm).cast("B")
        first = self._written
        self._written += len(view) // (2 * self._channels)
        for piece in list(self._feeding):
            self._send(piece, view, first)
        while self._opened < len(self._spans) and self._heard(self._opened)[0] < self._written:
            self._send(self._open_next(), view, first)

    def _send(self, piece: _Piece, view: memoryview, first: int) -> None:
        """Send ``piece`` its part of the samples in ``view`` (from sample ``first``); end its input if it is whole."""
        size = 2 * self._channels  # bytes a sample
        lo, hi = max(first, piece.heard[0]), min(self._written, piece.heard[1])
        if lo < hi:
            piece.pcm.put(view[(lo - first) * size : (hi - first) * size])
        if self._written >= piece.heard[1]:
            piece.pcm.put(None)
            self._feeding.remove(piece)

    def finish(self):  # -> storyboard.encode.aac.AacStream
        """The whole sound's AAC frames, in order; RenderError if an encoder failed or samples are missing."""
        if self._feeding:
            raise RenderError(f"the sound ended at sample {self._written} of {self._spans[-1][1]}")
        while self._held:
            self._collect()
        return self._stream.checked()

    def _heard(self, number: int) -> tuple[int, int]:
        """The samples piece ``number``'s encoder hears: its own and, either side, its neighbours' overlap."""
        start, end = self._spans[number]
        return max(0, start - AUDIO_PIECE_OVERLAP), min(self._spans[-1][1], end + AUDIO_PIECE_OVERLAP)

    def _open_next(self) -> _Piece:
        """Start the next piece's encoder (first waiting for the oldest piece, if ``jobs + 1`` are held)."""
        import queue

        from storyboard.encode.aac import FRAME_SAMPLES

        if len(self._held) >= self._limit:
            self._collect()
        number = self._opened
        (start, end), heard = self._spans[number], self._heard(number)
        last = number == len(self._spans) - 1
        piece = _Piece(heard, (start - heard[0]) // FRAME_SAMPLES, None if last else (end - start) // FRAME_SAMPLES,
                       audio_encoder(self._channels), queue.SimpleQueue())
        self._feeding.append(piece)
        self._held.append((piece, self._pool.submit(piece.encoder.finish, iter(piece.pcm.get, None))))
        self._opened += 1
        return piece

    def _collect(self) -> None:
        """Wait for the oldest piece held and add its own frames to the stream."""
        piece, future = self._held.popleft()
        with piece.encoder:
            self._stream.add_adts(future.result(), piece.dropped, piece.kept)

    def __enter__(self) -> SoundEncoder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for piece in self._feeding:
            piece.pcm.put(None)
        for piece, _ in self._held:
            piece.encoder.stop()
        self._pool.shutdown(wait=True)
        for piece, _ in self._held:
            piece.encoder.__exit__(*exc_info)
