"""Lines in other scripts are spoken by a voice of their language, not spelt out letter by letter."""

from __future__ import annotations

import pytest

from storyboard.model import Character
from storyboard.sound import speech
from storyboard.sound.voices import line_voice

MAN = Character("Omar", "male")
WOMAN = Character("Li", "female")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("مرحبا، كيف حالك اليوم؟", "sem/ar"),
        ("你好，今天天气很好。", "sit/cmn"),
        ("こんにちは、元気ですか。", "jpx/ja"),  # kana with Han: Japanese
        ("Привет, как дела?", "zle/ru"),
        ("안녕하세요, 잘 지내요?", "ko"),
        ("Καλημέρα σας", "grk/el"),
    ],
)
def test_a_line_in_another_script_takes_its_language_and_keeps_the_variant(text: str, language: str) -> None:
    assert line_voice(MAN, text) == f"{language}+m3"
    assert line_voice(WOMAN, text) == f"{language}+f3"


@pytest.mark.parametrize("text", ["Hola, ¿cómo estás hoy?", "Meet Mr. 李 at noon, by the river.", "42!", "..."])
def test_a_latin_line_or_one_with_a_few_foreign_letters_keeps_the_voice(text: str) -> None:
    assert line_voice(MAN, text) == "gmw/en-US+m3"


def test_words_of_unspaced_scripts_count_one_and_a_half_characters_each() -> None:
    assert speech.word_count("It is nine.") == 3
    assert speech.word_count("你好今天") == pytest.approx(4 / 1.5)
    assert speech.word_count("Go 你好") == pytest.approx(1 + 2 / 1.5)


def test_arabic_and_chinese_lines_are_spoken_at_a_speaking_pace() -> None:
    arabic, chinese = speech.synthesise_lines([("مرحبا، كيف حالك اليوم؟", MAN), ("你好，今天天气很好。", WOMAN)])
    # An English voice spelt the Arabic line out in 17 s; spoken, it is under 3 s.
    assert 0.6 < arabic.size / speech.SAMPLE_RATE < 3.0
    assert 1.0 < chinese.size / speech.SAMPLE_RATE < 3.5
