//! The Monte Carlo over weights, off the page's thread. The robustness view posts a
//! [`Request`] (which folder, period, weights, spread) to a Web Worker (`src/bin/mc-worker.rs`,
//! built by Trunk beside the page); the worker reads the folder from the page's own host once,
//! runs every draw through the engine and posts a [`Reply`] back. Messages are read
//! defensively on both sides: anything malformed becomes a message, never a panic.

use std::cell::RefCell;
use std::rc::Rc;

use engine::composite::BoundsMethod;
use engine::robustness::McSettings;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

use super::load::{Entry, Folder, Imported, Shared};

/// Draws per run, as on the explorer's robustness view.
pub const DRAWS: u32 = 10_000;
/// The seed of every run, so that a link shows the same numbers to everyone.
pub const SEED: u32 = 2025;
/// The worker's loader (workbench/mc-worker-loader.js), copied by Trunk beside the page.
pub const SCRIPT: &str = "./mc-worker-loader.js";

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub folder: String,
    pub bands: Option<String>,
    pub sources: Option<String>,
    pub period: i32,
    /// One per framework node, in node order.
    pub weights: Vec<f64>,
    /// Relative half-width of each weight's factor, 0-1.
    pub spread: f64,
    pub draws: u32,
    pub seed: u32,
    /// An imported index's files (the worker cannot fetch them: they are only in the page).
    pub imported: Option<Imported>,
}

/// One unit's ranks and bands over the draws, in data set order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRow {
    pub median: Option<u32>,
    pub p5: Option<u32>,
    pub p95: Option<u32>,
    pub best: Option<u32>,
    pub worst: Option<u32>,
    /// Share of the draws in each band of the index's scheme.
    pub bands: Vec<f64>,
    /// The guaranteed best and worst rank for any weights in the box (`engine::composite::
    /// bounds`), not only those drawn.
    pub bound_best: Option<u32>,
    pub bound_worst: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub draws: u32,
    pub spread: f64,
    /// Time the draws took inside the worker.
    pub millis: f64,
    pub units: Vec<UnitRow>,
    /// How the bounds were decided: pair by pair (`true`), or from score ranges alone (a
    /// large index); why there are none, if so.
    pub bounds: Result<bool, String>,
}

/// The worker's answer to request `id` (`id` 0: to whatever was pending, when the request
/// itself could not be read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
    pub result: Result<Answer, String>,
}

/// Runs the draws on a loaded index; `now` is a clock in milliseconds.
pub fn answer(entry: &Entry, request: &Request, now: impl Fn() -> f64) -> Result<Answer, String> {
    let d = &entry.index.definition;
    if request.weights.len() != d.hierarchy.nodes().len() {
        return Err("the weights do not match the index's framework".into());
    }
    let mut prepared = super::compute::prepare(entry, request.period)?;
    let start = now();
    let mc = McSettings {
        spread: request.spread,
        draws: request.draws.min(100_000),
        seed: u64::from(request.seed),
    };
    let run = prepared
        .monte_carlo(Some(&request.weights), &entry.pipeline.aggregate, &mc)
        .map_err(|e| e.to_string())?;
    let millis = now() - start;
    let bounds = prepared.rank_bounds(
        Some(&request.weights),
        &entry.pipeline.aggregate,
        request.spread,
    );
    let bound = |u: usize| match &bounds {
        Ok(b) => b.units.get(u).map_or((None, None), |r| (r.best, r.worst)),
        Err(_) => (None, None),
    };
    Ok(Answer {
        draws: run.draws,
        spread: run.spread,
        millis,
        units: run
            .units
            .into_iter()
            .enumerate()
            .map(|(i, u)| {
                let (bound_best, bound_worst) = bound(i);
                UnitRow {
                    median: u.median_rank,
                    p5: u.p5_rank,
                    p95: u.p95_rank,
                    best: u.best_rank,
                    worst: u.worst_rank,
                    bands: u.band_share,
                    bound_best,
                    bound_worst,
                }
            })
            .collect(),
        bounds: bounds
            .map(|b| b.method == BoundsMethod::Pairwise)
            .map_err(|e| e.to_string()),
    })
}

/// The folders the worker has read, by name.
type Cache = Rc<RefCell<Vec<Rc<Entry>>>>;

async fn entry_for(request: &Request, cache: &Cache) -> Result<Rc<Entry>, String> {
    if let Some(imported) = &request.imported {
        return imported.entry().map(Rc::new);
    }
    let cached = cache
        .borrow()
        .iter()
        .find(|e| e.folder.name == request.folder)
        .cloned();
    if let Some(entry) = cached {
        return Ok(entry);
    }
    let (bands, sources) = futures::join!(
        super::fetch_text(super::load::BANDS),
        super::fetch_text(super::load::SOURCES)
    );
    let (shared, _) = Shared::parse(&bands?, &sources?);
    let folder = Folder {
        name: request.folder.clone(),
        bands: request.bands.clone(),
        sources: request.sources.clone(),
    };
    let entry = super::load_folder(&folder, &shared)
        .await
        .map_err(|problems| problems.join("; "))?;
    let entry = Rc::new(entry);
    cache.borrow_mut().push(entry.clone());
    Ok(entry)
}

/// The worker's side: answers every message until the page goes away.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let cache: Cache = Rc::default();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let (scope, cache) = (reply_to.clone(), cache.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let reply = match serde_wasm_bindgen::from_value::<Request>(e.data()) {
                Ok(request) => Reply {
                    id: request.id,
                    result: match entry_for(&request, &cache).await {
                        Ok(entry) => answer(&entry, &request, js_sys::Date::now),
                        Err(e) => Err(e),
                    },
                },
                Err(e) => Reply {
                    id: 0,
                    result: Err(format!("the request could not be read: {e}")),
                },
            };
            if let Ok(value) = serde_wasm_bindgen::to_value(&reply) {
                let _ = scope.post_message(&value);
            }
        });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
}

/// The page's side: one worker, started on first use, ended with the view.
pub struct Runner {
    worker: web_sys::Worker,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

impl Runner {
    /// Starts the worker; every reply (or failure, as a reply with id 0) goes to `on_reply`.
    pub fn start(on_reply: impl Fn(Reply) + 'static) -> Result<Runner, String> {
        let worker = web_sys::Worker::new(SCRIPT)
            .map_err(|_| "this browser could not start a background thread".to_string())?;
        let on_reply = Rc::new(on_reply);
        let answer = on_reply.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            answer(
                serde_wasm_bindgen::from_value::<Reply>(e.data()).unwrap_or_else(|e| Reply {
                    id: 0,
                    result: Err(format!(
                        "the background thread's answer could not be read: {e}"
                    )),
                }),
            );
        });
        let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            on_reply(Reply {
                id: 0,
                result: Err("the background thread stopped or could not be loaded".into()),
            });
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(Runner {
            worker,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    pub fn post(&self, request: &Request) -> Result<(), String> {
        let value = serde_wasm_bindgen::to_value(request).map_err(|e| e.to_string())?;
        self.worker
            .post_message(&value)
            .map_err(|_| "the request could not be sent to the background thread".to_string())
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::load::tests::fixture;

    fn request(entry: &Entry, spread: f64) -> Request {
        Request {
            id: 7,
            folder: entry.folder.name.clone(),
            bands: None,
            sources: None,
            period: *entry.index.definition.periods.last().expect("a period"),
            weights: entry.index.definition.hierarchy.weights(),
            spread,
            draws: 300,
            seed: SEED,
            imported: None,
        }
    }

    /// At spread 0 every draw is the ranking; at 0.5 the draws spread the ranks around it
    /// and every unit with a band spends all draws in some band.
    #[test]
    fn the_fixture_index_through_the_worker_s_computation() {
        let entry = fixture();
        let r = request(&entry, 0.0);
        let mut prepared = crate::workbench::compute::prepare(&entry, r.period).expect("prepares");
        let d = &entry.index.definition;
        let standings = prepared
            .score(Some(&r.weights), &d.pipeline().aggregate)
            .expect("scores")
            .clone();
        let still = answer(&entry, &r, || 0.0).expect("runs");
        assert_eq!(still.units.len(), standings.units.len());
        for (u, s) in still.units.iter().zip(&standings.units) {
            assert_eq!((u.median, u.best, u.worst), (s.rank, s.rank, s.rank));
        }
        let moved = answer(&entry, &request(&entry, 0.5), || 0.0).expect("runs");
        assert_eq!((moved.draws, moved.spread), (300, 0.5));
        for (u, s) in moved.units.iter().zip(&standings.units) {
            assert!(u.best <= u.median && u.median <= u.worst);
            if s.band.is_some() {
                assert!((u.bands.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            }
        }
        let mut wrong = request(&entry, 0.5);
        wrong.weights.pop();
        assert!(answer(&entry, &wrong, || 0.0).is_err());
    }
}
