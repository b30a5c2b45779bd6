from datetime import date

from sqlalchemy import func, select

from sponsor_app.domain.enums import TaskStatus
from sponsor_app.services.demo import write_demo
from sponsor_app.services.health import check_file
from sponsor_app.services.ledger import balance
from sponsor_app.services.volunteers import list_volunteers
from sponsor_app.storage.models import Task
from sponsor_app.storage.store import Store

TODAY = date(2026, 6, 15)


def test_small_demo_is_healthy_and_varied(tmp_path):
    path = write_demo(tmp_path / "demo.sponsor", "small", today=TODAY)
    report = check_file(path)
    assert report.healthy
    assert report.row_counts["ledger_transaction"] == 300
    assert report.row_counts["household"] == 1
    with Store.open(path) as store:
        volunteers = list_volunteers(store, today=TODAY)
        assert any(any(ord(ch) > 127 for ch in v.full_name) for v in volunteers)
        assert (
            len({v.vetting_status for v in volunteers}) >= 3
        )  # current, expiring, expired or missing
        assert balance(store).currency == "NZD"
        with store.read() as session:
            done = session.scalar(select(func.count()).where(Task.status == TaskStatus.DONE))
            assert 0 < done < report.row_counts["task"]


def test_large_demo_has_the_sizes_of_the_performance_table(tmp_path):
    path = write_demo(tmp_path / "large.sponsor", "large", today=TODAY)
    counts = check_file(path).row_counts
    assert counts["household"] == 4
    assert counts["volunteer"] == 60
    assert counts["ledger_transaction"] == 5000
    assert counts["task"] == 600
