"""Speak lines with eSpeak NG, each from a freshly initialised engine; run as a script.

Protocol, on stdin and stdout: frames, each a 4-byte little-endian length and
a body. A request body is JSON ``{"text", "voice", "rate", "monotone", "pitch"}`` (``pitch``,
eSpeak's 0-100, may be absent or null: the voice's own). A
response body is a status byte, the engine's sample rate (4 little-endian
bytes) and either mono int16 PCM (``OK``) or a UTF-8 message (``FAILED``,
``DIED``). Diagnostics go to stderr.
:mod:`storyboard.sound.speech` imports this module for the protocol; the
engine is loaded only when the script runs.

eSpeak keeps state between utterances (pitch flutter, Klatt generator), so
every line must start from an engine that has spoken nothing. There are two
ways to get one, chosen by the caller:

- ``--fork`` (a "zygote"): initialise the engine once, then fork a child per
  request. The child seeds the noise generator, speaks the line, writes the
  response and exits; the server waits for it (so responses never
  interleave) and answers for a child that died without answering.
- no flag (where ``os.fork`` does not exist): answer one request in this
  process and exit; the caller starts a process per line.

Either way a line's samples do not depend on its neighbours, and the fixed
seed makes them independent of the time of day. The script imports only the
standard library, espeakng_loader and pyttsx3's ctypes binding (no numpy).
"""

from __future__ import annotations

import ctypes
import json
import os
import struct
import sys
from types import ModuleType
from typing import BinaryIO, NoReturn

FORK_FLAG = "--fork"
OK = 0
FAILED = 1  # the engine could not speak the line (the message says why)
DIED = 2  # a forked child died without answering (its last words are on stderr)
EXIT_ENGINE = 3  # the engine did not initialise
EXIT_CRASHED = 4  # a forked child raised instead of answering
RAND_SEED = 1  # eSpeak otherwise seeds its noise generator from the clock
_LENGTH = struct.Struct("<I")
_RESPONSE_HEAD = struct.Struct("<BI")  # status, sample rate


def read_frame(stream: BinaryIO) -> bytes | None:
    """The next frame's body, or None if the stream ends (cleanly or mid-frame)."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    body = stream.read(size)
    return body if len(body) == size else None


def write_frame(stream: BinaryIO, body: bytes) -> None:
    """Write one frame and flush it."""
    stream.write(_LENGTH.pack(len(body)) + body)
    stream.flush()


def response(status: int, sample_rate: int, payload: bytes) -> bytes:
    """A response body: ``OK`` with int16 PCM, else a UTF-8 message (and no sample rate)."""
    return _RESPONSE_HEAD.pack(status, sample_rate) + payload


def parse_response(body: bytes) -> tuple[int, int, bytes]:
    """``(status, sample_rate, payload)`` of a response body."""
    status, sample_rate = _RESPONSE_HEAD.unpack_from(body)
    return status, sample_rate, body[_RESPONSE_HEAD.size :]


def last_line(stderr: bytes) -> str:
    """The last non-blank line a process wrote to stderr, or ``no output``."""
    lines = stderr.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else "no output"


def _load_engine() -> ModuleType:
    """pyttsx3's ctypes binding to the libespeak-ng that espeakng_loader ships."""
    import espeakng_loader

    os.environ["ESPEAK_DATA_PATH"] = espeakng_loader.get_data_path()  # else the library exit(1)s
    ctypes.CDLL(espeakng_loader.get_library_path())  # so pyttsx3 finds libespeak-ng.so.1
    from pyttsx3.drivers import _espeak

    return _espeak


class _Speaker:
    """An initialised engine that has not spoken: everything short of synthesis."""

    def __init__(self, engine: ModuleType) -> None:
        self.engine = engine
        self.sample_rate = engine.Initialize(engine.AUDIO_OUTPUT_SYNCHRONOUS, 0)
        engine.dll.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
        self._chunks: list[bytes] = []
        engine.SetSynthCallback(self._collect)

    def _collect(self, wav: object, numsamples: int, events: object) -> int:
        if wav and numsamples > 0:
            self._chunks.append(ctypes.string_at(wav, numsamples * 2))
        return 0

    def speak(self, request: dict) -> bytes:
        """The response body for one request; call once per engine, it changes the engine's state."""
        engine = self.engine
        engine.dll.espeak_ng_SetRandSeed(RAND_SEED)
        if engine.SetVoiceByName(request["voice"].encode()) != engine.EE_OK:
            return response(FAILED, 0, f"eSpeak NG has no voice {request['voice']!r}".encode())
        engine.SetParameter(engine.RATE, int(request["rate"]), 0)
        if request.get("pitch") is not None:
            engine.SetParameter(engine.PITCH, int(request["pitch"]), 0)
        if request["monotone"]:
            engine.SetParameter(engine.RANGE, 0, 0)  # no intonation
        engine.Synth(request["text"].encode(), flags=engine.ENDPAUSE | engine.CHARS_UTF8)
        engine.Synchronize()
        return response(OK, self.sample_rate, b"".join(self._chunks))


def _answer(speaker: _Speaker, request: bytes, frames: BinaryIO) -> None:
    """Speak one request and write its response."""
    write_frame(frames, speaker.speak(json.loads(request)))


def _answer_in_child(speaker: _Speaker, request: bytes, frames: BinaryIO) -> None:
    """Answer ``request`` from a forked copy of the untouched engine; answer ``DIED`` for a child that dies."""
    pid = os.fork()
    if pid == 0:
        _child(speaker, request, frames)
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if code != 0:
        how = f"exit status {code}" if code > 0 else f"signal {-code}"
        write_frame(frames, response(DIED, 0, f"engine died ({how})".encode()))


def _child(speaker: _Speaker, request: bytes, frames: BinaryIO) -> NoReturn:
    """In a forked child: answer, then leave without running the server's exit handlers."""
    try:
        _answer(speaker, request, frames)
    except BaseException:
        sys.excepthook(*sys.exc_info())
        sys.stderr.flush()
        os._exit(EXIT_CRASHED)
    os._exit(0)


def _frame_channel() -> BinaryIO:
    """A private copy of stdout for frames; stdout itself goes to stderr, so stray output cannot corrupt frames."""
    frames = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return frames


def main(argv: list[str]) -> int:
    """Answer requests from stdin: all of them with ``--fork``, else the first one."""
    frames = _frame_channel()
    speaker = _Speaker(_load_engine())
    if speaker.sample_rate <= 0:
        print(f"eSpeak NG failed to initialise ({speaker.sample_rate})", file=sys.stderr)
        return EXIT_ENGINE
    if FORK_FLAG not in argv:
        if (request := read_frame(sys.stdin.buffer)) is not None:
            _answer(speaker, request, frames)
        return 0
    while (request := read_frame(sys.stdin.buffer)) is not None:
        _answer_in_child(speaker, request, frames)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
