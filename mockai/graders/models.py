"""The grader definitions (`string_check`, `text_similarity`, `python`, `score_model`,
`label_model`, `multi`): strict models, read by `type` with `parse`, the real API's 400s with
`param` naming the field (`grader.operation`, `grader.graders.name.input`).

A multi grader's `graders` is an object of named graders, the keys being the formula's
variables (the graders guide's form); the description's form, one grader, is read as one
grader named by its `name`. A multi grader may not hold another (the guide).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, PrivateAttr, Tag

from mockai.errors import choices, invalid_request, missing_parameter
from mockai.validation import kind_of, validate_at

SpecCheck = Callable[[dict[str, Any]], None]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class InputText(_Model):
    type: Literal["input_text"]
    text: str
    prompt_cache_breakpoint: dict[str, Any] | None = None


class OutputText(_Model):
    type: Literal["output_text"]
    text: str


class InputImage(_Model):
    type: Literal["input_image"]
    image_url: str
    detail: str | None = None
    file_id: str | None = None  # the description's examples send `"file_id": null`


class AudioData(_Model):
    data: str
    format: Literal["mp3", "wav"] | None = None


class InputAudio(_Model):
    type: Literal["input_audio"]
    input_audio: AudioData


class _OtherPart(_Model):
    """Never valid: a content part whose `type` is none of the four (an `Invalid value`)."""

    type: Literal["input_text", "output_text", "input_image", "input_audio"]


_PARTS = {"input_text": "InputText", "output_text": "OutputText", "input_image": "InputImage"}
_PARTS["input_audio"] = "InputAudio"


def _part_tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return _PARTS.get(kind, "Other") if isinstance(kind, str) else "Other"


Part = Annotated[
    Union[
        Annotated[InputText, Tag("InputText")],
        Annotated[OutputText, Tag("OutputText")],
        Annotated[InputImage, Tag("InputImage")],
        Annotated[InputAudio, Tag("InputAudio")],
        Annotated[_OtherPart, Tag("Other")],
    ],
    Discriminator(_part_tag),
]


class Message(_Model):
    role: Literal["user", "assistant", "system", "developer"]
    content: str | Part | list[Part]
    type: Literal["message"] | None = None


class SamplingParams(_Model):
    seed: int | None = None
    top_p: float | None = None
    temperature: float | None = None
    max_completions_tokens: int | None = Field(None, ge=1)
    reasoning_effort: Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None = (
        None
    )


class StringCheck(_Model):
    type: Literal["string_check"]
    name: str
    input: str
    reference: str
    operation: Literal["eq", "ne", "like", "ilike"]


class TextSimilarity(_Model):
    type: Literal["text_similarity"]
    name: str
    input: str
    reference: str
    evaluation_metric: Literal[
        "cosine",
        "fuzzy_match",
        "bleu",
        "gleu",
        "meteor",
        "rouge_1",
        "rouge_2",
        "rouge_3",
        "rouge_4",
        "rouge_5",
        "rouge_l",
    ]
    # Not in the description's grader, but in the graders guide's (and the evals' criterion).
    pass_threshold: float | None = None


class Python(_Model):
    type: Literal["python"]
    name: str
    source: str
    image_tag: str | None = None
    pass_threshold: float | None = None  # the evals' python criterion has one


class ScoreModel(_Model):
    type: Literal["score_model"]
    name: str
    model: str
    input: list[Message]
    range: list[float] | None = Field(None, min_length=2, max_length=2)
    sampling_params: SamplingParams | None = None
    pass_threshold: float | None = None  # the graders guide's score model grader has one

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.range[0], self.range[1]) if self.range else (0.0, 1.0)


class LabelModel(_Model):
    type: Literal["label_model"]
    name: str
    model: str
    input: list[Message]
    labels: list[str]
    passing_labels: list[str]
    sampling_params: SamplingParams | None = None  # the graders guide's example sends them


class Multi(_Model):
    type: Literal["multi"]
    name: str
    graders: dict[str, Any]
    calculate_output: str
    _named: dict[str, Grader] = PrivateAttr(default_factory=dict)

    @property
    def named(self) -> dict[str, Grader]:
        """The sub-graders by the variable the formula knows them as."""
        return self._named


Grader = StringCheck | TextSimilarity | Python | ScoreModel | LabelModel | Multi
ModelGrader = ScoreModel | LabelModel
KINDS: dict[str, type[Grader]] = {
    "string_check": StringCheck,
    "text_similarity": TextSimilarity,
    "python": Python,
    "score_model": ScoreModel,
    "label_model": LabelModel,
    "multi": Multi,
}


def _is_one_grader(graders: dict[str, Any]) -> bool:
    return isinstance(graders.get("type"), str)


def parse(
    body: Any,
    where: str = "grader",
    *,
    nested: bool = False,
    lenient: bool = False,
    spec_check: SpecCheck | None = None,
) -> Grader:
    """The grader `body` defines (read by its `type`), or the real API's 400 naming the field
    under `where`. `spec_check` (under `lenient`) checks `body` against the description."""
    if not isinstance(body, dict):
        raise invalid_request(
            f"Invalid type for '{where}': expected an object, but got {kind_of(body)} instead.",
            where,
            "invalid_type",
        )
    if "type" not in body:
        raise missing_parameter(f"{where}.type")
    kinds = [kind for kind in KINDS if not (nested and kind == "multi")]
    kind = body["type"]
    if kind not in kinds:
        raise invalid_request(
            f"Invalid value: '{kind}'. Supported values are: {choices(kinds)}.",
            f"{where}.type",
            "invalid_value",
        )
    grader = validate_at(
        KINDS[kind], body, where, unknown_parameter=True, lenient=lenient, spec_check=spec_check
    )
    if isinstance(grader, Multi):
        subs = grader.graders
        named = {subs["name"]: subs} if _is_one_grader(subs) else subs
        for key, sub in named.items():
            at = f"{where}.graders" if _is_one_grader(subs) else f"{where}.graders.{key}"
            grader.named[key] = parse(sub, at, nested=True, lenient=lenient)
    return grader
