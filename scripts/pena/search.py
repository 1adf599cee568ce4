"""Search data of Materi PENA: one index per language, what each index tells the search worker
(language, pipeline, synonyms), and the boost of each page type. Used by
overrides/hooks/search.py, scripts/vendor_stemmer.py, scripts/bench_search.py and the tests."""

from __future__ import annotations

import functools
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pena.content import REPO_ROOT, YAML_LOADER, Languages, YamlSyntaxError, load_yaml_with_nodes
from pena.glossary import Term

SEARCH_DATA = "_data/search.yml"
#: The real index of a language, relative to its root; loaded by the worker with importScripts.
INDEX_FILE = "search/pena-index.js"
INDEX_GLOBAL = "self.__penaIndex"
WORKER = "pena-search.js"  # next to Material's worker in assets/javascripts/workers/
FULL_PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]

#: Lunr document boost per page type: the page that teaches ranks before the quiz and the
#: worksheets that repeat its words (issue 17). Tuned with scripts/bench_search.py.
BOOST_BY_TYPE: dict[str, float] = {
    "lesson": 2.0,
    "tool": 1.5,
    "overview": 1.2,
    "home": 1.0,
    "page": 0.8,
    "activity": 0.8,
    "handout": 0.8,
    "quiz": 0.1,
}

_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


class SearchDataError(Exception):
    """docs/_data/search.yml is invalid: 'path:line: message (hint)'."""


@dataclass(frozen=True)
class SearchData:
    synonyms: dict[str, dict[str, tuple[str, ...]]]  # lang -> termbase term -> words readers type
    keep_words: frozenset[str]  # stop words that stay searchable
    lines: dict[tuple[str, str], int]  # (lang, term) -> line, for messages


def _fail(path: Path, line: int, message: str, hint: str) -> SearchDataError:
    return SearchDataError(f"{path}:{line}: {message} (hint: {hint})")


def _strings(node: Any) -> bool:
    return isinstance(node, list) and all(isinstance(item, str) and item.strip() for item in node)


@functools.lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> SearchData:
    try:
        data, root = load_yaml_with_nodes(path.read_text("utf-8"))
    except YamlSyntaxError as error:
        raise _fail(path, error.line or 1, f"not valid YAML: {error.problem}", "check indentation and quotes") from None
    if not isinstance(data, dict) or set(data) - {"synonyms", "stopwords"}:
        raise _fail(path, 1, "expected the keys 'synonyms' and 'stopwords' only", "see the comment at the top")
    lines: dict[tuple[str, str], int] = {}
    node_of = {key.value: value for key, value in root.value}
    synonyms: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang_key, lang_node in node_of.get("synonyms", yaml.MappingNode("", [])).value:
        lang = str(lang_key.value)
        entries = data["synonyms"][lang]
        if not isinstance(entries, dict):
            raise _fail(path, lang_key.start_mark.line + 1, f"synonyms.{lang} must map terms to lists",
                        "write `term: [word, other words]`")
        for term_key, words_node in lang_node.value:
            term = str(term_key.value)
            if not _strings(entries[term]):
                raise _fail(path, words_node.start_mark.line + 1,
                            f"synonyms of '{term}' must be a list of non-empty words",
                            "write `term: [word, other words]`")
            lines[(lang, term)] = term_key.start_mark.line + 1
        synonyms[lang] = {str(term): tuple(words) for term, words in entries.items()}
    keep = (data.get("stopwords") or {}).get("keep", [])
    if not _strings(keep):
        line = node_of["stopwords"].start_mark.line + 1 if "stopwords" in node_of else 1
        raise _fail(path, line, "stopwords.keep must be a list of words", "write `keep: [word, word]`")
    return SearchData(synonyms, frozenset(word.lower() for word in keep), lines)


def load_search_data(docs_dir: Path) -> SearchData:
    path = docs_dir / SEARCH_DATA
    if not path.is_file():
        return SearchData({}, frozenset(), {})
    return _load(path, path.stat().st_mtime)


def _phrase(text: str) -> str:
    """A term as readers would type it: without parenthesised notes."""
    return _PARENTHESIS.sub("", text).strip()


def synonym_pairs(terms: tuple[Term, ...], data: SearchData, lang: str, langs: Languages,
                  docs_dir: Path) -> list[list[str]]:
    """[typed phrase, site term] pairs for the index of `lang`: a query holding the first also
    searches for the second. From the termbase: the term in the other languages, its rivals,
    other forms and glosses in this language (readers type the everyday or English word), and
    the abbreviation both ways (HPP and harga pokok produksi); from search.yml: search-only
    words (BEP, online shop)."""
    pairs: list[list[str]] = []
    by_term: dict[str, str] = {}

    def add(typed: str, site: str) -> None:
        typed, site = _phrase(typed), _phrase(site)
        if typed and site and typed.casefold() != site.casefold() and [typed, site] not in pairs:
            pairs.append([typed, site])

    for term in terms:
        site = term.term(lang)
        by_term[_phrase(site).casefold()] = site
        for other in langs.all:
            if other != lang:
                add(term.term(other), site)
        # Rival terms are words a page must not use (GL001), other forms and glosses are
        # words pages may use: readers type all of them.
        for typed in (*term.avoid(lang), *term.also(lang), *term.gloss(lang)):
            add(typed, site)
        expansion = term.abbr.get(lang)
        if expansion:
            add(expansion, site)
            add(site, expansion)
    for site, words in data.synonyms.get(lang, {}).items():
        known = by_term.get(_phrase(site).casefold())
        if known is None:
            line = data.lines.get((lang, site), 1)
            raise _fail(docs_dir / SEARCH_DATA, line, f"'{site}' is not a termbase term in '{lang}'",
                        "use the term as written in docs/_data/glossary.yml")
        for word in words:
            add(word, known)
    return pairs


def split_index(index: dict, translations: tuple[str, ...]) -> dict[str, dict]:
    """Map '' (default language) and each translation to its own index; static-i18n writes one
    index with every language, locations of translations starting with '<lang>/'."""
    parts: dict[str, dict] = {"": {**index, "docs": []}}
    for lang in translations:
        parts[lang] = {**index, "docs": []}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in translations:
            parts[first]["docs"].append({**doc, "location": doc["location"][len(first) + 1:]})
        else:
            parts[""]["docs"].append(doc)
    return parts


def language_config(config: dict, lang: str, stemmer_available: bool, synonyms: list[list[str]]) -> dict:
    """The index configuration of one language: its lunr language with the full pipeline
    (trimmer, stop words, stemmer) when lunr has it, otherwise no word processing at all."""
    if stemmer_available:
        return {**config, "lang": [lang], "pipeline": FULL_PIPELINE, "pena": {"synonyms": synonyms}}
    return {**config, "lang": ["en"], "pipeline": [], "pena": {"synonyms": synonyms}}


def read_index(path: Path) -> dict:
    """The real index of a language as written by the search hook."""
    text = path.read_text("utf-8").strip()
    prefix = INDEX_GLOBAL + "="
    if not (text.startswith(prefix) and text.endswith(";")):
        raise ValueError(f"{path}: not a search index written by overrides/hooks/search.py")
    return json.loads(text[len(prefix):-1])


def stub_index(config: dict, index_path: str, material_worker: str) -> dict:
    """What Material fetches on page load: the configuration (its highlighter needs the
    separator) and where the real index is, but no documents."""
    pena = {**config.get("pena", {}), "index": index_path, "worker": material_worker}
    pena.pop("synonyms", None)
    return {"config": {**config, "pena": pena}, "docs": []}


# ---------------------------------------------------------------------------------------------
# The built site's search, run in Node (scripts/search_run.js): benchmark and tests
# ---------------------------------------------------------------------------------------------

QUERIES = REPO_ROOT / "scripts" / "search_queries.yml"
RUNNER = REPO_ROOT / "scripts" / "search_run.js"


class SearchRunError(Exception):
    pass


@dataclass(frozen=True)
class Question:
    query: str
    answers: tuple[str, ...]


def load_questions(path: Path = QUERIES) -> list[Question]:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)
        return [Question(str(item["q"]), tuple(item["answer"])) for item in data]
    except (yaml.YAMLError, KeyError, TypeError) as error:
        raise SearchRunError(f"{path}: each entry needs `q:` and `answer: [page/, ...]` ({error})") from None


def run_search(site: Path, queries: list[str], *, prefix: str = "", before: bool = False) -> list[list[str]]:
    """Pages found for each query, best first, by the real worker of the built site; with
    `before`, by Material's own worker on the index as Material wrote it."""
    command = ["node", str(RUNNER), str(site), prefix] + (["--before"] if before else [])
    result = subprocess.run(command, input=json.dumps(queries), capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SearchRunError(result.stderr.strip() or f"{RUNNER.name} exited {result.returncode}")
    return json.loads(result.stdout)


def rank(found: list[str], answers: tuple[str, ...]) -> int | None:
    for position, page in enumerate(found, start=1):
        if page in answers:
            return position
    return None


def score(questions: list[Question], results: list[list[str]]) -> tuple[int, float, list[tuple[Question, int | None]]]:
    """Questions answered in the top 3, mean reciprocal rank, and each question's rank."""
    ranks = [rank(found, q.answers) for q, found in zip(questions, results, strict=True)]
    top3 = sum(1 for r in ranks if r is not None and r <= 3)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return top3, mrr, list(zip(questions, ranks, strict=True))
