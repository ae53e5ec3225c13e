// Realtime turns through the official openai-node SDK's WebSocket client (OpenAIRealtimeWS,
// which needs the `ws` package), against mockai.
// Usage: node realtime.mjs BASE_URL SESSION FLOW [AUDIO_FILE]
//   FLOW: text | audio (AUDIO_FILE: raw PCM16 24 kHz to append) | tools | cancel
// Prints every server event received, as one JSON array.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';

const [baseURL, session, flow, audioFile] = process.argv.slice(2);
const client = new OpenAI({ apiKey: 'sk-test', baseURL });
// The SDK always dials `wss:`; mockai serves plain HTTP, so the socket's connection is made
// without TLS (the `ws` option `createConnection`), the protocol above it unchanged.
const plain = (options) => net.connect({ host: options.host, port: options.port });
const rt = new OpenAIRealtimeWS(
  {
    model: 'gpt-realtime',
    options: { headers: { 'X-Mockai-Session': session }, createConnection: plain },
  },
  client,
);
const events = [];
const finish = () => {
  console.log(JSON.stringify(events));
  rt.close();
};
const say = (text) => ({
  type: 'conversation.item.create',
  item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
});
const textOnly = (extra = {}) => ({
  type: 'session.update',
  session: { type: 'realtime', output_modalities: ['text'], ...extra },
});
const tool = {
  type: 'function',
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};

let responses = 0;
let cancelled = false;
rt.on('event', (event) => {
  events.push(event);
  if (flow === 'cancel' && event.type === 'response.output_text.delta' && !cancelled) {
    cancelled = true;
    rt.send({ type: 'response.cancel' });
  }
  if (event.type !== 'response.done') return;
  responses += 1;
  const output = event.response.output ?? [];
  if (flow === 'tools' && responses === 1) {
    const call = output.find((item) => item.type === 'function_call');
    rt.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: call.call_id, output: '{"celsius": 20}' },
    });
    rt.send({ type: 'response.create' });
    return;
  }
  finish();
});
rt.on('error', (err) => {
  console.error(JSON.stringify({ error: String(err?.message ?? err), events }));
  process.exit(2);
});
rt.socket.on('open', () => {
  if (flow === 'audio') {
    const pcm = readFileSync(audioFile);
    for (let start = 0; start < pcm.length; start += 9600) {
      const chunk = pcm.subarray(start, start + 9600).toString('base64');
      rt.send({ type: 'input_audio_buffer.append', audio: chunk });
    }
    return; // server VAD commits the turn and answers
  }
  rt.send(flow === 'tools' ? textOnly({ tools: [tool] }) : textOnly());
  rt.send(say(flow === 'tools' ? 'Weather in Boston?' : 'Hello'));
  rt.send({ type: 'response.create' });
});
setTimeout(() => {
  console.error(JSON.stringify({ error: 'no final response.done within 20 s', events }));
  process.exit(3);
}, 20000).unref();
