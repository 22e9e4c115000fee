//! Typed errors of the composite model: a framework or data set that fails validation, and a
//! pipeline that cannot run on the data it is given.

use std::fmt;

use crate::error::DataError;

/// Why a hierarchy, band scheme or data set is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// A hierarchy with no node.
    EmptyHierarchy,
    /// A node, unit or band with an empty code.
    EmptyCode,
    /// A code used twice where codes must be unique.
    Duplicate(String),
    /// A node names a parent that is not in the hierarchy.
    UnknownParent { node: String, parent: String },
    /// An indicator is the parent of another node.
    IndicatorWithChildren(String),
    /// An aggregate with no child: it could never be computed.
    EmptyAggregate(String),
    /// Indicators sit at level 1 and aggregates above it.
    WrongLevel { node: String, level: u8 },
    /// A parent's level is not above its child's.
    LevelNotIncreasing { node: String, parent: String },
    /// Following parents from this node comes back to it.
    Cycle(String),
    /// A weight is NaN, infinite or negative.
    BadWeight { node: String, weight: f64 },
    /// A band scheme with no band, bounds that do not increase, or a top below the last bound.
    BadBands,
    /// A code that the data set does not know (unit, indicator, denominator, period).
    Unknown(String),
    /// A band value outside the band scheme, or a band value without a scheme.
    BandOutOfScheme { indicator: String, band: usize },
    /// A number that is NaN or infinite (write `Value::Missing` instead).
    NotFinite { indicator: String },
    /// Indicator metadata that cannot be used (goalposts equal or not finite, unknown denominator).
    BadMeta {
        indicator: String,
        reason: &'static str,
    },
    /// A problem in an imported CSV table, located by file, row and field.
    Csv(DataError),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyHierarchy => write!(f, "the framework has no indicator"),
            Self::EmptyCode => write!(f, "a code is empty"),
            Self::Duplicate(c) => write!(f, "`{c}` appears more than once"),
            Self::UnknownParent { node, parent } => {
                write!(
                    f,
                    "`{node}` names the parent `{parent}`, which is not in the framework"
                )
            }
            Self::IndicatorWithChildren(c) => write!(f, "indicator `{c}` has children"),
            Self::EmptyAggregate(c) => write!(f, "aggregate `{c}` has no children"),
            Self::WrongLevel { node, level } => write!(
                f,
                "`{node}` is at level {level}: indicators are at level 1, aggregates above"
            ),
            Self::LevelNotIncreasing { node, parent } => {
                write!(
                    f,
                    "parent `{parent}` is not at a higher level than `{node}`"
                )
            }
            Self::Cycle(c) => write!(f, "the parents of `{c}` lead back to it"),
            Self::BadWeight { node, weight } => {
                write!(
                    f,
                    "the weight of `{node}` ({weight}) is not a finite number >= 0"
                )
            }
            Self::BadBands => write!(
                f,
                "the band scheme needs at least one band, increasing bounds and a top above them"
            ),
            Self::Unknown(c) => write!(f, "`{c}` is not known to this data set"),
            Self::BandOutOfScheme { indicator, band } => {
                write!(f, "band {band} of `{indicator}` is not in the band scheme")
            }
            Self::NotFinite { indicator } => {
                write!(f, "a value of `{indicator}` is not a finite number")
            }
            Self::BadMeta { indicator, reason } => write!(f, "`{indicator}`: {reason}"),
            Self::Csv(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ModelError {}

impl From<DataError> for ModelError {
    fn from(e: DataError) -> Self {
        ModelError::Csv(e)
    }
}

/// Why a pipeline cannot run on a data set.
#[derive(Debug, Clone, PartialEq)]
pub enum PipelineError {
    /// The data set has no table for this period.
    UnknownPeriod(i32),
    /// Group imputation names a group column no unit has.
    UnknownGroup(String),
    /// A band value reached a step that needs numbers: only band-to-midpoint normalisation
    /// turns bands into scores.
    BandValue {
        step: &'static str,
        indicator: String,
    },
    /// A parameter out of its range (a share outside 0-1, an empty output range ...).
    BadParameter {
        step: &'static str,
        reason: &'static str,
    },
    /// Goalpost normalisation of an indicator that has no goalposts.
    NoGoalposts(String),
    /// Weight overrides: wrong count, or a weight that is NaN, infinite or negative.
    BadWeights,
    /// The data set itself is inconsistent.
    Model(ModelError),
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownPeriod(p) => write!(f, "the data set has no period {p}"),
            Self::UnknownGroup(g) => write!(f, "no unit has a group `{g}`"),
            Self::BandValue { step, indicator } => write!(
                f,
                "`{indicator}` holds bands, which {step} cannot use: normalise them to midpoints"
            ),
            Self::BadParameter { step, reason } => write!(f, "{step}: {reason}"),
            Self::NoGoalposts(c) => write!(f, "`{c}` has no goalposts in its metadata"),
            Self::BadWeights => write!(
                f,
                "weights must be one finite number >= 0 per node of the framework"
            ),
            Self::Model(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for PipelineError {}

impl From<ModelError> for PipelineError {
    fn from(e: ModelError) -> Self {
        PipelineError::Model(e)
    }
}
