"""The sound stage, measured: speech, effects, the score and the mix."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import struct
import subprocess
import sys
import textwrap
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
from scipy.ndimage import minimum_filter1d
from scipy.signal import butter, hilbert, lfilter, resample_poly, sosfilt, sosfreqz

from storyboard.model import Character
from storyboard.sound import _dsp, ambience, effects, mix, score, sfx, speech, voices
from storyboard.sound import _espeak_worker as protocol

SR = 48_000
LINE = "They automated my job."


def _pitch(samples: np.ndarray) -> np.ndarray:
    """Autocorrelation pitch (Hz) of each loud 40 ms frame."""
    frame = 2048
    floor = 0.1 * np.abs(samples).max()
    pitches = []
    for start in range(0, samples.size - frame, frame):
        chunk = samples[start : start + frame]
        if np.sqrt(np.mean(chunk**2)) < floor:
            continue
        corr = np.correlate(chunk, chunk, "full")[frame - 1 :]
        low, high = SR // 400, SR // 60
        pitches.append(SR / (low + np.argmax(corr[low:high])))
    return np.array(pitches)


def _rms_db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(np.square(x, dtype=np.float64))) + 1e-12))


def _centroid(x: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float((spectrum * np.fft.rfftfreq(x.size, 1 / SR)).sum() / spectrum.sum())


def _digest(samples: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(samples).tobytes()).hexdigest()


# --- speech -----------------------------------------------------------------


@pytest.fixture(scope="module")
def male_female() -> list[np.ndarray]:
    return speech.synthesise_lines([(LINE, Character("M", "male")), (LINE, Character("F", "female"))])


def test_male_and_female_voices_differ_in_pitch(male_female):
    male, female = (np.median(_pitch(x)) for x in male_female)
    assert male < 150 < 180 < female


def test_lines_are_float32_48k_non_empty_and_trimmed(male_female):
    for samples in male_female:
        assert samples.dtype == np.float32 and samples.ndim == 1
        assert 0.8 * SR < samples.size < 3 * SR  # plausible for five words
        assert np.all(np.isfinite(samples))
        edge = int(0.03 * SR)  # 10 ms pad + 3 ms fade, then the voice
        threshold = 0.01 * np.abs(samples).max()
        assert np.abs(samples[:edge]).max() > threshold
        assert np.abs(samples[-edge:]).max() > threshold


def test_rate_changes_length():
    slow, fast = speech.synthesise_lines([(LINE, Character("M", rate=110)), (LINE, Character("M", rate=220))])
    assert slow.size > 1.5 * fast.size


def test_robot_is_monotone_with_ring_modulation_buzz():
    text = "Access denied. Please step away."
    plain, robot = speech.synthesise_lines(
        [(text, Character("AI", "female")), (text, Character("AI", "female", effect="robot"))]
    )

    def buzz(x: np.ndarray) -> float:  # envelope energy at twice the ring frequency vs nearby
        env = np.abs(hilbert(x))
        spectrum = np.abs(np.fft.rfft(env - env.mean()))
        freqs = np.fft.rfftfreq(env.size, 1 / SR)
        target = 2 * effects.ROBOT_RING_HZ
        band = np.abs(freqs - target) < 3
        near = (np.abs(freqs - target) < 40) & ~band
        return float(spectrum[band].max() / np.median(spectrum[near]))

    assert buzz(robot) > 5 * buzz(plain)
    voiced = _pitch(robot)
    assert np.mean(np.abs(voiced - np.median(voiced)) < 5) > 0.7  # flat, no intonation
    assert np.std(_pitch(plain)) > 10


def test_a_line_does_not_depend_on_its_neighbours_or_order():
    x = ("Access denied.", Character("AI", "en-us+f4", rate=150))
    others = [(LINE, Character("M", "male")), ("Hello there.", Character("K", "en-us+klatt2"))]
    alone = speech.synthesise_lines([x])[0]
    after = speech.synthesise_lines([*others, x], jobs=1)[2]
    between = speech.synthesise_lines([others[1], x, others[0]], jobs=2)[1]
    assert np.array_equal(alone, after) and np.array_equal(alone, between)
    code = (
        "from storyboard.model import Character; from storyboard.sound import speech; import hashlib;"
        "a = speech.synthesise_lines([('Access denied.', Character('AI', 'en-us+f4', rate=150))])[0];"
        "print(hashlib.sha256(a.tobytes()).hexdigest())"
    )
    other_process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other_process.stdout.strip() == _digest(alone)


def test_a_line_does_not_depend_on_the_time_of_day():
    # eSpeak seeds its noise generator from the clock unless told otherwise;
    # a whispering, noisy robot voice shows it within one second's change.
    x = [("Access denied.", Character("AI", "female", rate=150, effect="robot"))]
    first = speech.synthesise_lines(x)[0]
    time.sleep(1.1)  # lets the clock's second change (the input under test); no time is measured or asserted
    assert np.array_equal(first, speech.synthesise_lines(x)[0])


def test_voices_resolve_and_validate():
    assert voices.known_voice("male") and voices.known_voice("female")
    assert voices.known_voice("en-gb") and voices.known_voice("en-us+f4")
    assert voices.known_voice("en-gb-scotland") and voices.known_voice("en+klatt2")
    assert not voices.known_voice("en-us+zz") and not voices.known_voice("xx-nowhere")
    assert voices.voice_id(Character("A", "male")) != voices.voice_id(Character("B", "female"))
    assert voices.voice_id(Character("A", "en-gb")) == voices.voice_id(Character("A", "EN-GB"))
    with pytest.raises(ValueError, match="unknown voice"):
        voices.voice_id(Character("A", "xx-nowhere"))


def test_assign_voices_gives_everyone_a_distinct_voice():
    listed = {
        "Man": Character("Man", "male", rate=150),
        "Boss": Character("Boss", "male"),
        "AI": Character("AI", "female", effect="robot"),
        "Scot": Character("Scot", "en-gb-scotland"),
    }
    speakers = ["Man", "Stranger", "AI", "Boss", "Kid", "Scot"]
    assigned = voices.assign_voices(speakers, listed)
    assert set(assigned) == set(speakers)
    ids = [voices.voice_id(c) for c in assigned.values()]
    assert len(set(ids)) == len(ids)
    assert assigned["Man"].rate == 150 and assigned["AI"].effect == "robot"
    assert assigned["Scot"].voice == "en-gb-scotland"
    assert voices.assign_voices(speakers, listed) == assigned


def test_unspeakable_text_is_a_clear_error():
    with pytest.raises(speech.SpeechError, match="no audio"):
        speech.synthesise_lines([("...", Character("M"))])


# A spread of voices (variants, Klatt, whisper), rates and effects (robot is monotone).
VARIED = [
    (LINE, Character("M", "male")),
    ("Access denied. Please step away.", Character("AI", "female", rate=150, effect="robot")),
    ("Hello there, NASA and the FBI.", Character("K", "en-us+klatt2", rate=120)),
    ("T minus 10, 9, 8.", Character("S", "en-gb-scotland+f4", rate=220, effect="radio")),
    ("Can you hear me?", Character("W", "en+whisper", rate=170)),
    ("Forty five minutes.", Character("D", "en-gb", rate=90, effect="robot")),
]
WRAPPER = """
import importlib.util, os, sys, time
spec = importlib.util.spec_from_file_location("_espeak_worker", {worker!r})
worker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(worker)
speak = worker._Speaker.speak

def faulty(self, request):  # eSpeak calling exit(1), or hanging, on cue
    if "CRASH" in request["text"]:
        print("injected engine failure", file=sys.stderr, flush=True)
        os._exit(1)
    if "HANG" in request["text"]:
        time.sleep(60)
    return speak(self, request)

worker._Speaker.speak = faulty
sys.exit(worker.main(sys.argv[1:]))
"""


@pytest.fixture(params=[True, False], ids=["fork-server", "process-per-line"])
def forks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run the test with each way of getting a fresh engine."""
    if request.param and not hasattr(os, "fork"):
        pytest.skip("no os.fork here")
    monkeypatch.setattr(speech, "_FORKS", request.param)
    return request.param


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ids of the worker processes synthesise_lines starts."""
    pids: list[int] = []
    popen = subprocess.Popen

    def recording(*args, **kwargs):
        process = popen(*args, **kwargs)
        pids.append(process.pid)
        return process

    monkeypatch.setattr(speech.subprocess, "Popen", recording)
    return pids


@pytest.fixture
def faulty_worker(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Workers that die on ``CRASH`` and hang on ``HANG``; the script's path marks their processes."""
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc to look for left-over processes")
    script = tmp_path / "faulty_worker.py"
    script.write_text(WRAPPER.format(worker=str(speech._WORKER)))
    monkeypatch.setattr(speech, "_WORKER", script)
    return str(script)


def _left_over(marker: str, settle_seconds: float = 30.0) -> list[str]:
    """Processes whose command line has ``marker`` or names the speech worker, and zombie children of ours.

    (Other children of the test process, such as multiprocessing's resource
    tracker started by an earlier test, are not the speech stage's.) A worker
    killed a moment ago may still be on its way out, so processes are looked
    for again until none is left or ``settle_seconds`` pass: on a loaded
    machine the kernel takes a while to tear a killed process group down.
    The bound is a hang guard, not a timed assertion: it is generous, and a
    test passes however soon the processes are gone.
    """
    deadline = time.monotonic() + settle_seconds
    while (found := _processes_of(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def _processes_of(marker: str) -> list[str]:
    """The processes :func:`_left_over` looks for, as they are now."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            stat = (proc / "stat").read_text()
        except (OSError, ValueError):  # not a process, or it ended meanwhile
            continue
        state, ppid = stat.rpartition(")")[2].split()[:2]
        ours = int(ppid) == os.getpid()
        if marker in cmdline or (ours and (state == "Z" or speech._WORKER.name in cmdline)):
            found.append(f"{proc.name} {state} {cmdline}")
    return found


def test_fork_server_and_process_per_line_give_identical_samples(monkeypatch):
    monkeypatch.setattr(speech, "_FORKS", True)
    served = speech.synthesise_lines(VARIED, jobs=2)
    monkeypatch.setattr(speech, "_FORKS", False)
    assert all(map(np.array_equal, served, speech.synthesise_lines(VARIED, jobs=2)))


def test_a_line_is_the_same_first_or_tenth_in_a_server(forks, started):
    x = ("Access denied.", Character("AI", "en-us+f4", rate=150, effect="robot"))
    first = speech.synthesise_lines([x, *VARIED], jobs=1)[0]
    started.clear()
    tenth = speech.synthesise_lines([*VARIED, *VARIED[:3], x], jobs=1)[9]
    assert np.array_equal(first, tenth)
    assert len(started) == 1 if forks else len(started) >= 10  # one server spoke all ten lines (each in passes)


def test_an_engine_that_dies_is_a_clear_error_and_leaves_no_process(forks, started, faulty_worker):
    lines = [(LINE, Character("M", "male")), ("CRASH now.", Character("Kid", "female")), *VARIED[:2]]
    with pytest.raises(speech.SpeechError) as error:
        speech.synthesise_lines(lines, jobs=2)
    message = str(error.value)
    assert "Kid (gmw/en-US+f3)" in message and "'CRASH now.'" in message
    died = "engine died (exit status 1)" if forks else "worker exit status 1"
    assert f"{died}: injected engine failure" in message
    assert len(set(started)) >= 3  # the two servers, and a fresh one for the retry
    assert _left_over(faulty_worker) == []


def test_a_voice_the_engine_lacks_is_a_clear_error_after_a_retry(forks, started, faulty_worker, monkeypatch):
    monkeypatch.setattr(speech, "line_voice", lambda character, text: "xx-nowhere")
    with pytest.raises(speech.SpeechError, match=r"Ann \(xx-nowhere\): eSpeak NG has no voice 'xx-nowhere': 'Hi.'"):
        speech.synthesise_lines([("Hi.", Character("Ann"))], jobs=1)
    assert len(started) == 2
    assert _left_over(faulty_worker) == []


def test_a_hung_engine_times_out_and_is_killed_with_its_children(forks, faulty_worker, monkeypatch):
    # The line never answers, so the outcome is the same however loaded the machine is: nothing here is timed.
    monkeypatch.setattr(speech, "WORKER_TIMEOUT_SECONDS", 1.0)
    with pytest.raises(speech.SpeechError, match="no answer in 1 s"):
        speech.synthesise_lines([("HANG on.", Character("M"))], jobs=1)
    assert _left_over(faulty_worker) == []


def test_an_interrupted_synthesis_stops_its_workers_at_once(forks, faulty_worker, monkeypatch):
    check = speech._implausibility
    calls = []

    def interrupt_on_third_line(*args):
        calls.append(args)
        if len(calls) == 3:
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # Ctrl-C, mid-synthesis
        return check(*args)

    monkeypatch.setattr(speech, "_implausibility", interrupt_on_third_line)
    # Waiting for the hung line would take an hour: the test passes only if the interrupt does not wait for it
    # (no time is measured, so a loaded machine cannot fail it).
    monkeypatch.setattr(speech, "WORKER_TIMEOUT_SECONDS", 3600.0)
    with pytest.raises(KeyboardInterrupt):  # one worker hangs while the other speaks
        speech.synthesise_lines([("HANG on.", Character("M")), *VARIED, *VARIED], jobs=2)
    assert len(calls) < 2 * len(VARIED)
    assert _left_over(faulty_worker) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")
def test_a_fork_server_speaks_the_protocol_without_numpy():
    code = (
        "import importlib.util, sys;"
        f"spec = importlib.util.spec_from_file_location('w', {str(speech._WORKER)!r});"
        "w = importlib.util.module_from_spec(spec); spec.loader.exec_module(w);"
        "w.main([w.FORK_FLAG]); print('numpy' in sys.modules, file=sys.stderr)"
    )
    request = json.dumps({"text": "Hello.", "voice": "gmw/en-US", "rate": 165, "monotone": False}).encode()
    frames = b"".join(struct.pack("<I", len(request)) + request for _ in range(2))
    done = subprocess.run([sys.executable, "-I", "-c", code], input=frames, capture_output=True, check=True)
    assert done.stderr.decode().strip().splitlines()[-1] == "False"
    stream = io.BytesIO(done.stdout)
    bodies = [protocol.read_frame(stream) for _ in range(2)]
    assert protocol.read_frame(stream) is None
    assert bodies[0] == bodies[1]
    status, sample_rate, pcm = protocol.parse_response(bodies[0])
    assert status == protocol.OK and sample_rate == 22_050 and len(pcm) > sample_rate // 2


def test_the_sound_stage_imports_neither_scipy_nor_pyloudnorm():
    code = (
        "import sys; import storyboard.sound.speech, storyboard.sound.mix, storyboard.sound.score,"
        " storyboard.sound.effects; print([m for m in sys.modules if m.split('.')[0] in ('scipy', 'pyloudnorm')])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_resampling_is_band_limited_and_matches_resample_poly():
    rate = 22_050
    noise = np.random.default_rng(2).standard_normal(2 * rate)
    ours = _dsp.resample(noise, rate, SR)
    assert ours.size == resample_poly(noise, 320, 147).size == -(-noise.size * 320 // 147)
    spectrum = np.abs(np.fft.rfft(ours * np.hanning(ours.size))) ** 2
    freqs = np.fft.rfftfreq(ours.size, 1 / SR)
    assert spectrum[freqs > rate / 2 + 50].sum() < 1e-9 * spectrum.sum()  # no images above the old Nyquist
    t = np.arange(rate) / rate
    tone = _dsp.resample(np.sin(2 * np.pi * 1000.3 * t), rate, SR)
    inner = slice(SR // 10, -SR // 10)
    expected = np.sin(2 * np.pi * 1000.3 * np.arange(tone.size) / SR)
    assert np.abs(tone[inner] - expected[inner]).max() < 1e-4  # same timing and level
    poly = resample_poly(noise, 320, 147)
    ours_spectrum, poly_spectrum = np.fft.rfft(ours), np.fft.rfft(poly)
    passband = freqs[: ours_spectrum.size] < 9000
    error = np.linalg.norm(ours_spectrum[passband] - poly_spectrum[passband])
    assert error < 0.01 * np.linalg.norm(poly_spectrum[passband])


def test_engine_version_names_the_engine():
    assert "pyttsx3" in voices.ENGINE_VERSION and "espeakng" in voices.ENGINE_VERSION


# --- effects ----------------------------------------------------------------


def test_radio_is_band_limited_and_deterministic():
    noise = np.random.default_rng(1).standard_normal(SR).astype(np.float32) * 0.3
    radio = effects.apply_effect(noise, "radio", SR)
    assert radio.size == noise.size and radio.dtype == np.float32
    spectrum = np.abs(np.fft.rfft(radio)) ** 2
    freqs = np.fft.rfftfreq(radio.size, 1 / SR)
    assert spectrum[(freqs > 250) & (freqs < 4500)].sum() > 0.9 * spectrum.sum()
    assert spectrum[(freqs < 100) | (freqs > 8000)].sum() < 0.01 * spectrum.sum()
    assert np.array_equal(radio, effects.apply_effect(noise, "radio", SR))


def test_filters_match_their_scipy_definitions():
    for order, band_hz, rate in ((effects.RADIO_FILTER_ORDER, effects.RADIO_BAND_HZ, SR), (2, (1800, 5000), 12_000)):
        freqs, response = sosfreqz(butter(order, band_hz, "bandpass", fs=rate, output="sos"), 2048, fs=rate)
        ours = _dsp.butterworth_bandpass(freqs / rate, band_hz[0] / rate, band_hz[1] / rate, order)
        assert np.abs(ours - np.abs(response)).max() < 1e-9
    x = np.random.default_rng(3).standard_normal(5000)
    delay = round(effects.ROBOT_COMB_SECONDS * SR)
    feedback = np.zeros(delay + 1)
    feedback[0], feedback[delay] = 1.0, -effects.ROBOT_COMB_FEEDBACK
    reference = lfilter([1 - effects.ROBOT_COMB_FEEDBACK], feedback, x)
    assert np.allclose(effects._feedback_comb(x, delay, effects.ROBOT_COMB_FEEDBACK), reference, atol=1e-12)
    for n, width in ((10_000, 241), (100, 241), (7, 3)):
        level = np.random.default_rng(n).random(n)
        assert np.array_equal(_dsp.sliding_minimum(level, width), minimum_filter1d(level, width, mode="nearest"))


def test_effects_keep_length_and_peak_and_reject_unknown():
    tone = (0.5 * np.sin(2 * np.pi * 220 * np.arange(SR) / SR)).astype(np.float32)
    for name in effects.EFFECTS:
        out = effects.apply_effect(tone, name, SR)
        assert out.shape == tone.shape and np.isclose(np.abs(out).max(), 0.5, atol=1e-3)
    assert np.array_equal(effects.apply_effect(tone, "none", SR), tone)
    with pytest.raises(ValueError, match="unknown effect"):
        effects.apply_effect(tone, "chipmunk", SR)


# --- score ------------------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(score.STYLES))
def styled(request: pytest.FixtureRequest) -> tuple[str, np.ndarray]:
    """Each style, 30 s of it."""
    return request.param, score.render_score(request.param, 30.0, 1)


def _high_passed(x: np.ndarray, hz: float = 200.0) -> np.ndarray:
    return sosfilt(butter(4, hz, "highpass", fs=SR, output="sos"), x)


def test_every_style_is_stereo_under_its_peak_and_seeded(styled):
    name, music = styled
    assert music.shape == (30 * SR, 2) and music.dtype == np.float32
    assert -34 < _rms_db(music) < -18
    assert np.abs(music).max() <= 10 ** (-12 / 20) + 1e-6
    assert not np.array_equal(music[:, 0], music[:, 1])  # some width
    assert np.array_equal(music[: 5 * SR], score.render_score(name, 30.0, 1)[: 5 * SR])
    assert not np.allclose(music[: 5 * SR], score.render_score(name, 30.0, 2)[: 5 * SR])


def test_every_style_reads_on_a_small_speaker(styled):
    _, music = styled
    mono = music.mean(axis=1).astype(np.float64)
    power = np.abs(np.fft.rfft(mono)) ** 2
    freqs = np.fft.rfftfreq(mono.size, 1 / SR)
    assert power[freqs > 200].sum() >= 0.4 * power.sum()
    assert _rms_db(mono) - _rms_db(_high_passed(mono)) <= 3.0  # through a 200 Hz high-pass


def test_every_style_builds_louder_and_brighter(styled):
    _, music = styled
    mono = music.mean(axis=1).astype(np.float64)
    third = mono.size // 3
    first, last = mono[:third], mono[-third:]
    assert _rms_db(last) > _rms_db(first) + 2
    assert _centroid(last) > _centroid(first) * 1.15


def test_a_score_read_in_blocks_is_the_score_made_whole():
    whole = score.render_score("pulse", 9.0, 3)
    stream = score.ScoreStream("pulse", 9.0, 3)
    edges = [0, 1000, 60_000, 59_000, 200_000, 431_999, 9 * SR + 500]  # overlapping, forward, past the end
    for start, end in zip(edges, edges[1:]):
        start, end = min(start, end), max(start, end)
        expected = np.zeros((end - start, 2), np.float32)
        held = whole[start:end]
        expected[: len(held)] = held
        assert np.array_equal(stream.read(start, end), expected)
    assert np.array_equal(stream.read(0, 100), whole[:100])  # back to the start


# --- ambience and effects -----------------------------------------------------


@pytest.mark.parametrize("name", sorted(ambience.BEDS))
def test_ambience_never_falls_below_minus_50_dbfs_and_stays_quiet(name):
    stream = ambience.AmbienceStream(name, 7, 12 * SR)
    bed = stream.read(0, 12 * SR)
    levels = [_rms_db(bed[i : i + SR // 2]) for i in range(0, bed.shape[0], SR // 2)]
    assert min(levels) >= -50.0 and max(levels) < -38.0
    assert np.array_equal(bed[3 * SR + 17 : 5 * SR], ambience.AmbienceStream(name, 7, 12 * SR).read(3 * SR + 17, 5 * SR))
    assert not np.array_equal(bed[:SR], ambience.AmbienceStream(name, 8, 12 * SR).read(0, SR))
    assert not np.any(stream.read(12 * SR - 10, 12 * SR + 10)[10:])  # silent past its end


@pytest.mark.parametrize("name", sorted(sfx.RECIPES))
def test_effects_start_on_their_first_sample_at_their_level(name):
    effect = sfx.make_effect(name, 5)
    level = np.abs(effect).max(axis=1)
    assert 20 * np.log10(level.max()) == pytest.approx(sfx.RECIPES[name].peak_dbfs, abs=0.01)
    assert level[: SR // 100].max() > 0.1 * level.max()  # loud within 10 ms: it lands on its time
    assert np.array_equal(effect, sfx.make_effect(name, 5)) and not np.array_equal(effect, sfx.make_effect(name, 6))



def test_an_effect_made_when_read_mixes_as_the_effect_made_up_front():
    held = [mix.Sound(int(0.3 * SR), sfx.HeldEffect("footsteps", 3)), mix.Sound(int(1.9 * SR), sfx.HeldEffect("glass", 4))]
    made = [mix.Sound(int(0.3 * SR), sfx.make_effect("footsteps", 3)), mix.Sound(int(1.9 * SR), sfx.make_effect("glass", 4))]
    assert len(held[0].samples) == len(made[0].samples) > 1.5 * SR  # four steps half a second apart
    plans = [mix.MixPlan(4 * SR, effects=effects) for effects in (held, made)]
    assert np.array_equal(mix.mix(plans[0], block=SR // 3), mix.mix(plans[1], block=SR // 3))  # blocks cut through both


# --- mix --------------------------------------------------------------------


def _voice_like(seconds: float, level: float = 0.3) -> np.ndarray:
    t = np.arange(round(seconds * SR)) / SR
    return (level * np.sin(2 * np.pi * 180 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))).astype(np.float32)


def _plan(total: int, lines, music=None, stop=None, **parts) -> mix.MixPlan:
    voices = [mix.Voice(start, samples, who) for start, samples, who in lines]
    return mix.MixPlan(total, voices, None if music is None else mix.ArrayStream(music), stop, **parts)


def test_music_sits_7_db_down_until_its_stop_and_is_silent_from_it():
    total, stop = 12 * SR, 8 * SR
    music = score.render_score("tense-drone", 12, 3)
    out = mix.mix(_plan(total, [], music, stop))
    assert out.dtype == np.int16 and out.shape == (total, 2)
    assert not np.any(out[stop:])
    full = slice(stop - SR, stop - round(0.005 * SR))  # up to the 5 ms ramp
    expected = np.round(music[full] * 10 ** (-7 / 20) * 32767).astype(np.int32)
    assert np.abs(out[full].astype(np.int32) - expected).max() <= 1  # full level, to the last bit
    ramp = out[stop - round(0.005 * SR) : stop].astype(np.float64)
    assert 0 < np.abs(ramp).max() < np.abs(out[stop - SR : stop - 240]).max()
    louder = mix.mix(_plan(total, [], music, stop, music_db=-6.0))
    assert _rms_db(louder[full] / 32767) - _rms_db(out[full] / 32767) == pytest.approx(-6.0, abs=0.05)


def test_music_is_ducked_6_db_under_dialogue_and_dialogue_is_centred():
    total = 8 * SR
    music = score.render_score("warm-pad", 8, 5)
    line = (3 * SR, _voice_like(2.0), "A")
    parts = next(iter(mix.stems(_plan(total, [line], music, None))))[1]
    during, before = slice(int(3.5 * SR), int(4.5 * SR)), slice(int(1.0 * SR), int(2.0 * SR))
    assert _rms_db(parts.music[during]) - _rms_db(music[during]) == pytest.approx(-7 - 6, abs=0.3)
    assert _rms_db(parts.music[before]) - _rms_db(music[before]) == pytest.approx(-7, abs=0.05)
    half = int(0.13 * SR)  # two 120 ms box filters: the ducking reaches 0.12 s either side of a line
    assert _rms_db(parts.music[3 * SR - half - SR // 10 : 3 * SR - half]) - _rms_db(
        music[3 * SR - half - SR // 10 : 3 * SR - half]) == pytest.approx(-7, abs=0.01)
    voice = parts.dialogue["A"]
    assert np.array_equal(voice[:, 0], voice[:, 1]) and _rms_db(voice[during]) > -30


def test_loud_material_never_clips():
    total = 4 * SR
    shout = np.sign(_voice_like(1.0)) * 0.99  # a square wave at full scale, far above -18 LUFS
    lines = [(SR, shout, "A"), (int(1.5 * SR), shout, "B"), (3 * SR, _voice_like(0.2, 1.0), "A")]
    plan = _plan(total, lines, score.render_score("pulse", 4, 1) * 3, None)
    out = mix.mix(plan)
    assert np.abs(out.astype(np.int32)).max() <= round(32767 * 10 ** (-1 / 20)) + 1
    assert np.array_equal(out, mix.mix(plan))


def test_loudness_matches_pyloudnorm(male_female):
    t = np.arange(3 * SR) / SR
    signals = [
        *male_female,
        effects.apply_effect(male_female[1], "radio", SR),
        0.1 * np.random.default_rng(4).standard_normal(2 * SR),
        np.where((t > 1.0) & (t < 1.5), 0.5 * np.sin(2 * np.pi * 997 * t), 0.0),  # a tone burst: gating matters
        0.3 * np.sin(2 * np.pi * 60 * t),
    ]
    # pyloudnorm also counts a final block that is more than half past the end
    # (zero-padded); BS.1770 does not. Lines under ~0.6 s can differ by ~0.4 LU.
    meter = pyloudnorm.Meter(SR)
    for x in signals:
        x = np.asarray(x, dtype=np.float64)
        assert mix.integrated_loudness(x) == pytest.approx(meter.integrated_loudness(x), abs=0.1)
    assert mix.integrated_loudness(np.zeros(SR)) == -np.inf
    assert np.isclose(mix.integrated_loudness(mix.normalise_line(male_female[0])), -18.0)  # docs/sound.md: -18 LUFS


def test_lines_outside_the_mix_are_rejected():
    with pytest.raises(ValueError, match="outside"):
        mix.mix(_plan(SR, [(SR // 2, _voice_like(1.0), "A")]))


def test_write_wav_round_trips(tmp_path):
    samples = mix.mix(_plan(SR // 10, [(0, _voice_like(0.05), "A")]))
    path = tmp_path / "out.wav"
    mix.write_wav(path, samples, SR)
    with wave.open(str(path)) as read:
        assert (read.getnchannels(), read.getframerate(), read.getnframes()) == (2, SR, SR // 10)
        assert np.array_equal(np.frombuffer(read.readframes(SR), "<i2").reshape(-1, 2), samples)


def _everything(loudness: float) -> mix.MixPlan:
    """A film with every part: lines that overlap, music that stops, a bed, effects, the limiter at work if loud."""
    total, stop = 12 * SR, 10 * SR + 1234
    lines = [(int(s * SR), _voice_like(d), who) for s, d, who in
             ((0.0, 1.0, "A"), (1.1, 2.0, "B"), (3.3, 0.2, "A"), (4.0, 3.0, "C"), (5.5, 1.0, "B"), (9.9, 2.0, "A"))]
    effects = [mix.Sound(int(2.2 * SR), sfx.make_effect("impact", 1)), mix.Sound(int(11.5 * SR), sfx.make_effect("glass", 2))]
    return _plan(total, lines, score.render_score("tense-drone", 12, 6) * loudness, stop,
                 ambience=ambience.AmbienceStream("rain", 1, total), effects=effects)


@pytest.mark.parametrize("loudness", [1.0, 10.0])  # 10: the limiter works
def test_mixing_block_by_block_is_mixing_the_whole_film(loudness):
    plan = _everything(loudness)
    whole = mix.mix(plan, block=plan.total)
    assert np.array_equal(mix.mix(plan, block=4801), whole)  # block edges inside lines, ramps and limited peaks
    assert np.array_equal(mix.mix_block(plan, 5 * SR + 3, 7 * SR), whole[5 * SR + 3 : 7 * SR])


@pytest.mark.parametrize("loudness", [1.0, 10.0])
def test_the_stems_add_up_to_the_mix(loudness):
    plan = _everything(loudness)
    whole = mix.mix(plan).astype(np.float64) / 32767
    blocks = list(mix.stems(plan, block=100_003))
    assert list(blocks[0][1].dialogue) == ["A", "B", "C"]
    total = np.concatenate([sum(p.astype(np.float64) for p in parts.parts()) for _, parts in blocks])
    assert _rms_db(total - whole) < _rms_db(whole) - 60
    dialogue = np.concatenate([parts.all_dialogue for _, parts in blocks])
    assert _rms_db(dialogue[int(1.2 * SR) : int(2.9 * SR)]) > -30  # B alone there
    music = np.concatenate([parts.music for _, parts in blocks])
    assert not np.any(music[10 * SR + 1234 :])  # the music's stem stops exactly; the bed goes on
    bed = np.concatenate([parts.ambience for _, parts in blocks])
    assert _rms_db(bed[11 * SR : 11 * SR + SR // 2]) > -51 - (20 if loudness > 1 else 0)


def _reference_mix(plan: mix.MixPlan, music: np.ndarray) -> np.ndarray:
    """The documented mix, computed whole from its definition with pyloudnorm's loudness (not the module's).

    Lines at -18 LUFS, music 7 dB down and 6 dB more under lines (smoothed by
    two 120 ms box filters), a 5 ms raised-cosine ramp ending at the stop.
    """
    total, stop = plan.total, plan.music_stop
    meter = pyloudnorm.Meter(SR)
    bus = np.zeros(total)
    inside = np.zeros(total)
    for line in plan.lines:
        gain = 10 ** ((-18 - meter.integrated_loudness(line.samples.astype(np.float64))) / 20)
        bus[line.start : line.start + len(line.samples)] += line.samples * gain
        if line.start < stop:
            inside[line.start : line.start + len(line.samples)] = 1
    box = np.ones(5761) / 5761  # 0.12 s at 48 kHz, odd
    held = np.concatenate([np.full(5760, inside[0]), inside, np.full(5760, inside[-1])])
    duck = 1 - (1 - 10 ** (-6 / 20)) * np.convolve(np.convolve(held, box, "same"), box, "same")[5760:-5760]
    ramp = 0.5 + 0.5 * np.cos(np.pi * np.arange(1, 241) / 241)
    fade = np.ones(total)
    fade[stop - 240 : stop], fade[stop:] = ramp, 0.0
    return music[:total] * (10 ** (-7 / 20) * duck * fade)[:, None] + bus[:, None]


def test_the_mix_is_what_docs_sound_md_says():
    total, stop = 8 * SR, 6 * SR
    music = score.render_score("ambient", 8, 2).astype(np.float64)
    lines = [(int(1.0 * SR), _voice_like(1.5), "A"), (int(5.5 * SR), _voice_like(1.0, 0.2), "B")]
    plan = _plan(total, lines, music, stop)
    ours = mix.mix(plan).astype(np.float64) / 32767
    reference = _reference_mix(plan, music)
    assert _rms_db(ours - reference) < _rms_db(reference) - 35  # pyloudnorm and BS.1770 differ by ~0.1 LU


def test_sound_stage_memory_stays_near_a_block():
    # Peak RSS, in a fresh process, added by mixing 10 minutes block by block
    # (score, bed, 150 lines, the limiter at work) without keeping the mix.
    code = """
        import resource, sys
        import numpy as np
        from storyboard.sound import ambience, mix, score
        def peak():
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
        rate, seconds = 48_000, 600
        t = np.arange(2 * rate) / rate
        line = (0.9 * np.sign(np.sin(2 * np.pi * 180 * t))).astype(np.float32)
        total = seconds * rate
        plan = mix.MixPlan(total, [mix.Voice(s, line, "A") for s in range(0, total - 2 * rate, 4 * rate)],
                           score.ScoreStream("pulse", seconds, 1), None, 0.0, ambience.AmbienceStream("crowd", 1, total))
        next(mix.mix_blocks(mix.MixPlan(rate, [mix.Voice(0, line[:rate], "A")], score.ScoreStream("pulse", 1, 1))))
        before = peak()
        for _ in mix.mix_blocks(plan):
            pass
        print(peak() - before)
    """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True)
    assert float(done.stdout) < 60  # the whole mix in float32 would be 230 MB


def test_the_limiter_holds_peaks_at_minus_1_dbfs_over_5_ms_either_side():
    total, spike = SR // 10, SR // 20
    tone = np.full((total, 2), 0.25, np.float32)  # a level to read the gain from
    click = np.zeros((1, 2), np.float32) + 0.75  # with the tone: full scale for one sample
    out = mix.mix(mix.MixPlan(total, effects=[mix.Sound(0, tone), mix.Sound(spike, click)])).astype(np.float64) / 32767
    assert out[spike, 0] == pytest.approx(10 ** (-1 / 20), abs=1 / 32767)
    gain = out[:, 0] / out[0, 0]  # the tone alone is untouched
    assert np.all(gain[: spike - 240] == 1.0) and np.all(gain[spike + 241 :] == 1.0)  # 240 samples = 5 ms
    assert gain[spike - 239] < 1.0 and gain[spike + 239] < 1.0
    assert gain[spike - 120] < 0.95 and gain[spike + 120] < 0.95  # half way: well into the dip
