"""The decision boundary's level line (numpy only, no Qt needed)."""

import numpy as np

from gui.plots.contour import segments


def test_level_line_of_a_plane_lies_on_its_line():
    y, x = np.mgrid[0:50, 0:60].astype(float)
    v = 0.3 * x + 0.7 * y
    pts = segments(v, 20.0)
    assert len(pts) > 20 and len(pts) % 2 == 0
    np.testing.assert_allclose(0.3 * pts[:, 0] + 0.7 * pts[:, 1], 20.0, atol=1e-9)


def test_circle_is_closed_and_at_the_right_radius():
    y, x = np.mgrid[-40:41, -40:41].astype(float)
    v = np.hypot(x, y)
    pts = segments(v, 25.3)  # not through grid points
    r = np.hypot(pts[:, 0] - 40, pts[:, 1] - 40)
    assert np.abs(r - 25.3).max() < 0.1
    # closed: every end point is shared by exactly two segments
    keys, counts = np.unique(np.round(pts, 9), axis=0, return_counts=True)
    assert (counts == 2).all()


def test_no_crossing_gives_no_segments():
    assert segments(np.zeros((10, 10)), 0.5).shape == (0, 2)
