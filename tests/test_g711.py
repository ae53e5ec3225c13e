"""G.711 (mockai.g711): the code points and decoder outputs ITU-T G.711's tables give, round
trips within the quantizer's step, the 24 <-> 8 kHz resampling and the Realtime formats."""

from __future__ import annotations

import math
import struct

import pytest

from mockai import g711


def pcm(*samples: int) -> bytes:
    return struct.pack(f"<{len(samples)}h", *samples)


def values(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 2}h", data))


ALL_SAMPLES = pcm(*range(-32768, 32768))
ALL_CODES = bytes(range(256))


def sine(freq: float, seconds: float, amplitude: float, rate: int = 24_000) -> bytes:
    count = int(seconds * rate)
    return pcm(*(round(amplitude * math.sin(2 * math.pi * freq * i / rate)) for i in range(count)))


def snr_db(reference: list[int], decoded: list[int]) -> float:
    signal = sum(x * x for x in reference)
    noise = sum((x - y) ** 2 for x, y in zip(reference, decoded, strict=True))
    return math.inf if noise == 0 else 10 * math.log10(signal / noise)


# -- code points -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("law", "sample", "code"),
    [
        ("ulaw", 0, 0xFF),  # μ-law's positive zero
        ("ulaw", -1, 0x7F),  # below one 14-bit step: negative zero
        ("ulaw", 32767, 0x80),
        ("ulaw", -32768, 0x00),
        ("ulaw", 4 * 8031, 0x80),  # the largest decoder output, in 14-bit units times 4
        ("alaw", 0, 0xD5),  # A-law's zero: even bits inverted
        ("alaw", -8, 0x55),
        ("alaw", 32767, 0xAA),
        ("alaw", -32768, 0x2A),
    ],
)
def test_known_codes(law, sample, code):
    assert g711.encode(pcm(sample), law) == bytes([code])


def test_ulaw_decoder_outputs_are_the_standards():
    """G.711's μ-law decoder table, in 14-bit units: segment s, step k -> (2k + 33)·2^s - 33
    (0, 2, ..., 30; 33, 37, ..., 93; ... 4191, ..., 8031), times 4 in 16 bits."""
    decoded = values(g711.decode(ALL_CODES, "ulaw"))
    positive = sorted(decoded[0x80:])
    assert positive[:3] == [0, 8, 16] and positive[15] == 120
    assert positive[16:18] == [4 * 33, 4 * 37]
    assert [positive[16 * s] // 4 for s in range(8)] == [0, 33, 99, 231, 495, 1023, 2079, 4191]
    assert positive[-1] == 4 * 8031
    assert decoded[:0x80] == [-v for v in decoded[0x80:]]  # the sign bit alone flips


def test_alaw_decoder_outputs_are_the_standards():
    """G.711's A-law decoder table, in 13-bit units: 1, 3, ..., 31; 33, ..., 63; 66, ...;
    ... 2112, ..., 4032, times 8 in 16 bits."""
    decoded = values(g711.decode(ALL_CODES, "alaw"))
    positive = sorted(v for v in decoded if v > 0)
    assert len(positive) == 128
    assert [v // 8 for v in positive[:16]] == list(range(1, 32, 2))
    assert [positive[16 * s] // 8 for s in range(8)] == [1, 33, 66, 132, 264, 528, 1056, 2112]
    assert positive[-1] == 8 * 4032
    assert sorted(-v for v in decoded if v < 0) == positive


@pytest.mark.parametrize(
    ("law", "unit", "decisions"),
    [
        # G.711's μ-law decision values (14-bit): 1 | 3 | 5 ... 29 | 31 | 35 ... 91 | 95 | 103
        ("ulaw", 4, [(1, 0, 2), (3, 2, 4), (31, 30, 33), (35, 33, 37), (95, 93, 99)]),
        ("ulaw", 4, [(223, 219, 231), (4063, 3999, 4191), (8159, 8031, 8031)]),
        # A-law's (13-bit): 2 | 4 ... 30 | 32 | 34 ... 62 | 64 | 68 ... 124 | 128 | 136
        ("alaw", 8, [(2, 1, 3), (32, 31, 33), (64, 63, 66), (128, 126, 132), (2048, 2016, 2112)]),
    ],
)
def test_decision_values(law, unit, decisions):
    """A magnitude just under a decision value and one at it fall on either side of it."""
    for at, below, above in decisions:
        codes = g711.encode(pcm(unit * (at - 1), unit * at, -unit * at), law)
        assert values(g711.decode(codes, law)) == [unit * below, unit * above, -unit * above]


# -- round trips -------------------------------------------------------------------------------
@pytest.mark.parametrize(("law", "last", "truncated"), [("ulaw", 32124, 3), ("alaw", 32256, 7)])
def test_round_trip_error_is_half_a_step(law, last, truncated):
    """Every 16-bit sample comes back within half its quantizer step (plus the low bits G.711
    does not carry); beyond the last decoder output, it comes back as that output."""
    decoded = values(g711.decode(g711.encode(ALL_SAMPLES, law), law))
    levels = sorted(set(values(g711.decode(ALL_CODES, law))))
    steps = {b: b - a for a, b in zip(levels, levels[1:], strict=False)}
    for x, y in zip(range(-32768, 32768), decoded, strict=True):
        if abs(x) >= last:
            assert abs(y) == last
            continue
        step = max(steps.get(abs(y), 0), steps.get(-abs(y), 0), 2)
        assert abs(y - x) <= step // 2 + truncated + 1, (x, y)


@pytest.mark.parametrize("law", ["ulaw", "alaw"])
def test_codes_survive_a_round_trip(law):
    """Decoding then encoding gives the code back (μ-law's negative zero becomes zero)."""
    again = g711.encode(g711.decode(ALL_CODES, law), law)
    changed = {c: again[c] for c in range(256) if again[c] != c}
    assert changed == ({0x7F: 0xFF} if law == "ulaw" else {})


@pytest.mark.parametrize("law", ["ulaw", "alaw"])
def test_companding_is_monotonic(law):
    decoded = values(g711.decode(g711.encode(ALL_SAMPLES, law), law))
    assert all(a <= b for a, b in zip(decoded, decoded[1:], strict=False))


@pytest.mark.parametrize("law", ["ulaw", "alaw"])
@pytest.mark.parametrize("amplitude", [30_000, 3_000, 300])
def test_signal_to_noise_is_g711s(law, amplitude):
    """Logarithmic companding keeps the SNR near 38 dB over a wide range of levels."""
    signal = sine(440, 0.2, amplitude, rate=8000)
    decoded = values(g711.decode(g711.encode(signal, law), law))
    assert snr_db(values(signal), decoded) > (30 if amplitude > 1000 else 25)


# -- resampling and the Realtime formats -------------------------------------------------------
def test_downsample_averages_each_three_samples():
    assert values(g711.downsample(pcm(3, 6, 9, -1, -2, -3, 7))) == [6, -2]


def test_upsample_holds_each_sample():
    assert values(g711.upsample(pcm(5, -7))) == [5, 5, 5, -7, -7, -7]


def test_speech_band_survives_resampling():
    signal = sine(300, 0.3, 10_000)
    back = values(g711.upsample(g711.downsample(signal)))
    assert len(back) == len(values(signal))
    assert snr_db(values(signal), back) > 20


@pytest.mark.parametrize(
    ("fmt", "per_ms"),
    [("audio/pcm", 48), ("pcm16", 48), ("audio/pcmu", 8), ("g711_ulaw", 8), ("audio/pcma", 8)],
)
def test_wire_formats(fmt, per_ms):
    signal = sine(250, 1.0, 8_000)
    wire = g711.to_wire(signal, fmt)
    assert g711.bytes_per_ms(fmt) == per_ms
    assert len(wire) == 1000 * per_ms
    back = g711.from_wire(wire, fmt)
    assert len(back) == len(signal)
    assert snr_db(values(signal), values(back)) > 20


@pytest.mark.parametrize("fmt", ["audio/pcmu", "audio/pcma"])
def test_wire_audio_converts_the_same_in_pieces(fmt):
    """Deltas cut on whole milliseconds convert exactly as the whole audio does."""
    signal = sine(180, 0.5, 12_000)
    pieces = [signal[i : i + 48 * 20] for i in range(0, len(signal), 48 * 20)]
    assert b"".join(g711.to_wire(p, fmt) for p in pieces) == g711.to_wire(signal, fmt)
    wire = g711.to_wire(signal, fmt)
    assert b"".join(g711.from_wire(wire[i : i + 7], fmt) for i in range(0, len(wire), 7)) == (
        g711.from_wire(wire, fmt)
    )
