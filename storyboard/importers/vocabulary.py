"""The words the importer knows, in small tables a newcomer can extend.

Every rule of the importer reads one of these tables; none hides a word list
in its code. Patterns are regular-expression fragments matched case-blind on
whole words unless a comment says otherwise. See docs/import.md for how each
table is used.
"""

from __future__ import annotations

# --- shots ------------------------------------------------------------------------------------

# Shot sizes: a phrase naming the size -> the shot list's framing. The longest match wins.
FRAMINGS: dict[str, str] = {
    r"extreme\s+wide": "wide", r"wide(?:[\s-]+angle)?": "wide", r"establishing": "wide", r"aerial": "wide",
    r"drone": "wide", r"long": "wide", r"full": "wide", r"bird'?s[\s-]eye": "wide", r"plano\s+general": "wide",
    r"medium(?:[\s-]+(?:close[\s-]?up|wide|long|two[\s-]shot))?": "medium", r"mid(?:[\s-]?shot)?": "medium",
    r"waist[\s-](?:up|shot)": "medium", r"over[\s-]the[\s-]shoulder": "medium", r"two[\s-]shot": "medium",
    r"cowboy": "medium",
    r"(?:extreme\s+)?close[\s-]?ups?": "close-up", r"close": "close-up", r"tight": "close-up", r"ecu": "close-up",
    r"insert": "insert", r"detail": "insert", r"macro": "insert", r"product": "insert",
}
# Sizes that name a framing even without "shot" after them ("Close-up of...", "an aerial view").
CLEAR_SIZES = (r"(?:extreme\s+)?close[\s-]?ups?", r"closeup", r"medium[\s-]+close[\s-]?up", r"insert", r"establishing",
               r"aerial", r"macro", r"over[\s-]the[\s-]shoulder", r"two[\s-]shot", r"ecu", r"extreme\s+wide",
               r"bird'?s[\s-]eye")
# Misspellings seen in prompts -> the word meant (applied to framing words only).
TYPOS: dict[str, str] = {"meduim": "medium", "closup": "close-up", "closeups": "close-up", "clsoe": "close"}
# Set-ups that start a shot without naming its size ("POV shot of...", "Tracking shot...").
SETUPS = (
    r"pov", r"point[\s-]of[\s-]view", r"tracking", r"crane", r"overhead", r"top[\s-]down", r"low[\s-]angle",
    r"high[\s-]angle", r"dutch[\s-]angle", r"reverse", r"interior", r"exterior", r"cutaway", r"handheld",
    r"static", r"locked[\s-]off", r"slow[\s-]motion", r"side",
)
# Nouns that follow a size or set-up word ("close-up shot", "wide angle", "aerial view").
SHOT_NOUNS = r"shot|view|angle|frame|take"
# Sentence openers that start a new shot with no size ("Meanwhile, ...", "End card: ...").
SHOT_OPENERS = (
    r"meanwhile", r"later", r"moments\s+later", r"end\s+card", r"title\s+card", r"end\s+screen", r"final\s+shot",
    r"in\s+the\s+next\s+shot", r"next\s+shot", r"the\s+next\s+shot\s+shows",
)
# Camera moves: inside one shot (the panels cannot show them: they become the shot's notes).
CAMERA_MOVES = (
    r"pan(?:s|ning)?", r"tilt(?:s|ing)?", r"dolly(?:[\s-]+(?:in|out))?", r"push(?:es)?[\s-]+in", r"pull(?:s)?[\s-]+back",
    r"zoom(?:s|ing)?(?:[\s-]+(?:in|out))?", r"track(?:s|ing)?", r"crane(?:s)?\s+up", r"whip[\s-]pan",
    r"the\s+camera\s+(?:\w+ly\s+)?(?:pans|tilts|pushes|pulls|zooms|tracks|follows|descends|rises|circles|orbits|"
    r"cranes|dollies|moves|glides|swoops|drifts|slowly\s+\w+)",
)
# Cut words: "cut to", "smash cut", "jump cut."... "jump" in the words makes the cut a jump cut.
CUT_ADJECTIVES = r"quick|sharp|hard|fast|sudden|abrupt|smash|match|jump|straight|rapid|we"
# Lines that label the place of a list of set-ups ("Scene: a rooftop party"): read into the next shot.
CONTEXT_LABELS = ("scene", "setting", "location", "place", "int", "ext")

# --- text seen in the picture -------------------------------------------------------------------

# Verbs that put the following (quoted) text on a thing: "a sign reads 'OPEN'".
SIGN_VERBS = (
    r"reads?", r"reading", r"says?", r"saying", r"shows?", r"showing", r"displays?", r"displaying", r"labell?ed",
    r"written", r"spells?(?:\s+out)?", r"spelling", r"flash(?:es|ing)?", r"blinks?", r"blinking", r"titled",
    r"printed(?:\s+with)?", r"engraved(?:\s+with)?", r"etched(?:\s+with)?", r"scrawled(?:\s+\w+){0,3}",
    r"painted(?:\s+with)?", r"stamped(?:\s+with)?", r"beginning", r"lighting\s+up\s+with", r"buzzes",
    r"with\s+the\s+(?:words?|text|logo|name|title|slogan|message)", r"the\s+(?:words?|text|logo|slogan)",
    r"(?:bold|big|large|white|red|neon)\s+(?:text|letters|lettering)",
)
# Labels that put the rest of the sentence on screen: "End card: Shop now", "Text overlay: 50% OFF".
SIGN_LABELS = (
    r"end\s+card", r"title\s+card", r"end\s+screen", r"text\s+overlay", r"on[\s-]screen\s+text", r"text\s+on\s+screen",
    r"super", r"title", r"caption\s+card", r"chyron", r"lower\s+third", r"card",
)
# Nouns of things that carry text: "says" after one of them is a sign, not a line.
SIGN_CARRIERS = (
    r"signs?", r"plaques?", r"screens?", r"monitors?", r"displays?", r"interfaces?", r"holograms?", r"banners?",
    r"placards?", r"posters?", r"billboards?", r"\w*boards?", r"labels?", r"tags?", r"badges?", r"notes?", r"letters?",
    r"cards?", r"t-shirts?", r"shirts?", r"messages?", r"text", r"headlines?", r"newspapers?", r"doors?", r"walls?",
    r"windows?", r"menus?", r"logos?", r"neon", r"terminals?", r"laptops?", r"phones?", r"smartphones?", r"tablets?",
    r"readouts?", r"lettering", r"graffiti", r"stickers?", r"notifications?", r"alerts?", r"pop-?ups?", r"watch",
    r"mugs?", r"cups?", r"bottles?", r"panels?", r"consoles?", r"face", r"page", r"book", r"worksheet", r"bill",
    r"sole", r"side", r"plate", r"overlay", r"lanyard",
)
# A quoted name after these is a title, not a line (and a sign only with a sign verb).
TITLE_WORDS = r"called|named|nicknamed|known\s+as|dubbed"
# Sign styles from the words around the text, most specific first.
SIGN_STYLES: dict[str, str] = {
    "neon": r"neon",
    "name-tag": r"name[\s-]?tags?|badges?|lanyards?",
    "hologram": r"holo(?:gram|graphic)s?",
    "placard": r"protest(?:ers?)?|placards?|picket|banners?|march(?:ers)?",
    "plaque": r"plaques?|brushed|brass|engraved|etched|facade|plate",
    "screen": r"screens?|monitors?|displays?|interfaces?|laptops?|phones?|smartphones?|tablets?|terminals?|"
              r"watch(?:es)?|consoles?|dashboards?|computers?|TV|television|pop-?ups?|overlay|on[\s-]screen|"
              r"app|readouts?|scoreboard|panel",
}
# Icons from the words around the text (the renderer's icons).
SIGN_ICONS: dict[str, str] = {
    "padlock": r"padlocks?|lock\s+(?:icon|symbol)|locked",
    "warning": r"warning\s+(?:icon|symbol|triangle|sign)|exclamation|hazard",
    "check": r"check\s*mark|checkmark|tick",
    "cross": r"red\s+(?:cross|x)|cross\s+(?:icon|symbol)",
    "lightning": r"lightning|bolt\s+(?:icon|symbol)",
}

# --- who speaks ---------------------------------------------------------------------------------

# Verbs that make the subject speak the quote next to them (any language the corpus has met).
SPEECH_VERBS = (
    r"says?", r"said", r"saying", r"whispers?", r"whispered", r"whispering", r"shouts?", r"shouted", r"shouting",
    r"yells?", r"yelled", r"yelling", r"asks?", r"asked", r"asking", r"repl(?:y|ies|ied|ying)", r"answers?",
    r"answered", r"mutters?", r"muttered", r"muttering", r"murmurs?", r"murmured", r"screams?", r"screamed",
    r"announces?", r"announced", r"exclaims?", r"exclaimed", r"calls?(?:\s+out)?", r"called\s+out", r"tells?",
    r"adds?", r"added", r"hiss(?:es|ed)?", r"sighs?", r"sighed", r"growls?", r"snaps?", r"corrects?", r"sings?",
    r"laughs?", r"cries", r"cried", r"pleads?", r"begs?", r"insists?", r"mouths?", r"continues?", r"goes\s+on",
    r"states?", r"declares?", r"responds?", r"grumbles?", r"barks?", r"blurts?(?:\s+out)?", r"shrieks?",
    r"stammers?", r"breathes", r"wonders?", r"jokes?", r"teases?", r"reports?", r"orders?", r"commands?",
    r"warns?", r"whimpers?", r"gasps?", r"groans?", r"chuckles?", r"dice", r"dit", r"sagt",
)
# Speech verbs in their plain forms, for reading misspelt ones ("whipsers", "sayss").
SPEECH_VERB_FORMS = frozenset("says whispers shouts asks mutters yells replies answers screams murmurs "
                              "announces exclaims".split())
# A silence before a line: the words -> seconds (a Fountain parenthetical or a prompt's "after a pause").
PAUSES: dict[str, str] = {"1.5": r"long\s+pause|long\s+beat|long\s+silence",
                          "1": r"pause[sd]?|after\s+a\s+moment|a\s+moment\s+later|silence",
                          "0.5": r"beat|a\s+beat|after\s+a\s+beat"}
# Holding a shot after its last line: "holds for 2 seconds", "hold on the door for 3 s".
TAIL = r"holds?(?:\s+on\s+[^.;]{1,40}?)?\s+for\s+(?P<seconds>\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds)\b"
# Verbs that end unquoted speech instead of starting it ("he says goodbye").
NOT_SPOKEN_AFTER = frozenset("to that nothing something goodbye hello it so this in with a an the".split())
# Pronouns that stand for a person; the gender each one asks for.
PRONOUNS: dict[str, str] = {"he": "male", "him": "male", "his": "male", "él": "male", "er": "male",
                            "she": "female", "her": "female", "ella": "female", "elle": "female", "sie": "female",
                            "they": "any", "i": "any", "we": "any"}
# Words before a noun that only point at it ("the", "his"); gender some of them carry (una, la...).
DETERMINERS: dict[str, str] = {
    **dict.fromkeys("the a an this that these those his her its their our my your one another".split(), ""),
    **dict.fromkeys("una la ella".split(), "female"), **dict.fromkeys("un el".split(), "male"),
}
# Person nouns by gender: a speaker named by one gets that voice; a pronoun finds it.
MALE_NOUNS = frozenset(
    """man boy guy father dad mr sir king husband son brother grandfather grandpa uncle gentleman
    policeman businessman waiter actor groom salaryman fisherman firefighter cowboy sheriff trapper prospector
    watchman grandson boyfriend monk priest""".split()
)
FEMALE_NOUNS = frozenset(
    """woman girl mother mom mum mrs ms miss lady queen wife daughter sister grandmother grandma aunt
    waitress businesswoman actress bride granddaughter girlfriend nun vendedora""".split()
)
# Person nouns that say nothing of gender (extend freely: any role a prompt may name).
PERSON_NOUNS = frozenset(
    """person child kid teen teenager student chef cook barista waiter customer tourist detective officer nurse
    doctor scientist astronaut engineer technician supervisor pilot navigator captain soldier sergeant private
    general teacher manager boss coworker colleague friend stranger thief guard driver courier merchant dealer
    gambler dj singer dancer runner hiker surfer narrator announcer commentator reporter host anchor keeper
    owner clerk cashier assistant suspect neighbor neighbour coach fighter boxer violinist player operator
    farmer baker butcher janitor librarian journalist lawyer judge witness agent spy hacker president
    minister voice voiceover villain hero kid toddler baby couple family crowd audience everyone someone
    operator priestess vendor bartender passenger traveler traveller athlete""".split()
) | MALE_NOUNS | FEMALE_NOUNS
# People in the plural: no "he" or "she" stands for them.
GROUP_NOUNS = frozenset("couple family crowd audience everyone men women people kids children friends soldiers "
                        "teenagers dancers guests fans coworkers".split())
# Things whose names end like roles ("-er", "-or"...): never a person that a pronoun stands for.
THING_NOUNS = frozenset(
    """elevator computer monitor tractor motor generator heater radiator printer trailer container counter
    poster sticker folder shelter corner river tower water weather paper letter number center centre door floor
    mirror window magnet cabinet blanket jacket rocket basket carpet planet comet ticket packet pocket helicopter
    scooter timer speaker player ladder hammer drawer cooler shower dinner thunder garment instrument apartment
    restaurant plant cent current event""".split())
# Two-word roles kept whole as a name ("the best man" -> Best Man).
COMPOUND_ROLES = frozenset(
    """best man|head chef|line cook|night watchman|police officer|flight attendant|news anchor|store clerk|
    team lead|lead engineer|sous chef|maid of honor|security guard|tour guide""".replace("\n", "").split("|")
)
# Words a speaker's name is not: a noun phrase made only of these names nobody.
NOT_NAMES = frozenset(
    """close-up closeup wide medium shot pov insert angle camera radio scarf it up down out music score sound
    audio sfx text caption captions subtitles title note notes style format resolution lighting mood setting
    location scene dialogue dialog voiceover_label silence nobody everyone something nothing then and but
    meanwhile later end card overlay logo sign screen int ext""".split()
)
# Speakers heard and not seen: names and context words that make a line off-screen.
OFF_SCREEN_NAMES = frozenset("narrator voiceover voice-over vo v.o announcer commentator".split())
OFF_SCREEN_WORDS = (r"off[\s-]?screen", r"v\.?o\.?", r"o\.?s\.?", r"o\.?c\.?", r"voice[\s-]?over", r"on\s+the\s+phone",
                    r"over\s+the\s+phone", r"on\s+phone", r"into\s+the\s+phone", r"from\s+the\s+(?:dark|shadows)")
# Names that give the robot effect; what in a voice's description does too.
ROBOT_NAMES = frozenset("ai robot computer android system bot machine cyborg assistant".split())
ROBOT_VOICE_WORDS = r"(?:robotic|synthetic|computer(?:ized)?|mechanical|synthesized|digital|metallic|ai)\s+voice"
# Words about a voice that give its gender: "(deep male voice)", "a woman's voice".
VOICE_GENDERS: dict[str, str] = {"male": r"(?:deep\s+)?male\s+voice|man'?s\s+voice|deep\s+voice|baritone",
                                 "female": r"female\s+voice|woman'?s\s+voice|girl'?s\s+voice"}
# Describing words dropped from a speaker's name ("the old cook" -> Cook).
DESCRIBING_WORDS = frozenset(
    """young old elderly tall short nervous tired little small big large shy frustrated soaked weathered lone
    lonely angry happy sad bored exhausted stern smiling grumpy cheerful curious mysterious hooded masked bearded
    blonde dark-haired red-haired white-haired gray-haired grey-haired female male new first second other same
    american french british japanese german mexican round thick thin curly straight red blue green black white
    gray grey brown pink purple orange yellow golden silver striped torn worn faded""".split()
)

# --- sound ------------------------------------------------------------------------------------

# Sound effects: the shot list's sound name -> what in the prose makes it.
SFX: dict[str, str] = {
    "door-slam": r"doors?\b[^.;]{0,25}\bslam(?:s|ming|med)?|slam(?:s|ming|med)?\s+(?:the\s+)?(?:\w+\s+)?doors?|"
                 r"slam(?:s|ming)?\s+(?:shut|against)",
    "footsteps": r"footsteps?|footfalls|steps\s+echo",
    "phone-buzz": r"(?:phone|smartphone|cell|mobile)\s+(?:\w+\s+)?(?:buzz(?:es|ing)?|vibrat(?:es|ing))|"
                  r"buzz(?:es|ing)\s+on\s+(?:the|a)\s+(?:table|desk|nightstand|dresser)|"
                  r"(?:smartphone|phone)\s+buzzing",
    "glass": r"shatter(?:s|ed|ing)?|glass\s+(?:breaks|smashes)|smash(?:es)?\s+(?:a\s+|the\s+)?glass",
    "impact": r"crash(?:es)?\b(?!\s+(?:course|zoom))|collides?|t-bones?|slams\s+into|thud|smash(?:es)?\s+into",
    "whoosh": r"whoosh(?:es)?|swoosh(?:es)?",
}
# The steady background sound of the scene, most telling first.
AMBIENCES: dict[str, str] = {
    "rain": r"rain(?:s|ing|y)?|downpour|drizzle|rain-soaked|raindrops",
    "crowd": r"crowd\s+(?:\w+\s+)?(?:cheers|roars|erupts|murmurs|chants|goes\s+wild)|crowded|chatter|packed\s+with\s+fans|"
             r"murmur(?:s|ing)?\s+of\s+the\s+crowd",
    "street": r"traffic|car\s+horns?|sirens?\s+wail|busy\s+street|city\s+noise",
    "room-tone": r"hum\s+of\s+the|humming\s+fridge|keyboards?\s+clack\w*|air\s+conditioning|room\s+tone|office\s+hum|"
                 r"(?:lights?|fridge|refrigerator|machines?|servers?|ventilation|fans?)\s+(?:\w+\s+)?hum(?:s|ming)?",
}

# --- music --------------------------------------------------------------------------------------

# Words that make a sentence a music cue on their own.
MUSIC_WORDS = (r"music", r"score", r"soundtrack", r"song", r"melody", r"orchestral", r"quartet", r"synth[\s-]pop",
               r"(?:music|audio)\s+track", r"jingle", r"lullaby")
# Instruments and sounds that are music only with a verb of music beside them ("soft strings swell",
# "a bass beat pounding"); "the bow touches the strings" is picture.
MUSIC_INSTRUMENTS = (r"strings", r"piano", r"guitar", r"drone(?!\s+shot)", r"beat", r"track", r"synth(?:\s+pad)?",
                     r"pad", r"bass(?:[\s-]heavy)?", r"percussion", r"jazz", r"saxophone", r"sax", r"accordion",
                     r"cello", r"violin", r"choir", r"drums")
MUSIC_VERBS = (r"plays?", r"playing", r"swell(?:s|ing)?", r"builds?", r"building", r"hums?", r"humming", r"pound(?:s|ing)",
               r"fades?", r"fading", r"kicks?\s+in", r"drops?", r"stops?", r"cuts?", r"falls?\s+silent",
               r"continues?", r"throughout", r"in\s+the\s+background", r"under(?:score|neath)?", r"rises?", r"ends?")
# "no music" and its kin: the music stops at 0 s.
NO_MUSIC = r"(?:no|without)\s+(?:background\s+)?(?:music|score|soundtrack)|natural\s+sound\s+only"
# Music styles: the shot list's style -> what in the cue asks for it, first match wins.
MUSIC_STYLES: dict[str, str] = {
    "tense-drone": r"tense|tension|drone|droning|suspense\w*|ominous|eerie|thriller|dark|dread",
    "pulse": r"beat|pulse|pulsing|percussion|electronic|bass|pop|upbeat|driving|punchy|edm|techno|synth[\s-]pop|dance",
    "warm-pad": r"warm|piano|acoustic|gentle|soft|tender|strings|quartet|accordion|jazz|orchestral|epic|guitar",
    "ambient": r"ambient|atmospheric|pad|calm|dreamy|ethereal",
}
# How loud the cue asks the music to be: dB added to the style's level -> the words that ask for it.
MUSIC_LEVELS: dict[str, str] = {"-6": r"subtle|quiet|faint|barely\s+audible|distant|muted|in\s+the\s+background",
                                "3": r"loud|blaring|booming|thumping|pounding|blasting"}
# How the music stops, in the order they are tried: the stop -> phrases that say it.
MUSIC_STOPS: dict[str, str] = {
    "final-line": r"(?:cuts?|cutting|stops?|stopping|ends?|ending|drops?(?:\s+out)?|dropping|falls?\s+silent|fad(?:es|ing)"
                  r"(?:\s+out)?|dies)\s+(?:out\s+|off\s+|dead\s+)?(?:\w+ly\s+)?(?:on|at|before|with|as|when|the\s+moment)\s+"
                  r"(?:\w+\s+){0,3}(?:final|last)\s+(?:line|word)|"
                  r"(?:until|till|as)\s+(?:he|she|they|the\s+\w+)\s+finish(?:es)?\s+(?:speaking|\w+\s+line)|"
                  r"(?:stops?|cuts?|drops?\s+out|ends?)\s+on\s+the\s+(?:voiceover|voice-over|narration|last\s+line)|"
                  r"fad(?:es|ing)\s+out\s+as\s+(?:he|she|they)\s+finish(?:es)?",
    "end": r"throughout|until\s+the\s+(?:very\s+)?end|to\s+the\s+end|entire|whole\s+(?:video|clip|scene)|"
           r"(?:ends?|stops?)\s+on\s+the\s+(?:end\s+card|final\s+shot|last\s+shot)|all\s+the\s+way\s+through",
    "seconds": r"(?:stops?|cuts?|ends?|drops?)\s+(?:dead\s+|out\s+)?at\s+(?P<seconds>\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds)\b",
    "event": r"(?:stops?|cuts?(?:\s+out)?|ends?|drops?(?:\s+out)?|dies|falls?\s+silent)\s+(?:dead\s+)?"
             r"(?:when|as|once|the\s+moment)\s+(?P<event>[^.;]+)",
}

# --- the whole video ----------------------------------------------------------------------------

# Words of a sentence that only sets the look or the format: a sentence made only of these is no shot.
GLOBAL_WORDS = frozenset(
    """a an the and in with of on at for shot shots cinematic hyperrealistic hyper-realistic photorealistic realistic
    ultra ultra-realistic 4k 8k hd uhd 1080p 720p 2160p full high quality resolution detailed highly film filmic
    style footage video clip movie 35mm 16mm 70mm anamorphic lens grain color colour graded grading format vertical
    horizontal widescreen portrait landscape 9:16 16:9 4:5 1:1 fps 24fps 25fps 30fps 60fps 24 25 30 60 frames per
    second aspect ratio mode orientation sharp crisp moody epic natural soft golden hour handheld camera documentary
    commercial trailer no do not include without subtitles subtitle captions caption any noir black white gritty
    instagram reels tiktok shorts youtube ad advert advertisement car for sound only""".split()
)
RESOLUTIONS: dict[str, str] = {"4k": r"4k|uhd|2160p|8k", "1080p": r"1080p|full\s+hd", "720p": r"720p"}
VERTICAL = (r"vertical\s+(?:video|format|frame|framing|aspect|orientation|shot|clip|ad|reel|story)\b"
            r"|vertical(?=\s+9:16|\s*[,.:]|\s*$)"
            r"|9:16|portrait\s+(?:mode|format|orientation|video)")
FPS = r"(?P<fps>\d{2})\s*fps"
NO_CAPTIONS = (r"(?:no|without|do\s+not\s+(?:include|add|show|use)|don'?t\s+(?:include|add|show|use))\s+(?:any\s+)?"
               r"(?:[\w-]+\s+)?(?:subtitles?|captions?)")
CAPTIONS = r"(?:with|include|add|show|burned-in|burnt-in)\s+(?:[\w-]+\s+)?(?:subtitles?|captions?)"
