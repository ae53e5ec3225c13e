"""The optional extras: the libraries a plain `pip install mockai` leaves out, and the one error
a request meets when it needs one that is missing.

PyAV (FFmpeg, ~100 MB) and Pillow (~20 MB) are needed only to encode or decode media: the
`audio` extra (mp3, opus, aac and flac speech; non-WAV voice recordings), `images` (JPEG and
WebP pictures) and `video` (MP4s drawn frame by frame, their thumbnails and spritesheets).
Everything else, PNG images and WAV/PCM speech included, runs without them. A request that
needs a missing extra is a 400 naming it (not a 5xx, which the SDKs would retry), and the
server log says so once per extra.
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType

from mockai.errors import APIError, invalid_request

CODE = "mockai_extra_missing"
# import name -> the distribution users know it by
LIBRARIES = {"av": "PyAV", "PIL": "Pillow"}

log = logging.getLogger("mockai")
_warned: set[str] = set()


def require(extra: str, module: str, *, feature: str, param: str | None) -> ModuleType:
    """`module`, imported; when it is not installed, the 400 naming `extra` (`param` is the
    request field that asked for `feature`)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise _missing(extra, module, feature, param) from None


def _missing(extra: str, module: str, feature: str, param: str | None) -> APIError:
    library = LIBRARIES.get(module.partition(".")[0], module)
    hint = f"pip install 'mockai[{extra}]'"
    if extra not in _warned:
        _warned.add(extra)
        log.warning("%s is not installed: requests for %s get a 400 (%s)", library, feature, hint)
    return invalid_request(
        f"mockai needs its '{extra}' extra for {feature} ({library} is not installed): {hint}",
        param,
        CODE,
    )
