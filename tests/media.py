"""Small, valid media for requests that upload a file: a WAV of speech-band silence and noise,
a PNG, and a batch input line. One place, so every test sends the same well-formed bytes."""

from __future__ import annotations

import io
import json
import random
import struct
import wave

from PIL import Image


def wav(seconds: float = 0.5, rate: int = 16000, seed: int = 1) -> bytes:
    """A mono 16-bit WAV of `seconds` (low noise: a real, decodable recording)."""
    rng = random.Random(seed)
    frames = b"".join(struct.pack("<h", rng.randint(-300, 300)) for _ in range(int(seconds * rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return buffer.getvalue()


def png(size: tuple[int, int] = (64, 64), mode: str = "RGBA") -> bytes:
    """A PNG of one colour (RGBA: the transparency dall-e-2 edits and variations want)."""
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 30, 255) if mode == "RGBA" else (200, 30, 30)).save(
        buffer, "PNG"
    )
    return buffer.getvalue()


def batch_line(custom_id: str = "request-1", model: str = "gpt-4o-mini") -> bytes:
    """One line of a chat completions batch input file."""
    body = {"model": model, "messages": [{"role": "user", "content": "Hello"}]}
    line = {"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions", "body": body}
    return json.dumps(line).encode() + b"\n"
