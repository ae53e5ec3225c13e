"""Faults: the failures a client must survive, scripted in a step or drawn at random (chaos).

A fault is decided once per request, in `answer_step`, and then carried out where it belongs:
before any response (an error status, a dropped connection, a stall), on the finished body
(malformed JSON, the wrong content type; in the middleware), or inside the stream (a
disconnect, an error event, a malformed chunk, a stall; in `streaming.sse.play`).
"""

from mockai.faults.chaos import ChaosDice, ChaosPolicy
from mockai.faults.kinds import Fault

__all__ = ["ChaosDice", "ChaosPolicy", "Fault"]
