"""Clean exits: SIGTERM ends a run like Ctrl-C, and worker processes never outlive it.

`graceful_exit` turns SIGTERM into `KeyboardInterrupt` in the main process, so every
`finally` runs: worker processes are ended and the spool folders in `/dev/shm`
removed. Workers ask the kernel to end them when their parent dies (Linux's
`PR_SET_PDEATHSIG`), which covers `kill -9` of the parent too; spool folders left by
a parent that died so are swept by the next run (`sweep_spools`).
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

#: Spool folders are named `kslib-<pid>-<random>` and hold this mark.
SPOOL_MARK = ".kslib-spool"


@contextmanager
def graceful_exit():
    """While inside, SIGTERM raises `KeyboardInterrupt` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    old = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def die_with_parent() -> None:
    """In a worker process: the kernel sends SIGTERM when the parent dies (Linux; elsewhere
    nothing), and SIGTERM has its default meaning again (the parent's handler is inherited)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def pid_alive(pid: int) -> bool:
    """True while a process `pid` exists (one of another user counts too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def sweep_spools(folder: Path) -> int:
    """Remove spool folders in `folder` whose process has died; returns how many."""
    n = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        parts = entry.name.split("-")
        if len(parts) < 3 or parts[0] != "kslib" or not parts[1].isdigit():
            continue
        if not os.path.isfile(os.path.join(entry.path, SPOOL_MARK)) or pid_alive(int(parts[1])):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        n += 1
    return n
