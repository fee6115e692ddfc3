"""Near-duplicate articles: keys of their paragraphs, and which article repeats which."""

from __future__ import annotations

#: Paragraphs compared when looking for near-duplicate articles, and their minimum length.
NEAR_DUPLICATE_KINDS = ("body", "quote", "heading", "bullet")
NEAR_DUPLICATE_MIN_WORDS = 6


def paragraph_keys(paragraphs) -> list[int]:
    """Stable 64-bit keys of an article's longer content paragraphs (case folded), for
    finding near-duplicate articles without keeping their text around."""
    import hashlib

    keys = set()
    for p in paragraphs:
        if p.kind in NEAR_DUPLICATE_KINDS and p.text.count(" ") + 1 >= NEAR_DUPLICATE_MIN_WORDS:
            digest = hashlib.blake2b(p.text.lower().encode("utf-8"), digest_size=8).digest()
            keys.add(int.from_bytes(digest, "little", signed=True))
    return sorted(keys)


#: Share of paragraphs two articles must share to count as near-duplicates.
NEAR_DUPLICATE_SHARE = 0.8
#: A paragraph shared by more articles than this is boilerplate, not a sign of a copy.
NEAR_DUPLICATE_MAX_SHARED = 20


def _near_duplicates(article_ids, keys) -> dict[str, str]:
    """article_id -> the earlier article it mostly repeats (shares most paragraphs with).

    `keys` holds each article's paragraph keys (`paragraph_keys`); a paragraph
    found in more than `NEAR_DUPLICATE_MAX_SHARED` articles is too common to say anything.
    Two articles are near-duplicates when the paragraphs they share are at least
    `NEAR_DUPLICATE_SHARE` of the smaller one's (and it has two or more); an article that
    repeats several earlier ones repeats the one it shares most with (ties: the earliest),
    and points to what that one repeats in turn. The shared paragraphs of every pair of
    articles are counted at once with numpy: a paragraph in at most 20 articles gives at
    most 190 pairs."""
    import numpy as np

    from kslib.arrays import distinct_pairs

    n = len(keys)
    lengths = np.fromiter((len(ks) for ks in keys), dtype=np.int64, count=n)
    if not lengths.sum():
        return {}
    flat = np.concatenate([np.asarray(ks, dtype=np.int64) for ks in keys])
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    # each (paragraph, article) once, numbered paragraphs, sorted by paragraph then article
    _, para = np.unique(flat, return_inverse=True)
    para, owner = distinct_pairs(para.reshape(-1), owner, n)
    seen = np.bincount(para)[para]  # articles with each row's paragraph
    size = np.bincount(owner[seen <= NEAR_DUPLICATE_MAX_SHARED], minlength=n)  # paragraphs that count
    rows = (seen > 1) & (seen <= NEAR_DUPLICATE_MAX_SHARED)
    para, owner = para[rows], owner[rows]
    earlier, later = [], []
    for d in range(1, NEAR_DUPLICATE_MAX_SHARED):  # the pairs of articles d apart in a paragraph's list
        same = para[:-d] == para[d:]
        if not same.any():
            break
        earlier.append(owner[:-d][same])
        later.append(owner[d:][same])
    if not earlier:
        return {}
    codes, shared = np.unique(np.concatenate(later) * n + np.concatenate(earlier), return_counts=True)
    late, early = codes // n, codes % n
    smaller = np.minimum(size[late], size[early])
    ok = (smaller >= 2) & (shared >= NEAR_DUPLICATE_SHARE * smaller)
    late, early, shared = late[ok], early[ok], shared[ok]
    best = np.lexsort((early, -shared, late))  # per later article: most shared, then earliest
    first = np.ones(len(best), dtype=bool)
    first[1:] = late[best][1:] != late[best][:-1]
    found: dict[str, str] = {}
    for i, j in zip(late[best][first].tolist(), early[best][first].tolist()):  # in article order
        other = article_ids[j]
        found[article_ids[i]] = found.get(other, other)
    return found
