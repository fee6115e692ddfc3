"""Stage 4 of 6, count: the corpus frames to the tables the notebooks show.

`overview` (articles, paragraphs, years), `words` (frequencies, n-grams, collocations,
keyness, KWIC), `themes` (theme scores), `speakers` (people across articles, role
groups, gender, co-occurrence), `topics` (NMF), `evaluate` (scores against hand annotations).
"""
