"""Stage 3 of 6, extract: the structure of one article to its people, quotes, places, year and themes.

`document.parse_document` is the pipeline of one article; `people` and `roles` find who
is named and as what (`organisations`: for whom), `quotes` who said what, `places` and `dates` where and when,
`themes` which vocabularies it touches, `duplicates` which articles repeat others.
"""
