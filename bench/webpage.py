"""Web page reader quality on trafilatura's own evaluation pages, trafilatura alone beside it.

    git archive HEAD tests/eval tests/cache tests/evaldata.json | tar -x -C /tmp/trafeval
    python bench/webpage.py /tmp/trafeval/tests          # (from a trafilatura checkout)

trafilatura's repository ships ~1,000 saved pages (``tests/eval``, ``tests/cache``)
with its maintainers' annotations (``tests/evaldata.json``): text segments the main
text must contain (``with``) and must not (``without``) for every page, and title,
author and date for most.  This script reads each page with ``newsconvert``'s
``webpage`` reader (``convert.api.read``, the path ``newsconvert convert page.html``
takes) and scores the Document: headline = title, bylines joined with ``; `` =
author, ``published`` = date, and the body's plain text for the segments, the way
trafilatura's own ``evaluate.py`` scores text.  The yardstick, run in the same call
on the same pages: trafilatura alone (``bare_extraction``: its text and metadata),
so the difference is what reading into the model costs or gains.  Note that trafilatura was developed against these very
pages: these figures are not a measure on unseen pages.  Prints figures; asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def score_text(text: str, item: dict[str, object], counts: Counter[str]) -> None:
    body = norm(text)
    for segment in item["with"]:  # type: ignore[attr-defined]
        counts["tp" if norm(segment) in body else "fn"] += 1
    for segment in item["without"]:  # type: ignore[attr-defined]
        counts["fp" if norm(segment) in body else "tn"] += 1


def figures(counts: Counter[str]) -> str:
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("tests", type=Path, help="trafilatura's tests/ folder (eval, cache, "
                        "evaldata.json)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()

    import trafilatura

    from convert import api
    from convert.errors import ConvertError
    from convert.model import body_text
    from convert.options import ReadOptions

    evaldata = json.loads((args.tests / "evaldata.json").read_text("utf-8"))
    items = list(evaldata.values())[: args.limit or None]
    ours, theirs = Counter[str](), Counter[str]()
    meta = {name: Counter[str]() for name in ("headline", "author", "date")}
    refused: Counter[str] = Counter()
    tracebacks = 0
    detected: Counter[str] = Counter()
    elapsed = {"newsconvert": 0.0, "trafilatura": 0.0}
    for item in items:
        path = next((args.tests / sub / item["file"] for sub in ("eval", "cache")
                     if (args.tests / sub / item["file"]).is_file()), None)
        if path is None:
            continue
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            doc = api.read(data, None, ReadOptions(source_name=path.name))
        except ConvertError as error:
            refused[error.code or "error"] += 1
            doc = None
        except Exception:  # noqa: BLE001 - counted: the reader must never raise these
            tracebacks += 1
            traceback.print_exc()
            doc = None
        elapsed["newsconvert"] += time.perf_counter() - start
        if doc is not None:
            detected[doc.provenance.format] += 1
        score_text(body_text(doc.body) if doc else "", item, ours)
        start = time.perf_counter()
        alone = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                            include_tables=True, output_format="python")
        elapsed["trafilatura"] += time.perf_counter() - start
        score_text((alone.text if alone else "") or "", item, theirs)
        if "title" in item:
            found = {"headline": doc.headline if doc else None,
                     "author": "; ".join(b.name for b in doc.bylines) if doc else None,
                     # the annotation gives the day; published may add the page's time
                     "date": (doc.published or "")[:10] if doc else None}
            yardstick = {"headline": alone.title if alone else None,
                         "author": alone.author if alone else None,
                         "date": alone.date if alone else None}
            gold = {"headline": item.get("title"), "date": item.get("date"),
                    "author": "; ".join(item["author"]) if isinstance(item.get("author"), list)
                    else item.get("author")}
            for name, counter in meta.items():
                counter["pages"] += 1
                counter["agree"] += norm(found[name]) == norm(gold[name])
                counter["alone"] += norm(yardstick[name]) == norm(gold[name])

    print(f"pages: {len(items)}; read as: {dict(detected)}; refused: {dict(refused)}; "
          f"tracebacks: {tracebacks}")
    print(f"main text, newsconvert webpage reader : {figures(ours)}")
    print(f"main text, trafilatura extract alone  : {figures(theirs)}")
    for name, counter in meta.items():
        pages = max(1, counter["pages"])
        print(f"{name:<8} agrees with the annotation on {counter['agree']} of "
              f"{counter['pages']} pages ({counter['agree'] / pages:.1%}); trafilatura alone "
              f"{counter['alone']} ({counter['alone'] / pages:.1%})")
    print(f"time: newsconvert {elapsed['newsconvert']:.1f} s, trafilatura alone "
          f"{elapsed['trafilatura']:.1f} s, ratio "
          f"{elapsed['newsconvert'] / max(1e-9, elapsed['trafilatura']):.2f}")


if __name__ == "__main__":
    main()
