"""UI text that Markdown extensions write in one language for the whole site.

The toc extension's `permalink_title` is set once in mkdocs.yml (static-i18n may not override
markdown_extensions per language), so pages of other languages get their own wording here,
from `extra.ui.permalink_title` of the language being built.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    toc = dict(config.mdx_configs.get("toc", {}))
    configured = toc.get("permalink_title")
    wanted = config.extra.get("ui", {}).get("permalink_title")
    if not configured or not wanted or configured == wanted:
        return output
    return output.replace(f'title="{configured}"', f'title="{wanted}"')
