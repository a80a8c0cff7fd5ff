"""A total split into whole units (yuan) by weights, so the parts add up
exactly: the months of the year, the days of a month, the channels."""

from __future__ import annotations

import math
from fractions import Fraction

from opsboard.i18n import _


def split_whole_units(total: float, weights: list[float]) -> list[float]:
    """`total` split by `weights` into whole units that sum exactly to it.

    Largest remainder: every part gets the floor of its exact quota, the units
    left over go to the parts with the largest fractions (earlier first on a
    tie). Quotas are exact fractions, so float noise cannot lose a unit. A
    fractional part of `total` (cents) goes to the biggest weight.
    """
    if not math.isfinite(total) or not all(math.isfinite(weight) for weight in weights):
        raise ValueError(_("the target and its weights must be finite numbers"))
    if not weights or sum(weights) <= 0:
        raise ValueError(_("needs at least one weight above zero"))
    whole = math.floor(total)
    exact = [Fraction(weight) for weight in weights]
    weight_sum = sum(exact)
    quotas = [whole * weight / weight_sum for weight in exact]
    parts = [math.floor(quota) for quota in quotas]
    left = whole - sum(parts)
    by_fraction = sorted(range(len(quotas)), key=lambda i: (parts[i] - quotas[i], i))
    for i in by_fraction[:left]:
        parts[i] += 1
    result = [float(part) for part in parts]
    cents = total - whole
    if cents:
        result[weights.index(max(weights))] += cents
    return result
