"""Every rule of the quality gate: plant exactly one defect and see it caught at its file and line.

The rules run in process on a small project (the site's own configuration and data files,
a handful of pages written here), which takes milliseconds. A few tests run scripts/check.py
itself: on the real site, on a planted error (exit code and output format) and on bad input.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pena.findings import Finding
from pena.testing import BODY_LINE, REPO, MiniProject, page_text

ABOUT = "tentang"
MODULE = "modul-uji"

ABOUT_ID = """\
    Halaman ini menjelaskan asal materi dan cara memakainya bersama keluarga dampingan.

    ## Asal materi { #asal }

    Materi disusun dari sebuah pelatihan tiga hari. Setiap bagian berisi penjelasan singkat,
    contoh hitungan, dan kegiatan yang bisa langsung dicoba.

    ## Cara memakai { #cara }

    Baca satu pelajaran, lalu coba [kuis modul](modul-uji/kuis.md) untuk menguji diri.
    """
ABOUT_EN = """\
    This page explains where the materials come from and how to use them with a family.

    ## Where the materials come from { #asal }

    The materials come from a three-day training. Each part has a short explanation,
    an example and an activity to try.

    ## How to use them { #cara }

    Read one lesson, then try the [module quiz](modul-uji/kuis.md) to test yourself.
    """


def quiz_body(lang: str, questions: int = 8) -> str:
    words = dict(zip(("intro", "question", "one", "two", "answer", "why"),
                     ("Pilih satu jawaban.", "Pertanyaan", "Satu", "Dua", "Lihat jawaban", "Karena benar.")
                     if lang == "id" else
                     ("Choose one answer.", "Question", "One", "Two", "Show answer", "Because it is right."),
                     strict=True))
    parts = [words["intro"] + "\n\n## Soal { #soal }\n"]
    for number in range(1, questions + 1):
        parts.append(f"### {number}. {words['question']} {number} {{ #soal-{number} }}\n\n"
                     f"- A. {words['one']}\n- B. {words['two']}\n\n"
                     f'??? success "{words["answer"]}"\n\n    **A.** {words["why"]}\n')
    return "\n".join(parts)


def module_pages(lang: str) -> dict[str, str]:
    """The smallest module that passes every rule: overview, two lessons, activity, quiz, handout."""
    id_ = lang == "id"
    lesson = ("Penjelasan singkat tentang topik ini.\n\n## Inti { #inti }\n\nSatu hal penting.\n\n"
              "## Poin penting { #poin-penting }\n\n- Ingat satu hal.\n") if id_ else (
              "A short explanation of this topic.\n\n## The core { #inti }\n\nOne important thing.\n\n"
              "## Key points { #poin-penting }\n\n- Remember one thing.\n")
    handout = ("**Satu pesan utama.**\n\n## Langkah { #langkah }\n\n1. Catat uang masuk.\n2. Catat uang keluar.\n"
               if id_ else
               "**One main message.**\n\n## Steps { #langkah }\n\n1. Write down money in.\n2. Write down money out.\n")
    return {
        f"{MODULE}/index.{lang}.md": page_text("Modul uji" if id_ else "Test module",
                                              "Isi modul." if id_ else "What the module holds.", "overview"),
        f"{MODULE}/pelajaran-a.{lang}.md": page_text("Pelajaran A" if id_ else "Lesson A", lesson, "lesson"),
        f"{MODULE}/pelajaran-b.{lang}.md": page_text("Pelajaran B" if id_ else "Lesson B", lesson, "lesson"),
        f"{MODULE}/latihan.{lang}.md": page_text("Latihan" if id_ else "Activity",
                                                "Langkah kegiatan." if id_ else "Steps of the session.", "activity"),
        f"{MODULE}/kuis.{lang}.md": page_text("Kuis" if id_ else "Quiz", quiz_body(lang), "quiz"),
        f"{MODULE}/lembar-kpm.{lang}.md": page_text("Lembar" if id_ else "Handout", handout, "handout"),
    }


NAV = [{"Mulai": [f"{ABOUT}.md"]},
       {"Modul uji": [f"{MODULE}/{name}.md" for name in
                      ("index", "pelajaran-a", "pelajaran-b", "latihan", "kuis", "lembar-kpm")]}]


@pytest.fixture()
def mini(tmp_path: Path) -> MiniProject:
    pages = {f"{ABOUT}.id.md": page_text("Tentang materi", ABOUT_ID),
             f"{ABOUT}.en.md": page_text("About the materials", ABOUT_EN),
             **module_pages("id"), **module_pages("en")}
    project = MiniProject(tmp_path / "mini", pages, NAV)
    project.mark_translations()
    return project


def caught(findings: list[Finding], code: str, name: str, line: int | None = None, text: str = "") -> Finding:
    """The finding of `code` in docs/<name> (at `line`, with `text` in its message); fails otherwise."""
    path = f"docs/{name}"
    matches = [f for f in findings if f.code == code and f.path == path and (line is None or f.line == line)
               and text in f.message]
    assert matches, f"{code} at {path}:{line} not reported; got {[(f.code, f.path, f.line) for f in findings]}"
    return matches[0]


def both(mini: MiniProject, text_id: str, text_en: str) -> tuple[int, int]:
    return mini.append(f"{ABOUT}.id.md", text_id), mini.append(f"{ABOUT}.en.md", text_en)


# --------------------------------------------------------------------------------------------


def test_the_small_project_passes_every_rule(mini: MiniProject) -> None:
    assert mini.check() == []


def test_fm001_yaml_syntax_error_names_file_and_line(mini: MiniProject) -> None:
    line = mini.replace(f"{ABOUT}.en.md", "type: page", "type: [page")
    caught(mini.check(), "FM001", f"{ABOUT}.en.md", line + 1)


def test_fm001_file_not_utf8(mini: MiniProject) -> None:
    mini.path(f"{ABOUT}.en.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    assert "UTF-8" in caught(mini.check(), "FM001", f"{ABOUT}.en.md").message


def test_fm002_unknown_key_wrong_type_missing_key(mini: MiniProject) -> None:
    line = mini.replace(f"{ABOUT}.id.md", "type: page", "type: page\nauthor: someone")
    mini.replace(f"{ABOUT}.en.md", "type: page", "type: 7")
    mini.replace(f"{MODULE}/latihan.en.md", "description:", "summary:")
    findings = mini.check()
    assert "author" in caught(findings, "FM002", f"{ABOUT}.id.md", line + 1).message
    caught(findings, "FM002", f"{ABOUT}.en.md", text="'type'")
    caught(findings, "FM002", f"{MODULE}/latihan.en.md", text="'description' is a required property")


def test_fs001_unsuffixed_page(mini: MiniProject) -> None:
    mini.write(f"{ABOUT}.md", page_text("Tanpa akhiran", "Teks."))
    mini.write("lain.md", page_text("Lain", "Teks."))
    findings = mini.check()
    assert "replaces its suffixed twin" in caught(findings, "FS001", f"{ABOUT}.md").message
    assert "rename it to lain.id.md" in caught(findings, "FS001", "lain.md").hint


def test_exclude_docs_decides_what_is_a_page(mini: MiniProject) -> None:
    """Files that mkdocs.yml's exclude_docs leaves out of the site are not checked either."""
    mini.write("_data/catatan.md", "no front matter, not a page")
    mini.write("draf/rencana.md", "# no front matter either")
    config = mini.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("exclude_docs: |\n", "exclude_docs: |\n  draf/\n"), "utf-8")
    assert mini.check() == []


def test_md001_module_page_type_missing(mini: MiniProject) -> None:
    for lang in ("id", "en"):
        mini.path(f"{MODULE}/kuis.{lang}.md").unlink()
    found = caught(mini.check(), "MD001", MODULE)
    assert "quiz" in found.message


def test_md002_page_not_in_nav(mini: MiniProject) -> None:
    mini.write("baru.id.md", page_text("Halaman baru", "Teks."))
    mini.write("baru.en.md", page_text("New page", "Text."))
    caught(mini.check(), "MD002", "baru.id.md")


def test_pg001_second_h1(mini: MiniProject) -> None:
    line_id, _ = both(mini, "# Judul kedua\n", "# Second title\n")
    caught(mini.check(), "PG001", f"{ABOUT}.id.md", line_id)


def test_pg002_skipped_heading_level(mini: MiniProject) -> None:
    line_id, _ = both(mini, "## Bagian { #bagian-uji }\n\n#### Terlalu dalam { #dalam }\n\nTeks.\n",
                      "## Section { #bagian-uji }\n\n#### Too deep { #dalam }\n\nText.\n")
    caught(mini.check(), "PG002", f"{ABOUT}.id.md", line_id + 2)


def test_pg003_h2_without_id_and_duplicate_id(mini: MiniProject) -> None:
    line_id, line_en = both(mini, "## Tanpa id\n\nTeks.\n",
                            "## One { #dup-id }\n\nText.\n\n## Two { #dup-id }\n\nText.\n")
    findings = mini.check()
    caught(findings, "PG003", f"{ABOUT}.id.md", line_id)
    assert "twice" in caught(findings, "PG003", f"{ABOUT}.en.md", line_en + 4).message


def test_pg003_sees_the_id_as_rendered(mini: MiniProject) -> None:
    """An attribute list that Python-Markdown does not read as one leaves the heading without id."""
    line_id, _ = both(mini, "## Judul {#}\n\nTeks.\n", "## Title { #judul }\n\nText.\n")
    caught(mini.check(), "PG003", f"{ABOUT}.id.md", line_id, "no explicit id")


def test_pg004_missing_image_bad_alt_and_other_host(mini: MiniProject) -> None:
    mini.write("img/peta.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    line_id, line_en = both(mini, "![peta](img/peta.svg)\n\n![Peta lokasi](img/tidak-ada.svg)\n\n"
                                  "![Peta lokasi](https://example.org/peta.png)\n",
                            "![](img/peta.svg)\n\n![Map of the venue](img/tidak-ada.svg)\n\n"
                            "![Map of the venue](https://example.org/peta.png)\n")
    findings = mini.check()
    assert "file name" in caught(findings, "PG004", f"{ABOUT}.id.md", line_id).message
    assert "does not exist" in caught(findings, "PG004", f"{ABOUT}.id.md", line_id + 2).message
    assert "another host" in caught(findings, "PG004", f"{ABOUT}.id.md", line_id + 4).message
    assert "no alt" in caught(findings, "PG004", f"{ABOUT}.en.md", line_en).message


def test_pg005_quiz_question_without_folded_answer_and_too_few(mini: MiniProject) -> None:
    name = f"{MODULE}/kuis.id.md"
    text = mini.path(name).read_text("utf-8")
    question = text.index("### 1.")
    answer = text.index("???", question)
    mini.write(name, text[:answer] + "!!!" + text[answer + 3:])
    caught(mini.check(), "PG005", name, text[:question].count("\n") + 1)
    mini.write(name, page_text("Kuis", quiz_body("id", questions=3), "quiz"))
    assert "needs at least 8" in caught(mini.check(), "PG005", name).message


def test_pg006_vague_link_text(mini: MiniProject) -> None:
    line_id, line_en = both(mini, "Baca [di sini](index.md).\n", "Read it [here](index.md).\n")
    findings = mini.check()
    caught(findings, "PG006", f"{ABOUT}.id.md", line_id)
    caught(findings, "PG006", f"{ABOUT}.en.md", line_en)


def test_pg007_lesson_without_key_points(mini: MiniProject) -> None:
    name = f"{MODULE}/pelajaran-a.id.md"
    mini.append(name, "## Tambahan { #tambahan }\n\nTeks tambahan.\n")
    caught(mini.check(), "PG007", name)


def test_pg008_handout_with_long_sentences_and_no_steps(mini: MiniProject) -> None:
    name = f"{MODULE}/lembar-kpm.id.md"
    mini.write(name, page_text("Lembar", (" ".join(["kata"] * 40) + ".\n\n") * 5, "handout"))
    messages = [f.message for f in mini.check() if f.code == "PG008" and f.path == f"docs/{name}"]
    assert any("average 40.0 words" in m for m in messages), messages
    assert any("no numbered steps" in m for m in messages), messages


def test_pg008_steps_right_after_a_line_are_not_a_list_on_the_site(mini: MiniProject) -> None:
    """Python-Markdown (the site) needs a blank line before a list; CommonMark does not. The
    check reads the page as the site renders it, so these 'steps' are a plain paragraph."""
    name = f"{MODULE}/lembar-kpm.id.md"
    mini.write(name, page_text("Lembar", "**Pesan utama.**\n\nLakukan ini:\n1. Catat uang masuk.\n"
                                         "2. Catat uang keluar.\n", "handout"))
    caught(mini.check(), "PG008", name, text="no numbered steps")


def test_im001_image_over_budget(mini: MiniProject) -> None:
    mini.write("assets/besar.svg", '<svg xmlns="http://www.w3.org/2000/svg">' + "<!--" + "x" * 210_000 + "--></svg>")
    caught(mini.check(), "IM001", "assets/besar.svg")


@pytest.mark.parametrize(
    ("code", "text_id", "text_en", "expected"),
    [
        ("TR003", "## Langkah ketiga { #langkah-3 }\n\nTeks.\n", "## Third step { #step-3 }\n\nText.\n", "langkah-3"),
        ("TR004", '!!! tip "Saran"\n\n    Teks.\n', '!!! warning "Advice"\n\n    Text.\n', "tip"),
        ("TR005", "![Peta lokasi](img/peta.svg)\n", "Map of the venue.\n", "peta.svg"),
        ("TR006", "Lihat [pelajaran](modul-uji/pelajaran-a.md).\n", "See the [quiz](modul-uji/kuis.md).\n",
         "pelajaran-a.md"),
    ],
)
def test_parity_rules_name_the_first_difference(mini: MiniProject, code: str, text_id: str, text_en: str,
                                                expected: str) -> None:
    mini.write("img/peta.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    both(mini, text_id, text_en)
    assert expected in caught(mini.check(), code, f"{ABOUT}.en.md").message


def test_tr007_quiz_question_count(mini: MiniProject) -> None:
    name = f"{MODULE}/kuis.en.md"
    mini.write(name, page_text("Quiz", quiz_body("en", questions=9), "quiz"))
    caught(mini.check(), "TR007", name)


def test_tr008_word_count_ratio(mini: MiniProject) -> None:
    mini.append(f"{ABOUT}.id.md", "## Catatan panjang { #catatan-panjang }\n\n" + "kata " * 300 + "\n")
    mini.append(f"{ABOUT}.en.md", "## Long note { #catatan-panjang }\n\nShort.\n")
    caught(mini.check(), "TR008", f"{ABOUT}.en.md")


def test_tr001_missing_translation_is_a_warning(mini: MiniProject) -> None:
    mini.path(f"{ABOUT}.en.md").unlink()
    assert caught(mini.check(), "TR001", f"{ABOUT}.id.md").severity == "warning"


def test_tr002_changed_source_is_a_stale_warning_naming_the_section(mini: MiniProject) -> None:
    mini.replace(f"{ABOUT}.id.md", "## Cara memakai { #cara }\n", "## Cara memakai { #cara }\n\nKalimat baru.\n")
    found = caught(mini.check(), "TR002", f"{ABOUT}.en.md")
    assert found.severity == "warning" and "cara" in found.message


def test_lk001_broken_links_anchors_and_root_absolute_links_in_built_pages(mini: MiniProject, tmp_path: Path) -> None:
    built = tmp_path / "built"
    for folder in ("tentang", "en/tentang"):
        (built / folder).mkdir(parents=True)
        (built / folder / "index.html").write_text(f'<html><body><h2 id="cara">x</h2><a href="#cara">ok</a>'
                                                   f'<a href="../{folder.split("/")[-1]}/#cara">ok</a></body></html>')
    (built / "index.html").write_text('<html><body><a href="tentang/">ok</a></body></html>')
    page = built / "en" / "tentang" / "index.html"
    planted = '<a href="../tentang/#no-such-anchor">x</a><img src="missing.png" alt="missing"><a href="/tentang/">r</a>'
    page.write_text(page.read_text().replace("</body>", planted + "</body>"))
    broken = [f.message for f in mini.check(built) if f.code == "LK001" and f.path == f"docs/{ABOUT}.en.md"]
    assert any("no-such-anchor" in m for m in broken), broken
    assert any("missing.png" in m for m in broken), broken
    assert any("root-absolute link '/tentang/'" in m for m in broken), broken
    assert len(broken) == 3, broken


def test_lk002_broken_external_link_is_a_warning(tmp_path: Path) -> None:
    """`make check-external` (linkinator): a closed local port stands in for a dead host; the
    share bar's WhatsApp links are not checked."""
    from pena.content import load_site
    from pena.sitelinks import check_external_links

    built = tmp_path / "site"
    built.mkdir()
    (built / "index.html").write_text('<html><body><a href="http://127.0.0.1:9/gone">gone</a>'
                                      '<a href="https://wa.me/?text=x">share</a></body></html>', "utf-8")
    found = check_external_links(load_site(), built)
    assert [(f.code, f.severity) for f in found] == [("LK002", "warning")], found
    assert "127.0.0.1:9/gone" in found[0].message


# --------------------------------------------------------------------------------------------
# scripts/check.py itself
# --------------------------------------------------------------------------------------------


def run_check(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "check.py"), "--root", str(root), *extra],
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


def test_cli_on_the_real_site_and_its_build(built_site: Path) -> None:
    done = run_check(REPO, "--site", str(built_site))
    assert done.returncode == 0, done.stdout[-3000:]
    assert re.search(r"^0 errors, \d+ warnings \(checks took \d+\.\d\d s, \d+\.\d\d s of CPU\)$", done.stdout, re.M), \
        done.stdout[-500:]
    assert "wa.me/?text=" not in done.stdout  # the share bar's links are not listed as external links


def test_cli_reports_a_planted_error_with_exit_1_as_text_and_json(mini: MiniProject) -> None:
    line = mini.append(f"{ABOUT}.id.md", "## Tanpa id\n\nTeks.\n")
    text = run_check(mini.root)
    assert text.returncode == 1
    assert f"docs/{ABOUT}.id.md:{line}: error PG003 H2 'Tanpa id' has no explicit id (hint: " in text.stdout
    data = json.loads(run_check(mini.root, "--json").stdout)
    errors = [item for item in data["findings"] if item["severity"] == "error"]
    assert (f"docs/{ABOUT}.id.md", line, "PG003") in [(item["path"], item["line"], item["code"]) for item in errors]


def test_cli_bad_site_folder_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    done = run_check(REPO, "--site", str(tmp_path))
    assert done.returncode == 2
    assert "no built site" in done.stderr


@pytest.mark.slow
def test_linkinator_agrees_the_built_site_has_no_broken_internal_links(built_site: Path) -> None:
    """Cross-check of the file-based link check with a well-kept crawler (slower, so only here)."""
    from pena.sitelinks import linkinator_broken, run_linkinator

    broken = [f for f in linkinator_broken(run_linkinator(built_site)) if f.code == "LK001"]
    assert not broken, [str(f) for f in broken[:10]]


def test_body_line_of_a_test_page() -> None:
    assert page_text("T", "first\n").split("\n")[BODY_LINE - 1] == "first"
