"""storyboard import: prompts and screenplays -> shot-list YAML (the scorecard is in test_import_score.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from storyboard.importers import SourceError, fountain_to_yaml, import_source, prompt_to_yaml, title_from_stem
from storyboard.importers.emit import scalar
from storyboard.importers.fountain import parse, title_page
from storyboard.importers.draft import DraftShot
from storyboard.importers.people import Cast
from storyboard.importers.prose import ProseReader
from storyboard.importers.text import sentence_of, sentences
from storyboard.loader import load_scene

CORPUS = Path(__file__).parent / "import_corpus"
SOURCES = sorted(path for path in CORPUS.iterdir() if path.suffix in (".txt", ".fountain"))


def prompt(text: str) -> dict:
    return yaml.safe_load(prompt_to_yaml(text, "Test"))


def lines_of(scene: dict) -> list[tuple[str, str]]:
    return [next(iter(line.items())) if "who" not in line else (line["who"], line["say"])
            for shot in scene["shots"] for line in shot.get("lines") or []]


def signs_of(scene: dict) -> list[str]:
    return [sign["text"] for shot in scene["shots"] for sign in shot.get("signs") or []]


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_corpus_item_is_a_valid_scene(source: Path) -> None:
    scene = load_scene(source.with_suffix(".yaml"), text=import_source(source))
    assert scene.shots


# --- the reference prompt and the written form -------------------------------------------------


def test_reference_prompt_gives_the_reference_scene() -> None:
    scene = yaml.safe_load(import_source(CORPUS / "tech_corp.txt"))
    assert scene["title"] == "Tech Corp" and scene["resolution"] == "4k" and scene["captions"] is False
    assert scene["characters"] == {"Man": {"voice": "male", "look": "man in his 30s, dressed in smart-casual tech attire"},
                                   "AI Voice": {"voice": "female", "effect": "robot"}}
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


def test_output_is_block_style_with_short_forms() -> None:
    text = import_source(CORPUS / "tech_corp.txt")
    assert "      - Man: They automated my job.\n" in text
    assert "      - {text: ACCESS DENIED, style: hologram, icon: padlock}\n" in text
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys == ["title", "resolution", "captions", "characters", "music", "shots"]


# Every guess is a comment in the written YAML (parsed YAML drops comments: these read the text).
GUESSES = [
    ("tech_corp.txt", "    framing: wide  # guessed: no framing word; opening shot\n"),
    ("tech_corp.txt", "    framing: medium  # guessed: no framing word\n"),
    ("tech_corp.txt", "    framing: close-up\n"),
    ("tech_corp.txt", "  AI Voice: {voice: female, effect: robot}  # guessed: voice from the name\n"),
    ("veo_lab.txt", "      - Scientist: It's worse.  # guessed: the person of the sentence before\n"),
    ("veo_lab.txt", "  Scientist: {voice: female, look: female scientist in a lab coat}  # guessed: voice from the noun; "
                    "look from the prose\n"),
    ("veo_bakery.txt", "  Woman: {voice: female, look: woman in her fifties with flour on her apron}  # guessed: voice "
                       "from the name; look from the prose\n"),
    ("veo_train.txt", "music:  # guessed: the shot where the train enters the tunnel; level from 'in the background'\n"
                      "  style: warm-pad\n  stop: shot:shot-1\n  level: -6\n"),
    ("ad_vertical_no_res.txt", "resolution: 1080x1920  # guessed: vertical format, 1080p\n"),
    ("camera_dolly.txt", "music:  # guessed: style; the shot where he starts clapping\n"),
    ("veo_detective.txt", "ambience: rain  # guessed from the prose\n"),
    ("sfx_apartment.txt", "    sfx:  # guessed: when in the shot\n      - {sound: footsteps, at: 0}\n"
                          "      - {sound: door-slam, at: 0.5}\n"),
    ("quote_unquoted_speech.txt", "      - Barista: welcome to Bean There, what can I get you  # guessed: unquoted speech\n"),
    ("dissolve.fountain", "    cut: hard  # guessed: 'DISSOLVE TO:' becomes a hard cut\n"),
    ("heist.fountain", "      - {who: Rita, say: \"Is it open?\", off: true}\n"),
    ("heist.fountain", "    notes: \"lighting note: keep it dark\"\n"),
    ("fountain_full_syntax.fountain", "      - Lila: Happy birthday to me, happy birthday to me!  # sung\n"),
    ("fountain_full_syntax.fountain", "      - McCALLUM: Sign where?  # dual dialogue: said at the same time as the "
                                      "line before\n"),
    ("fountain_diner_cold_open.fountain", "  Maggie: {look: \"50s, a waitress with a pencil behind her ear\"}  "
                                          "# guessed: look from the prose\n"),
]


@pytest.mark.parametrize("name, written", GUESSES, ids=[f"{name}:{index}" for index, (name, _) in enumerate(GUESSES)])
def test_guesses_are_written_as_comments(name: str, written: str) -> None:
    assert written in import_source(CORPUS / name)


def test_every_unnamed_framing_is_marked_guessed() -> None:
    for source in SOURCES:
        for line in import_source(source).splitlines():
            if line.strip().startswith("framing:") and "#" not in line:
                framing = line.split(":")[1].strip()
                assert framing in ("wide", "medium", "close-up", "insert"), (source.name, line)


# --- who speaks ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # the subject of the speech verb, through a verb phrase
    ("A guard blocks the gate. She turns to the guard and says, 'Let me in.'", [("Woman", "Let me in.")]),
    ("The head chef, a tall man, slams a ticket down and shouts, 'Go!'", [("Head Chef", "Go!")]),
    ("She pulls back, stunned, and her colleague Dr. Okafor asks, 'Really?'", [("Dr. Okafor", "Really?")]),
    # pronouns find the last person of their gender, not the fallback Man/Woman
    ("A nurse checks the chart. She smiles and says, 'Rest now.'", [("Nurse", "Rest now.")]),
    ("An astronaut floats in the module. She whispers, 'Copy?'", [("Astronaut", "Copy?")]),
    ("A female scientist looks up. Her colleague Ben waves. She says, 'Come here.'", [("Scientist", "Come here.")]),
    ("A waiter brings the bill. The woman frowns. He says, 'Cash only.'", [("Waiter", "Cash only.")]),
    # quotes before their verb, and quotes that continue a line
    ('"Stay here," the sergeant mutters. "I\'ll check the road."', [("Sergeant", "Stay here,"),
                                                                    ("Sergeant", "I'll check the road.")]),
    ('"Fifty years," says the old man.', [("Man", "Fifty years,")]),
    ("A nurse smiles. \"He's parking the car.\"", [("Nurse", "He's parking the car.")]),
    # a colon after a verb that is not a speech verb
    ("The dad waves at the worksheet: \"Show me.\"", [("Dad", "Show me.")]),
    # a quote after a comma, with no speech verb, is the subject's line
    ("A nurse leans over the bed, \"Breathe.\"", [("Nurse", "Breathe.")]),
    # unquoted speech, twice in one unpunctuated sentence
    ("a beach at sunset a man kneels in the sand he says will you marry me she smiles and says yes",
     [("Man", "will you marry me"), ("Woman", "yes")]),
    # a title after a sentence about a person is no line; nor a quote that opens a sentence about a thing
    ("A man sits down. He watches 'Casablanca' on the sofa.", []),
    ("A man waits. \"Welcome\" is painted on the mat.", []),
    # a misspelt speech verb, no comma
    ("The old witch whipsers \"they are close\"", [("Witch", "they are close")]),
    # words in capitals after "says" are shouted, not a sign; "says he is" reports, it does not quote
    ("The old man says STOP RIGHT THERE.", [("Man", "STOP RIGHT THERE")]),
    ("The old man says he is tired.", []),
    # "a cake that says": a thing that says something shows it, even after another quote
    ("A card reads \"Dear Ana\" and a cake that says, in icing, \"HAPPY BIRTHDAY\".", []),
    # framing words, objects and pronouns near the verb are no speakers
    ("Close-up of the radio. It says 'Storm warning.'", []),
    ("A scarf on the chair. A sign says 'OPEN'.", []),
])
def test_speakers(text: str, expected: list[tuple[str, str]]) -> None:
    assert lines_of(prompt(text)) == expected


def test_name_labels_keep_their_parenthetical_and_leave_the_prose_before_them() -> None:
    text = prompt_to_yaml('Two-shot of the captain and the navigator — Reyes (angrily): "Seal it off." Kim: "Yes."',
                          "Test")
    scene = yaml.safe_load(text)
    assert scene["shots"][0]["description"] == "Two-shot of the captain and the navigator."
    assert "      - Reyes: Seal it off.  # (angrily)\n" in text and lines_of(scene)[1] == ("Kim", "Yes.")


def test_a_thing_that_says_something_shows_it() -> None:
    assert signs_of(prompt("A note that says, in red letters, \"STOP\".")) == ["STOP"]
    assert signs_of(prompt("A card reads \"Dear Ana\" and a cake that says, in icing, \"HAPPY\".")) == [
        "Dear Ana", "HAPPY"]


@pytest.mark.parametrize("stop", ["he waves", "she waves", "they wave", "then a dog barks", "cut to black",
                                  "close-up of a cup", "close up of a cup", "wide shot of the street",
                                  "medium shot of the bar", "end card says open", "text on screen reads OPEN"])
def test_the_prose_reader_stops_unquoted_speech_at_the_next_clause(stop: str) -> None:
    shot = DraftShot()
    ProseReader(Cast()).read(sentence_of(f"The bartender, tired, says good evening {stop}"), shot)
    assert [(line.who, line.say) for line in shot.lines][:1] == [("Bartender", "good evening")]


def test_a_quote_after_unquoted_speech_continues_it() -> None:
    text = prompt_to_yaml('The barista says welcome in friend. "Coffee?"', "Test")
    assert '      - Barista: Coffee?  # guessed: continues the line before\n' in text


def test_a_two_word_role_gets_the_look_of_its_noun() -> None:
    scene = prompt("A young line cook with a nervous smile nods and replies, 'Yes, chef!'")
    assert scene["characters"]["Line Cook"]["look"] == "young line cook with a nervous smile"


def test_a_pause_is_marked_guessed() -> None:
    text = prompt_to_yaml("A quiet office. After a pause, the manager says, 'You are fired.'", "Test")
    assert "say: You are fired., pause: 1}  # guessed: pause from the words before the line\n" in text


def test_pronoun_with_nobody_named_falls_back_and_says_so() -> None:
    text = prompt_to_yaml("A rainy street. She whispers, 'Go.'", "Test")
    assert "      - Woman: Go.  # guessed: 'she' names nobody earlier\n" in text


def test_a_persons_pronoun_does_not_give_another_person_a_voice() -> None:
    scene = prompt("The cook hands the waitress her plate and says, 'Table four.'")
    assert lines_of(scene) == [("Cook", "Table four.")]
    assert scene.get("characters", {}).get("Cook", {}).get("voice") != "female"


def test_one_character_whatever_the_letter_case() -> None:
    scene = prompt("Maya leans in. Maya says, 'Hi.'\nMAYA: Bye.")
    assert lines_of(scene) == [("Maya", "Hi."), ("Maya", "Bye.")]


@pytest.mark.parametrize("voice", ["a computer voice", "a synthetic voice", "a robotic voice"])
def test_machine_voices_get_the_robot_effect(voice: str) -> None:
    scene = prompt(f"A dark lab. The guard says in {voice}, 'Halt.'")
    assert scene["characters"]["Guard"]["effect"] == "robot"


def test_off_screen_voices_are_marked_off() -> None:
    scene = load_scene(Path("t.yaml"), text=prompt_to_yaml(
        "A hallway. Mom (on the phone): \"Happy birthday!\" Dad: \"Hi.\"\nNarrator: \"It began here.\"", "T"))
    assert [(line.who, line.off) for line in scene.lines] == [("Mom", True), ("Dad", False), ("Narrator", True)]


# --- shots --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, framings", [
    ("A poker game. Close-up of the cards. Over-the-shoulder shot of the dealer. POV shot of the pot. "
     "Final wide shot: the table.", [None, "close-up", "medium", None, "wide"]),
    ("Aerial drone shot of a city. Meanwhile, a man waits at home. End card: 'Home.'", ["wide", None, None]),
    ("0-3s: A cat sleeps.\n3-5s: The cat wakes.", [None, None]),
    ("- Wide: a street.\n- Close-up: a shoe.", ["wide", "close-up"]),
    ("A farm at dawn. Then a medium shot of the barn. Then close-up on the door.", [None, "medium", "close-up"]),
    ("A woman walks in, then smiles. Then she sits down.", [None]),
    ("Macro shot of a sole hitting the ground. A runner sprints past.", ["insert", None]),
])
def test_shot_boundaries_from_camera_language(text: str, framings: list[str | None]) -> None:
    shots = yaml.safe_load(prompt_to_yaml(text, "Test"))["shots"]
    written = prompt_to_yaml(text, "Test")
    named = [None if f"framing: {shot['framing']}  # guessed" in written.split(f"id: {shot['id']}\n")[1].split(
        "  - id:")[0] else shot["framing"] for shot in shots]
    assert named == framings


def test_time_ranges_give_durations() -> None:
    shots = prompt("0-3s: A cat.\n3-4.5s: A dog.\n[00:05-00:09] A bird.\n0:09-0:12 A fish.")["shots"]
    assert [shot["duration"] for shot in shots] == [3, 1.5, 4, 3]


def test_a_number_range_in_prose_is_not_a_time_range() -> None:
    shots = prompt("3-4 people wait at a bus stop in the rain.")["shots"]
    assert len(shots) == 1 and "duration" not in shots[0]


def test_camera_moves_become_notes_not_shots() -> None:
    shots = prompt("Wide shot of a market. Pan across the stalls. The camera slowly pushes in on a lamp.")["shots"]
    assert len(shots) == 1
    assert shots[0]["notes"] == "Pan across the stalls. The camera slowly pushes in on a lamp."


# --- music, sound, settings ----------------------------------------------------------------------


@pytest.mark.parametrize("cue, stop", [
    ("Tense drone music that cuts out on the final line.", "final-line"),
    ("Soft piano music plays throughout.", "end"),
    ("Warm music that continues to the end.", "end"),
    ("A percussion beat that stops at 8 seconds.", "8"),
    ("The strings fall silent on her last word.", "final-line"),
    ("No music.", "0"),
])
def test_music_stops(cue: str, stop: str) -> None:
    scene = prompt(f"A woman waits at a window. She says, 'Come home.' {cue}")
    assert str(scene["music"]["stop"]) == stop


def test_a_music_stop_tied_to_an_event_finds_its_shot() -> None:
    scene = prompt("A dark club. Cut to a DJ. Cut to the crowd as the power goes out. "
                   "The beat cuts when the power goes out. The DJ says, 'Well.'")
    assert scene["music"]["stop"] == "shot:shot-3"


def test_a_picture_and_music_sentence_keeps_its_picture() -> None:
    scene = prompt("A dark warehouse, a heavy bass beat pounding.")
    assert scene["shots"][0]["description"] == "A dark warehouse." and scene["music"]["style"] == "pulse"


def test_instruments_without_music_verbs_are_picture() -> None:
    scene = prompt("Insert shot of her bow touching the strings.")
    assert "music" not in scene and scene["shots"][0]["framing"] == "insert"


@pytest.mark.parametrize("text, sounds", [
    ("A door slams. Footsteps approach.", ["door-slam", "footsteps"]),
    ("Her phone buzzes on the table. A glass shatters.", ["phone-buzz", "glass"]),
    ("A truck crashes into the car. Whoosh.", ["impact", "whoosh"]),
    ("She walks to the door and knocks.", []),
])
def test_sound_effects(text: str, sounds: list[str]) -> None:
    shot = prompt(text)["shots"][0]
    assert [sfx["sound"] for sfx in shot.get("sfx") or []] == sounds


@pytest.mark.parametrize("text, ambience", [
    ("Rain outside the window. A man reads.", "rain"),
    ("The crowd cheers in the stadium.", "crowd"),
    ("A man stands in a field.", None),
    ("A blurred crowd holds signs.", None),
])
def test_ambience(text: str, ambience: str | None) -> None:
    assert prompt(text).get("ambience") == ambience


@pytest.mark.parametrize("text, resolution", [
    ("Vertical video. A cat sleeps.", "1080x1920"),
    ("vertical. a cat sleeps", "1080x1920"),
    ("Vertical video, 4k. A cat sleeps.", "2160x3840"),
    ("9:16, 720p. A cat sleeps.", "720x1280"),
    ("A cat sleeps on a vertical wall.", None),
])
def test_vertical_formats(text: str, resolution: str | None) -> None:
    assert prompt(text).get("resolution") == resolution


def test_removing_a_setting_leaves_the_sentence_whole() -> None:
    scene = prompt("A cat sleeps on a sofa, shot in 4k. Dialogue: none")
    assert scene["resolution"] == "4k"
    assert scene["shots"][0]["description"] == "A cat sleeps on a sofa."


def test_captions_with_words_between() -> None:
    assert prompt("A cat sleeps. Add large captions.")["captions"] is True
    assert prompt("A cat sleeps. No burned-in captions.")["captions"] is False


# --- signs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("prose, signs", [
    ("A mug printed with 'WORLD'S BEST DAD'.", ["WORLD'S BEST DAD"]),
    ("A plate engraved 'ACME 1887'.", ["ACME 1887"]),
    ("The alarm panel blinks 'INTRUDER'.", ["INTRUDER"]),
    ("Graffiti scrawled across the wall: 'NO FUTURE'.", ["NO FUTURE"]),
    ("Bold text on screen: 'SALE'.", ["SALE"]),
    ("He watches 'Casablanca' on the sofa.", []),
    ("A boat called 'Maria' in the harbour.", []),
    ("Joe's diner at night.", []),
])
def test_sign_words(prose: str, signs: list[str]) -> None:
    assert signs_of(prompt(prose)) == signs


@pytest.mark.parametrize("prose, style", [
    ("A billboard by the neon-free road reads 'EAT'.", "sign"),
    ("A T-shirt that says 'HELLO'.", "sign"),
    ("A laptop screen shows 'LOGIN'.", "screen"),
    ("A brass plaque reads 'Dr. Stone'.", "plaque"),
])
def test_sign_style_from_the_words_about_it(prose: str, style: str) -> None:
    assert prompt(prose)["shots"][0]["signs"][0]["style"] == style


def test_sentences_ignore_punctuation_inside_quotes() -> None:
    assert [s.text for s in sentences("A sign reads 'STOP. GO!'. The man waits.")] == [
        "A sign reads 'STOP. GO!'.", "The man waits."]
    assert [s.text for s in sentences('He says, "Wait!" and runs. Cut.')] == ['He says, "Wait!" and runs.', "Cut."]


def test_dialogue_block_keeps_apostrophes_and_parentheticals() -> None:
    scene = prompt("A man and a woman at a bus stop. Dialogue: Man (tired): 'I can't stay.' Woman: \"Then don't.\"")
    assert scene["shots"][0]["lines"] == [{"Man": "I can't stay."}, {"Woman": "Then don't."}]


def test_unseen_speaker_stays_in_the_current_shot_and_is_marked() -> None:
    text = prompt_to_yaml("A dog sleeps. Cut to a cat. Dialogue: Ghost: 'Peace at last.'", "Pets")
    assert yaml.safe_load(text)["shots"][0]["lines"] == [{"Ghost": "Peace at last."}]
    assert "Ghost: Peace at last.  # guessed: speaker not seen in any later shot" in text


def test_awkward_text_is_quoted_only_when_needed() -> None:
    for text in ["Tech Corp", "TODAY: SOUP", "# 1", "yes", "- dash", "a, b", "'quoted'", "3", "x: y # z"]:
        assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}
        assert yaml.safe_load(f"{{k: {scalar(text, flow=True)}}}") == {"k": text}
    assert scalar("Tech Corp") == "Tech Corp"


def test_every_plain_scalar_reads_back_as_written() -> None:
    texts = ["Is it open?", "Stop. Go?", "Wow!", "yes", "No", "off", "a -b", "x: y", "x #y", "end:", "[a]", "{b}",
             "a, b", "Tom's", "100%", "Dr. Ada Stone, Dentist", "いらっしゃいませ!", "¡Mangos dulces!", "-dash"]
    texts += [line.strip() for source in SOURCES for line in source.read_text(encoding="utf-8").split('"')[1::2]]
    for text in texts:
        assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}
        assert yaml.safe_load(f"{{k: {scalar(text, flow=True)}}}") == {"k": text}


def test_title_from_stem() -> None:
    assert title_from_stem("tech_corp") == "Tech Corp"
    assert title_from_stem("AI-layoffs") == "AI Layoffs"


# --- Fountain ------------------------------------------------------------------------------------


def test_fountain_elements_carry_their_lines() -> None:
    text = "Title: X\n\nINT. ROOM - DAY #4#\n\nA man waits.\n\nMAN (V.O.)\n(softly)\nHello.\n\n> CUT TO:\n"
    entries, start = title_page(text)
    kinds = [(element.kind, element.line) for element in parse(text, start)]
    assert entries == {"title": "X"}
    assert kinds == [("heading", 3), ("action", 5), ("character", 7), ("parenthetical", 8), ("dialogue", 9),
                     ("transition", 11)]
    assert parse(text, start)[0].text == "INT. ROOM - DAY"


def test_fountain_clean_up() -> None:
    scene = yaml.safe_load(fountain_to_yaml(
        "FADE IN:\n\nINT. ROOM - DAY\n\nA man in a *very* old coat\nwalks in.\n\nMAN\n**Never** _again_.\n", "X"))
    assert len(scene["shots"]) == 1
    assert scene["shots"][0]["description"] == "INT. ROOM - DAY. A man in a very old coat walks in."
    assert scene["shots"][0]["lines"] == [{"Man": "Never again."}]


def test_fountain_shot_lines_and_centred_titles() -> None:
    scene = yaml.safe_load(fountain_to_yaml(
        "> THREE YEARS LATER <\n\nINT. ROOM - DAY\n\nAnna sits.\n\nON THE TWO OF THEM\n\nThey stare.\n\nPOV\n\n"
        "The door.\n", "X"))
    assert [shot.get("signs") for shot in scene["shots"]] == [[{"text": "THREE YEARS LATER", "style": "sign"}],
                                                             None, None, None]


def test_pauses_prelaps_and_held_shots() -> None:
    scene = load_scene(Path("x.yaml"), text=fountain_to_yaml(
        "INT. A - DAY\n\nAnna waits.\n\nANNA\nHi.\n\nCUT TO:\n\nINT. B - DAY\n\nBEN (PRE-LAP)\nHello?\n\n"
        "BEN\n(long pause)\nAnyone?\n\nBEN\n(beat)\nNo?\n", "X"))
    assert [(line.say, line.pause, line.prelap) for line in scene.lines] == [
        ("Hi.", None, 0.0), ("Hello?", None, 0.5), ("Anyone?", 1.5, 0.0), ("No?", 0.5, 0.0)]
    shot = prompt("A quiet office. After a pause, the manager says, 'You are fired.' "
                  "The camera holds on her face for 2 seconds.")["shots"][0]
    assert shot["tail"] == 2 and shot["lines"] == [{"who": "Manager", "say": "You are fired.", "pause": 1}]


def test_fountain_hidden_text_stays_out() -> None:
    scene = yaml.safe_load(fountain_to_yaml(
        "INT. ROOM - DAY\n\nAnna waits. [[a note\nover two lines]]\n\n/* GUARD\nStop!\n*/\n\n# Act one\n\n= synopsis\n"
        "\n===\n", "X"))
    shot = scene["shots"][0]
    assert shot["description"] == "INT. ROOM - DAY. Anna waits."
    assert shot["notes"] == "a note over two lines" and "lines" not in shot


def test_screenplay_cues_lose_their_extensions_and_keep_parentheticals() -> None:
    text = fountain_to_yaml("INT. ROOM - DAY\n\nMAN (V.O.)\n(softly)\nHello.\n\nMAN (CONT'D)\nBye.\n", "Room")
    scene = load_scene(Path("room.yaml"), text=text)
    assert [(line.who, line.say, line.off) for line in scene.lines] == [("Man", "Hello.", True), ("Man", "Bye.", False)]
    assert "      - {who: Man, say: Hello., off: true}  # (softly)\n" in text


# --- bad sources -----------------------------------------------------------------------------------

BAD_SOURCES = {
    "empty.txt": (b"", 1, "the file is empty"),
    "blank.fountain": (b"\n  \n\n", 1, "the file is empty"),
    "title.fountain": (b"Title: Nothing\n", 1, "only a title page"),
    "title_page.fountain": (b"Title: Big\nCredit: by\nAuthor: Me\nDraft date: 2025\n", 1, "only a title page"),
    "music.txt": (b"Soft piano music plays throughout.\n", 1, "only music"),
    "look.txt": (b"A cinematic 4k shot. No subtitles.\n", 1, "no picture and no dialogue"),
    "latin1.txt": (b"A dog.\nA caf\xe9 at dawn.\n", 2, "not UTF-8"),
    "latin1.fountain": (b"INT. ROOM - DAY\n\nA man.\n\nINT. CAF\xc9 - NIGHT\n", 5, "not UTF-8"),
}


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad_sources")
    for name, (data, _, _) in BAD_SOURCES.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("command", ["import", "check", "plan", "render"])
@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_bad_source_gives_file_line_and_exit_2(bad_dir: Path, name: str, command: str, tmp_path: Path) -> None:
    _, line, message = BAD_SOURCES[name]
    extra = ["-o", str(tmp_path / "out.mp4")] if command == "render" else []
    result = run_cli(command, str(bad_dir / name), *extra)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"storyboard: {bad_dir / name}:{line}: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


def test_source_error_is_an_input_error() -> None:
    error = SourceError("scene.txt", 3, "no shot found")
    assert str(error) == "scene.txt:3: no shot found" and error.exit_code == 2
    assert str(SourceError("scene.txt", 0, "x")) == "scene.txt:1: x"


def test_unknown_suffix_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"x\.doc:1: cannot import '.doc'"):
        import_source(tmp_path / "x.doc")


# --- each word of the prose reader's own patterns counts --------------------------------------------


@pytest.mark.parametrize("verb", ["says", "asks", "answers", "replies", "shouts", "whispers", "mutters", "yells"])
def test_unquoted_speech_after_each_verb(verb: str) -> None:
    assert lines_of(prompt(f"A barista at the counter. The barista {verb} welcome in friend.")) == [
        ("Barista", "welcome in friend")]


@pytest.mark.parametrize("stop", ["he waves", "she waves", "they wave", "then a dog barks", "cut to the door",
                                  "close-up of a cup", "close up of a cup", "wide shot of the street",
                                  "medium shot of the bar", "end card says open", "text on screen reads OPEN"])
def test_unpunctuated_speech_stops_where_the_next_clause_starts(stop: str) -> None:
    scene = prompt(f"a long quiet bar at night with a lonely old man sitting alone the man says good evening {stop}")
    assert ("Man", "good evening") in lines_of(scene)


@pytest.mark.parametrize("joint", ["and", "or", "then", "and then", ","])
def test_a_quote_after_a_joining_word_is_read_like_the_one_before(joint: str) -> None:
    scene = prompt(f"A screen shows 'LEFT' {joint} 'RIGHT'. The guard shouts, 'Stop' {joint} 'Go'.")
    assert signs_of(scene) == ["LEFT", "RIGHT"]
    assert lines_of(scene) == [("Guard", "Stop"), ("Guard", "Go")]
