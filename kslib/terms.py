"""Words: tokens, lemmas, stop words, and counts over them (frequency, n-grams,
collocations, keyness, KWIC, TF-IDF).

Tokens come from one regular expression that keeps URLs, e-mail addresses,
hashtags (`#valgløfte2023`), numbers (`3,2`, `1 000`) and hyphenated compounds
(`KS-direktør`, `IA-arbeidet`) whole. Lemmas come from simplemma (bokmål and
nynorsk word lists), looked up once per word type. Stop words: the `stop-words`
package's Norwegian list plus `resources/stopwords_extra.txt`. Boilerplate,
photo credits and captions are left out of counts by default (`COUNT_KINDS`).

The `terms` frame has one row per token: `article_id`, `para_id`, `token_id`,
`sent_id` (sentence within the paragraph), `token`, `lemma`, `is_stop`,
`is_name` (part of a person's name), `kind` (the paragraph kind).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from .config import resource_lines

#: Paragraph kinds whose words are counted by default.
COUNT_KINDS = ("title", "heading", "body", "quote", "bullet")

_URL = r"(?:https?://|www\.)[^\s<>«»\"]+[^\s<>«»\".,;:!?)]"
# the local part starts with a word character: a class of `-`, `.` and `+` tried at every dash of
# a long run of dashes made tokenising quadratic; the possessive `++` cannot change a match
# (what follows each run is a character outside its class)
_EMAIL = r"\w[\w.+-]*+@[\w-]++(?:\.[\w-]++)+"
_HASHTAG = r"\#\w+"
_NUMBER = r"\d+(?:[ .,]\d{3})*(?:[.,]\d+)?%?"
_WORD = r"\w+(?:[-'’]\w+)*-?"
TOKEN = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<hashtag>{_HASHTAG})|(?P<number>{_NUMBER})"
                   rf"|(?P<word>{_WORD})")


def tokenize(text: str) -> list[tuple[str, str]]:
    """(token, type) pairs; type is word, number, url, email or hashtag."""
    out = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        token = m.group()
        if kind == "word" and token.isdigit():
            kind = "number"
        out.append((token, kind))
    return out


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Norwegian stop words (bokmål and nynorsk), lower case."""
    from stop_words import get_stop_words

    return frozenset(set(get_stop_words("norwegian")) | set(resource_lines("stopwords_extra.txt")))


@lru_cache(maxsize=1)
def lemmatizer():
    """simplemma's lemmatiser over word lists stored as MARISA tries.

    simplemma's default decodes its compressed word lists in Python, about half a
    second per language in every process; the trie factory builds them once per
    machine into the user cache folder and then loads them in a millisecond, with
    the same lemmas (see scripts and tests). Without marisa-trie the default is used."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    try:
        from simplemma.strategies.dictionaries import TrieDictionaryFactory

        factory = TrieDictionaryFactory()
    except ImportError:  # pragma: no cover - marisa-trie is a dependency
        return simplemma.Lemmatizer()
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


def warm_lemmatizer(langs=("nb", "nn")) -> None:
    """Load (and on a machine's first run, build) the word lists before worker processes
    start, so that they only ever read them."""
    for lang in langs:
        lemmatizer().lemmatize("kommune", lang=lang)


@lru_cache(maxsize=200_000)
def lemmatize(token: str, lang: str = "nb", proper: bool = False) -> str:
    """Lemma of one token: `kommunene` -> `kommune`.

    Acronyms (`KS`, `KI`) and proper nouns (`proper=True`: capitalised inside a
    sentence, like `Drammen`) are kept as written: a word list would turn
    `Drammen` into `dram`."""
    if (token.isupper() and len(token) <= 6) or proper:
        return token
    low = token.lower()
    if not low[:1].isalpha():
        return low
    # one word list per article language: loading both costs half a second per process
    return lemmatizer().lemmatize(low, lang="nn" if lang == "nn" else "nb").lower()


def is_stop(token: str, lemma: str) -> bool:
    sw = stop_words()
    return token.lower() in sw or lemma.lower() in sw


_SKIP_BEFORE = frozenset(" «\"(–—-")
_SKIP = "".join(_SKIP_BEFORE)
_SENTENCE_END = frozenset(".!?:…")
_END = re.compile(r"[.!?…]")
_WORD_CACHE: dict[tuple[str, str, bool], tuple[str, bool]] = {}


def _word(token: str, lang: str, proper: bool) -> tuple[str, bool]:
    """(lemma, is_stop) of a word, cached per word type."""
    key = (token, lang, proper)
    hit = _WORD_CACHE.get(key)
    if hit is None:
        lemma = lemmatize(token, lang, proper)
        hit = (lemma, is_stop(token, lemma))
        if len(_WORD_CACHE) < 500_000:
            _WORD_CACHE[key] = hit
    return hit


def _lemma_and_stop(token: str, kind: str, lang: str, proper: bool) -> tuple[str, bool]:
    """(lemma, is_stop) of a token of a `TOKEN` kind: words by the word lists (a proper noun
    keeps its form), numbers as written and stop words, URLs and e-mails lower-cased and
    stop words, hashtags lower-cased and counted."""
    if kind == "word" and not token.isdigit():
        return _word(token, lang, proper)
    if kind in ("word", "number"):
        return token, True
    return token.lower(), kind != "hashtag"


#: A token with the text before it (`", sier"`, `" «Vi"`): what a token means depends only on
#: this piece, so each distinct piece is analysed once. Same tokens as `TOKEN`: the lazy
#: `\W*?` stops where `TOKEN` first matches, and every word character starts a token.
_PIECE = re.compile(rf"\W*?(?:{_URL}|{_EMAIL}|{_HASHTAG}|{_NUMBER}|{_WORD})")
#: The same for text without `@`, `#`, `www.` or `://`, where only numbers and words can
#: match; every token then starts with a word character, so a greedy `\W*` is the same.
_PLAIN_PIECE = re.compile(rf"\W*(?:{_NUMBER}|{_WORD})")
#: Appended to a paragraph before its pieces are found: a word after a space, which no token
#: before it can reach into. Without it, every position of a trailing run of characters that
#: start no token is tried to the end of the text: quadratic on a line of 20,000 dashes.
_SENTINEL = " x"


def pieces_of(text: str, special: bool) -> list[str]:
    """The pieces of a paragraph (`_PIECE`, or `_PLAIN_PIECE` for text without `@`, `#`,
    `www.` or `://`): those of `findall(text)`, found in linear time (see `_SENTINEL`)."""
    return (_PIECE if special else _PLAIN_PIECE).findall(text + _SENTINEL)[:-1]

#: Key prefixes: control characters never survive `io.normalise_text`, so no piece has them.
_FIRST = "\x00"  # the first token of a paragraph: nothing before it in its sentence
_NYNORSK = "\x01"  # a token of a nynorsk article: lemmas from the nynorsk word list
_EXACT = "\x02"  # a token from the exact walk (see `_exact_terms`), numbered in its chunk
#: key -> (token, lemma, is_stop, sentence end before it, sentence end inside it, piece
#: length, token length, needs the exact walk); shared by every chunk a process parses
_KEYS: dict[str, tuple] = {}
_MAX_KEYS = 1_000_000


def _key_value(key: str) -> tuple:
    """What a key (a piece with its prefixes) says about its token; see `_KEYS`."""
    first = key.startswith(_FIRST)
    rest = key[1:] if first else key
    lang = "nn" if rest.startswith(_NYNORSK) else "nb"
    piece = rest[1:] if lang == "nn" else rest
    m = TOKEN.search(piece)
    token, kind, sep = m.group(), m.lastgroup, piece[: m.start()]
    context = sep.rstrip(_SKIP)
    # a capital inside a sentence marks a proper noun; at a sentence's start it does not
    opens = (first and not context) or bool(context and context[-1] in _SENTENCE_END)
    lemma, stop = _lemma_and_stop(token, kind, lang, token[0].isupper() and not opens)
    # a URL (or an e-mail ending in `-`) can end in `.`: the token after it needs the exact walk
    exact = kind == "url" or (kind == "email" and token.endswith("-"))
    value = (token, lemma, stop, bool(_END.search(sep)), bool(_END.search(token)), len(piece), len(token), exact,
             *_word_count_parts(piece))
    if len(_KEYS) < _MAX_KEYS:
        _KEYS[key] = value
    return value


_RUN = re.compile(r"\w+")


def _word_count_parts(piece: str) -> tuple[int, bool, bool, bool, bool]:
    """What a piece adds to its article's word count (`structure.count_words`, the matches of
    `structure.WORD`): (its runs of word characters less the joiners between two of them, and
    whether it starts with a word character, starts with a joiner before one, ends with a
    word character, ends with a joiner after one). Summed over a paragraph's pieces, less
    what their boundaries join (see `_word_counts`), it is the paragraph's word count.
    A piece is never empty: it holds a token."""
    from .structure import WORD_JOINERS, is_word_char

    joins = sum(1 for i in range(1, len(piece) - 1)
                if piece[i] in WORD_JOINERS and is_word_char(piece[i - 1]) and is_word_char(piece[i + 1]))
    two = len(piece) > 1
    return (len(_RUN.findall(piece)) - joins,
            is_word_char(piece[0]), two and piece[0] in WORD_JOINERS and is_word_char(piece[1]),
            is_word_char(piece[-1]), two and piece[-1] in WORD_JOINERS and is_word_char(piece[-2]))


class ArticleWords(NamedTuple):
    """What an article's terms are computed from (`parse_document` gives one per article)."""

    doc: str
    lang: str
    paragraphs: list
    name_words: frozenset
    person_spans: dict


def _exact_terms(text: str, lang: str) -> tuple[list, list, list, list, list]:
    """(tokens, lemmas, stops, sentence ids, starts) by a walk over the characters: the
    reference for paragraphs the piece path leaves out (URLs)."""
    toks, lemmas, stops, sents, starts = [], [], [], [], []
    ends = [e.start() for e in _END.finditer(text)]
    sent_id, k, n_ends, started = 0, 0, len(ends), False
    for m in TOKEN.finditer(text):
        start = m.start()
        token, kind = m.group(), m.lastgroup
        if k < n_ends and ends[k] < start:
            if started:
                sent_id += 1
            while k < n_ends and ends[k] < start:
                k += 1
        started = True
        j = start - 1
        while j >= 0 and text[j] in _SKIP_BEFORE:
            j -= 1
        proper = token[0].isupper() and j >= 0 and text[j] not in _SENTENCE_END
        lemma, stop = _lemma_and_stop(token, kind, lang, proper)
        toks.append(token)
        lemmas.append(lemma)
        stops.append(stop)
        sents.append(sent_id)
        starts.append(start)
    return toks, lemmas, stops, sents, starts


def words_table(articles: list[ArticleWords], docs: list[str]):
    """The `terms` table of a chunk of articles (see `words_and_counts`)."""
    return words_and_counts(articles, docs)[0]


def words_and_counts(articles: list[ArticleWords], docs: list[str]):
    """(the `terms` table (Arrow, keyed by a dictionary-encoded `doc`) of a chunk of articles,
    each document's word count as `structure.count_words` gives it for its content paragraphs).

    Every token becomes a key (its piece, marked for nynorsk and for a paragraph's start);
    one dictionary encoding finds the distinct keys, each is analysed once (`_key_value`),
    and the row columns are taken from them with numpy. Sentence ids break at `.`, `!`,
    `?`, `…`; a word written with a capital inside a sentence keeps its form (`Drammen`)."""
    import numpy as np
    import pyarrow as pa

    from .extract import arrow_schema
    from .structure import KINDS, count_words

    keys: list[str] = []
    exact: dict[str, tuple] = {}
    para_doc, para_id, para_kind, para_len, para_first = [], [], [], [], []
    exact_words = []  # (paragraph, word count) of paragraphs from the exact walk
    named, spanned = [], []  # (article, name words), (paragraph, spans of names)
    exact_starts = []  # (paragraph, token offsets) for paragraphs from the exact walk
    position = {doc: i for i, doc in enumerate(docs)}
    kind_code = {kind: i for i, kind in enumerate(KINDS)}
    for art in articles:
        prefix = _NYNORSK if art.lang == "nn" else ""
        doc_first = len(keys)
        for p in art.paragraphs:
            text = p.text
            special = "@" in text or "#" in text or "www." in text or "://" in text
            pieces = pieces_of(text, special)
            if not pieces:
                continue
            if prefix:
                pieces = [prefix + piece for piece in pieces]
            pieces[0] = _FIRST + pieces[0]
            starts = None
            if special and any((_KEYS.get(k) or _key_value(k))[7] for k in pieces):
                toks, lemmas, stops, sents, starts = _exact_terms(text, art.lang)
                pieces = []
                for j, value in enumerate(zip(toks, lemmas, stops)):
                    pieces.append(f"{_EXACT}{len(exact)}")
                    exact[pieces[-1]] = (*value, j > 0 and sents[j] != sents[j - 1], False, 0, 0, False,
                                         0, False, False, False, False)
            keys.extend(pieces)
            para_doc.append(position[art.doc])
            para_id.append(p.para_id)
            para_kind.append(kind_code[p.kind])
            para_len.append(len(pieces))
            para_first.append(doc_first)
            if starts is not None:
                exact_starts.append((len(para_len) - 1, starts))
                exact_words.append((len(para_len) - 1, count_words(text)))
            if art.person_spans.get(p.para_id):
                spanned.append((len(para_len) - 1, art.person_spans[p.para_id]))
        if art.name_words and len(keys) > doc_first:
            named.append((position[art.doc], art.name_words))
    schema = arrow_schema("terms")
    if not keys:
        return schema.empty_table(), np.zeros(len(docs), dtype=np.int64)

    encoded = pa.array(keys, pa.string()).dictionary_encode()
    idx = encoded.indices.to_numpy()
    get = _KEYS.get
    values = [exact.get(k) or get(k) or _key_value(k) for k in encoded.dictionary.to_pylist()]
    tok_u, lem_u, stop_u, sep_end_u, tok_end_u, piece_len_u, tok_len_u, _, *word_parts = zip(*values)
    tokens = pa.array(tok_u, pa.string()).dictionary_encode()
    lemmas = pa.array(lem_u, pa.string()).dictionary_encode()
    tok_codes = tokens.indices.to_numpy()[idx]

    lengths = np.array(para_len)
    starts_of_paras = np.cumsum(lengths) - lengths
    # a sentence starts at a token with . ! ? … before it, in its piece or inside the previous token
    sep_end, tok_end = np.array(sep_end_u, bool)[idx], np.array(tok_end_u, bool)[idx]
    inc = np.zeros(len(idx), dtype=np.int32)
    inc[1:] = sep_end[1:] | tok_end[:-1]
    total = np.cumsum(inc)
    sent_id = total - np.repeat(total[starts_of_paras], lengths)  # each paragraph starts at 0
    token_id = np.arange(len(idx)) - np.repeat(np.array(para_first), lengths)

    # words of the article's people's names, and tokens inside a name as written
    doc_rows = np.repeat(np.array(para_doc, dtype=np.int64), lengths)
    is_name = np.zeros(len(idx), dtype=bool)
    if named:  # one lookup of (article, token) pairs for the whole chunk
        code_of = {t: i for i, t in enumerate(tokens.dictionary.to_pylist())}
        n_codes = len(code_of)
        wanted = [d * n_codes + code_of[w] for d, words in named for w in words if w in code_of]
        is_name |= np.isin(doc_rows * n_codes + tok_codes, wanted)
    if spanned:  # tokens starting inside a name as written: one search over the whole chunk
        rows_piece_len, rows_tok_len = np.array(piece_len_u)[idx], np.array(tok_len_u)[idx]
        ends = np.cumsum(rows_piece_len)
        starts = ends - rows_tok_len - np.repeat(ends[starts_of_paras] - rows_piece_len[starts_of_paras], lengths)
        for p, offsets in exact_starts:
            starts[starts_of_paras[p] : starts_of_paras[p] + lengths[p]] = offsets
        base = int(max(starts.max(), max(b for _, spans in spanned for _, b in spans))) + 1
        para_rows = np.repeat(np.arange(len(lengths)), lengths)
        positions = para_rows * base + starts  # increasing along the chunk
        bounds = np.array([(p * base + a, p * base + b) for p, spans in spanned for a, b in spans])
        marks = np.zeros(len(idx) + 1, dtype=np.int32)
        np.add.at(marks, np.searchsorted(positions, bounds[:, 0]), 1)
        np.add.at(marks, np.searchsorted(positions, bounds[:, 1]), -1)
        is_name |= np.cumsum(marks[:-1]) > 0

    def coded(codes, dictionary):
        return pa.DictionaryArray.from_arrays(pa.array(codes, pa.int32()), dictionary)

    columns = {
        "doc": coded(doc_rows.astype(np.int32), pa.array(docs, pa.string())),
        "para_id": pa.array(np.repeat(np.array(para_id, dtype=np.int32), lengths)),
        "token_id": pa.array(token_id.astype(np.int32)),
        "sent_id": pa.array(sent_id.astype(np.int32)),
        "token": coded(tok_codes, tokens.dictionary),
        "lemma": coded(lemmas.indices.to_numpy()[idx], lemmas.dictionary),
        "is_stop": pa.array(np.array(stop_u, bool)[idx]),
        "is_name": pa.array(is_name),
        "kind": coded(np.repeat(np.array(para_kind, dtype=np.int32), lengths), pa.array(KINDS, pa.string())),
    }
    table = pa.Table.from_arrays([columns[f.name] for f in schema], schema=schema)
    n_words = _word_counts(word_parts, idx, lengths, starts_of_paras, para_doc, para_kind, exact_words, len(docs))
    return table, n_words


def _word_counts(word_parts, idx, lengths, starts_of_paras, para_doc, para_kind, exact_words, n_docs):
    """Each document's word count from its pieces (`_word_count_parts`): their own counts, less
    one where a piece's last word character and the next piece's first are one run, or a
    joiner between them joins two runs. Only content paragraphs count (as for `n_words`)."""
    import numpy as np

    from .structure import KINDS

    own, starts_w, starts_j, ends_w, ends_j = (np.asarray(part)[idx] for part in word_parts)
    joined = np.zeros(len(idx), dtype=np.int64)
    joined[1:] = (ends_w[:-1] & (starts_w[1:] | starts_j[1:])) | (ends_j[:-1] & starts_w[1:])
    joined[starts_of_paras] = 0  # a paragraph's first piece joins nothing before it
    per_row = own - joined
    per_para = np.add.reduceat(per_row, starts_of_paras) if len(per_row) else np.zeros(0, dtype=np.int64)
    for para, count in exact_words:
        per_para[para] = count
    not_counted = [KINDS.index(kind) for kind in ("boilerplate", "photo_credit")]
    content = ~np.isin(np.asarray(para_kind), not_counted)
    return np.bincount(np.asarray(para_doc)[content], weights=per_para[content], minlength=n_docs).astype(np.int64)


# -- selecting and counting ----------------------------------------------------------

def select(terms, *, kinds=COUNT_KINDS, drop_stop: bool = True, drop_names: bool = True, keep_ks: bool = False,
           min_length: int = 2):
    """The rows that count: content paragraphs, no stop words, no people's names, no one-letter tokens.

    keep_ks: count `KS` as a term (off by default: it is on every page). drop_names:
    leave out words of people's names (the speakers analysis counts people)."""
    rows = terms[terms["kind"].isin(kinds)]
    if drop_stop:
        rows = rows[~rows["is_stop"].astype(bool)]
    if drop_names and "is_name" in rows.columns:
        rows = rows[~rows["is_name"].astype(bool)]
    lemma = rows["lemma"].astype(str)
    mask = lemma.str.len() >= min_length
    if not keep_ks:
        mask &= lemma != "KS"
    return rows[mask]


def count_terms(terms, *, by=None, articles=None, field: str = "lemma", **select_kw):
    """Term frequency and document frequency, overall or per group.

    by: None (overall), `article_id`, or a column of `articles` (`region`, `year`,
    `language`, ...). Returns columns [by], `term`, `n` (occurrences), `docs`
    (articles it occurs in), `share` (of the group's counted words), sorted.
    """
    import pandas as pd

    rows = select(terms, **select_kw)
    df = pd.DataFrame({"article_id": rows["article_id"].astype(str), "term": rows[field].astype(str)})
    keys = ["term"]
    if by is not None and by != "article_id":
        if articles is None:
            raise ValueError(f"count_terms(by={by!r}) needs the articles frame")
        df = df.merge(articles[["article_id", by]].astype({"article_id": str}), on="article_id")
        keys = [by, "term"]
    elif by == "article_id":
        keys = ["article_id", "term"]
    out = df.groupby(keys, observed=True, dropna=False).agg(n=("term", "size"), docs=("article_id", "nunique"))
    out = out.reset_index()
    total = out.groupby(keys[:-1], observed=True)["n"].transform("sum") if len(keys) > 1 else out["n"].sum()
    out["share"] = out["n"] / total
    sort = keys[:-1] + ["n", "term"]
    asc = [True] * (len(keys) - 1) + [False, True]
    return out.sort_values(sort, ascending=asc, ignore_index=True).astype({"n": "int64", "docs": "int64"})


def top_terms(terms, n: int = 20, **kw):
    """The `n` most frequent terms (per group when `by` is given)."""
    counts = count_terms(terms, **kw)
    by = kw.get("by")
    if by:
        return counts.groupby(by, observed=True, sort=False).head(n).reset_index(drop=True)
    return counts.head(n)


def _sequences(terms, field="lemma", kinds=COUNT_KINDS):
    """Token sequences per sentence, stop words marked as breaks (None)."""
    rows = terms[terms["kind"].isin(kinds)]
    keys = zip(rows["article_id"].astype(str), rows["para_id"], rows["sent_id"])
    seqs: dict = {}
    names = rows["is_name"].astype(bool) if "is_name" in rows.columns else [False] * len(rows)
    for key, value, stop, name in zip(keys, rows[field].astype(str), rows["is_stop"].astype(bool), names):
        seqs.setdefault(key, []).append(None if stop or name or value == "KS" or len(value) < 2 else value)
    return seqs


def count_ngrams(terms, n: int = 2, *, field: str = "lemma", min_count: int = 1):
    """Contiguous n-grams (2 or 3) of content words within a paragraph, with counts."""
    import pandas as pd

    counts: Counter = Counter()
    docs: dict = {}
    for (article_id, _, _), seq in _sequences(terms, field).items():
        for i in range(len(seq) - n + 1):
            gram = seq[i : i + n]
            if None in gram:
                continue
            key = " ".join(gram)
            counts[key] += 1
            docs.setdefault(key, set()).add(article_id)
    rows = [(k, v, len(docs[k])) for k, v in counts.items() if v >= min_count]
    out = pd.DataFrame(rows, columns=["ngram", "n", "docs"])
    return out.sort_values(["n", "ngram"], ascending=[False, True], ignore_index=True)


def collocations(terms, *, min_count: int = 2, field: str = "lemma", measure: str = "llr"):
    """Two-word collocations with pointwise mutual information and Dunning's log-likelihood.

    Counts adjacent content-word pairs within paragraphs (stop words break a
    sequence). Returns `collocation`, `n`, `n_w1`, `n_w2`, `pmi`, `llr`, sorted by
    `measure` (`llr` or `pmi`), pairs seen fewer than `min_count` times dropped.
    """
    import pandas as pd

    pairs: Counter = Counter()
    first: Counter = Counter()
    second: Counter = Counter()
    n_pairs = 0
    for seq in _sequences(terms, field).values():
        for a, b in zip(seq, seq[1:]):
            if a is None or b is None:
                continue
            pairs[(a, b)] += 1
            first[a] += 1
            second[b] += 1
            n_pairs += 1
    rows = []
    for (a, b), n11 in pairs.items():
        if n11 < min_count:
            continue
        n1p, np1 = first[a], second[b]
        rows.append((f"{a} {b}", n11, n1p, np1, pmi(n11, n1p, np1, n_pairs), llr_2x2(n11, n1p, np1, n_pairs)))
    out = pd.DataFrame(rows, columns=["collocation", "n", "n_w1", "n_w2", "pmi", "llr"])
    return out.sort_values([measure, "n", "collocation"], ascending=[False, False, True], ignore_index=True)


def pmi(n11: int, n1p: int, np1: int, n: int) -> float:
    """Pointwise mutual information, log2(P(a,b) / (P(a) P(b)))."""
    return math.log2(n11 * n / (n1p * np1))


def llr_2x2(n11: int, n1p: int, np1: int, n: int) -> float:
    """Dunning's log-likelihood ratio G² for a 2x2 table given its margins."""
    n12, n21 = n1p - n11, np1 - n11
    n22 = n - n11 - n12 - n21
    obs = (n11, n12, n21, n22)
    rows, cols = (n1p, n - n1p), (np1, n - np1)
    exp = (rows[0] * cols[0] / n, rows[0] * cols[1] / n, rows[1] * cols[0] / n, rows[1] * cols[1] / n)
    return 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0)


def keyness(terms, target, *, field: str = "lemma", measure: str = "llr", min_count: int = 2, **select_kw):
    """What distinguishes the `target` articles from the rest (quanteda's textstat_keyness).

    target: article ids (or a boolean Series over `articles` indexed like it).
    For each term a 2x2 table (term vs other words, target vs reference) gives
    `chi2` (Pearson, no continuity correction) and `llr` (G²), signed negative where
    the term is relatively more frequent in the reference; `p` from chi-square(1).
    Returns `term`, `n_target`, `n_reference`, `chi2`, `llr`, `p`, sorted by `measure`.
    """
    import pandas as pd
    from scipy.stats import chi2 as chi2_dist

    rows = select(terms, **select_kw)
    ids = set(map(str, target))
    in_target = rows["article_id"].astype(str).isin(ids)
    t = Counter(rows.loc[in_target, field].astype(str))
    r = Counter(rows.loc[~in_target, field].astype(str))
    nt, nr = sum(t.values()), sum(r.values())
    out = []
    for term in set(t) | set(r):
        a, b = t.get(term, 0), r.get(term, 0)
        if a + b < min_count:
            continue
        c, d = nt - a, nr - b
        chi2, g2 = keyness_2x2(a, b, c, d)
        sign = 1 if (nt and nr and a / nt >= b / nr) or not nr else -1
        out.append((term, a, b, sign * chi2, sign * g2, float(chi2_dist.sf(chi2, 1))))
    frame = pd.DataFrame(out, columns=["term", "n_target", "n_reference", "chi2", "llr", "p"])
    return frame.sort_values([measure, "term"], ascending=[False, True], ignore_index=True)


def keyness_2x2(a: int, b: int, c: int, d: int) -> tuple[float, float]:
    """(chi², G²) of the table [[a, b], [c, d]] (term/other words x target/reference)."""
    n = a + b + c + d
    if n == 0:
        return 0.0, 0.0
    exp = ((a + b) * (a + c) / n, (a + b) * (b + d) / n, (c + d) * (a + c) / n, (c + d) * (b + d) / n)
    obs = (a, b, c, d)
    chi2 = sum((o - e) ** 2 / e for o, e in zip(obs, exp) if e > 0)
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0 and e > 0)
    return chi2, g2


def kwic(terms, pattern: str, *, window: int = 6, field: str = "lemma"):
    """Keyword in context: every occurrence of `pattern` (a lemma or token, `*` wildcards).

    Returns `article_id`, `para_id`, `left`, `keyword`, `right` (tokens as written).
    """
    import pandas as pd

    regex = re.compile("^" + re.escape(pattern.lower()).replace(r"\*", ".*") + "$")
    out = []
    for (article_id, para_id), group in terms.groupby(["article_id", "para_id"], observed=True, sort=False):
        tokens = group["token"].astype(str).tolist()
        values = group[field].astype(str).str.lower().tolist()
        words = group["token"].astype(str).str.lower().tolist()
        for i, (v, w) in enumerate(zip(values, words)):
            if regex.match(v) or regex.match(w):
                out.append((article_id, para_id, " ".join(tokens[max(0, i - window) : i]), tokens[i],
                            " ".join(tokens[i + 1 : i + 1 + window])))
    return pd.DataFrame(out, columns=["article_id", "para_id", "left", "keyword", "right"])


def tfidf_terms(terms, n: int = 10, **select_kw):
    """The `n` most distinctive lemmas of each article by TF-IDF (scikit-learn).

    Returns `article_id`, `rank`, `term`, `tfidf`."""
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = select(terms, **select_kw)
    docs = rows.groupby("article_id", observed=True, sort=False)["lemma"].agg(lambda s: list(s.astype(str)))
    if docs.empty:
        return pd.DataFrame(columns=["article_id", "rank", "term", "tfidf"])
    vec = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True)
    matrix = vec.fit_transform(docs.tolist())
    vocab = vec.get_feature_names_out()
    out = []
    for i, article_id in enumerate(docs.index):
        row = matrix.getrow(i).toarray().ravel()
        order = sorted(range(len(row)), key=lambda j: (-row[j], vocab[j]))[:n]
        out += [(article_id, r + 1, vocab[j], float(row[j])) for r, j in enumerate(order) if row[j] > 0]
    return pd.DataFrame(out, columns=["article_id", "rank", "term", "tfidf"])


def frequencies(terms, **kw) -> dict[str, int]:
    """{lemma: count} for word clouds."""
    counts = count_terms(terms, **kw)
    return dict(zip(counts["term"], counts["n"]))


def group_frequencies(terms, articles, by: str = "region", n_groups: int = 4, **kw) -> dict[str, dict[str, int]]:
    """{group: {lemma: count}} for the `n_groups` groups with most articles (word clouds per group)."""
    groups = articles[by].astype("object").where(articles[by].notna(), "ukjent").astype(str)
    top = groups.value_counts().head(n_groups).index
    out = {}
    for group in top:
        ids = set(articles.loc[groups == group, "article_id"].astype(str))
        out[group] = frequencies(terms[terms["article_id"].astype(str).isin(ids)], **kw)
    return out


def keyness_by(terms, articles, by: str = "region", target=None, **kw):
    """Keyness of one group of articles (`by` == `target`) against all the others.

    With `target=None` the most frequent group that is not `national` is used.
    Returns (target, keyness frame)."""
    values = articles[by].astype("object").where(articles[by].notna(), "ukjent").astype(str)
    if target is None:
        counts = values[values != "national"].value_counts()
        target = counts.index[0] if len(counts) else values.value_counts().index[0]
    ids = articles.loc[values == str(target), "article_id"]
    return str(target), keyness(terms, ids, **kw)
