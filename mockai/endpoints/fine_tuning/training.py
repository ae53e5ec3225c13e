"""A job's training, worked out from its dataset: the `auto` hyperparameters resolved as the
real API reports them, the steps, a deterministic falling loss, the checkpoints and the step
metrics CSV.

`n_epochs: auto` follows the rule OpenAI's data-preparation cookbook states for chat
fine-tuning (3 epochs, raised so that at least 100 examples are seen, at most 25, lowered past
25,000); real small jobs report `batch_size: 1` and `learning_rate_multiplier: 1.8`, the values
`auto` takes here (a batch of about 0.2% of the examples, at most 256, for larger files, as
the guide describes it: inferred). DPO's `beta: auto` is reported as 0.1; reinforcement's
`auto` values (1 epoch... ) are not known from evidence and are plausible stand-ins.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

TARGET_EPOCHS = 3
MIN_TARGET_EXAMPLES = 100
MAX_TARGET_EXAMPLES = 25_000
MAX_DEFAULT_EPOCHS = 25
KEPT_CHECKPOINTS = 3  # the last three epochs' checkpoints are kept
CSV_HEADER = "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy"
_AUTO: dict[str, Any] = {
    "learning_rate_multiplier": 1.8,
    "beta": 0.1,
    "reasoning_effort": "medium",
    "compute_multiplier": 1.0,
    "eval_interval": 1,
    "eval_samples": 1,
}


def _epochs(examples: int) -> int:
    if examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        return min(MAX_DEFAULT_EPOCHS, math.ceil(MIN_TARGET_EXAMPLES / examples))
    if examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        return max(1, MAX_TARGET_EXAMPLES // examples)
    return TARGET_EPOCHS


def resolve(asked: dict[str, Any], examples: int, method: str) -> dict[str, Any]:
    """The hyperparameters the job reports once its files are validated."""
    auto = {
        **_AUTO,
        "n_epochs": 1 if method == "reinforcement" else _epochs(examples),
        "batch_size": max(1, min(256, round(examples * 0.002))),
    }
    resolved = {
        key: auto[key] if value in ("auto", "default") else value for key, value in asked.items()
    }
    return resolved


@dataclass(frozen=True)
class Plan:
    """What the training does: its steps, metrics and checkpoints."""

    examples: int
    tokens: int
    hyperparameters: dict[str, Any]
    validated: bool  # a validation file was given: validation metrics are reported
    seed: int

    @property
    def per_epoch(self) -> int:
        return math.ceil(self.examples / self.hyperparameters["batch_size"])

    @property
    def steps(self) -> int:
        return self.per_epoch * self.hyperparameters["n_epochs"]

    @property
    def trained_tokens(self) -> int:
        return self.tokens * self.hyperparameters["n_epochs"]

    def _noise(self, step: int, salt: str) -> float:
        return random.Random(f"{self.seed}:{salt}:{step}").uniform(-0.04, 0.04)

    def train_loss(self, step: int) -> float:
        """Falls from about 2.3 towards 0.1, a little noise on the way; never rises between
        checkpoints in a way a test could trip on (the noise is smaller than the fall)."""
        progress = step / self.steps
        return round(max(0.01, 2.2 * math.exp(-3.5 * progress) + 0.1 + self._noise(step, "t")), 4)

    def metrics(self, step: int) -> dict[str, Any]:
        """A step's metrics event data: validation figures every eval step, the full
        validation set's on the last step."""
        loss = self.train_loss(step)
        data: dict[str, Any] = {
            "step": step,
            "train_loss": loss,
            "total_steps": self.steps,
            "train_mean_token_accuracy": round(min(1.0, 1.0 - loss / 3), 4),
        }
        if self.validated and (step % self.eval_every == 0 or step == self.steps):
            valid = round(loss * 1.1 + 0.02 + abs(self._noise(step, "v")), 4)
            data["valid_loss"] = valid
            data["valid_mean_token_accuracy"] = round(min(1.0, 1.0 - valid / 3), 4)
            if step == self.steps:
                data["full_valid_loss"] = round(valid * 1.05, 4)
                data["full_valid_mean_token_accuracy"] = round(min(1.0, 1.0 - valid * 1.05 / 3), 4)
        return data

    @property
    def eval_every(self) -> int:
        return max(1, self.steps // 10)

    def message(self, step: int) -> str:
        data = self.metrics(step)
        text = f"Step {step}/{self.steps}: training loss={data['train_loss']:.2f}"
        if "valid_loss" in data:
            text += f", validation loss={data['valid_loss']:.2f}"
        if "full_valid_loss" in data:
            text += f", full validation loss={data['full_valid_loss']:.2f}"
        return text

    def checkpoint_steps(self) -> list[int]:
        """The last step of each of the last three epochs, in order."""
        epochs = self.hyperparameters["n_epochs"]
        return [
            e * self.per_epoch for e in range(max(1, epochs - KEPT_CHECKPOINTS + 1), epochs + 1)
        ]

    def checkpoint_metrics(self, step: int) -> dict[str, Any]:
        data = self.metrics(step)
        data.pop("total_steps")
        return data

    def csv(self) -> bytes:
        """The result file: one row per step (validation columns empty between evals)."""
        rows = [CSV_HEADER]
        for step in range(1, self.steps + 1):
            data = self.metrics(step)
            rows.append(
                f"{step},{data['train_loss']},{data['train_mean_token_accuracy']},"
                f"{data.get('valid_loss', '')},{data.get('valid_mean_token_accuracy', '')}"
            )
        return ("\n".join(rows) + "\n").encode()
