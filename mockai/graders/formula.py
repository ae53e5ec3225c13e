"""A multi grader's `calculate_output`, parsed and evaluated without `eval`.

The graders guide lists what a formula may use: the sub-graders' keys as variables, the
operators `+ - * /` and `^` (power; `**` is read the same way), and the functions `min`,
`max`, `abs`, `floor`, `ceil`, `exp`, `sqrt` and `log`; numbers, unary minus and parentheses.
The text is parsed with `ast` and only those nodes are kept: anything else is refused before
anything runs, and evaluation walks the tree with float arithmetic.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

FUNCTIONS: dict[str, tuple[Callable[..., float], int | None]] = {  # name: (function, arity)
    "min": (min, None),
    "max": (max, None),
    "abs": (abs, 1),
    "floor": (math.floor, 1),
    "ceil": (math.ceil, 1),
    "exp": (math.exp, 1),
    "sqrt": (math.sqrt, 1),
    "log": (math.log, 1),
}
_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY: dict[type[ast.unaryop], Callable[[float], float]] = {
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


class FormulaError(ValueError):
    """A formula that cannot be parsed or uses what the guide does not list."""


@dataclass(frozen=True)
class Formula:
    text: str
    tree: ast.expr

    def variables(self) -> set[str]:
        return {node.id for node in ast.walk(self.tree) if isinstance(node, ast.Name)} - set(
            FUNCTIONS
        )


def _check(node: ast.AST, names: Collection[str]) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        _check(node.left, names)
        _check(node.right, names)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        _check(node.operand, names)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return
    elif isinstance(node, ast.Name):
        if node.id not in names:
            raise FormulaError(f"unknown variable '{node.id}'")
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in FUNCTIONS
        and not node.keywords
    ):
        arity = FUNCTIONS[node.func.id][1]
        if not node.args or (arity is not None and len(node.args) != arity):
            raise FormulaError(f"wrong number of arguments to '{node.func.id}'")
        for arg in node.args:
            _check(arg, names)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        raise FormulaError(f"unsupported function '{node.func.id}'")
    else:
        raise FormulaError(f"unsupported expression '{ast.unparse(node)}'")


def parse(text: str, names: Collection[str]) -> Formula:
    """The formula over the variables `names`, or `FormulaError`."""
    try:
        tree = ast.parse(text.replace("^", "**").strip(), mode="eval").body
        _check(tree, names)
    # Thousands of nested operators: the parser's stack overflows (MemoryError), or the check's.
    except (SyntaxError, RecursionError, MemoryError):
        raise FormulaError("cannot parse the formula") from None
    return Formula(text, tree)


def _value(node: ast.expr, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.BinOp):
        result = _BINARY[type(node.op)](_value(node.left, values), _value(node.right, values))
        if isinstance(result, complex):  # a negative number to a fractional power
            raise ValueError(ast.unparse(node))
        return float(result)
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_value(node.operand, values))
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # `_check` let numbers only
    if isinstance(node, ast.Name):
        return float(values[node.id])
    call: Any = node
    return float(FUNCTIONS[call.func.id][0](*(_value(arg, values) for arg in call.args)))


def evaluate(formula: Formula, values: Mapping[str, float]) -> float:
    """The formula's value (raises `ArithmeticError` or `ValueError`: 1/0, log(0), overflow)."""
    result = _value(formula.tree, values)
    if math.isnan(result) or math.isinf(result):
        raise ArithmeticError(formula.text)
    return result
