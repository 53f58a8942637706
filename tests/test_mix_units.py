"""The mix (docs/sound.md, "The mix") on short synthetic signals: each test takes milliseconds.

Steady music makes the gains readable sample by sample: the music's stem is
the music times its gain. Documented values as literals: the music 7 dB
down, 6 dB further down under a line through two 120 ms box filters (5761
samples each at 48 kHz, the value at the mix's edge beyond it), a 5 ms
(240-sample) raised-cosine ramp ending at the stop; each line at -18 LUFS
(BS.1770-4: a full-scale 997 Hz sine reads -3.01 LUFS), a line under 0.4 s
(19,200 samples) peaking at -4 dBFS; a peak limiter at -1 dBFS whose gain is
a running minimum over 241 samples (5 ms), then their average.
"""

from __future__ import annotations

import wave

import numpy as np
import pytest

from storyboard.sound import mix

SR = 48_000
LEVEL = 0.5  # the steady music's samples
BED = LEVEL * 10 ** (-7 / 20)
DUCKED = LEVEL * 10 ** (-13 / 20)
BOX = 5761  # 0.12 s at 48 kHz, made odd to be centred
RAMP = 240  # 5 ms at 48 kHz
CEILING = 10 ** (-1 / 20)
# BS.1770-4's K-weighting at 48 kHz (its tables 1 and 2): a high shelf, then the RLB high-pass
SHELF = ([1.53512485958697, -2.69169618940638, 1.19839281085285], [1.0, -1.69065929318241, 0.73248077421585])
HIGH_PASS = ([1.0, -2.0, 1.0], [1.0, -1.99004745483398, 0.99007225036621])


def steady(total: int) -> mix.ArrayStream:
    """Music that holds LEVEL in both channels."""
    return mix.ArrayStream(np.full((total, 2), LEVEL, np.float32))


def sine(samples: int, amplitude: float = 0.1, hz: float = 997.0) -> np.ndarray:
    """A mono sine, float32, as a line's speech is."""
    return (amplitude * np.sin(2 * np.pi * hz * np.arange(samples) / SR)).astype(np.float32)


def close(actual: np.ndarray, expected: np.ndarray, rel: float) -> None:
    """Every sample within ``rel`` of what is expected (float32 stems hold about 6e-8)."""
    np.testing.assert_allclose(actual, expected, rtol=rel, atol=0)


def music_of(plan: mix.MixPlan) -> np.ndarray:
    """The left channel of the music's stem over the whole plan."""
    return mix.stem_block(plan, 0, plan.total).music[:, 0].astype(np.float64)


def ramp(samples: int = RAMP) -> np.ndarray:
    """The documented stop: a raised cosine down to just over 0 at its last sample."""
    return 0.5 + 0.5 * np.cos(np.pi * np.arange(1, samples + 1) / (samples + 1))


def faded(total: int) -> np.ndarray:
    """The music's gain without a stop: full, and the ramp over the mix's last 5 ms."""
    gain = np.ones(total)
    gain[-RAMP:] = ramp()
    return gain


def box(values: np.ndarray) -> np.ndarray:
    """The mean over each centred window of BOX samples that fits."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    return (sums[BOX:] - sums[:-BOX]) / BOX


def ducking(total: int, lines: list[tuple[int, int]]) -> np.ndarray:
    """The documented ducking, from its definition: 1 outside lines, -6 dB inside, through two box filters."""
    inside = np.zeros(total)
    for a, b in lines:
        inside[a:b] = 1.0
    held = np.pad(inside, BOX - 1, mode="edge")
    return 1 - (1 - 10 ** (-6 / 20)) * box(box(held))


# --- the music: its bed, its ducking, its stop --------------------------------------------------


@pytest.mark.parametrize(("level", "expected"), [(0.0, -7.0), (-6.0, -13.0), (3.0, -4.0)])
def test_the_music_sits_7_db_down_plus_its_level(level: float, expected: float) -> None:
    music = music_of(mix.MixPlan(2000, music=steady(2000), music_db=level))
    close(music, LEVEL * 10 ** (expected / 20) * faded(2000), 1e-6)


@pytest.mark.parametrize(("start", "length", "total"), [
    (15_000, 10_000, 40_000),  # in the middle: the ducking's whole curve on both sides
    (0, 10_000, 30_000),  # from the first sample: ducked from the start, as if the line went on before it
    (1, 10_000, 30_000),  # from the second: half ducked at the first
    (20_000, 10_000, 30_000),  # to the last sample: ducked to the end
    (20_000, 9_999, 30_000),  # to one before the last: half ducked at the last
])
def test_the_music_is_ducked_6_db_under_a_line_through_two_120_ms_boxes(start: int, length: int, total: int) -> None:
    line = mix.Voice(start, sine(length), "A")
    music = music_of(mix.MixPlan(total, [line], steady(total)))
    close(music, BED * ducking(total, [(start, start + length)]) * faded(total), 1e-6)


def test_the_ducking_reaches_exactly_120_ms_either_side_of_a_line() -> None:
    a, b, total = 15_000, 27_000, 40_000
    music = music_of(mix.MixPlan(total, [mix.Voice(a, sine(b - a), "A")], steady(total)))
    reach = 2 * 2880  # two boxes of 2 x 2880 + 1 samples
    assert np.all(music[: a - reach] == np.float32(BED)) and np.all(music[b + reach : -RAMP] == np.float32(BED))
    assert music[a - reach + 100] < BED * (1 - 1e-5) and music[b + reach - 101] < BED * (1 - 1e-5)
    close(music[a + reach : b - reach], np.full(b - a - 2 * reach, DUCKED), 1e-6)
    assert music[a + reach - 100] > DUCKED * (1 + 1e-5) and music[b - reach + 99] > DUCKED * (1 + 1e-5)
    half_way = BED * (1 - (1 - 10 ** (-6 / 20)) * (0.5 + 0.5 / BOX))  # at a line's first and last sample
    assert (music[a], music[b - 1]) == pytest.approx((half_way, half_way), rel=1e-6)


REACH = 2 * 2880  # samples either side of a line's edge that the two boxes see
SPAN = (20_000, 30_000)  # a span of a 60,000-sample mix, read alone


EDGES = [  # one line each
    (5_000, 45_000),  # starts before the span and ends after it, its edges out of reach: ducked throughout
    (20_000 - REACH - 1, 45_000), (20_000 - REACH, 45_000), (20_000 - REACH + 1, 45_000),  # a start near the span's
    (19_999, 45_000), (20_000, 45_000), (20_001, 45_000),
    (5_000, 30_000 + REACH - 1), (5_000, 30_000 + REACH), (5_000, 30_000 + REACH + 1),  # an end near the span's end
    (5_000, 29_999), (5_000, 30_000), (5_000, 30_001),
    (5_000, 20_000 - REACH - 1), (5_000, 20_000 - REACH), (5_000, 20_000 - REACH + 1),  # ends before the span
    (30_000 + REACH - 1, 45_000), (30_000 + REACH, 45_000), (30_000 + REACH + 1, 45_000),  # starts after it
    (8_000, 22_000), (28_000, 42_000), (22_000, 28_000),  # an edge inside the span, far from its other edge
]


@pytest.mark.parametrize("lines", [[line] for line in EDGES] + [
    [(2_000, 8_000), (30_000, 58_000)],  # ducked up to the span, and after it
    [(14_000, 19_000), (21_000, 26_000), (31_000, 36_000)],  # edges within reach on both sides, overlapping reaches
    [(0, 60_000)],  # the whole mix
    [(5_000, 15_000), (15_000, 40_000)],  # one line ending where the next starts: no rise between them
])
def test_a_span_of_the_music_is_ducked_as_the_whole_is(lines: list[tuple[int, int]]) -> None:
    total, (start, end) = 60_000, SPAN
    voices = [mix.Voice(a, sine(b - a), who) for (a, b), who in zip(lines, "ABC")]
    music = mix.stem_block(mix.MixPlan(total, voices, steady(total)), start, end).music[:, 0].astype(np.float64)
    close(music, (BED * ducking(total, lines) * faded(total))[start:end], 1e-6)


def test_two_lines_duck_the_music_once_where_they_overlap() -> None:
    total, lines = 60_000, [(10_000, 30_000), (20_000, 40_000)]  # over 0.4 s: at -18 LUFS, under the limiter
    plan = mix.MixPlan(total, [mix.Voice(a, sine(b - a), who) for (a, b), who in zip(lines, "AB")], steady(total))
    close(music_of(plan), BED * ducking(total, [(10_000, 40_000)]) * faded(total), 1e-6)


def test_the_music_ramps_down_over_the_last_5_ms_before_its_stop_and_is_silent_from_it() -> None:
    stop, total = 10_000, 12_000
    music = music_of(mix.MixPlan(total, music=steady(total), music_stop=stop))
    close(music[: stop - RAMP], np.full(stop - RAMP, BED), 1e-6)
    close(music[stop - RAMP : stop], BED * ramp(), 1e-5)
    assert music[stop - 1] > 0 and not np.any(music[stop:])


@pytest.mark.parametrize("stop", [100, 1])
def test_a_stop_earlier_than_5_ms_ramps_from_the_first_sample(stop: int) -> None:
    music = music_of(mix.MixPlan(1000, music=steady(1000), music_stop=stop))
    close(music[:stop], BED * ramp(stop), 1e-5)
    assert not np.any(music[stop:])


@pytest.mark.parametrize("stop", [0, -500])
def test_a_stop_at_or_before_the_start_silences_the_music(stop: int) -> None:
    assert not np.any(music_of(mix.MixPlan(1000, music=steady(1000), music_stop=stop)))


@pytest.mark.parametrize("stop", [None, 4999, 5000, 7000])
def test_music_that_plays_to_the_end_ramps_down_to_it(stop: int | None) -> None:
    music = music_of(mix.MixPlan(5000, music=steady(5000), music_stop=stop))
    expected = BED * faded(5000)
    if stop == 4999:  # one sample earlier: the ramp moves with it
        expected = np.concatenate([np.full(4999 - RAMP, BED), BED * ramp(), [0.0]])
    close(music, expected, 1e-5)


@pytest.mark.parametrize(("line_start", "ducked"), [(20_000, False), (19_999, True), (21_000, False)])
def test_only_a_line_that_starts_before_the_stop_ducks_the_music(line_start: int, ducked: bool) -> None:
    stop, total = 20_000, 30_000
    plan = mix.MixPlan(total, [mix.Voice(line_start, sine(5000), "A")], steady(total), stop)
    before = music_of(plan)[stop - RAMP - 200 : stop - RAMP]
    assert bool(np.any(before < BED * (1 - 1e-6))) is ducked


# --- the lines ---------------------------------------------------------------------------------


def test_a_line_is_normalised_to_minus_18_lufs() -> None:
    quiet = mix.Voice(1000, sine(SR, 0.01), "A")
    peak = np.abs(mix.stem_block(mix.MixPlan(SR + 2000, [quiet]), 0, SR + 2000).dialogue["A"]).max()
    assert 20 * np.log10(peak) == pytest.approx(-18 + 3.01, abs=0.01)  # a 997 Hz sine at -18 LUFS peaks at -14.99 dBFS


@pytest.mark.parametrize(("seconds", "peak_db"), [(1.0, -14.99), (0.2, -4.0)])
def test_normalise_line_gives_minus_18_lufs_or_a_short_line_s_peak(seconds: float, peak_db: float) -> None:
    normalised = mix.normalise_line(sine(round(seconds * SR), 0.01))
    assert normalised.dtype == np.float64
    assert 20 * np.log10(np.abs(normalised).max()) == pytest.approx(peak_db, abs=0.01)


@pytest.mark.parametrize(("samples", "peak_db"), [(9_600, -4.0), (19_199, -4.0), (19_200, -14.99)])
def test_a_line_under_0_4_s_peaks_at_minus_4_dbfs(samples: int, peak_db: float) -> None:
    line = mix.Voice(0, sine(samples, 0.3), "A")
    voice = mix.stem_block(mix.MixPlan(samples, [line]), 0, samples).dialogue["A"]
    assert np.array_equal(voice[:, 0], voice[:, 1])  # centred
    assert 20 * np.log10(np.abs(voice).max()) == pytest.approx(peak_db, abs=0.03)


def test_a_silent_line_stays_silent() -> None:
    stems = mix.stem_block(mix.MixPlan(1000, [mix.Voice(10, np.zeros(500, np.float32), "A")]), 0, 1000)
    assert not np.any(stems.dialogue["A"])


@pytest.mark.parametrize(("start", "length", "fits"), [(0, 1000, True), (-1, 1000, False), (9000, 1000, True),
                                                        (9001, 1000, False)])
def test_a_line_must_lie_inside_the_mix(start: int, length: int, fits: bool) -> None:
    plan = mix.MixPlan(10_000, [mix.Voice(start, sine(length), "A")])
    if fits:
        assert mix.mix_block(plan, 0, 10_000).shape == (10_000, 2)
    else:
        with pytest.raises(ValueError, match="outside the mix"):
            mix.mix_block(plan, 0, 10_000)


# --- loudness (BS.1770-4) ----------------------------------------------------------------------


def k_weighted_power(hz: float) -> float:
    """The power gain of the standard's K-weighting at ``hz``."""
    z = np.exp(-2j * np.pi * hz / SR)
    response = 1.0
    for b, a in (SHELF, HIGH_PASS):
        response *= np.polyval(b[::-1], z) / np.polyval(a[::-1], z)
    return float(abs(response) ** 2)


def test_a_full_scale_997_hz_sine_reads_minus_3_01_lufs() -> None:
    assert mix.integrated_loudness(sine(3 * SR, 1.0).astype(np.float64)) == pytest.approx(-3.01, abs=0.005)


@pytest.mark.parametrize("hz", [40.0, 100.0, 997.0, 3000.0, 10_000.0])
def test_loudness_follows_the_k_weighting_of_the_standard(hz: float) -> None:
    expected = -0.691 + 10 * np.log10(0.5**2 / 2 * k_weighted_power(hz))
    assert mix.integrated_loudness(sine(3 * SR, 0.5, hz).astype(np.float64)) == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize("samples", [19_200, 23_999])  # one block of 400 ms; the next would start at 24,000
def test_loudness_of_one_block(samples: int) -> None:
    assert mix.integrated_loudness(sine(samples, 1.0).astype(np.float64)) == pytest.approx(-3.01, abs=0.02)


def test_loudness_needs_one_whole_block() -> None:
    with pytest.raises(ValueError, match="19199 samples"):
        mix.integrated_loudness(np.ones(19_199))


def test_quiet_blocks_are_gated_out() -> None:
    loud = sine(SR, 1.0).astype(np.float64)
    # a second 26 dB down (under the relative gate), then silence (under the absolute one): ungated they
    # would read -6 and -9 LUFS; gated, only the blocks that overlap the loud second count
    assert -3.8 < mix.integrated_loudness(np.concatenate([loud, 0.05 * loud])) < -3.01
    assert -3.8 < mix.integrated_loudness(np.concatenate([loud, np.zeros(3 * SR)])) < -3.01
    assert mix.integrated_loudness(np.zeros(SR)) == -np.inf


def test_a_block_at_exactly_minus_70_lufs_is_gated_out() -> None:
    # The standard keeps blocks louder than -70 LUFS, not the one at it. Narrow the level of a one-block sine
    # down to adjacent floats, where one is measured and the next is not: the quietest one measured reads
    # above -70 (blocks at exactly -70.0 lie just under it: a counted one would read -70.0 itself).
    tone = np.sin(2 * np.pi * 997 * np.arange(19_200) / SR)
    quiet, loud = 1e-5, 1.0  # about -103 and -3 LUFS
    assert mix.integrated_loudness(quiet * tone) == -np.inf
    while (middle := (quiet + loud) / 2) not in (quiet, loud):
        if np.isfinite(mix.integrated_loudness(middle * tone)):
            loud = middle
        else:
            quiet = middle
    assert -70.0 < mix.integrated_loudness(loud * tone) < -69.999_999_9
    assert mix.integrated_loudness(quiet * tone) == -np.inf


# --- the limiter --------------------------------------------------------------------------------


def limited(total: int, clicks: dict[int, tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """(samples, their effects' stem): a steady 0.25 with clicks added; the stem is samples x the limiter's gain."""
    samples = np.full((total, 2), 0.25, np.float32)
    for at, click in clicks.items():
        samples[at] += click
    stems = mix.stem_block(mix.MixPlan(total, effects=[mix.Sound(0, samples)]), 0, total)
    return samples, stems.effects


def test_the_limiter_holds_a_full_scale_peak_at_minus_1_dbfs() -> None:
    plan = mix.MixPlan(1000, effects=[mix.Sound(500, np.full((1, 2), 1.0, np.float32))])
    out = mix.mix_block(plan, 0, 1000)
    assert out[500].tolist() == [29204, 29204]  # 32767 x 10^(-1/20)
    assert not np.any(out[:500]) and not np.any(out[501:])


@pytest.mark.parametrize("channel", [0, 1])
def test_the_limiter_listens_to_the_louder_channel(channel: int) -> None:
    click = [0.0, 0.0]
    click[channel] = 0.75
    _, effects = limited(1000, {500: tuple(click)})
    assert effects[500, channel] == pytest.approx(CEILING, rel=1e-5)
    assert effects[500, 1 - channel] == pytest.approx(0.25 * CEILING, rel=1e-5)


def test_the_limiter_leaves_a_mix_under_its_ceiling_alone() -> None:
    samples, effects = limited(1000, {500: (0.64, 0.64)})  # 0.89, under 10^(-1/20) = 0.8913
    assert np.array_equal(effects, samples)


def test_the_limiter_gain_is_a_running_minimum_then_an_average_over_241_samples() -> None:
    total, at = 2000, 1000
    samples, effects = limited(total, {at: (0.75, 0.75)})
    distance = np.abs(np.arange(total) - at)
    # a sample's 241 running minima (120 either side) that hold the click's gain: those within 120 of the click
    expected = 1 - (1 - CEILING) * np.maximum(241 - distance, 0) / 241
    close(effects[:, 0] / samples[:, 0], expected, 1e-6)


@pytest.mark.parametrize(("at", "edge"), [(121, 0), (1878, 1999)])
def test_beyond_the_mix_s_ends_the_limiter_holds_the_edge_values(at: int, edge: int) -> None:
    samples, effects = limited(2000, {at: (0.75, 0.75)})
    # the edge's window: its own running minimum and 120 copies of it miss the click; the other 120 hold it
    assert effects[edge, 0] / samples[edge, 0] == pytest.approx((121 + 120 * CEILING) / 241, rel=1e-6)


def limiting(samples: np.ndarray) -> np.ndarray:
    """The documented limiter's gain over a whole mix, from its definition (edges held beyond the mix's ends).

    The gain each sample needs to stay at -1 dBFS (its louder channel), the minimum over 241 samples centred on
    it, then the mean of those minima over 241 samples.
    """
    level = np.abs(samples.astype(np.float64)).max(axis=1)
    needed = np.minimum(1.0, CEILING / np.maximum(level, 1e-12))
    lowest = np.lib.stride_tricks.sliding_window_view(np.pad(needed, 120, mode="edge"), 241).min(axis=1)
    return np.lib.stride_tricks.sliding_window_view(np.pad(lowest, 120, mode="edge"), 241).mean(axis=1)


def clicked(total: int, clicks: dict[int, float]) -> np.ndarray:
    """A steady 0.25 in both channels with clicks of the given levels (left channel) at the given samples."""
    samples = np.full((total, 2), 0.25, np.float32)
    for at, level in clicks.items():
        samples[at, 0] = level
    return samples


@pytest.mark.parametrize("clicks", [
    {2000: 0.95},  # one sample over the ceiling
    {1500: 0.95, 1980: 0.95}, {1500: 0.95, 1979: 0.95}, {1500: 0.95, 1981: 0.95},  # 480 apart, one less, one more
    {1500: 0.95, 1740: 0.99}, {1500: 0.99, 1741: 0.95},  # 240 apart and 241: one window, and two that touch
    {1000: 0.95, 2000: 0.99, 3000: 0.92},  # three groups
    {1000: 0.95, 2000: 0.95, 2100: 0.97}, {1000: 0.95, 1100: 0.97, 2000: 0.95},  # one alone, two together
    {1000: 0.95, 1001: 0.97, 1002: 0.93, 1480: 0.99, 2500: 0.95, 2981: 0.98, 2982: 0.96},  # runs and groups
    {0: 0.95, 3999: 0.95}, {1: 0.95, 3998: 0.95}, {240: 0.95, 3759: 0.95}, {241: 0.95, 3758: 0.95},  # the ends
    {2000: 0.8912}, {2000: float(np.float32(CEILING))}, {2000: 0.8913},  # under 10^(-1/20) = 0.89125, at, over
])
def test_the_limiter_gain_is_its_definition_wherever_the_peaks_are(clicks: dict[int, float]) -> None:
    samples = clicked(4000, clicks)
    effects = mix.stem_block(mix.MixPlan(4000, effects=[mix.Sound(0, samples)]), 0, 4000).effects
    close(effects[:, 0] / samples[:, 0], limiting(samples), 1e-6)


@pytest.mark.parametrize("span", [(1000, 2000), (1000, 1001), (0, 1000), (3000, 4000), (1759, 2241), (1760, 2240)])
@pytest.mark.parametrize("clicks", [
    {759: 0.95, 2241: 0.95}, {760: 0.95, 2240: 0.95}, {761: 0.95, 2239: 0.95},  # 240 and 241 from a span's ends
    {999: 0.95, 2000: 0.95}, {1000: 0.95, 1999: 0.95}, {1240: 0.99, 1241: 0.95, 1760: 0.95},
    {2759: 0.95, 3240: 0.95}, {1519: 0.95, 2481: 0.95},
])
def test_a_span_of_the_mix_is_limited_as_the_whole_is(span: tuple[int, int], clicks: dict[int, float]) -> None:
    start, end = span
    samples = clicked(4000, clicks)
    plan = mix.MixPlan(4000, effects=[mix.Sound(0, samples)])
    effects = mix.stem_block(plan, start, end).effects
    close(effects[:, 0] / samples[start:end, 0], limiting(samples)[start:end], 1e-6)
    expected = np.round(samples[start:end].astype(np.float64) * limiting(samples)[start:end, None] * 32767)
    assert np.abs(mix.mix_block(plan, start, end) - expected).max() <= 1


def test_an_empty_mix_is_empty() -> None:
    plan = mix.MixPlan(0, music=steady(0))
    assert mix.mix_block(plan, 0, 0).shape == (0, 2) and mix.mix(plan).shape == (0, 2)
    assert mix.stem_block(plan, 0, 0).music.shape == (0, 2)


def test_a_one_sample_mix_is_limited_too() -> None:
    out = mix.mix_block(mix.MixPlan(1, effects=[mix.Sound(0, np.full((1, 2), 1.0, np.float32))]), 0, 1)
    assert out.tolist() == [[29204, 29204]]


# --- effects, ambience, blocks and stems -------------------------------------------------------


def test_effects_play_at_their_own_level_from_their_start_and_are_cut_at_the_end() -> None:
    ping = np.linspace(0.1, 0.2, 300, dtype=np.float32)[:, None] * [1.0, 0.5]
    plan = mix.MixPlan(1000, effects=[mix.Sound(100, ping), mix.Sound(800, ping)])
    effects = mix.stem_block(plan, 0, 1000).effects
    assert not np.any(effects[:100]) and not np.any(effects[400:800])
    assert np.array_equal(effects[100:400], ping.astype(np.float32)) and np.array_equal(effects[800:], ping[:200])


def every_part(total: int = 30_000) -> mix.MixPlan:
    """A short film with every part, loud enough for the limiter: lines that overlap, a stop, a bed, effects."""
    rng = np.random.default_rng(7)
    music = mix.ArrayStream((0.6 * rng.standard_normal((total, 2))).astype(np.float32))
    bed = mix.ArrayStream((0.01 * rng.standard_normal((total, 2))).astype(np.float32))
    lines = [mix.Voice(2000, sine(8000, 0.2), "A"), mix.Voice(8000, sine(12_000, 0.3, 300.0), "B"),
             mix.Voice(24_000, sine(3000, 0.3), "A")]
    effects = [mix.Sound(5000, np.full((50, 2), 0.9, np.float32)),
               mix.Sound(29_990, np.full((50, 2), 0.5, np.float32))]
    return mix.MixPlan(total, lines, music, 21_000, 0.0, bed, effects)


def test_any_span_of_every_stem_is_that_span_of_the_whole() -> None:
    plan = every_part()
    whole, mixed = mix.stem_block(plan, 0, plan.total), mix.mix_block(plan, 0, plan.total)
    for start in range(0, plan.total, 293):
        one = mix.stem_block(plan, start, start + 1)
        for part, whole_part in zip(one.parts(), whole.parts()):
            assert np.array_equal(part, whole_part[start : start + 1]), start
        assert np.array_equal(mix.mix_block(plan, start, start + 1), mixed[start : start + 1]), start


def test_a_film_mixed_in_blocks_is_the_film_mixed_whole() -> None:
    plan = every_part()
    whole = mix.mix_block(plan, 0, plan.total)
    blocks = list(mix.mix_blocks(plan, block=4001))
    assert [(start, len(samples)) for start, samples in blocks] == [
        (first, min(4001, 30_000 - first)) for first in range(0, 30_000, 4001)]
    assert np.array_equal(np.concatenate([samples for _, samples in blocks]), whole)
    assert np.array_equal(mix.mix(plan, block=4001), whole) and np.array_equal(mix.mix(plan), whole)


def test_a_long_film_is_mixed_5_5_s_at_a_time() -> None:
    blocks = [(start, len(samples)) for start, samples in mix.mix_blocks(mix.MixPlan(600_000))]
    assert blocks == [(0, 262_144), (262_144, 262_144), (524_288, 75_712)]  # 2^18 samples
    assert [(start, len(stems.music)) for start, stems in mix.stems(mix.MixPlan(600_000))] == blocks


def test_stems_read_in_blocks_have_the_same_parts_in_every_block() -> None:
    plan = every_part()
    blocks = list(mix.stems(plan, block=4000))
    assert [start for start, _ in blocks] == list(range(0, 30_000, 4000))
    for _, stems in blocks:
        assert list(stems.dialogue) == ["A", "B"]
        assert stems.ambience is not None and stems.effects is not None  # zeros where nothing sounds, never missing
    whole = mix.stem_block(plan, 0, plan.total)
    for name in ("music", "ambience", "effects"):
        assert np.array_equal(np.concatenate([getattr(stems, name) for _, stems in blocks]), getattr(whole, name))


def test_the_stems_add_up_to_the_mix() -> None:
    plan = every_part()
    stems, mixed = mix.stem_block(plan, 0, plan.total), mix.mix_block(plan, 0, plan.total)
    summed = sum(part.astype(np.float64) for part in stems.parts())
    assert np.abs(np.round(summed * 32767) - mixed).max() <= 1
    assert np.array_equal(stems.all_dialogue, stems.dialogue["A"] + stems.dialogue["B"])


# --- the file ----------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(100, 2), (100,)])
def test_write_wav_writes_48_khz_16_bit_with_the_samples_channels(tmp_path, shape: tuple[int, ...]) -> None:
    samples = (np.arange(np.prod(shape)).reshape(shape) * 100 - 15_000).astype(np.int16)
    mix.write_wav(tmp_path / "out.wav", samples)
    with wave.open(str(tmp_path / "out.wav")) as read:
        assert (read.getnchannels(), read.getsampwidth(), read.getframerate(), read.getnframes()) == (
            shape[1] if len(shape) == 2 else 1, 2, 48_000, 100)
        assert np.array_equal(np.frombuffer(read.readframes(100), "<i2"), samples.ravel())
