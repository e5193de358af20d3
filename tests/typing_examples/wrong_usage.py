"""Mistakes the type checker must catch (never run).

``tests/test_typing.py`` type-checks this file and expects exactly the errors
marked ``# error: [code]``, on exactly those lines: proof that the check can fail.
"""

from __future__ import annotations

from pathlib import Path

import convert
from convert import run


def mistakes(path: Path) -> None:
    doc = convert.read(path)
    convert.write(doc, 42)  # error: [arg-type]
    convert.read(path, format=convert.ReadOptions())  # error: [arg-type]
    doc.headline.upper()  # error: [union-attr]
    doc.headline = "changed"  # error: [misc]
    convert.Document(headline="no id")  # error: [call-arg]
    convert.Note(("Erratum",), "erratum")  # error: [arg-type]
    convert.validate([path], strict="yes")  # error: [arg-type]
    convert.validate([path], schemas="iptc")  # error: [call-arg]
    run.convert_many([str(path)], ["json"], "out", executor="spark")  # error: [arg-type]
    convert.render(doc)  # error: [attr-defined]
