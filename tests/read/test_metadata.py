"""Metadata beside the articles: merge, overrides, and every bad case reported, nothing lost."""

import pandas as pd
import pytest

from kslib.corpus import load_corpus
from kslib.count.overview import count_by_period
from kslib.read.metadata import parse_date, region_from_slug, region_from_url, slug_from_url

from ..conftest import write

A = "Tariffoppgjøret 2021 er i gang.\n\n- Vi forhandler nå, sier Kari Hansen."
B = "Kommunene i Innlandet møttes på Gol i 2019. Alle kommunene var med."
C = "En tredje artikkel uten årstall om kommuneøkonomi."
D = "En fjerde artikkel om skole og barnehage i kommunene."


def folder(tmp_path, metadata: str, name="metadata.csv"):
    for f, text in (("a.txt", A), ("b.txt", B), ("sub/c.txt", C), ("d.txt", D)):
        write(tmp_path, f, text)
    write(tmp_path, name, metadata)
    return tmp_path


def test_merge_and_every_bad_case(tmp_path):
    meta = ("file,date,url,title,region,author,kilde\n"
            "a.txt,2022-03-01,https://www.ks.no/regioner/ks-vestland/ny-avtale-om-lonn/,Egen tittel,,Ola,web\n"
            "b.txt,15.06.2023,,,Agder,,web\n"
            "sub/c.txt,i fjor,,,,,\n"
            "b.txt,2020-01-01,,,,,dup\n"
            "finnes-ikke.txt,2020-01-01,,,,,\n")
    with pytest.warns(UserWarning, match="metadata issue"):
        corpus = load_corpus(folder(tmp_path, meta), cache=False)
    a = corpus.articles.set_index("file")
    assert len(a) == 4  # nothing lost
    assert a.loc["a.txt", "date"] == pd.Timestamp("2022-03-01") and a.loc["a.txt", "year"] == 2022
    assert a.loc["a.txt", "year_source"] == "metadata" and a.loc["a.txt", "title"] == "Egen tittel"
    assert a.loc["a.txt", "region"] == "Vestland" and a.loc["a.txt", "region_source"] == "url"
    assert a.loc["a.txt", "region_office"] == "KS Vestland" and a.loc["a.txt", "url_slug"] == "ny-avtale-om-lonn"
    assert a.loc["b.txt", "year"] == 2023 and a.loc["b.txt", "region"] == "Agder"
    assert a.loc["b.txt", "region_source"] == "metadata" and a.loc["b.txt", "region_2024"] == "Agder"
    assert a.loc["b.txt", "meta_kilde"] == "web"  # the first of the duplicate rows
    assert pd.isna(a.loc["sub/c.txt", "date"]) and a.loc["d.txt", "year_source"] != "metadata"
    issues = corpus.metadata_issues
    said = set(zip(issues["file"], issues["issue"].str.split().str[0]))
    assert ("b.txt", "duplicate") in said
    assert ("finnes-ikke.txt", "no") in said
    assert ("d.txt", "article") in said
    assert ("sub/c.txt", "unparseable") in said
    assert ("metadata.csv", "unknown") in said


@pytest.mark.parametrize("name, body", [
    ("metadata.tsv", "file\tdate\na.txt\t01.02.2021\n"),
    ("metadata.json", '[{"file": "a.txt", "date": "2021-02-01"}]'),
])
def test_other_formats(tmp_path, name, body):
    with pytest.warns(UserWarning):
        corpus = load_corpus(folder(tmp_path, body, name), cache=False)
    assert corpus.articles.set_index("file").loc["a.txt", "date"] == pd.Timestamp("2021-02-01")


def test_metadata_without_file_column_is_reported_not_fatal(tmp_path):
    with pytest.warns(UserWarning, match="no `file` column"):
        corpus = load_corpus(folder(tmp_path, "dato,url\n2021-01-01,x\n"), cache=False)
    assert len(corpus.articles) == 4 and len(corpus.metadata_issues) == 1


@pytest.mark.parametrize("raw, expected", [("2024-02-14", "2024-02-14"), ("14.02.2024", "2024-02-14"),
                                           ("1.2.2024", "2024-02-01"), ("31.02.2024", None), ("i går", None)])
def test_parse_date(raw, expected):
    got = parse_date(raw)
    assert (None if got is None else got.strftime("%Y-%m-%d")) == expected


def test_url_helpers():
    assert region_from_url("https://www.ks.no/regioner/ks-møre-og-romsdal/x/") == "Møre og Romsdal"
    assert region_from_url("https://www.ks.no/regioner/ks-more-og-romsdal/x/") == "Møre og Romsdal"
    assert region_from_url("https://www.ks.no/regioner/ks-troms-og-finnmark/sak/") == "Troms og Finnmark"
    assert region_from_url("https://www.ks.no/fagomrader/x/") is None
    assert slug_from_url("https://www.ks.no/a/b/ny-sak/?x=1") == "ny-sak"


@pytest.mark.parametrize("slug, region", [
    # the county a page's own name names (its headline, written in the address without æ ø å)
    ("ks-barnevernloft-i-vestland-er-i-gang", "Vestland"), ("nytt-styre-i-ks-more-og-romsdal", "Møre og Romsdal"),
    ("ny-regiondirektor-for-ks-vestfold-og-telemark", "Vestfold og Telemark"),
    ("sammen-bygger-vi-et-sterkt-trondelag", "Trøndelag"), ("skal-bista-agder-kommunene", "Agder"),
    # none: two counties, a word that only starts like one, the capital (where national meetings are held)
    ("fra-nordland-til-agder", None), ("vestlandet-samles", None), ("landsting-i-oslo", None),
    ("ny-avtale-om-lonn", None), (None, None),
])
def test_region_from_slug(slug, region):
    assert region_from_slug(slug) == region


def test_a_county_the_pages_name_names_is_its_region(tmp_path):
    meta = "file,url\nd.txt,https://www.ks.no/fagomrader/barnevern/ks-barnevernloft-i-vestland-er-i-gang/\n"
    with pytest.warns(UserWarning, match="metadata issue"):  # a.txt, b.txt and sub/c.txt have no row
        a = load_corpus(folder(tmp_path, meta), cache=False).articles.set_index("file")
    assert (a.loc["d.txt", "region"], a.loc["d.txt", "region_source"]) == ("Vestland", "url")
    assert a.loc["d.txt", "region_2024"] == "Vestland" and pd.isna(a.loc["d.txt", "region_office"])
    assert (a.loc["a.txt", "region"], a.loc["a.txt", "region_source"]) == ("national", "text")


def test_count_by_period_has_every_period_and_a_gap_where_no_article_is():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "year": pd.array([2019, 2021, None], dtype="Int64"),
                             "date": pd.to_datetime([None, "2021-06-01", "2021-07-15"])})
    yearly = count_by_period(articles, "Y")
    assert yearly["period"].dt.year.tolist() == [2019, 2020, 2021]
    assert yearly["n"].tolist() == [1, pd.NA, 2] and yearly["in_period"].tolist() == [1, 0, 2]
    monthly = count_by_period(articles, "M")
    assert monthly.set_index("period").loc["2021-07-01", "articles"] == 1


def test_a_quoted_title_with_a_line_break_stays_one_row(tmp_path):
    meta = 'file,date,title\na.txt,2022-03-01,"Ny avtale\nom lønn"\nb.txt,2023-01-02,Kort\n'
    with pytest.warns(UserWarning):
        corpus = load_corpus(folder(tmp_path, meta), cache=False)
    a = corpus.articles.set_index("file")
    assert a.loc["a.txt", "title"] == "Ny avtale\nom lønn" and a.loc["b.txt", "year"] == 2023
    assert not corpus.metadata_issues["issue"].str.contains("fields").any()


def test_a_manifest_of_page_addresses_is_the_folders_metadata_and_its_years_count(tmp_path):
    """A web export's `MANIFEST.tsv` (file, url, language, section) is read, not rejected; a page's
    address that names a year (`/konsultasjonsmoter-2019/`) gives the year where the text gives
    none, read by the text's rules (a budget year alone gives none), and says so."""
    manifest = ("file\turl\tlanguage\tsection\n"
                "a.txt\thttps://www.ks.no/om-ks/konsultasjonsmoter-2019/hat-og-trusler/\tnb\tom-ks\n"
                "b.txt\thttps://www.ks.no/konsultasjonsmoter-2019/mote-pa-gol/\tnb\tom-ks\n"
                "sub/c.txt\thttps://www.ks.no/okonomi/statsbudsjettet-2020/hva-betyr-det/\tnb\tfagomrader\n"
                "d.txt\thttps://www.ks.no/skole/ny-rapport/\tnb\tfagomrader\n")
    with pytest.warns(UserWarning, match="MANIFEST.tsv") as caught:
        corpus = load_corpus(folder(tmp_path, manifest, "MANIFEST.tsv"), cache=False)
    assert not any("rejected" in str(w.message) for w in caught)
    a = corpus.articles.set_index("file")
    assert len(a) == 4 and a.loc["a.txt", "url_slug"] == "hat-og-trusler"
    # a.txt's text names 2021 itself, b.txt 2019: the text wins over the address
    assert a.loc["a.txt", "year"] == 2021 and a.loc["a.txt", "year_source"] == "text"
    assert a.loc["b.txt", "year"] == 2019 and a.loc["b.txt", "year_source"] == "text"
    assert pd.isna(a.loc["sub/c.txt", "year"]) and pd.isna(a.loc["d.txt", "year"])


def test_the_year_a_page_address_names_where_the_text_names_none(tmp_path):
    """The page's own name (the last part of its address, its headline) is text the reader sees:
    its year counts where the text names none. A folder the site files the page under
    (`/konsultasjonsmoter-2019/`, `/ks-toppmoter-2021/`) is not the article's text: no year."""
    manifest = ("file\turl\n"
                "c.txt\thttps://www.ks.no/om-ks/faste-moter/konsultasjonsmoter-2019/hat-trusler-og-vindkraft/\n"
                "d.txt\thttps://www.ks.no/innovasjon/bli-med-pa-innovasjonsbarometeret-2024/\n"
                "e.txt\thttps://www.ks.no/om-ks/konsultasjonsmoter-2018/oppsummering-fra-konsultasjonsmoter-2018\n")
    write(tmp_path, "c.txt", C)
    write(tmp_path, "d.txt", D)
    write(tmp_path, "e.txt", C)
    write(tmp_path, "MANIFEST.tsv", manifest)
    a = load_corpus(tmp_path, cache=False).articles.set_index("file")
    assert pd.isna(a.loc["c.txt", "year"]) and pd.isna(a.loc["c.txt", "year_evidence"])
    assert a.loc["d.txt", "year"] == 2024 and a.loc["d.txt", "year_source"] == "url"
    assert a.loc["d.txt", "year_evidence"] == "the page's address: a thing named by its year: «innovasjonsbarometeret 2024»"
    assert a.loc["e.txt", "year"] == 2018 and a.loc["e.txt", "year_source"] == "url"
