"""The translation catalogues' tools (needs Babel: the dev dependencies).

    python tools/messages.py update     extract the messages from opsboard/ and
                                        merge them into every .po (sorted, no
                                        source locations, one line per string)
    python tools/messages.py compile    write each .po's .mo beside it
    python tools/messages.py merge BASE OURS THEIRS   git merge driver: a
                                        three-way merge of two catalogues,
                                        message by message, written into OURS

Sorted, location-free, unwrapped .po files make two branches that add messages
touch different lines; the merge driver settles the rest.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

if __name__ == "__main__" and sys.argv[1:2] == ["merge"]:
    try:
        import babel  # noqa: F401
    except ImportError:  # a worktree whose .venv predates Babel: git's own merge of the lines
        base, ours, theirs = sys.argv[2:5]
        sys.exit(subprocess.call(["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]))

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "opsboard"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "opsboard"
KEYWORDS = {
    "_": None,
    "_l": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "lazy_pgettext": ((1, "c"), 2),
}
STABLE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # no header churn between branches


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract() -> Catalog:
    template = Catalog(project="opsboard", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(path: Path) -> Catalog:
    """A catalogue; its language from its place (locale/<lang>/LC_MESSAGES), else
    from its header (git hands the merge driver temporary files elsewhere)."""
    in_place = path.parent.name == "LC_MESSAGES"
    with path.open("rb") as file:
        return read_po(file, locale=path.parent.parent.name if in_place else None, domain=DOMAIN)


def write(catalog: Catalog, path: Path) -> None:
    catalog.creation_date = catalog.revision_date = STABLE_DATE
    catalog.fuzzy = False
    catalog.project, catalog.version = "opsboard", "1"
    with path.open("wb") as file:
        write_po(file, catalog, width=0, no_location=True, sort_output=True, ignore_obsolete=True)


def update() -> None:
    template = extract()
    for path in catalogues():
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        write(catalog, path)
        missing = [m.id for m in catalog if m.id and not m.string]
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} without a translation")


def compile_all() -> None:
    for path in catalogues():
        with path.with_suffix(".mo").open("wb") as file:
            write_mo(file, read(path))


def merge(base: Path, ours: Path, theirs: Path) -> int:
    """A three-way merge of two catalogues, message by message: a message either
    side added is kept, one either side deleted (present in the base, gone from
    that side) stays deleted, and a translation only one side changed takes
    that side's; where both changed it differently, ours."""
    ancestor, result, other = read(base), read(ours), read(theirs)

    def key(message) -> tuple:
        return message.id, message.context

    in_base = {key(m): m for m in ancestor if m.id}
    in_ours = {key(m) for m in result if m.id}
    in_theirs = {key(m): m for m in other if m.id}
    for message in list(result):
        if message.id and key(message) in in_base and key(message) not in in_theirs:
            result.delete(message.id, message.context)  # theirs deleted it
    for k, message in in_theirs.items():
        original = in_base.get(k)
        if k not in in_ours:
            if original is None:  # theirs added it
                result[message.id] = message
            continue  # ours deleted it
        mine = result.get(message.id, message.context)
        theirs_changed = original is None or message.string != original.string
        ours_unchanged = original is not None and mine.string == original.string
        if message.string and (not mine.string or (theirs_changed and ours_unchanged)):
            mine.string, mine.flags = message.string, message.flags
    write(result, ours)
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "merge" and len(sys.argv) == 5:
        sys.exit(merge(*map(Path, sys.argv[2:])))
    else:
        sys.exit(__doc__)
