"""Every id mockai makes comes from `mockai.ids`, in the real API's format."""

from __future__ import annotations

import re

import pytest

from mockai import ids

FORMATS = [
    (ids.request_id, r"req_[0-9a-f]{32}"),
    (ids.chat_completion_id, r"chatcmpl-[A-Za-z0-9]{29}"),
    (ids.completion_id, r"cmpl-[A-Za-z0-9]{29}"),
    (ids.tool_call_id, r"call_[A-Za-z0-9]{24}"),
    (ids.file_id, r"file-[A-Za-z0-9]{22}"),
    (ids.upload_id, r"upload_[0-9a-f]{32}"),
    (ids.upload_part_id, r"part_[0-9a-f]{32}"),
    (ids.batch_id, r"batch_[0-9a-f]{32}"),
    (ids.batch_request_id, r"batch_req_[0-9a-f]{32}"),
    (ids.steer_id, r"steer_[0-9a-f]{32}"),
    (ids.vector_store_id, r"vs_[0-9a-f]{32}"),
    (ids.vector_store_file_batch_id, r"vsfb_[0-9a-f]{32}"),
    (lambda: ids.item_id("resp_"), r"resp_[0-9a-f]{48}"),
    (ids.conversation_id, r"conv_[0-9a-f]{48}"),
    (ids.skill_id, r"skill_[0-9a-f]{48}"),
    (ids.skill_version_id, r"skillver_[0-9a-f]{48}"),
    (ids.container_id, r"cntr_[0-9a-f]{48}"),
    (ids.container_file_id, r"cfile_[0-9a-f]{32}"),
]


@pytest.mark.parametrize(("make", "form"), FORMATS, ids=[f for _, f in FORMATS])
def test_ids_have_the_real_format_and_do_not_repeat(make, form):
    made = {make() for _ in range(200)}
    assert len(made) == 200
    assert all(re.fullmatch(form, made_id) for made_id in made), sorted(made)[:3]


def test_no_module_but_ids_makes_ids_of_its_own():
    """The prefixes of `mockai.ids` appear nowhere else in the package next to random bytes."""
    import pathlib

    package = pathlib.Path(ids.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "ids.py"
        and re.search(
            r'"(file-|upload_|part_|batch_|batch_req_|steer_|cntr_|cfile_)" \+', path.read_text()
        )
    ]
    assert offenders == []


def test_seeded_ids_repeat_for_a_seed_and_take_the_shape_asked():
    import random

    first = ids.seeded(random.Random(7), "vs_", 32, ids.HEX)
    assert first == ids.seeded(random.Random(7), "vs_", 32, ids.HEX)
    assert re.fullmatch(r"vs_[0-9a-f]{32}", first)
    assert re.fullmatch(
        r"asst_[A-Za-z0-9]{24}", ids.seeded(random.Random(7), "asst_", 24, ids.ALNUM)
    )
    assert re.fullmatch(r"x_[0-9a-f]{5}", ids.seeded(random.Random(7), "x_", 5, ids.HEX))


@pytest.mark.parametrize(("make", "form"), FORMATS, ids=[f for _, f in FORMATS])
def test_shapes_table_agrees_with_the_made_ids(make, form):
    made = make()
    prefix = max((p for p in ids.SHAPES if made.startswith(p)), key=len)
    length, alphabet = ids.SHAPES[prefix]
    random_part = made[len(prefix) :]
    assert len(random_part) == length
    assert alphabet == ids.ALNUM or re.fullmatch("[0-9a-f]+", random_part)
