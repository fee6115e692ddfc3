"""Stage 2 of 6, structure: a text to paragraphs (with their kinds), sentences, language and tokens.

`paragraphs` classifies the blocks of a text, `sentences` splits paragraphs, `language`
tells bokmål from nynorsk, `tokens` gives every token its lemma and flags (the `terms` table);
`letters` holds the capitals and small letters that names and sentences are written in.
"""
