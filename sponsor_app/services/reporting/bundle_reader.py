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

from ...domain.plurals import counted
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


def refuse(name: str, where: str, what: str) -> BadBundle:
    """One line: the bundle, where in it (a file, a line and field, a place in the descriptor)
    and what is wrong there."""
    return BadBundle(f"{name}: {where} {what}." if where else f"{name} {what}.")


def read_file(path: Path) -> bytes:
    """The bytes of a bundle file: only a regular file, opened without blocking (a FIFO given
    as a bundle would otherwise wait forever for a writer), and at most MAX_BUNDLE of them."""
    name = Path(path).name
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise BadBundle(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise BadBundle(f"{name} is a folder, not a data bundle.") from None
    except OSError as error:
        raise BadBundle(f"{name} cannot be read: {error.strerror or error}.") from None
    try:
        facts = os.fstat(handle)
        if stat.S_ISDIR(facts.st_mode):
            raise BadBundle(f"{name} is a folder, not a data bundle.")
        if not stat.S_ISREG(facts.st_mode):
            raise BadBundle(
                f"{name} is not a regular file (a pipe or a device), so it is not read."
            )
        if facts.st_size > MAX_BUNDLE:
            raise BadBundle(
                f"{name} is {facts.st_size / 2**20:,.0f} MB; a data bundle is far smaller "
                f"(at most {MAX_BUNDLE // 2**20} MB is read)."
            )
        with os.fdopen(handle, "rb", closefd=False) as stream:
            content = stream.read(MAX_BUNDLE + 1)
    except OSError as error:
        raise BadBundle(f"{name} cannot be read: {error.strerror or error}.") from None
    finally:
        os.close(handle)
    if len(content) > MAX_BUNDLE:
        raise BadBundle(f"{name} grew past {MAX_BUNDLE // 2**20} MB while it was read.")
    return content


def parse_bundle(name: str, content: bytes) -> LoadedBundle:
    """Check a bundle's bytes and read its tables (typed values), or refuse it in one line."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise BadBundle(f"{name} is not a data bundle (not a zip file).") from None
    with archive:
        members = _check_sizes(name, archive)
        descriptor = _descriptor(name, _member(name, archive, members, "datapackage.json"))
        expected = {r.name: r for r in resources()}
        entries = _entries(name, descriptor, expected)
        tables = {}
        for resource_name, (index, entry) in entries.items():
            raw = _member(name, archive, members, entry["path"])
            if _sha256(raw) != entry["hash"]:
                raise refuse(
                    name,
                    entry["path"],
                    "does not match the SHA-256 its datapackage.json gives (resources"
                    f"[{index}].hash): it was changed after the bundle was made",
                )
            if resource_name in expected:
                tables[resource_name] = _rows(name, expected[resource_name], raw)
    if len(tables["group"]) != 1:
        raise refuse(name, "group.csv", "should hold exactly one group")
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
        raise refuse(name, "", f"holds {counted(len(infos), 'file')}; a data bundle holds about 30")
    total = 0
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER or (
            info.file_size > RATIO_FROM and info.file_size / packed > MAX_RATIO
        ):
            raise refuse(
                name,
                info.filename[:80],
                f"would unpack to {info.file_size / 2**20:,.0f} MB from "
                f"{packed / 2**10:,.0f} KB: not a data bundle's table",
            )
        if info.filename in members:
            raise refuse(name, info.filename[:80], "is in the zip twice")
        members[info.filename] = info
    if total > MAX_UNPACKED:
        raise refuse(name, "", f"would unpack to {total / 2**20:,.0f} MB in all")
    return members


def _member(name: str, archive: zipfile.ZipFile, members, path: str) -> bytes:
    info = members.get(path)
    if info is None:
        if path == "datapackage.json":
            raise BadBundle(f"{name} has no datapackage.json: it is not a Sponsor Desk bundle.")
        raise refuse(name, "", f"is missing {path}, which its datapackage.json names")
    try:
        with archive.open(info) as stream:
            return stream.read(info.file_size + 1)[: info.file_size + 1]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
        raise refuse(name, path, f"is damaged in the zip ({error})") from None
    except RuntimeError:  # encrypted
        raise refuse(name, path, "is encrypted; a data bundle never is") from None


def _descriptor(name: str, raw: bytes) -> dict:
    if len(raw) > MAX_DESCRIPTOR:
        raise refuse(name, "datapackage.json", "is far larger than a bundle's")

    def no_constant(word: str):
        raise ValueError(f"{word} is not a number JSON allows")

    try:
        descriptor = json.loads(raw.decode("utf-8"), parse_constant=no_constant)
    except UnicodeDecodeError:
        raise refuse(name, "datapackage.json", "is not UTF-8 text") from None
    except (ValueError, RecursionError) as error:
        raise BadBundle(f"{name}: datapackage.json is not valid JSON ({error}).") from None
    if not isinstance(descriptor, dict):
        raise BadBundle(f"{name}: datapackage.json does not describe a data package.")
    version = descriptor.get("sponsor_desk_bundle_version")
    if version != BUNDLE_VERSION:
        shown = version if isinstance(version, str) and len(version) < 20 else "unknown"
        raise BadBundle(
            f"{name} is a bundle of schema version {shown}; this version of Sponsor Desk "
            f"combines version {BUNDLE_VERSION} only: make the bundle again with the same "
            "version as the others."
        )
    bundle_id = descriptor.get("id")
    if not isinstance(bundle_id, str) or not re.fullmatch(r"[0-9a-f-]{36}", bundle_id):
        raise refuse(name, "datapackage.json", "has no bundle id (id)")
    return descriptor


def _entries(name: str, descriptor: dict, expected: dict[str, Resource]):
    """Each resource of the descriptor, checked against this version's tables: the same
    names, files, fields and types, with a hash. Nothing else is trusted from it."""
    listed = descriptor.get("resources")
    if not isinstance(listed, list):
        raise refuse(name, "datapackage.json", "resources is not a list of tables")
    found: dict[str, tuple[int, dict]] = {}
    for index, entry in enumerate(listed[: MAX_MEMBERS + 1]):
        where = f"datapackage.json resources[{index}]"
        if not isinstance(entry, dict):
            raise refuse(name, where, "is not a table description")
        resource_name = entry.get("name")
        known = expected.get(resource_name) if isinstance(resource_name, str) else None
        if known is None and resource_name != "workbook":
            raise refuse(name, f"{where}.name", "is not a table of a bundle")
        if resource_name in found:
            raise refuse(name, f"{where}.name", f"repeats {resource_name}")
        path = known.path if known else WORKBOOK
        if entry.get("path") != path:
            raise refuse(name, f"{where}.path", f"should be {path}")
        if not isinstance(entry.get("hash"), str) or not _HASH.fullmatch(entry["hash"]):
            raise refuse(name, f"{where}.hash", "is not a SHA-256 (sha256:...)")
        if known is not None:
            _check_schema(name, where, entry.get("schema"), known)
        found[resource_name] = (index, entry)
    if len(listed) > MAX_MEMBERS:
        raise refuse(name, "datapackage.json resources", "lists far more tables than a bundle")
    missing = [r for r in expected if r not in found]
    if missing:
        raise BadBundle(
            f"{name} lacks the {', '.join(missing)} table(s) of a version {BUNDLE_VERSION} bundle."
        )
    return found


def _check_schema(name: str, where: str, schema, known: Resource) -> None:
    if not isinstance(schema, dict):
        raise refuse(name, f"{where}.schema", "is not a table schema")
    fields = schema.get("fields")
    if not isinstance(fields, list):
        raise refuse(name, f"{where}.schema.fields", "is not a list of fields")
    if len(fields) != len(known.fields):
        raise refuse(
            name,
            f"{where}.schema.fields",
            f"should list {len(known.fields)} fields of {known.name}",
        )
    for index, (field, wanted) in enumerate(zip(fields, known.fields, strict=True)):
        at = f"{where}.schema.fields[{index}]"
        if not isinstance(field, dict):
            raise refuse(name, at, "is not a field")
        if field.get("name") != wanted.name:
            raise refuse(name, f"{at}.name", f"should be {wanted.name}")
        if field.get("type") != wanted.type:
            raise refuse(name, f"{at}.type", f"should be {wanted.type} ({wanted.name})")


def _rows(name: str, resource: Resource, raw: bytes) -> list[dict]:
    path = resource.path
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise refuse(name, f"{path} line {line}", "is not UTF-8 text") from None
    names = [f.name for f in resource.fields]
    rows = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header = next(reader, None)
        if header != names:
            raise refuse(name, f"{path} line 1", "has other columns than its datapackage.json")
        for line, cells in enumerate(reader, start=2):
            if line > MAX_ROWS:
                raise refuse(name, path, f"has more than {counted(MAX_ROWS, 'row')}")
            if len(cells) != len(names):
                raise refuse(
                    name, f"{path} line {line}", f"has {len(cells)} values, not {len(names)}"
                )
            row = {}
            for field, cell in zip(resource.fields, cells, strict=True):
                try:
                    row[field.name] = field.read(cell)
                except BadValue as problem:
                    raise refuse(name, f"{path} line {line}, {field.name}", str(problem)) from None
            rows.append(row)
    except csv.Error as error:
        if "field larger" in str(error):
            raise refuse(name, path, "holds a value far longer than any field allows") from None
        raise refuse(name, path, f"is not a readable CSV table ({error})") from None
    return rows
