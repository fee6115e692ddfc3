"""Synthetic KS-like articles whose vocabulary grows like real text's (`make bench`).

Real archives keep bringing new words: compounds (`barnehageplass`, `fylkesvegnettet`),
names, places and rare words appear at every size, and paragraphs never repeat. A corpus
that recombines a few seed paragraphs has a vocabulary that stops growing, so every cache
keyed by a word or a paragraph looks far better on it than on an archive. Here:
- content words are drawn by Zipf's law from the seeds' own vocabulary, and about one in
  ten is a compound of two of them (the pair space is large: types keep appearing, as
  Heaps' law says of real text), one in 250 a new word made of Norwegian syllables;
- the function words are the most frequent Norwegian ones, in about their share of text;
- people are a first name from the name list and a surname, places are the gazetteer's
  municipalities and counties, speakers are quoted with the cue verbs and titles of KS
  articles; a year sentence and a weekday date give each article a time.
Deterministic for a seed. `python benchmarks/corpus.py 1000 10000` prints word types per size.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
RESOURCES = ROOT / "kslib" / "resources"

FUNCTION = ("og i på til for som er det at en et av med har de vi kan skal ikke om fra blir var seg eller så også "
            "men etter ved mer alle nye når der dette må få vil hvor andre hele være sine sitt sin over under mellom "
            "mot uten gjennom både enn bare godt stor store flere mange").split()
CUES = ["sier", "sa", "mener", "forteller", "understreker", "påpeker", "seier", "meiner"]
TITLES = ["ordfører", "rådmann", "kommunedirektør", "fylkesordfører", "styreleder", "områdedirektør i KS",
          "rådgiver i KS", "statsråd", "leder", "nestleder", "fylkesrådmann", "seniorrådgiver"]
SURNAME_ENDINGS = ["sen", "stad", "berg", "dal", "vik", "land", "heim", "rud", "li", "bakken", "haug", "nes"]
SYLLABLES = ["ka", "ne", "ri", "sto", "vel", "mar", "dag", "fjor", "ly", "sku", "ber", "tak", "hei", "om", "ut",
             "gra", "vis", "run", "el", "fen", "kon", "tra", "spe", "ling", "het", "skap", "ning", "else"]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "august", "september", "oktober", "november"]


def _seed_words() -> list[str]:
    """The seeds' content words, most frequent first (the Zipf ranks)."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        # words written in lower case in the text: not names or places
        counts.update(w for w in re.findall(r"(?<![\w-])[a-zæøå]{4,}(?![\w-])", path.read_text(encoding="utf-8"))
                      if w not in FUNCTION)
    return [w for w, _ in counts.most_common()]


def _column(name: str, index: int, sep: str = "\t") -> list[str]:
    rows = [line.split(sep) for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [r[index] for r in rows[1:] if len(r) > index and r[index]]


class Writer:
    """Writes articles one at a time; every draw comes from one seeded `random.Random`."""

    def __init__(self, seed: int = 20261203):
        self.rng = random.Random(seed)
        self.words = _seed_words()
        names = _column("first_names.tsv", 0)
        self.first = [n for n in names if n.isalpha() and len(n) >= 3][:4000]
        self.places = _column("gazetteer/kommuner.csv", 2, ",") + _column("gazetteer/fylker.csv", 0, ",")
        self.stems = [w for w in self.words if 5 <= len(w) <= 9] or self.words
        self.known: list[str] = []  # the speakers met so far

    def _zipf(self, items: list[str]) -> str:
        # rank r with probability ~ 1/r: the inverse of a log-uniform draw
        k = int(len(items) ** self.rng.random()) - 1
        return items[min(k, len(items) - 1)]

    def word(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return self.rng.choice(FUNCTION)
        if r < 0.51:  # a compound of two stems: `barnehage` + `tilbud`
            return self._zipf(self.stems) + self._zipf(self.words)
        if r < 0.512:  # a rare word nobody has seen
            return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))
        return self._zipf(self.words)

    def surname(self) -> str:
        return self._zipf(self.stems).capitalize() + self.rng.choice(SURNAME_ENDINGS)

    def _speaker(self) -> str:
        if self.known and self.rng.random() < 0.5:
            return self._zipf(self.known)
        speaker = f"{self.rng.choice(TITLES)} {self.person()}"
        self.known.append(speaker)
        return speaker

    def person(self) -> str:
        return f"{self.rng.choice(self.first)} {self.surname()}"

    def sentence(self, n: int | None = None) -> str:
        words = [self.word() for _ in range(n or self.rng.randint(7, 22))]
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), f"i {self._zipf(self.places)}")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, speakers: list[str]) -> str:
        if speakers and self.rng.random() < 0.3:
            speaker = self.rng.choice(speakers)
            body = " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))[:-1]
            return f"– {body}, {self.rng.choice(CUES)} {speaker}."
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))

    def article(self, i: int) -> str:
        rng = self.rng
        year = rng.randint(2016, 2025)
        # most articles quote someone, many two or three (a network of who is quoted together);
        # the people recur across articles as in an archive (a Zipf draw from those met so far)
        speakers = [self._speaker() for _ in range(rng.choice([0, 1, 1, 2, 2, 3]))]
        paras = [self.sentence(rng.randint(4, 9))[:-1],  # the headline
                 f"{rng.choice(WEEKDAYS).capitalize()} {rng.randint(1, 28)}. {rng.choice(MONTHS)} møttes "
                 f"{self.person()} og {self.person()} i {self._zipf(self.places)}. I {year} "
                 + self.sentence()[0].lower() + self.sentence()[1:]]
        paras += [self.paragraph(speakers) for _ in range(rng.randint(5, 18))]
        return "\n\n".join(paras) + "\n"


def write_corpus(n: int, folder: Path, seed: int = 20261203) -> int:
    """Write `n` articles into `folder` (000000.txt ...); returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    writer, words = Writer(seed), 0
    for i in range(n):
        text = writer.article(i)
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def word_types(folder: Path) -> int:
    """Distinct lower-cased words in the folder's files."""
    seen: set[str] = set()
    for path in folder.glob("*.txt"):
        seen.update(re.findall(r"\w+", path.read_text(encoding="utf-8").lower()))
    return len(seen)


if __name__ == "__main__":
    import tempfile

    for n in map(int, sys.argv[1:] or ["1000", "10000"]):
        with tempfile.TemporaryDirectory() as tmp:
            words = write_corpus(n, Path(tmp))
            print(f"{n:>7,} articles  {words:>11,} words  {word_types(Path(tmp)):>8,} word types")
