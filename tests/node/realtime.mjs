// A Realtime text turn through the official openai-node SDK's WebSocket client
// (OpenAIRealtimeWS, which needs the `ws` package), against mockai.
// Usage: node realtime.mjs BASE_URL SESSION; prints every server event as one JSON array.
import net from 'node:net';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';

const [baseURL, session] = process.argv.slice(2);
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
rt.on('event', (event) => events.push(event));
rt.on('error', (err) => {
  console.error(JSON.stringify({ error: String(err?.message ?? err), events }));
  process.exit(2);
});
rt.socket.on('open', () => {
  rt.send({ type: 'session.update', session: { type: 'realtime', output_modalities: ['text'] } });
  rt.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello' }] },
  });
  rt.send({ type: 'response.create' });
});
rt.on('response.done', () => {
  console.log(JSON.stringify(events));
  rt.close();
});
setTimeout(() => {
  console.error(JSON.stringify({ error: 'no response.done within 20 s', events }));
  process.exit(3);
}, 20000).unref();
