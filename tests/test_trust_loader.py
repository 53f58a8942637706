"""The loader, in this process: each documented default and bound pinned as a literal, both sides of each boundary.

Quick enough to run for each of the loader's mutants (``make mutate``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyboard.errors import InputError
from storyboard.loader import load_scene
from storyboard.sources import Overrides, load_source

HEAD = "shots:\n  - "  # the first shot starts on line 2


@pytest.fixture
def write(tmp_path: Path):
    """Write a scene's text to a file; returns its path."""

    def write_scene(text: str, name: str = "scene.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text)
        return path

    return write_scene


@pytest.fixture
def load(write):
    """The scene the text reads as."""
    return lambda text: load_scene(write(text))


@pytest.fixture
def refused(write):
    """(line, message) of the error the text is refused with."""

    def refusal(text: str) -> tuple[int, str]:
        path = write(text)
        with pytest.raises(InputError) as caught:
            load_scene(path)
        assert str(caught.value) == f"{path}:{caught.value.line}: {caught.value.message}"
        return caught.value.line, caught.value.message

    return refusal


def test_defaults(load) -> None:
    scene = load(HEAD + "lines: [{Ann: Hi.}]\n  - {}\n")
    assert (scene.title, scene.width, scene.height, scene.fps, scene.captions, scene.ambience) == (
        "scene", 1920, 1080, 24, False, None)
    assert tuple(scene.music) == ("tense-drone", "final-line", 0.0)
    first, second = scene.shots
    assert (first.id, second.id, first.framing, first.cut, first.duration, first.description) == (
        "shot-1", "shot-2", "wide", "hard", None, "")
    assert (first.source_line, second.source_line) == (2, 3)
    ann = scene.character("Ann")
    assert (ann.rate, ann.effect, ann.look) == (165, "none", None) and 50 <= ann.pitch <= 500  # a pitch of the spread
    assert first.lines[0] == ("Ann", "Hi.", 2, None, False, 0.0)


def test_every_scene_key_is_read(load) -> None:
    scene = load("title: ' Night '\nresolution: 720p\nfps: 30\ncaptions: true\nambience: rain\n"
                 "music: {style: pulse, stop: end, level: -6}\n" + HEAD + "{}\n")
    assert (scene.title, scene.width, scene.height, scene.fps, scene.captions, scene.ambience) == (
        "Night", 1280, 720, 30, True, "rain")
    assert tuple(scene.music) == ("pulse", "end", -6.0)


@pytest.mark.parametrize(("written", "size"), [("720p", (1280, 720)), ("1080P", (1920, 1080)), ("4k", (3840, 2160)),
                                                ("16x16", (16, 16)), ("7680x16", (7680, 16))])
def test_resolutions(load, written: str, size: tuple[int, int]) -> None:
    scene = load(f"resolution: {written}\n" + HEAD + "{}\n")
    assert (scene.width, scene.height) == size


@pytest.mark.parametrize(("written", "message"), [
    ("14x16", "resolution 14x16 is out of range (16 to 7680 a side)"),
    ("16x14", "resolution 16x14 is out of range (16 to 7680 a side)"),
    ("7682x16", "resolution 7682x16 is out of range (16 to 7680 a side)"),
    ("16x7682", "resolution 16x7682 is out of range (16 to 7680 a side)"),
    ("17x16", "resolution 17x16 must have even numbers"),
    ("16x17", "resolution 16x17 must have even numbers"),
    ("8k", "resolution '8k' is not 720p, 1080p, 4k or WIDTHxHEIGHT"),
    ("16x16x16", "resolution '16x16x16' is not 720p, 1080p, 4k or WIDTHxHEIGHT"),
    ("[16, 16]", "resolution must be text"),
])
def test_resolution_errors(refused, written: str, message: str) -> None:
    assert refused(f"resolution: {written}\n" + HEAD + "{}\n") == (1, message)


@pytest.mark.parametrize(("key", "low", "below", "high", "above", "what", "bounds"), [
    ("fps", "1", "0", "120", "121", "fps", "1 to 120"),
    ("duration", "0.1", "0.09", "600", "600.01", "duration", "0.1 to 600"),
    ("tail", "0", "-0.01", "10", "10.01", "tail", "0 to 10"),
    ("rate", "60", "59", "450", "451", "rate", "60 to 450"),
    ("pitch", "50", "49", "500", "501", "pitch", "50 to 500"),
    ("level", "-60", "-60.5", "12", "12.5", "music level", "-60 to 12"),
    ("pause", "-10", "-10.5", "10", "10.5", "pause", "-10 to 10"),
    ("prelap", "0", "-0.5", "10", "10.5", "prelap", "0 to 10"),
    ("at", "0", "-0.5", "600", "600.5", "sound effect time", "0 to 600"),
])
def test_number_bounds_on_both_sides(write, refused, key: str, low: str, below: str, high: str, above: str,
                                     what: str, bounds: str) -> None:
    def scene(value: str) -> str:
        return {
            "fps": f"fps: {value}\n" + HEAD + "{}\n",
            "duration": HEAD + f"duration: {value}\n",
            "tail": HEAD + f"tail: {value}\n",
            "rate": f"characters:\n  Ann: {{rate: {value}}}\n" + HEAD + "{}\n",
            "pitch": f"characters:\n  Ann: {{pitch: {value}}}\n" + HEAD + "{}\n",
            "level": f"music: {{level: {value}}}\n" + HEAD + "{}\n",
            "pause": HEAD + f"lines: [{{who: Ann, say: Hi., pause: {value}}}]\n",
            "prelap": HEAD + "{}\n  - lines: [{who: Ann, say: Hi., prelap: " + value + "}]\n",
            "at": HEAD + f"sfx: [{{sound: glass, at: {value}}}]\n",
        }[key]

    for value in (low, high):
        load_scene(write(scene(value)))
    for value in (below, above):
        _, message = refused(scene(value))
        assert message == f"{what} {value} is out of range ({bounds})"


@pytest.mark.parametrize(("text", "what"), [
    ("fps: 24.0", "fps must be a whole number"), ("fps: '24'", "fps must be a whole number"),
    ("fps: true", "fps must be a whole number"), ("captions: 'true'", "captions must be true or false"),
    ("captions: 1", "captions must be true or false"), ("title: [a]", "title must be text"),
    ("title: ~", "title must be text"), ("title: ''", "title is empty"), ("title: '  '", "title is empty"),
])
def test_types(refused, text: str, what: str) -> None:
    assert refused(text + "\n" + HEAD + "{}\n") == (1, what)


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e400", "'3'", "true", "2001-12-14", "[3]"])
def test_a_duration_is_a_finite_number(refused, value: str) -> None:
    assert refused(HEAD + f"duration: {value}\n") == (2, "duration must be a number")


@pytest.mark.parametrize(("written", "read"), [("0x1F", 31), ("1_0", 10), ("017", 15)])
def test_whole_numbers_as_yaml_writes_them(load, written: str, read: int) -> None:
    assert load(f"fps: {written}\n" + HEAD + "{}\n").fps == read


def test_the_shot_list_itself(refused) -> None:
    assert refused("- a\n") == (1, "the shot list must be a mapping of keys to values")
    assert refused("title: x\n") == (1, "the shot list has no 'shots'")
    assert refused("shots: []\n") == (1, "shots is empty: a film needs at least one shot")
    assert refused("shots: {a: 1}\n") == (1, "shots must be a list")
    assert refused("# nothing\n") == (1, "the file is empty")
    assert refused("shots: [\n") == (2, "not valid YAML/JSON: did not find expected node content "
                                        "(while parsing a flow node)")


def test_unknown_keys_are_named_with_a_hint(refused) -> None:
    assert refused(HEAD + "{}\ntitel: x\n") == (
        3, "unknown key 'titel' in the shot list; did you mean 'title'?")
    assert refused(HEAD + "zzz: 1\n") == (
        2, "unknown key 'zzz' in shot 1 (known: id, duration, framing, cut, description, image, notes, tail, sfx, "
           "signs, lines)")


@pytest.mark.parametrize(("written", "accepted"), [("a-b_c.9", True), ("9", True), ("-a", False), ("a b", False),
                                                    ("é", False), (".a", False), ("a/b", False)])
def test_shot_ids(load, refused, written: str, accepted: bool) -> None:
    text = HEAD + f"id: '{written}'\n"
    if accepted:
        assert load(text).shots[0].id == written
    else:
        assert refused(text) == (2, f"shot id '{written}' may hold only letters, digits, '-', '_' and '.'")


def test_a_shot_id_used_twice(refused) -> None:
    assert refused(HEAD + "id: a\n  - id: b\n  - id: a\n") == (4, "shot id 'a' is used twice (first on line 2)")
    assert refused(HEAD + "id: shot-2\n  - {}\n") == (3, "shot id 'shot-2' is used twice (first on line 2)")


@pytest.mark.parametrize(("written", "stored"), [("'#0F0'", "#00ff00"), ("'#00FF00'", "#00ff00"), ("Red", "#d62828"),
                                                 ("grey", "#808080"), ("'#abc'", "#aabbcc")])
def test_sign_colours(load, written: str, stored: str) -> None:
    assert load(HEAD + f"signs: [{{text: A, color: {written}}}]\n").shots[0].signs[0].color == stored


@pytest.mark.parametrize(("written", "message"), [
    ("'#12345'", "sign color '#12345' is not #RRGGBB or one of red, orange, amber, yellow, gold, green, lime, teal, "
                 "cyan, blue, navy, purple, magenta, pink, brown, white, silver, gray, grey, black"),
    ("redd", "sign color 'redd' is not #RRGGBB or one of red, orange, amber, yellow, gold, green, lime, teal, cyan, "
             "blue, navy, purple, magenta, pink, brown, white, silver, gray, grey, black; did you mean 'red'?"),
    ("'#ggg'", "sign color '#ggg' is not #RRGGBB or one of red, orange, amber, yellow, gold, green, lime, teal, cyan, "
               "blue, navy, purple, magenta, pink, brown, white, silver, gray, grey, black"),
])
def test_sign_colour_errors(refused, written: str, message: str) -> None:
    assert refused(HEAD + f"signs: [{{text: A, color: {written}}}]\n") == (2, message)


def test_signs_long_and_short(load, refused) -> None:
    sign = load(HEAD + "signs: [{text: ' EXIT ', style: neon, icon: padlock}, OPEN]\n").shots[0].signs
    assert [tuple(s) for s in sign] == [("EXIT", "neon", "padlock", None), ("OPEN", "auto", None, None)]
    assert refused(HEAD + "signs: [{style: neon}]\n") == (2, "sign has no 'text'")
    assert refused(HEAD + "signs: [{text: A, style: neo}]\n") == (
        2, "sign style 'neo' is not one of auto, plaque, hologram, placard, neon, screen, name-tag, sign; "
           "did you mean 'neon'?")
    assert refused(HEAD + "signs: [{text: A, icon: lock}]\n") == (
        2, "sign icon 'lock' is not one of padlock, warning, check, cross, lightning; did you mean 'padlock'?")


def test_lines_long_and_short(load, refused) -> None:
    lines = load(HEAD + "lines:\n      - ' Ann ': ' Hi. '\n      - {who: Bo, say: Yo., off: true}\n").lines
    assert [(line.who, line.say, line.source_line, line.off) for line in lines] == [
        ("Ann", "Hi.", 3, False), ("Bo", "Yo.", 4, True)]
    assert refused(HEAD + "lines: [Hi.]\n") == (2, "a line must be 'Name: text' or {who: Name, say: text}")
    assert refused(HEAD + "lines: [{Ann: Hi., Bo: Yo.}]\n") == (2, "a short-form line has exactly one 'Name: text' pair")
    assert refused(HEAD + "lines: [{who: Ann}]\n") == (2, "line has no 'say'")
    assert refused(HEAD + "lines: [{say: Hi.}]\n") == (2, "line has no 'who'")
    assert refused(HEAD + "lines: [{who: Ann, say: Hi., off: 'yes'}]\n") == (2, "off must be true or false")
    assert refused(HEAD + "lines: [{who: Ann, say: Hi., loud: true}]\n") == (
        2, "unknown key 'loud' in line (known: who, say, pause, off, prelap)")


@pytest.mark.parametrize("speaker", ["''", "' '", "~"])
def test_an_empty_speaker_is_refused_not_named_none(refused, speaker: str) -> None:
    assert refused(HEAD + f"lines:\n      - {speaker}: Hi.\n") == (3, "speaker is empty")


@pytest.mark.parametrize("said", ["", "~", "[a]"])
def test_an_empty_line_is_refused(refused, said: str) -> None:
    line, message = refused(HEAD + f"lines:\n      - Ann: {said}\n")
    assert line == 3 and message in ("Ann's line must be text", "Ann's line is empty")


def test_speakers_named_like_yaml_words_stay_apart(load) -> None:
    scene = load(HEAD + "lines: [{yes: One.}, {on: Two.}, {null: Three.}, {'007': Four.}]\n")
    assert [line.who for line in scene.lines] == ["yes", "on", "null", "007"]
    assert len({scene.character(name).voice for name in ("yes", "on", "null", "007")}) == 4


def test_characters(load, refused) -> None:
    scene = load("characters:\n  Ann: {voice: female, rate: 150, effect: robot, look: tall, pitch: 200}\n"
                 + HEAD + "lines: [{Ann: Hi.}]\n")
    assert tuple(scene.character("Ann"))[1:] == ("female", 150, "robot", "tall", 200) or (
        scene.character("Ann").voice != "female" and tuple(scene.character("Ann"))[2:] == (150, "robot", "tall", 200))
    assert refused("characters: [Ann]\n" + HEAD + "{}\n") == (1, "characters must be a mapping of names to voices")
    assert refused("characters: Ann\n" + HEAD + "{}\n") == (1, "characters must be a mapping of names to voices")
    assert refused("characters:\n  Ann: female\n" + HEAD + "{}\n") == (
        2, "character 'Ann' must be a mapping of keys to values")
    assert refused("characters:\n  Ann: {voice: nobody}\n" + HEAD + "{}\n") == (
        2, "voice 'nobody' is not male, female or a voice of the speech engine")
    assert refused("characters:\n  Ann: {effect: echo}\n" + HEAD + "{}\n") == (
        2, "effect 'echo' is not one of none, robot, radio")


@pytest.mark.parametrize(("stop", "accepted"), [("final-line", True), ("end", True), ("shot:b", True), ("0", True),
                                                 ("14400", True), ("'12.5'", True), ("-1", False), ("14400.5", False),
                                                 ("shot:zz", False), ("later", False), ("nan", False)])
def test_music_stop(load, refused, stop: str, accepted: bool) -> None:
    text = f"music: {{stop: {stop}}}\n" + HEAD + "id: b\n"
    if accepted:
        assert load(text).music.stop == stop.strip("'")
    else:
        line, message = refused(text)
        assert line == 1 and message in (
            f"music stop {stop} is out of range (0 to 14400)",
            "music stop names shot 'zz', which is not in the shot list",
            f"music stop '{stop}' is not final-line, end, shot:<id> or a number of seconds")


def test_prelap_only_on_a_later_shots_first_line(refused) -> None:
    assert refused(HEAD + "lines: [{who: A, say: Hi., prelap: 0.5}]\n") == (
        2, "prelap is for a shot's first line, and the film's first shot has no cut before it")
    assert refused(HEAD + "{}\n  - lines: [{A: Hi.}, {who: A, say: Yo., prelap: 0.5}]\n") == (
        3, "prelap is for a shot's first line, and line 2 of shot 'shot-2' has no cut before it")


def test_a_sound_effect_must_start_inside_its_shot(load, refused) -> None:
    assert load(HEAD + "duration: 2\n    sfx: [{sound: glass, at: 1.99}]\n").shots[0].sfx[0].at == 1.99
    assert refused(HEAD + "duration: 2\n    sfx: [{sound: glass, at: 2}]\n") == (
        3, "sound effect at 2 s is not inside shot 'shot-1', which lasts 2 s")
    assert load(HEAD + "sfx: [footsteps]\n").shots[0].sfx[0] == ("footsteps", 0.0, 2)
    assert refused(HEAD + "sfx: [{at: 1}]\n") == (2, "sound effect has no 'sound'")


def test_a_long_value_is_cut_short_in_a_message(refused) -> None:
    framing = "x" * 70
    assert refused(HEAD + f"framing: {framing}\n") == (
        2, f"framing '{'x' * 57}...' is not one of wide, medium, close-up, insert")
    assert refused(HEAD + f"framing: {'y' * 60}\n") == (
        2, f"framing '{'y' * 60}' is not one of wide, medium, close-up, insert")


def test_a_key_given_twice_is_refused_where_it_repeats(refused) -> None:
    assert refused(HEAD + "id: a\n    id: b\n") == (3, "key 'id' is given twice (first on line 2)")
    assert refused("fps: 24\n" + HEAD + "{}\nfps: 25\n") == (4, "key 'fps' is given twice (first on line 1)")


def test_anchors_and_aliases_of_whole_values_are_fine(load) -> None:
    scene = load(HEAD + "description: &room A small room.\n  - description: *room\n")
    assert [shot.description for shot in scene.shots] == ["A small room.", "A small room."]


def test_control_characters_are_found_by_line(write) -> None:
    path = write("title: a\nshots:\n  - description: b\x07\n")
    with pytest.raises(InputError) as caught:
        load_scene(path)
    assert (caught.value.line, caught.value.message) == (
        3, "not valid YAML/JSON: control characters are not allowed (character U+0007)")


def test_a_message_never_holds_an_unprintable_character(refused) -> None:
    line, message = refused(HEAD + 'framing: "a\\nb\\e[2Jc\\u200b"\n')
    assert (line, message) == (2, "framing holds a control character (U+001B)")
    line, message = refused(HEAD + 'framing: "a\\nb\\u200bc"\n')
    assert message == "framing 'a\\nb\\u200bc' is not one of wide, medium, close-up, insert"


def test_overrides(write) -> None:
    scene = load_source(write(HEAD + "{}\n"))
    assert Overrides(resolution="720p", fps=120).apply(scene)[2:5] == (1280, 720, 120)
    assert Overrides().apply(scene) == scene
    for overrides, message in ((Overrides(fps=0), "--fps: 0 is out of range (1 to 120)"),
                               (Overrides(fps=121), "--fps: 121 is out of range (1 to 120)"),
                               (Overrides(resolution="15x16"), "--resolution: resolution 15x16 is out of range "
                                                               "(16 to 7680 a side)")):
        with pytest.raises(InputError) as caught:
            overrides.apply(scene)
        assert str(caught.value) == message


def test_a_source_that_is_not_utf8_names_its_line(write, tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"shots:\n  - description: ok\n  - description: caf\xe9\n")
    with pytest.raises(InputError) as caught:
        load_source(path)
    assert str(caught.value) == f"{path}:3: is not UTF-8 text (byte 0xe9)"
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(InputError) as caught:
        load_source(folder)
    assert str(caught.value) in (f"{folder}: is not a regular file", f"{folder}: cannot read: Is a directory")


@pytest.mark.parametrize(("size", "accepted"), [(50 * 1024 * 1024, True), (50 * 1024 * 1024 + 1, False)])
def test_an_image_holds_at_most_50_mb(write, tmp_path: Path, size: int, accepted: bool) -> None:
    from PIL import Image

    Image.new("RGB", (8, 8), (200, 0, 0)).save(tmp_path / "board.png")
    with (tmp_path / "board.png").open("r+b") as picture:
        picture.truncate(size)  # a whole PNG, then zeros (sparse: no disk spent)
    text = HEAD + "image: board.png\n"
    if accepted:
        assert load_scene(write(text)).shots[0].image == str((tmp_path / "board.png").resolve())
    else:
        with pytest.raises(InputError) as caught:
            load_scene(write(text))
        assert (caught.value.line, caught.value.message) == (2, "image 'board.png' is 50 MB; the largest is 50 MB")


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".YML"])
def test_every_shot_list_suffix_is_read(write, suffix: str) -> None:
    assert load_source(write('{"shots": [{"id": "a"}]}\n', "scene" + suffix)).shots[0].id == "a"


def test_a_text_of_1000_characters_is_the_longest(load, refused) -> None:
    assert load(HEAD + f"signs: [{'n' * 1000}]\n").shots[0].signs[0].text == "n" * 1000
    assert refused(HEAD + f"signs: [{'n' * 1001}]\n") == (2, "sign text is 1001 characters long; the longest is 1000")


@pytest.mark.parametrize("key", ["description", "notes"])
def test_prose_of_10000_characters_is_the_longest(load, refused, key: str) -> None:
    assert getattr(load(HEAD + f"{key}: {'n' * 10_000}\n").shots[0], key) == "n" * 10_000
    assert refused(HEAD + f"{key}: {'n' * 10_001}\n") == (2, f"{key} is 10001 characters long; the longest is 10000")


def test_a_line_is_timed_at_its_speakers_rate(refused, load) -> None:
    """120 words at 60 words a minute last 2 minutes: 120 such shots fill 4 hours, 121 are too many."""
    words = " ".join(["word"] * 120)
    assert len(load(f"characters:\n  Ann: {{rate: 60}}\n{HEAD}lines: [{{Ann: {words}}}]\n").lines) == 1
    many = "".join(f"  - lines: [{{Ann: {words}}}]\n" for _ in range(121))  # 121 x 2 min = 242 min
    assert refused(f"characters:\n  Ann: {{rate: 60}}\nshots:\n{many}")[1] == (
        "the film would last more than 240 minutes by shot 'shot-121'; the longest is 240")
    assert len(load(f"characters:\n  Ann: {{rate: 60}}\nshots:\n{many[: len(many) // 121 * 120]}").shots) == 120


def test_a_control_character_after_a_blank_first_line(write) -> None:
    path = write("\nshots:\n  - description: b\x07\n")
    with pytest.raises(InputError) as caught:
        load_scene(path)
    assert caught.value.line == 3


def test_an_unknown_key_is_named_at_its_own_line(refused) -> None:
    line, message = refused(HEAD + "description: A room.\n    colour:\n      red\n")
    assert line == 3 and message.startswith("unknown key 'colour' in shot 1")


@pytest.mark.parametrize(("resolution", "macroblocks"), [("7680x4640", None), ("7680x4656", 139_680),
                                                         ("4656x7680", 139_680), ("7664x4672", 139_868)])
def test_the_frame_fits_h264_level_6_2(load, refused, resolution: str, macroblocks: int | None) -> None:
    text = f"resolution: {resolution}\n" + HEAD + "{}\n"
    if macroblocks is None:
        assert (load(text).width, load(text).height) == (7680, 4640)
    else:
        assert refused(text) == (1, f"resolution {resolution} is larger than H.264 plays ({macroblocks} macroblocks "
                                    "of 16x16 pixels; its highest level, 6.2, allows 139264)")


def test_a_byte_that_is_not_utf8_after_a_blank_first_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"\nshots:\n  - description: caf\xe9\n")
    with pytest.raises(InputError) as caught:
        load_source(path)
    assert caught.value.line == 3


def test_an_alias_bomb_is_walked_once_a_node(refused) -> None:
    """Ten aliases a level, twelve levels: 10**12 values if each alias were followed, twelve nodes as composed."""
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 12)]
    text = "bomb:\n" + "".join(f"  {level}\n" for level in levels) + HEAD + "notes: *a11\n"
    assert refused(text) == (1, "unknown key 'bomb' in the shot list (known: title, resolution, fps, captions, "
                                "characters, music, ambience, shots)")


def test_an_image_that_is_not_a_picture_is_refused(write, tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_text("not a picture")
    with pytest.raises(InputError) as caught:
        load_scene(write(HEAD + "image: notes.png\n"))
    assert (caught.value.line, caught.value.message) == (2, "image 'notes.png' is not a PNG, JPEG or WebP picture")
