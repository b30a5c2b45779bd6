"""Qt's ICU data library, cut down to the languages the app offers (packaging/sponsor-desk.spec).

PySide6's wheel carries ICU's data for every language of the world as one 32 MB library,
libicudata.so.73: a single symbol, `icudt73_dat`, holding ICU's data package. Qt reads it for
collation, time-zone names and case rules; the app's own dates and numbers come from Babel.
This drops the other languages' locale items (their display names, collation tailorings,
units, currencies...) and what Qt never reads (UNUSED_BY_QT), keeps the rest, then builds a
library with the same name and symbol around the smaller package: about 7 MB. A language that was dropped falls back to ICU's root data, as ICU does for any
language it has no data for: English names, the root collation order.

It needs ICU's `icupkg` (Debian: icu-devtools) and a C compiler; without them, or for any
other failure, the spec keeps Qt's own library and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

SYMBOL = re.compile(r"\b(icudt(\d+)_dat)\b")
# The trees of locale data (a locale's items are TREE/LOCALE.res) and the locale items at the
# top level: names such as "fr_CA", "sr_Latn_BA", "de__PHONEBOOK" (a collation variant).
LOCALE_ITEM = re.compile(
    r"^(?:(?:brkitr|coll|curr|lang|rbnf|region|unit|zone)/)?([a-z]{2,3}(?:_\w*)?)\.res$"
)
KEPT_ALWAYS = {"root", "pool"}  # the fallback of every locale, and each tree's shared strings
# What Qt never asks ICU for: legacy code pages (.cnv; Qt converts UTF-8/16 and Latin-1 itself,
# the app decodes files with Python's codecs), the word dictionaries of ICU's break iterators
# (.dict: Qt finds word and line breaks with its own tables) and transliteration (translit/,
# with the character names only it reads).
UNUSED_BY_QT = (".cnv", ".dict", "unames.icu")
UNUSED_TREES = ("translit/",)
# Named by root's break-iterator data (so icupkg reports them missing), never loaded by Qt.
MISSING_ALLOWED = re.compile(r"^brkitr/\w+\.dict$")


def dropped_items(items: list[str], languages: tuple[str, ...]) -> list[str]:
    """The package's items that the app does not need: other languages' locale data and the
    legacy code pages."""
    dropped = []
    for item in items:
        locale = LOCALE_ITEM.match(item)
        if item.startswith(UNUSED_TREES):
            dropped.append(item)
        elif locale is not None:
            name = locale.group(1)
            if name not in KEPT_ALWAYS and name.split("_")[0] not in languages:
                dropped.append(item)
        elif item.endswith(UNUSED_BY_QT):
            dropped.append(item)
    return dropped


def _symbol(library: Path) -> tuple[str, str, int, int]:
    """(symbol, ICU major version, file offset, size) of the library's data package."""
    symbols = subprocess.run(["readelf", "-sW", str(library)], capture_output=True, text=True)
    for line in symbols.stdout.splitlines():
        found = SYMBOL.search(line)
        if found and " OBJECT " in line:
            value, size = line.split()[1:3]
            address, length = int(value, 16), int(size, 0)
            break
    else:
        raise ValueError(f"no ICU data symbol in {library}")
    # The symbol's address is in .rodata; its offset in the file is the section's offset plus
    # the distance from the section's address.
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True)
    for line in sections.stdout.splitlines():
        if "] .rodata " in line:
            fields = line.split("]", 1)[1].split()
            section_address, section_offset = int(fields[2], 16), int(fields[3], 16)
            return (
                found.group(1),
                found.group(2),
                section_offset + address - section_address,
                length,
            )
    raise ValueError(f"no .rodata section in {library}")


def trim(library: Path, work: Path, languages: tuple[str, ...]) -> Path:
    """A library like `library` holding only what `languages` need; raises on any failure."""
    if shutil.which("icupkg") is None or shutil.which("cc") is None:
        raise FileNotFoundError("icupkg (icu-devtools) and a C compiler are needed")
    symbol, version, offset, size = _symbol(library)
    work.mkdir(parents=True, exist_ok=True)
    package = f"icudt{version}l.dat"  # l: little-endian, what ICU on x86-64 and ARM reads
    # icupkg takes the items' prefix from the file's name: the full package keeps it too,
    # in a folder of its own.
    (work / "full").mkdir(exist_ok=True)
    with library.open("rb") as source:
        source.seek(offset)
        (work / "full" / package).write_bytes(source.read(size))
    full = str(Path("full") / package)
    listed = subprocess.run(
        ["icupkg", "-l", full], cwd=work, capture_output=True, text=True, check=True
    )
    items = [line.strip() for line in listed.stdout.splitlines() if line.strip()]
    (work / "dropped.txt").write_text("\n".join(dropped_items(items, languages)) + "\n")
    (work / package).unlink(missing_ok=True)
    removal = ["icupkg", "-r", "dropped.txt", full, package]
    checked = subprocess.run(removal, cwd=work, capture_output=True, text=True)
    if checked.returncode != 0:
        # icupkg refuses to drop an item another one names; allow that only for the names
        # known to be harmless, and fail on any other.
        missing = set(re.findall(r"depends on missing item (\S+)", checked.stderr))
        if not missing or not all(MISSING_ALLOWED.match(name) for name in missing):
            raise ValueError(f"icupkg: {checked.stderr.strip()[-500:]}")
        subprocess.run([*removal, "--ignore-deps"], cwd=work, check=True, capture_output=True)
    (work / "data.S").write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{package}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    trimmed = work / library.name
    subprocess.run(
        ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", library.name, "data.S"],
        cwd=work,
        check=True,
    )
    return trimmed
