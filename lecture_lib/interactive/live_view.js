// The page side of a live figure (the fast transport; see views.py for the kernel side).
// No build step and no network: plain DOM, anywidget's model API only.
//
// A moved control sends its values to the kernel; at most two requests are in flight, later
// moves only replace the queued values (the newest wins). A page on the kernel's machine
// sends them over the kernel's own WebSocket (the direct channel, direct.py) and gets back
// the readout and the pixels that changed; any other page sends custom messages and gets
// the whole PNG. Picture and readout are drawn in the same task, so both appear in the same
// frame. The root element counts painted pictures in `data-frames`.

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

let viewCount = 0;

function sliderControl(spec, id, onInput) {
  const row = el("div", { class: "lecture-control lecture-slider" });
  const label = el("label", { class: "lecture-label", for: id }, spec.label);
  const range = el("input", { type: "range", class: "lecture-range", id, "data-name": spec.name,
    min: spec.min, max: spec.max, step: spec.step, "aria-label": spec.label });
  const number = el("input", { type: "number", class: "lecture-value",
    min: spec.min, max: spec.max, step: spec.step, "aria-label": (spec.valueLabel ?? "{label} value").replace("{label}", spec.label) });
  const show = v => { range.value = v; number.value = Number(range.value).toFixed(spec.decimals); };
  range.addEventListener("input", () => { show(range.value); onInput(); });
  const commit = () => {  // Enter or leaving the field: snap to the slider's grid, then send
    const before = range.value;
    if (number.value === "" || Number.isNaN(Number(number.value))) { show(before); return; }
    show(number.value);
    if (range.value !== before) onInput();
  };
  number.addEventListener("change", commit);
  number.addEventListener("keydown", e => { if (e.key === "Enter") commit(); });
  row.append(label, range, number);
  return { row, get: () => Number(range.value), set: show };
}

function stepsControl(spec, id, onInput) {
  const row = el("div", { class: "lecture-control lecture-slider lecture-steps" });
  const label = el("label", { class: "lecture-label", for: id }, spec.label);
  const range = el("input", { type: "range", class: "lecture-range", id,
    min: 0, max: spec.options.length - 1, step: 1, "aria-label": spec.label });
  const shown = el("output", { class: "lecture-value", for: id });
  const show = v => {
    range.value = Math.max(spec.options.indexOf(String(v)), 0);
    shown.textContent = spec.options[range.value];
    range.setAttribute("aria-valuetext", shown.textContent);
  };
  range.addEventListener("input", () => { show(spec.options[range.value]); onInput(); });
  row.append(label, range, shown);
  return { row, get: () => spec.options[range.value], set: show };
}

function toggleControl(spec, id, onInput) {
  const row = el("div", { class: "lecture-control lecture-choice", role: "group",
    "aria-labelledby": id });
  row.append(el("span", { class: "lecture-label", id }, spec.label));
  let value = spec.value;
  const buttons = spec.options.map(option => {
    const button = el("button", { type: "button", class: "lecture-option" }, option);
    button.addEventListener("click", () => { set(option); onInput(); });
    row.append(button);
    return button;
  });
  const set = v => {
    value = String(v);
    buttons.forEach(b => b.setAttribute("aria-pressed", String(b.textContent === value)));
  };
  return { row, get: () => value, set };
}

function dropdownControl(spec, id, onInput) {
  const row = el("div", { class: "lecture-control lecture-choice" });
  const select = el("select", { class: "lecture-select", id });
  for (const option of spec.options) select.append(el("option", { value: option }, option));
  select.addEventListener("change", onInput);
  row.append(el("label", { class: "lecture-label", for: id }, spec.label), select);
  return { row, get: () => select.value, set: v => { select.value = String(v); } };
}

// Requests to the kernel: at most `depth` in flight, and while they are, a new request only
// replaces the queued values, so the newest values are always the next ones sent. Two in
// flight let the kernel draw the next picture while the last one travels. An answer older
// than one already seen (given up on after `timeoutMs`) is refused: `answer` returns false.
export function requestQueue(send, depth = 2, timeoutMs = 3000) {
  let seq = 0, inFlight = 0, answered = 0, queued = null, timer = null;
  const giveUp = () => { inFlight = 0; answered = seq; pump(); };
  function pump() {
    if (inFlight >= depth || queued === null) return;
    inFlight += 1;
    send({ type: "values", seq: ++seq, values: queued });
    queued = null;
    clearTimeout(timer);
    timer = setTimeout(giveUp, timeoutMs);
  }
  return {
    request(values) { queued = values; pump(); },
    clear() { queued = null; },
    busy: () => inFlight !== 0 || queued !== null,
    restart: giveUp,  // the answers in flight will not come (the channel changed)
    answer(s) {
      if (s <= answered) return false;
      inFlight = Math.max(inFlight - (s - answered), 0);
      answered = s;
      clearTimeout(timer);
      if (inFlight) timer = setTimeout(giveUp, timeoutMs);
      pump();
      return true;
    },
    dispose() { clearTimeout(timer); },
  };
}

const MAKERS = { slider: sliderControl, steps: stepsControl, toggle: toggleControl,
  dropdown: dropdownControl };

function render({ model, el: host }) {
  const view = `v${++viewCount}-${Math.random().toString(36).slice(2, 8)}`;
  const root = el("div", { class: "lecture-live-view" });
  const canvas = el("canvas", { class: "lecture-picture", role: "img",
    "aria-label": model.get("alt") });
  const grid = el("div", { class: "lecture-controls" });
  grid.style.gridTemplateColumns = `repeat(${model.get("columns")}, minmax(14em, 1fr))`;
  const words = model.get("labels") || {};  // the page's words, translated in the kernel
  const reset = el("button", { type: "button", class: "lecture-reset",
    title: words.reset_title ?? "Put every slider back to its start value" }, words.reset ?? "↺ Reset");
  const readout = el("div", { class: "lecture-readout", "aria-live": "polite" });
  const footer = el("div", { class: "lecture-footer" });
  footer.append(reset, readout);
  root.append(canvas, grid, footer);
  host.append(root);
  // Keys typed here are the controls' own, not notebook shortcuts (A, B, D D, arrows...).
  root.addEventListener("keydown", e => e.stopPropagation());

  const controls = {};
  model.get("controls").forEach((spec, i) => {
    const control = MAKERS[spec.kind]({ ...spec, valueLabel: words.value }, `${view}-${i}`,
      () => request());
    control.set(spec.value);
    controls[spec.name] = control;
    grid.append(control.row);
  });
  const values = () => Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.get()]));
  const setValues = v => {  // only the controls that differ: a set value restyles the page
    for (const [k, x] of Object.entries(v || {})) {
      if (controls[k] && String(controls[k].get()) !== String(x)) controls[k].set(x);
    }
  };

  // A page on the kernel's machine may talk to the kernel over its own WebSocket (the
  // direct channel, direct.py), past Jupyter's messages; any other keeps those.
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
  let direct = null, tried = false;
  const queue = requestQueue(message => {
    if (direct) direct.send(JSON.stringify(message));
    else model.send({ ...message, view });
  });
  const busy = queue.busy;
  function request() { queue.request(values()); }
  reset.addEventListener("click", () => { queue.clear(); model.send({ type: "reset", view }); });

  // ----- painting. Frames are drawn in the order the kernel made them: a PNG is a whole
  // picture, decoded off the main thread (createImageBitmap) and drawn when decoded; changed
  // pixels (sent when the kernel is on this machine) are drawn at once, in the task that
  // received them, unless a PNG before them is still decoding. A PNG behind a newer PNG is
  // skipped, with the changes between them. -----
  let frames = 0;
  const context = canvas.getContext("2d");
  const waiting = [];  // frames not drawn yet, oldest first
  let decoding = false;
  function finish(text, values, apply) {  // apply(): may the values move the controls?
    if (readout.textContent !== text) readout.textContent = text;  // no layout if the same
    if (apply()) setValues(values);  // asked now: a key pressed while decoding wins
    root.dataset.values = JSON.stringify(values);  // what the picture shows
    frames += 1;
    (host.closest(".lecture-live-figure") || host).setAttribute("data-frames", frames);
  }
  let pixels = null;  // the picture shown, as one 32-bit word per pixel (after a bitmap: null)
  function drawChanges(frame) {  // runs of changed pixels: [start, length, ...] and their RGBA
    const [width, height] = frame.size;
    if (canvas.width !== width || canvas.height !== height || !pixels) {
      if (canvas.width !== width || canvas.height !== height) return;  // no picture to change
      pixels = context.getImageData(0, 0, width, height);
    }
    const words = new Uint32Array(pixels.data.buffer);
    const [spans, changed] = frame.buffers.map(b => new Uint32Array(
      b.buffer ?? b, b.byteOffset ?? 0, (b.byteLength) / 4));
    let top = height, bottom = -1, left = width, right = -1;  // the box around the changes
    for (let i = 0, at = 0; i < spans.length; i += 2) {
      const start = spans[i], length = spans[i + 1], end = start + length - 1;
      words.set(changed.subarray(at, at + length), start);
      at += length;
      const row0 = Math.floor(start / width), row1 = Math.floor(end / width);
      top = Math.min(top, row0);
      bottom = Math.max(bottom, row1);
      left = Math.min(left, row0 === row1 ? start % width : 0);
      right = Math.max(right, row0 === row1 ? end % width : width - 1);
    }
    if (bottom >= 0) {  // only that box goes to the canvas
      context.putImageData(pixels, 0, 0, left, top, right - left + 1, bottom - top + 1);
    }
    finish(frame.text, frame.values, frame.apply);
  }
  function drawBitmap(frame, bitmap) {
    if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
    if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    pixels = null;  // read back from the canvas when changes come
    finish(frame.text, frame.values, frame.apply);
  }
  function drain() {
    while (waiting.length && !decoding) {
      const newerPng = waiting.findLastIndex(f => f.png);
      if (newerPng > 0) waiting.splice(0, newerPng);  // a whole newer picture supersedes them
      const frame = waiting.shift();
      if (!frame.png) { drawChanges(frame); continue; }
      decoding = true;
      createImageBitmap(new Blob([frame.png], { type: "image/png" }))
        .then(bitmap => drawBitmap(frame, bitmap), () => {})
        .finally(() => { decoding = false; drain(); });
    }
  }
  function show(frame) { waiting.push(frame); drain(); }
  function frame(msg, buffers, answer) {  // answer: to this view's own request
    if (answer && !queue.answer(msg.seq)) return;  // given up on after a time-out
    const apply = () => !answer || !busy();
    if (msg.size) show({ ...msg, buffers, apply });
    else show({ png: buffers[0], text: msg.text, values: msg.values, apply });
  }
  function onMessage(msg, buffers) {
    if (msg.type !== "frame") return;
    const mine = msg.view === view;
    if (mine && msg.socket && !tried) { tried = true; connect(msg.socket); }
    if (direct) return;  // every frame comes over the direct channel now, in order
    frame(msg, buffers, mine && typeof msg.seq === "number");
  }
  function onState() {
    if (direct) return;
    show({ png: model.get("png"), text: model.get("text"), values: model.get("values"),
      apply: () => !busy() });
  }
  function onDirect(data) {  // a 4-byte header length, the JSON header, the buffers
    const size = new DataView(data).getUint32(0, true);
    const msg = JSON.parse(new TextDecoder().decode(new Uint8Array(data, 4, size)));
    const buffers = [];
    let at = 4 + size;
    for (const length of msg.lengths) { buffers.push(new Uint8Array(data, at, length)); at += length; }
    frame(msg, buffers, typeof msg.seq === "number");
  }
  function connect(url) {
    let socket;
    try { socket = new WebSocket(url); } catch { return; }
    socket.binaryType = "arraybuffer";
    socket.onopen = () => { direct = socket; queue.restart(); };
    socket.onmessage = event => onDirect(event.data);
    socket.onclose = () => {
      if (direct !== socket) return;  // never opened: Jupyter's messages stay
      direct = null;
      queue.restart();
      model.send({ type: "hello", view });  // the newest picture, over Jupyter's messages
    };
  }
  model.on("msg:custom", onMessage);
  model.on("change:revision", onState);
  if (model.get("png") && model.get("png").byteLength) onState();
  model.send({ type: "hello", view, socket: local });
  return () => {
    if (direct) { const socket = direct; direct = null; socket.close(); }
    model.off("msg:custom", onMessage);
    model.off("change:revision", onState);
    queue.dispose();
  };
}

export default { render };
