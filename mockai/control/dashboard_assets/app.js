// The mockai dashboard: polls the control API every POLL_MS and draws what it answers.
// Everything is built with DOM calls and textContent: nothing the server recorded is parsed as HTML.

const POLL_MS = 500;
const FULL_EVERY = 20; // every 20th poll reads the whole journal (drops what was reset elsewhere)
const TIMELINE_WIDTH = 560;

const state = {
  entries: new Map(), // id -> journal entry, deduplicated
  lastId: null,
  selected: null,
  paused: false,
  polls: 0,
  filter: "",
};

const $ = (selector) => document.querySelector(selector);

// Replace `node`'s children: nodes, text, and (nested) arrays of them; null is left out.
function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
  return node;
}

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  return fill(node, children);
}

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

async function call(path, options = {}) {
  const response = await fetch(path, { cache: "no-store", ...options });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(`${response.status}: ${message}`);
  }
  return body;
}

function say(text) {
  const message = $("#message");
  message.textContent = text;
  message.hidden = !text;
}

// -- requests ---------------------------------------------------------------------------------

function statusClass(status) {
  if (status === null || status === undefined) return "s-none";
  if (status === 429) return "s-429";
  return `s-${String(status)[0]}xx`;
}

function scenarioStep(entry) {
  if (!entry.scenario) return "—";
  return entry.step === null ? entry.scenario : `${entry.scenario}#${entry.step}`;
}

function matches(entry) {
  if (!state.filter) return true;
  const haystack = [entry.path, scenarioStep(entry), entry.session || "",
    String(entry.status ?? "dropped")].join(" ").toLowerCase();
  return haystack.includes(state.filter);
}

function badges(entry) {
  const out = [];
  if (isSocket(entry)) out.push(h("span", { class: "badge stream" }, "websocket"));
  else if (entry.stream) out.push(h("span", { class: "badge stream" }, "stream"));
  if (entry.cut) out.push(h("span", { class: "badge cut" }, "cut"));
  if (entry.fault) out.push(h("span", { class: "badge fault" }, `${entry.fault.kind} (${entry.fault.source})`));
  if (entry.rate_limited) out.push(h("span", { class: "badge limited" }, `rate-limited: ${entry.rate_limited}`));
  return out;
}

function drawRequests() {
  const body = $("#requests tbody");
  const rows = [...state.entries.values()].reverse().filter(matches);
  fill(body, rows.map((entry) => h("tr", {
    class: `req${entry.id === state.selected ? " selected" : ""}`,
    "data-id": entry.id,
    onclick: () => select(entry.id),
  },
  h("td", { class: "time" }, new Date(entry.timestamp * 1000).toLocaleTimeString()),
  h("td", { class: "method" }, entry.method),
  h("td", { class: "path" }, entry.path, h("div", { class: "badges" }, badges(entry))),
  h("td", {}, h("span", { class: `status ${statusClass(entry.status)}` }, entry.status ?? "dropped")),
  h("td", { class: "scenario" }, scenarioStep(entry)),
  h("td", { class: "session" }, entry.session ?? "—"),
  h("td", { class: "num" }, entry.duration_ms.toFixed(1)))));
  $("#count").textContent = `(${rows.length}${rows.length === state.entries.size ? "" : ` of ${state.entries.size}`})`;
  $("#empty").hidden = state.entries.size > 0;
  const sessions = new Set([...state.entries.values()].map((e) => e.session).filter(Boolean));
  const pick = $("#session-pick");
  const chosen = pick.value;
  fill(pick, h("option", { value: "" }, "session…"),
    ...[...sessions].sort().map((s) => h("option", { value: s, selected: s === chosen }, s)));
}

// -- one request ------------------------------------------------------------------------------

function pretty(value) {
  if (value === null || value === undefined) return "(none)";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

function headerTable(headers) {
  return h("table", { class: "headers" }, Object.entries(headers || {}).map(([name, value]) =>
    h("tr", {}, h("th", {}, name), h("td", {}, value))));
}

// A timeline of marks ({t_ms, cls, title}) in ms since the request began, and where it was cut.
function chart(marks, end, cut, label) {
  const x = (ms) => 10 + (ms / end) * (TIMELINE_WIDTH - 20);
  const box = svg("svg", { id: "timeline", width: TIMELINE_WIDTH, height: 64,
    viewBox: `0 0 ${TIMELINE_WIDTH} 64`, role: "img", "aria-label": label });
  box.append(svg("line", { x1: 10, y1: 40, x2: TIMELINE_WIDTH - 10, y2: 40, class: "axis" }));
  box.append(svg("text", { x: 10, y: 58, class: "tick" }, "0 ms"));
  box.append(svg("text", { x: TIMELINE_WIDTH - 10, y: 58, class: "tick end" }, `${end.toFixed(0)} ms`));
  marks.forEach((m, index) => {
    const mark = svg("line", { x1: x(m.t_ms), y1: 14, x2: x(m.t_ms), y2: 40,
      class: m.cls, "data-index": index });
    mark.append(svg("title", {}, m.title));
    box.append(mark);
  });
  if (cut) {
    const at = x(cut.t_ms);
    box.append(svg("line", { x1: at, y1: 4, x2: at, y2: 46, class: "cut-mark" }));
    const right = at > TIMELINE_WIDTH * 0.6; // label to the left of a late cut
    box.append(svg("text", { x: right ? at - 4 : at + 4, y: 12, class: `cut-label${right ? " end" : ""}` },
      `cut after ${cut.after_chunks} (${cut.reason})`));
  }
  return box;
}

// One table row per mark: index, time, the delay since the one before, then `cells`.
function markRows(times, cells, cls) {
  return times.map((t, index) => h("tr", { class: cls },
    h("td", { class: "num" }, index),
    h("td", { class: "num" }, t.toFixed(1)),
    h("td", { class: "num" }, index ? `+${(t - times[index - 1]).toFixed(1)}` : "first"),
    ...cells(index)));
}

function timeline(entry) {
  const chunks = entry.chunks || [];
  const cut = entry.cut;
  const end = Math.max(entry.duration_ms, cut ? cut.t_ms : 0, ...chunks.map((c) => c.t_ms), 1);
  const marks = chunks.map((c, index) => ({ t_ms: c.t_ms, cls: "chunk-mark", title: `#${index} at ${c.t_ms} ms` }));
  const rows = markRows(chunks.map((c) => c.t_ms), (index) => [
    h("td", { class: "data", title: chunks[index].data.trim() }, chunks[index].data.trim())], "chunk");
  return h("div", { class: "stream" },
    h("h3", {}, `Stream: ${chunks.length} chunk${chunks.length === 1 ? "" : "s"}`,
      entry.chunks_more ? ` (+${entry.chunks_more} not kept)` : "",
      cut ? h("span", { class: "badge cut" }, `cut after ${cut.after_chunks}: ${cut.reason}`) : ""),
    chart(marks, end, cut, "stream chunks over time"),
    h("table", { class: "chunks" },
      h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "t ms"), h("th", {}, "Δ ms"), h("th", {}, "data"))),
      h("tbody", {}, rows)));
}

// A WebSocket session (the Realtime API): its events, client's and server's, as the journal kept them.
function socketTimeline(entry) {
  const events = entry.body.events.filter((e) => typeof e.t_ms === "number");
  const end = Math.max(entry.duration_ms, ...events.map((e) => e.t_ms), 1);
  const type = (e) => String((e.event || {}).type);
  const marks = events.map((e, index) => ({ t_ms: e.t_ms, cls: `event-mark ${e.from}`,
    title: `#${index} ${e.from}: ${type(e)} at ${e.t_ms} ms` }));
  const rows = markRows(events.map((e) => e.t_ms), (index) => [
    h("td", { class: `from ${events[index].from}` }, events[index].from),
    h("td", { class: "data" }, type(events[index]))], "event");
  return h("div", { class: "stream socket" },
    h("h3", {}, `WebSocket: ${events.length} event${events.length === 1 ? "" : "s"}`),
    chart(marks, end, null, "WebSocket events over time"),
    h("table", { class: "chunks events" },
      h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "t ms"), h("th", {}, "Δ ms"), h("th", {}, "from"), h("th", {}, "event"))),
      h("tbody", {}, rows)));
}

function isSocket(entry) {
  return entry.body !== null && typeof entry.body === "object" && Array.isArray(entry.body.events);
}

function drawDetail() {
  const detail = $("#detail");
  const entry = state.entries.get(state.selected);
  if (!entry || detail.dataset.id === entry.id) return; // entries never change: drawn once
  detail.dataset.id = entry.id;
  const answer = entry.answer;
  fill(detail,
    h("h2", { class: "title" }, `${entry.method} ${entry.path} `,
      h("span", { class: `status ${statusClass(entry.status)}` }, entry.status ?? "dropped")),
    h("p", { class: "muted" }, `${entry.id} · ${entry.duration_ms.toFixed(1)} ms`,
      entry.session ? ` · session ${entry.session}` : "",
      entry.scenario ? ` · scenario ${scenarioStep(entry)}` : ""),
    h("h3", {}, "Request body"), h("pre", { id: "req-body" }, pretty(entry.body)),
    isSocket(entry) ? socketTimeline(entry)
      : !answer ? h("p", { class: "muted" }, "No answer: the connection was dropped.")
      : entry.stream ? timeline(entry) : [
        h("h3", {}, "Answer body", answer.truncated ? h("span", { class: "badge" }, `truncated, ${answer.size} bytes`) : ""),
        h("pre", { id: "answer-body" }, answer.body === null && answer.size ? `(${answer.size} bytes, binary)` : pretty(answer.body)),
      ],
    h("details", { id: "req-headers" }, h("summary", {}, "Request headers"), headerTable(entry.headers)),
    answer ? h("details", { id: "answer-headers" }, h("summary", {}, `Answer headers (${answer.status})`), headerTable(answer.headers)) : null,
  );
}

function select(id) {
  state.selected = id;
  drawRequests();
  drawDetail();
}

// -- scenarios and buckets --------------------------------------------------------------------

function drawScenarios(scenarios) {
  fill($("#scenarios tbody"), scenarios.map((s) => h("tr", { "data-name": s.name },
    h("td", {}, s.name, h("div", { class: "origin muted" }, s.session ? `${s.origin}, session ${s.session}` : s.origin)),
    h("td", { class: "num hits" }, s.hits),
    h("td", { class: "positions" }, s.positions.map((p) => h("div", { class: "position" },
      `${p.session ?? "(no session)"}: step ${p.next_step + 1} of ${p.steps}${p.loop ? " ↻" : ""}`))))));
}

function seconds(value) {
  return value < 60 ? `${value.toFixed(1)} s` : `${(value / 60).toFixed(1)} min`;
}

function drawBuckets(buckets) {
  const box = $("#buckets");
  if (!buckets.length) return;
  fill(box, buckets.map((b) => {
    const share = b.capacity ? b.remaining / b.capacity : 0;
    const level = share > 0.5 ? "ok" : share > 0.1 ? "low" : "empty";
    const fill = h("div", { class: `bar-fill ${level}` });
    fill.style.width = `${(share * 100).toFixed(1)}%`; // CSSOM: the CSP forbids style attributes
    return h("div", { class: "bucket", "data-dimension": b.dimension },
      h("div", { class: "bucket-label" },
        h("strong", {}, b.dimension.toUpperCase()), ` ${b.model} · ${b.key || "(no key)"} · ${b.session ?? "(no session)"}`,
        b.scenario ? ` · ${b.scenario}` : ""),
      h("div", { class: "bar" }, fill),
      h("div", { class: "bucket-figures muted" },
        `${b.remaining} of ${b.capacity} ${b.unit} left`, b.seconds_to_full > 0 ? ` · full in ${seconds(b.seconds_to_full)}` : " · full"));
  }));
}

// -- polling and buttons ----------------------------------------------------------------------

async function poll() {
  const full = state.polls % FULL_EVERY === 0 || state.lastId === null;
  state.polls += 1;
  const since = full ? "" : `?since=${encodeURIComponent(state.lastId)}`;
  const [journal, scenarios, buckets, chaos] = await Promise.all([
    call(`requests${since}`), call("scenarios"), call("ratelimits"), call("chaos")]);
  if (full) state.entries.clear();
  for (const entry of journal.data) state.entries.set(entry.id, entry);
  if (journal.data.length) state.lastId = journal.data[journal.data.length - 1].id;
  drawRequests();
  drawDetail();
  drawScenarios(scenarios.data);
  drawBuckets(buckets.data);
  if (document.activeElement !== $("#chaos-rate")) $("#chaos-rate").value = chaos.rate;
}

async function loop() {
  if (!state.paused) {
    try {
      await poll();
      say("");
    } catch (error) {
      say(`Cannot read the control API: ${error.message}`);
    }
  }
  setTimeout(loop, POLL_MS);
}

async function reset(session) {
  const query = session ? `?session=${encodeURIComponent(session)}` : "";
  await call(`reset${query}`, { method: "POST" });
  for (const [id, entry] of state.entries) {
    if (!session || entry.session === session) state.entries.delete(id);
  }
  if (!state.entries.has(state.selected)) {
    state.selected = null;
    delete $("#detail").dataset.id;
    fill($("#detail"), h("h2", {}, "Request"), h("p", { class: "muted" }, "Click a request to see it."));
  }
  fill($("#buckets"), h("p", { class: "muted" }, "No buckets."));
  state.polls = 0;
  drawRequests();
}

function wire() {
  $("#pause").addEventListener("click", () => {
    state.paused = !state.paused;
    $("#pause").textContent = state.paused ? "Resume" : "Pause";
    $("#live").textContent = state.paused ? "paused" : "live";
    $("#live").classList.toggle("paused", state.paused);
  });
  $("#filter").addEventListener("input", (event) => {
    state.filter = event.target.value.trim().toLowerCase();
    drawRequests();
  });
  $("#reset-all").addEventListener("click", () => reset(null).catch((e) => say(e.message)));
  $("#reset-session").addEventListener("click", () => {
    const session = $("#session-pick").value;
    if (session) reset(session).catch((e) => say(e.message));
    else say("Pick a session to reset.");
  });
  $("#chaos-set").addEventListener("click", async () => {
    try {
      const chaos = await call("chaos", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ rate: Number($("#chaos-rate").value) }) });
      $("#chaos-rate").value = chaos.rate;
      say("");
    } catch (error) {
      say(error.message);
    }
  });
}

wire();
loop();
