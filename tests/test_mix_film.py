"""The score, the ambience and the effects, measured on rendered films (docs/sound.md).

Documented values as literals: the music loses at most 3 dB through a
200 Hz high-pass and its last third is louder and brighter than its first;
the ambience never falls below -50 dBFS, and the music's stop does not stop
it; each effect starts on its time.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import butter, sosfilt

import listen
from conftest import load_report

SR = listen.SR


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("mix-films")


@pytest.mark.parametrize("style", ["tense-drone", "pulse", "warm-pad", "ambient"])
def test_the_score_reads_on_a_small_speaker_and_builds(folder, style):
    film, _ = listen.render(folder, style, f"music: {{style: {style}, stop: end}}\nshots:\n  - duration: 15\n")
    music = listen.decode(film)
    high_passed = sosfilt(butter(4, 200, "highpass", fs=SR, output="sos"), music)
    assert listen.level_db(music) - listen.level_db(high_passed) <= 3.0
    third = music.size // 3
    first, last = music[:third], music[-third:]
    assert listen.level_db(last) > listen.level_db(first) + 1.0

    def centroid(x: np.ndarray) -> float:
        spectrum = np.abs(np.fft.rfft(x))
        return float((spectrum * np.fft.rfftfreq(x.size, 1 / SR)).sum() / spectrum.sum())

    assert centroid(last) > centroid(first)


def test_the_music_level_moves_the_score(folder):
    quiet, _ = listen.render(folder, "quiet", "music: {stop: end, level: -10}\nshots:\n  - duration: 4\n")
    standard, _ = listen.render(folder, "standard", "music: {stop: end}\nshots:\n  - duration: 4\n")
    assert listen.level_db(listen.decode(quiet)) - listen.level_db(listen.decode(standard)) == pytest.approx(-10, abs=0.5)
    assert load_report(quiet.with_suffix(".json"))["music"]["level"] == -10.0


AMBIENCE = """\
ambience: {bed}
music: {{stop: {stop}}}
shots:
  - duration: 2.5
  - lines:
      - Ann: Quiet.
  - duration: 3
"""


@pytest.mark.parametrize("bed", ["room-tone", "street", "rain", "crowd"])
def test_the_ambience_never_drops_below_its_level(folder, bed):
    film, report = listen.render(folder, f"bed-{bed}", AMBIENCE.format(bed=bed, stop="final-line"))
    sound = listen.decode(film)
    halves = [listen.level_db(sound[i : i + SR // 2]) for i in range(0, sound.size - SR // 2 + 1, SR // 2)]
    assert min(halves) >= -50.5  # -50 dBFS, and the AAC coder's rounding
    last = report["lines"][-1]
    after = sound[int((last["end"] + 0.05) * SR) :]
    assert -50.5 <= listen.level_db(after) < -38  # the bed alone after the final line: never digital silence


def test_the_music_stops_exactly_and_the_ambience_goes_on(folder):
    film, report = listen.render(folder, "stop", AMBIENCE.format(bed="room-tone", stop="2.0"))
    sound = listen.decode(film)
    assert report["music"]["stop"] == 2.0 and report["ambience"]["style"] == "room-tone"
    before = listen.level_db(sound[int(1.5 * SR) : int(1.99 * SR)])
    after = listen.level_db(sound[int(2.01 * SR) : int(2.4 * SR)])
    assert before > -35 and -50.5 <= after < -44
    envelope = listen.envelope_db(sound)
    frame = int(2.0 * SR / listen.HOP)
    assert envelope[frame - 6 : frame - 4].min() > -40  # full until the last 10 ms
    assert envelope[frame + 1 : frame + 40].max() < -40  # the bed alone from the stop on


def test_without_ambience_the_tail_is_silent(folder):
    film, report = listen.render(folder, "dry", "shots:\n  - lines:\n      - Ann: Quiet.\n  - duration: 2\n")
    sound = listen.decode(film)
    assert listen.level_db(sound[int((report["lines"][-1]["end"] + 0.1) * SR) :]) < -90
    assert report["ambience"] is None


EFFECTS = """\
music: {stop: 0}
shots:
  - duration: 2
    sfx:
      - {sound: glass, at: 0.2}
      - {sound: door-slam, at: 1.0}
  - sfx:
      - footsteps
      - {sound: phone-buzz, at: 2.25}
  - duration: 3
    sfx:
      - {sound: impact, at: 1.4}
      - {sound: whoosh, at: 2.6}
"""


def test_each_effect_lands_at_its_time(folder):
    film, report = listen.render(folder, "effects", EFFECTS)
    sound = listen.decode(film)
    starts = [(effect["sound"], effect["start"]) for effect in report["sfx"]]
    shots = {shot["id"]: shot["start"] for shot in report["shots"]}
    assert [s for s, _ in starts] == ["glass", "door-slam", "footsteps", "phone-buzz", "impact", "whoosh"]
    assert [t for _, t in starts] == pytest.approx([0.2, 1.0, shots["shot-2"], shots["shot-2"] + 2.25,
                                                    shots["shot-3"] + 1.4, shots["shot-3"] + 2.6])
    for sound_name, start in starts:
        window = sound[int((start - 0.15) * SR) : int((start + 0.15) * SR)]
        envelope = listen.envelope_db(window)
        onset = (np.flatnonzero(envelope > envelope.max() - 20)[0] * listen.HOP) / SR + start - 0.15
        assert abs(onset - start) <= 0.01, (sound_name, onset, start)
