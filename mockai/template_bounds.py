"""Jinja's sandbox, bounded in size: a scenario template can neither reach Python internals
(the sandbox) nor make the server build a value big enough to exhaust its memory or loop long
enough to stall it (the bounds), whatever a scenario file says.

The bounds are checked before the work is done wherever a value can grow faster than what
went in (`'a' * 10**10`, `10 ** 10**10`, `'x' | center(10**10)`, `big | join(big)`,
`{% set x = x ~ x %}` over and over...), and on every value a template builds (literals,
concatenations, call and filter results, block and output buffers). Everything a template
may build is measured the way it would print: a list holding one string twice counts it twice.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any, NoReturn

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg

MAX_SIZE = 1 << 22  # characters of a string or items of a container (nested), output included
MAX_INT_BITS = 1 << 16  # a number a template computes (~20,000 digits)
RANGE_BUDGET = 100_000  # numbers all `range()` calls of one rendering may give, nested loops too
FORMATS = frozenset({"format", "format_map"})  # their integer arguments are data, not sizes
_PRINTF_WIDTHS = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")
_range_left: ContextVar[list[int]] = ContextVar("range_left")


class TemplateTooLarge(ValueError):
    pass


def _refuse(what: str, size: int) -> NoReturn:
    raise TemplateTooLarge(
        f"{what} would have {size:,} characters or items; a template may build at most {MAX_SIZE:,}"
    )


def deep_size(value: Any, limit: int = MAX_SIZE) -> int:
    """Characters of strings plus items of containers, nested; stops counting past `limit`."""
    total, pending = 0, [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, (str, bytes)):
            total += len(item)
        elif isinstance(item, dict):
            total += len(item)
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += len(item)
            pending.extend(item)
    return total


def _bounded(value: Any, what: str = "a value") -> Any:
    size = deep_size(value)
    if size > MAX_SIZE:
        _refuse(what, size)
    return value


def check_arguments(args: Iterable[Any]) -> None:
    """An integer argument is a width, count or length (`center(10**10)`, `ljust`, `indent`,
    `range`...): one above the bound would make the result too large."""
    for arg in args:
        if isinstance(arg, int) and abs(arg) > MAX_SIZE:
            raise TemplateTooLarge(
                f"an argument of {arg:,} is over {MAX_SIZE:,}, the largest "
                "size a template may build"
            )


def _format_size(template: str, args: Any) -> int:
    """At most: the format, each field filled with all the arguments, plus the widths."""
    fields = template.count("%") + template.count("{")
    widths = [w for m in _PRINTF_WIDTHS.finditer(template) for w in m.groups() if w]
    widths += [
        w
        for _, _, spec, _ in string.Formatter().parse(template)
        if spec
        for w in _DIGITS.findall(spec) + (["*"] if "{" in spec else [])
    ]
    values = (
        list(args.values())
        if isinstance(args, dict)
        else list(args)
        if isinstance(args, tuple)
        else [args]
    )
    star = max((abs(v) for v in values if isinstance(v, int)), default=0)
    return (
        len(template)
        + fields * deep_size(values)
        + sum(star if w == "*" else int(w) for w in widths)
    )


def _replace_size(text: str, old: str, new: str) -> int:
    if not old:
        return len(text) + (len(text) + 1) * len(new)
    return len(text) + len(text) // len(old) * max(0, len(new) - len(old))


def _join_size(separator: Any, items: list[Any] | tuple[Any, ...]) -> int:
    return deep_size(items) + len(items) + max(0, len(items) - 1) * len(str(separator))


def _str_method_size(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """What a string method could return, for those whose result can outgrow their inputs'
    sum (the others are bounded by their integer arguments)."""
    if name == "format":
        return _format_size(text, (*args, *kwargs.values()))
    if name == "format_map" and args:
        return _format_size(text, args[0])
    if name == "replace" and len(args) >= 2:
        return _replace_size(text, str(args[0]), str(args[1]))
    if name == "join" and args:
        return _join_size(text, args[0])
    if name == "expandtabs":
        tab = args[0] if args else kwargs.get("tabsize", 8)
        return len(text) + text.count("\t") * (tab if isinstance(tab, int) else 8)
    if name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        return len(text) * max(longest, 1)
    return 0


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` (a filter) with its integer arguments, its growth and its result bounded."""
    skip = 1 if _PassArg.from_obj(func) is not None else 0  # context/environment goes first

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        value, rest = args[skip], args[skip + 1 :]
        if name not in FORMATS:
            check_arguments((*rest, *kwargs.values()))
        if name == "join":
            value = value if isinstance(value, (list, tuple)) else list(value)  # read once
            args = (*args[:skip], value, *rest)
            separator = rest[0] if rest else kwargs.get("d", "")
            size = _join_size(separator, value)
        elif name == "format":
            size = _format_size(str(value), (*rest, *kwargs.values()))
        elif name == "replace" and len(rest) >= 2:
            size = _replace_size(str(value), str(rest[0]), str(rest[1]))
        elif name == "indent":
            width = rest[0] if rest else kwargs.get("width", 4)
            lines = str(value).count("\n") + 1
            size = len(str(value)) + lines * (width if isinstance(width, int) else len(width))
        elif name == "wordwrap":
            wrap = rest[2] if len(rest) > 2 else kwargs.get("wrapstring") or "\n"
            size = len(str(value)) * (1 + len(wrap))
        else:
            size = 0
        if size > MAX_SIZE:
            _refuse(f"the result of |{name}", size)
        return _checked_text(func(*args, **kwargs), f"the result of |{name}")

    return bounded


def _checked_text(value: Any, what: str) -> Any:
    if isinstance(value, str) and len(value) > MAX_SIZE:
        _refuse(what, len(value))
    return value


def _budgeted_range(*args: int) -> range:
    """`range`, drawing on one rendering's budget, so nested loops cannot run for hours."""
    numbers = range(*args)
    left = _range_left.get()
    left[0] -= len(numbers)
    if left[0] < 0:
        raise TemplateTooLarge(f"the template's loops would count past {RANGE_BUDGET:,}")
    return numbers


class _Buffer(list):
    """The output of a block (`{% set %}`, `{% filter %}`, a macro) so far, refused as soon as
    it grows too long: a loop can append far more than memory holds before the block ends."""

    size = 0

    def append(self, part: str) -> None:
        self._grow(len(part))
        super().append(part)

    def extend(self, parts: Iterable[str]) -> None:
        parts = tuple(parts)
        self._grow(sum(map(len, parts)))
        super().extend(parts)

    def _grow(self, size: int) -> None:
        self.size += size
        if self.size > MAX_SIZE:
            _refuse("the rendered text", self.size)


class _BoundedCodeGenerator(CodeGenerator):
    """Wraps the values a template writes literally (`[x, x]`, `{'a': x}`, `x ~ x`) in a size
    check, and writes blocks into bounded buffers: the sandbox has no hook for either, and
    nesting them grows without limit."""

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.buffer()")

    def _checked(self, visit: Callable[[Any, Frame], None], node: nodes.Expr, frame: Frame) -> None:
        self.write("environment.bounded(")
        visit(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._checked(super().visit_List, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._checked(super().visit_Dict, node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self._checked(super().visit_Concat, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx == "load":  # not a loop or assignment target
            self._checked(super().visit_Tuple, node, frame)
        else:
            super().visit_Tuple(node, frame)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox plus the size bounds; `render` is the one way to run a template
    made by it."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _budgeted_range
        self.filters = {name: _bounded_filter(name, func) for name, func in self.filters.items()}

    @staticmethod
    def bounded(value: Any) -> Any:
        return _bounded(value)

    buffer = _Buffer

    @staticmethod
    def concat(parts: Iterable[str]) -> str:
        """Joins block bodies and the whole output, refusing as soon as they grow too long."""
        kept, size = [], 0
        for part in parts:
            size += len(part)
            if size > MAX_SIZE:
                _refuse("the rendered text", size)
            kept.append(part)
        return "".join(kept)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right)
        return self.binop_table[operator](left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
        if not (isinstance(owner, str) and name in FORMATS):
            check_arguments((*args, *kwargs.values()))
        if isinstance(owner, str):
            if name == "join" and args:  # measured, so read once: an iterator would be spent
                args = (list(args[0]), *args[1:])
            size = _str_method_size(owner, name, args, kwargs)
            if size > MAX_SIZE:
                _refuse(f"the result of .{name}()", size)
        result = super().call(__context, __obj, *args, **kwargs)
        return _checked_text(result, f"the result of {name or 'a call'}()")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuses an operation whose result would be over the bounds, before computing it."""
    numbers = isinstance(left, int) and isinstance(right, int)
    if operator == "**" and numbers and right > 0 and abs(left) > 1:
        if left.bit_length() * right > MAX_INT_BITS:
            raise TemplateTooLarge(f"{left} ** {right} would have over {MAX_INT_BITS:,} bits")
    elif operator == "*" and numbers:
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateTooLarge(f"a product of over {MAX_INT_BITS:,} bits")
    elif operator == "*" and (isinstance(left, int) or isinstance(right, int)):
        count, repeated = (left, right) if isinstance(left, int) else (right, left)
        if count > 0 and deep_size(repeated) * count > MAX_SIZE:
            _refuse(f"a repetition {count:,} times", deep_size(repeated) * count)
    elif operator == "+":
        size = deep_size(left) + deep_size(right)
        if size > MAX_SIZE:
            _refuse("a sum", size)
    elif operator == "%" and isinstance(left, str):
        size = _format_size(left, right)
        if size > MAX_SIZE:
            _refuse("a %-formatted string", size)


def render(template: Any, context: dict[str, Any]) -> str:
    """Renders a template of a BoundedSandbox with a fresh loop budget."""
    token = _range_left.set([RANGE_BUDGET])
    try:
        return template.render(context)
    finally:
        _range_left.reset(token)
