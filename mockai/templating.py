"""`{{ ... }}` in scenario strings, through Jinja2's sandbox, bounded in size.

Templates compile at load time, so syntax errors, unknown variable names and constant
expressions too large to build (`'a' * 10**10`) are reported as `FILE:LINE` problems before
the server starts; a sandboxed template can read request data but can never reach Python
internals, run code or exhaust memory (`template_bounds`).
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes

from mockai.template_bounds import (
    FORMATS,
    BoundedSandbox,
    TemplateTooLarge,
    check_arguments,
    check_binop,
    render,
)

# Names a template may use; the request handlers provide exactly these (see Call.template_context).
VARIABLES = frozenset(
    {
        "request",
        "model",
        "endpoint",
        "last_user_message",
        "system_message",
        "messages",
        "session",
        "step",
        "headers",
        "tools",
    }
)

_env = BoundedSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
_eval_context = nodes.EvalContext(_env)


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
        too_large = _constant_too_large(parsed)
        if too_large:
            raise TemplateProblem(f"template too large: {too_large}")
        self._template = _env.from_string(parsed)  # compiled from the tree: parsed once

    def render(self, context: dict[str, Any]) -> str:
        return render(self._template, context)


def _unknown_variables(parsed: nodes.Template) -> set[str]:
    """Jinja's exact check runs a code generator over the template (as long as compiling it);
    a template whose every name read is a known variable cannot use an unknown one, so only
    the others (loop variables, `set`, typos) need it."""
    read = {name.name for name in parsed.find_all(nodes.Name) if name.ctx == "load"}
    if read <= VARIABLES:
        return set()
    return meta.find_undeclared_variables(parsed) - VARIABLES


def _fold(node: nodes.Expr) -> Any:
    """The value of a constant expression, each operation checked against the bounds before
    it is computed; None when it is not constant (or fails: a matter for rendering)."""
    try:
        if isinstance(node, nodes.BinExpr):
            left, right = _fold(node.left), _fold(node.right)
            if left is None or right is None:
                return None
            check_binop(node.operator, left, right)
            return _env.binop_table[node.operator](left, right)
        return node.as_const(_eval_context)
    except TemplateTooLarge:
        raise
    except Exception:  # noqa: BLE001 - nodes.Impossible, or a constant that fails (1 / 0)
        return None


def _constant_too_large(parsed: nodes.Template) -> str | None:
    """Why a constant part of the template would break the bounds at every rendering, if it
    would: an operation (`'a' * 10**10`) or an integer argument (`center(10**10)`)."""
    try:
        for node in parsed.find_all((nodes.BinExpr, nodes.Call, nodes.Filter)):
            if isinstance(node, nodes.BinExpr):
                _fold(node)
            elif isinstance(node, (nodes.Call, nodes.Filter)) and _name(node) not in FORMATS:
                check_arguments(
                    _fold(arg) for arg in [*node.args, *(keyword.value for keyword in node.kwargs)]
                )
    except TemplateTooLarge as exc:
        return str(exc)
    return None


def _name(node: nodes.Call | nodes.Filter) -> str | None:
    """A filter's name, or the method name of a call like `'{}'.format(...)`."""
    return node.name if isinstance(node, nodes.Filter) else getattr(node.node, "attr", None)


def is_template(text: str) -> bool:
    return "{{" in text or "{%" in text
