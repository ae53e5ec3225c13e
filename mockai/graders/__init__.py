"""The graders of the fine-tuning and evals APIs, pure (no HTTP): their definitions (`models`),
templates (`templates`), text-similarity metrics (`similarity`), multi graders' formulas
(`formula`) and running them (`run`), model graders asking an injected function.

`/v1/fine_tuning/alpha/graders/run` and `/validate` use them through `mockai.toolkit.graders`,
which asks mockai's own chat completions for the model graders; the evals family grades its
testing criteria with the same parts.
"""
