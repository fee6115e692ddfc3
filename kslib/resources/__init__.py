"""The rules as data: word lists, titles, cue verbs, themes and the gazetteer, each file with its source.

`gazetteer` reads the municipalities, counties, regions and foreign places.
"""
