"""tests/services mirrors sponsor_app/services module by module (issue 21 item 10).

Every module under sponsor_app/services/<package>/<module>.py has its own test module at
tests/services/<package>/test_<module>.py, so a reader looking for a module's tests finds them in
one place, and a new module written without tests fails here rather than going unnoticed."""

from pathlib import Path

import sponsor_app.services

SERVICES = Path(sponsor_app.services.__file__).parent
TESTS = Path(__file__).parent


def mirror_of(module: Path) -> Path:
    """Where a services module's tests live: the same folders, the name with test_ before it."""
    relative = module.relative_to(SERVICES)
    return TESTS / relative.parent / f"test_{relative.name}"


def services_modules() -> list[Path]:
    return sorted(p for p in SERVICES.rglob("*.py") if p.name != "__init__.py")


def test_every_services_module_has_its_own_test_module():
    missing = [
        str(m.relative_to(SERVICES.parent.parent))
        for m in services_modules()
        if not mirror_of(m).is_file()
    ]
    assert missing == [], "services modules without tests/services/<package>/test_<module>.py"


def test_every_test_folder_is_a_package_like_its_services_package():
    # a folder without __init__.py makes pytest import its test modules under bare names, and two
    # test_<module>.py of one name in different packages (say test_rules.py) would then clash
    folders = {mirror_of(m).parent for m in services_modules()}
    assert [str(f) for f in sorted(folders) if not (f / "__init__.py").is_file()] == []


def test_the_mirror_is_read_from_the_real_tree():
    # the checks above would pass on an empty list: make sure they looked at the services
    modules = services_modules()
    assert len(modules) > 40
    assert mirror_of(SERVICES / "plan" / "calendar.py") == TESTS / "plan" / "test_calendar.py"
    assert mirror_of(SERVICES / "results.py") == TESTS / "test_results.py"
