// The portal's side of the embedded demo backend, loaded only when config.json says "demo": it
// starts the demo backend's Web Worker (demo-backend_loader.js) with its data set (seed.json) and
// the journal an earlier visit left in localStorage, passes each call to it, and keeps the journal
// after every change. In JavaScript rather than in each wasm bundle, so that a deployment on a real
// backend carries none of it. The page calls `ppidDemo(method, path, idempotencyKey, body)` (the last
// two may be null) and gets the worker's answer (src/reference/worker.rs, `FromWorker`) as an object.
(() => {
  const JOURNAL = 'ppid.demo.journal';
  const root = new URL('.', document.currentScript.src).href;
  const pending = new Map();
  let worker;
  let next = 1;
  let started;

  // One message to the worker and its answer; id 0 is the worker's "ready".
  const post = (message, id = next++) =>
    new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (id) worker.postMessage(JSON.stringify({ ...message, id }));
    });

  const start = async () => {
    worker = new Worker(`${root}demo-backend_loader.js`);
    worker.onmessage = (event) => {
      let answer;
      try {
        answer = JSON.parse(event.data);
      } catch {
        return; // an answer that does not parse is dropped; its caller then sees the worker fail
      }
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      waiting?.resolve(answer);
    };
    // A worker that fails to load or crashes fails every waiting call.
    worker.onerror = () => {
      for (const waiting of pending.values()) waiting.reject(new Error('demo backend failed'));
      pending.clear();
    };
    const ready = post(null, 0);
    const seed = await fetch(`${root}seed.json`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`seed.json ${r.status}`))));
    await ready;
    const answer = await post({ seed, journal: localStorage.getItem(JOURNAL) ?? undefined });
    if (answer.status !== 204) throw new Error('demo data set');
  };

  self.ppidDemo = async (method, path, idempotency_key, body) => {
    // Every caller waits for the same start; a failed start is tried afresh by the next call.
    started ??= start().catch((error) => {
      started = undefined;
      worker?.terminate();
      pending.clear();
      throw error;
    });
    await started;
    const exchange = { method, path };
    if (idempotency_key != null) exchange.idempotency_key = idempotency_key;
    if (body != null) exchange.body = body;
    const answer = await post({ exchange });
    if (answer.journal != null) {
      try {
        localStorage.setItem(JOURNAL, answer.journal);
      } catch {
        // Losing the journal only loses demo data; the page goes on.
      }
    }
    return answer;
  };
})();
