"""The light a description asks for: the time of day, whether the picture is dark with the lamps on or off, the weather."""

from __future__ import annotations

from storyboard.picture.sets.stage import Light
from storyboard.picture.vocabulary import Vocabulary

# The first of these a description mentions sets the time; "out" and "dim" darken it.
LIGHT_WORDS = {
    "night": "night, nights, nighttime, night time, midnight, tonight, late night, after dark, at night, moonlight, moonlit, "
             "moonless, nightfall, small hours, dark outside, it is dark, night shift, overnight",
    "dusk": "dusk, sunset, sundown, twilight, evening, golden hour, magic hour",
    "dawn": "dawn, sunrise, daybreak, first light, early morning",
    "day": "day, daytime, morning, noon, midday, afternoon, sunny, sunlight, sunshine, daylight, broad daylight",
    "out": "lights go out, lights went out, the lights die, lights die, lights out, lights off, lights are off, power cut, "
           "power outage, power failure, power goes out, blackout, black out, pitch black, pitch dark, in the dark, "
           "in darkness, darkness, dark room, darkened room, lights cut out",
    "dim": "dim, dimly lit, dim light, low light, shadowy, gloomy, half light, candlelit, candle light",
}
TIMES = ("night", "dusk", "dawn", "day")
# The first of these a description mentions is the weather.
WEATHER_WORDS = {
    "rain": "rain, raining, rainy, rains, rainfall, rainstorm, pouring rain, downpour, drizzle, drizzling, storm, stormy, "
            "thunderstorm, thunder and lightning, wet night, in the rain",
    "snow": "snow, snowing, snowy, snowfall, snowstorm, snowflakes, blizzard, snow covered, snowbound, snowman, snowbank, "
            "snowdrift, snowball, snowballs, in the snow",
    "fog": "fog, foggy, fogbound, thick fog, pea souper",
}
VOCABULARY: Vocabulary[str] = Vocabulary({name: [w.strip() for w in words.split(",")]
                                          for name, words in {**LIGHT_WORDS, **WEATHER_WORDS}.items()},
                                         compounds=False)  # "a rainy night": rain and night


def match_light(description: str) -> Light:
    """The light ``description`` asks for: night is dark with the lamps on; the lights going out is dark with them off
    (at night unless a time is named); dim light is dark with the lamps on; otherwise the time it names, or day; and
    the first weather it names (rain, snow, fog), or none."""
    named = VOCABULARY.names(description)
    times = [name for name in named if name in TIMES]
    out = "out" in named
    time = times[0] if times else ("night" if out else "day")
    weather = next((name for name in named if name in WEATHER_WORDS), "")
    return Light(time, time == "night" or out or "dim" in named, not out, weather)
