"""storyboard import: prompts and screenplays -> shot-list YAML (see tests/import_corpus/)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storyboard.importers import SourceError, fountain_to_yaml, import_source, prompt_to_yaml, title_from_stem
from storyboard.importers import fountain as fountain_module
from storyboard.importers.emit import scalar
from storyboard.importers.prose import read_quotes, sentences
from storyboard.loader import load_scene

CORPUS = Path(__file__).parent / "import_corpus"
SOURCES = sorted(path for path in CORPUS.iterdir() if path.suffix in (".txt", ".fountain"))


def expected(source: Path) -> dict:
    return yaml.safe_load(source.with_name(source.stem + ".expected.yaml").read_text(encoding="utf-8"))


def test_corpus_is_varied() -> None:
    assert sum(path.suffix == ".txt" for path in SOURCES) >= 13
    assert sum(path.suffix == ".fountain" for path in SOURCES) >= 3


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_corpus_item_imports_to_its_expected_shot_list(source: Path) -> None:
    assert yaml.safe_load(import_source(source)) == expected(source)


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_corpus_item_is_a_valid_scene(source: Path) -> None:
    scene = load_scene(source.with_suffix(".yaml"), text=import_source(source))
    assert scene.shots


def test_reference_prompt_gives_the_reference_scene() -> None:
    scene = yaml.safe_load(import_source(CORPUS / "tech_corp.txt"))
    assert scene["title"] == "Tech Corp" and scene["resolution"] == "4k" and scene["captions"] is False
    assert scene["characters"] == {"Man": {"voice": "male"}, "AI Voice": {"voice": "female", "effect": "robot"}}
    assert scene["music"] == {"style": "tense-drone", "stop": "final-line"}
    shots = scene["shots"]
    assert [(shot["framing"], shot["cut"]) for shot in shots] == [("wide", "hard"), ("medium", "jump"),
                                                                 ("close-up", "hard")]
    assert [shot.get("signs") for shot in shots] == [
        [{"text": "Tech Corp", "style": "plaque"}],
        [{"text": "ACCESS DENIED", "style": "hologram", "icon": "padlock"}],
        [{"text": "AI LAYOFFS GOT TO GO!", "style": "placard"}],
    ]
    assert [shot.get("lines") for shot in shots] == [[{"Man": "They automated my job."}],
                                                     [{"AI Voice": "Access denied."}], None]
    assert "cinematic" not in " ".join(shot["description"] for shot in shots).lower()


def test_guesses_are_marked_in_comments() -> None:
    text = import_source(CORPUS / "tech_corp.txt")
    assert "framing: wide  # guessed" in text and "framing: medium  # guessed" in text
    assert "framing: close-up\n" in text
    assert "AI Voice: {voice: female, effect: robot}  # guessed" in text


def test_output_is_block_style_with_short_forms() -> None:
    text = import_source(CORPUS / "tech_corp.txt")
    assert "      - Man: They automated my job.\n" in text
    assert "      - {text: ACCESS DENIED, style: hologram, icon: padlock}\n" in text
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys == ["title", "resolution", "captions", "characters", "music", "shots"]


@pytest.mark.parametrize(
    "prose, signs, lines",
    [
        ("A sign says 'OPEN'.", ["OPEN"], []),
        ('The cook says, "Order up!"', [], [("Cook", "Order up!")]),
        ("A chalkboard that says 'TODAY: SOUP'.", ["TODAY: SOUP"], []),
        ("The AI says 'Hello.'", [], [("AI", "Hello.")]),
        ("A screen shows 'A' and 'B'.", ["A", "B"], []),
        ("A woman waves. She whispers: “Go.”", [], [("Woman", "Go.")]),
        ("Officer Jones shouts, 'Freeze!'", [], [("Officer Jones", "Freeze!")]),
        ("A shop window with a 'SALE' banner.", ["SALE"], []),
        ("He watches 'Casablanca' on the sofa.", [], []),
        ("Joe's diner at night.", [], []),
    ],
)
def test_quotes_are_signs_or_lines(prose: str, signs: list[str], lines: list[tuple[str, str]]) -> None:
    found_signs, found_lines, _ = read_quotes(prose)
    assert [sign.text for sign in found_signs] == signs
    assert [(line.who, line.say) for line in found_lines] == lines


def test_sentences_ignore_punctuation_inside_quotes() -> None:
    assert sentences("A sign reads 'STOP. GO!'. The man waits.") == ["A sign reads 'STOP. GO!'.", "The man waits."]
    assert sentences('He says, "Wait!" and runs. Cut.') == ['He says, "Wait!" and runs.', "Cut."]


def test_dialogue_block_keeps_apostrophes_and_parentheticals() -> None:
    scene = yaml.safe_load(prompt_to_yaml("A man and a woman at a bus stop. Dialogue: Man (tired): 'I can't "
                                          "stay.' Woman: \"Then don't.\"", "Bus"))
    assert scene["shots"][0]["lines"] == [{"Man": "I can't stay."}, {"Woman": "Then don't."}]


def test_unseen_speaker_stays_in_the_current_shot_and_is_marked() -> None:
    text = prompt_to_yaml("A dog sleeps. Cut to a cat. Dialogue: Narrator: 'Peace at last.'", "Pets")
    assert yaml.safe_load(text)["shots"][0]["lines"] == [{"Narrator": "Peace at last."}]
    assert "Narrator: Peace at last.  # guessed" in text


def test_lines_never_go_back_to_an_earlier_shot() -> None:
    text = prompt_to_yaml("A man at a bar. Cut to a robot bartender. Dialogue: Robot: 'Hello.' Man: 'Hi.'", "Bar")
    shots = yaml.safe_load(text)["shots"]
    assert "lines" not in shots[0] and shots[1]["lines"] == [{"Robot": "Hello."}, {"Man": "Hi."}]


def test_vertical_4k_swaps_the_sides() -> None:
    assert yaml.safe_load(prompt_to_yaml("Vertical video, 4k. A cat sleeps.", "Cat"))["resolution"] == "2160x3840"


def test_awkward_text_is_quoted_only_when_needed() -> None:
    for text in ["Tech Corp", "TODAY: SOUP", "# 1", "yes", "- dash", "a, b", "'quoted'", "3", "x: y # z"]:
        assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}
        assert yaml.safe_load(f"{{k: {scalar(text, flow=True)}}}") == {"k": text}
    assert scalar("Tech Corp") == "Tech Corp"


def test_title_from_stem() -> None:
    assert title_from_stem("tech_corp") == "Tech Corp"
    assert title_from_stem("AI-layoffs") == "AI Layoffs"


def test_source_error_names_file_and_line() -> None:
    error = SourceError("scene.txt", 3, "no shot found")
    assert str(error) == "scene.txt:3: no shot found"
    assert (error.path, error.line, error.message) == ("scene.txt", 3, "no shot found")


def test_empty_prompt_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("A cinematic 4k shot. No subtitles.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"empty\.txt:1: no shot found"):
        import_source(path)


def test_unknown_suffix_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot import '.doc'"):
        import_source(tmp_path / "x.doc")


def test_parser_failure_names_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail_on_third_line(self, line: str) -> None:
        self.count = getattr(self, "count", 0) + 1
        if self.count == 3:
            raise IndexError("boom")

    monkeypatch.setattr(fountain_module.Parser, "add_line", fail_on_third_line)
    with pytest.raises(SourceError, match=r"^x\.fountain:3: cannot parse the screenplay"):
        fountain_to_yaml("INT. A - DAY\n\nAction.\n", "X", source="x.fountain")


def test_screenplay_without_shots_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="no shot found"):
        fountain_to_yaml("Title: Nothing\n", "Nothing", source="n.fountain")


def test_screenplay_cues_lose_their_extensions_and_keep_parentheticals() -> None:
    text = fountain_to_yaml("INT. ROOM - DAY\n\nMAN (V.O.)\n(softly)\nHello.\n\nMAN (CONT'D)\nBye.\n", "Room")
    assert yaml.safe_load(text)["shots"][0]["lines"] == [{"Man": "Hello."}, {"Man": "Bye."}]
    assert "- Man: Hello.  # (softly)" in text
