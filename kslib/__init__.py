"""kslib: load KS news articles into tidy frames and analyse them.

    >>> import kslib as ks
    >>> corpus = ks.load_corpus("data/seeds")
    >>> ks.top_terms(corpus.terms, 10)
    >>> ax = ks.plot_bar(ks.count_languages(corpus.articles).set_index("label")["n"], title="Målform")
    >>> ks.save_figure(ax, "01-maalform", corpus=corpus)   # PNG, SVG and the CSV of what is drawn

The pipeline runs in six stages, each a folder: `read` (files to text),
`structure` (paragraphs, sentences, language, tokens), `extract` (people, quotes,
places, year, themes), `count` (frames to tables), `plot` (tables to charts, and
the one figure writer) and `report` (notebooks to HTML); `_engine` runs the
per-article pipeline and writes the tables. The public API is this module's
`__all__`, named by the grammar of `../shared/STYLE.md`: `load_*` reads, `extract_*`
makes an entity table, `count_*`/`top_*`/`keyness`/`kwic` aggregate, `plot_*` draws
(never saves), `save_figure` is the one writer of figures.

Heavy libraries (pandas, matplotlib, lingua) are imported only when used, so
`python -m kslib --help` and incremental reruns start fast: every name here is
looked up in its module on first use.
"""

from __future__ import annotations

import warnings

__version__ = "0.2.0"

#: public name -> (module, name in it)
_API: dict[str, tuple[str, str]] = {
    # read: a folder to a corpus
    "load_corpus": ("kslib.corpus", "load_corpus"),
    "Corpus": ("kslib.corpus", "Corpus"),
    "CorpusError": ("kslib._engine.assemble", "CorpusError"),
    "load_themes": ("kslib.extract.themes", "load_themes"),
    "read_tables": ("kslib._engine.writer", "read_tables"),
    "write_tables": ("kslib._engine.writer", "write_tables"),
    "extract_tables": ("kslib._engine.stream", "extract_folder"),
    # extract: new entity tables
    "extract_themes": ("kslib.count.themes", "tag_themes"),
    "count_speakers": ("kslib.extract.speakers", "to_speakers"),
    # count: frames to tables
    "count_paragraph_kinds": ("kslib.count.overview", "count_paragraph_kinds"),
    "count_languages": ("kslib.count.overview", "count_languages"),
    "count_years": ("kslib.count.overview", "count_years"),
    "count_by_period": ("kslib.count.overview", "count_by_period"),
    "count_key_numbers": ("kslib.count.describe", "key_numbers"),
    "describe_years": ("kslib.count.overview", "describe_years"),
    "describe_trend": ("kslib.count.describe", "describe_trend"),
    "describe_top": ("kslib.count.describe", "describe_top"),
    "describe_topic_basis": ("kslib.count.describe", "describe_topic_basis"),
    "describe_share": ("kslib.count.describe", "describe_share"),
    "describe_map": ("kslib.count.places", "describe_map"),
    "describe_county_basis": ("kslib.count.places", "county_basis"),
    "describe_too_few": ("kslib.count.describe", "too_few"),
    "describe_list": ("kslib.count.describe", "describe_list"),
    "describe_lengths": ("kslib.count.describe", "describe_lengths"),
    "show_findings": ("kslib.plot.tables", "findings"),
    "show_text": ("kslib.plot.tables", "say"),
    "describe_network": ("kslib.count.describe", "describe_network"),
    "describe_validation": ("kslib.count.describe", "describe_validation"),
    "describe_scores": ("kslib.count.describe", "describe_scores"),
    "plot_scores": ("kslib.plot.figures", "plot_scores"),
    "ROLE_COLOURS": ("kslib.plot.figures", "GROUP_COLOURS"),
    "GENDER_COLOURS": ("kslib.plot.figures", "GENDER_COLOURS"),
    "count_group_sizes": ("kslib.count.words", "group_sizes"),
    "count_article_counties": ("kslib.count.places", "regions_on_2024_map"),
    "count_themes": ("kslib.count.themes", "theme_scores"),
    "count_theme_shares": ("kslib.count.themes", "theme_shares"),
    "count_themes_by_article": ("kslib.count.themes", "article_matrix"),
    "count_themes_by_group": ("kslib.count.themes", "group_matrix"),
    "count_counties": ("kslib.count.places", "count_by_county"),
    "count_municipalities": ("kslib.count.places", "count_by_municipality"),
    "count_role_groups": ("kslib.count.speakers", "count_role_groups"),
    "count_genders": ("kslib.count.speakers", "gender_shares"),
    "count_cooccurrences": ("kslib.count.speakers", "edges_table"),
    "speaker_network": ("kslib.count.speakers", "cooccurrence_graph"),
    "count_terms": ("kslib.count.words", "count_terms"),
    "top_terms": ("kslib.count.words", "top_terms"),
    "count_ngrams": ("kslib.count.words", "count_ngrams"),
    "count_collocations": ("kslib.count.words", "collocations"),
    "count_frequencies": ("kslib.count.words", "frequencies"),
    "count_frequencies_by": ("kslib.count.words", "group_frequencies"),
    "keyness": ("kslib.count.words", "keyness"),
    "keyness_by": ("kslib.count.words", "keyness_by"),
    "kwic": ("kslib.count.contexts", "kwic"),
    "top_tfidf": ("kslib.count.words", "tfidf_terms"),
    "fit_topics": ("kslib.count.topics", "fit_topics"),
    "fit_topics_if_enough": ("kslib.count.topics", "fit_topics_if_enough"),
    "align_topics_themes": ("kslib.count.topics", "align_topics_themes"),
    "score_extraction": ("kslib.count.evaluate", "evaluate"),
    "score_extraction_file": ("kslib.count.evaluate", "evaluate_file"),
    "count_scores": ("kslib.count.evaluate", "score_table"),
    # plot: tables to Axes, and the one writer
    "plot_bar": ("kslib.plot.figures", "plot_bar"),
    "plot_stacked": ("kslib.plot.figures", "plot_stacked"),
    "plot_heatmap": ("kslib.plot.figures", "plot_heatmap"),
    "plot_hist": ("kslib.plot.figures", "plot_hist"),
    "plot_trend": ("kslib.plot.figures", "plot_trend"),
    "plot_columns": ("kslib.plot.figures", "plot_columns"),
    "plot_wordcloud": ("kslib.plot.clouds", "plot_wordcloud"),
    "plot_wordclouds": ("kslib.plot.clouds", "plot_wordclouds"),
    "plot_network": ("kslib.plot.network", "plot_network"),
    "plot_county_map": ("kslib.plot.maps", "plot_county_map"),
    "save_figure": ("kslib.plot.writer", "save"),
    "show_table": ("kslib.plot.tables", "show"),
    # report
    "run_report": ("kslib.report.notebooks", "run_report"),
}

#: Names of the first release, kept one release: each warns and points to its new name.
_OLD: dict[str, str] = {
    "tag_themes": "extract_themes", "theme_scores": "count_themes", "theme_shares": "count_theme_shares",
    "article_matrix": "count_themes_by_article", "group_matrix": "count_themes_by_group",
    "headline_numbers": "count_key_numbers", "trend_note": "describe_years", "gender_shares": "count_genders",
    "edges_table": "count_cooccurrences", "cooccurrence_graph": "speaker_network",
    "collocations": "count_collocations", "frequencies": "count_frequencies",
    "group_frequencies": "count_frequencies_by", "tfidf_terms": "top_tfidf", "evaluate": "score_extraction",
    "evaluate_file": "score_extraction_file", "score_table": "count_scores",
    "count_by_county": "count_counties", "count_by_municipality": "count_municipalities",
    "to_speakers": "count_speakers",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str):
    if name in _API:
        from importlib import import_module

        module, attr = _API[name]
        value = getattr(import_module(module), attr)
        globals()[name] = value  # looked up once
        return value
    if name in _OLD:
        new = _OLD[name]
        warnings.warn(f"kslib.{name} is now kslib.{new}; the old name goes in the next release",
                      DeprecationWarning, stacklevel=2)
        return __getattr__(new)
    raise AttributeError(f"module 'kslib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
