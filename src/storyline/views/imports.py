"""Articles added from the browser: the inputs are written to a private temporary folder and built
into the store by one background thread, the only writer; its progress is kept for a status page."""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

# what a browser may send: the readers' own kinds
ALLOWED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".csv", ".warc", ".gz")
MAX_FILES = 200


class ImportStatus(BaseModel):
    id: str
    state: str  # queued | running | done | failed
    files: list[str]
    read: int
    added: int
    known: int
    duplicates: int
    stories: int | None
    rejected: list[str]
    message: str | None
    started: float
    finished: float | None


@dataclass
class _Job:
    id: str
    folder: Path
    files: list[str]
    state: str = "queued"
    read: int = 0
    added: int = 0
    known: int = 0
    duplicates: int = 0
    stories: int | None = None
    rejected: list[str] = field(default_factory=list)
    message: str | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def status(self) -> ImportStatus:
        return ImportStatus(id=self.id, state=self.state, files=self.files, read=self.read, added=self.added,
                            known=self.known, duplicates=self.duplicates, stories=self.stories,
                            rejected=list(self.rejected), message=self.message, started=self.started,
                            finished=self.finished)


def safe_name(name: str, fallback: str) -> str:
    """A file name from a browser, reduced to its last part and harmless characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._") or fallback
    return base[:100]


class Importer:
    """One background builder per app; jobs run one after another."""

    def __init__(self, db: str, annotate: bool = True):
        self.db = db
        self.annotate = annotate
        self.jobs: dict[str, _Job] = {}
        self._lock = threading.Lock()
        self._run_lock = threading.Lock()

    def submit(self, items: list[tuple[str, bytes]], rejected: list[str]) -> str:
        """Start building ``items`` ((file name, content)); ``rejected``: inputs already refused."""
        job_id = uuid.uuid4().hex[:12]
        folder = Path(tempfile.mkdtemp(prefix="storyline-import-"))
        names = []
        for i, (name, data) in enumerate(items[:MAX_FILES]):
            fname = f"{i:03d}_{safe_name(name, 'pasted.txt')}"
            (folder / fname).write_bytes(data)
            names.append(name)
        job = _Job(job_id, folder, names, rejected=list(rejected))
        if len(items) > MAX_FILES:
            job.rejected.append(f"{len(items) - MAX_FILES} more files: at most {MAX_FILES} per upload")
        with self._lock:
            self.jobs[job_id] = job
        threading.Thread(target=self._run, args=(job,), name=f"import-{job_id}", daemon=True).start()
        return job_id

    def status(self, job_id: str) -> ImportStatus | None:
        job = self.jobs.get(job_id)
        return job.status() if job else None

    def _run(self, job: _Job) -> None:
        from ..engines.local import ingest
        from ..link.pipeline import link
        from ..store import open_store

        with self._run_lock:  # the only writer: one build at a time
            job.state = "running"
            store = None
            try:
                store = open_store(self.db)

                def tick() -> None:
                    job.read += 1

                report = ingest(sorted(job.folder.iterdir()), store, annotate=self.annotate, on_article=tick)
                job.read, job.added, job.known, job.duplicates = report.read, report.added, report.known, report.duplicates
                for r in report.rejected:
                    where = Path(r.source).name
                    where = re.sub(r"^\d{3}_", "", where)
                    job.rejected.append(f"{where}{':' + str(r.line) if r.line is not None else ''}: {r.reason}")
                job.message = "linking across articles"
                linked = link(store)
                job.stories = linked.stories
                job.message = None
                job.state = "done"
            except Exception as exc:  # noqa: BLE001 - shown on the status page, never a traceback
                job.state = "failed"
                job.message = f"{type(exc).__name__}: {exc}"
            finally:
                if store is not None:
                    store.close()
                job.finished = time.time()
                shutil.rmtree(job.folder, ignore_errors=True)


def split_jsonl(text: str) -> tuple[bytes, list[str]]:
    """A pasted JSONL batch: the records that parse, and the lines that do not, with reasons."""
    good, bad = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append(f"pasted JSONL line {n}: not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not (rec.get("text") or rec.get("html")):
            bad.append(f"pasted JSONL line {n}: a record needs a text or html field")
            continue
        good.append(json.dumps(rec, ensure_ascii=False))
    return ("\n".join(good) + "\n").encode() if good else b"", bad
