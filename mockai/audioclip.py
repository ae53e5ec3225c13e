"""Reading an uploaded audio file: which format its bytes are (not its name or declared type)
and how long it lasts, for the routes that check a recording (custom voices, transcriptions).

A WAV is read with the standard library (`wav_seconds`: its header and the frames really
present, so a streamed WAV declaring 0xFFFFFFFF bytes is measured right); any other file is
probed with PyAV (FFmpeg, the `audio` extra), which reads the container's own duration, or
decodes the audio to count its samples when the container does not say (a browser's WebM
recording). Probing costs a few milliseconds, decoding up to a few tenths of a second for a
large file: callers run `probe` in a thread.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

from mockai.extras import require

# FFmpeg's demuxer names -> the format names the voice routes' MIME types give (audio/mpeg,
# audio/wav, audio/ogg, audio/aac, audio/flac, audio/webm, audio/mp4).
_DEMUXERS = {
    "wav": "wav",
    "mp3": "mpeg",
    "ogg": "ogg",
    "aac": "aac",
    "flac": "flac",
    "matroska,webm": "webm",
    "mov,mp4,m4a,3gp,3g2,mj2": "mp4",
}
MICROSECONDS = 1_000_000  # FFmpeg's AV_TIME_BASE: a container's duration is in these


@dataclass(frozen=True)
class Clip:
    format: str  # one of the values of `_DEMUXERS`
    seconds: float


def wav_seconds(data: bytes) -> float | None:
    """The duration of a WAV from its header and the frames really present; None for any
    other format or a WAV that does not parse."""
    try:
        with wave.open(io.BytesIO(data)) as reader:
            rate = reader.getframerate()
            width = reader.getsampwidth() * reader.getnchannels()
            frames = len(reader.readframes(reader.getnframes())) // max(width, 1)
    except (wave.Error, EOFError, ValueError):
        return None
    return frames / rate if rate else None


def probe(data: bytes, param: str) -> Clip | None:
    """The file's audio format (by its bytes) and duration; None when it is not audio in one
    of the formats above, or does not decode. A file that is no WAV needs the `audio` extra
    (`param` is the form field that carries it)."""
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        seconds = wav_seconds(data)
        return None if seconds is None else Clip("wav", seconds)
    # imported on first use: most runs never read compressed audio
    av = require("audio", "av", feature="audio recordings other than WAV", param=param)

    try:
        with av.open(io.BytesIO(data)) as container:
            name = _DEMUXERS.get(container.format.name)
            audio = next((s for s in container.streams if s.type == "audio"), None)
            if name is None or audio is None:
                return None
            if container.duration is not None:
                return Clip(name, container.duration / MICROSECONDS)
            samples = sum(frame.samples for frame in container.decode(audio))
            rate = audio.codec_context.sample_rate
            return Clip(name, samples / rate) if rate else None
    except (av.FFmpegError, ValueError, EOFError):
        return None
