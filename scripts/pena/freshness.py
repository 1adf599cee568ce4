"""Is each English page in step with its Indonesian source?

An English page records in its front matter the hash of the normalised Indonesian page it
translates, and one short hash per H2 section (by the shared `{ #id }`):

    translation:
      source_hash: 3f2a9c1b7d4e
      sections: {_top: 1a2b3c4d, tujuan: 9f8e7d6c}

So staleness and the changed sections are known without git history. With git history,
`scripts/translations.py diff` finds the Indonesian version whose hash was recorded and shows
what changed since.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from pena.content import Page, Site, dump_front_matter, normalise, section_texts

OK = "ok"
STALE = "stale"
MISSING = "missing"


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:length]


def _tool_words(page: Page) -> str:
    """A tool page's words (front matter `tool:`) as text; '' for other pages."""
    words = page.meta.get("tool")
    return json.dumps(words, ensure_ascii=False, sort_keys=True) if words else ""


def source_hash(page: Page) -> str:
    """Hash of what a translator translates: title, description, tool words and body."""
    head = f"{page.meta.get('title', '')}\n{page.meta.get('description', '')}\n{_tool_words(page)}"
    return _digest(head + page.body, 12)


def section_hashes(page: Page) -> dict[str, str]:
    """One hash per H2 section, plus '_tool' for the words of a tool form."""
    hashes = {key: _digest(text, 8) for key, text in section_texts(page).items()}
    if _tool_words(page):
        hashes["_tool"] = _digest(_tool_words(page), 8)
    return hashes


def translation_record(source: Page) -> dict[str, object]:
    return {"source_hash": source_hash(source), "sections": section_hashes(source)}


def mark(translation: Page, source: Page) -> None:
    """Record in the translation's front matter that it matches its source as it is now."""
    meta = {key: value for key, value in translation.meta.items() if key != "translation"}
    meta["translation"] = translation_record(source)
    translation.path.write_text(dump_front_matter(meta, translation.body), "utf-8")


@dataclass
class Status:
    key: str
    lang: str
    source: Page
    translation: Page | None
    status: str
    changed_sections: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for people: status, translation file, changed sections."""
        changed = f"  changed: {', '.join(self.changed_sections)}" if self.changed_sections else ""
        return f"{self.status:8} {self.as_dict()['translation']}{changed}"

    def as_dict(self) -> dict[str, object]:
        expected = self.source.path.with_name(self.source.path.name.replace(
            f".{self.source.lang}.md", f".{self.lang}.md"))
        return {
            "key": self.key,
            "lang": self.lang,
            "source": self.source.rel,
            "translation": self.translation.rel if self.translation else expected.relative_to(
                self.source.docs_dir.parent).as_posix(),
            "status": self.status,
            "changed_sections": self.changed_sections,
        }


def page_status(source: Page, translation: Page | None, lang: str) -> Status:
    if translation is None:
        return Status(source.key, lang, source, None, MISSING)
    record = translation.meta.get("translation") or {}
    if record.get("source_hash") == source_hash(source):
        return Status(source.key, lang, source, translation, OK)
    recorded = record.get("sections") or {}
    current = section_hashes(source)
    changed = [key for key, digest in current.items() if recorded.get(key) != digest]
    changed += [f"{key} (removed)" for key in recorded if key not in current]
    return Status(source.key, lang, source, translation, STALE, changed)


def site_status(site: Site) -> list[Status]:
    rows: list[Status] = []
    for source in site.in_lang(site.langs.default):
        for lang in site.langs.translations:
            rows.append(page_status(source, site.get(source.key, lang), lang))
    return rows


def behind(site: Site) -> list[Status]:
    """Translations that are missing or out of date (a release needs none)."""
    return [row for row in site_status(site) if row.status != OK]
