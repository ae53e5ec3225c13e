"""`mockai.sessions.forget`, the one way per-session state is reset."""

from __future__ import annotations

from mockai.sessions import forget


def test_forget_drops_one_sessions_entries_keyed_by_it_or_by_tuples_starting_with_it():
    table = {"a": 1, "b": 2, None: 3, ("a", "x"): 4, ("b", "x"): 5, (None, "x"): 6, "ab": 7}
    forget(table, "a")
    assert table == {"b": 2, None: 3, ("b", "x"): 5, (None, "x"): 6, "ab": 7}
    forget(table, None)  # the default session is a session like the others
    assert table == {"b": 2, ("b", "x"): 5, "ab": 7}


def test_forget_everywhere_clears_the_table():
    table = {"a": 1, ("b", "x"): 2}
    forget(table, None, everywhere=True)
    assert table == {}
