"""The bodies of `POST /v1/fine_tuning/jobs` and of a checkpoint permission, strict like the
real API's, and the checks that produce the real API's 400s at creation, in its order."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mockai.endpoints.fine_tuning.rules import METHODS_OF, tunable
from mockai.errors import invalid_request
from mockai.toolkit.files import StoredFile

Auto = Literal["auto"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Hyperparameters(_Model):
    batch_size: Auto | Annotated[int, Field(ge=1, le=256)] = "auto"
    learning_rate_multiplier: Auto | Annotated[float, Field(gt=0)] = "auto"
    n_epochs: Auto | Annotated[int, Field(ge=1, le=50)] = "auto"


class DpoHyperparameters(Hyperparameters):
    beta: Auto | Annotated[float, Field(gt=0, le=2)] = "auto"


class ReinforcementHyperparameters(Hyperparameters):
    reasoning_effort: Literal["default", "low", "medium", "high"] = "default"
    compute_multiplier: Auto | Annotated[float, Field(gt=0.00001, le=10)] = "auto"
    eval_interval: Auto | Annotated[int, Field(ge=1)] = "auto"
    eval_samples: Auto | Annotated[int, Field(ge=1)] = "auto"


class Supervised(_Model):
    hyperparameters: Hyperparameters | None = None


class Dpo(_Model):
    hyperparameters: DpoHyperparameters | None = None


class Reinforcement(_Model):
    # Any of the five graders (string_check, text_similarity, python, score_model, multi),
    # kept as sent: the job reports it back and nothing here runs it.
    grader: dict[str, Any]
    hyperparameters: ReinforcementHyperparameters | None = None


class Method(_Model):
    type: Literal["supervised", "dpo", "reinforcement"]
    supervised: Supervised | None = None
    dpo: Dpo | None = None
    reinforcement: Reinforcement | None = None


class Wandb(_Model):
    project: str
    name: str | None = None
    entity: str | None = None
    tags: list[str] | None = None


class Integration(_Model):
    type: Literal["wandb"]
    wandb: Wandb


class CreateJob(_Model):
    model: str
    training_file: str
    hyperparameters: Hyperparameters | None = None
    suffix: str | None = Field(None, min_length=1, max_length=64)
    validation_file: str | None = None
    integrations: list[Integration] | None = None
    seed: int | None = Field(None, ge=0, le=2147483647)
    method: Method | None = None
    metadata: dict[str, str] | None = None

    @property
    def method_type(self) -> str:
        return self.method.type if self.method is not None else "supervised"

    def asked(self) -> dict[str, Any]:
        """The hyperparameters asked for, `auto` where none was given: under `method`, else
        the deprecated top-level `hyperparameters`."""
        method = self.method
        given: BaseModel | None = self.hyperparameters
        if method is not None:
            part = getattr(method, method.type)
            given = part.hyperparameters if part is not None else None
        if given is None:
            given = {
                "dpo": DpoHyperparameters,
                "reinforcement": ReinforcementHyperparameters,
            }.get(self.method_type, Hyperparameters)()
        return given.model_dump()


class CreatePermission(_Model):
    project_ids: list[str]


def check_model(req: CreateJob, lenient: bool) -> str:
    """The snapshot the job trains (an alias names its snapshot, as the real API reports it),
    or the real 400. The wording is quoted in scripts that catch it (`model_not_available`,
    "... is not available for fine-tuning"); the rest of the sentence is remembered, not
    quoted. A method the model does not take gets the same refusal (its own wording is not
    known)."""
    found = tunable(req.model)
    if found is not None and req.method_type in METHODS_OF[found[1]]:
        return found[0]
    if lenient:
        return req.model
    raise invalid_request(
        f"Model {req.model} is not available for fine-tuning or does not exist.",
        "model",
        "model_not_available",
    )


def check_method(req: CreateJob) -> None:
    """A `method` must carry the part its `type` names when it is `reinforcement` (the grader
    is required); the wording follows the newer APIs' missing parameter."""
    method = req.method
    if method is not None and method.type == "reinforcement" and method.reinforcement is None:
        raise invalid_request(
            "Missing required parameter: 'method.reinforcement'.",
            "method.reinforcement",
            "missing_required_parameter",
        )


def check_file(found: StoredFile | None, file_id: str, param: str) -> StoredFile:
    """The file a job names, or the real 400: an id the organization does not hold is
    `invalid training_file: <id>` (quoted from real CLI answers); a file uploaded for another
    purpose gets the same answer (its own wording is not known)."""
    if found is None or found.body["purpose"] != "fine-tune":
        raise invalid_request(f"invalid {param}: {file_id}", param)
    return found
