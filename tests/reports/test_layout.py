"""Reports that read well (issue 18, item 16), read back from the PDFs: no heading alone at the
foot of a page, words broken only where a reader expects, wrapped right-to-left names in
order, separators after other scripts drawn, statement totals whole, continued categories
named, the restricted marker explained where it is used, every checklist page naming its
household."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from sponsor_app.domain.reports import ReportKind
from sponsor_app.reports.blocks import table, wrap
from sponsor_app.reports.template import ReportDocTemplate
from sponsor_app.services.reporting.evaluation_data import evaluation_data
from sponsor_app.services.reporting.report_data import ReportScope, default_period
from sponsor_app.services.reporting.statement_data import statement_data
from sponsor_app.services.roster.roles import add_role
from sponsor_app.services.roster.volunteers import VolunteerInput, add_volunteer
from sponsor_app.storage.store import Store

from ..conftest import TODAY
from .helpers import headings_alone_at_foot, joined, lines_of, page_lines, text_of
from .test_reports import make

LONG_ARABIC = "عبد الرحمن بن محمد الحسيني"
PEOPLE = (
    ("Margaret McDonald-Hughes", "margaret.59@example.org", ("Kinyarwanda", "English")),
    ("Þóra Sigurðardóttir-Kjærgaard", "thora.sigurdardottir-kjaergaard@example.org",
     ("Icelandic", "intermediate English")),
    (LONG_ARABIC, "abdulrahman.alhusseini.1990@example.org", ("Arabic", "Dari")),
    ("ሰላም ተስፋይ", "selam.tesfay@example.org", ("ትግርኛ", "English")),
)  # fmt: skip


@pytest.fixture
def large_store(tmp_path, large_demo_bytes):
    path = tmp_path / "large.sponsor"
    path.write_bytes(large_demo_bytes)
    store = Store.open(path, actor="tester")
    yield store
    store.close()


@pytest.fixture
def people_store(report_store):
    """The dressed-up small demo, with volunteers whose names, emails and languages are long,
    hyphenated or in Arabic and Ge'ez script, and roles named in those scripts."""
    translator = add_role(report_store, "ተርጓሚ").key
    interpreter = add_role(report_store, "مترجم").key
    for (name, email, languages), role in zip(
        PEOPLE, (translator, "volunteer", interpreter, translator), strict=True
    ):
        add_volunteer(
            report_store,
            VolunteerInput(name, (role, "volunteer"), email=email, languages=languages),
            today=TODAY,
        )
    return report_store


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(ReportKind)[:5], ids=lambda k: k.value)
@pytest.mark.parametrize("named", [False, True], ids=["anonymised", "named"])
def test_no_heading_is_left_alone_at_the_foot_of_a_page(large_store, tmp_path, kind, named):
    path = make(large_store, tmp_path, kind, named=named)
    assert headings_alone_at_foot(path) == []


def test_a_heading_moves_with_the_first_rows_of_its_table_not_the_whole_table(
    large_store, tmp_path
):
    """Kept with what follows, but not at the cost of half-empty pages: a long table starts
    under its heading on the same page."""
    path = make(large_store, tmp_path, ReportKind.EVALUATION)
    pages = page_lines(path)
    page = next(n for n, items in enumerate(pages) if any(i[1] == "Overdue tasks" for i in items))
    items = pages[page]
    at = next(index for index, i in enumerate(items) if i[1] == "Overdue tasks")
    assert len(items) - at > 6, "the heading, the table's header and some rows on one page"


def test_words_break_only_at_spaces_hyphens_and_an_emails_at_or_dots(people_store, tmp_path):
    text = joined(make(people_store, tmp_path, ReportKind.ROSTER))
    for name, email, languages in PEOPLE[:2]:
        assert name in text
        assert email in text
        for language in languages:
            assert language in text
    assert "Kin yarwanda" not in text_of(
        make(people_store, tmp_path, ReportKind.ROSTER, name="again.pdf")
    )


def test_evaluation_cells_keep_their_words_whole(large_store, tmp_path):
    """Indicator values ("upper intermediate") in the narrow 3-to-24-month columns: the column
    is widened, or the type shrinks, before a word is broken."""
    path = make(large_store, tmp_path, ReportKind.EVALUATION)
    text = joined(path)
    data = evaluation_data(large_store, ReportScope(default_period(large_store)))
    values = {v for x in data.indicators for v in (x.latest, *(p.value for p in x.points)) if v}
    values = {v for v in values if not re.fullmatch(r"\d{4}-\d\d-\d\d", v)}  # dates: as dates
    assert any(" " in v or len(v) > 10 for v in values)  # the test has long values to check
    for value in values:
        assert " ".join(value.split()) in text or f"{value} %" in text, value


def _logical(line: str) -> str:
    """A line of shaped Arabic as pypdf reads it (presentation forms; words in the order they
    are drawn, left to right) back in reading order."""
    return " ".join(reversed(unicodedata.normalize("NFKC", line).split()))


def test_a_wrapped_right_to_left_name_reads_in_order(people_store, tmp_path):
    lines = [
        _logical(line)
        for line in lines_of(make(people_store, tmp_path, ReportKind.ROSTER))
        if re.search("[\u0600-\u06ff\ufb50-\ufeff]", line)
    ]
    first, *_, last = LONG_ARABIC.split()
    name_lines = [line for line in lines if first in line or last in line]
    assert len(name_lines) >= 2, "the name wraps in its column"
    starts = next(n for n, line in enumerate(name_lines) if first in line)
    ends = next(n for n, line in enumerate(name_lines) if last in line)
    assert starts < ends, name_lines


def test_separators_after_geez_and_arabic_are_drawn(people_store, tmp_path):
    """A ";" or "," after Ge'ez or Arabic letters was shaped in that script's font, which has
    no such glyph: a box (read back as U+FFFF) or a stray mark."""
    text = text_of(make(people_store, tmp_path, ReportKind.ROSTER))
    assert "\uffff" not in text
    assert "ትግርኛ, English" in text
    path = tmp_path / "cells.pdf"
    doc = ReportDocTemplate(path, people_meta(people_store), invariant=True)
    cells = ("ተርጓሚ; Volunteer", "مترجم; Volunteer", "English, ትግርኛ; عربي (ሰላም)")
    doc.build_story([table(("Roles",), [[wrap(c)] for c in cells], (200,))])
    text = text_of(path)
    assert "\uffff" not in text
    assert "ተርጓሚ; Volunteer" in text and "ትግርኛ;" in text
    assert text.count(";") == 3  # the one after Arabic too (pypdf reads it out of place)


def people_meta(store):
    from sponsor_app.services.reporting.report_lists import roster_data

    return roster_data(store, default_period(store)).meta


def test_statement_totals_are_whole_and_continued_categories_named(report_store, tmp_path):
    path = make(report_store, tmp_path, ReportKind.FINANCES)
    text = text_of(path)
    data = statement_data(report_store, default_period(report_store))
    for block in data.blocks:
        assert f"Total {block.name} " in text, block.name
    assert "…" not in text
    # the listing's header row (an anonymised statement has no Reference column)
    listing_header = re.compile(r"^Date (Reference )?Method Household Amount")
    listing = [
        page
        for page in PdfReader(path).pages
        if any(listing_header.match(line) for line in page.extract_text().split("\n"))
    ]
    assert len(listing) > 2
    for page in listing[1:]:
        lines = page.extract_text().split("\n")
        header = next(n for n, line in enumerate(lines) if listing_header.match(line))
        first_row = lines[header + 1]
        assert first_row.startswith(("Income: ", "Spending: ")), first_row


def test_the_restricted_marker_is_explained_on_each_page_it_is_used(report_store, tmp_path):
    path = make(report_store, tmp_path, ReportKind.FINANCES)
    pages = [page.extract_text() for page in PdfReader(path).pages]
    used = [n for n, page in enumerate(pages) if re.search(r"\bR \$", page)]
    assert used, "the small demo has restricted income"
    for number in used:
        assert "R before an amount: restricted income" in pages[number], number + 1


def test_every_checklist_page_names_its_household(large_store, tmp_path):
    path = make(large_store, tmp_path, ReportKind.CHECKLIST)
    pages = [page.extract_text() for page in PdfReader(path).pages]
    assert len(pages) > 4
    for number, page in enumerate(pages, start=1):
        assert re.search(r"Household H\d+", page), f"page {number} names no household"
