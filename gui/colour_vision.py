"""Colour-vision deficiencies: how a colour looks to someone with protanopia, deuteranopia
or tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0, applied in linear RGB),
and how far apart two colours look (CIE76 ΔE in CIELAB). The tests use these to keep the
class colours, the decision map's ends and the canvas's edge colours apart for everyone."""

from __future__ import annotations

import numpy as np

MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}


def _linear(rgb) -> np.ndarray:
    c = np.asarray(rgb, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _srgb(lin: np.ndarray) -> np.ndarray:
    lin = np.clip(lin, 0.0, 1.0)
    c = np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)
    return c * 255.0


def simulate(rgb, kind: str) -> np.ndarray:
    """``rgb`` (0-255, shape (3,) or (n, 3)) as seen with ``kind`` ('normal' as it is)."""
    if kind == "normal":
        return np.asarray(rgb, dtype=float)
    return _srgb(_linear(rgb) @ MACHADO[kind].T)


def lab(rgb) -> np.ndarray:
    """sRGB (0-255) to CIELAB (D65)."""
    lin = _linear(rgb)
    xyz = lin @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                          [0.0193, 0.1192, 0.9505]]).T
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    x, y, z = f[..., 0], f[..., 1], f[..., 2]
    return np.stack([116 * y - 16, 500 * (x - y), 200 * (y - z)], axis=-1)


def delta_e(a, b) -> float:
    """CIE76 colour difference of two sRGB colours (about 2.3: just noticeable)."""
    return float(np.linalg.norm(lab(a) - lab(b)))


KINDS = ("normal", "protanopia", "deuteranopia", "tritanopia")

#: lines told apart by colour (compared runs, layers): Okabe & Ito's palette, ordered so the
#: first three stay apart for the deficiencies (ΔE ≥ 17; the previous red, blue, green: 12.6)
PALETTE = [(213, 94, 0), (0, 114, 178), (0, 158, 115), (230, 159, 0), (204, 121, 167), (86, 180, 233)]


def closest_pair(colours: list, kind: str) -> float:
    """The smallest ΔE between any two of ``colours`` as seen with ``kind``."""
    seen = [simulate(c, kind) for c in colours]
    return min(delta_e(seen[i], seen[j]) for i in range(len(seen)) for j in range(i + 1, len(seen)))
