//! Typed errors: data that fails validation, and weights the engine refuses to score with.

use std::fmt;

/// A problem in a bundled data file, located precisely enough to fix it by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub file: String,
    /// 1-based line number in the file.
    pub row: usize,
    pub field: String,
    pub kind: DataErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DataErrorKind {
    NoHeader,
    MissingColumn,
    Empty,
    BadQuote,
    UnclosedQuote,
    TooManyFields {
        expected: usize,
        found: usize,
    },
    Duplicate(String),
    NotIso3(String),
    UnknownCountry(String),
    UnknownSource(String),
    UnknownMeasure(String),
    NotABand(String),
    NotATransparencyRating(String),
    NotAConfidence(String),
    NotAStatus(String),
    NotANumber(String),
    /// Neither a number nor a band of the index's scheme (by label or slug).
    NotANumberOrBand {
        value: String,
        scheme: String,
    },
    NotAYear(String),
    /// A JSON file that does not parse, or not in the expected shape (what is wrong).
    NotJson(String),
    ValueWithMissingStatus,
    NoUsedValue,
    /// A key an index definition (`index.csv`) requires is absent.
    MissingKey,
    /// A key that the definition format does not have.
    UnknownKey(String),
    /// A word outside a closed list (`expected` lists the allowed words).
    NotOneOf {
        value: String,
        expected: &'static str,
    },
    /// A number outside its allowed range (`range` says which).
    OutOfRange {
        value: String,
        range: &'static str,
    },
    /// A definition names a file its folder does not have.
    UnknownFile(String),
    /// A definition names a band scheme that `bands.csv` does not define.
    UnknownScheme(String),
    /// A band scheme that cannot be used (bands that overlap, leave a gap or run backwards).
    BadBands(String),
    /// A framework (`framework.csv`) that cannot be built: the reason, in words.
    Framework(String),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, row {}", self.file, self.row)?;
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl fmt::Display for DataErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoHeader => write!(f, "the file has no header row"),
            Self::MissingColumn => write!(f, "the column is missing"),
            Self::Empty => write!(f, "a value is required"),
            Self::BadQuote => write!(f, "a quote inside an unquoted field"),
            Self::UnclosedQuote => write!(f, "a quoted field is never closed"),
            Self::TooManyFields { expected, found } => {
                write!(f, "{found} fields where the header has {expected}")
            }
            Self::Duplicate(v) => write!(f, "`{v}` appears more than once"),
            Self::NotIso3(v) => write!(f, "`{v}` is not an ISO 3166-1 alpha-3 code"),
            Self::UnknownCountry(v) => write!(f, "`{v}` is not a country of this index"),
            Self::UnknownSource(v) => write!(f, "`{v}` is not a source id in data/sources.csv"),
            Self::UnknownMeasure(v) => write!(f, "`{v}` is not a measure of this index"),
            Self::NotABand(v) => write!(f, "`{v}` is not a risk band"),
            Self::NotATransparencyRating(v) => write!(f, "`{v}` is not a transparency rating"),
            Self::NotAConfidence(v) => {
                write!(
                    f,
                    "`{v}` is not a confidence (primary, secondary, inferred)"
                )
            }
            Self::NotAStatus(v) => write!(f, "`{v}` is not a status (used, alternative, missing)"),
            Self::NotANumber(v) => write!(f, "`{v}` is not a number"),
            Self::NotANumberOrBand { value, scheme } => write!(
                f,
                "`{value}` is neither a number nor a band of the scheme `{scheme}`"
            ),
            Self::NotAYear(v) => write!(f, "`{v}` is not a year of this index"),
            Self::NotJson(what) => write!(f, "{what}"),
            Self::ValueWithMissingStatus => write!(f, "a missing value must have an empty value"),
            Self::NoUsedValue => write!(f, "an alternative value needs a used or missing value"),
            Self::MissingKey => write!(f, "the key is required"),
            Self::UnknownKey(k) => write!(f, "`{k}` is not a key of the definition format"),
            Self::NotOneOf { value, expected } => {
                write!(f, "`{value}` is not one of: {expected}")
            }
            Self::OutOfRange { value, range } => write!(f, "`{value}` is not {range}"),
            Self::UnknownFile(v) => write!(f, "`{v}` is not a file of this index's folder"),
            Self::UnknownScheme(v) => write!(f, "`{v}` is not a band scheme in bands.csv"),
            Self::BadBands(why) => write!(f, "the band scheme cannot be used: {why}"),
            Self::Framework(why) => write!(f, "the framework cannot be built: {why}"),
        }
    }
}

impl std::error::Error for DataError {}

/// Why a set of weights cannot be scored with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WeightError {
    /// The number of weights differs from the number of pillars.
    WrongCount { expected: usize, found: usize },
    /// A weight is NaN or infinite (0-based pillar position).
    NotFinite { pillar: usize },
    /// A weight is negative.
    Negative { pillar: usize },
    /// Every weight is zero: nothing to aggregate.
    AllZero,
}

impl fmt::Display for WeightError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongCount { expected, found } => {
                write!(f, "{found} weights given for {expected} pillars")
            }
            Self::NotFinite { pillar } => write!(f, "weight {} is not a finite number", pillar + 1),
            Self::Negative { pillar } => write!(f, "weight {} is negative", pillar + 1),
            Self::AllZero => write!(f, "all weights are zero"),
        }
    }
}

impl std::error::Error for WeightError {}
