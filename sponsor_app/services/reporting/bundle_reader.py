"""Reading a data bundle someone sent: every byte checked before a value is used.

A bundle comes from outside (an email, a USB stick, later a hub), so nothing in it is trusted:
only a regular file is opened (a pipe would hang), its size and the sizes its zip declares are
limited before anything is unpacked (a small zip can unpack to gigabytes), datapackage.json must
describe exactly the tables and fields of this bundle version, each file must match the SHA-256
its descriptor gives, and every value must fit its field (type, range, allowed values, length).
The first problem found in a bundle is its one refusal: one line naming the bundle and where.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ...domain.messages import Message, Reporting
from .bundle import BUNDLE_VERSION, WORKBOOK, BadBundle
from .bundle_schema import BadValue, Resource
from .bundle_tables import resources

MAX_BUNDLE = 64 * 1024 * 1024  # bytes of the zip itself; a large group's bundle is ~100 KB
MAX_UNPACKED = 128 * 1024 * 1024  # every member together, as the zip declares them
MAX_MEMBER = 32 * 1024 * 1024
MAX_MEMBERS = 64
MAX_RATIO = 200  # text packs 5 to 30 times; a bomb packs thousands of times
RATIO_FROM = 1024 * 1024
MAX_DESCRIPTOR = 2 * 1024 * 1024
MAX_ROWS = 200_000
_HASH = re.compile(r"sha256:[0-9a-f]{64}")


@dataclass(frozen=True)
class LoadedBundle:
    name: str  # the file's name, or the hub's label for it
    id: str
    content_hash: str  # SHA-256 of the bundle's bytes (the rounding's secret is made from it)
    descriptor: dict
    tables: dict[str, list[dict]]  # table -> rows (field -> typed value, None when empty)

    @property
    def group(self) -> dict:
        return self.tables["group"][0]


def refuse(name: str, where: Message | str, what: Message) -> BadBundle:
    """One line: the bundle, where in it (a file, a line and field, a place in the descriptor)
    and what is wrong there."""
    if where:
        return BadBundle(Reporting.REFUSED_AT(name=name, where=where, what=what))
    return BadBundle(Reporting.REFUSED(name=name, what=what))


def _why(error: OSError) -> str:
    """The system's reason (in its own language), as it says it."""
    return error.strerror or str(error)


def read_file(path: Path) -> bytes:
    """The bytes of a bundle file: only a regular file, opened without blocking (a FIFO given
    as a bundle would otherwise wait forever for a writer), and at most MAX_BUNDLE of them."""
    name = Path(path).name
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise BadBundle(Reporting.BUNDLE_MISSING(name=name)) from None
    except IsADirectoryError:
        raise BadBundle(Reporting.BUNDLE_IS_FOLDER(name=name)) from None
    except OSError as error:
        raise BadBundle(Reporting.BUNDLE_UNREADABLE(name=name, why=_why(error))) from None
    try:
        facts = os.fstat(handle)
        if stat.S_ISDIR(facts.st_mode):
            raise BadBundle(Reporting.BUNDLE_IS_FOLDER(name=name))
        if not stat.S_ISREG(facts.st_mode):
            raise BadBundle(Reporting.BUNDLE_NOT_REGULAR(name=name))
        if facts.st_size > MAX_BUNDLE:
            raise BadBundle(
                Reporting.BUNDLE_TOO_BIG(
                    name=name, megabytes=facts.st_size / 2**20, most=MAX_BUNDLE // 2**20
                )
            )
        with os.fdopen(handle, "rb", closefd=False) as stream:
            content = stream.read(MAX_BUNDLE + 1)
    except OSError as error:
        raise BadBundle(Reporting.BUNDLE_UNREADABLE(name=name, why=_why(error))) from None
    finally:
        os.close(handle)
    if len(content) > MAX_BUNDLE:
        raise BadBundle(Reporting.BUNDLE_GREW(name=name, most=MAX_BUNDLE // 2**20))
    return content


def parse_bundle(name: str, content: bytes) -> LoadedBundle:
    """Check a bundle's bytes and read its tables (typed values), or refuse it in one line."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise BadBundle(Reporting.BUNDLE_NOT_ZIP(name=name)) from None
    with archive:
        members = _check_sizes(name, archive)
        descriptor = _descriptor(name, _member(name, archive, members, "datapackage.json"))
        expected = {r.name: r for r in resources()}
        entries = _entries(name, descriptor, expected)
        tables = {}
        for resource_name, (index, entry) in entries.items():
            raw = _member(name, archive, members, entry["path"])
            if _sha256(raw) != entry["hash"]:
                raise refuse(name, entry["path"], Reporting.CHANGED_AFTER_MADE(index=index))
            if resource_name in expected:
                tables[resource_name] = _rows(name, expected[resource_name], raw)
    if len(tables["group"]) != 1:
        raise refuse(name, "group.csv", Reporting.NOT_ONE_GROUP())
    return LoadedBundle(
        name, descriptor["id"], hashlib.sha256(content).hexdigest(), descriptor, tables
    )


def _sha256(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _check_sizes(name: str, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The members by name, after checking what the zip declares: how many, how big, how
    tightly packed. Python's zip reader never unpacks more than a member declares."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(name, "", Reporting.TOO_MANY_FILES(n=len(infos)))
    total = 0
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER or (
            info.file_size > RATIO_FROM and info.file_size / packed > MAX_RATIO
        ):
            bomb = Reporting.MEMBER_BOMB(megabytes=info.file_size / 2**20, kilobytes=packed / 2**10)
            raise refuse(name, info.filename[:80], bomb)
        if info.filename in members:
            raise refuse(name, info.filename[:80], Reporting.MEMBER_TWICE())
        members[info.filename] = info
    if total > MAX_UNPACKED:
        raise refuse(name, "", Reporting.UNPACKS_TOO_BIG(megabytes=total / 2**20))
    return members


def _member(name: str, archive: zipfile.ZipFile, members, path: str) -> bytes:
    info = members.get(path)
    if info is None:
        if path == "datapackage.json":
            raise BadBundle(Reporting.BUNDLE_NO_DESCRIPTOR(name=name))
        raise refuse(name, "", Reporting.MEMBER_MISSING(path=path))
    try:
        with archive.open(info) as stream:
            return stream.read(info.file_size + 1)[: info.file_size + 1]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
        raise refuse(name, path, Reporting.MEMBER_DAMAGED(why=str(error))) from None
    except RuntimeError:  # encrypted
        raise refuse(name, path, Reporting.MEMBER_ENCRYPTED()) from None


class _NotJsonNumber(ValueError):
    """NaN or Infinity: Python's reader takes them, JSON has no such numbers."""

    def __init__(self, word: str):
        super().__init__(word)
        self.word = word


def _descriptor(name: str, raw: bytes) -> dict:
    if len(raw) > MAX_DESCRIPTOR:
        raise refuse(name, "datapackage.json", Reporting.DESCRIPTOR_TOO_BIG())

    def no_constant(word: str):
        raise _NotJsonNumber(word)

    try:
        descriptor = json.loads(raw.decode("utf-8"), parse_constant=no_constant)
    except UnicodeDecodeError:
        raise refuse(name, "datapackage.json", Reporting.NOT_UTF8()) from None
    except _NotJsonNumber as error:
        why = Reporting.NOT_JSON_NUMBER(word=error.word)
        raise BadBundle(Reporting.DESCRIPTOR_NOT_JSON(name=name, why=why)) from None
    except (ValueError, RecursionError) as error:  # the JSON reader's own words
        raise BadBundle(Reporting.DESCRIPTOR_NOT_JSON(name=name, why=str(error))) from None
    if not isinstance(descriptor, dict):
        raise BadBundle(Reporting.DESCRIPTOR_NOT_PACKAGE(name=name))
    version = descriptor.get("sponsor_desk_bundle_version")
    if version != BUNDLE_VERSION:
        shown = version if isinstance(version, str) and len(version) < 20 else None
        raise BadBundle(
            Reporting.BUNDLE_OTHER_VERSION(
                name=name,
                version=shown or Reporting.UNKNOWN_VERSION(),
                supported=BUNDLE_VERSION,
            )
        )
    bundle_id = descriptor.get("id")
    if not isinstance(bundle_id, str) or not re.fullmatch(r"[0-9a-f-]{36}", bundle_id):
        raise refuse(name, "datapackage.json", Reporting.NO_BUNDLE_ID())
    return descriptor


def _entries(name: str, descriptor: dict, expected: dict[str, Resource]):
    """Each resource of the descriptor, checked against this version's tables: the same
    names, files, fields and types, with a hash. Nothing else is trusted from it."""
    listed = descriptor.get("resources")
    if not isinstance(listed, list):
        raise refuse(name, "datapackage.json", Reporting.RESOURCES_NOT_LIST())
    found: dict[str, tuple[int, dict]] = {}
    for index, entry in enumerate(listed[: MAX_MEMBERS + 1]):
        where = f"datapackage.json resources[{index}]"
        if not isinstance(entry, dict):
            raise refuse(name, where, Reporting.NOT_TABLE_DESCRIPTION())
        resource_name = entry.get("name")
        known = expected.get(resource_name) if isinstance(resource_name, str) else None
        if known is None and resource_name != "workbook":
            raise refuse(name, f"{where}.name", Reporting.NOT_BUNDLE_TABLE())
        if resource_name in found:
            raise refuse(name, f"{where}.name", Reporting.REPEATS(table=resource_name))
        path = known.path if known else WORKBOOK
        if entry.get("path") != path:
            raise refuse(name, f"{where}.path", Reporting.SHOULD_BE(wanted=path))
        if not isinstance(entry.get("hash"), str) or not _HASH.fullmatch(entry["hash"]):
            raise refuse(name, f"{where}.hash", Reporting.NOT_SHA256())
        if known is not None:
            _check_schema(name, where, entry.get("schema"), known)
        found[resource_name] = (index, entry)
    if len(listed) > MAX_MEMBERS:
        raise refuse(name, "datapackage.json resources", Reporting.TOO_MANY_TABLES())
    missing = [r for r in expected if r not in found]
    if missing:
        lacks = Reporting.TABLE_MISSING if len(missing) == 1 else Reporting.TABLES_MISSING
        raise BadBundle(lacks(name=name, tables=tuple(missing), version=BUNDLE_VERSION))
    return found


def _check_schema(name: str, where: str, schema, known: Resource) -> None:
    if not isinstance(schema, dict):
        raise refuse(name, f"{where}.schema", Reporting.NOT_TABLE_SCHEMA())
    fields = schema.get("fields")
    if not isinstance(fields, list):
        raise refuse(name, f"{where}.schema.fields", Reporting.NOT_FIELD_LIST())
    if len(fields) != len(known.fields):
        wanted = Reporting.FIELD_COUNT(n=len(known.fields), table=known.name)
        raise refuse(name, f"{where}.schema.fields", wanted)
    for index, (field, wanted) in enumerate(zip(fields, known.fields, strict=True)):
        at = f"{where}.schema.fields[{index}]"
        if not isinstance(field, dict):
            raise refuse(name, at, Reporting.NOT_A_FIELD())
        if field.get("name") != wanted.name:
            raise refuse(name, f"{at}.name", Reporting.SHOULD_BE(wanted=wanted.name))
        if field.get("type") != wanted.type:
            typed = Reporting.SHOULD_BE_TYPE(wanted=wanted.type, field=wanted.name)
            raise refuse(name, f"{at}.type", typed)


def _rows(name: str, resource: Resource, raw: bytes) -> list[dict]:
    path = resource.path
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        at = Reporting.AT_LINE(path=path, line=line)
        raise refuse(name, at, Reporting.NOT_UTF8()) from None
    names = [f.name for f in resource.fields]
    rows = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header = next(reader, None)
        if header != names:
            at = Reporting.AT_LINE(path=path, line=1)
            raise refuse(name, at, Reporting.OTHER_COLUMNS())
        for line, cells in enumerate(reader, start=2):
            if line > MAX_ROWS:
                raise refuse(name, path, Reporting.TOO_MANY_ROWS(n=MAX_ROWS))
            if len(cells) != len(names):
                counts = Reporting.VALUE_COUNT(n=len(cells), wanted=len(names))
                raise refuse(name, Reporting.AT_LINE(path=path, line=line), counts)
            row = {}
            for field, cell in zip(resource.fields, cells, strict=True):
                try:
                    row[field.name] = field.read(cell)
                except BadValue as problem:
                    at = Reporting.AT_LINE_FIELD(path=path, line=line, field=field.name)
                    raise refuse(name, at, problem.said) from None
            rows.append(row)
    except csv.Error as error:
        if "field larger" in str(error):
            raise refuse(name, path, Reporting.VALUE_FAR_TOO_LONG()) from None
        raise refuse(name, path, Reporting.NOT_CSV(why=str(error))) from None
    return rows
