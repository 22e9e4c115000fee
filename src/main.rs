//! Entry point: mounts the explorer into `<div id="app">` (or the body if it is missing).

fn main() {
    torture_index_explorer::mount();
}
