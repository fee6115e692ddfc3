"""`python -m kslib` runs the command line."""

from .cli import run

run()
