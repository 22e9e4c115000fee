//! The scoring engine of Torture Index Explorer.
//!
//! Plain Rust over plain data, with no web dependency: the same code runs in the native tests,
//! the benchmarks and, compiled to wasm32, in the browser. It holds the data model and its
//! validation ([`data`]), the terms scores are given in ([`scoring`]), ranking
//! ([`rank`]), the CSP tables ([`csp`]) and data-quality checks ([`consistency`]). It knows
//! indices, not views: the public link (views, themes, embeds) is the app's (`src/link/`).

pub mod composite;
pub mod consistency;
pub mod csp;
pub mod csv;
pub mod data;
pub mod error;
pub mod json;
pub mod math;
pub mod model;
pub mod rank;
pub mod rng;
pub mod robustness;
pub mod scoring;
pub mod sort;
pub mod whatif;

pub use data::{Bundle, Files};
pub use error::{DataError, DataErrorKind, WeightError};
pub use model::{Band, Confidence, Transparency};
#[cfg(any(test, feature = "reference"))]
pub use scoring::GtiModel;
pub use scoring::{Aggregation, Basis, Outcome, Scored, Settings};

// The unit tests also run on wasm32, in headless Chromium (`make test`).
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
