"""Given names and role words that tell a character's gender and age when no ``look:`` does.

Extend the sets freely: a name in neither set falls back to the pronouns the
descriptions use for the character, then to the voice.
"""

from __future__ import annotations

WOMEN = frozenset("""
abby abigail ada adele agnes aisha alice alicia alison amanda amelia amy ana anna anne annie ava barbara beatrice
bella beth betty brenda bridget camila carla carmen carol caroline catherine charlotte chloe claire clara cleo
cynthia daisy dana daniela debbie diana donna dora dorothy elena eleanor elise eliza elizabeth ella ellen emily
emma erin esther eva eve evelyn fatima fiona frances freya gemma georgia grace hana hannah harriet hazel heather
helen hilda holly ida imogen ines irene iris isabel isabella ivy jackie jade jane janet jasmine jean jenna jennifer
jenny jess jessica jill joan joanna josephine joy judith judy julia julie june karen kate katie kayla kim laura
layla leah lena lily linda lisa liz lola lorna lucia lucy luna lydia mabel maggie mai maria marie marion martha
mary maya meg megan mei mia michelle mila mina miriam molly mona nadia nancy naomi natalie nina nora olga olivia
paula pearl penny petra phoebe pia polly priya rachel rebecca rita rosa rose ruby ruth sadie sally samantha sara
sarah sasha sofia sophia sophie stella sue susan suzy tara tessa tina vera veronica victoria violet wendy yara
yasmin yuki zara zoe zoey
""".split())

MEN = frozenset("""
aaron adam ahmed alan albert alex alfred ali andre andrew andy anton arthur ben benjamin bill bob brad brian bruce
carl carlos charles charlie chris colin dan daniel dave david dean dennis derek diego dmitri doug ed eddie edward
eli elias eric ethan felix finn frank fred gabriel gary george greg hank harry henry hugo ian isaac ivan jack
jacob jake james jamal jason jay jeff jim jimmy joe joel john jonah jorge jose joseph josh juan kai karl keith
ken kevin kyle larry leo leon liam louis luca lucas luis luke malik marco marcus mark martin matt max michael
miguel mike mohammed nate nathan neil nick noah oliver omar oscar owen pablo patrick paul pedro pete peter phil
rafael raj ray richard rick rob robert roger ryan sam samuel scott sean simon stan steve steven ted theo thomas
tim toby tom tony victor vincent walter wes will william yusuf zack
""".split())

# Role and kin words as names ("Grandpa", "Mom", "Waitress"): kind (woman | man | girl | boy) and whether old.
ROLE_LOOKS: dict[str, tuple[str, bool]] = {
    "woman": ("woman", False), "lady": ("woman", False), "mom": ("woman", False), "mum": ("woman", False),
    "mother": ("woman", False), "aunt": ("woman", False), "wife": ("woman", False), "queen": ("woman", False),
    "waitress": ("woman", False), "actress": ("woman", False), "sister": ("woman", False), "nun": ("woman", False),
    "grandma": ("woman", True), "granny": ("woman", True), "grandmother": ("woman", True), "widow": ("woman", True),
    "man": ("man", False), "guy": ("man", False), "dad": ("man", False), "father": ("man", False),
    "uncle": ("man", False), "husband": ("man", False), "king": ("man", False), "waiter": ("man", False),
    "brother": ("man", False), "priest": ("man", False), "policeman": ("man", False), "gentleman": ("man", False),
    "grandpa": ("man", True), "grandfather": ("man", True), "granddad": ("man", True), "old man": ("man", True),
    "old woman": ("woman", True),
    "girl": ("girl", False), "daughter": ("girl", False), "schoolgirl": ("girl", False),
    "boy": ("boy", False), "son": ("boy", False), "schoolboy": ("boy", False), "kid": ("boy", False),
}
