"""Word counts from the pieces of the `terms` table (`tokens.words_and_counts`): each piece's
share of `structure.count_words`, summed per document without a second scan of the text."""

from __future__ import annotations

import re

from kslib.schema import NON_CONTENT_KINDS
from kslib.structure.paragraphs import KINDS, WORD_JOINERS, is_word_char

_RUN = re.compile(r"\w+")
#: a character of `structure.paragraphs.WORD_JOINERS`
_JOINER = re.compile("[" + re.escape(WORD_JOINERS) + "]")


def count_parts(piece: str) -> tuple[int, bool, bool, bool, bool]:
    """What a piece adds to its article's word count (`structure.count_words`, the matches of
    `structure.WORD`): (its runs of word characters less the joiners between two of them, and
    whether it starts with a word character, starts with a joiner before one, ends with a
    word character, ends with a joiner after one). Summed over a paragraph's pieces, less
    what their boundaries join (see `word_counts`), it is the paragraph's word count.
    A piece is never empty: it holds a token."""

    joins = 0
    if _JOINER.search(piece):  # most pieces have no joiner
        joins = sum(1 for i in range(1, len(piece) - 1)
                    if piece[i] in WORD_JOINERS and is_word_char(piece[i - 1]) and is_word_char(piece[i + 1]))
    two = len(piece) > 1
    return (len(_RUN.findall(piece)) - joins,
            is_word_char(piece[0]), two and piece[0] in WORD_JOINERS and is_word_char(piece[1]),
            is_word_char(piece[-1]), two and piece[-1] in WORD_JOINERS and is_word_char(piece[-2]))


def word_counts(word_parts, idx, lengths, starts_of_paras, para_doc, para_kind, exact_words, n_docs):
    """Each document's word count from its pieces (`count_parts`): their own counts, less
    one where a piece's last word character and the next piece's first are one run, or a
    joiner between them joins two runs. Only content paragraphs count (as for `n_words`)."""
    import numpy as np

    own, starts_w, starts_j, ends_w, ends_j = (np.asarray(part)[idx] for part in word_parts)
    joined = np.zeros(len(idx), dtype=np.int64)
    joined[1:] = (ends_w[:-1] & (starts_w[1:] | starts_j[1:])) | (ends_j[:-1] & starts_w[1:])
    joined[starts_of_paras] = 0  # a paragraph's first piece joins nothing before it
    per_row = own - joined
    per_para = np.add.reduceat(per_row, starts_of_paras) if len(per_row) else np.zeros(0, dtype=np.int64)
    for para, count in exact_words:
        per_para[para] = count
    not_counted = [KINDS.index(kind) for kind in sorted(NON_CONTENT_KINDS)]
    content = ~np.isin(np.asarray(para_kind), not_counted)
    return np.bincount(np.asarray(para_doc)[content], weights=per_para[content], minlength=n_docs).astype(np.int64)
