"""The termbase rules, in process on a tiny site: GL001 rival terms, GL002 the termbase itself,
GL003 gloss on first use. Each test plants one defect and sees it caught at its line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pena.content import Site, load_site
from pena.glossary import check_glossary, kept_terms_markdown, load_termbase
from pena.testing import BODY_LINE, REPO, MiniProject, page_text

TERMBASE = """\
escape:
  id: [bukan]
  en: [not, instead of]
terms:
  - term: {id: KPM, en: KPM}
    gloss: {en: [beneficiary families, beneficiary family]}
    definition: {id: Keluarga penerima manfaat., en: A family that receives assistance.}
    avoid: {en: [KPMs]}
  - term: {id: gorengan, en: gorengan}
    gloss: {en: [fried snacks]}
    definition: {id: Jajanan goreng dijual per buah., en: Fried snacks sold by the piece.}
    avoid: {en: [fritters]}
  - term: {id: pesan tidak di tempat, en: away message}
    definition: {id: Pesan otomatis saat penjual tidak ada., en: Automatic message when the seller is away.}
    avoid: {id: [pesan away]}
  - term: {id: kertas HVS, en: HVS paper}
    also: {id: [HVS]}
    gloss: {en: [ordinary white printer paper]}
    definition: {id: Kertas putih biasa untuk mencetak., en: Ordinary white paper for printing.}
  - term: {id: KUR, en: KUR}
    gloss: {en: ["People's Business Credit"]}
    definition: {id: Kredit usaha bersubsidi pemerintah., en: Government-subsidised business credit.}
  - term: {id: KUR Super Mikro, en: KUR Super Mikro}
    gloss: {en: ["People's Business Credit for very small loans"]}
    definition: {id: KUR untuk pinjaman kecil sekali., en: KUR for very small loans indeed.}
  - term: {id: titik impas, en: break-even point}
    definition: {id: Jumlah unit agar biaya kembali., en: Units to sell to recover a cost.}
    avoid: {en: [break-even quantity]}
"""

@pytest.fixture()
def site_dir(tmp_path: Path) -> Path:
    # The site's configuration and data files, with this module's small termbase.
    project = MiniProject(tmp_path, {}, [])
    project.write("_data/glossary.yml", TERMBASE)
    return project.root


def check(root: Path, pages: dict[str, str]) -> list:
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, "utf-8")
    site: Site = load_site(root / "docs", root / "mkdocs.yml")
    return check_glossary(site)


def codes(found: list, code: str) -> list[tuple[str, int | None, str]]:
    return [(f.path.rsplit("/", 1)[-1], f.line, f.message) for f in found if f.code == code]


# --------------------------------------------------------------------------------------------
# GL001


def test_gl001_rival_anywhere_on_a_page_of_its_language(site_dir: Path) -> None:
    found = check(site_dir, {
        # The Indonesian page does not use the term: the rival is an error all the same.
        "a.id.md": page_text("A", "Teks biasa.\n"),
        "a.en.md": page_text("A", """\
            Plain text.

            | Snack | Price |
            |---|---|
            | Fritters | Rp1,000 |

            ## More fritters { #more }
            """),
    })
    assert codes(found, "GL001") == [
        ("a.en.md", BODY_LINE + 4, "'Fritters' is a rival term for 'gorengan'"),
        ("a.en.md", BODY_LINE + 6, "'fritters' is a rival term for 'gorengan'"),
    ]
    assert "write 'gorengan'" in next(f.hint for f in found if f.code == "GL001")


def test_gl001_rivals_are_per_language(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", "Nyalakan Pesan away di ponsel.\n"),
        "a.en.md": page_text("A", "The old menu was called pesan away.\n"),
    })
    assert codes(found, "GL001") == [("a.id.md", BODY_LINE, "'Pesan away' is a rival term for 'pesan tidak di tempat'")]


def test_gl001_quoted_rival_after_an_escape_word_is_allowed(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", 'Namanya "Pesan tidak di tempat", bukan "Pesan away".\n'),
        "a.en.md": page_text("A", """\
            Call them gorengan (fried snacks), not "fritters". Write the break-even point
            instead of "break-even quantity".

            A quoted "fritters" without an escape word, and not fritters without quotes.
            """),
    })
    assert codes(found, "GL001") == [
        ("a.en.md", BODY_LINE + 3, "'fritters' is a rival term for 'gorengan'"),
        ("a.en.md", BODY_LINE + 3, "'fritters' is a rival term for 'gorengan'"),
    ]


def test_gl001_code_spans_and_link_targets_are_not_text(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", "Teks.\n"),
        "a.en.md": page_text("A", "Type `fritters` in the box. See [the list](fritters.md).\n"),
    })
    assert codes(found, "GL001") == []


# --------------------------------------------------------------------------------------------
# GL003


def test_gl003_first_use_without_gloss_names_line_and_gloss(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", "KPM membuat gorengan.\n"),
        "a.en.md": page_text("A", """\
            ## What KPM sell { #sell }

            Many KPM make gorengan (fried snacks).
            Later KPM and gorengan need no gloss.
            """),
    })
    problems = [f for f in found if f.code == "GL003"]
    assert [(f.line, f.message) for f in problems] == [(BODY_LINE + 2, "first use of 'KPM' on this page has no gloss")]
    assert "write 'KPM (beneficiary families)'" in problems[0].hint


def test_gl003_accepted_gloss_forms(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", "Teks.\n"),
        "a.en.md": page_text("A", """\
            A KPM (a beneficiary family) buys a sheet of HVS paper (ordinary white printer
            paper). Gorengan
            (fried snacks) sell well. KUR Super Mikro (People's Business Credit for very small
            loans) is a kind of KUR.
            """),
    })
    assert codes(found, "GL003") == []


def test_gl003_reverse_order_does_not_count_and_the_next_use_needs_the_gloss(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", "Teks.\n"),
        "a.en.md": page_text("A", """\
            Beneficiary families (KPM) run small businesses.

            | Who | What |
            |---|---|
            | KPM | snacks |
            """),
    })
    assert codes(found, "GL003") == [("a.en.md", BODY_LINE + 4, "first use of 'KPM' on this page has no gloss")]


def test_gl003_a_bracket_that_is_not_a_gloss_is_still_a_use(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", "Teks.\n"),
        "a.en.md": page_text("A", """\
            Facilitators (who support KPM and their gorengan stalls) come first. KUR (People's
            Business Credit; in Indonesian Kredit Usaha Rakyat, not KPM) is glossed.
            """),
    })
    assert codes(found, "GL003") == [
        ("a.en.md", BODY_LINE, "first use of 'KPM' on this page has no gloss"),
        ("a.en.md", BODY_LINE, "first use of 'gorengan' on this page has no gloss"),
    ]


def test_gl003_every_page_glosses_on_its_own(site_dir: Path) -> None:
    found = check(site_dir, {
        "a.id.md": page_text("A", "Teks.\n"), "b.id.md": page_text("B", "Teks.\n"),
        "a.en.md": page_text("A", "KPM (beneficiary families) first.\n"),
        "b.en.md": page_text("B", 'A quoted title "Ratusan KPM" is not a use.\n\nThe KPM sell gorengan.\n'),
    })
    assert codes(found, "GL003") == [
        ("b.en.md", BODY_LINE + 2, "first use of 'KPM' on this page has no gloss"),
        ("b.en.md", BODY_LINE + 2, "first use of 'gorengan' on this page has no gloss"),
    ]


# --------------------------------------------------------------------------------------------
# GL002 (the termbase itself; the CLI tests in test_checks.py cover YAML and schema errors)


def test_gl002_unknown_language_duplicate_and_contradictory_rival(site_dir: Path) -> None:
    glossary = site_dir / "docs" / "_data" / "glossary.yml"
    glossary.write_text(TERMBASE + textwrap.indent(textwrap.dedent("""\
        - term: {id: warung, fr: boutique}
          definition: {id: Toko kecil di lingkungan rumah., en: A small neighbourhood shop.}
        - term: {id: kpm, en: family}
          definition: {id: Keluarga yang lain sekali., en: Another family altogether.}
        - term: {id: harga jual, en: selling price}
          definition: {id: Harga yang dibayar pembeli., en: The price a buyer pays.}
          avoid: {en: [break-even point]}
        """), "  "), "utf-8")
    found = check(site_dir, {"a.id.md": page_text("A", "Teks.\n"), "a.en.md": page_text("A", "Text.\n")})
    messages = [(f.line, f.message) for f in found if f.code == "GL002"]
    lines = TERMBASE.count("\n") + 1
    kpm, impas = (TERMBASE.splitlines().index(f"  - term: {{id: {key}, en: {en}}}") + 1
                  for key, en in (("KPM", "KPM"), ("titik impas", "break-even point")))
    assert messages == [
        (lines, "term 'warung' uses unknown language(s) fr"),
        (lines + 2, f"term 'kpm' is listed twice (first on line {kpm})"),
        (lines + 4, f"'break-even point' is a rival of 'harga jual' but the agreed en term of 'titik impas' "
                    f"(line {impas})"),
    ]
    assert all(f.severity == "error" for f in found if f.code == "GL002")


def test_gl002_the_termbase_must_not_write_its_own_rivals(site_dir: Path) -> None:
    glossary = site_dir / "docs" / "_data" / "glossary.yml"
    glossary.write_text(TERMBASE + textwrap.indent(textwrap.dedent("""\
        - term: {id: bakwan, en: bakwan}
          gloss: {en: [vegetable fritters]}
          definition: {id: Gorengan sayur dari tepung., en: Vegetable gorengan made with batter.}
        """), "  "), "utf-8")
    found = check(site_dir, {"a.id.md": page_text("A", "Teks.\n"), "a.en.md": page_text("A", "Text.\n")})
    assert [(f.line, f.message) for f in found if f.code == "GL002"] == [
        (TERMBASE.count("\n") + 1, "'fritters' in the en gloss or definition of 'bakwan' is a rival of 'gorengan'")]


# --------------------------------------------------------------------------------------------
# The real termbase


def test_the_real_termbase_is_valid_and_lists_its_kept_terms() -> None:
    termbase = load_termbase(REPO / "docs")
    listed = kept_terms_markdown(termbase, "en", {"also": "also"}).splitlines()
    needing = [t for t in termbase.terms if t.gloss("en")]
    assert len(needing) > 50 and len(listed) == len(needing)
    assert "- KPM (beneficiary families)" in listed
    assert "- HVS paper (ordinary white printer paper); also HVS" in listed
    assert "- judi online (online gambling); also judol, judi daring" in listed
    assert "- pendamping PKH (PKH facilitator)" in listed
