"""The cast rules, in process on a tiny site: CS001 a page contradicts a guarded fact of a
family, CS002 the cast file itself is invalid or does not add up. Each test plants one defect
and sees it caught at its line; the real cast file and pages are checked at the end."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pena.cast import check_cast_facts, check_cast_file, load_cast
from pena.content import load_site
from pena.testing import BODY_LINE, REPO, MiniProject, page_text

CAST = """\
numbers:
  id: {thousands: ".", decimal: ",", scale: {juta: 1000000}}
  en: {thousands: ",", decimal: ".", scale: {million: 1000000}}
units:
  rupiah: {prefix: [Rp]}
  gram: {suffix: {id: [g, gram], en: [g, grams]}}
conventions:
  weeks_per_month: 4
  pockets:
    - {key: usaha, id: usaha, en: business}
    - {key: rumah-tangga, id: rumah tangga, en: household}
families:
  - key: sari
    names: [Bu Sari]
    role: {id: KPM, en: a KPM}
    business: {id: keripik singkong, en: cassava chips}
    batch:
      units: 100
      costs: {singkong: 50000, minyak: 156000}
      total: 206000
      hpp: 2060
    plan:
      income: 1000000
      pockets: {usaha: 200000, rumah-tangga: 800000}
    facts:
      - {name: pack size, unit: gram, value: 40, keywords: {id: [g, gram], en: [g, grams]}}
      - {name: HPP, unit: rupiah, value: 2060, keywords: {id: [HPP, biaya per bungkus], en: [HPP, cost per pack]}}
      - {name: warung price, unit: rupiah, value: 3500, keywords: {id: [ke warung], en: [to the warung]}}
      - {name: monthly profit, unit: rupiah, value: [656000, 650000], keywords: {id: [laba sebulan], en: [a month]}}
  - key: rina
    names: [Ibu Rina]
    role: {id: KPM, en: a KPM}
    business: {id: permak, en: alterations}
    facts:
      - {name: alteration price, unit: rupiah, value: 12000, keywords: {id: [per potong], en: [a piece]}}
"""

@pytest.fixture()
def root(tmp_path: Path) -> Path:
    # The site's own configuration and data files: pages are read with its Markdown extensions
    # (admonitions); the cast file is this module's small one.
    project = MiniProject(tmp_path, {}, [])
    project.write("_data/cast.yml", CAST)
    return project.root


def facts(root: Path, name: str, body: str) -> list[tuple[int | None, str]]:
    (root / "docs" / name).write_text(page_text("T", body), "utf-8")
    site = load_site(root / "docs", root / "mkdocs.yml")
    written = site.pages[(name.split(".")[0] + ".md", name.split(".")[1])]
    return [(f.line, f.message) for f in check_cast_facts(written) if f.code == "CS001"]


def file_problems(root: Path, text: str) -> list[tuple[int | None, str]]:
    (root / "docs" / "_data" / "cast.yml").write_text(text, "utf-8")
    site = load_site(root / "docs", root / "mkdocs.yml")
    found = check_cast_file(site)
    assert all(f.code == "CS002" and f.severity == "error" and f.path.endswith("cast.yml") for f in found)
    return [(f.line, f.message) for f in found]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# --------------------------------------------------------------------------------------------
# CS001


def test_cs001_planted_contradiction_is_caught_at_its_line(root: Path) -> None:
    found = facts(root, "a.id.md", """\
        Bu Sari menjual keripik ke warung Rp3.500 per bungkus.

        Bu Sari kini membuat bungkus 150 g dan menjual ke warung Rp4.000.
        """)
    assert found == [
        (BODY_LINE + 2, "Bu Sari's pack size is 40 g in the cast file, but this sentence gives 150 g"),
        (BODY_LINE + 2, "Bu Sari's warung price is Rp3.500 in the cast file, but this sentence gives Rp4.000"),
    ]


def test_cs001_reads_each_language_in_its_number_format(root: Path) -> None:
    assert facts(root, "a.en.md", "Bu Sari makes about Rp1,200,000 a month. Her HPP is Rp2,060.\n") == [
        (BODY_LINE, "Bu Sari's monthly profit is Rp656,000 or Rp650,000 in the cast file, but this sentence "
                    "gives Rp1,200,000"),
    ]
    assert facts(root, "b.id.md", "Laba sebulan Bu Sari Rp0,65 juta.\n") == []


def test_cs001_follows_arithmetic_to_its_result(root: Path) -> None:
    assert facts(root, "a.id.md", """\
        Bu Sari menghitung biaya per bungkus Rp206.000 ÷ 100 = Rp2.060.
        Laba sebulan Bu Sari Rp1.200.000 − Rp544.000 = Rp656.000.
        Bu Sari menghitung HPP = Rp206.000 ÷ 80 = Rp2.575.
        """) == [(BODY_LINE + 2, "Bu Sari's HPP is Rp2.060 in the cast file, but this sentence gives "
                                 "Rp206.000 ÷ 80 = Rp2.575")]


def test_cs001_sentence_scope_paragraph_and_example_box(root: Path) -> None:
    found = facts(root, "a.id.md", """\
        !!! example "Contoh: Ibu Rina menerima pesanan"

            Sebuah sekolah memesan 50 seragam seharga Rp15.000 per potong.

            | Pesanan | Harga |
            |---|---|
            | Permak | Rp20.000 per potong |

        Ibu Rina menjahit di rumah. Ia memasang tarif Rp25.000 per potong.

        Penjahit lain memasang Rp30.000 per potong.
        """)
    assert found == [
        (BODY_LINE + 2, "Ibu Rina's alteration price is Rp12.000 in the cast file, but this sentence gives Rp15.000"),
        (BODY_LINE + 8, "Ibu Rina's alteration price is Rp12.000 in the cast file, but this sentence gives Rp25.000"),
    ]


def test_cs001_numbers_far_from_the_keyword_or_of_another_unit_pass(root: Path) -> None:
    assert facts(root, "a.id.md", """\
        Bu Sari menjual ke warung, lalu warung menjual Rp5.000.
        Harga ke warung harus di bawah harga rak; Bu Sari memilih Rp3.500 ke warung.
        Bu Sari membeli alat seharga Rp288.000, dan Ibu Rina menabung Rp50.000.
        """) == []


# --------------------------------------------------------------------------------------------
# CS002


def test_cs002_numbers_that_do_not_add_up(root: Path) -> None:
    text = (CAST.replace("minyak: 156000}", "minyak: 150000}")
            .replace("hpp: 2060", "hpp: 2100")
            .replace("rumah-tangga: 800000}", "rumah-tangga: 700000}"))
    assert file_problems(root, text) == [
        (line_of(text, "total: 206000"), "families.0.batch.total: costs add up to 200000, not the total 206000"),
        (line_of(text, "hpp: 2100"), "families.0.batch.hpp: hpp 2100 is not total ÷ units = 206000 ÷ 100 = 2060"),
        (line_of(text, "income: 1000000"), "families.0.plan.income: pockets add up to 900000, not the income 1000000"),
    ]


def test_cs002_pockets_follow_the_conventions(root: Path) -> None:
    text = CAST.replace("pockets: {usaha: 200000, rumah-tangga: 800000}",
                        "pockets: {rumah-tangga: 800000, usaha: 200000}")
    assert file_problems(root, text) == [(line_of(text, "pockets: {rumah-tangga"),
                                          "families.0.plan.pockets: pockets are rumah-tangga, usaha; the plan has the "
                                          "pockets of conventions.pockets, in order: usaha, rumah-tangga")]


def test_cs002_schema_name_twice_unknown_unit_and_language(root: Path) -> None:
    text = CAST + textwrap.indent(textwrap.dedent("""\
        - key: sari-lagi
          names: [Bu Sari]
          role: {id: KPM, en: a KPM}
          business: {id: kue, en: cakes}
          facts:
            - {name: weight, unit: kilo, value: 1, keywords: {id: [kilo], fr: [kilo]}}
        """), "  ")
    problems = file_problems(root, text)
    start = line_of(text, "key: sari-lagi")
    assert problems == [
        (start, f"'Bu Sari' names two families (also on line {line_of(text, 'key: sari')})"),
        (start + 5, "fact 'weight' has unknown unit 'kilo'"),
        (start + 5, "fact 'weight' has keywords in unknown language(s) fr"),
    ]
    broken = CAST.replace("    names: [Ibu Rina]\n", "    names: [Rina]\n")
    assert file_problems(root, broken) == [(line_of(broken, "[Rina]"),
                                            "cast families.1.names.0: 'Rina' does not match "
                                            "'^(Bu|Ibu|Pak|Bapak|Mak|Mbak|Mas) [A-Z][a-z]+$'")]


def test_cs002_yaml_error_names_the_line(root: Path) -> None:
    text = CAST.replace("en: a KPM}\n    business: {id: permak", "en: [a KPM}\n    business: {id: permak")
    [(line, message)] = file_problems(root, text)
    assert message.startswith("cast file is not valid YAML") and line is not None


# --------------------------------------------------------------------------------------------
# The real cast file


def test_the_real_cast_file_is_valid_and_adds_up() -> None:
    cast = load_cast(REPO / "docs")
    sari = cast.member("Bu Sari").data
    assert sari["batch"]["total"] / sari["batch"]["units"] == sari["batch"]["hpp"] == 2060
    assert sari["small_batch"]["hpp"] > sari["batch"]["hpp"]  # a small batch costs more a pack
    now = sari["now"]
    per_batch = now["per_batch_revenue"] - sari["batch"]["total"]
    assert now["profit_per_month"] == now["batches_per_month"] * (per_batch - now["extra_data_per_week"])
    pockets = [p["key"] for p in cast.conventions["pockets"]]
    for member in cast.members:
        if "plan" in member.data:
            assert list(member.data["plan"]["pockets"]) == pockets
