//! The Monte Carlo over weights, off the page's thread. The robustness view posts a
//! [`Request`] (which folder, period, weights, spread) to a Web Worker (`src/bin/mc-worker.rs`,
//! built by Trunk beside the page); the worker reads the folder from the page's own host once,
//! runs every draw through the engine and posts a [`Reply`] back. Messages are read
//! defensively on both sides: anything malformed becomes a message, never a panic.

use std::cell::RefCell;
use std::rc::Rc;

use engine::composite::{BoundsMethod, McCounts, PreparedIndex};
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
    /// The part of the run this worker draws: draws `from..to` of `draws` (the page splits a
    /// run between two workers when the machine has two cores or more).
    pub from: u32,
    pub to: u32,
    /// Whether this part also computes the guaranteed rank ranges.
    pub bounds: bool,
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

/// One worker's part of a run: its tallies, and the rank ranges if it was asked for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub draws: u32,
    /// Draws not scored, every weight drawn at 0.
    pub skipped: u32,
    pub units: usize,
    pub bands: usize,
    /// The tallies travel beside the rest of the message as typed arrays (copied in one go,
    /// where a list of 40,000 numbers would be converted one by one): see [`to_message`].
    #[serde(skip)]
    pub ranks: Vec<u32>,
    #[serde(skip)]
    pub band_counts: Vec<u32>,
    /// Time the draws took inside the worker.
    pub millis: f64,
    /// Per unit, the guaranteed best and worst rank, and whether they were decided pair by
    /// pair; or why there are none.
    pub bounds: Option<Result<RankRanges, String>>,
}

/// Whether the ranges were decided pair by pair, and each unit's best and worst rank.
pub type RankRanges = (bool, Vec<(Option<u32>, Option<u32>)>);

/// What a worker posts back: its part of run `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartReply {
    pub id: u32,
    pub result: Result<Part, String>,
}

/// The whole run, as the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub draws: u32,
    pub spread: f64,
    /// From sending the request to having every part back, in the page.
    pub millis: f64,
    /// How many background threads shared the draws.
    pub threads: usize,
    pub units: Vec<UnitRow>,
    /// How the bounds were decided: pair by pair (`true`), or from score ranges alone (a
    /// large index); why there are none, if so.
    pub bounds: Result<bool, String>,
}

/// The answer to request `id` (`id` 0: to whatever was pending, when the request itself
/// could not be read).
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub id: u32,
    pub result: Result<Answer, String>,
}

/// Runs one part of the draws on a loaded index; `now` is a clock in milliseconds.
pub fn part(entry: &Entry, request: &Request, now: impl Fn() -> f64) -> Result<Part, String> {
    let mut prepared = super::compute::prepare(entry, request.period)?;
    part_prepared(&mut prepared, entry, request, now)
}

/// [`part`] on a period already prepared (the worker keeps the last one between runs).
pub fn part_prepared(
    prepared: &mut PreparedIndex,
    entry: &Entry,
    request: &Request,
    now: impl Fn() -> f64,
) -> Result<Part, String> {
    let d = &entry.index.definition;
    if request.weights.len() != d.hierarchy.nodes().len() {
        return Err("the weights do not match the index's framework".into());
    }
    let draws = request.draws.min(100_000);
    let mc = McSettings {
        spread: request.spread,
        draws,
        seed: u64::from(request.seed),
    };
    let spec = &entry.pipeline.aggregate;
    let start = now();
    let counts = prepared
        .monte_carlo_counts(
            Some(&request.weights),
            spec,
            &mc,
            request.from.min(draws)..request.to.min(draws),
        )
        .map_err(|e| e.to_string())?;
    let millis = now() - start;
    let bounds = request.bounds.then(|| {
        prepared
            .rank_bounds(Some(&request.weights), spec, request.spread)
            .map(|b| {
                (
                    b.method == BoundsMethod::Pairwise,
                    b.units.iter().map(|r| (r.best, r.worst)).collect(),
                )
            })
            .map_err(|e| e.to_string())
    });
    Ok(Part {
        draws: counts.draws,
        skipped: counts.skipped,
        units: counts.units,
        bands: counts.bands,
        ranks: counts.ranks,
        band_counts: counts.band_counts,
        millis,
        bounds,
    })
}

/// The whole run from its parts: the tallies added up, then each unit's figures.
pub fn summarise(parts: &[Part], spread: f64, millis: f64) -> Result<Answer, String> {
    let mut total: Option<McCounts> = None;
    for p in parts {
        let counts = McCounts {
            draws: p.draws,
            skipped: p.skipped,
            units: p.units,
            bands: p.bands,
            ranks: p.ranks.clone(),
            band_counts: p.band_counts.clone(),
        };
        match &mut total {
            None => total = Some(counts),
            Some(t) => {
                if !t.merge(&counts) {
                    return Err("the background threads' answers do not fit together".into());
                }
            }
        }
    }
    let total = total.ok_or("no background thread answered")?;
    let run = total.summarise(spread);
    let bounds = parts
        .iter()
        .find_map(|p| p.bounds.clone())
        .unwrap_or_else(|| Err("no part computed them".into()));
    let bound = |u: usize| match &bounds {
        Ok((_, b)) => b.get(u).copied().unwrap_or((None, None)),
        Err(_) => (None, None),
    };
    Ok(Answer {
        draws: run.draws,
        spread: run.spread,
        millis,
        threads: parts.len(),
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
        bounds: bounds.map(|(pairwise, _)| pairwise),
    })
}

/// A whole run in one part, in this thread (the tests' way to run what the workers run).
#[cfg(test)]
pub fn answer(entry: &Entry, request: &Request, now: impl Fn() -> f64) -> Result<Answer, String> {
    let whole = Request {
        from: 0,
        to: request.draws,
        bounds: true,
        ..request.clone()
    };
    let p = part(entry, &whole, now)?;
    let millis = p.millis;
    summarise(&[p], request.spread, millis)
}

const RANKS: &str = "ranks";
const BAND_COUNTS: &str = "band_counts";

/// A part as a message: its fields, with the tallies as `Uint32Array`s.
fn to_message(reply: &PartReply) -> Option<JsValue> {
    let value = serde_wasm_bindgen::to_value(reply).ok()?;
    if let Ok(part) = &reply.result {
        let result = js_sys::Reflect::get(&value, &"result".into()).ok()?;
        let ok = js_sys::Reflect::get(&result, &"Ok".into()).ok()?;
        for (name, data) in [(RANKS, &part.ranks), (BAND_COUNTS, &part.band_counts)] {
            let array = js_sys::Uint32Array::from(data.as_slice());
            js_sys::Reflect::set(&ok, &name.into(), &array).ok()?;
        }
    }
    Some(value)
}

/// A part from a message, tallies included; a message of another shape is an error.
fn from_message(value: &JsValue) -> Result<PartReply, String> {
    let mut reply = serde_wasm_bindgen::from_value::<PartReply>(value.clone())
        .map_err(|e| format!("the background thread's answer could not be read: {e}"))?;
    if let Ok(part) = &mut reply.result {
        let ok = js_sys::Reflect::get(value, &"result".into())
            .and_then(|r| js_sys::Reflect::get(&r, &"Ok".into()))
            .map_err(|_| "the background thread's answer has no result".to_string())?;
        for (name, data) in [
            (RANKS, &mut part.ranks),
            (BAND_COUNTS, &mut part.band_counts),
        ] {
            let array = js_sys::Reflect::get(&ok, &name.into())
                .ok()
                .and_then(|a| a.dyn_into::<js_sys::Uint32Array>().ok())
                .ok_or_else(|| format!("the background thread's answer has no {name}"))?;
            *data = array.to_vec();
        }
    }
    Ok(reply)
}

/// The folders the worker has read, by name.
type Cache = Rc<RefCell<Vec<Rc<Entry>>>>;

/// The last folder and period prepared, and the result (a new run at other weights or spread
/// starts from it).
type Last = Rc<RefCell<Option<(String, i32, PreparedIndex)>>>;

/// Runs a part, preparing the period unless it is the last one prepared (an imported index is
/// prepared each time: its files come with the request).
fn run_part(entry: &Entry, request: &Request, last: &Last) -> Result<Part, String> {
    if request.imported.is_some() {
        return part(entry, request, js_sys::Date::now);
    }
    let mut slot = last.borrow_mut();
    let same = matches!(&*slot, Some((f, p, _)) if *f == request.folder && *p == request.period);
    if !same {
        let prepared = super::compute::prepare(entry, request.period)?;
        *slot = Some((request.folder.clone(), request.period, prepared));
    }
    match &mut *slot {
        Some((_, _, prepared)) => part_prepared(prepared, entry, request, js_sys::Date::now),
        None => Err("the period could not be prepared".into()),
    }
}

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
    let entry = super::load_folder(super::DATA, &folder, &shared)
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
    let last: Last = Rc::default();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let (scope, cache, last) = (reply_to.clone(), cache.clone(), last.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let reply = match serde_wasm_bindgen::from_value::<Request>(e.data()) {
                Ok(request) => PartReply {
                    id: request.id,
                    result: match entry_for(&request, &cache).await {
                        Ok(entry) => run_part(&entry, &request, &last),
                        Err(e) => Err(e),
                    },
                },
                Err(e) => PartReply {
                    id: 0,
                    result: Err(format!("the request could not be read: {e}")),
                },
            };
            if let Some(value) = to_message(&reply) {
                let _ = scope.post_message(&value);
            }
        });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
}

/// The page's side: one or two workers (two where the machine has two cores or more, each
/// drawing part of the run), started on first use, ended with the view.
pub struct Runner {
    workers: Vec<web_sys::Worker>,
    pending: Rc<RefCell<Pending>>,
    _onmessage: Vec<Closure<dyn FnMut(MessageEvent)>>,
    _onerror: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

/// The run in progress: its id, when it was sent, its spread, and the parts back so far.
#[derive(Default)]
struct Pending {
    id: u32,
    started: f64,
    spread: f64,
    expected: usize,
    parts: Vec<Part>,
}

fn page_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The share of the draws given to the part that also computes the rank ranges, so that both
/// threads finish at about the same time.
const BOUNDS_PART_SHARE: f64 = 0.45;

impl Runner {
    /// Starts the workers; every whole answer (or failure, as a reply with id 0 when the
    /// request is unknown) goes to `on_reply`.
    pub fn start(on_reply: impl Fn(Reply) + 'static) -> Result<Runner, String> {
        let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
        let count = if cores >= 2.0 { 2 } else { 1 };
        let on_reply: Rc<dyn Fn(Reply)> = Rc::new(on_reply);
        let pending: Rc<RefCell<Pending>> = Rc::default();
        let (mut workers, mut onmessage, mut onerror) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..count {
            let worker = web_sys::Worker::new(SCRIPT)
                .map_err(|_| "this browser could not start a background thread".to_string())?;
            let (answer, collect) = (on_reply.clone(), pending.clone());
            let message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let reply = from_message(&e.data()).unwrap_or_else(|e| PartReply {
                    id: 0,
                    result: Err(e),
                });
                let done = {
                    let mut p = collect.borrow_mut();
                    if reply.id != 0 && reply.id != p.id {
                        // An answer to an earlier request: superseded.
                        return;
                    }
                    match reply.result {
                        Err(e) => {
                            p.expected = 0;
                            Some(Reply {
                                id: reply.id,
                                result: Err(e),
                            })
                        }
                        Ok(part) => {
                            p.parts.push(part);
                            (p.expected > 0 && p.parts.len() == p.expected).then(|| {
                                p.expected = 0;
                                let millis = page_now() - p.started;
                                Reply {
                                    id: p.id,
                                    result: summarise(&p.parts, p.spread, millis),
                                }
                            })
                        }
                    }
                };
                if let Some(r) = done {
                    answer(r);
                }
            });
            let failed = on_reply.clone();
            let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                failed(Reply {
                    id: 0,
                    result: Err("the background thread stopped or could not be loaded".into()),
                });
            });
            worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(error.as_ref().unchecked_ref()));
            workers.push(worker);
            onmessage.push(message);
            onerror.push(error);
        }
        Ok(Runner {
            workers,
            pending,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    /// Sends a run, split between the workers; an earlier run's late parts are ignored.
    pub fn post(&self, request: &Request) -> Result<(), String> {
        let count = self.workers.len().max(1);
        let draws = request.draws;
        let split = if count > 1 {
            (f64::from(draws) * BOUNDS_PART_SHARE).round() as u32
        } else {
            draws
        };
        let parts: Vec<Request> = (0..count)
            .map(|k| Request {
                from: if k == 0 { 0 } else { split },
                to: if k == 0 { split } else { draws },
                bounds: k == 0,
                ..request.clone()
            })
            .collect();
        *self.pending.borrow_mut() = Pending {
            id: request.id,
            started: page_now(),
            spread: request.spread,
            expected: parts.len(),
            parts: Vec::new(),
        };
        for (worker, part) in self.workers.iter().zip(&parts) {
            let value = serde_wasm_bindgen::to_value(part).map_err(|e| e.to_string())?;
            worker.post_message(&value).map_err(|_| {
                "the request could not be sent to the background thread".to_string()
            })?;
        }
        Ok(())
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        for w in &self.workers {
            w.terminate();
        }
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
            from: 0,
            to: 300,
            bounds: true,
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
        // Split in two parts, as two workers draw it, the run comes out the same.
        let whole = request(&entry, 0.5);
        let first = Request {
            to: 120,
            ..whole.clone()
        };
        let second = Request {
            from: 120,
            bounds: false,
            ..whole.clone()
        };
        let parts = [
            part(&entry, &first, || 0.0).expect("runs"),
            part(&entry, &second, || 0.0).expect("runs"),
        ];
        assert!(parts[1].bounds.is_none());
        let split = summarise(&parts, 0.5, 0.0).expect("fits");
        assert_eq!(split.units, moved.units);
        assert_eq!((split.draws, split.threads), (300, 2));
        let mut odd = parts[1].clone();
        odd.units += 1;
        assert!(summarise(&[parts[0].clone(), odd], 0.5, 0.0).is_err());
        let mut wrong = request(&entry, 0.5);
        wrong.weights.pop();
        assert!(answer(&entry, &wrong, || 0.0).is_err());
    }
}
