//! The workbench's background thread: a Web Worker that runs the Monte Carlo over weights so
//! that the page stays responsive while 10,000 recomputes run (see `workbench::worker`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    torture_index_explorer::workbench::worker::start();
}
