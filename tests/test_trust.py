"""Trust and reuse: dated pages, what is new, report a problem, edit this page, licence.

The built-site tests read the session build of the repository itself (dated from its git
history, with the test deployment's contact and repository address from conftest); the
others build copies or small git repositories of their own and plant one defect each.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urljoin

import pytest
import yaml
from mkdocs.exceptions import PluginError
from test_checks import run_check

from pena import revision
from pena.content import Site, load_site, output_path, page_url
from pena.data import DataError
from pena.pdf import language_texts
from pena.testing import REPO, TEST_DEPLOYMENT, TEST_SITE_URL, copy_repo, mkdocs_build
from pena.whatsnew import check_whats_new, load_changes

SITE = load_site()
ALL = sorted(SITE.pages)
WHATS_NEW = "apa-yang-baru.md"
UPDATED = {"id": "Terakhir diperbarui", "en": "Last updated"}  # the wording the issue asks for
LANGUAGE = {"id": "Bahasa Indonesia", "en": "English"}
MONTHS = {"id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
          "en": "January February March April May June July August September October November December"}


def html_of(built_site: Path, key: str, lang: str) -> str:
    return (built_site / output_path(key, lang, SITE.langs)).read_text("utf-8")


def url_of(key: str, lang: str) -> str:
    return TEST_SITE_URL + page_url(key, lang, SITE.langs)


def hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"hook_{name}", REPO / "overrides" / "hooks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as MkDocs does; dataclasses need it
    spec.loader.exec_module(module)
    return module


def git(folder: Path, *args: str, day: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@pena.test",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@pena.test"}
    if day:  # noon in Jakarta: the same calendar day in WIB and UTC
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+07:00"
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def commit_all(folder: Path, day: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", f"change of {day}", day=day)


# --------------------------------------------------------------------------------------------
# Last updated
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "lang"), ALL)
def test_every_page_shows_the_date_of_its_own_source_in_its_language(built_site: Path, key: str, lang: str) -> None:
    found = re.search(r'<p class="pena-updated">([^<]+) <time datetime="([\d-]+)">([^<]+)</time></p>',
                      html_of(built_site, key, lang))
    assert found, f"{key} ({lang}) has no last-updated line"
    label, iso, shown = found.groups()
    source = SITE.get(key, lang)
    expected = revision.page_changed(source.path)  # its own file: the .en.md on English pages
    assert (label, iso) == (UPDATED[lang], expected.isoformat()), source.rel
    day, month, year = shown.split(" ")
    assert shown == revision.format_date(expected, lang) and month in MONTHS[lang].split() and day == str(expected.day)


def test_date_format_is_day_month_year_in_each_language() -> None:
    day = datetime.date(2026, 3, 1)
    assert revision.format_date(day, "id") == "1 Maret 2026"
    assert revision.format_date(day, "en") == "1 March 2026"


def test_history_states_and_site_version_date(tmp_path: Path) -> None:
    """The version date is the newest change to the content (docs/ except its assets)."""
    origin = tmp_path / "origin"
    (origin / "docs" / "assets").mkdir(parents=True)
    assert revision.history(origin / "docs") == revision.NO_HISTORY
    git(origin, "init", "-q")
    (origin / "docs" / "a.id.md").write_text("# A\n", "utf-8")
    commit_all(origin, "2026-01-10")
    (origin / "docs" / "assets" / "pena.css").write_text("a {}\n", "utf-8")
    commit_all(origin, "2026-03-05")  # styles only: not a content change
    assert revision.history(origin / "docs") == revision.FULL
    assert revision.site_version_date(origin / "docs") == datetime.date(2026, 1, 10)
    (origin / "docs" / "_data").mkdir()
    (origin / "docs" / "_data" / "whats-new.yml").write_text("[]\n", "utf-8")
    commit_all(origin, "2026-02-20")
    assert revision.site_version_date(origin / "docs") == datetime.date(2026, 2, 20)
    assert revision.page_changed(origin / "docs" / "a.id.md") == datetime.date(2026, 1, 10)

    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", origin.as_uri(), str(shallow))
    assert revision.history(shallow / "docs") == revision.SHALLOW
    with pytest.raises(revision.HistoryError, match="shallow git clone.*git fetch --unshallow"):
        revision.site_version_date(shallow / "docs")
    with pytest.raises(revision.HistoryError, match="not in a git repository.*ALLOW_BUILD_DATE=true"):
        revision.site_version_date(tmp_path / "elsewhere")
    assert revision.site_version_date(tmp_path / "elsewhere", allow_build_date=True) == revision.today()


def test_each_page_is_dated_by_its_own_file_and_a_shallow_clone_is_refused(tmp_path: Path) -> None:
    """A repository with history: only the English about page changes on 14 February, only a
    stylesheet on 1 March. Then a shallow clone of it, which must not build."""
    origin = copy_repo(tmp_path / "origin")
    git(origin, "init", "-q")
    commit_all(origin, "2026-01-10")
    about_en = origin / "docs" / "tentang.en.md"
    about_en.write_text(about_en.read_text("utf-8") + "\nThe workshop took place in Jakarta.\n", "utf-8")
    commit_all(origin, "2026-02-14")
    css = origin / "docs" / "assets" / "stylesheets" / "pena.css"
    css.write_text(css.read_text("utf-8") + "\n/* colour tweak */\n", "utf-8")
    commit_all(origin, "2026-03-01")
    site = tmp_path / "site"
    result = mkdocs_build(origin, site, ALLOW_BUILD_DATE="")  # history present: no fallback needed
    assert result.returncode == 0, result.stdout + result.stderr

    def shown(path: str) -> str:
        found = re.search(r'<p class="pena-updated">[^<]+<time datetime="([\d-]+)">', (site / path).read_text("utf-8"))
        assert found, path
        return found.group(1)

    assert shown("en/tentang/index.html") == "2026-02-14"   # its .en.md changed
    assert shown("tentang/index.html") == "2026-01-10"      # its .id.md did not
    assert shown("en/index.html") == shown("index.html") == "2026-01-10"
    for lang, text in (("id", "14 Februari 2026"), ("en", "14 February 2026")):  # styles are not content
        html = (site / output_path(WHATS_NEW, lang, SITE.langs)).read_text("utf-8")
        assert f'<time datetime="2026-02-14">{text}</time>' in html

    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", origin.as_uri(), str(clone))
    refused = mkdocs_build(clone, tmp_path / "out")  # refused even where a copy may carry the build date
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "shallow git clone" in refused.stderr and "git fetch --unshallow" in refused.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_copy_outside_git_builds_only_when_the_build_date_is_allowed(tmp_path: Path) -> None:
    """Copies for tests are not git repositories: explicit ALLOW_BUILD_DATE (workspace.COPY_ENV)."""
    root = copy_repo(tmp_path / "repo")
    refused = mkdocs_build(root, tmp_path / "refused", ALLOW_BUILD_DATE="")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "not in a git repository" in refused.stderr and "ALLOW_BUILD_DATE=true" in refused.stderr
    dated = mkdocs_build(root, tmp_path / "dated", BUILD_ENGLISH="false")  # COPY_ENV allows it
    assert dated.returncode == 0, dated.stdout + dated.stderr
    html = (tmp_path / "dated" / "literasi-keuangan" / "buku-kas" / "index.html").read_text("utf-8")
    today = revision.today()
    assert f'<time datetime="{today.isoformat()}">{revision.format_date(today, "id")}</time>' in html
    # The handout's printed header carries the same (build) date as its version date.
    sheet = (tmp_path / "dated" / "literasi-keuangan" / "lembar-kpm" / "index.html").read_text("utf-8")
    assert re.search(rf'<p class="pena-sheet__head">.*· Versi {revision.format_date(today, "id")}</p>', sheet)


# --------------------------------------------------------------------------------------------
# What is new
# --------------------------------------------------------------------------------------------


def test_whats_new_page_in_both_languages_newest_first_and_linked_from_home(built_site: Path) -> None:
    changes = load_changes(SITE)
    version = revision.site_version_date()
    for lang in SITE.langs.all:
        html = html_of(built_site, WHATS_NEW, lang)
        days = re.findall(r'<h3 id="(\d{4}-\d{2}-\d{2})">([^<]+)<', html)
        assert [iso for iso, _ in days] == sorted({c.date.isoformat() for c in changes}, reverse=True)
        assert all(text == revision.format_date(datetime.date.fromisoformat(iso), lang) for iso, text in days)
        for change in changes:
            assert change.text[lang].split()[0] in html
        assert f'<time datetime="{version.isoformat()}">{revision.format_date(version, lang)}</time>' in html
        home = html_of(built_site, "index.md", lang)
        links = [urljoin(url_of("index.md", lang), href) for href in re.findall(r'href="([^"]+)"', home)]
        assert url_of(WHATS_NEW, lang) in links, f"home page ({lang}) does not link the what-is-new page"


def test_whats_new_entries_link_the_pages_they_affect(built_site: Path) -> None:
    changes = load_changes(SITE)
    for lang in SITE.langs.all:
        html = html_of(built_site, WHATS_NEW, lang)
        listed = html.split('<h2 id="daftar">', 1)[1].split("<h2 ", 1)[0]
        found = {urljoin(url_of(WHATS_NEW, lang), href) for href in re.findall(r'<a href="([^"]+)">', listed)}
        expected = {url_of(target.split("#")[0], lang) + ("#" + target.split("#")[1] if "#" in target else "")
                    for change in changes for target in change.pages}
        assert found == expected, lang


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


ENTRY = """- date: {date}
  kind: {kind}
  pages: [{page}]
  text:
    id: Contoh perubahan yang cukup panjang untuk skema.
    {en}
"""


def plant(root: Path, **fields: str) -> int:
    """Append one entry to the data file; return the line where it starts."""
    values = {"date": "2026-01-05", "kind": "corrected", "page": "literasi-keuangan/buku-kas.md",
              "en": "en: An example change long enough for the schema.", **fields}
    path = root / "docs" / "_data" / "whats-new.yml"
    text = path.read_text("utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + ENTRY.format(**values), "utf-8")
    return text.count("\n") + 1


def whats_new_problems(root: Path) -> list[str]:
    return [str(f) for f in check_whats_new(load_site(root / "docs", root / "mkdocs.yml"))]


@pytest.mark.parametrize(("fields", "message"), [
    ({"page": "literasi-keuangan/tidak-ada.md"}, "page 'literasi-keuangan/tidak-ada.md' does not exist"),
    ({"page": "literasi-keuangan/buku-kas.md#tidak-ada"}, "has no section '#tidak-ada'"),
    ({"en": "fr: Un exemple assez long pour le schéma."}, "has no 'en' text"),  # languages come from mkdocs.yml
    ({"en": "en: Short."}, "is too short"),
    ({"date": "2024-02-30"}, "is not a 'date'"),
    ({"date": "2099-01-01"}, "date 2099-01-01 is in the future"),
    ({"kind": "fixed"}, "'fixed' is not one of ['new', 'corrected', 'changed']"),
    ({"page": "Buku Kas.md"}, "does not match"),
])
def test_whats_new_data_defects_are_caught_with_file_and_line(data_copy: Path, fields: dict, message: str) -> None:
    line = plant(data_copy, **fields)
    problems = whats_new_problems(data_copy)
    assert any(f"docs/_data/whats-new.yml:{line}: error WN001" in p and message in p for p in problems), problems


def test_whats_new_yaml_error_names_the_line_and_check_py_exits_1(data_copy: Path) -> None:
    path = data_copy / "docs" / "_data" / "whats-new.yml"
    line = path.read_text("utf-8").count("\n") + 3  # the 'kind:' line below
    path.write_text(path.read_text("utf-8") + "\n- date: 2026-01-05\n  kind: new: corrected\n", "utf-8")
    done = run_check(data_copy, "--json")
    assert done.returncode == 1
    findings = json.loads(done.stdout)["findings"]
    wn = [f for f in findings if f["code"] == "WN001"]
    assert wn and wn[0]["path"] == "docs/_data/whats-new.yml" and "not valid YAML" in wn[0]["message"]
    assert wn[0]["line"] == line and "mapping values are not allowed" in wn[0]["message"]


def test_real_whats_new_data_is_sound_and_a_missing_file_is_an_error(tmp_path: Path) -> None:
    assert whats_new_problems(REPO) == []
    (tmp_path / "_data").mkdir()
    shutil.copy2(REPO / "docs" / "_data" / "whats-new.schema.json", tmp_path / "_data")
    with pytest.raises(DataError, match="whats-new.yml: error WN001 cannot read the data file"):
        load_changes(Site(tmp_path, SITE.langs, {}, [], []))


def test_missing_page_in_whats_new_fails_the_strict_build_with_file_and_line(data_copy: Path, tmp_path: Path) -> None:
    line = plant(data_copy, page="riset-sederhana/hilang.md")
    result = mkdocs_build(data_copy, tmp_path / "out", BUILD_ENGLISH="false")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert re.search(rf"whats-new\.yml:{line}: error WN001 page 'riset-sederhana/hilang\.md' does not exist",
                     result.stderr), result.stderr[-2000:]


# --------------------------------------------------------------------------------------------
# Report a problem
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "lang"), ALL)
def test_every_page_has_a_report_link_carrying_its_own_address(built_site: Path, key: str, lang: str) -> None:
    html = html_of(built_site, key, lang)
    report = re.search(r'<p class="pena-report">(.*?)</p>', html, re.S)
    assert report, f"{key} ({lang}) has no report link"
    hrefs = re.findall(r'href="([^"]+)"', report.group(1))
    assert len(hrefs) == 1 and hrefs[0].startswith(f"mailto:{TEST_DEPLOYMENT['REPORT_EMAIL']}?subject=")
    message = unquote(hrefs[0].replace("&amp;", "&"))
    title = str(SITE.get(key, lang).meta["title"])
    assert url_of(key, lang) in message and title in message and LANGUAGE[lang] in message


def test_report_links_for_whatsapp_and_email() -> None:
    report = hook("report")
    report._contacts["site"] = report.Contacts(whatsapp="6281234567890", email="laporan@pena.test")
    ui = yaml.safe_load("""
      question: Q
      link: L
      whatsapp: WhatsApp
      email: email
      language: Bahasa Indonesia
      subject: "Laporan: {title}"
      message: "{title}\\n{url}\\n({language})\\n"
    """)
    whatsapp, email = report.report_links("Buku kas & catatan", "https://pena.test/materi/buku-kas/", ui)
    assert whatsapp["href"].startswith("https://wa.me/6281234567890?text=")
    text = unquote(whatsapp["href"].split("text=")[1])
    assert text == "Buku kas & catatan\nhttps://pena.test/materi/buku-kas/\n(Bahasa Indonesia)\n"
    subject, body = email["href"].split("?", 1)[1].split("&")
    assert unquote(subject) == "subject=Laporan: Buku kas & catatan" and "%26" in body  # '&' in a title stays text


@pytest.mark.parametrize(("value", "expected"), [("6281234567890", "6281234567890"),
                                                 ("+62 812-3456-7890", "6281234567890"),
                                                 ("(62) 812.3456.7890", "6281234567890")])
def test_whatsapp_numbers_in_international_form_are_accepted(value: str, expected: str) -> None:
    assert hook("report").whatsapp_number(value) == expected


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("REPORT_WHATSAPP", "081234567890", "starts with 0: write the number in international form"),
    ("REPORT_WHATSAPP", "62-812-abc", "is not a WhatsApp number"),
    ("REPORT_EMAIL", "Laporan <laporan@pena.test>", "is not an email address"),
    ("REPORT_EMAIL", "laporan@pena", "is not an email address"),
    ("REPO_URL", "git.pena.test/materi-pena", "Config value 'repo_url': The URL isn't valid"),  # MkDocs' own check
    ("EDIT_URI", "edit/main/docs/", "is relative but REPO_URL is not set"),
])
def test_bad_deployment_settings_stop_the_build(tmp_path: Path, variable: str, value: str, message: str) -> None:
    root = copy_repo(tmp_path / "repo")
    settings = {variable: value, **({"REPO_URL": ""} if variable == "EDIT_URI" else {})}
    result = mkdocs_build(root, tmp_path / "out", **settings)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr and (variable in result.stderr or variable.lower() in result.stderr)
    assert not (tmp_path / "out" / "index.html").exists()


def test_release_build_without_a_contact_says_so_and_stops(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo")
    result = mkdocs_build(root, tmp_path / "out", RELEASE="true", REPORT_EMAIL="", REPORT_WHATSAPP="")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "release build has no contact for problem reports" in result.stderr
    assert "REPORT_WHATSAPP" in result.stderr and "REPORT_EMAIL" in result.stderr


# --------------------------------------------------------------------------------------------
# Edit this page
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "lang"), ALL)
def test_edit_link_points_at_the_pages_own_source_file(built_site: Path, key: str, lang: str) -> None:
    links = re.findall(r'<a href="([^"]+)" class="md-content__button pena-edit" rel="edit">([^<]+)</a>',
                       html_of(built_site, key, lang))
    source = SITE.get(key, lang)
    expected = urljoin(TEST_DEPLOYMENT["REPO_URL"] + "/", TEST_DEPLOYMENT["EDIT_URI"]) + source.path.relative_to(
        REPO / "docs").as_posix()
    assert links == [(expected, {"id": "Ubah halaman ini", "en": "Edit this page"}[lang])]
    assert links[0][0].endswith(f".{lang}.md")


@pytest.mark.parametrize(("repo_url", "edit_uri", "expected"), [
    ("https://github.com/org/materi-pena", "", "https://github.com/org/materi-pena/edit/main/docs/"),
    ("https://gitlab.com/org/materi-pena/", "", "https://gitlab.com/org/materi-pena/-/edit/main/docs/"),
    ("https://git.pena.test/org/materi-pena", "_edit/main/docs", "https://git.pena.test/org/materi-pena/_edit/main/docs/"),
    (None, "https://git.pena.test/o/m/_edit/main/docs/", "https://git.pena.test/o/m/_edit/main/docs/"),
    (None, "", None),
])
def test_edit_address_from_the_repository_address(repo_url: str | None, edit_uri: str, expected: str | None) -> None:
    assert hook("report").edit_address(repo_url, edit_uri) == expected


@pytest.mark.parametrize(("repo_url", "edit_uri", "message"), [
    ("https://git.pena.test/org/materi-pena", "", "also set EDIT_URI"),
    (None, "edit/main/docs/", "EDIT_URI 'edit/main/docs/' is relative but REPO_URL is not set"),
])
def test_edit_address_errors_say_what_to_set(repo_url: str | None, edit_uri: str, message: str) -> None:
    with pytest.raises(PluginError, match=re.escape(message)):
        hook("report").edit_address(repo_url, edit_uri)


def test_no_repository_header_widget_that_would_call_the_hosts_api(built_site: Path) -> None:
    assert 'data-md-component="source"' not in html_of(built_site, "index.md", "id")


# --------------------------------------------------------------------------------------------
# Licence
# --------------------------------------------------------------------------------------------


def test_licence_files_exist_and_agree_with_the_about_page() -> None:
    code = (REPO / "LICENSE").read_text("utf-8")
    assert code.startswith("MIT License") and "Permission is hereby granted, free of charge" in code
    content = (REPO / "LICENSE-CONTENT.md").read_text("utf-8")
    assert "CC BY 4.0" in content and "creativecommons.org/licenses/by/4.0/legalcode" in content
    credits = [" ".join(block.replace(">", " ").split()) for block in re.findall(r"((?:^> .*\n)+)", content, re.M)]
    assert len(credits) == 2
    for lang, credit in zip(("id", "en"), credits, strict=True):
        about = " ".join(SITE.get("tentang.md", lang).body.replace(">", " ").split())
        assert credit in about, f"the credit line of LICENSE-CONTENT.md is not on the {lang} about page"


@pytest.mark.parametrize(("key", "lang"), ALL)
def test_footer_states_the_licence_in_the_pages_language(built_site: Path, key: str, lang: str) -> None:
    html = html_of(built_site, key, lang)
    footer = re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>', html, re.S)
    assert footer, f"{key} ({lang}) has no footer"
    text = footer.group(1)
    assert f'href="https://creativecommons.org/licenses/by/4.0/deed.{lang}" rel="license">CC BY 4.0</a>' in text
    assert {"id": "kode: MIT", "en": "code: MIT"}[lang] in text
    how = re.search(r'<a href="([^"]+)">(Cara menyebut sumber|How to credit)</a>', text)
    assert how and urljoin(url_of(key, lang), how.group(1)) == url_of("tentang.md", lang) + "#lisensi"


def test_about_page_has_the_licence_section_in_both_languages(built_site: Path) -> None:
    for lang, heading in (("id", "Lisensi dan cara menyebut sumber"), ("en", "Licence and how to credit")):
        assert f'<h2 id="lisensi">{heading}' in html_of(built_site, "tentang.md", lang)


@pytest.mark.parametrize("lang", SITE.langs.all)
def test_handouts_print_the_site_version_date_and_the_licence_line(built_site: Path, lang: str) -> None:
    """Every KPM handout's printed header names the site version date; its foot carries the
    licence line (the PDFs print from these pages; tests/test_pdf.py reads them back)."""
    ui = language_texts(lang).ui
    version = ui["print"]["version"].format(date=revision.format_date(revision.site_version_date(), lang))
    handouts = [p.key for p in SITE.in_lang(lang) if p.type == "handout"]
    assert len(handouts) == len(SITE.modules)
    for key in handouts:
        html = html_of(built_site, key, lang)
        head = re.search(r'<p class="pena-sheet__head">(.*?)</p>', html)
        assert head and head.group(1).endswith(f"· {version}"), (key, head and head.group(1))
        licence = re.search(r'<p class="pena-sheet__licence">([^<]*)</p>', html)
        assert licence and licence.group(1) == ui["licence"]["line"] and "CC BY 4.0" in licence.group(1), key


# --------------------------------------------------------------------------------------------
# Compact pages (keeps the 12 KB budget with the additions above)
# --------------------------------------------------------------------------------------------


def test_compact_keeps_preformatted_text_and_collapses_template_whitespace() -> None:
    compact = hook("compact").compact
    html = ('<div>\n    \n    <p>a   b</p>\n\n  </div>\n<pre><code>x\n\n    y</code></pre>\n   '
            '<textarea>\n\n t</textarea>\n\n<script>\n  let s = `\n\n`;\n</script>\n  <PRE>\n\n</PRE>')
    assert compact(html) == ('<div>\n<p>a   b</p>\n</div>\n<pre><code>x\n\n    y</code></pre>\n'
                             '<textarea>\n\n t</textarea>\n<script>\n  let s = `\n\n`;\n</script>\n<PRE>\n\n</PRE>')


def test_built_pages_carry_no_blank_lines_outside_preformatted_text(built_site: Path) -> None:
    html = html_of(built_site, "literasi-keuangan/buku-kas.md", "en")
    outside = re.sub(r"<(pre|textarea|script|style)\b.*?</\1>", "<kept/>", html, flags=re.S)
    assert not re.search(r"\n[ \t]*\n", outside) and not re.search(r"\n[ \t]+<", outside)

