"""A writer killed with SIGKILL mid-transaction leaves a healthy file with every committed row."""

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.services.group.groups import NewGroup, create_group

WRITER = """
import sys
from datetime import date
from sponsor_app.storage.models import LedgerTransaction
from sponsor_app.storage.store import Store
from sponsor_app.domain.enums import TransactionKind

store = Store.open(sys.argv[1])
for n in range(1, 31):
    with store.transaction() as s:
        s.add(LedgerTransaction(occurred_on=date(2025, 1, 1), kind=TransactionKind.INCOME,
                                amount_minor=n, category_id=1, reference=f"committed-{n}"))
    print(f"committed {n}", flush=True)
with store.transaction() as s:
    for n in range(10**7):
        s.add(LedgerTransaction(occurred_on=date(2025, 1, 1), kind=TransactionKind.INCOME,
                                amount_minor=1, category_id=1, reference="uncommitted"))
        if n % 2000 == 1999:
            s.flush()
            if n == 1999:
                print("writing", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_transaction(group_path):
    create_group(group_path, NewGroup(name="Crash test")).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(group_path)], stdout=subprocess.PIPE, text=True
    )
    lines = []
    for line in writer.stdout:
        lines.append(line.strip())
        if line.strip() == "writing":
            break
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    assert lines[-2:] == ["committed 30", "writing"]
    assert (group_path.parent / (group_path.name + "-wal")).exists(), (
        "killed before it could clean up"
    )

    connection = sqlite3.connect(group_path)  # recovery from the WAL happens here
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    references = [
        r[0] for r in connection.execute("SELECT reference FROM ledger_transaction ORDER BY id")
    ]
    audited = connection.execute(
        "SELECT count(*) FROM audit_entry WHERE table_name='ledger_transaction'"
    ).fetchone()
    connection.close()
    assert references == [f"committed-{n}" for n in range(1, 31)]
    assert audited == (30,)

    # The killed transaction's change set went with it: none is left open to block the next
    # write (a unique index allows one open change set), and the next write is recorded.
    from sponsor_app.storage.models import ChangeSet, LedgerTransaction
    from sponsor_app.storage.store import Store

    with Store.open(group_path) as store:
        with store.read() as session:
            assert session.query(ChangeSet).filter(ChangeSet.is_open.is_not(None)).count() == 0
            assert session.query(ChangeSet).filter(ChangeSet.kind == "edit").count() == 31
        with store.recording() as recorded, store.transaction("After the crash") as session:
            session.add(
                LedgerTransaction(
                    occurred_on=date(2025, 1, 2),
                    kind=TransactionKind.INCOME,
                    amount_minor=5,
                    category_id=1,
                )
            )
        assert recorded[0].description == "After the crash"
