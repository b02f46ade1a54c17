"""The theme's templates for our pages, rendered ahead by a forked helper.

Once MkDocs has read every page (``on_env``), it renders each one through the theme's
templates, one after the other: at 10,000 articles, a third of the build, on one core.
The plugin forks a helper then. It has the navigation, the pages and the template
environment as MkDocs has them, so it renders our pages from the last one backwards
while MkDocs goes forwards, and the two meet in the middle.

A page the helper rendered still goes through MkDocs as usual here: its plugins' page
events, ``on_post_page``, the writing of the file. Only its template is a handoff that
returns the helper's output. A page the helper did not reach, or failed on, is rendered
here with its own template. What the template logged in the helper is logged again here.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.parallel import SharedParts

HANDOFF = "digest-handoff.html"
PART = 50  # pages: small, so that MkDocs seldom waits for the part the helper is on

Output = tuple[str, list[logging.LogRecord]]  # a page's HTML, what its template logged


class Prebuilt:
    """Our pages' templates, rendered by a helper forked now (see the module's docstring).

    ``pages``: in the order MkDocs builds them; ``doc_files``: the files MkDocs gives the
    templates as ``pages``.
    """

    def __init__(
        self,
        pages: list[Page],
        nav: Navigation,
        env: jinja2.Environment,
        config: MkDocsConfig,
        doc_files: list[File],
        workers: int = 2,
    ) -> None:
        self.nav, self.env, self.config, self.doc_files = nav, env, config, doc_files
        self.parts = [pages[i : i + PART] for i in range(0, len(pages), PART)]
        self.where = {
            page.file.src_uri: (i, n)
            for i, part in enumerate(self.parts)
            for n, page in enumerate(part)
        }
        self.templates = {page.file.src_uri: page.meta.get("template") for page in pages}
        self.outputs: dict[int, list[Output] | None] = {}  # parts claimed, while in use
        self.used = 0  # pages whose HTML the helper made
        last_first = list(reversed(range(len(self.parts))))
        renders = [functools.partial(self._render_part, i) for i in range(len(self.parts))]
        self.shared = SharedParts(renders, workers, first=last_first)
        if self.shared.helper is None:
            return
        # From here on, this process only: the helper has forked with things as they were.
        env.loader = jinja2.ChoiceLoader(
            [jinja2.DictLoader({HANDOFF: "{{ digest_handoff() }}"}), env.loader]
        )
        env.globals["digest_handoff"] = self._handoff
        for page in pages:
            page.meta["template"] = HANDOFF

    def close(self) -> None:
        self.shared.close()
        self.outputs.clear()

    def _template(self, src_uri: str) -> str:
        return self.templates[src_uri] or "main.html"

    def _render_part(self, index: int) -> list[Output]:
        """In the helper: what MkDocs' ``_build_page`` would render for each page."""
        outputs = []
        for page in self.parts[index]:
            self.config._current_page = page
            page.active = True
            try:
                with kept_records():  # the build runs the page events itself, logging there
                    context = get_context(self.nav, self.doc_files, self.config, page)
                    context = self.config.plugins.on_page_context(
                        context, page=page, config=self.config, nav=self.nav
                    )
                with kept_records() as records:
                    template = self.env.get_template(self._template(page.file.src_uri))
                    outputs.append((template.render(context), records))
            finally:
                page.active = False
                self.config._current_page = None
        return outputs

    @jinja2.pass_context
    def _handoff(self, context: jinja2.runtime.Context) -> Markup:
        """The handoff template's one call: the helper's HTML of the page, or the page
        rendered here with its own template."""
        page = context["page"]
        src_uri = page.file.src_uri
        if self.templates[src_uri] is None:
            del page.meta["template"]  # as it was, for the events after this one
        else:
            page.meta["template"] = self.templates[src_uri]
        index, place = self.where[src_uri]
        if index not in self.outputs:
            self.outputs[index] = self.shared.claim(index)
        outputs = self.outputs[index]
        if place == len(self.parts[index]) - 1:
            del self.outputs[index]  # its last page: the part's HTML is not needed again
        if outputs is None:
            template = self.env.get_template(self._template(src_uri))
            return Markup(template.render(context.get_all()))
        html, records = outputs[place]
        self.used += 1
        for record in records:
            logging.getLogger(record.name).handle(record)
        return Markup(html)


@contextlib.contextmanager
def kept_records() -> Iterator[list[logging.LogRecord]]:
    """Every log record made meanwhile, kept instead of handled. Only in the helper: its
    handlers are the build's, whose warning count would never see them."""
    records: list[logging.LogRecord] = []

    def keep(logger: logging.Logger, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # picklable whatever the args
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
        records.append(record)

    handle = logging.Logger.callHandlers
    logging.Logger.callHandlers = keep  # type: ignore[method-assign]
    try:
        yield records
    finally:
        logging.Logger.callHandlers = handle  # type: ignore[method-assign]


__all__ = ["HANDOFF", "Prebuilt", "kept_records"]
