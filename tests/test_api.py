"""The public API: `import kslib as ks` and about fifty verbs named by the grammar of STYLE.md."""

import re

import pytest

import kslib as ks


def test_every_public_name_resolves_and_follows_the_grammar():
    verbs = re.compile(r"(load|read|write|extract|to|tag|count|top|describe|keyness|kwic|plot|save|show|fit|align|"
                       r"score|run|speaker)_?")
    for name in ks.__all__:
        if name.startswith("__"):
            continue
        assert getattr(ks, name) is not None
        assert name[0].isupper() or verbs.match(name), name


@pytest.mark.parametrize("old, new", [("theme_scores", "count_themes"), ("gender_shares", "count_genders"),
                                      ("collocations", "count_collocations"), ("tag_themes", "extract_themes")])
def test_old_names_still_work_for_one_release_and_say_their_new_name(old, new):
    with pytest.warns(DeprecationWarning, match=f"kslib.{new}"):
        assert getattr(ks, old) is getattr(ks, new)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'plot_everything'"):
        ks.plot_everything  # noqa: B018
