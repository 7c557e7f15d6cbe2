"""Colour arithmetic (WCAG 2.x definitions): contrast of colours as the browser reports them,
(r, g, b, a) with channels 0-255 and alpha 0-1, painted over the layers behind them."""
from __future__ import annotations

TEXT_MIN = 4.5      # WCAG 1.4.3, normal-size text
GRAPHIC_MIN = 3.0   # WCAG 1.4.11, lines, arrowheads, node borders, focus indicators


def composite(top, bottom):
    """Colour `top` (r, g, b, a; 0-255 and 0-1) painted over opaque `bottom`."""
    r, g, b, a = top
    return tuple(round(a * c + (1 - a) * d, 3) for c, d in zip((r, g, b), bottom[:3])) + (1.0,)


def flatten(layers, base=(255, 255, 255, 1.0)):
    """Paint layers bottom-up over `base`; the opaque result."""
    colour = tuple(base[:3]) + (1.0,)
    for layer in layers:
        colour = composite(layer, colour)
    return colour


def luminance(colour) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    """Contrast of fg (may be translucent) over opaque bg."""
    fg = composite(fg, bg)
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def hex_of(colour) -> str:
    r, g, b = (round(c) for c in colour[:3])
    alpha = colour[3] if len(colour) > 3 else 1
    return f"#{r:02x}{g:02x}{b:02x}" + ("" if alpha >= 0.999 else f"@{alpha:.2f}")
