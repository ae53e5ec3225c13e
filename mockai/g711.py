"""G.711 μ-law and A-law, 24 kHz <-> 8 kHz resampling, and the Realtime API's audio formats.

The companding follows ITU-T G.711 (not copied from any implementation; `audioop`, which
had it, is gone in Python 3.13). A 16-bit sample keeps its top 14 bits for μ-law and 13 for
A-law, as sign and magnitude (the low bits are truncated from |x|):

- μ-law: the magnitude plus a bias of 33 falls in one of 8 segments [32·2^s, 32·2^(s+1)),
  quantized in 16 steps of 2^(s+1); the code is sign (1 = negative), segment, step, all bits
  inverted. It decodes to the middle of its step, minus the bias. 0 is 0xFF; the extremes,
  ±32124 in 16 bits, are 0x80 and 0x00.
- A-law: magnitudes below 32 are one segment of 16 steps of 2; above, segment s ≥ 1 covers
  [16·2^s, 32·2^s) in 16 steps of 2^s. The code is sign (1 = positive), segment, step,
  with the even bits inverted (XOR 0x55). It decodes to the middle of its step: 0 is 0xD5
  (decoding to 8), the extremes ±32256 are 0xAA and 0x2A.

numpy is not a dependency, so encoding looks each sample up in a 65,536-entry table and
decoding in a 256-entry one (both built once, on first use, in a few milliseconds): a second
of 8 kHz audio is about a millisecond. 24 -> 8 kHz averages each three samples (a box
low-pass, then every third); 8 -> 24 kHz repeats each sample three times. Both are exact per
sample group, so audio cut anywhere on a group boundary converts the same in pieces as whole.

The Realtime API names its formats `audio/pcm` (24 kHz PCM16), `audio/pcmu` and
`audio/pcma` (G.711 at 8 kHz), and in the beta interface `pcm16`, `g711_ulaw` and
`g711_alaw`; `to_wire` and `from_wire` convert between PCM16 24 kHz and any of them.
"""

from __future__ import annotations

import sys
from array import array
from functools import cache

_ULAW_BIAS = 33  # in 14-bit units
_ULAW_CLIP = 8158  # the largest 14-bit magnitude with its bias still in the last segment
_ALAW_CLIP = 4095
PCM_RATE = 24_000
G711_RATE = 8_000
_RATIO = PCM_RATE // G711_RATE


def _ulaw_code(magnitude: int) -> int:
    """The code of a positive 14-bit magnitude (its negative: the sign bit 0x80 flipped)."""
    biased = min(magnitude, _ULAW_CLIP) + _ULAW_BIAS
    segment = biased.bit_length() - 6  # biased is in [32 * 2^s, 32 * 2^(s+1))
    step = (biased >> (segment + 1)) & 0x0F
    return ~(segment << 4 | step) & 0xFF


def _ulaw_value(code: int) -> int:
    code = ~code & 0xFF
    segment, step = (code >> 4) & 0x07, code & 0x0F
    magnitude = ((2 * step + _ULAW_BIAS) << segment) - _ULAW_BIAS
    return -4 * magnitude if code & 0x80 else 4 * magnitude


def _alaw_code(magnitude: int) -> int:
    """The code of a positive 13-bit magnitude (its negative: the sign bit 0x80 flipped)."""
    magnitude = min(magnitude, _ALAW_CLIP)
    if magnitude < 32:
        segment, step = 0, magnitude >> 1
    else:
        segment = magnitude.bit_length() - 5  # magnitude is in [16 * 2^s, 32 * 2^s)
        step = (magnitude >> segment) & 0x0F
    return (0x80 | segment << 4 | step) ^ 0x55


def _alaw_value(code: int) -> int:
    code ^= 0x55
    segment, step = (code >> 4) & 0x07, code & 0x0F
    magnitude = 2 * step + 1 if segment == 0 else (2 * step + 33) << (segment - 1)
    return 8 * magnitude if code & 0x80 else -8 * magnitude


_FLIP_SIGN = bytes(c ^ 0x80 for c in range(256))


@cache
def _encoder(law: str) -> bytes:
    """Code per 16-bit sample, indexed by the sample's unsigned reading (0..65535). Built in
    a few milliseconds: one code per 13- or 14-bit magnitude, each repeated over the 16-bit
    values that truncate to it, then mirrored with the sign flipped for negative samples."""
    code, dropped = (_ulaw_code, 2) if law == "ulaw" else (_alaw_code, 3)
    repeat = 1 << dropped
    codes = bytes(code(m) for m in range(32768 >> dropped))
    positive = bytearray(32768)  # by |x|, 0..32767
    for offset in range(repeat):
        positive[offset::repeat] = codes
    # x = -32768 .. -1 are |x| = 32768 (beyond the last magnitude: clipped) down to 1
    negative = (bytes([code(32768 >> dropped)]) + positive[:0:-1]).translate(_FLIP_SIGN)
    return bytes(positive) + negative


@cache
def _decoder(law: str) -> tuple[bytes, ...]:
    """The little-endian PCM16 sample per code."""
    value = _ulaw_value if law == "ulaw" else _alaw_value
    return tuple(value(c).to_bytes(2, "little", signed=True) for c in range(256))


def _samples(pcm: bytes, typecode: str = "h") -> array:
    """PCM16 little-endian bytes as an array of samples (a trailing odd byte is dropped)."""
    samples = array(typecode, pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _pcm(samples: array) -> bytes:
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def encode(pcm: bytes, law: str) -> bytes:
    """PCM16 (any rate) to one G.711 byte per sample; `law` is "ulaw" or "alaw"."""
    return bytes(map(_encoder(law).__getitem__, _samples(pcm, "H")))


def decode(data: bytes, law: str) -> bytes:
    """G.711 bytes (`law` "ulaw" or "alaw") to PCM16 at the same rate."""
    return b"".join(map(_decoder(law).__getitem__, data))


def _mean3(a: int, b: int, c: int) -> int:
    return (a + b + c) // 3


def downsample(pcm: bytes) -> bytes:
    """PCM16 24 kHz to 8 kHz: the mean of each three samples (trailing 1-2 samples dropped)."""
    samples = _samples(pcm)
    return _pcm(array("h", map(_mean3, samples[0::3], samples[1::3], samples[2::3])))


def upsample(pcm: bytes) -> bytes:
    """PCM16 8 kHz to 24 kHz: each sample held for three."""
    samples = _samples(pcm)
    out = array("h", bytes(2 * _RATIO * len(samples)))
    for phase in range(_RATIO):
        out[phase::_RATIO] = samples
    return _pcm(out)


# format name -> G.711 law (None: PCM16 at 24 kHz, as is)
_LAWS = {
    "audio/pcm": None,
    "pcm16": None,
    "audio/pcmu": "ulaw",
    "g711_ulaw": "ulaw",
    "audio/pcma": "alaw",
    "g711_alaw": "alaw",
}
FORMATS = frozenset(_LAWS)


def bytes_per_ms(fmt: str) -> int:
    """How many bytes a millisecond of audio takes in `fmt`: 48 for PCM16 24 kHz, 8 for G.711."""
    return 2 * PCM_RATE // 1000 if _LAWS[fmt] is None else G711_RATE // 1000


def to_wire(pcm: bytes, fmt: str) -> bytes:
    """PCM16 24 kHz mono in the Realtime format `fmt` (one of FORMATS)."""
    law = _LAWS[fmt]
    return pcm if law is None else encode(downsample(pcm), law)


def from_wire(data: bytes, fmt: str) -> bytes:
    """Audio in the Realtime format `fmt` as PCM16 24 kHz mono."""
    law = _LAWS[fmt]
    return data if law is None else upsample(decode(data, law))
