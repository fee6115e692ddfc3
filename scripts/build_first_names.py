"""Build kslib/resources/first_names.tsv from gender-guesser's name dictionary.

Source: gender-guesser (PyPI), which ships Jörg Michael's `nam_dict.txt`
(about 40,000 first names with their gender and frequency per country).
We keep every name the dictionary gives a clear gender; the Norway column wins
where it has one, otherwise the overall answer (names of Danish, Swedish and
immigrant origin occur in KS articles too). Names the dictionary calls
androgynous or does not know are left out, so their gender stays unknown
unless the article's pronouns tell. Rerun after upgrading gender-guesser:

    .venv/bin/python scripts/build_first_names.py
"""

from pathlib import Path

import gender_guesser.detector as gg

OUT = Path(__file__).resolve().parents[1] / "kslib" / "resources" / "first_names.tsv"
GENDER = {"male": "M", "mostly_male": "M", "female": "F", "mostly_female": "F"}


def main() -> None:
    detector = gg.Detector(case_sensitive=True)
    rows = []
    for name in sorted(detector.names):
        if not name[:1].isupper() or "+" in name or len(name) < 2:
            continue
        gender = detector.get_gender(name, "norway")
        if gender not in GENDER:  # "andy" here also means: no Norway figure
            gender = detector.get_gender(name)
        if gender in GENDER:
            rows.append(f"{name}\t{GENDER[gender]}")
    header = (
        "# First names and gender (F/M). Built by scripts/build_first_names.py from\n"
        "# gender-guesser's nam_dict.txt (Jörg Michael); Norway column first, else overall.\n"
        "name\tgender\n"
    )
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
