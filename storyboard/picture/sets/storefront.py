"""A storefront seen from the street: a sign band over two big display windows and a door, an awning, the pavement."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BRICK, DARK, GLASS, WHITE, shade
from storyboard.picture.sets.outside import facade, sidewalk, sky, street_across
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

SHOP = (0.16, 1.62)  # the shop's left and right, world x
GROUND_FLOOR = (0.3, 0.74)  # world y of the sign band's top and the pavement
FOCUS = Focus(close=1.2, insert=(0.9, 0.6))
HAS = ("window", "door")  # its display windows and door


def draw(s: Scene) -> None:
    """The storefront for the framing; offers the sign band, the windows and the door."""
    sky(s)
    left, right = SHOP
    top, base = GROUND_FLOOR
    facade(s, -0.3, -0.2, left, base, shade(BRICK, 0.9), 5, 2)
    facade(s, right, -0.1, 2.1, base, (190, 170, 150), 5, 2)
    facade(s, left, -0.3, right, top, BRICK, 3, 6)
    s.rect(left, top, right, base, DARK, 1.3)
    band = (left + 0.03, top + 0.01, right - 0.03, top + 0.14)
    s.rect(*band, WHITE, 1.1)
    s.offer("facade", *band)
    s.shape([(left + 0.02, top + 0.15), (right - 0.02, top + 0.15), (right + 0.02, top + 0.2), (left - 0.02, top + 0.2)],
            (150, 60, 60), 1.0)
    door = ((left + right) / 2 - 0.07, top + 0.22, (left + right) / 2 + 0.07, base)
    for pane in ((left + 0.05, top + 0.22, door[0] - 0.04, base - 0.03), (door[2] + 0.04, top + 0.22, right - 0.05, base - 0.03)):
        s.rect(*pane, GLASS, 1.2)
        s.glow("lit window", *pane)
        s.offer("window", *pane)
        for stool in (0.25, 0.5, 0.75):
            x = pane[0] + (pane[2] - pane[0]) * stool
            s.line([(x, base - 0.05), (x, base - 0.1)], 0.8, shade(DARK, 0.8))
            s.rect(x - 0.02, base - 0.11, x + 0.02, base - 0.1, (170, 70, 70), 0.5)
        s.line([(pane[0], base - 0.14), (pane[2], base - 0.14)], 1.0, shade(DARK, 0.9))
    s.rect(*door, GLASS, 1.2)
    s.glow("lit window", *door)
    s.offer("door", door[0] + 0.01, door[1] + 0.02, door[2] - 0.01, door[1] + 0.12)
    sidewalk(s, base, 0.9)
    street_across(s, 0.9, 1.1, ASPHALT)
    s.stand("street lamp", 0.1, 0.88, 5.0)
    s.offer("ground", 0.2, 0.82, 1.6, 1.0)
