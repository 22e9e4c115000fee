// Starts the workbench's background thread (src/bin/mc-worker.rs, built by Trunk as a worker
// beside this file): the Monte Carlo of the robustness view runs here, off the page's thread.
// Requests that arrive while the WebAssembly loads are kept and handed over once it runs; if
// it cannot load, the page is told so (as a reply to whatever it asked).
importScripts('./mc-worker.js');
const early = [];
self.onmessage = (e) => early.push(e);
wasm_bindgen({ module_or_path: './mc-worker_bg.wasm' }).then(
  () => {
    for (const e of early) self.onmessage(e);
  },
  (error) => {
    self.onmessage = null;
    self.postMessage({ id: 0, result: { Err: `the background thread could not be loaded (${error})` } });
  },
);
