"""WCAG 2.2 AA contrast of our own colours (static/css/ocop.css), computed from the file itself."""

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parent.parent / "static" / "css" / "ocop.css").read_text()
WHITE = "#ffffff"
# Where stars appear: the page and cards (white), Pico's form and card-section grey, the tags,
# status badges and table cells of templates/*/_style.html and the status style, <mark>.
STAR_BACKGROUNDS = [WHITE, "#fbfbfc", "#fff4d6", "#e8f5e9", "#e3f4e8", "#fdecea", "#eceff1",
                    "#fde7e9", "#fde6c0"]  # fmt: skip
# What a focus ring sits next to: the page, Pico's green buttons (normal and hover), grey buttons.
FOCUS_NEIGHBOURS = [WHITE, "#398712", "#33790f", "#525f7a"]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def variable(name: str) -> str:
    match = re.search(rf"{name}:\s*(#[0-9a-fA-F]{{6}})", CSS)
    assert match, f"{name} is not a #rrggbb colour in ocop.css"
    return match.group(1).lower()


def test_contrast_formula_matches_the_known_figure_for_the_old_gold():
    assert round(contrast("#c99a00", WHITE), 2) == 2.59


def test_stars_are_readable_on_every_background_they_appear_on():
    star = variable("--ocop-star")
    assert re.search(r"\.stars \{ color: var\(--ocop-star\)", CSS)
    for background in STAR_BACKGROUNDS:
        assert contrast(star, background) >= 4.5, background


def test_focus_ring_stands_out_from_its_neighbours():
    ring = variable("--ocop-focus")
    assert "outline: 3px solid var(--ocop-focus)" in CSS
    for neighbour in FOCUS_NEIGHBOURS:
        assert contrast(ring, neighbour) >= 3, neighbour
