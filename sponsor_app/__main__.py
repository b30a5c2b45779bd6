"""Entry point: `sponsor-app COMMAND ...` runs the command line, `sponsor-app [FILE]` the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--self-test"]:  # before any clean-up: it must touch none of the user's folders
        from .selftest import run as self_test

        return self_test()
    from .cli import is_command_line, run

    if is_command_line(argv):
        return run(argv)
    from .qt_check import main as window_can_start

    if (problem := window_can_start()) != 0:  # one sentence, not Qt's abort
        return problem
    from .ui.app import run_window

    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main())
