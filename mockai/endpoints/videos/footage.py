"""A video's files, drawn deterministically: the MP4 (H.264 at `FPS` frames a second, of the
size and length asked), its `thumbnail` (WebP) and its `spritesheet` (a JPEG grid of frames).

The scene is picked from a digest of the request (prompt, seed, the video it comes from...):
a two-colour diagonal gradient and a few shapes gliding on looping paths, with a bar along
the bottom that fills as the clip plays, so the same request always gets the same footage
and different prompts visibly different ones. Frames are drawn straight into their Y, Cb and
Cr planes with Pillow (no RGB conversion per frame) and encoded with PyAV: libx264
`ultrafast` at a high CRF when FFmpeg has it, else MPEG-4 Part 2. A 12-second 720p clip
encodes in about a second and weighs some 100-200 kB. Nothing here touches the event loop:
callers run it in a thread. Pillow and PyAV are the `video` extra, imported on first use (most
runs never make a video): handlers call `require_extra` before starting a video.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mockai.extras import require

if TYPE_CHECKING:
    from PIL import Image

FPS = 24  # the real API's frame rate is not documented; a common film rate
_SHAPES = 3
_SPRITE_COLUMNS = 4  # the real spritesheet's layout is not documented
_SPRITE_WIDTH = 256  # each frame of the spritesheet, its height in proportion
_BAR = (235, 128, 128)  # white in Y, Cb, Cr


@dataclass(frozen=True)
class Footage:
    """What to draw: `material` seeds the scene."""

    material: str
    width: int
    height: int
    seconds: int

    @property
    def frames(self) -> int:
        return self.seconds * FPS


@dataclass(frozen=True)
class _Shape:
    round: bool
    colour: tuple[int, int, int]  # Y, Cb, Cr
    radius: float  # a fraction of the shorter side
    turns: tuple[int, int]  # laps of the x and y oscillations over the clip
    phase: tuple[float, float]


def require_extra(param: str | None) -> None:
    """The 400 naming the `video` extra unless both its libraries are installed."""
    for module in ("av", "PIL"):
        require("video", module, feature="videos", param=param)


def _ycbcr(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    from PIL import Image

    pixel = Image.new("RGB", (1, 1), rgb).convert("YCbCr").getpixel((0, 0))
    return pixel  # type: ignore[return-value]


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


class _Scene:
    """The backdrop's planes (Y full size, Cb and Cr halved as in 4:2:0) and the shapes."""

    def __init__(self, footage: Footage) -> None:
        from PIL import Image

        rng = random.Random(footage.material)
        width, height = footage.width, footage.height
        vertical = Image.linear_gradient("L").resize((width, height))
        horizontal = Image.linear_gradient("L").rotate(90).resize((width, height))
        if rng.random() < 0.5:
            horizontal = horizontal.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        mask = Image.blend(vertical, horizontal, 0.5)
        backdrop = Image.composite(
            Image.new("RGB", (width, height), _colour(rng)),
            Image.new("RGB", (width, height), _colour(rng)),
            mask,
        ).convert("YCbCr")
        luma, blue, red = backdrop.split()
        self.planes = (luma, blue.reduce(2), red.reduce(2))
        self.footage = footage
        self.shapes = [
            _Shape(
                rng.random() < 0.6,
                _ycbcr(_colour(rng)),
                rng.uniform(0.06, 0.16),
                (rng.randint(1, 3), rng.randint(1, 3)),
                (rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)),
            )
            for _ in range(_SHAPES)
        ]

    def draw(self, index: int) -> list[Image.Image]:
        """Frame `index`'s Y, Cb and Cr planes."""
        from PIL import ImageDraw

        footage = self.footage
        done = index / max(footage.frames - 1, 1)
        side = min(footage.width, footage.height)
        planes = [plane.copy() for plane in self.planes]
        pens = [ImageDraw.Draw(plane) for plane in planes]
        for shape in self.shapes:
            radius = shape.radius * side
            x = footage.width / 2 + (footage.width / 2 - radius) * math.sin(
                2 * math.pi * shape.turns[0] * done + shape.phase[0]
            )
            y = footage.height / 2 + (footage.height / 2 - radius) * math.sin(
                2 * math.pi * shape.turns[1] * done + shape.phase[1]
            )
            for pen, scale, value in zip(pens, (1, 2, 2), shape.colour, strict=True):
                box = [(x - radius) / scale, (y - radius) / scale]
                box += [(x + radius) / scale, (y + radius) / scale]
                (pen.ellipse if shape.round else pen.rectangle)(box, fill=value)
        bar = max(footage.height // 90, 2)
        for pen, scale, value in zip(pens, (1, 2, 2), _BAR, strict=True):
            top = (footage.height - bar) // scale
            pen.rectangle([0, top, int(footage.width * done) // scale, footage.height], fill=value)
        return planes

    def still(self, index: int) -> Image.Image:
        """Frame `index` as an RGB picture."""
        from PIL import Image

        luma, blue, red = self.draw(index)
        return Image.merge("YCbCr", (luma, blue.resize(luma.size), red.resize(luma.size))).convert(
            "RGB"
        )


def mp4(footage: Footage) -> bytes:
    import av

    scene = _Scene(footage)
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        if "libx264" in av.codecs_available:
            stream = container.add_stream("libx264", rate=FPS)
            stream.options = {"preset": "ultrafast", "crf": "38"}
        else:
            stream = container.add_stream("mpeg4", rate=FPS)
            stream.options = {"qscale": "12"}
        stream.width, stream.height, stream.pix_fmt = footage.width, footage.height, "yuv420p"
        for index in range(footage.frames):
            frame = av.VideoFrame(footage.width, footage.height, "yuv420p")
            for plane, drawn in zip(frame.planes, scene.draw(index), strict=True):
                data, width = drawn.tobytes(), drawn.width
                if plane.line_size != width:  # rows padded for alignment
                    pad = bytes(plane.line_size - width)
                    data = b"".join(
                        data[row : row + width] + pad for row in range(0, len(data), width)
                    )
                plane.update(data)
            frame.pts = index
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return out.getvalue()


def thumbnail(footage: Footage) -> bytes:
    """The clip's first frame, full size, as WebP."""
    out = io.BytesIO()
    _Scene(footage).still(0).save(out, "WEBP", quality=80, method=0)
    return out.getvalue()


def spritesheet(footage: Footage) -> bytes:
    """One frame a second, `_SPRITE_WIDTH` wide, in rows of `_SPRITE_COLUMNS`, as JPEG."""
    from PIL import Image

    scene = _Scene(footage)
    width = _SPRITE_WIDTH
    height = round(footage.height * width / footage.width)
    count = max(footage.seconds, 1)
    rows = math.ceil(count / _SPRITE_COLUMNS)
    sheet = Image.new("RGB", (width * min(count, _SPRITE_COLUMNS), height * rows))
    for n in range(count):
        frame = scene.still(min(n * FPS, footage.frames - 1)).resize((width, height))
        sheet.paste(frame, ((n % _SPRITE_COLUMNS) * width, (n // _SPRITE_COLUMNS) * height))
    out = io.BytesIO()
    sheet.save(out, "JPEG", quality=80)
    return out.getvalue()


MAKERS = {"video": mp4, "thumbnail": thumbnail, "spritesheet": spritesheet}
MEDIA_TYPES = {"video": "video/mp4", "thumbnail": "image/webp", "spritesheet": "image/jpeg"}


def digest(*parts: object) -> str:
    """The material of a video: the same parts always draw the same footage."""
    return hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=16).hexdigest()


def probe(data: bytes, param: str) -> tuple[int, int, float] | None:
    """An uploaded video's width, height and seconds, or None when it is no video (`param`
    is the form field that carries it)."""
    av = require("video", "av", feature="reading uploaded videos", param=param)

    try:
        with av.open(io.BytesIO(data)) as container:
            stream = container.streams.video[0]
            seconds = container.duration / 1_000_000 if container.duration else 0.0
            return stream.width, stream.height, seconds
    except (av.FFmpegError, IndexError, ValueError):
        return None
