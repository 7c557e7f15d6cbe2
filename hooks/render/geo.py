"""Geometry for the maps (hooks/render/maps.py): a map projection, great-circle distances, SVG paths.

Pure functions, no dependencies beyond the standard library, so the build needs neither shapely
nor pyproj nor the network.

Projection: Lambert conformal conic on a sphere of radius R (Snyder, *Map Projections: A Working
Manual*, USGS Professional Paper 1395, 1987, equations 15-1 to 15-3, spherical form). It keeps
shapes true in the mid-latitudes this site maps and is what many atlases use for Russia and East
Asia. tests/unit/render/test_geo.py checks it against PROJ (`+proj=lcc +R=6371000`) at fixed points.
Distances: the haversine great-circle distance on the same sphere (R = 6,371 km, the mean radius),
"as the crow flies", not by road, rail or sea.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Lambert:
    """Lambert conformal conic: standard parallels lat1/lat2, origin lat0/lon0 (degrees); metres."""
    lat1: float
    lat2: float
    lat0: float
    lon0: float
    radius: float = EARTH_RADIUS_KM * 1000

    def _n(self) -> float:
        p1, p2 = math.radians(self.lat1), math.radians(self.lat2)
        if abs(p1 - p2) < 1e-12:
            return math.sin(p1)
        return math.log(math.cos(p1) / math.cos(p2)) / math.log(
            math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2))

    def _rho(self, lat: float, n: float, f: float) -> float:
        return self.radius * f / math.tan(math.pi / 4 + math.radians(lat) / 2) ** n

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        """(x, y) in metres: x grows eastward, y northward."""
        n = self._n()
        p1 = math.radians(self.lat1)
        f = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
        rho, rho0 = self._rho(lat, n, f), self._rho(self.lat0, n, f)
        theta = n * math.radians(lon - self.lon0)
        return rho * math.sin(theta), rho0 - rho * math.cos(theta)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points, in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def great_circle(a: tuple[float, float], b: tuple[float, float], steps: int = 48) -> list[tuple[float, float]]:
    """Points (lon, lat) along the great circle from a to b, both (lat, lon); ends included."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    d = distance_km(a, b) / EARTH_RADIUS_KM
    points = []
    for i in range(steps + 1):
        t = i / steps
        if d == 0:
            return [(a[1], a[0])]
        s1, s2 = math.sin((1 - t) * d) / math.sin(d), math.sin(t * d) / math.sin(d)
        x = s1 * math.cos(lat1) * math.cos(lon1) + s2 * math.cos(lat2) * math.cos(lon2)
        y = s1 * math.cos(lat1) * math.sin(lon1) + s2 * math.cos(lat2) * math.sin(lon2)
        z = s1 * math.sin(lat1) + s2 * math.sin(lat2)
        points.append((math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))))
    return points


@dataclass(frozen=True)
class Frame:
    """Fits a projected box into an SVG viewBox `width` wide: screen x right, y down."""
    projection: Lambert
    west: float
    south: float
    east: float
    north: float
    width: float

    @cached_property
    def _box(self) -> tuple[float, float, float, float]:
        xs, ys = [], []
        for i in range(21):               # sample the edges: parallels are arcs in this projection
            for lon, lat in ((self.west + (self.east - self.west) * i / 20, self.south),
                             (self.west + (self.east - self.west) * i / 20, self.north),
                             (self.west, self.south + (self.north - self.south) * i / 20),
                             (self.east, self.south + (self.north - self.south) * i / 20)):
                x, y = self.projection.forward(lon, lat)
                xs.append(x)
                ys.append(y)
        return min(xs), min(ys), max(xs), max(ys)

    @cached_property
    def scale(self) -> float:
        x0, _, x1, _ = self._box
        return self.width / (x1 - x0)

    @property
    def height(self) -> float:
        _, y0, _, y1 = self._box
        return round((y1 - y0) * self.scale, 1)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x0, _, _, y1 = self._box
        x, y = self.projection.forward(lon, lat)
        s = self.scale
        return (x - x0) * s, (y1 - y) * s

    def km_per_unit(self) -> float:
        return 1 / self.scale / 1000


def path_data(rings: list[list[tuple[float, float]]], closed: bool = True, digits: int = 1) -> str:
    """SVG path data for screen-space rings: absolute first point, then relative steps; repeated
    points (after rounding) are dropped. Relative steps keep the numbers short."""
    out = []
    for ring in rings:
        rounded = [(round(x, digits), round(y, digits)) for x, y in ring]
        kept = [rounded[0]] + [p for prev, p in zip(rounded, rounded[1:]) if p != prev]
        if len(kept) < (3 if closed else 2):
            continue
        parts = [f"M{_num(kept[0][0], digits)} {_num(kept[0][1], digits)}"]
        steps = []
        for (px, py), (x, y) in zip(kept, kept[1:]):
            steps.append(f"{_num(x - px, digits)} {_num(y - py, digits)}")
        parts.append("l" + " ".join(steps))
        out.append("".join(parts) + ("z" if closed else ""))
    return "".join(out)


def _num(value: float, digits: int) -> str:
    """Shortest text for a rounded number: 10, 1.5, .5, -.5 (never "1." or "-0")."""
    text = f"{round(value, digits):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "", "-"):
        return "0"
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text
