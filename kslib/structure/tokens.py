"""Tokens: every token of an article with its lemma, stop-word and name flags (the `terms` table).

Tokens are words, numbers, URLs, e-mail addresses and hashtags; lemmas come from
simplemma's bokmål and nynorsk word lists; a word written with a capital inside a
sentence keeps its form. Counting the terms is `kslib.count.words`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kslib.config import resource_lines
from kslib.structure._piece_counts import count_parts, word_counts

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


def wildcard(pattern: str) -> re.Pattern:
    """A term pattern as a regex on a lower-cased token: `*` stands for any run of word characters and
    hyphens (`kommun*` matches `kommune`, `kommune-Norge`), anything else for itself."""
    return re.compile("^" + re.escape(pattern.lower()).replace(r"\*", r"[\w-]*") + "$")


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
    the same lemmas (see scripts and tests). Without marisa-trie the default is used.
    A new compound is split by `_fast_lemmas.PrefixFilteredAffix`, which tries only the
    prefixes the trie holds (the same lemma as simplemma's own splitting, 5x faster)."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    from kslib.structure import _fast_lemmas

    try:
        from simplemma.strategies.dictionaries import TrieDictionaryFactory

        factory = TrieDictionaryFactory()
    except ImportError:  # pragma: no cover - marisa-trie is a dependency
        return simplemma.Lemmatizer()
    strategy = DefaultStrategy(dictionary_factory=factory)
    _fast_lemmas.install(strategy)
    return simplemma.Lemmatizer(lemmatization_strategy=strategy)


def warm_lemmatizer(langs=("nb", "nn")) -> None:
    """Load (and on a machine's first run, build) the word lists before worker processes
    start, so that they only ever read them."""
    affix = getattr(getattr(lemmatizer(), "_lemmatization_strategy", None), "_affix_search", None)
    for lang in langs:
        lemmatizer().lemmatize("kommune", lang=lang)
        if hasattr(affix, "_prefixes"):
            affix._prefixes(lang)  # the prefix trie of new compounds (`_fast_lemmas`)


@lru_cache(maxsize=20_000)
def in_word_list(word: str) -> bool:
    """Whether `word`, lower-cased, is in bokmål's or nynorsk's word list (simplemma's, the one the
    lemmatiser reads): a word of the language (`Styret`, `Tirsdag`), not a name (`Sølve`)."""
    low = word.lower()
    lookup = getattr(getattr(lemmatizer(), "_lemmatization_strategy", None), "_dictionary_lookup", None)
    if lookup is None:  # pragma: no cover - simplemma's default strategy, without marisa-trie
        import simplemma

        return simplemma.is_known(low, lang="nb") or simplemma.is_known(low, lang="nn")
    return lookup.is_dictionary_member(low, "nb") or lookup.is_dictionary_member(low, "nn")


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


def pieces_plain(text: str, special: bool) -> list[str]:
    """The pieces of a paragraph, by definition: `findall` of `_PIECE` (or `_PLAIN_PIECE` for text
    without `@`, `#`, `www.` or `://`). Quadratic on a long run of characters that start no token:
    `pieces_of` gives the same in linear time and is the one used."""
    return (_PIECE if special else _PLAIN_PIECE).findall(text)


def pieces_of(text: str, special: bool) -> list[str]:
    """The pieces of a paragraph (`_PIECE`, or `_PLAIN_PIECE` for text without `@`, `#`,
    `www.` or `://`): those of `findall(text)`, found in linear time (see `_SENTINEL`)."""
    return (_PIECE if special else _PLAIN_PIECE).findall(text + _SENTINEL)[:-1]


#: Key prefixes: control characters never survive `read.decode.normalise_text`, so no piece has them.
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
             *count_parts(piece))
    if len(_KEYS) < _MAX_KEYS:
        _KEYS[key] = value
    return value


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

    from kslib.schema import arrow_schema
    from kslib.structure.paragraphs import KINDS, count_words

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
    n_words = word_counts(word_parts, idx, lengths, starts_of_paras, para_doc, para_kind, exact_words, len(docs))
    return table, n_words
