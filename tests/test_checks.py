"""Every rule of scripts/check.py: plant exactly one defect in a copy of the site, see it caught.

Defects go into pages whose structure is stable (the about page, the glossary data); each test
asserts the rule code, the file and, where there is one, the line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pena.testing import REPO, append, copy_repo, replace

ABOUT_ID = "docs/tentang.id.md"
ABOUT_EN = "docs/tentang.en.md"


def run_check(root: Path, *extra: str) -> tuple[int, list[dict], str]:
    done = subprocess.run([sys.executable, str(root / "scripts" / "check.py"), "--root", str(root), "--json", *extra],
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    findings = json.loads(done.stdout)["findings"] if done.stdout.strip().startswith("{") else []
    return done.returncode, findings, done.stdout + done.stderr


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = copy_repo(tmp_path / "repo")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    return root


def errors(findings: list[dict], code: str) -> list[dict]:
    return [f for f in findings if f["code"] == code]


def assert_caught(findings: list[dict], code: str, path: str, line: int | None = None, text: str = "") -> dict:
    matches = [f for f in errors(findings, code)
               if f["path"] == path and (line is None or f["line"] == line) and text in f["message"]]
    assert matches, f"{code} at {path}:{line} not reported; got {[(f['code'], f['path'], f['line']) for f in findings]}"
    return matches[0]


def both(root: Path, text_id: str, text_en: str) -> tuple[int, int]:
    return append(root / ABOUT_ID, text_id), append(root / ABOUT_EN, text_en)


# --------------------------------------------------------------------------------------------


def test_real_content_has_no_errors() -> None:
    code, findings, output = run_check(REPO)
    problems = [f for f in findings if f["severity"] == "error"]
    assert code == 0 and not problems, output


def test_fm001_yaml_syntax_error_names_file_and_line(repo: Path) -> None:
    line = replace(repo / ABOUT_EN, "type: page", "type: [page")
    code, findings, _ = run_check(repo)
    assert code == 1
    assert_caught(findings, "FM001", ABOUT_EN, line + 1)


def test_fm002_unknown_key_and_wrong_type(repo: Path) -> None:
    line = replace(repo / ABOUT_ID, "type: page", "type: page\nauthor: someone")
    replace(repo / ABOUT_EN, "type: page", "type: 7")
    code, findings, _ = run_check(repo)
    assert code == 1
    unknown = assert_caught(findings, "FM002", ABOUT_ID, line + 1)
    assert "author" in unknown["message"]
    assert_caught(findings, "FM002", ABOUT_EN, text="'type'")


def test_fm002_missing_required_key(repo: Path) -> None:
    page = repo / ABOUT_EN
    text = page.read_text("utf-8")
    description = next(line for line in text.splitlines() if line.startswith("description:"))
    page.write_text(text.replace(description + "\n", "", 1), "utf-8")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "FM002", ABOUT_EN, text="'description' is a required property")


def test_fs001_unsuffixed_page(repo: Path) -> None:
    shutil.copy(repo / ABOUT_ID, repo / "docs" / "tentang.md")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "FS001", "docs/tentang.md")


def test_md001_module_page_type_missing(repo: Path) -> None:
    for lang in ("id", "en"):
        (repo / "docs" / "riset-sederhana" / f"kuis.{lang}.md").unlink()
    _, findings, _ = run_check(repo)
    found = assert_caught(findings, "MD001", "docs/riset-sederhana")
    assert "quiz" in found["message"]


def test_md002_page_not_in_nav(repo: Path) -> None:
    text = (repo / "mkdocs.yml").read_text("utf-8").replace("      - tentang.md\n", "")
    (repo / "mkdocs.yml").write_text(text, "utf-8")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "MD002", ABOUT_ID)


def test_pg001_second_h1(repo: Path) -> None:
    line_id, _ = both(repo, "# Judul kedua\n", "# Second title\n")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "PG001", ABOUT_ID, line_id)


def test_pg002_skipped_heading_level(repo: Path) -> None:
    line_id, _ = both(repo, "## Bagian { #bagian-uji }\n\n#### Terlalu dalam { #dalam }\n\nTeks.\n",
                      "## Section { #bagian-uji }\n\n#### Too deep { #dalam }\n\nText.\n")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "PG002", ABOUT_ID, line_id + 2)


def test_pg003_h2_without_id_and_duplicate_id(repo: Path) -> None:
    line_id, line_en = both(repo, "## Tanpa id\n\nTeks.\n",
                            "## One { #dup-id }\n\nText.\n\n## Two { #dup-id }\n\nText.\n")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "PG003", ABOUT_ID, line_id)
    assert "twice" in assert_caught(findings, "PG003", ABOUT_EN, line_en + 4)["message"]


def test_pg004_missing_image_and_bad_alt(repo: Path) -> None:
    image_dir = repo / "docs" / "img"
    image_dir.mkdir()
    (image_dir / "peta.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    line_id, line_en = both(repo, "![peta](img/peta.svg)\n\n![Peta lokasi](img/tidak-ada.svg)\n",
                            "![](img/peta.svg)\n\n![Map of the venue](img/tidak-ada.svg)\n")
    _, findings, _ = run_check(repo)
    assert "file name" in assert_caught(findings, "PG004", ABOUT_ID, line_id)["message"]
    assert "does not exist" in assert_caught(findings, "PG004", ABOUT_ID, line_id + 2)["message"]
    assert "no alt" in assert_caught(findings, "PG004", ABOUT_EN, line_en)["message"]


def test_pg004_image_from_another_host(repo: Path) -> None:
    line_id, _ = both(repo, "![Peta lokasi](https://example.org/peta.png)\n", "Map of the venue.\n")
    _, findings, _ = run_check(repo)
    assert "another host" in assert_caught(findings, "PG004", ABOUT_ID, line_id)["message"]


def test_pg005_quiz_question_without_folded_answer_and_too_few(repo: Path) -> None:
    quiz = repo / "docs" / "riset-sederhana" / "kuis.id.md"
    text = quiz.read_text("utf-8")
    first = re.search(r"^### .*\{ #soal-1 \}$", text, re.M)
    assert first, "quiz page has no question soal-1"
    answer = re.search(r"^\?\?\? ", text[first.end():], re.M)
    assert answer
    start = first.end() + answer.start()
    quiz.write_text(text[:start] + "!!! " + text[start + 4:], "utf-8")
    _, findings, _ = run_check(repo)
    line = text[: first.start()].count("\n") + 1
    assert_caught(findings, "PG005", "docs/riset-sederhana/kuis.id.md", line)
    # too few questions
    kept = re.split(r"(?=^### .*\{ #soal-3 \}$)", text, flags=re.M)[0]
    quiz.write_text(kept, "utf-8")
    _, findings, _ = run_check(repo)
    assert "needs at least 8" in assert_caught(findings, "PG005", "docs/riset-sederhana/kuis.id.md")["message"]


def test_pg006_vague_link_text(repo: Path) -> None:
    line_id, line_en = both(repo, "Baca [di sini](index.md).\n", "Read it [here](index.md).\n")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "PG006", ABOUT_ID, line_id)
    assert_caught(findings, "PG006", ABOUT_EN, line_en)


def test_pg007_lesson_without_key_points(repo: Path) -> None:
    lesson = repo / "docs" / "riset-sederhana" / "mengenal-pembeli.id.md"
    append(lesson, "## Tambahan { #tambahan }\n\nTeks tambahan.\n")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "PG007", "docs/riset-sederhana/mengenal-pembeli.id.md")


def test_pg008_handout_with_long_sentences_and_no_steps(repo: Path) -> None:
    handout = repo / "docs" / "riset-sederhana" / "lembar-kpm.id.md"
    page_text = handout.read_text("utf-8")
    body_start = page_text.index("\n# ")
    long_sentence = " ".join(["kata"] * 40) + "."
    handout.write_text(page_text[:body_start] + "\n# Lembar\n\n" + (long_sentence + "\n\n") * 5, "utf-8")
    _, findings, _ = run_check(repo)
    messages = [f["message"] for f in errors(findings, "PG008") if f["path"] == "docs/riset-sederhana/lembar-kpm.id.md"]
    assert any("average 40.0 words" in m for m in messages), messages
    assert any("no numbered steps" in m for m in messages), messages


def test_im001_image_over_budget(repo: Path) -> None:
    big = repo / "docs" / "assets" / "images" / "besar.svg"
    big.write_text('<svg xmlns="http://www.w3.org/2000/svg">' + "<!--" + "x" * 210_000 + "--></svg>")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "IM001", "docs/assets/images/besar.svg")


@pytest.mark.parametrize(
    ("code", "text_id", "text_en", "expected"),
    [
        ("TR003", "## Langkah ketiga { #langkah-3 }\n\nTeks.\n", "## Third step { #step-3 }\n\nText.\n",
         "langkah-3"),
        ("TR004", "!!! tip \"Saran\"\n\n    Teks.\n", "!!! warning \"Advice\"\n\n    Text.\n", "tip"),
        ("TR005", "![Peta lokasi](assets/images/logo.svg)\n", "Map of the venue.\n", "logo.svg"),
        ("TR006", "Lihat [glosarium](glosarium.md).\n", "See the [about page](tentang.md).\n", "glosarium.md"),
    ],
)
def test_parity_rules_name_the_first_difference(repo: Path, code: str, text_id: str, text_en: str,
                                                expected: str) -> None:
    both(repo, text_id, text_en)
    _, findings, _ = run_check(repo)
    found = assert_caught(findings, code, ABOUT_EN)
    assert expected in found["message"]


def test_tr007_quiz_question_count(repo: Path) -> None:
    quiz = repo / "docs" / "riset-sederhana" / "kuis.en.md"
    text = quiz.read_text("utf-8")
    last = list(re.finditer(r"^### .*\{ #soal-\d+ \}$", text, re.M))[-1]
    quiz.write_text(text[: last.start()], "utf-8")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "TR007", "docs/riset-sederhana/kuis.en.md")


def test_tr008_word_count_ratio(repo: Path) -> None:
    append(repo / ABOUT_ID, "## Catatan panjang { #catatan-panjang }\n\n" + "kata " * 3000 + "\n")
    append(repo / ABOUT_EN, "## Long note { #catatan-panjang }\n\nShort.\n")
    _, findings, _ = run_check(repo)
    assert_caught(findings, "TR008", ABOUT_EN)


def test_tr001_missing_translation_is_a_warning(repo: Path) -> None:
    (repo / ABOUT_EN).unlink()
    code, findings, _ = run_check(repo)
    found = [f for f in findings if f["code"] == "TR001" and f["path"] == ABOUT_ID]
    assert found and found[0]["severity"] == "warning"


def test_tr002_changed_source_is_a_stale_warning_naming_the_section(repo: Path) -> None:
    text = (repo / ABOUT_ID).read_text("utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## ") and "{ #" in line)
    section = heading.split("{ #")[1].split(" }")[0]
    (repo / ABOUT_ID).write_text(text.replace(heading, heading + "\n\nKalimat baru.", 1), "utf-8")
    code, findings, _ = run_check(repo)
    stale = [f for f in findings if f["code"] == "TR002" and f["path"] == ABOUT_EN]
    assert stale and stale[0]["severity"] == "warning" and section in stale[0]["message"]
    assert code == 0  # warnings do not fail the gate


def test_gl002_glossary_data_error(repo: Path) -> None:
    glossary = repo / "docs" / "_data" / "glossary.yml"
    line = append(glossary, "  - term: {id: istilah baru, en: new term}\n")
    _, findings, _ = run_check(repo)
    assert "definition" in assert_caught(findings, "GL002", "docs/_data/glossary.yml", line)["message"]


def test_gl002_glossary_yaml_error_and_duplicate_term(repo: Path) -> None:
    glossary = repo / "docs" / "_data" / "glossary.yml"
    original = glossary.read_text("utf-8")
    duplicate = ("  - term: {id: KPM, en: KPM}\n"
                 "    definition: {id: Keluarga lain sekali lagi, en: Another family again}\n")
    line = append(glossary, duplicate)
    _, findings, _ = run_check(repo)
    assert "listed twice" in assert_caught(findings, "GL002", "docs/_data/glossary.yml", line)["message"]
    glossary.write_text(original + "\n  - term: {id: rusak, en: [broken\n", "utf-8")
    code, findings, output = run_check(repo)
    assert code == 1
    assert "not valid YAML" in assert_caught(findings, "GL002", "docs/_data/glossary.yml")["message"]


def test_lk001_broken_links_in_built_site(repo: Path, built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "en" / "tentang" / "index.html"
    html = page.read_text("utf-8")
    html = html.replace("</article>", '<a href="../glosarium/#no-such-anchor">x</a>'
                        '<img src="missing.png" alt="missing"><a href="/tentang/">root</a></article>', 1)
    page.write_text(html, "utf-8")
    code, findings, _ = run_check(repo, "--site", str(site))
    assert code == 1
    broken = [f["message"] for f in errors(findings, "LK001") if f["path"] == ABOUT_EN]
    assert any("no-such-anchor" in m for m in broken), broken
    assert any("missing.png" in m for m in broken), broken
    assert any("root-absolute link '/tentang/'" in m for m in broken), broken


def test_bad_root_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "check.py"), "--site", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "no built site" in done.stderr and "Traceback" not in done.stderr


def test_linkinator_agrees_the_built_site_has_no_broken_internal_links(built_site: Path) -> None:
    """Cross-check of the file-based link check with a well-kept crawler (slower, so only here)."""
    from pena.sitelinks import linkinator_broken, run_linkinator

    broken = [f for f in linkinator_broken(run_linkinator(built_site)) if f.code == "LK001"]
    assert not broken, [str(f) for f in broken[:10]]


def test_lk002_broken_external_link_is_a_warning(tmp_path: Path) -> None:
    """`make check-external` (linkinator): a closed local port stands in for a dead host."""
    from pena.content import load_site
    from pena.sitelinks import check_external_links

    built = tmp_path / "site"
    built.mkdir()
    (built / "index.html").write_text('<html><body><a href="http://127.0.0.1:9/gone">gone</a>'
                                      '<a href="https://wa.me/?text=x">share</a></body></html>', "utf-8")
    found = check_external_links(load_site(), built)
    assert [(f.code, f.severity) for f in found] == [("LK002", "warning")], found
    assert "127.0.0.1:9/gone" in found[0].message
