// The official Node SDK (openai) against mockai: a chat call, a stream, a Responses call, and a
// scripted error read from the SDK's APIError.
// Serve the recipes' scenarios first:  mockai serve --scenarios examples/recipes/scenarios.yaml
import OpenAI from "openai";

const client = new OpenAI({
  baseURL: process.env.OPENAI_BASE_URL ?? "http://127.0.0.1:8000/v1",
  apiKey: process.env.OPENAI_API_KEY ?? "sk-test",
});

// Chat Completions: the scenario `recipe-capital` answers.
const completion = await client.chat.completions.create({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "What is the capital of France?" }],
});
console.log("chat:", completion.choices[0].message.content);

// A stream: `recipe-count` answers in chunks; include_usage adds a last chunk with the usage.
const stream = await client.chat.completions.create({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "Count to five." }],
  stream: true,
  stream_options: { include_usage: true },
});
const pieces = [];
let usage = null;
for await (const chunk of stream) {
  pieces.push(chunk.choices[0]?.delta?.content ?? "");
  usage = chunk.usage ?? usage;
}
console.log("streamed:", pieces.join(""), `(${usage.completion_tokens} completion tokens)`);

// The Responses API: the same scenario answers; output_text joins the message's text.
const response = await client.responses.create({
  model: "gpt-4o-mini",
  input: "What is the capital of France?",
});
console.log("responses:", response.output_text);

// A scripted error (`recipe-too-long`, a 400 that the SDK does not retry): the SDK throws a
// BadRequestError, an OpenAI.APIError carrying the status and the error body's fields.
try {
  await client.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "This prompt is too long." }],
  });
} catch (error) {
  if (!(error instanceof OpenAI.APIError)) throw error;
  console.log("error:", error.status, error.code, error.param, error.constructor.name);
  console.log("request id:", error.requestID);
}

// A scripted 503 then 429 (`recipe-flaky`): the SDK retries both itself (twice by default,
// waiting as retry-after says) and returns the third answer. The session header keeps this
// scenario's counter apart; withResponse() gives the HTTP response of the final attempt.
const { data: lucky, response: last } = await client.chat.completions
  .create(
    { model: "gpt-4o-mini", messages: [{ role: "user", content: "Are you flaky today?" }] },
    { headers: { "X-Mockai-Session": "node-retries" } },
  )
  .withResponse();
console.log("after retries:", lucky.choices[0].message.content, last.status);
