"""`{{ ... }}` in scenario strings, through Jinja2's sandbox.

Templates compile at load time, so syntax errors and unknown variable names are reported as
`FILE:LINE` problems before the server starts; a sandboxed template can read request data but
can never reach Python internals or run code.
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

# Names a template may use; the request handlers provide exactly these (see Call.template_context).
VARIABLES = frozenset({
    "request", "model", "endpoint", "last_user_message", "system_message", "messages",
    "session", "step", "headers", "tools",
})

_env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                     keep_trailing_newline=True)


class TemplateProblem(ValueError):
    pass


class Template:
    __slots__ = ("_template", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        try:
            parsed = _env.parse(source)
        except TemplateSyntaxError as exc:
            raise TemplateProblem(f"template syntax error: {exc.message}") from None
        unknown = _unknown_variables(parsed)
        if unknown:
            raise TemplateProblem(
                f"template uses unknown variable(s) {', '.join(sorted(unknown))}; "
                f"known: {', '.join(sorted(VARIABLES))}"
            )
        self._template = _env.from_string(parsed)  # compiled from the tree: parsed once

    def render(self, context: dict[str, Any]) -> str:
        return self._template.render(context)


def _unknown_variables(parsed: nodes.Template) -> set[str]:
    """Jinja's exact check runs a code generator over the template (as long as compiling it);
    a template whose every name read is a known variable cannot use an unknown one, so only
    the others (loop variables, `set`, typos) need it."""
    read = {name.name for name in parsed.find_all(nodes.Name) if name.ctx == "load"}
    if read <= VARIABLES:
        return set()
    return meta.find_undeclared_variables(parsed) - VARIABLES


def is_template(text: str) -> bool:
    return "{{" in text or "{%" in text
