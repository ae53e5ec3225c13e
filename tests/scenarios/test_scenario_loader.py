"""Scenario files through `mockai validate` and `mockai serve`: every kind of bad file gives
`FILE:LINE: reason` with the line the YAML (or JSON) puts it on."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from serve_process import clean_env, run_cli

REPO = Path(__file__).resolve().parents[2]
PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<reason>.+)$")


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def problems(output: str) -> list[tuple[str, int, str]]:
    """(file name relative to nothing, line, reason) for each output line, all of them FILE:LINE."""
    found = []
    for line in output.splitlines():
        match = PROBLEM.match(line)
        assert match, f"not a FILE:LINE: reason line: {line!r}"
        found.append((match["file"], int(match["line"]), match["reason"]))
    return found


# (files, [(file, line, fragment of the reason)]): each case is one kind of bad file.
CASES = {
    "unknown field": (
        {"a.yaml": "- name: one\n  reply:\n    content: hi\n    bogus: 1\n"},
        [("a.yaml", 4, "reply.bogus: unknown field")],
    ),
    "unknown top-level field": (
        {"a.yaml": "- name: one\n  reply: {content: hi}\n  matches: {user: x}\n"},
        [("a.yaml", 3, "matches: unknown field")],
    ),
    "missing name": (
        {
            "a.yaml": "- name: fine\n"
            "  reply: {content: a}\n"
            "\n"
            "- match: {user: x}\n"
            "  reply: {content: b}\n"
        },
        [("a.yaml", 4, "name: missing required field")],
    ),
    "wrong type": (
        {
            "a.yaml": "- name: one\n"
            "  latency_ms: fast\n"
            "  reply: {content: hi}\n"
            "- name: two\n"
            "  match:\n"
            "    tools: get_weather\n"
            "  reply: {content: hi}\n"
        },
        [
            ("a.yaml", 2, "latency_ms: Input should be a valid number"),
            ("a.yaml", 6, "match.tools: Input should be a valid list"),
        ],
    ),
    "bad status": (
        {"a.yaml": "- name: one\n  replies:\n    - content: fine\n    - error: 700\n"},
        [("a.yaml", 4, "replies[1].error")],
    ),
    "status below 400": (
        {"a.yaml": "- name: one\n  reply:\n    error: {status: 200}\n"},
        [("a.yaml", 3, "reply.error.status")],
    ),
    "both reply and replies": (
        {
            "a.yaml": "- name: ok\n"
            "  reply: {content: a}\n"
            "- name: both\n"
            "  reply: {content: a}\n"
            "  replies:\n"
            "    - content: b\n"
        },
        [("a.yaml", 3, "exactly one of `replies`")],
    ),
    "neither reply nor replies": (
        {"a.yaml": "- name: ok\n  reply: {content: a}\n- name: neither\n  match: {user: x}\n"},
        [("a.yaml", 3, "exactly one of `replies`")],
    ),
    "empty replies": (
        {"a.yaml": "- name: empty\n  replies: []\n"},
        [("a.yaml", 2, "replies: List should have at least 1 item")],
    ),
    "error plus content in one step": (
        {
            "a.yaml": "- name: mixed\n"
            "  replies:\n"
            "    - content: first\n"
            "    - error: 503\n"
            '      content: "and text"\n'
        },
        [("a.yaml", 4, "a step with `error` cannot also have content")],
    ),
    "duplicate names across two files": (
        {
            "a.yaml": "- name: first\n"
            "  reply: {content: a}\n"
            "- name: shared\n"
            "  reply: {content: a}\n",
            "b.yaml": "# another file\n- name: shared\n  reply: {content: b}\n",
        },
        [("b.yaml", 2, "duplicate scenario name 'shared' (first defined at {dir}/a.yaml:3)")],
    ),
    "invalid YAML": (
        {"a.yaml": "- name: one\n  reply: {content: hi}\n- name: two\n  reply: content: hi\n"},
        [("a.yaml", 4, "invalid YAML: mapping values are not allowed")],
    ),
    "invalid YAML indentation": (
        {"a.yaml": "- name: one\n  reply:\n    content: hi\n   finish_reason: stop\n"},
        [("a.yaml", 4, "invalid YAML")],
    ),
    "unclosed quote points at the quote, not the end of the file": (
        {
            "a.yaml": "- name: one\n"
            '  reply: {content: "never closed}\n'
            "- name: two\n"
            "  reply: {content: hi}\n"
        },
        [("a.yaml", 2, "invalid YAML")],
    ),
    "template syntax error": (
        {"a.yaml": '- name: one\n  replies:\n    - content: fine\n    - content: "{{ model "\n'},
        [("a.yaml", 4, "replies[1].content: template syntax error")],
    ),
    "unknown template variable in tool-call arguments": (
        {
            "a.yaml": "- name: one\n"
            "  reply:\n"
            "    tool_calls:\n"
            "      - name: lookup\n"
            "        arguments:\n"
            "          where:\n"
            '            city: "{{ town }}"\n'
        },
        [
            (
                "a.yaml",
                7,
                "reply.tool_calls[0].arguments.where.city: template uses unknown variable(s) town",
            )
        ],
    ),
    "unknown template variable in a header": (
        {
            "a.yaml": "- name: one\n"
            "  headers:\n"
            '    x-echo: "{{ request_id }}"\n'
            "  reply: {content: hi}\n"
        },
        [("a.yaml", 3, "headers.x-echo: template uses unknown variable(s) request_id")],
    ),
    "template problems in headers, scenario-level once, step-level where written": (
        {
            "a.yaml": "- name: one\n"
            "  headers:\n"
            '    X-Echo: "{{ request_id }}"\n'
            "  replies:\n"
            "    - content: a\n"
            "    - content: b\n"
            "      headers:\n"
            '        X-Step: "{{ step_no }}"\n'
        },
        [
            ("a.yaml", 3, "headers.X-Echo: template uses unknown variable(s) request_id"),
            ("a.yaml", 8, "replies[1].headers.X-Step: template uses unknown variable(s) step_no"),
        ],
    ),
    "JSON file": (
        {
            "a.json": "[\n"
            '  {"name": "one", "reply": {"content": "x"}},\n'
            '  {"name": "two",\n'
            '   "reply": {"content": "x", "wat": true}}\n'
            "]\n"
        },
        [("a.json", 4, "reply.wat: unknown field")],
    ),
    "invalid JSON": (
        {
            "a.json": "[\n"
            '  {"name": "one", "reply": {"content": "x"}},\n'
            '  {"name": "two" "reply": {"content": "x"}}\n'
            "]\n"
        },
        [("a.json", 3, "invalid JSON: Expecting ',' delimiter")],
    ),
    "single mapping": (
        {"a.yaml": "# one scenario, not a list\nname: single\nreply:\n  content: hi\n  extra: 1\n"},
        [("a.yaml", 5, "reply.extra: unknown field")],
    ),
    "scalar document": (
        {"a.yaml": "just some text\n"},
        [("a.yaml", 1, "expected a list of scenarios or one scenario")],
    ),
    "list item that is not a mapping": (
        {"a.yaml": "- name: one\n  reply: {content: hi}\n- just a string\n"},
        [("a.yaml", 3, "a scenario must be a mapping")],
    ),
    "bad regex type in a match": (
        {"a.yaml": "- name: one\n  match:\n    user: {regexp: x}\n  reply: {content: hi}\n"},
        [
            ("a.yaml", 3, "match.user.regexp: unknown field; did you mean 'regex'?"),
            ("a.yaml", 3, "match.user.regex: missing required field"),
        ],
    ),
    "invalid regex, one problem among the others": (
        {
            "a.yaml": "- name: one\n"
            "  match:\n"
            '    user: {regex: "([a-z"}\n'
            "  reply: {content: hi}\n"
            "- name: two\n"
            '  match: {system: {regex: "a{2,1}"}}\n'
            "  reply: {content: hi, colour: red}\n"
        },
        [
            ("a.yaml", 3, "match.user.regex: unterminated character set at position 1"),
            ("a.yaml", 6, "match.system.regex: min repeat greater than max repeat"),
            ("a.yaml", 7, "reply.colour: unknown field"),
        ],
    ),
    "misspelt endpoint": (
        {
            "a.yaml": "- name: one\n"
            "  match:\n"
            "    endpoint: chat.completion\n"
            "  reply: {content: hi}\n"
        },
        [
            (
                "a.yaml",
                3,
                "match.endpoint: unknown endpoint 'chat.completion'; "
                "did you mean 'chat.completions'?",
            )
        ],
    ),
    "misspelt operation id and path": (
        {
            "a.yaml": "- name: one\n"
            "  match: {endpoint: createChatCompletions}\n"
            "  reply: {content: hi}\n"
            "- name: two\n"
            "  match: {endpoint: POST /vector_store}\n"
            "  reply: {content: hi}\n"
        },
        [
            ("a.yaml", 2, "did you mean 'createChatCompletion'?"),
            ("a.yaml", 5, "did you mean 'POST /vector_stores'?"),
        ],
    ),
    "endpoint nothing is close to": (
        {"a.yaml": "- name: one\n  match: {endpoint: zzzz}\n  reply: {content: hi}\n"},
        [("a.yaml", 2, "unknown endpoint 'zzzz'; expected a family (audio.speech, ")],
    ),
    "endpoint glob that matches nothing": (
        {"a.yaml": '- name: one\n  match: {endpoint: "chta.*"}\n  reply: {content: hi}\n'},
        [("a.yaml", 2, "match.endpoint: endpoint glob 'chta.*' matches no endpoint name")],
    ),
    "unknown keys everywhere, with the close ones suggested": (
        {
            "a.yaml": "- name: one\n"
            "  mtach: {user: x}\n"
            "  replies:\n"
            "    - contnet: hi\n"
            "    - error: {stauts: 503}\n"
            "    - content: hi\n"
            "      stream: {chunk_msec: 5, chunks: [{txt: a}]}\n"
            "  chaos: {rate: 0.1, kind: [503]}\n"
            "  limits: {rmp: 3}\n"
            "  match: {modle: gpt-4o, zzz: 1}\n"
        },
        [
            ("a.yaml", 2, "mtach: unknown field; did you mean 'match'?"),
            ("a.yaml", 4, "replies[0].contnet: unknown field; did you mean 'content'?"),
            ("a.yaml", 5, "replies[1].error.stauts: unknown field; did you mean 'status'?"),
            ("a.yaml", 5, "replies[1].error.status: missing required field"),
            ("a.yaml", 7, "replies[2].stream.chunk_msec: unknown field; did you mean 'chunk_ms'?"),
            ("a.yaml", 7, "replies[2].stream.chunks[0].txt: unknown field; did you mean 'text'?"),
            ("a.yaml", 7, "replies[2].stream.chunks[0].text: missing required field"),
            ("a.yaml", 8, "chaos.kind: unknown field; did you mean 'kinds'?"),
            ("a.yaml", 9, "limits.rmp: unknown field; did you mean 'rpm'?"),
            ("a.yaml", 10, "match.modle: unknown field; did you mean 'model'?"),
            ("a.yaml", 10, "match.zzz: unknown field"),
        ],
    ),
    "JSON trailing comma": (
        {
            "a.json": "[\n"
            '  {"name": "one", "reply": {"content": "x"}},\n'
            '  {"name": "two", "reply": {"content": "y"}},\n'
            "]\n"
        },
        [("a.json", 3, "invalid JSON: trailing comma")],
    ),
    "JSON with a comment": (
        {"a.json": '[\n  {"name": "one", "reply": {"content": "x"}} // the first\n]\n'},
        [("a.json", 2, "invalid JSON: Expecting ',' delimiter")],
    ),
    "JSON lines of nested values": (
        {
            "a.json": '{"name": "one",\n'
            ' "match": {"user": "x",\n'
            '           "tools": ["a",\n'
            "                     3]},\n"
            ' "replies": [{"content": "x"},\n'
            '             {"tool_calls": [{"name": "t", "arguments": {"a": [1, {"b": 2}]}},\n'
            '                             {"nmae": "u"}]}]}\n'
        },
        [
            ("a.json", 4, "match.tools[1]: Input should be a valid string"),
            ("a.json", 7, "replies[1].tool_calls[1].nmae: unknown field; did you mean 'name'?"),
            ("a.json", 7, "replies[1].tool_calls[1].name: missing required field"),
        ],
    ),
    "constant template too large to build": (
        {
            "a.yaml": "- name: one\n"
            "  replies:\n"
            "    - content: fine\n"
            "    - content: \"{{ 'a' * 10**10 }}\"\n"
            '    - tool_calls: [{name: t, arguments: {q: "{{ last_user_message | center(10**9) }}"}}]\n'
        },
        [
            (
                "a.yaml",
                4,
                "replies[1].content: template too large: a repetition 10,000,000,000 "
                "times would have 10,000,000,000 characters or items",
            ),
            (
                "a.yaml",
                5,
                "replies[2].tool_calls[0].arguments.q: template too large: an argument "
                "of 1,000,000,000 is over",
            ),
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_validate_reports_file_and_line(tmp_path: Path, case: str) -> None:
    files, expected = CASES[case]
    write(tmp_path, files)
    result = run_cli("validate", *(str(tmp_path / name) for name in files))
    assert result.returncode == 1, result.stdout + result.stderr
    got = problems(result.stdout)
    wanted = [
        (str(tmp_path / file), line, fragment.format(dir=tmp_path))
        for file, line, fragment in expected
    ]
    for file, line, fragment in wanted:  # each expected problem, at its line
        assert any((f, n) == (file, line) and fragment in reason for f, n, reason in got), (
            f"expected {file}:{line}: ...{fragment}... in:\n{result.stdout}"
        )
    for file, line, _reason in got:  # and nothing at any other line
        assert (file, line) in {(f, n) for f, n, _ in wanted}, result.stdout


def test_validate_lists_every_problem_of_every_file(tmp_path: Path) -> None:
    """Not just the first: schema, template and duplicate problems of several files together."""
    write(
        tmp_path,
        {
            "a.yaml": "- name: one\n"
            "  reply: {content: hi, bogus: 1}\n"
            "- name: two\n"
            '  reply: {content: "{{ nope }}"}\n'
            "- name: three\n"
            "  reply: {error: 700}\n",
            "b.yaml": "- name: one\n  reply: {content: x}\n- name: four\n",
            "c.yaml": "- name: five\n  reply: [\n",
            "d.json": '{"name": "six", "reply": {"content": "{{ model"}}\n',
        },
    )
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    got = {(Path(f).name, line) for f, line, _ in problems(result.stdout)}
    assert got == {
        ("a.yaml", 2),
        ("a.yaml", 4),
        ("a.yaml", 6),
        ("b.yaml", 3),
        ("c.yaml", 2),
        ("d.json", 1),
    }, result.stdout


def test_validate_duplicate_names_names_both_lines(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "x.yaml": "- name: dup\n  reply: {content: x}\n",
            "y.yaml": "\n\n- name: dup\n  reply: {content: y}\n",
        },
    )
    result = run_cli("validate", str(tmp_path / "x.yaml"), str(tmp_path / "y.yaml"))
    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"{tmp_path}/y.yaml:3: duplicate scenario name 'dup' (first defined at {tmp_path}/x.yaml:1)"
    )


def test_valid_json_single_mapping_and_empty_files(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "list.json": '[{"name": "j1", "reply": {"content": "x"}},\n'
            ' {"name": "j2", "replies": [{"content": "a"}, {"error": 503}]}]\n',
            "one.yml": "name: single\nreply: {content: s}\n",
            "empty.yaml": "",
            "comments.yaml": "# nothing here yet\n",
            "nulls.yaml": "~\n",
        },
    )
    result = run_cli("validate", *(str(p) for p in sorted(tmp_path.iterdir())))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "ok: 3 scenario(s)"


def test_folders_are_scanned_recursively_in_sorted_order(tmp_path: Path) -> None:
    """The duplicate problem names the first definition, which shows the scan order."""
    write(
        tmp_path,
        {
            "b.yaml": "- name: same\n  reply: {content: b}\n",
            "a/deeper/c.yml": "- name: same\n  reply: {content: c}\n",
            "a/z.json": '[{"name": "z", "reply": {"content": "z"}}]',
            "a/notes.txt": "not a scenario: [",
            "README.md": "- not: [ a scenario",
        },
    )
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"{tmp_path}/b.yaml:1: duplicate scenario name 'same' "
        f"(first defined at {tmp_path}/a/deeper/c.yml:1)"
    )
    (tmp_path / "b.yaml").unlink()
    result = run_cli("validate", str(tmp_path))
    assert (result.returncode, result.stdout.strip()) == (0, "ok: 2 scenario(s)")


def test_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run_cli("validate", str(missing), str(REPO / "scenarios"))
    assert result.returncode == 1
    [(file, _line, reason)] = problems(result.stdout)
    assert file == str(missing)
    assert "no such file" in reason


def test_validate_bundled_scenarios_ok() -> None:
    result = run_cli("validate", str(REPO / "scenarios"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok")


def test_validate_relative_paths(tmp_path: Path) -> None:
    write(tmp_path, {"s/a.yaml": "- name: a\n  reply: {content: x, nope: 1}\n"})
    result = run_cli("validate", "s", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("s/a.yaml:2: ")


def test_serve_refuses_bad_scenarios(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "good.yaml": "- name: good\n  reply: {content: x}\n",
            "bad.yaml": "- name: bad\n  reply:\n    content: x\n    colour: red\n",
        },
    )
    try:
        result = run_cli("serve", "--port", "0", "--scenarios", str(tmp_path), timeout=30)
    except subprocess.TimeoutExpired as exc:  # it started serving instead of refusing
        raise AssertionError(f"mockai serve kept running: {exc.stdout!r}") from None
    assert result.returncode != 0
    assert "listening" not in result.stdout
    assert f"{tmp_path}/bad.yaml:4: reply.colour: unknown field" in result.stderr.splitlines()


def test_serve_refuses_missing_scenario_path(tmp_path: Path) -> None:
    result = run_cli(
        "serve", "--port", "0", "--scenarios", str(tmp_path / "gone"), timeout=30, env=clean_env()
    )
    assert result.returncode != 0
    assert "listening" not in result.stdout
    assert f"{tmp_path}/gone:" in result.stderr


def test_problems_are_listed_in_file_then_line_order(tmp_path: Path) -> None:
    """Whatever stage finds them (syntax, schema, names, templates), and whatever the order of
    the paths given."""
    write(
        tmp_path,
        {
            "a.yaml": "- name: dup\n"
            '  reply: {content: "{{ nope }}"}\n'  # a template problem: found last
            "- name: other\n"
            "  reply: {content: hi, wat: 1}\n"  # a schema problem
            "- name: dup\n"  # a duplicate name
            "  reply: {content: x}\n"
            "- name: late\n"
            '  reply: {content: "{{ model "}\n',
            "b.json": '[{"name": "b", "reply": {"content": "{{ usr }}"}},\n'
            ' {"name": "c", "reply": {"content": "x", "x": 1}}]\n',
        },
    )
    result = run_cli("validate", str(tmp_path / "b.json"), str(tmp_path / "a.yaml"))
    assert result.returncode == 1
    got = [(Path(file).name, line) for file, line, _ in problems(result.stdout)]
    assert got == [
        ("a.yaml", 2),
        ("a.yaml", 4),
        ("a.yaml", 5),
        ("a.yaml", 8),
        ("b.json", 1),
        ("b.json", 2),
    ], result.stdout


def test_serve_lists_an_invalid_regex_with_the_other_problems(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.yaml": "- name: bad-regex\n"
            '  match: {user: {regex: "([a-z"}}\n'
            "  reply: {content: x}\n"
            "- name: bad-field\n"
            "  reply: {content: x, colour: red}\n"
        },
    )
    result = run_cli("serve", "--port", "0", "--scenarios", str(tmp_path), timeout=30)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:2] == [
        f"{tmp_path}/a.yaml:2: match.user.regex: unterminated character set at position 1",
        f"{tmp_path}/a.yaml:5: reply.colour: unknown field",
    ]


def test_every_endpoint_form_validates(tmp_path: Path) -> None:
    """Family names, operation ids, `METHOD /path` and globs over any of them; an operation no
    family serves yet is not a problem."""
    endpoints = [
        "chat.completions",
        "chat.*",
        "audio.*",
        "createChatCompletion",
        "POST /chat/completions",
        "GET /models/{model}",
        "createVectorStore",
        "POST /vector_stores",
        "create*",
        "POST /images/*",
        "*",
    ]
    write(
        tmp_path,
        {
            "a.yaml": "".join(
                f'- name: e{index}\n  match: {{endpoint: "{endpoint}"}}\n  reply: {{content: x}}\n'
                for index, endpoint in enumerate(endpoints)
            )
        },
    )
    result = run_cli("validate", str(tmp_path))
    assert (result.returncode, result.stdout.strip()) == (0, f"ok: {len(endpoints)} scenario(s)")
