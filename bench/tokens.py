"""Token counting: usage for a 100,000-token prompt, so long-context tests stay fast.

    python bench/tokens.py [--quick] [--prompts N]

`mockai serve` (bundled scenarios, as `make run`) gets chat completions (`gpt-4.1`, 1M-token
window) whose user message is a ~100,000-token document of varied English built
deterministically from a seed (sentences of Faker's en_US word list with numbers, names and
punctuation, in paragraphs), so each prompt is different text. The server's time for a request is
what it reports: `openai-processing-ms` (whole milliseconds, floored) and, to the microsecond,
the same clock's `duration_ms` in its request journal (`/_mockai/requests`), from the middleware's
entry (headers parsed) to the response: reading the ~0.5 MB body, validation, scenario matching,
counting, the reply. The client round trip (send to last byte read, keep-alive) is shown too.

- the main figure: a different prompt each time (mockai.tokenizer caches counts of texts seen
  before, so a repeated prompt would not count anything); median over the prompts after the
  first, the first (the server's first long prompt) is shown separately;
- the same prompt again: the cached case, no target;
- a new prompt to a server holding the 1,000 generated scenarios of bench/startup.py (none
  matches: choosing a scenario looks through the whole prompt), no target.

The server is warmed first (both vocabularies and Faker loaded, small requests answered).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

try:
    from bench.common import AUTH, Row, free_port, mockai_command, rss_mb, server
    from bench.startup import GENERATED_COUNT, generated_scenarios
except ImportError:  # run as `python bench/tokens.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import AUTH, Row, free_port, mockai_command, rss_mb, server
    from startup import GENERATED_COUNT, generated_scenarios

MODEL = "gpt-4.1"
TARGET_TOKENS = 100_000
SYSTEM = "You are a careful analyst. Answer from the document only."
NAMES = (
    "Alice",
    "Bob",
    "Chen",
    "Dana",
    "Emeka",
    "Farah",
    "Giulia",
    "Hiro",
    "Ines",
    "Jonas",
    "Kwame",
    "Lena",
    "Mateo",
    "Nadia",
    "Oskar",
    "Priya",
)
PLACES = ("Lisbon", "Nairobi", "Osaka", "Toronto", "Lyon", "Quito", "Tallinn", "Perth")


def _words() -> tuple[str, ...]:
    from faker.providers.lorem.en_US import Provider  # a mockai dependency; its word list only

    return tuple(Provider.word_list)


def document(seed: int, tokens: int = TARGET_TOKENS) -> tuple[str, int]:
    """~`tokens` o200k tokens of varied English (deterministic for a seed); its exact count."""
    from mockai.tokenizer import encoding_sync

    enc = encoding_sync("o200k_base")
    words = _words()
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    text = ""
    while total < tokens:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            parts = [rng.choice(words) for _ in range(rng.randint(6, 24))]
            if rng.random() < 0.3:
                parts.insert(rng.randrange(len(parts)), rng.choice(NAMES))
            if rng.random() < 0.2:
                parts.insert(rng.randrange(len(parts)), f"in {rng.choice(PLACES)}")
            if rng.random() < 0.25:
                parts.insert(rng.randrange(len(parts)), str(rng.randint(2, 99_999)))
            if len(parts) > 8 and rng.random() < 0.4:
                parts[rng.randrange(2, len(parts) - 2)] += ","
            sentence = " ".join(parts)
            sentences.append(sentence[0].upper() + sentence[1:] + rng.choice("......?!"))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(enc.encode_ordinary(paragraph))
        if total >= tokens:  # joined, the count differs a little from the paragraphs' sum
            text = f"Document {seed}:\n\n" + "\n\n".join(paragraphs)
            total = len(enc.encode_ordinary(text))
    return text, total


def _body(text: str) -> bytes:
    return json.dumps(
        {
            "model": MODEL,
            "max_tokens": 64,
            "messages": [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": f"Summarise this document.\n\n{text}"},
            ],
        }
    ).encode()


class Client:
    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def call(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes, float]:
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers={**AUTH, **(headers or {})})
        response = self.conn.getresponse()
        payload = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        return response.status, {k.lower(): v for k, v in response.getheaders()}, payload, elapsed

    def chat(self, body: bytes) -> dict:
        """One chat completion: usage, header ms, journal ms, round trip ms."""
        session = uuid.uuid4().hex
        status, headers, payload, round_trip = self.call(
            "POST", "/v1/chat/completions", body, {"X-Mockai-Session": session}
        )
        if status != 200:
            raise RuntimeError(f"chat completion {status}: {payload[:500]!r}")
        _, _, journal, _ = self.call("GET", f"/_mockai/requests?session={session}")
        entries = json.loads(journal)["data"]
        return {
            "prompt_tokens": json.loads(payload)["usage"]["prompt_tokens"],
            "header_ms": int(headers["openai-processing-ms"]),
            "server_ms": entries[-1]["duration_ms"],
            "round_trip_ms": round_trip,
        }


def _warm(client: Client) -> None:
    small = json.dumps(
        {
            "model": MODEL,
            "messages": [{"role": "user", "content": "What is the capital of France?"}],
        }
    ).encode()
    client.chat(small)  # waits for o200k
    client.chat(small.replace(b"France", b"Spain"))  # a generated reply: waits for Faker
    # The older models' vocabulary loads last, in the background: until it is in, its loading
    # competes with the requests measured (long prompts took twice as long, in spikes).
    client.chat(small.replace(MODEL.encode(), b"gpt-4-turbo"))


def measure(prompts: int, repeats: int, many: int) -> dict:
    documents = [document(seed) for seed in range(1, prompts + 1)]
    bodies = [_body(text) for text, _ in documents]
    port = free_port()
    with server(mockai_command(port), port, warm=True) as proc:
        client = Client(port)
        _warm(client)
        rss_before = rss_mb(proc.pid)
        fresh = [client.chat(body) for body in bodies]
        rss_after = rss_mb(proc.pid)
        again = [client.chat(bodies[-1]) for _ in range(repeats)]
    with tempfile.TemporaryDirectory(prefix="mockai-bench-scenarios-") as tmp:
        generated_scenarios(Path(tmp))
        port = free_port()
        with server(mockai_command(port, "--scenarios", tmp), port, warm=True):
            client = Client(port)
            _warm(client)
            crowded = [client.chat(body) for body in bodies[:many]]
    for result, (_, tokens) in zip(fresh, documents, strict=False):
        if abs(result["prompt_tokens"] - tokens) > 50:
            raise RuntimeError(f"usage {result['prompt_tokens']} for a {tokens}-token document")
    return {
        "documents": [tokens for _, tokens in documents],
        "body_kb": [len(b) / 1024 for b in bodies],
        "fresh": fresh,
        "again": again,
        "crowded": crowded,
        "rss_growth_mb": rss_after - rss_before,
    }


def _fmt(results: list[dict], key: str) -> str:
    return ", ".join(f"{r[key]:.1f}" for r in results)


def run(quick: bool = False, prompts: int | None = None) -> list[Row]:
    prompts = prompts or (4 if quick else 8)
    data = measure(prompts, repeats=3 if quick else 5, many=2 if quick else 4)
    fresh, again, crowded = data["fresh"], data["again"], data["crowded"]
    later = fresh[1:]
    server_ms = statistics.median(r["server_ms"] for r in later)
    return [
        Row(
            "100k-token prompt: usage, new prompt (server ms)",
            round(server_ms, 1),
            "ms",
            target=50,
            better="lower",
            note=f"median of {len(later)} different prompts after the first; "
            f"server ms {_fmt(later, 'server_ms')}; openai-processing-ms "
            f"{', '.join(str(r['header_ms']) for r in later)}; round trip median "
            f"{statistics.median(r['round_trip_ms'] for r in later):.1f} ms; first long "
            f"prompt {fresh[0]['server_ms']:.1f} ms (round trip "
            f"{fresh[0]['round_trip_ms']:.1f}); prompt_tokens "
            f"{min(r['prompt_tokens'] for r in fresh)}-{max(r['prompt_tokens'] for r in fresh)}"
            f", bodies ~{statistics.median(data['body_kb']):.0f} KB",
        ),
        Row(
            "100k-token prompt: usage, new prompt (round trip)",
            round(statistics.median(r["round_trip_ms"] for r in later), 1),
            "ms",
            better="lower",
            note="client send to last byte, keep-alive connection",
        ),
        Row(
            "100k-token prompt: same prompt again (server ms)",
            round(statistics.median(r["server_ms"] for r in again), 1),
            "ms",
            better="lower",
            note="the count comes from mockai.tokenizer's cache; "
            f"server ms {_fmt(again, 'server_ms')}; "
            f"round trip median {statistics.median(r['round_trip_ms'] for r in again):.1f} ms; "
            f"server RSS grew {data['rss_growth_mb']:.1f} MB over the {len(fresh)} new prompts",
        ),
        Row(
            f"100k-token prompt: new prompt, {GENERATED_COUNT:,} scenarios (server ms)",
            round(statistics.median(r["server_ms"] for r in crowded), 1),
            "ms",
            better="lower",
            note=f"the scenarios of bench/startup.py (none matches); server ms "
            f"{_fmt(crowded, 'server_ms')}; choosing the scenario is one pass of the "
            f"scenario index's automaton over the prompt",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--prompts", type=int)
    args = parser.parse_args()
    for row in run(args.quick, args.prompts):
        target = "" if row.target is None else f"  target <= {row.target:g}"
        met = {True: "  met", False: "  MISSED", None: ""}[row.met]
        print(f"{row.name:52} {row.value:>8g} {row.unit}{target}{met}")
        if row.note:
            print(f"{'':54}{row.note}")


if __name__ == "__main__":
    main()
