"""Bounded on any input: each documented limit holds on both sides of its boundary, and text stays as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from media import frames
from storyboard.errors import InputError
from storyboard.loader import load_scene
from storyboard.picture.text import fit_text


def scene_file(folder: Path, text: str, name: str = "scene.yaml") -> Path:
    path = folder / name
    path.write_text(text)
    return path


def refusal(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_scene(path)
    return caught.value


@pytest.mark.parametrize(("length", "accepted"), [(1000, True), (1001, False)])
def test_a_text_value_holds_at_most_1000_characters(tmp_path: Path, length: int, accepted: bool) -> None:
    path = scene_file(tmp_path, f"shots:\n  - lines: [{{Ann: {'a' * length}}}]\n")
    if accepted:
        assert load_scene(path).lines[0].say == "a" * 1000
    else:
        error = refusal(path)
        assert (error.line, error.message) == (2, "Ann's line is 1001 characters long; the longest is 1000")


@pytest.mark.parametrize(("last", "accepted"), [(0.5, True), (0.75, False)])
def test_a_film_lasts_at_most_4_hours(tmp_path: Path, last: float, accepted: bool) -> None:
    path = scene_file(tmp_path, "shots:\n" + "  - duration: 600\n" * 23 + f"  - duration: 599.5\n  - duration: {last}\n")
    if accepted:
        assert sum(shot.duration for shot in load_scene(path).shots) == 14_400
    else:
        error = refusal(path)
        assert (error.line, error.message) == (
            26, "the film would last more than 240 minutes by shot 'shot-25'; the longest is 240")


@pytest.mark.parametrize(("shots", "accepted"), [(360, True), (361, False)])
def test_lines_count_at_their_speakers_rate_towards_the_4_hours(tmp_path: Path, shots: int, accepted: bool) -> None:
    """A shot of one 100-word line at 150 words a minute lasts 40 s by the estimate: 360 of them fill 4 hours."""
    words = " ".join(["word"] * 100)
    text = "characters:\n  Man: {rate: 150}\nshots:\n" + f"  - lines: [{{Man: {words}}}]\n" * shots
    path = scene_file(tmp_path, text)
    if accepted:
        assert len(load_scene(path).shots) == 360
    else:
        error = refusal(path)
        assert (error.line, error.message) == (
            364, "the film would last more than 240 minutes by shot 'shot-361'; the longest is 240")


@pytest.mark.parametrize(("size", "accepted"), [(1024 * 1024, True), (1024 * 1024 + 1, False)])
def test_a_source_file_holds_at_most_1_mb(tmp_path: Path, size: int, accepted: bool) -> None:
    head = "shots:\n  - description: A room.\n#"
    path = tmp_path / "big.yaml"
    path.write_bytes(head.encode() + b"x" * (size - len(head) - 1) + b"\n")
    assert path.stat().st_size == size
    result = run_cli("check", str(path))
    if accepted:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 2
        assert result.stderr == f"storyboard: {path}: is larger than 1024 KB, the most storyboard reads\n"


def test_a_prompt_too_large_is_refused_before_it_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("A man walks into an office. " * 40_000)
    for command in (["check", str(path)], ["import", str(path)]):
        result = run_cli(*command)
        assert result.returncode == 2
        assert result.stderr == f"storyboard: {path}: is larger than 1024 KB, the most storyboard reads\n"


@pytest.mark.parametrize(("resolution", "accepted"), [("7680x4640", True), ("7680x4656", False),
                                                      ("4640x7680", True), ("4656x7680", False)])
def test_a_frame_is_at_most_what_h264_level_6_2_allows(tmp_path: Path, resolution: str, accepted: bool) -> None:
    """139,264 macroblocks: 7680x4640 is 480 x 290 = 139,200 of them, 7680x4656 is 480 x 291 = 139,680."""
    path = scene_file(tmp_path, f"resolution: {resolution}\nshots:\n  - description: A room.\n")
    override = run_cli("plan", str(scene_file(tmp_path, "shots:\n  - duration: 1\n", "small.yaml")),
                       "--resolution", resolution, "--json")
    if accepted:
        assert (load_scene(path).width, load_scene(path).height) == tuple(map(int, resolution.split("x")))
        assert override.returncode == 0, override.stderr
    else:
        message = (f"resolution {resolution} is larger than H.264 plays (139680 macroblocks of 16x16 pixels; its "
                   "highest level, 6.2, allows 139264)")
        assert refusal(path).message == message
        assert override.returncode == 2 and override.stderr == f"storyboard: --resolution: {message}\n"


@pytest.mark.parametrize(("text", "accepted"), [(".", True), ("\u200b\u2060", False), ("\u00a0 \u3000", False)])
def test_a_sign_needs_something_to_draw(tmp_path: Path, text: str, accepted: bool) -> None:
    path = scene_file(tmp_path, f'shots:\n  - signs: ["{text}"]\n')
    if accepted:
        assert load_scene(path).shots[0].signs[0].text == text
    else:
        assert refusal(path).message.startswith("sign text ")


@pytest.mark.parametrize(("said", "accepted"), [("Hmm...", True), ("42", True), ("$", True), ("...", False),
                                                ("?!", False), ("\u2026 \u2014", False)])
def test_a_line_needs_something_to_speak(tmp_path: Path, said: str, accepted: bool) -> None:
    """A letter, a digit or a symbol is spoken; punctuation alone gave the speech engine nothing to say."""
    path = scene_file(tmp_path, f'shots:\n  - lines:\n      - Man: "{said}"\n')
    if accepted:
        assert load_scene(path).lines[0].say == said
    else:
        error = refusal(path)
        assert error.line == 3 and "has nothing to speak, only punctuation" in error.message


def test_a_placard_of_400_words_is_fitted() -> None:
    """Breaking lines tried every combination: 100 words took 16 s, 400 never finished."""
    words = " ".join(f"word{n % 17}" for n in range(400))
    fitted = fit_text(words, 900, 300, "condensed")
    assert " ".join(fitted.lines).split() == words.split()
    assert 1 <= len(fitted.lines) <= 3


def test_a_sign_of_invisible_characters_draws_nothing_and_does_not_fail() -> None:
    fitted = fit_text("\u200b\u200b", 200, 50)
    assert fitted.lines == ("\u200b\u200b",) and fitted.width == 0


SCENE_AS_WRITTEN = """\
resolution: 160x90
fps: 6
shots:
  - id: clock
    duration: 1
    signs: ["007", "3.10", "12:30", "0x1F", "yes"]
    lines:
      - yes: "12:30"
      - on: 3.10
"""


def test_text_is_kept_as_written_through_the_film_and_report(tmp_path: Path) -> None:
    """YAML 1.1 would draw 007, 3.10, 12:30, 0x1F as 7, 3.1, 750, 31, and make speakers yes and on one voice."""
    path = scene_file(tmp_path, SCENE_AS_WRITTEN)
    scene = load_scene(path)
    assert [sign.text for sign in scene.shots[0].signs] == ["007", "3.10", "12:30", "0x1F", "yes"]
    assert [(line.who, line.say) for line in scene.lines] == [("yes", "12:30"), ("on", "3.10")]
    assert scene.character("yes").voice != scene.character("on").voice
    out = tmp_path / "clock.mp4"
    result = run_cli("render", str(path), "-o", str(out), env={"STORYBOARD_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    report = json.loads(out.with_suffix(".json").read_text())
    assert report["shots"][0]["signs"] == ["007", "3.10", "12:30", "0x1F", "yes"]
    assert [(line["who"], line["text"]) for line in report["lines"]] == [("yes", "12:30"), ("on", "3.10")]
    assert len(frames(out)) == round(report["duration"] * 6)


def test_cjk_and_emoji_signs_are_drawn_not_boxed(tmp_path: Path) -> None:
    """Missing glyphs all draw the same box: two signs with the same characters in another order would look alike."""
    films = {}
    for name, sign in (("a", "東京 🚪"), ("b", "京東 🔒")):
        path = scene_file(tmp_path, f'resolution: 320x180\nfps: 1\nshots:\n  - duration: 1\n    signs: ["{sign}"]\n',
                          f"{name}.yaml")
        result = run_cli("render", str(path), "-o", str(tmp_path / f"{name}.mp4"), "--no-cache")
        assert result.returncode == 0 and result.stderr == "", result.stderr
        films[name] = frames(tmp_path / f"{name}.mp4")[0]
    assert (films["a"] != films["b"]).any()


def test_characters_no_font_draws_are_named_in_a_warning(tmp_path: Path) -> None:
    path = scene_file(tmp_path, 'shots:\n  - duration: 1\n    signs: ["OK \u0928\u092e"]\n')
    result = run_cli("check", str(path))
    assert result.returncode == 0
    assert result.stderr == (f"{path}:2: warning: sign 'OK \u0928\u092e' in shot 'shot-1' has characters no shipped "
                             "font draws, shown as boxes: \u0928 (U+0928) \u092e (U+092E)\n")
