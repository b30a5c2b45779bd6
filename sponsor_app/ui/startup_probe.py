"""For `make bench`: with SPONSOR_DESK_STARTUP_PROBE set, the window prints "ready" once its
dashboard is populated and painted, then closes as a person would (saving the dashboard for
the next start). It is how the start of `sponsor-app FILE` and of the built app are timed as
whole processes, the same way; nothing else in the app reads the variable.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer

VARIABLE = "SPONSOR_DESK_STARTUP_PROBE"


def wanted() -> bool:
    return bool(os.environ.get(VARIABLE))


def watch(app, window) -> None:
    state = {"ready": False}

    def check() -> None:
        if not state["ready"]:
            if window.dashboard.overdue.model.rowCount() == 0:
                return
            window.repaint()  # populated and painted
            print("ready", flush=True)
            state["ready"] = True
        if window.context.is_open:  # let the file open, then close it
            timer.stop()
            window.close()
            app.quit()

    timer = QTimer(window)
    timer.timeout.connect(check)
    timer.start(0)
    # Now, not only from the timer: a saved dashboard is already painted (window.start), and
    # the file's opening, queued before this timer, blocks the event loop for the whole
    # import of the database code. Waiting for the timer timed that too.
    check()
