"""The interface language: every string a person reads goes through here.

Imports nothing else from opsboard, so every layer (model validation messages
included) may use it; it loads one small compiled catalogue and never Babel.

Using it
--------
    from opsboard.i18n import _, _l, ngettext, pgettext

    notify(_("Saved {path}").format(path=path))        # at the moment it is shown
    ngettext("{n} task", "{n} tasks", n).format(n=n)    # counts: the plural forms
    pgettext("task status", "Done")                      # same English, other Chinese
    Binding("x", "export", _l("Export"))                 # declared at import time:
                                                         # a lazy string, read when drawn
`_l(...)` is for module-level declarations (bindings, table columns, choices):
it translates each time it is turned into a str (`str(x)`, an f-string,
`.format`), so it follows the language chosen after the module was imported.
Hand a real `str(...)` to APIs that check for `str`.

Rules: one whole sentence per message, with named placeholders
(`_("{who} moved {title}")`), never pieces glued together (Chinese orders the
words differently); user data goes in placeholders, never into the msgid.

Adding a string and its Chinese
-------------------------------
1. Wrap it: `_("...")` (or `_l`, `ngettext`, `pgettext`).
2. `make messages` extracts every message into
   `opsboard/locale/zh/LC_MESSAGES/opsboard.po` (sorted, without source
   locations, so branches adding messages rarely conflict).
3. Write the Chinese in its `msgstr` (remove any `#, fuzzy` line once checked).
   Use the team's words (生意参谋: 访客数, 浏览量, 转化率, 客单价, 投产比...).
4. `make install` compiles the `.mo` (not committed); a checkout whose `.po` is
   newer reads the `.po` directly. tests/i18n/test_catalogue.py fails while a
   message in the code has no Chinese, or a fuzzy one.

Choosing the language
---------------------
`--ui-lang en|zh`, else `OPSBOARD_LANG`, else the board's language, else (a
command with no board) the locale: `LC_ALL`, `LC_MESSAGES`, `LANG` starting
with `zh`. `override_language()` records the first two; `use_board_language()`
applies a board's unless overridden.
"""

from __future__ import annotations

import os
from collections import UserString
from collections.abc import Mapping
from typing import cast

from .catalogue import Catalogue, load

LANGUAGES = ("en", "zh")

_state: dict = {"language": "en", "catalogue": None, "override": None}
_catalogues: dict[str, Catalogue | None] = {}


def _catalogue(language: str) -> Catalogue | None:
    if language not in _catalogues:
        _catalogues[language] = None if language == "en" else load(language)
    return _catalogues[language]


def set_language(language: str) -> None:
    """Speak this language from now on ('en' or 'zh'; anything else is English)."""
    language = language if language in LANGUAGES else "en"
    _state["language"] = language
    _state["catalogue"] = _catalogue(language)


def language() -> str:
    return _state["language"]


def is_chinese() -> bool:
    return _state["language"] == "zh"


def language_of(value: str | None) -> str | None:
    """'zh' for zh, zh_CN.UTF-8, zh-Hans...; 'en' for en*, C and POSIX; else None."""
    if not value:
        return None
    value = value.strip().lower()
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en") or value.split(".")[0] in ("c", "posix"):
        return "en"
    return None


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The locale's language: the first set of LC_ALL, LC_MESSAGES, LANG (POSIX order)."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return "zh" if environ[name].lower().startswith("zh") else "en"
    return "en"


def override_language(ui_lang: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Apply `--ui-lang`, else `OPSBOARD_LANG`, else the locale (until a board is
    opened: `use_board_language`). Returns the language now spoken."""
    environ = os.environ if environ is None else environ
    override = language_of(ui_lang) or language_of(environ.get("OPSBOARD_LANG"))
    _state["override"] = override
    set_language(override or locale_language(environ))
    return language()


def use_board_language(board_language: str | None) -> None:
    """A board was opened: speak its language unless the user chose another."""
    if _state["override"] is None:
        set_language(language_of(board_language) or "en")


def reset() -> None:
    """English and no override (tests)."""
    _state["override"] = None
    set_language("en")


def _(message: str) -> str:
    catalogue = _state["catalogue"]
    return catalogue.gettext(message) if catalogue else message


def gettext_in(language: str, message: str) -> str:
    """`message` in `language`, whatever is spoken now (to recognise text a
    teammate's interface wrote in the other language)."""
    catalogue = _catalogue(language) if language in LANGUAGES else None
    return catalogue.gettext(message) if catalogue else message


def pgettext_in(language: str, context: str, message: str) -> str:
    """`message` of `context` in `language`, whatever is spoken now."""
    catalogue = _catalogue(language) if language in LANGUAGES else None
    return catalogue.pgettext(context, message) if catalogue else message


def ngettext(singular: str, plural: str, n: int) -> str:
    catalogue = _state["catalogue"]
    if catalogue:
        return catalogue.ngettext(singular, plural, n)
    return singular if n == 1 else plural


def pgettext(context: str, message: str) -> str:
    catalogue = _state["catalogue"]
    return catalogue.pgettext(context, message) if catalogue else message


class LazyText(UserString):
    """A message translated each time it is read (module-level declarations)."""

    def __init__(self, message: str, context: str | None = None) -> None:
        self.message = message
        self.context = context

    @property
    def data(self) -> str:  # type: ignore[override]  # UserString's methods all read `data`
        return pgettext(self.context, self.message) if self.context else _(self.message)

    def __format__(self, spec: str) -> str:
        return format(self.data, spec)

    def __repr__(self) -> str:
        return f"_l({self.message!r})"


# Typed as str for the checker: a LazyText stands wherever text is read (a
# Binding's description, a label) and reads as the message translated then.
def _l(message: str) -> str:
    return cast(str, LazyText(message))


def lazy_pgettext(context: str, message: str) -> str:
    return cast(str, LazyText(message, context))


__all__ = [
    "LANGUAGES",
    "LazyText",
    "_",
    "_l",
    "gettext_in",
    "is_chinese",
    "language",
    "language_of",
    "lazy_pgettext",
    "locale_language",
    "ngettext",
    "override_language",
    "pgettext",
    "pgettext_in",
    "reset",
    "set_language",
    "use_board_language",
]
