"""Chinese line breaking: no line starts with closing punctuation (、。，）」)
and none ends with an opening one (（「“), the rule Chinese and Japanese
typesetting call kinsoku.

Rich and Textual wrap text at spaces and fold a run with none (a Chinese
sentence) at whatever character meets the edge, so view 5's finish
question could show a line starting with '、'. Every wrapped text on screen
(Textual's Content, Rich's Text) goes through `rich._wrap.divide_line`;
`keep_punctuation_off_line_starts` wraps it: where a break falls before a
closing mark or after an opening one, it moves back a character or more (the
character before goes down with the mark) and the rest is wrapped again from
there. Text without such marks (English) is wrapped exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import rich.text
import textual.content

# may not start a line: closing brackets and quotes, pause and stop marks, the
# ellipsis (full-width and CJK ones: English text breaks at its spaces)
CLOSING = "、。，．；：！？）］｝〕〉》」』】〙〗〟”’…‥・ー々〻ゝゞ％"
# may not end a line: opening brackets and quotes
OPENING = "（［｛〔〈《「『【〘〖〝“‘"
_MARKS = re.compile("[" + re.escape(CLOSING + OPENING) + "]")

Divide = Callable[..., list[int]]


def _bad(text: str, offset: int) -> bool:
    """Whether a break at `offset` starts a line with a closing mark or ends one with an opening mark."""
    return text[offset] in CLOSING or text[offset - 1] in OPENING


def kinsoku(divide: Divide) -> Divide:
    """`divide` (rich's divide_line) with its breaks kept off the marks."""

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        offsets = divide(text, width, fold)
        if not offsets or _MARKS.search(text) is None:
            return offsets
        kept: list[int] = []
        base = 0  # `offsets` are breaks in text[base:]
        while offsets:
            bad = next((i for i, offset in enumerate(offsets) if _bad(text, base + offset)), None)
            if bad is None:
                kept += [base + offset for offset in offsets]
                break
            kept += [base + offset for offset in offsets[:bad]]
            start = kept[-1] if kept else 0  # the line the bad break ends
            cut = base + offsets[bad]
            moved = cut
            while moved - 1 > start and (_bad(text, moved) or text[moved].isspace()):  # a space goes down too
                moved -= 1
            if _bad(text, moved):  # a line of marks only: left as Rich had it
                moved = cut
            kept.append(moved)
            base = moved
            offsets = divide(text[base:], width, fold)  # the rest, wrapped again from the moved break
        return kept

    divide_line.kinsoku = True  # type: ignore[attr-defined]
    return divide_line


def keep_punctuation_off_line_starts() -> None:
    """Wrap the line divider Textual's Content and Rich's Text use (once)."""
    for module in (textual.content, rich.text):
        if not getattr(module.divide_line, "kinsoku", False):
            module.divide_line = kinsoku(module.divide_line)  # type: ignore[attr-defined]
