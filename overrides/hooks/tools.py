"""Interactive tools: each form lives once, as a Jinja template; its words live in the page.

- A page with `tool:` in its front matter (see scripts/pena/toolforms.py) gets the form
  `overrides/tools/<form>.html` rendered at its `<!-- pena:tool -->` marker, in the page's
  language, with the words of its own front matter. Translators edit text, never HTML.
- The page loads the form's scripts (tools/calc.js, tools/<form>.js) and tools.css; the
  template includes them through the page's `scripts`/`styles`, like any page-specific file.
- The tool scripts and stylesheet are written minified (rjsmin, rcssmin): the sources keep
  their comments, the phone downloads none of them.

Missing words, an unknown form or a missing marker stop the build with the file and the key.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import jinja2
import rcssmin
import rjsmin
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena.content import page_lang
from pena.toolforms import MARKER, TOOL_KEY, page_scripts, page_styles, tool_data

TEMPLATES = "tools"
MARKER_LINE = re.compile(rf"^{re.escape(MARKER)}[ \t]*$", re.MULTILINE)
MINIFY = {"assets/javascripts/tools/*.js": rjsmin.jsmin, "assets/stylesheets/tools.css": rcssmin.cssmin}


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _inline_markdown() -> MarkdownIt:
    # Words may hold *emphasis* (foreign words such as *markup*); everything else is text.
    return MarkdownIt("zero").enable(["emphasis", "escape", "entity"])


def inline(text: str) -> Markup:
    return Markup(_inline_markdown().renderInline(str(text)))


def fill(text: str, **values: Any) -> str:
    for key, value in values.items():
        text = str(text).replace("{" + key + "}", str(value))
    return text


def environment(theme_dirs: list[str]) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(theme_dirs), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(inline=inline, fill=fill)
    return env


@functools.lru_cache(maxsize=2)
def _validator(schema_path: Path, mtime: float) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_path.read_text("utf-8")))


def check_words(data: dict[str, Any], schema_path: Path, where: str) -> None:
    """The schema lists each form's words: name the first missing or unknown one."""
    validator = _validator(schema_path, schema_path.stat().st_mtime)
    errors = sorted(validator.iter_errors({TOOL_KEY: data}), key=lambda e: list(e.absolute_path))
    errors = [e for e in errors if list(e.absolute_path)[:1] == [TOOL_KEY]]
    if errors:
        error = errors[0]
        key = ".".join(str(part) for part in error.absolute_path)
        raise PluginError(f"{where}: front matter {key}: {error.message} "
                          f"(hint: the words of each tool form are listed in {schema_path.name})")


def render_form(env: jinja2.Environment, data: dict[str, Any], lang: str, where: str) -> str:
    try:
        template = env.get_template(f"{TEMPLATES}/{data['form']}.html")
        return template.render(tool=data, lang=lang)
    except jinja2.TemplateNotFound as error:
        raise PluginError(f"{where}: tool form '{data['form']}' has no template {error.name} in overrides/ "
                          "(hint: check tool.form)") from None
    except jinja2.UndefinedError as error:
        raise PluginError(f"{where}: tool form '{data['form']}' needs a word the front matter lacks: "
                          f"{error.message} (hint: add it under tool:, see the schema)") from None


# --------------------------------------------------------------------------------------------
# Hooks
# --------------------------------------------------------------------------------------------

_env: dict[str, jinja2.Environment] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _env["tools"] = environment(list(config.theme.dirs))
    return config


def on_post_build(config: MkDocsConfig) -> None:
    # After every language's build; minifying twice changes nothing.
    site = Path(config.site_dir)
    for pattern, minify in MINIFY.items():
        for path in site.glob(pattern):
            path.write_text(minify(path.read_text("utf-8")), "utf-8")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    where = page.file.src_uri
    data = tool_data(page.meta)
    markers = len(MARKER_LINE.findall(markdown))  # on a line of its own: quoting it in text is fine
    if data is None and TOOL_KEY in page.meta:
        raise PluginError(f"{where}: front matter {TOOL_KEY}: must be a mapping of words (hint: see the schema)")
    if data is None:
        if markers:
            raise PluginError(f"{where}: has the marker {MARKER} but no `{TOOL_KEY}:` in its front matter "
                              "(hint: give the tool's form and words, or remove the marker)")
        return markdown
    if markers != 1:
        raise PluginError(f"{where}: a tool page needs the marker {MARKER} exactly once, on a line of its "
                          f"own where the form goes (found {markers})")
    check_words(data, Path(config.docs_dir) / "_data" / "page.schema.json", where)
    page.meta["scripts"] = page_scripts(page.meta)
    page.meta["styles"] = page_styles(page.meta)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    data = tool_data(page.meta)
    if data is None:
        return html
    lang = page_lang(page, config.theme["language"])
    form = render_form(_env["tools"], data, lang, page.file.src_uri)
    if MARKER not in html:
        raise PluginError(f"{page.file.src_uri}: the marker {MARKER} must stand on a line of its own, "
                          "with a blank line before and after it")
    return html.replace(MARKER, form)
