"""Chinese text stays whole where a notice lies over a dialog.

Textual's compositor cuts every line of the screen wherever any widget on
it starts or ends, and divides each widget's line at all of those cuts —
also the topmost widget's, over columns it wins on both sides. A
double-width character (双, 🎉) that straddles such a cut is replaced by two
spaces: a notice over a dialog lost the characters that fell on the
dialog's border and on its fields' edges ("双十二主图🎉    与A/B测试").
Textual issue #6357 (open for 8.x) describes it.

The fix here, until Textual has one: a widget's line is divided only where
the winner changes (a run of columns it wins is one piece), so a character
is only cut where another widget really shows instead. The columns inside
a merged piece are marked taken while painting, so no widget below claims
them, then dropped, and a partial update ends each piece at the next piece
(not at the next cut).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import textual
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

PATCHED_FOR = ("8.",)  # the Textual versions this was written against (pinned: see pyproject.toml)
_TAKEN = Strip([])  # a column inside a piece another column's strip already draws


def _render_chops(self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]) -> Sequence[Mapping[int, Strip]]:
    """Compositor._render_chops, dividing a line only where its widget stops winning."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            # (start, end, free) runs: buckets still free are painted in one piece
            runs: list[list[Any]] = []
            for start, end in zip(final_cuts, final_cuts[1:], strict=False):
                free = line.get(start) is None
                if runs and runs[-1][2] == free:
                    runs[-1][1] = end
                else:
                    runs.append([start, end, free])
            if not any(free for _, _, free in runs):
                continue
            pieces = strip.divide([end - render_x for _, end, _ in runs])
            for (start, end, free), piece in zip(runs, pieces, strict=False):
                if not free:
                    continue
                line[start] = piece
                for cut in final_cuts:
                    if start < cut < end:
                        line[cut] = _TAKEN
    for line in chops:
        for cut in [cut for cut, strip in line.items() if strip is _TAKEN]:
            del line[cut]
    return chops  # type: ignore[return-value]


def _render_partial_update(self: Compositor) -> ChopsUpdate | None:
    """Compositor.render_partial_update, each piece ending where the next begins."""
    screen_region = self.size.region
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not update_regions:
        return None
    crop = Region.from_union(update_regions).intersection(screen_region)
    spans = list(self._regions_to_spans(update_regions))
    is_rendered_line = {y for y, _, _ in spans}.__contains__
    chops = self._render_chops(crop, is_rendered_line)
    width = self.size.width
    chop_ends = [[*list(line)[1:], width] for line in chops]
    return ChopsUpdate(chops, spans, chop_ends)


def textual_version() -> str:
    """Textual's version from its dist-info folder's name: `textual.__version__`
    asks importlib.metadata, which loads the email parser and reads the
    package's metadata (8 ms of every start)."""
    site = Path(textual.__file__).resolve().parent.parent
    for info in site.glob("textual-*.dist-info"):
        return info.name.removeprefix("textual-").removesuffix(".dist-info")
    return textual.__version__  # installed otherwise: ask the metadata


def keep_wide_characters_whole() -> bool:
    """Patch the compositor (once); False when this Textual is not one it was written for."""
    if not textual_version().startswith(PATCHED_FOR):
        return False
    Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign]
    return True
