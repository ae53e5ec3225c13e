// The official openai-node SDK's helpers, their output fed back as the next request the way
// client code does it. Usage: node roundtrip.mjs BASE_URL [SESSION]
// Prints one JSON object: what each loop answered, and every HTTP exchange (the body the SDK
// sent, the status and the body it received) for the Python side to check.
import OpenAI from 'openai';

const [baseURL, session] = process.argv.slice(2);
const exchanges = [];

async function recordingFetch(url, init = {}) {
  const response = await fetch(url, init);
  exchanges.push({
    method: init.method ?? 'GET',
    url: String(url),
    sent: typeof init.body === 'string' ? init.body : null,
    status: response.status,
    content_type: response.headers.get('content-type'),
    received: response.clone().text(),
  });
  return response;
}

const client = new OpenAI({
  baseURL,
  apiKey: 'sk-test',
  maxRetries: 0,
  fetch: recordingFetch,
  defaultHeaders: session ? { 'X-Mockai-Session': session } : {},
});

const parameters = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
};
const ask = [{ role: 'user', content: 'What is the weather in Boston?' }];
const toolResults = (message) =>
  message.tool_calls.map((call) => ({ role: 'tool', tool_call_id: call.id, content: '20°C' }));

// Chat: the stream helper's final message (with `parsed`, `refusal: null`, `parsed_arguments`
// for a strict tool) appended as is.
const chatTools = [{ type: 'function', function: { name: 'get_weather', parameters, strict: true } }];
const final = await client.chat.completions
  .stream({ model: 'gpt-4o', messages: ask, tools: chatTools })
  .finalChatCompletion();
const message = final.choices[0].message;
const chatAnswer = await client.chat.completions.create({
  model: 'gpt-4o',
  tools: chatTools,
  messages: [...ask, message, ...toolResults(message)],
});

// Chat: the runTools helper runs the loop itself.
const runner = client.chat.completions.runTools({
  model: 'gpt-4o',
  messages: ask,
  tools: [{
    type: 'function',
    function: { name: 'get_weather', parameters, parse: JSON.parse, function: ({ city }) => ({ city, temp_c: 20 }) },
  }],
});
const runToolsAnswer = await runner.finalContent();

// Responses: reasoning and function_call output items fed back with their output.
const responsesTool = { type: 'function', name: 'get_weather', parameters, strict: true };
const first = await client.responses.create({
  model: 'o3',
  input: ask,
  tools: [responsesTool],
  reasoning: { summary: 'auto' },
  include: ['reasoning.encrypted_content'],
});
const call = first.output.find((item) => item.type === 'function_call');
const responsesAnswer = await client.responses.create({
  model: 'o3',
  tools: [responsesTool],
  input: [...ask, ...first.output, { type: 'function_call_output', call_id: call.call_id, output: '20°C' }],
});

// Responses: the stream helper's final response fed back.
const streamed = await client.responses
  .stream({ model: 'gpt-4o', input: 'The Boston forecast as json' })
  .finalResponse();
const streamedAnswer = await client.responses.create({
  model: 'gpt-4o',
  input: [...streamed.output, { role: 'user', content: 'thanks' }],
});

for (const exchange of exchanges) exchange.received = await exchange.received;
console.log(JSON.stringify({
  answers: {
    chat_stream: chatAnswer.choices[0].message.content,
    run_tools: runToolsAnswer,
    responses: responsesAnswer.output_text,
    responses_stream: streamedAnswer.output_text,
  },
  exchanges,
}));
