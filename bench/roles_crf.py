"""Header roles: the hand-weighted scorer (Viterbi) against a linear-chain CRF trained here.

    pip install python-crfsuite
    python bench/roles_crf.py

Both see the same header-zone units and the same features
(:func:`convert.textparse.roles.features`; the CRF also sees the previous and
next unit's features).  The CRF is trained on ``../shared/corpus/dev`` and
``fixtures/unseen`` (never ``fixtures/blind``), with each unit's role taken
from the gold annotation: the headline, the subheadline, a unit naming a gold
byline, the body from the unit holding the first paragraph on, anything else
``other``.  Both are then scored on the real texts (BBC and
``thirdparty/text``, expected values from ``tests/readers/test_text_real.py``):
is the unit labelled headline the expected headline (or is there none when the
file has no title line), and does the body start where expected.  The
hand weights were tuned on the same annotated sets and looked at the real texts
too, so this compares how two models fitted to the same data carry over; it is
not a blind score.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from convert.options import ReadOptions  # noqa: E402
from convert.textparse.layout import wrap_width  # noqa: E402
from convert.textparse.pipeline import STEPS, new_state  # noqa: E402
from convert.textparse.roles import HeaderLine, decide_roles, features  # noqa: E402
from convert.textparse.steps.header import unit_text, zone_units  # noqa: E402
from tests.support.corpus import expected  # noqa: E402
from tests.readers.test_text_real import real_files  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev"
UNSEEN = ROOT / "fixtures" / "unseen"


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def header_lines(path: Path) -> list[HeaderLine] | None:
    """The header-zone units of ``path`` as the scorer sees them (None: no zone)."""
    state = new_state(path.read_bytes(), ReadOptions(source_name=path.name))
    try:
        for name, step in STEPS:
            step(state)
            if name == "blocks":
                break
    except Exception:  # a refused input has no header to label
        return None
    if state.meta.headline is not None:
        return None  # front matter named the headline: no roles decided
    width = wrap_width(state.chunks)
    units = zone_units(state.chunks, width)
    return [HeaderLine(unit[0][1].number, unit_text(unit)) for unit in units] or None


def gold_labels(lines: list[HeaderLine], gold: dict) -> list[str]:
    labels: list[str] = []
    in_body = False
    first = norm(gold["first_paragraph_starts"])[:30]
    for line in lines:
        text = norm(line.text)
        if not in_body and first and first in text:
            in_body = True
        if in_body:
            labels.append("body")
        elif gold["headline"] and text.lstrip("# ") == norm(gold["headline"]):
            labels.append("headline")
        elif gold["subheadline"] and text.lstrip("# ") == norm(gold["subheadline"]):
            labels.append("standfirst")
        elif any(norm(name) in text for name in gold["bylines"]):
            labels.append("byline")
        else:
            labels.append("other")
    return labels


def item(lines: list[HeaderLine], index: int) -> dict[str, float]:
    found = {name: value for name, value in features(lines[index], index).items()}
    for offset, prefix in ((-1, "prev:"), (1, "next:")):
        if 0 <= index + offset < len(lines):
            found.update({prefix + name: value for name, value in
                          features(lines[index + offset], index + offset).items()})
        else:
            found[prefix + "none"] = 1.0
    return found


def right(labels: list[str], lines: list[HeaderLine], headline: str | None,
          first_starts: str) -> tuple[bool, bool]:
    chosen = [line.text for line, label in zip(lines, labels) if label == "headline"]
    headline_right = (norm(chosen[0]).lstrip("# ") if chosen else None) == (
        norm(headline) or None)
    body = [line.text for line, label in zip(lines, labels) if label == "body"]
    body_right = not first_starts or bool(body) and norm(first_starts)[:25] in norm(body[0])
    return headline_right, body_right


def main() -> None:
    import pycrfsuite

    train = [p for p in [*sorted(DEV.glob("*.txt")), *sorted(UNSEEN.glob("*.txt"))]
             if expected(p)["expect"] != "error"]
    trainer = pycrfsuite.Trainer(verbose=False)
    trained = 0
    for path in train:
        lines = header_lines(path)
        if lines:
            trainer.append([item(lines, i) for i in range(len(lines))],
                           gold_labels(lines, expected(path)))
            trained += 1
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 200})
    with tempfile.TemporaryDirectory() as folder:
        model = str(Path(folder) / "roles.crfsuite")
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        scores = {"hand-weighted + Viterbi": [0, 0], "CRF": [0, 0]}
        files = real_files()
        for path, want in files:
            lines = header_lines(path)
            if not lines:
                continue
            hand = [d.role for d in decide_roles(lines)]
            crf = tagger.tag([item(lines, i) for i in range(len(lines))])
            for name, labels in (("hand-weighted + Viterbi", hand), ("CRF", crf)):
                headline_ok, body_ok = right(labels, lines, want.headline, want.first_starts)
                scores[name][0] += headline_ok
                scores[name][1] += body_ok
    print(f"trained on {trained} annotated headers (dev + unseen); tested on {len(files)} "
          f"real texts")
    for name, (headlines, bodies) in scores.items():
        print(f"  {name:<24} headline right {headlines}/{len(files)}, "
              f"body start right {bodies}/{len(files)}")


if __name__ == "__main__":
    main()
