"""Issue 19 item 5: an imported "cleared" check with a date and no expiry gets the programme's
validity, as the form gives it, and the preview says so; and it says which of the programme's
other requirements the people will lack."""

from datetime import date

from sponsor_app.domain.enums import VettingStatus
from sponsor_app.domain.messages import english
from sponsor_app.services.imports.engine import preview_import
from sponsor_app.services.imports.fields import ImportKind
from sponsor_app.services.imports.model import ImportRequest
from sponsor_app.services.imports.volunteer_io import import_volunteers
from sponsor_app.services.roster.volunteers import list_volunteers

from ...conftest import TODAY

SHEET = (
    "Name,Email,Role,Police vetting,Vetted on,Expiry\n"
    "Ana Fifita,ana@example.org,volunteer,yes,2025-03-01,\n"
    "Tomasi Vea,tomasi@example.org,volunteer,cleared,2024-01-10,2026-01-10\n"
    "Hana Kato,hana@example.org,volunteer,pending,2026-05-01,\n"
)


def test_the_import_fills_the_expiry_and_the_preview_says_what_is_missing(store, tmp_path):
    sheet = tmp_path / "volunteers.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    preview = preview_import(store, ImportRequest(ImportKind.VOLUNTEERS, sheet))
    assert tuple(map(english, preview.notes[:3])) == (
        "1 row with police vetting cleared and no expiry: each is given the programme's 36 "
        "months from its check date, as the volunteer form does",
        "3 of 3 people have no Child Protection Statement recorded: the roster will show it as "
        "missing until it is added on the Volunteers page",
        "3 of 3 people have no Fundamentals of Child Protection (e-learning) recorded: the "
        "roster will show it as missing until it is added on the Volunteers page",
    )
    ana = next(r for r in preview.rows if r.values[0] == "Ana Fifita")
    assert ana.values[7] == "2028-03-01"  # what will be stored, shown before importing
    import_volunteers(store, sheet)
    rows = {v.full_name: v for v in list_volunteers(store, today=TODAY)}
    police = rows["Ana Fifita"].vetting.standings[0]
    assert (police.state, police.expires_on) == (VettingStatus.CURRENT, date(2028, 3, 1))
    assert rows["Hana Kato"].vetting.standings[0].expires_on is None  # waiting: no expiry yet
    assert rows["Tomasi Vea"].vetting.standings[0].state is VettingStatus.EXPIRED
