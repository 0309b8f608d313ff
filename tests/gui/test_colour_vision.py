"""Colours that stay apart for the common colour-vision deficiencies (a deuteranopia,
protanopia and tritanopia simulation, Machado et al. 2009): the classes, the decision map's
two ends, the canvas's positive and negative edges in both themes."""

import pytest

from gui.canvas.items import THEMES
from gui.colour_vision import KINDS, closest_pair, delta_e, simulate
from gui.plots.views import CLASS_COLOURS

APART = 20.0  # CIE76 ΔE: clearly different at a glance (2.3 is just noticeable)


@pytest.mark.parametrize("kind", KINDS)
def test_classes_map_ends_and_edge_signs_stay_apart(kind):
    assert closest_pair(CLASS_COLOURS, kind) >= APART
    assert closest_pair([(250, 190, 140), (150, 185, 245)], kind) >= APART  # the map: class 0 / 1
    for dark in (False, True):
        t = THEMES[dark]
        pos, neg = t["pos"].getRgb()[:3], t["neg"].getRgb()[:3]
        assert closest_pair([pos, neg], kind) >= APART


def test_the_simulation_does_what_it_says():
    red, green = (220, 40, 40), (40, 160, 40)
    assert delta_e(red, green) > 80
    assert delta_e(simulate(red, "deuteranopia"), simulate(green, "deuteranopia")) < 40  # the classic
    assert delta_e(simulate((40, 40, 220), "tritanopia"), (40, 40, 220)) > 10  # blue shifts for tritans
    assert simulate((255, 255, 255), "protanopia") == pytest.approx([255, 255, 255], abs=1)
