// Preloaded into the background-calls children: any timer of 5 s or more fires after 1 s instead, so a
// background call that would start 5–15 s (OneSettings) or 15 min (statsbeat) after the exporter is built
// happens while the child is still alive, and the netguard reports it.
const LONG_MS = 5000;
const SHORT_MS = 1000;
for (const name of ['setTimeout', 'setInterval']) {
  const original = globalThis[name];
  globalThis[name] = function (callback, ms, ...args) {
    return original(callback, typeof ms === 'number' && ms >= LONG_MS ? SHORT_MS : ms, ...args);
  };
}
