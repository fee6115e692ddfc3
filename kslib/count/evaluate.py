"""Compare the extraction with hand annotations (gold JSON, see data/gold/GUIDELINE.md).

    >>> result = evaluate(corpus, json.load(open("data/gold/seeds.json")))
    >>> result.scores["quoted"]["f1"]

Measures: `quoted` (article + name of directly quoted people), `people` (quoted
and mentioned together), `quote_counts` (share of found speakers whose number of
quotes matches), `gender` (accuracy over found quoted speakers), `role` (the role as written,
over the people found that the gold or kslib gives one), `title`,
`places` (article + official name, kinds kommune and fylke), `places_all` (every
kind), `region` and `year` (accuracy where the gold has a value), and, so that a
value given where the text does not tell is not free, `year_precision` and
`region_precision` (right among the values kslib gives; a value where the gold has none
counts as wrong) and `year_coverage` and `region_coverage` (gold values found). Names
are compared after folding case, whitespace and diacritics. Only articles with a hand
annotation are scored; `per_file` keeps each article's counts, so `bootstrap` can give
a 95 % interval by resampling articles.
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
    #: measure -> {file: (tp, fp, fn)} for set measures, (correct, n) for accuracies
    per_file: dict = field(default_factory=dict)

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


def _compare_sets(measure, gold: dict, pred: dict, errors: list, per_file: dict | None = None) -> dict:
    tp = fp = fn = 0
    for file in gold:
        g, p = gold[file], pred.get(file, set())
        if per_file is not None:
            per_file.setdefault(measure, {})[file] = (len(g & p), len(p - g), len(g - p))
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
    per: dict = {}
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
    scores["quoted"] = _compare_sets("quoted", gold_quoted, pred_names(quoted), errors, per)
    scores["people"] = _compare_sets("people", gold_people, pred_names(people), errors, per)

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
            right = int(int(n_quotes) == int(q.get("quotes") or 0))
            _tally(per, "quote_counts", g["file"], right)
            if right:
                same_count += 1
            else:
                errors.append((g["file"], "quote_counts", f"{n_quotes} for gold {q.get('quotes')}", q["name"]))
            if q.get("gender"):
                g_n += 1
                _tally(per, "gender", g["file"], str(gender) == q["gender"])
                if str(gender) == q["gender"]:
                    g_ok += 1
                else:
                    errors.append((g["file"], "gender", f"{gender} for gold {q['gender']}", q["name"]))
    scores["quote_counts"] = accuracy(same_count, n_found)
    scores["gender"] = accuracy(g_ok, g_n)

    _score_roles(people, gold, aid_to_file, scores, errors, per)
    titles = dict(zip(articles["base"], articles["title"]))
    ok = 0
    for g in gold:
        pred = _value(titles.get(g["file"]))
        _tally(per, "title", g["file"], (pred or None) == (g.get("title") or None))
        if (pred or None) == (g.get("title") or None):
            ok += 1
        else:
            errors.append((g["file"], "title", f"got {pred!r}", g.get("title")))
    scores["title"] = accuracy(ok, len(gold))

    if corpus.places is not None and len(corpus.places):
        _score_places(corpus, gold, aid_to_file, files, scores, errors, per)
    _score_article_field(articles, gold, "region", scores, errors, per)
    _score_article_field(articles, gold, "year", scores, errors, per)
    return Evaluation(scores, errors, per)


def _score_roles(people, gold, aid_to_file, scores, errors, per) -> None:
    """`role`: over the people found whose role the gold or kslib gives, the share whose role
    kslib writes as the gold does (case and spaces folded; `KS' styreleder` for `styreleder i KS`
    counts as wrong: the role as written nearest the name is the contract)."""
    found = {(aid_to_file.get(a), normalise_name(n)): _value(r)
             for a, n, r in zip(people["article_id"], people["name"], people["role"])}
    ok = n = 0
    for g in gold:
        for person in g["quoted"] + g["mentioned"]:
            key = (g["file"], normalise_name(person["name"]))
            if key not in found or not (person.get("role") or found[key]):
                continue
            want, got = " ".join((person.get("role") or "").lower().split()), " ".join((found[key] or "").lower().split())
            n += 1
            _tally(per, "role", g["file"], want == got)
            if want == got:
                ok += 1
            else:
                errors.append((g["file"], "role", f"got {found[key]!r} for gold {person.get('role')!r}", person["name"]))
    scores["role"] = accuracy(ok, n)


def _tally(per: dict, measure: str, file: str, right) -> None:
    correct, n = per.setdefault(measure, {}).get(file, (0, 0))
    per[measure][file] = (correct + int(bool(right)), n + 1)


def _score_places(corpus, gold, aid_to_file, files, scores, errors, per) -> None:
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
    scores["places"] = _compare_sets("places", gold_kf, pred_kf, errors, per)
    scores["places_all"] = _compare_sets("places_all", gold_all, pred_all, [], per)


def _score_article_field(articles, gold, column, scores, errors, per) -> None:
    """Accuracy where the gold has a value; precision (right among the values given, a value
    where the gold has none is wrong) and coverage (gold values found)."""
    if column not in articles.columns or articles[column].isna().all():
        return
    values = dict(zip(articles["base"], articles[column]))
    ok = n = given = given_ok = 0
    for g in gold:
        pred = _value(values.get(g["file"]))
        truth = g.get(column)
        right = pred is not None and truth is not None and str(pred) == str(truth)
        if pred is not None:
            given += 1
            given_ok += right
            _tally(per, f"{column}_precision", g["file"], right)
            if truth is None:
                errors.append((g["file"], f"{column}_precision", f"gave {pred}", "the text does not tell"))
        if truth is None:
            continue
        n += 1
        _tally(per, column, g["file"], right)
        _tally(per, f"{column}_coverage", g["file"], right)
        if right:
            ok += 1
        else:
            errors.append((g["file"], column, f"got {pred}", truth))
    scores[column] = accuracy(ok, n)
    scores[f"{column}_precision"] = accuracy(given_ok, given)
    scores[f"{column}_coverage"] = accuracy(ok, n)


def bootstrap(result: Evaluation, measure: str, *, n_boot: int = 1000, seed: int = 0) -> tuple[float, float]:
    """A 95 % interval for a score by resampling the annotated articles (percentile bootstrap)."""
    import numpy as np

    rows = list(result.per_file.get(measure, {}).values())
    if not rows:
        return (float("nan"), float("nan"))
    counts = np.array([r + (0,) * (3 - len(r)) for r in rows], dtype=float)
    picks = np.random.default_rng(seed).integers(0, len(counts), size=(n_boot, len(counts)))
    sums = counts[picks].sum(axis=1)
    if "f1" in result.scores[measure]:
        tp, fp, fn = sums[:, 0], sums[:, 1], sums[:, 2]
        with np.errstate(invalid="ignore", divide="ignore"):
            p = np.where(tp + fp > 0, tp / (tp + fp), 1.0)
            r = np.where(tp + fn > 0, tp / (tp + fn), 1.0)
            values = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    else:
        with np.errstate(invalid="ignore", divide="ignore"):
            values = np.where(sums[:, 1] > 0, sums[:, 0] / sums[:, 1], 1.0)
    low, high = np.percentile(values, [2.5, 97.5])
    return (round(float(low), 4), round(float(high), 4))


def format_scores(result) -> str:
    """The scores as an aligned text table, with the 95 % interval and the articles each rests on
    (`result` an Evaluation; a plain scores dict gives the table without intervals)."""
    scores = result.scores if isinstance(result, Evaluation) else result
    lines = [f"{'measure':<18}{'precision':>10}{'recall':>8}{'f1':>8}{'accuracy':>10}{'95 % interval':>16}"
             f"{'articles':>10}   counts"]
    for name, s in scores.items():
        if isinstance(result, Evaluation):
            low, high = bootstrap(result, name)
            interval, n = f"{low:.2f}-{high:.2f}", str(len(result.per_file.get(name, {})))
        else:
            interval = n = ""
        if "f1" in s:
            lines.append(f"{name:<18}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{'':>10}{interval:>16}"
                         f"{n:>10}   tp {s['tp']}, fp {s['fp']}, fn {s['fn']}")
        else:
            lines.append(f"{name:<18}{'':>10}{'':>8}{'':>8}{s['accuracy']:>10.3f}{interval:>16}{n:>10}   "
                         f"{s['correct']} of {s['n']}")
    return "\n".join(lines)


def format_errors(errors: list) -> str:
    """The disagreements grouped by measure, then by article."""
    lines = ["", "Disagreements:"]
    current = None
    for file, measure, kind, value in sorted(errors, key=lambda e: (e[1], e[0])):
        if measure != current:
            count = sum(1 for e in errors if e[1] == measure)
            lines.append(f"  {measure} ({count})")
            current = measure
        lines.append(f"    {file}: {kind}: {value}")
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


#: The measures as a reader reads them.
MEASURE_LABELS = {"quoted": "Siterte personer", "people": "Personer nevnt", "quote_counts": "Antall sitater per person",
                  "gender": "Kjønn", "role": "Rolle som skrevet", "title": "Tittel", "places": "Kommuner og fylker", "places_all": "Alle steder",
                  "region": "Fylke", "region_precision": "Fylke: riktige blant de gitte",
                  "region_coverage": "Fylke: funnet av de merkede", "year": "År",
                  "year_precision": "År: riktige blant de gitte", "year_coverage": "År: funnet av de merkede"}


def score_table(result: Evaluation, *, intervals: bool = True):
    """One row per measure: `measure`, `score` (F1 or accuracy), `low` and `high` (95 %
    bootstrap interval over articles), `n_articles` (annotated articles it rests on),
    `kind`, `precision`, `recall`, `counts`."""
    import pandas as pd

    rows = []
    for name, s in result.scores.items():
        low, high = bootstrap(result, name) if intervals else (None, None)
        n_articles = len(result.per_file.get(name, {}))
        if "f1" in s:
            rows.append((name, s["f1"], low, high, n_articles, "F1", s["precision"], s["recall"],
                         f"tp {s['tp']}, fp {s['fp']}, fn {s['fn']}"))
        else:
            rows.append((name, s["accuracy"], low, high, n_articles, "treffsikkerhet", None, None,
                         f"{s['correct']} av {s['n']}"))
    out = pd.DataFrame(rows, columns=["measure", "score", "low", "high", "n_articles", "kind", "precision",
                                      "recall", "counts"])
    out.insert(1, "label", out["measure"].map(lambda m: MEASURE_LABELS.get(m, m)))
    return out
