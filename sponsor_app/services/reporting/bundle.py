"""The evaluators' data bundle: the evaluation report's figures as CSV files in a zip, described
by a Frictionless Data Package (`datapackage.json`: every table, field, type, unit and allowed
values, the bundle's schema version, a bundle id and each file's SHA-256), with the same tables
as one .xlsx workbook beside them. Written from the same EvaluationData as the PDF, so it is
anonymised exactly as the PDF is; read back, checked value by value, by `combine`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
import zipfile

from ...domain.errors import SponsorDeskError
from ..imports.workbook import Sheet, workbook
from .bundle_schema import CodebookLine, Resource, codebook
from .bundle_tables import resources
from .evaluation_data import EvaluationData

BUNDLE_VERSION = "2.0"
PROFILE = "tabular-data-package"
WORKBOOK = "figures.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ID_SPACE = uuid.UUID("5d1e3c8a-4f2b-4c1e-9a57-2b0e6c3f8d41")  # Sponsor Desk bundle ids


class BadBundle(SponsorDeskError):
    """A file given as a bundle that is not one this version can read."""


def sha256(content: bytes) -> str:
    """A resource's hash as Frictionless writes it."""
    return "sha256:" + hashlib.sha256(content).hexdigest()


def csv_bytes(resource: Resource, rows) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([f.name for f in resource.fields])
    for row in rows:
        writer.writerow([f.text(v) for f, v in zip(resource.fields, row, strict=True)])
    return text.getvalue().encode("utf-8")


def bundle_id(group_id: str, made_at: str, files: dict[str, bytes]) -> str:
    """The bundle's id: the same for the same group, moment and tables, different otherwise."""
    digest = "|".join([group_id, made_at, *(sha256(files[p]) for p in sorted(files))])
    return str(uuid.uuid5(_ID_SPACE, digest))


def codebook_of(data: EvaluationData) -> tuple[CodebookLine, ...]:
    return codebook(resources(), data.meta.currency)


def bundle_bytes(data: EvaluationData) -> bytes:
    """The bundle as the bytes of a zip: datapackage.json, one CSV per table, the workbook."""
    meta = data.meta
    tables = [(r, list(r.rows(data))) for r in resources()]
    files = {r.path: csv_bytes(r, rows) for r, rows in tables}
    made = meta.generated_at.isoformat(timespec="seconds")
    book = workbook(
        _about(data),
        [Sheet(r.name, r.fields, rows, meta.currency) for r, rows in tables],
        codebook_of(data),
        meta.generated_at,
    )
    package = {
        "profile": PROFILE,
        "name": "sponsor-desk-evaluation",
        "id": bundle_id(meta.group_uuid, made, files),
        "title": f"{meta.title}: figures of {meta.group_name}",
        "version": BUNDLE_VERSION,
        "sponsor_desk_bundle_version": BUNDLE_VERSION,
        "created": made,
        "anonymised": not meta.named,
        "exact": True,
        "description": "Exact figures of one group for one period, with the definitions and "
        "codebook of every field. Counts are not rounded: publish only after disclosure "
        "control (sponsor-app combine rounds counts of people and households in its PDF).",
        "resources": [csv_resource(r, files[r.path], meta.currency) for r, _ in tables]
        + [
            {
                "name": "workbook",
                "path": WORKBOOK,
                "profile": "data-resource",
                "format": "xlsx",
                "mediatype": XLSX_TYPE,
                "bytes": len(book),
                "hash": sha256(book),
                "description": "The same tables as one workbook, with the codebook as a sheet.",
            }
        ],
    }
    return packed(package, files, (WORKBOOK, book), meta.generated_at)


def csv_resource(resource: Resource, content: bytes, currency: str) -> dict:
    """A table's entry in datapackage.json (Frictionless Data's tabular data resource)."""
    return {
        "name": resource.name,
        "path": resource.path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": sha256(content),
        "description": resource.description,
        "schema": resource.schema(currency),
    }


def packed(package: dict, files: dict[str, bytes], book: tuple[str, bytes], made_at) -> bytes:
    """A bundle's zip: its datapackage.json, the tables and the workbook (its name, bytes)."""
    return zipped(
        [
            ("datapackage.json", json.dumps(package, indent=2, ensure_ascii=False).encode()),
            *files.items(),
            book,
        ],
        made_at,
    )


def zipped(members, made_at) -> bytes:
    out = io.BytesIO()
    stamp = made_at.timetuple()[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, content)
    return out.getvalue()


def _about(data: EvaluationData) -> list[tuple[str, str]]:
    m = data.meta
    return [
        ("Group", m.group_name),
        ("Programme", m.programme),
        ("Period", f"{m.period.start.isoformat()} to {m.period.end.isoformat()}"),
        ("Currency", m.currency),
        ("Anonymised", "yes" if not m.named else "no: contains personal information"),
        ("Figures", "Exact (not rounded): for authorised evaluators."),
        ("Made", m.generated_at.isoformat(timespec="seconds")),
        ("Bundle schema version", BUNDLE_VERSION),
        ("Codebook", "The last sheet: every field's type, unit, meaning and allowed values."),
    ]
