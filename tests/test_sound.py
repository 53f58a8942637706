"""The sound stage, measured: speech, effects, the score and the mix."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
import wave

import numpy as np
import pyloudnorm
import pytest
from scipy.ndimage import minimum_filter1d
from scipy.signal import butter, hilbert, lfilter, resample_poly, sosfreqz

from storyboard.model import Character
from storyboard.sound import _dsp, effects, mix, score, speech, voices

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
    time.sleep(1.1)
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


@pytest.fixture(scope="module")
def drone() -> np.ndarray:
    return score.tense_drone(10.0, 1)


def test_score_is_stereo_non_silent_and_under_its_peak(drone):
    assert drone.shape == (10 * SR, 2) and drone.dtype == np.float32
    assert -30 < _rms_db(drone) < -15
    assert np.abs(drone).max() <= 10 ** (score.PEAK_DBFS / 20) + 1e-6
    assert not np.array_equal(drone[:, 0], drone[:, 1])  # some width


def test_score_is_not_a_sine_and_low_frequencies_dominate(drone):
    mono = drone.mean(axis=1).astype(np.float64)
    power = np.abs(np.fft.rfft(mono)) ** 2
    freqs = np.fft.rfftfreq(mono.size, 1 / SR)
    strongest = freqs[np.argmax(power)]
    assert power[np.abs(freqs - strongest) < 2].sum() < 0.5 * power.sum()
    assert power[freqs < 300].sum() > 0.7 * power.sum()
    assert power[freqs > 1500].sum() > 1e-5 * power.sum()  # the ticks and the cluster exist


def test_score_filter_moves_over_time(drone):
    window = SR // 2
    centroids = [_centroid(drone[i : i + window].mean(axis=1)) for i in range(0, drone.shape[0], window)]
    assert max(centroids) - min(centroids) > 200


def test_score_has_a_pulse_near_100_bpm(drone):
    high = drone.mean(axis=1) - np.convolve(drone.mean(axis=1), np.ones(16) / 16, "same")  # crude high-pass
    hop = SR // 200  # 5 ms envelope frames
    envelope = np.abs(high[: high.size // hop * hop]).reshape(-1, hop).mean(axis=1)
    envelope -= envelope.mean()
    corr = np.correlate(envelope, envelope, "full")[envelope.size - 1 :]
    lags = np.arange(corr.size) * hop / SR
    search = (lags > 0.2) & (lags < 0.8)
    best = lags[search][np.argmax(corr[search])]
    eighth = 30 / score.TEMPO_BPM
    assert min(abs(best - eighth), abs(best - 2 * eighth)) < 0.02
    assert 90 <= score.TEMPO_BPM <= 110


def test_score_is_seeded(drone):
    assert np.array_equal(drone, score.tense_drone(10.0, 1))
    assert not np.allclose(drone, score.tense_drone(10.0, 2))


def test_longer_score_only_appends():
    short, long = score.tense_drone(7.3, 4), score.tense_drone(13.1, 4)
    assert np.array_equal(short, long[: short.shape[0]])
    assert score.tense_drone(0, 4).shape == (0, 2)


def test_moving_filter_is_the_exact_biquad_recursion():
    rate = SR / score.OVERSAMPLE
    drone = score._Drone(3, rate)
    raw = np.random.default_rng(0).standard_normal((2, 6 * drone.block))
    times = np.array([0.0, 1.3, 2.7, 4.0, 6.1, 7.7])  # far apart: the cut-off jumps
    half = 3 * drone.block
    ours = np.concatenate([drone._filter(raw[:, :half], times[:3]), drone._filter(raw[:, half:], times[3:])], axis=1)
    gain, a1, a2 = score._lowpass_coefficients(drone._cutoff(times), score.FILTER_Q, rate)
    x = np.concatenate([np.zeros((2, 2)), raw], axis=1)
    y = np.zeros((2, raw.shape[1] + 2))
    for n in range(raw.shape[1]):
        i = n // drone.block
        y[:, n + 2] = gain[i] * (x[:, n + 2] + 2 * x[:, n + 1] + x[:, n]) - a1[i] * y[:, n + 1] - a2[i] * y[:, n]
    assert np.abs(ours - y[:, 2:]).max() < 1e-9 * np.abs(y).max()


def test_score_styles_registry_and_speed():
    assert score.SCORE_STYLES["tense-drone"] is score.tense_drone
    start = time.perf_counter()
    score.tense_drone(120.0, 9)
    assert time.perf_counter() - start < 1.5  # about 0.4 s on the dev machine


# --- mix --------------------------------------------------------------------


def _voice_like(seconds: float, level: float = 0.3) -> np.ndarray:
    t = np.arange(round(seconds * SR)) / SR
    return (level * np.sin(2 * np.pi * 180 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))).astype(np.float32)


def test_music_is_full_until_stop_and_silent_from_it():
    total, stop = 12 * SR, 8 * SR
    music = score.tense_drone(12, 3)
    out = mix.mix(total, [(SR, _voice_like(1.5)), (stop, _voice_like(2.0))], music, stop)
    assert out.dtype == np.int16 and out.shape == (total, 2)
    bed = 10 ** (mix.MUSIC_BED_DB / 20) * 32767
    reference = music[stop - SR // 2 : stop - SR // 100] * bed
    assert abs(_rms_db(out[stop - SR // 2 : stop - SR // 100]) - _rms_db(reference)) < 0.5
    silent = mix.mix(total, [], music, stop)
    assert not np.any(silent[stop:])
    ramp = round(mix.STOP_RAMP_SECONDS * SR)
    expected = np.round(music[: stop - ramp] * bed).astype(np.int32)
    assert np.abs(silent[: stop - ramp].astype(np.int32) - expected).max() <= 1  # full level, to the last bit


def test_music_is_ducked_under_dialogue_and_dialogue_is_present():
    total = 8 * SR
    music = score.tense_drone(8, 5)
    line = (3 * SR, _voice_like(2.0))
    both = mix.mix(total, [line], music, None).astype(np.float64)
    voice_only = mix.mix(total, [line], None, None).astype(np.float64)
    ducked_music = both - voice_only
    during = slice(int(3.5 * SR), int(4.5 * SR))
    before = slice(int(1.0 * SR), int(2.0 * SR))
    bed = _rms_db(music[before]) + mix.MUSIC_BED_DB
    assert _rms_db(ducked_music[during] / 32767) - _rms_db(music[during]) - mix.MUSIC_BED_DB == pytest.approx(
        mix.DUCK_DB, abs=0.5
    )
    assert _rms_db(ducked_music[before] / 32767) == pytest.approx(bed, abs=0.3)
    assert _rms_db(voice_only[during]) > _rms_db(voice_only[before]) + 60
    assert np.array_equal(voice_only[:, 0], voice_only[:, 1])  # centred


def test_loud_material_never_clips():
    total = 4 * SR
    shout = np.sign(_voice_like(1.0)) * 0.99  # a square wave at full scale, far above -18 LUFS
    lines = [(SR, shout), (int(1.5 * SR), shout), (3 * SR, _voice_like(0.2, 1.0))]  # overlap + a short line
    out = mix.mix(total, lines, score.tense_drone(4, 1) * 3, None)
    assert np.abs(out.astype(np.int32)).max() <= round(32767 * 10 ** (mix.LIMIT_DBFS / 20)) + 1
    assert np.array_equal(out, mix.mix(total, lines, score.tense_drone(4, 1) * 3, None))


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
    assert np.isclose(mix.integrated_loudness(mix.normalise_line(male_female[0])), mix.DIALOGUE_LUFS)


def test_lines_outside_the_mix_are_rejected():
    with pytest.raises(ValueError, match="outside"):
        mix.mix(SR, [(SR // 2, _voice_like(1.0))], None, None)


def test_write_wav_round_trips(tmp_path):
    samples = mix.mix(SR // 10, [(0, _voice_like(0.05))], None, None)
    path = tmp_path / "out.wav"
    mix.write_wav(path, samples, SR)
    with wave.open(str(path)) as read:
        assert (read.getnchannels(), read.getframerate(), read.getnframes()) == (2, SR, SR // 10)
        assert np.array_equal(np.frombuffer(read.readframes(SR), "<i2").reshape(-1, 2), samples)
