"""Speak one line with eSpeak NG in a fresh process; run as a script, not imported.

Protocol: a JSON object ``{"text", "voice", "rate", "monotone"}`` on stdin; on success the
engine's sample rate as 4 little-endian bytes followed by mono int16 PCM on
stdout, exit status 0. On failure a message on stderr and a non-zero status.

It imports only ctypes, espeakng_loader and pyttsx3's ctypes binding (no numpy)
so that it starts in a few tens of milliseconds. One process speaks one line:
eSpeak keeps state between utterances (pitch flutter, Klatt generator), so a
fresh process is what makes a line's samples independent of its neighbours,
and a fixed random seed makes them independent of the time of day.
"""

import ctypes
import json
import os
import struct
import sys

import espeakng_loader

os.environ["ESPEAK_DATA_PATH"] = espeakng_loader.get_data_path()  # else the library exit(1)s
ctypes.CDLL(espeakng_loader.get_library_path())  # so pyttsx3 finds libespeak-ng.so.1

from pyttsx3.drivers import _espeak as E  # noqa: E402  (needs the two lines above)

EXIT_ENGINE = 3
RAND_SEED = 1  # eSpeak otherwise seeds its noise generator from the clock
EXIT_VOICE = 4


def main() -> int:
    """Read one request from stdin, write the sample rate and PCM to stdout."""
    request = json.load(sys.stdin)
    sample_rate = E.Initialize(E.AUDIO_OUTPUT_SYNCHRONOUS, 0)
    if sample_rate <= 0:
        print(f"eSpeak NG failed to initialise ({sample_rate})", file=sys.stderr)
        return EXIT_ENGINE
    E.dll.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
    E.dll.espeak_ng_SetRandSeed(RAND_SEED)
    chunks: list[bytes] = []

    def collect(wav, numsamples, events) -> int:
        if wav and numsamples > 0:
            chunks.append(ctypes.string_at(wav, numsamples * 2))
        return 0

    E.SetSynthCallback(collect)
    if E.SetVoiceByName(request["voice"].encode()) != E.EE_OK:
        print(f"eSpeak NG has no voice {request['voice']!r}", file=sys.stderr)
        return EXIT_VOICE
    E.SetParameter(E.RATE, int(request["rate"]), 0)
    if request["monotone"]:
        E.SetParameter(E.RANGE, 0, 0)  # no intonation
    E.Synth(request["text"].encode(), flags=E.ENDPAUSE | E.CHARS_UTF8)
    E.Synchronize()
    sys.stdout.buffer.write(struct.pack("<I", sample_rate) + b"".join(chunks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
