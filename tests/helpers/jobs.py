"""Work that runs beside the tests: the edition builds and the tests marked @background.

Most of a run's time goes to subprocesses (MkDocs builds of the project and of broken copies of it,
the fast check, `mkdocs serve`) and to Chromium, and the browser tests keep one of the two cores
busy at most. So tests/conftest.py plans the slow, self-contained work when the run starts, in
order of need (the editions first), and one worker thread runs it while the tests in the
foreground go on; a test or fixture that needs a result waits for it. A job nobody planned, or
one still waiting its turn when it is needed, runs at once in the thread that asks for it, so a
single test run alone (`pytest -k ...`) behaves as before.

With pytest-xdist (`make test` runs `-n 2`) each process has its own JOBS: it still builds the
editions in the background, and once_per_run makes the two share them (the first to start one
builds it; the other waits for it and reads its record). Tests marked @background run where they
are scheduled, in the foreground: each process collects every test but runs only those it is sent.

A @background test's body runs as a job: it may take only tmp_path, its parameters and session
fixtures (never the browser: Playwright's objects belong to the thread that made them). Its
failure is raised again in the foreground, where pytest reports it as usual.
"""
from __future__ import annotations

import fcntl
import heapq
import itertools
import json
import os
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

WORKERS = int(os.environ.get("TEST_BACKGROUND_WORKERS", "1"))    # 0: everything runs in the foreground


@dataclass
class _Job:
    fn: Callable[[], Any]
    state: str = "queued"              # queued, running, done
    done: threading.Event = field(default_factory=threading.Event)
    value: Any = None
    error: BaseException | None = None


class Jobs:
    def __init__(self, workers: int = WORKERS):
        self._lock = threading.Lock()
        self._jobs: dict[str, _Job] = {}
        self._queue: list[tuple[int, int, str]] = []
        self._count = itertools.count()
        self._wanted, self._threads = workers, []
        self._closed = False

    def plan(self, key: str, fn: Callable[[], Any], priority: int) -> None:
        """Run `fn` in the background, lower priority first, unless `key` is already known."""
        with self._lock:
            if key in self._jobs or self._closed:
                return
            self._jobs[key] = _Job(fn)
            heapq.heappush(self._queue, (priority, next(self._count), key))
            if len(self._threads) < self._wanted:
                thread = threading.Thread(target=self._work, name=f"background-{len(self._threads)}", daemon=True)
                self._threads.append(thread)
                thread.start()

    def planned(self, key: str) -> bool:
        return key in self._jobs

    def result(self, key: str, fn: Callable[[], Any] | None = None) -> Any:
        """The job's value (its exception raised again); run here if it has not started (`fn` if unplanned)."""
        with self._lock:
            job = self._jobs.get(key)
            if job is None:
                if fn is None:
                    raise KeyError(f"no job {key!r} was planned")
                job = self._jobs[key] = _Job(fn, state="running")
                mine = True
            else:
                mine = job.state == "queued"
                if mine:
                    job.state = "running"
        if mine:
            self._run(job)
        job.done.wait()
        if job.error is not None:
            raise job.error
        return job.value

    def close(self) -> None:
        """Drop what has not started; wait for what has."""
        with self._lock:
            self._closed = True
            self._queue.clear()
        for thread in list(self._threads):
            thread.join()

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._threads.remove(threading.current_thread())
                    return
                _, _, key = heapq.heappop(self._queue)
                job = self._jobs[key]
                if job.state != "queued":
                    continue
                job.state = "running"
            self._run(job)

    @staticmethod
    def _run(job: _Job) -> None:
        try:
            job.value = job.fn()
        except BaseException as error:        # noqa: BLE001 (raised again where the result is asked for)
            job.error = error
        finally:
            job.state = "done"
            job.done.set()


JOBS = Jobs()
_ONCE: dict[str, tuple[threading.Lock, list]] = {}
_ONCE_LOCK = threading.Lock()


def once(key: str, make: Callable[[], Any]) -> Any:
    """`make()` the first time `key` is asked for in this run, by whichever thread asks first; the
    others wait for it (a shared input of several background tests, such as a copy of the project)."""
    with _ONCE_LOCK:
        lock, box = _ONCE.setdefault(key, (threading.Lock(), []))
    with lock:
        if not box:
            box.append(make())
        return box[0]


def background(test):
    """Mark a test whose whole body may run in the background (see the module docstring)."""
    test.background = True
    return test


def once_per_run(folder: Path, key: str, make: Callable[[Path], tuple[subprocess.CompletedProcess, Any]]):
    """`make(work)` once for all the processes of a run (pytest-xdist's workers share `folder`): the
    first to ask runs it in `folder/key` and records its result; the others wait on the lock and
    read the record. `make` returns (the finished process, a Path or a dict of Paths)."""
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / f"{key}.json"
    with open(folder / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)             # released when the file closes, or the process ends
        if not record.exists():
            work = folder / key
            work.mkdir()
            result, value = make(work)
            saved = {"args": result.args, "returncode": result.returncode, "stdout": result.stdout,
                     "stderr": result.stderr,
                     "value": {k: str(v) for k, v in value.items()} if isinstance(value, dict) else str(value)}
            record.write_text(json.dumps(saved), encoding="utf-8")
        saved = json.loads(record.read_text(encoding="utf-8"))
    result = subprocess.CompletedProcess(saved["args"], saved["returncode"], saved["stdout"], saved["stderr"])
    value = saved["value"]
    return result, ({k: Path(v) for k, v in value.items()} if isinstance(value, dict) else Path(value))
