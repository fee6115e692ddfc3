"""Stage 1 of 6, read: files on disk to decoded, normalised text and metadata.

`files` finds the article files below a folder and reads their bytes (the only code
that opens them); `decode` turns bytes into one normalised text; `metadata` reads
and applies a `metadata.csv` beside the articles.
"""
