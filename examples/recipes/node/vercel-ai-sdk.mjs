// The Vercel AI SDK (ai + @ai-sdk/openai) against mockai: generateText on both OpenAI APIs,
// streamText, and a tool call that generateText runs to the final answer.
// Serve the recipes' scenarios first:  mockai serve --scenarios examples/recipes/scenarios.yaml
import { createOpenAI } from "@ai-sdk/openai";
import { generateText, stepCountIs, streamText, tool } from "ai";
import { z } from "zod";

const openai = createOpenAI({
  baseURL: process.env.OPENAI_BASE_URL ?? "http://127.0.0.1:8000/v1",
  apiKey: process.env.OPENAI_API_KEY ?? "sk-test",
});

// `openai(model)` calls the Responses API (POST /v1/responses); `openai.chat(model)` calls
// Chat Completions. The scenario `recipe-capital` answers both.
const viaResponses = await generateText({
  model: openai.responses("gpt-4o-mini"),
  prompt: "What is the capital of France?",
});
console.log("responses:", viaResponses.text);

const viaChat = await generateText({
  model: openai.chat("gpt-4o-mini"),
  prompt: "What is the capital of France?",
});
console.log("chat:", viaChat.text, `(${viaChat.usage.totalTokens} tokens)`);

// A stream: `recipe-count` answers in chunks.
const stream = streamText({ model: openai.chat("gpt-4o-mini"), prompt: "Count to five." });
const pieces = [];
for await (const piece of stream.textStream) pieces.push(piece);
console.log("streamed:", pieces.join(""));

// A tool call: the model calls get_weather (`recipe-weather-call`), the SDK runs it and sends
// the result back, and the model answers (`recipe-weather-answer`). stopWhen allows two steps.
// Here on the default `openai(model)`, the Responses API: the result goes back as a
// `function_call_output` input item.
const weather = await generateText({
  model: openai("gpt-4o-mini"),
  prompt: "What is the weather in Boston?",
  tools: {
    get_weather: tool({
      description: "The current weather in a city.",
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => `20°C and sunny in ${city}`,
    }),
  },
  stopWhen: stepCountIs(2),
});
for (const call of weather.steps[0].toolCalls) {
  console.log("tool call:", call.toolName, JSON.stringify(call.input));
}
console.log("steps:", weather.steps.length);
console.log("answer:", weather.text);
