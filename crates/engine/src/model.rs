//! The vocabulary of the indices: risk bands, transparency ratings, sources and the confidence
//! the project places in each value.

use std::fmt;

/// One of the Global Torture Index's five risk bands, from the highest risk to the lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    VeryHigh,
    High,
    Considerable,
    Moderate,
    Low,
}

impl Band {
    /// Highest risk first.
    pub const ALL: [Band; 5] = [
        Band::VeryHigh,
        Band::High,
        Band::Considerable,
        Band::Moderate,
        Band::Low,
    ];

    /// The spelling used in the data files and by OMCT.
    pub fn label(self) -> &'static str {
        match self {
            Band::VeryHigh => "Very High",
            Band::High => "High",
            Band::Considerable => "Considerable",
            Band::Moderate => "Moderate",
            Band::Low => "Low",
        }
    }

    /// A stable identifier for URLs, CSS classes and message keys.
    pub fn slug(self) -> &'static str {
        match self {
            Band::VeryHigh => "very-high",
            Band::High => "high",
            Band::Considerable => "considerable",
            Band::Moderate => "moderate",
            Band::Low => "low",
        }
    }

    pub fn parse(text: &str) -> Option<Band> {
        Band::ALL
            .into_iter()
            .find(|b| b.label().eq_ignore_ascii_case(text.trim()) || b.slug() == text.trim())
    }

    /// 0 for Very High up to 4 for Low.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<Band> {
        Band::ALL.get(i).copied()
    }

    /// The next band with lower risk, if any.
    pub fn better(self) -> Option<Band> {
        Band::from_index(self.index() + 1)
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// OMCT's rating of access to information, from the most closed to the most open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Transparency {
    Suppressive,
    Concealed,
    Circumscribed,
    Accessible,
    Transparent,
}

impl Transparency {
    pub const ALL: [Transparency; 5] = [
        Transparency::Suppressive,
        Transparency::Concealed,
        Transparency::Circumscribed,
        Transparency::Accessible,
        Transparency::Transparent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Transparency::Suppressive => "Suppressive",
            Transparency::Concealed => "Concealed",
            Transparency::Circumscribed => "Circumscribed",
            Transparency::Accessible => "Accessible",
            Transparency::Transparent => "Transparent",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Transparency::Suppressive => "suppressive",
            Transparency::Concealed => "concealed",
            Transparency::Circumscribed => "circumscribed",
            Transparency::Accessible => "accessible",
            Transparency::Transparent => "transparent",
        }
    }

    pub fn parse(text: &str) -> Option<Transparency> {
        Transparency::ALL
            .into_iter()
            .find(|t| t.label().eq_ignore_ascii_case(text.trim()))
    }
}

/// How much the project trusts a value (see data/README.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// Published by the index's own authors.
    Primary,
    /// A press or partner report quoting the index.
    Secondary,
    /// The project's reading of ambiguous wording in a secondary source.
    Inferred,
}

impl Confidence {
    pub fn parse(text: &str) -> Option<Confidence> {
        match text.trim() {
            "primary" => Some(Confidence::Primary),
            "secondary" => Some(Confidence::Secondary),
            "inferred" => Some(Confidence::Inferred),
            _ => None,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Confidence::Primary => "primary",
            Confidence::Secondary => "secondary",
            Confidence::Inferred => "inferred",
        }
    }
}

/// Whether a row is the value the app uses, a disagreeing claim shown beside it, or a value
/// known to exist that no source we hold gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Used,
    Alternative,
    Missing,
}

impl Status {
    pub fn parse(text: &str) -> Option<Status> {
        match text.trim() {
            "used" => Some(Status::Used),
            "alternative" => Some(Status::Alternative),
            "missing" => Some(Status::Missing),
            _ => None,
        }
    }
}

/// A publication the data comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// `None` where the project's notes name the outlet but not the address.
    pub url: Option<String>,
    /// Primary (the index's authors) or secondary (press, partners).
    pub kind: Confidence,
    pub language: String,
    pub note: Option<String>,
}

/// Where a value comes from and how far to trust it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Provenance {
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

/// A value with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Attested<T> {
    pub value: T,
    pub provenance: Provenance,
}

/// ISO 3166-1 alpha-3 codes (officially assigned), for validating the data files.
const ISO3: &str = "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN \
BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV \
CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP \
EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM \
GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM \
KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD \
MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU \
NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP \
SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK \
TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM \
YEM ZAF ZMB ZWE";

/// Whether `code` is an officially assigned ISO 3166-1 alpha-3 code.
pub fn is_iso3(code: &str) -> bool {
    // `ISO3` is sorted, one space between codes: a binary search over its 4-byte slots (the
    // data's loading checks every row's code, in wasm at a page's start).
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let list = ISO3.as_bytes();
    let (mut lo, mut hi) = (0, list.len().div_ceil(4));
    while lo < hi {
        let mid = (lo + hi) / 2;
        match list[mid * 4..mid * 4 + 3].cmp(code.as_bytes()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn bands_parse_and_order() {
        for b in Band::ALL {
            assert_eq!(Band::parse(b.label()), Some(b));
            assert_eq!(Band::parse(b.slug()), Some(b));
            assert_eq!(Band::from_index(b.index()), Some(b));
        }
        assert!(Band::VeryHigh < Band::Low);
        assert_eq!(Band::High.better(), Some(Band::Considerable));
        assert_eq!(Band::Low.better(), None);
        assert_eq!(Band::parse("Extreme"), None);
    }

    #[test]
    fn iso3_codes() {
        assert!(is_iso3("KGZ"));
        assert!(is_iso3("COD"));
        assert!(!is_iso3("XKK"));
        assert!(!is_iso3("kgz"));
        assert!(!is_iso3("KG"));
        assert_eq!(ISO3.split_ascii_whitespace().count(), 249);
        // The search relies on the list's form: sorted, three letters and one space each.
        let codes: Vec<&str> = ISO3.split(' ').collect();
        assert!(codes.iter().all(|c| c.len() == 3));
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert!(codes.iter().all(|c| is_iso3(c)));
    }
}
