"""Colour ramps and class breaks for choropleths: colour-blind safe, always paired with a text label."""

from __future__ import annotations

from collections.abc import Sequence

# ColorBrewer YlGnBu (5 classes): sequential, safe for the common colour-vision deficiencies and in greyscale.
SEQUENTIAL_5: tuple[tuple[int, int, int], ...] = (
    (255, 255, 204), (161, 218, 180), (65, 182, 196), (44, 127, 184), (37, 52, 148),
)
NO_DATA = (220, 220, 220)


def class_index(value: float | None, breaks: Sequence[float]) -> int | None:
    """Index of the class ``value`` falls in: class i holds values ``breaks[i-1] < v <= breaks[i]``.

    ``breaks`` are the upper bounds of all classes but the last; ``None`` means no data.
    """
    if value is None:
        return None
    for i, upper in enumerate(breaks):
        if value <= upper:
            return i
    return len(breaks)


def count_classes(values: Sequence[float | None]) -> tuple[list[float], list[str]]:
    """Breaks and Dutch labels for counts: 0 apart, the rest in up to four rounded steps.

    Returns ``(breaks, labels)`` with ``len(labels) == len(breaks) + 1``.
    """
    positive = sorted(v for v in values if v is not None and v > 0)
    if not positive:
        return [0], ["geen", "1 of meer"]
    top = positive[-1]
    steps = sorted({max(1, round(top * q)) for q in (0.25, 0.5, 0.75)})
    breaks = [0] + [s for s in steps if s < top]
    labels = ["geen"]
    lower = 1
    for upper in breaks[1:]:
        labels.append(f"{lower}" if lower == upper else f"{lower} t/m {upper}")
        lower = upper + 1
    labels.append(f"{lower} of meer" if lower < top else f"{top}")
    return breaks, labels


def colour_for(index: int | None, ramp: Sequence[tuple[int, int, int]] = SEQUENTIAL_5) -> tuple[int, int, int]:
    """Colour of a class index (``None`` gives the no-data grey)."""
    if index is None:
        return NO_DATA
    return tuple(ramp[min(index, len(ramp) - 1)])
