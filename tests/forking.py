"""Real processes to kill -9, without importing the app once per process.

A `Forker` is one Python process that runs a prelude (imports and a `work(*args)` function)
once, then forks a fresh process for each `start`: the test kills or waits for that process as
for any other. Starting the app's imports for each of 30 killed processes cost the suite about
two minutes; a fork costs milliseconds and the process it makes is just as real.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PARENT = r"""
import json, os, sys, traceback
exec(sys.argv[1])
print("ready", flush=True)
for line in sys.stdin:
    request = json.loads(line)
    if request["do"] == "wait":
        _, status = os.waitpid(request["pid"], 0)
        print("ended", os.waitstatus_to_exitcode(status), flush=True)
        continue
    child = os.fork()
    if child == 0:
        output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(output, 1)
        os.dup2(output, 2)
        code = 0
        try:
            code = work(*request["args"]) or 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 70
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    print("pid", child, flush=True)
"""


class Forker:
    """`with Forker(prelude) as forker:` then `start`, `wait_for_line`, `kill`, `wait`."""

    def __init__(self, prelude: str, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.outputs: dict[int, Path] = {}
        self._made = 0
        self.parent = subprocess.Popen(
            [sys.executable, "-c", PARENT, prelude],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        assert self._reply() == ["ready"]

    def __enter__(self) -> Forker:
        return self

    def __exit__(self, *exc) -> None:
        self.parent.stdin.close()
        self.parent.wait(timeout=60)
        self.parent.stdout.close()

    def _reply(self) -> list[str]:
        line = self.parent.stdout.readline()
        assert line, "the forking process stopped"
        return line.split()

    def _ask(self, request: dict) -> list[str]:
        self.parent.stdin.write(json.dumps(request) + "\n")
        self.parent.stdin.flush()
        return self._reply()

    def start(self, *args: str) -> int:
        """A new process running `work(*args)`; its pid."""
        self._made += 1
        output = self.folder / f"forked-{self._made}.out"
        word, pid = self._ask({"do": "start", "args": list(args), "output": str(output)})
        assert word == "pid"
        self.outputs[int(pid)] = output
        return int(pid)

    def output(self, pid: int) -> str:
        path = self.outputs[pid]
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def wait_for_line(self, pid: int, line: str, timeout: float = 60) -> None:
        """Until the process has printed `line` (its output goes to a file of its own)."""
        deadline = time.monotonic() + timeout
        while line not in self.output(pid).splitlines():
            assert time.monotonic() < deadline, f"{pid} never printed {line!r}"
            time.sleep(0.002)

    def wait(self, pid: int) -> int:
        """The process's exit code once it ended (-9 when killed)."""
        word, code = self._ask({"do": "wait", "pid": pid})
        assert word == "ended"
        return int(code)

    def kill(self, pid: int) -> int:
        with contextlib.suppress(ProcessLookupError):  # it ended on its own
            os.kill(pid, signal.SIGKILL)
        return self.wait(pid)
