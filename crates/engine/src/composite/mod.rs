//! One generic model for every composite index, and the pipeline that builds it.
//!
//! The GTI module ([`crate::scoring`]) knows pillars and five bands; this one knows the
//! vocabulary of COINr and the JRC-OECD Handbook instead (units, a framework of indicators and
//! aggregates of any depth, indicator metadata, values with provenance, optional bands) so
//! that any index is data: a folder of `data/` read by [`definition`] (the bundled GTI and
//! CSP), the GTI rebuilt from its typed data ([`gti`]), or any COINr index ([`coinr`]). The
//! data live in dense column-major matrices, one per period, because the pipeline recomputes
//! whole indicators at a time and the worldwide view recomputes on every slider movement.

pub mod bands;
pub mod bounds;
pub mod coinr;
pub mod definition;
pub mod error;
pub mod gti;
pub mod hierarchy;
pub mod import;
pub mod model;
pub mod path;
pub mod pipeline;
pub mod rank;
pub mod sensitivity;
pub mod uncertainty;

pub use bands::{BandDef, BandScheme};
pub use bounds::{Bounds, BoundsMethod};
pub use definition::{
    Fallback, Index, IndexData, IndexDefinition, IndexFolder, IndexKind, Layout, PreparedIndex,
    Reform, Standing, Standings,
};
pub use error::{ModelError, PipelineError};
pub use hierarchy::{Hierarchy, Node, NodeKind};
pub use model::{Dataset, Direction, IndicatorMeta, LocalText, Matrix, Table, Unit, Value};
pub use pipeline::aggregate::{AggregateSpec, Coverage, CoverageBasis, Rule};
pub use pipeline::impute::Imputation;
pub use pipeline::normalise::Normalisation;
pub use pipeline::treat::{LogFallback, TreatAction, TreatSpec, Treatment};
pub use pipeline::{NormaliseSpec, Pipeline, Prepared, Results};
pub use rank::{name_order, rank_by_score};
pub use uncertainty::{McCounts, Uncertainty, UnitSpread};
