"""Identifiers in the real API's formats (prefix + random alphanumerics or hex): every id
mockai makes comes from here.

Random bytes mapped through a translation table: an id costs about a microsecond, which
matters because every response carries one or two. `SHAPES` holds the random part's length and
alphabet after each prefix whose real form is known; `seeded` makes an id of any shape from a
seeded generator (bodies generated from the OpenAPI description must be reproducible).
"""

from __future__ import annotations

import hashlib
import os
import random
import string

_ALNUM = (string.ascii_letters + string.digits).encode()
_TO_ALNUM = bytes(_ALNUM[i % len(_ALNUM)] for i in range(256))

HEX = "hex"
ALNUM = "alnum"
ITEM = (48, HEX)
"""Responses API items and objects: `resp_`, `msg_`, `fc_`, `rs_`, `ws_`, `cntr_`... + 48 hex."""
SHAPES: dict[str, tuple[int, str]] = {
    "req_": (32, HEX),
    "chatcmpl-": (29, ALNUM),
    "cmpl-": (29, ALNUM),
    "call_": (24, ALNUM),
    "file-": (22, ALNUM),  # file-52voFe6FU6MWyAwa1Uj39R
    "upload_": (32, HEX),
    "part_": (32, HEX),
    "batch_": (32, HEX),  # batch_69c3c347282c81908ede48ecc95bf201
    "batch_req_": (32, HEX),
    "vs_": (32, HEX),  # vs_69010cc814b48191b467bc9a5a6776cc (older stores: 24 alphanumerics)
    "vsfb_": (32, HEX),  # a vector store file batch: shaped like today's vector store ids
    "steer_": (32, HEX),
    "org-": (24, ALNUM),
    **{prefix: ITEM for prefix in ("resp_", "msg_", "fc_", "rs_", "ws_", "ci_", "fs_", "cmp_")},
    "cntr_": ITEM,  # cntr_682dfebaacac8198bbfe9c2474fb6f4a085685cbe3cb5863
    "cfile_": (32, HEX),  # cfile_682e0e8a43c88191a7978f477a09bdf5 (a container's file)
    # conv_68c0ad641778819082b690ac664ca0bd0c149fc0da51351e (a Conversations API conversation;
    # the Realtime API's own `conv_` ids are `realtime_id`'s)
    "conv_": ITEM,
    "skill_": ITEM,  # skill_699fc58f408c8191825d8d06ae75fd5c06de7b381a5db7f5
    "skillver_": ITEM,  # a skill version: no real one seen, taken as the skill's shape
    "ek_": (32, HEX),  # ek_68af296e8e408191a1120ab6383263c2 (a Realtime client secret)
    "sess_": (21, ALNUM),  # sess_C9CiUVUzUzYIssh3ELY1d (a Realtime session; every Realtime id)
    "rtc_u1_": (32, HEX),  # rtc_u1_9c6574da8b8a41a18da9308f4ad974ce (a Realtime call)
    "cons_": (32, HEX),  # a voice consent: the prefix is the description's (`cons_1234`)
    "voice_": (32, HEX),  # a custom voice: the prefix is the description's (`voice_123abc`)
    "video_": ITEM,  # video_691b68a816808190ac4a669abac92bee0637167e40694ace
    "eval_": (32, HEX),  # eval_67abd54d9b0081909a86353f6fb9317a (the description's examples)
    "evalrun_": (32, HEX),  # evalrun_67e57965b480819094274e3a32235e4c
    "outputitem_": (32, HEX),  # outputitem_67e5796c28e081909917bf79f6e6214d
    "char_": (32, HEX),  # a Sora character: no real one seen (the description shows char_123)
    "ftjob-": (24, ALNUM),  # ftjob-mJP5PgIEaFxN4jpMHIcCKMmQ (a fine-tuning job)
    "ftevent-": (24, ALNUM),  # ftevent-2CT7fwITvhbSbrlP4Z1F7bZT
    "ftckpt_": (24, ALNUM),  # ftckpt_nuaEKibogmcsHp3FUBLfgbDs
    "cp_": (24, ALNUM),  # cp_zc4Q7MP6XxulcVzj4MZdwsAB (a checkpoint permission)
}
"""The random part (length, alphabet) after each prefix whose real form mockai knows."""


def _alnum(n: int) -> str:
    return os.urandom(n).translate(_TO_ALNUM).decode()


def _random(prefix: str) -> str:
    length, alphabet = SHAPES[prefix]
    return prefix + (os.urandom(length // 2).hex() if alphabet == HEX else _alnum(length))


def seeded(rng: random.Random, prefix: str, length: int, alphabet: str) -> str:
    """`prefix` + `length` characters of `alphabet` (HEX or ALNUM) drawn from `rng`."""
    if alphabet == HEX:
        return prefix + rng.randbytes((length + 1) // 2).hex()[:length]
    return prefix + rng.randbytes(length).translate(_TO_ALNUM).decode()


def derived(prefix: str, key: str) -> str:
    """An id of `prefix`'s known shape, always the same for `key`: objects worked out afresh
    at each read (a fine-tuning job's events and checkpoints) keep their ids."""
    return seeded(random.Random(key), prefix, *SHAPES[prefix])


def request_id() -> str:
    return _random("req_")


def chat_completion_id() -> str:
    return _random("chatcmpl-")


def completion_id() -> str:
    """Legacy completions: `cmpl-` + 29 alphanumerics, like chat's `chatcmpl-` ids."""
    return _random("cmpl-")


def moderation_id(legacy: bool = False) -> str:
    """`modr-` + 32 hex digits (omni-moderation), or + 29 alphanumerics (text-moderation)."""
    return "modr-" + (_alnum(29) if legacy else os.urandom(16).hex())


def tool_call_id() -> str:
    return _random("call_")


def obfuscation(n: int) -> str:
    return _alnum(n)


def organization_id(api_key: str) -> str:
    """`org-` + 24 alphanumerics, stable per API key (rate-limit messages name the organization)."""
    return "org-" + hashlib.sha256(api_key.encode()).digest()[:24].translate(_TO_ALNUM).decode()


def api_key_id(api_key: str) -> str:
    """An API key's tracking id (`key_` + 16 alphanumerics), stable per key: what the Usage,
    Costs and Audit Logs APIs name a key by (`api_key_id`), never the key itself."""
    return (
        "key_"
        + hashlib.sha256(b"key:" + api_key.encode()).digest()[:16].translate(_TO_ALNUM).decode()
    )


def audit_log_id() -> str:
    """An audit log entry: `audit_log-` + 24 hex digits."""
    return "audit_log-" + os.urandom(12).hex()


def item_id(prefix: str) -> str:
    """Responses API ids: `resp_`, `msg_`, `fc_`, `rs_`, `ws_`... followed by 48 hex digits."""
    return prefix + os.urandom(ITEM[0] // 2).hex()


def conversation_id() -> str:
    """A Conversations API conversation: `conv_` + 48 hex digits, like the Responses ids."""
    return _random("conv_")


def file_id() -> str:
    """`file-` + 22 alphanumerics, as in `file-52voFe6FU6MWyAwa1Uj39R`."""
    return _random("file-")


def container_id() -> str:
    """A container (Containers API, a code interpreter's): `cntr_` + 48 hex digits."""
    return _random("cntr_")


def container_file_id() -> str:
    """A file in a container: `cfile_` + 32 hex digits."""
    return _random("cfile_")


def upload_id() -> str:
    return _random("upload_")


def upload_part_id() -> str:
    return _random("part_")


def batch_id() -> str:
    """`batch_` + 32 hex digits, as in `batch_69c3c347282c81908ede48ecc95bf201`."""
    return _random("batch_")


def batch_request_id() -> str:
    """A batch output line's id: `batch_req_` + 32 hex digits."""
    return _random("batch_req_")


def vector_store_id() -> str:
    """`vs_` + 32 hex digits, as in `vs_69010cc814b48191b467bc9a5a6776cc`."""
    return _random("vs_")


def vector_store_file_batch_id() -> str:
    """`vsfb_` + 32 hex digits (the prefix is the real one; the length follows `vs_`)."""
    return _random("vsfb_")


def steer_id() -> str:
    """A Responses WebSocket steer: `steer_` + 32 hex digits."""
    return _random("steer_")


def skill_id() -> str:
    """`skill_` + 48 hex digits, as in
    `skill_699fc58f408c8191825d8d06ae75fd5c06de7b381a5db7f5` (a real answer: vercel/ai's
    recorded fixture)."""
    return _random("skill_")


def skill_version_id() -> str:
    """A skill version: `skillver_` + 48 hex digits (the skill id's shape; the real one's
    length is not known)."""
    return _random("skillver_")


def video_id() -> str:
    """A video job: `video_` + 48 hex digits, as in
    `video_691b68a816808190ac4a669abac92bee0637167e40694ace` (a real api.openai.com 404 quoted in
    Tyrizle851/luna-ritual-studio's notes)."""
    return _random("video_")


def video_character_id() -> str:
    """A video character: `char_` + 32 hex digits (the real shape is not known)."""
    return _random("char_")


def client_secret() -> str:
    """A Realtime ephemeral key: `ek_` + 32 hex digits (the API reference's example)."""
    return _random("ek_")


def realtime_id(prefix: str) -> str:
    """A Realtime API id: `prefix` (`event_`, `sess_`, `resp_`, `item_`, `conv_`, `call_`) + 21
    alphanumerics, as in `sess_C9CiUVUzUzYIssh3ELY1d` (the Realtime `resp_` is not the
    Responses API's 48 hex digits)."""
    return prefix + _alnum(SHAPES["sess_"][0])


def realtime_session_id() -> str:
    return realtime_id("sess_")


def realtime_call_id() -> str:
    """A WebRTC call: `rtc_u1_` + 32 hex digits (the server-controls guide's example)."""
    return _random("rtc_u1_")


def voice_consent_id() -> str:
    """A voice consent recording: `cons_` + 32 hex digits (the prefix is the description's
    example, `cons_1234`; the real length is not known)."""
    return _random("cons_")


def voice_id() -> str:
    """A custom voice: `voice_` + 32 hex digits (the prefix is the description's example,
    `voice_123abc`; the real length is not known)."""
    return _random("voice_")


def eval_id() -> str:
    """An eval: `eval_` + 32 hex digits, as the description's examples show."""
    return _random("eval_")


def eval_run_id() -> str:
    """An eval run: `evalrun_` + 32 hex digits."""
    return _random("evalrun_")


def eval_output_item_id() -> str:
    """An eval run's output item: `outputitem_` + 32 hex digits."""
    return _random("outputitem_")


def fine_tuning_job_id() -> str:
    """`ftjob-` + 24 alphanumerics, as in `ftjob-mJP5PgIEaFxN4jpMHIcCKMmQ`."""
    return _random("ftjob-")


def fine_tuned_model_key(key: str) -> str:
    """The last part of a fine-tuned model's (or checkpoint's) name, 8 alphanumerics, always
    the same for `key`: the `9uJPbR69` of `ft:gpt-4o-mini-2024-07-18:personal:pinolo:9uJPbR69`."""
    return seeded(random.Random(key), "", 8, ALNUM)


def checkpoint_permission_id() -> str:
    """A fine-tuned checkpoint's permission: `cp_` + 24 alphanumerics."""
    return _random("cp_")
