"""Compare the extraction with hand annotations (gold JSON, see data/gold/GUIDELINE.md).

    >>> result = evaluate(corpus, json.load(open("data/gold/seeds.json")))
    >>> result.scores["quoted"]["f1"]

Measures: `quoted` (article + name of directly quoted people), `people` (quoted
and mentioned together), `quote_counts` (share of found speakers whose number of
quotes matches), `gender` (accuracy over found quoted speakers), `title`,
`places` (article + official name, kinds kommune and fylke), `places_all` (every
kind), `region` and `year` (accuracy where the gold has a value). Names are
compared after folding case, whitespace and diacritics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from kslib.extract.people import normalise_name


def _value(x):
    """A frame cell as a plain Python value, None when missing."""
    import pandas as pd

    return None if x is None or x is pd.NA or (isinstance(x, float) and x != x) else x


@dataclass
class Evaluation:
    scores: dict
    errors: list = field(default_factory=list)  # (file, measure, kind, value)

    def error_table(self):
        import pandas as pd

        return pd.DataFrame(self.errors, columns=["file", "measure", "error", "value"])


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 with their counts (1.0 where nothing was to be found or said)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def accuracy(correct: int, total: int) -> dict:
    return {"accuracy": round(correct / total, 4) if total else 1.0, "correct": correct, "n": total}


def _compare_sets(measure, gold: dict, pred: dict, errors: list) -> dict:
    tp = fp = fn = 0
    for file in gold:
        g, p = gold[file], pred.get(file, set())
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        errors += [(file, measure, "missed", x) for x in sorted(g - p)]
        errors += [(file, measure, "spurious", x) for x in sorted(p - g)]
    return prf(tp, fp, fn)


def evaluate(corpus, gold: list[dict]) -> Evaluation:
    """Score `corpus` against `gold` (a list of per-article annotations)."""
    articles = corpus.articles.assign(base=corpus.articles["file"].map(lambda f: PurePosixPath(f).name))
    by_file = dict(zip(articles["base"], articles["article_id"]))
    gold = [g for g in gold if g["file"] in by_file]
    errors: list = []
    scores: dict = {}
    people = corpus.people
    aid_to_file = {v: k for k, v in by_file.items()}
    files = [g["file"] for g in gold]

    def pred_names(frame):
        out: dict[str, set] = {f: set() for f in files}
        for aid, name in zip(frame["article_id"], frame["name"]):
            f = aid_to_file.get(aid)
            if f in out:
                out[f].add(normalise_name(name))
        return out

    gold_quoted = {g["file"]: {normalise_name(q["name"]) for q in g["quoted"]} for g in gold}
    gold_people = {g["file"]: gold_quoted[g["file"]] | {normalise_name(m["name"]) for m in g["mentioned"]}
                   for g in gold}
    quoted = people[people["quoted"].fillna(False).astype(bool)]
    scores["quoted"] = _compare_sets("quoted", gold_quoted, pred_names(quoted), errors)
    scores["people"] = _compare_sets("people", gold_people, pred_names(people), errors)

    # quote counts and gender over correctly found speakers
    found = {(aid_to_file.get(a), normalise_name(n)): (q, gen)
             for a, n, q, gen in zip(quoted["article_id"], quoted["name"], quoted["n_quotes"], quoted["gender"])}
    same_count = n_found = g_ok = g_n = 0
    for g in gold:
        for q in g["quoted"]:
            key = (g["file"], normalise_name(q["name"]))
            if key not in found:
                continue
            n_quotes, gender = found[key]
            n_found += 1
            if int(n_quotes) == int(q.get("quotes") or 0):
                same_count += 1
            else:
                errors.append((g["file"], "quote_counts", f"{n_quotes} for gold {q.get('quotes')}", q["name"]))
            if q.get("gender"):
                g_n += 1
                if str(gender) == q["gender"]:
                    g_ok += 1
                else:
                    errors.append((g["file"], "gender", f"{gender} for gold {q['gender']}", q["name"]))
    scores["quote_counts"] = accuracy(same_count, n_found)
    scores["gender"] = accuracy(g_ok, g_n)

    titles = dict(zip(articles["base"], articles["title"]))
    ok = 0
    for g in gold:
        pred = _value(titles.get(g["file"]))
        if (pred or None) == (g.get("title") or None):
            ok += 1
        else:
            errors.append((g["file"], "title", f"got {pred!r}", g.get("title")))
    scores["title"] = accuracy(ok, len(gold))

    if corpus.places is not None and len(corpus.places):
        _score_places(corpus, gold, aid_to_file, files, scores, errors)
    _score_article_field(articles, gold, "region", scores, errors)
    _score_article_field(articles, gold, "year", scores, errors)
    return Evaluation(scores, errors)


def _score_places(corpus, gold, aid_to_file, files, scores, errors) -> None:
    places = corpus.places
    pred_all: dict[str, set] = {f: set() for f in files}
    pred_kf: dict[str, set] = {f: set() for f in files}
    for aid, name, kind in zip(places["article_id"], places["name"], places["kind"]):
        f = aid_to_file.get(aid)
        if f in pred_all and _value(name) is not None:
            pred_all[f].add(normalise_name(str(name)))
            if kind in ("kommune", "fylke"):
                pred_kf[f].add(normalise_name(str(name)))
    gold_all = {g["file"]: {normalise_name(p["name"]) for p in g.get("places", [])} for g in gold}
    gold_kf = {g["file"]: {normalise_name(p["name"]) for p in g.get("places", []) if p["kind"] in ("kommune", "fylke")}
               for g in gold}
    scores["places"] = _compare_sets("places", gold_kf, pred_kf, errors)
    scores["places_all"] = _compare_sets("places_all", gold_all, pred_all, [])


def _score_article_field(articles, gold, column, scores, errors) -> None:
    if column not in articles.columns or articles[column].isna().all():
        return
    values = dict(zip(articles["base"], articles[column]))
    ok = n = 0
    for g in gold:
        if g.get(column) is None:
            continue
        n += 1
        pred = _value(values.get(g["file"]))
        if pred is not None and str(pred) == str(g[column]):
            ok += 1
        else:
            errors.append((g["file"], column, f"got {pred}", g[column]))
    scores[column] = accuracy(ok, n)


def format_scores(scores: dict) -> str:
    """The scores as an aligned text table."""
    lines = [f"{'measure':<14}{'precision':>10}{'recall':>8}{'f1':>8}{'accuracy':>10}   counts"]
    for name, s in scores.items():
        if "f1" in s:
            lines.append(f"{name:<14}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{'':>10}   "
                         f"tp {s['tp']}, fp {s['fp']}, fn {s['fn']}")
        else:
            lines.append(f"{name:<14}{'':>10}{'':>8}{'':>8}{s['accuracy']:>10.3f}   {s['correct']} of {s['n']}")
    return "\n".join(lines)


def format_errors(errors: list) -> str:
    lines = ["", "Disagreements:"]
    current = None
    for file, measure, kind, value in sorted(errors, key=lambda e: (e[0], e[1])):
        if file != current:
            lines.append(f"  {file}")
            current = file
        lines.append(f"    {measure:<13} {kind}: {value}")
    return "\n".join(lines)


def evaluate_file(corpus, gold_path) -> Evaluation | None:
    """`evaluate` with a gold file; None when no gold article is in the corpus."""
    import json
    from pathlib import Path

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    names = {PurePosixPath(f).name for f in corpus.articles["file"]}
    if not any(g["file"] in names for g in gold):
        return None
    return evaluate(corpus, gold)


def score_table(result: Evaluation):
    """One row per measure: `measure`, `score` (F1 or accuracy), `kind`, and the counts."""
    import pandas as pd

    rows = []
    for name, s in result.scores.items():
        if "f1" in s:
            rows.append((name, s["f1"], "F1", s["precision"], s["recall"], f"tp {s['tp']}, fp {s['fp']}, fn {s['fn']}"))
        else:
            rows.append((name, s["accuracy"], "treffsikkerhet", None, None, f"{s['correct']} av {s['n']}"))
    return pd.DataFrame(rows, columns=["measure", "score", "kind", "precision", "recall", "counts"])
