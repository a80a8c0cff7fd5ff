"""Reading a language's compiled catalogue (`opsboard/locale/<lang>/LC_MESSAGES/opsboard.mo`).

The install step compiles the `.po` files (Makefile `catalogues`, and the hatch
build hook for a wheel). In a checkout whose `.po` changed since (a teammate's
new messages after a rebase), the `.po` is read instead, so nobody sees a stale
catalogue; that reader handles the subset of the format our tools write.
"""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "opsboard"
CONTEXT_SEPARATOR = "\x04"  # gettext's: "context\x04message"


class Catalogue(gettext.NullTranslations):
    """Translations keyed as GNUTranslations keys them: a message, `(message, form)`
    for plurals, `context\\x04message` for a context. Chinese has one plural form."""

    def __init__(self, messages: dict, plural=lambda n: 0) -> None:
        super().__init__()
        self.messages = {key: text for key, text in messages.items() if key != ""}  # "": the header
        self.plural = plural

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.messages.get((singular, self.plural(n)))
        return found or (singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return self.messages.get(f"{context}{CONTEXT_SEPARATOR}{message}") or message


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(language: str) -> Catalogue | None:
    """The catalogue of a language, or None when there is none (English)."""
    po = po_path(language)
    mo = po.with_suffix(".mo")
    try:
        po_time = po.stat().st_mtime
    except OSError:
        return None
    try:
        if mo.stat().st_mtime >= po_time:
            with mo.open("rb") as file:
                compiled = gettext.GNUTranslations(file)
            return Catalogue(compiled._catalog, compiled.plural)  # type: ignore[attr-defined]
    except OSError:
        pass
    return Catalogue(read_po(po.read_text(encoding="utf-8")))


def read_po(text: str) -> dict:
    """Translated, non-fuzzy messages of a `.po` file, keyed as in a `.mo` file."""
    messages: dict = {}
    entry: dict[str, str] = {}
    field = ""
    fuzzy = False

    def finish() -> None:
        nonlocal fuzzy
        if entry.get("msgid") and not fuzzy:
            key = entry["msgid"]
            if "msgctxt" in entry:
                key = f"{entry['msgctxt']}{CONTEXT_SEPARATOR}{key}"
            for name, value in entry.items():
                if name == "msgstr" and value:
                    messages[key] = value
                elif name.startswith("msgstr[") and value:
                    messages[(key, int(name[7:-1]))] = value
        entry.clear()
        fuzzy = False

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#,") and "fuzzy" in line:
            if any(k.startswith("msgstr") for k in entry):
                finish()
            fuzzy = True
        elif line.startswith("#") or not line:
            continue
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        else:
            field, _, value = line.partition(" ")
            if field in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
                finish()  # the previous entry (a `#, fuzzy` line finished it already)
            entry[field] = ast.literal_eval(value)
    finish()
    return messages
