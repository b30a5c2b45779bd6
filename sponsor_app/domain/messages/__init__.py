"""Words at the edge: every sentence the services hand to a person, by code, in one catalogue.

Design
- A service never writes a sentence. It raises, or returns, a `Message`: a code and the
  values it needs, by name: `raise NotFound(Records.CATEGORY_GONE(id=4))`,
  `Problem("amount", Funds.BUDGET_NEGATIVE())`. Calling a code with a value its template does
  not name, or without one it names, is a TypeError at once (and a test reads every call).
- The catalogue is one enum per area of the app (records, funds, households, roster, plan,
  files, imports, reporting), listed in CATALOGUE. A member's name is the code; its value is
  the English template, with named values in braces ("Category {id} no longer exists.") and
  at most one count, written as Qt writes it: "%n file(s)", "%Ln row(s)" for "1,234 rows",
  given as `n`. The "(s)" (or "category(ies)", "was/were") gives the singular and the plural:
  `english_forms`, from which the window's translation file is made too.
- Errors carry messages (domain/errors.py): `SponsorDeskError(message)`, `InvalidInput` of
  `Problem(field, message)`s; `error.code`, `error.params`, `problem.field`. `str(error)` and
  `problem.message` are the English, so the command line, the logs and every caller that
  reads a sentence read the same words as before.
- Values are facts, not words: text the person typed or a name (never translated; the window
  isolates it so a right-to-left name keeps its place), numbers (the template may format
  them: {megabytes:,.0f}), dates (ISO), lists (joined with commas), and other messages
  (worded by the same edge, so a sentence can be built of parts).
- One function per edge words a message, all from the same templates:
  * `english(message)`: plain English, for the command line (cli.py), the reports and
    `str(error)`;
  * the window: `ui/words.py:said(message)`, through `QCoreApplication.translate(area,
    template, "", n)`, so a translation file can change every sentence and count it in its
    own language. `make translations` (tools/update_translations.py) writes every template
    of CATALOGUE into the .ts file; lupdate cannot see them, as they are not literals in ui/.
- Stored text is data, not a sentence: what the app itself means by a row (a task done by
  a check-in) is a fact the row or its links hold, worded when shown.
"""

from __future__ import annotations

from .core import (
    COUNT,
    COUNT_PARAM,
    Listed,
    Message,
    Text,
    english,
    english_forms,
    fill,
    template_fields,
)
from .files import Files, Outputs
from .funds import Amounts, Funds
from .households import Households
from .import_fields import ImportFields
from .imports import Cells, Imports
from .plan import Plan
from .records import Fields, Records
from .reporting import Reporting
from .roster import Roster
from .sharing import Sharing

# Every area of the catalogue: the translation file, the tests and the edges read this.
CATALOGUE: tuple[type[Text], ...] = (
    Records,
    Fields,
    Funds,
    Amounts,
    Households,
    Roster,
    Plan,
    Files,
    Outputs,
    Imports,
    Cells,
    ImportFields,
    Reporting,
    Sharing,
)

__all__ = [
    "CATALOGUE",
    "COUNT",
    "COUNT_PARAM",
    "Amounts",
    "Cells",
    "Fields",
    "Files",
    "Funds",
    "Households",
    "ImportFields",
    "Imports",
    "Listed",
    "Message",
    "Outputs",
    "Plan",
    "Records",
    "Reporting",
    "Roster",
    "Sharing",
    "Text",
    "english",
    "english_forms",
    "fill",
    "template_fields",
]
