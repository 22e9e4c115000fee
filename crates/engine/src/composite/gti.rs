//! The GTI expressed in the generic model: seven band-valued indicators under one index, the
//! GTI band scheme, and each pillar band's provenance. With [`Pipeline::band_midpoints`] it
//! scores exactly as [`crate::GtiModel`] does.
//!
//! [`Pipeline::band_midpoints`]: super::pipeline::Pipeline::band_midpoints

use std::collections::BTreeMap;

use super::bands::BandScheme;
use super::error::ModelError;
use super::hierarchy::{Hierarchy, Node, NodeKind};
use super::model::{Dataset, LocalText, Unit, Value};
use crate::data::Gti;

/// The code of the GTI's top node.
pub const INDEX: &str = "GTI";
/// The GTI 2025 edition's period.
pub const PERIOD: i32 = 2025;

/// Builds the GTI data set from the bundled data: pillars as indicators (official weights),
/// pillar bands as band values with their provenance.
pub fn dataset(gti: &Gti) -> Result<Dataset, ModelError> {
    let mut nodes: Vec<Node> = gti
        .pillars
        .iter()
        .map(|p| Node {
            code: p.id.clone(),
            name: LocalText::en(&p.name_en),
            level: 1,
            parent: Some(INDEX.to_string()),
            weight: p.default_weight,
            kind: NodeKind::Indicator,
        })
        .collect();
    nodes.push(Node {
        code: INDEX.to_string(),
        name: LocalText::en("Global Torture Index"),
        level: 2,
        parent: None,
        weight: 1.0,
        kind: NodeKind::Aggregate,
    });
    let hierarchy = Hierarchy::new(nodes)?;
    let units = gti
        .countries
        .iter()
        .map(|c| Unit {
            code: c.iso3.clone(),
            name: LocalText::en(&c.name_en),
            groups: BTreeMap::new(),
        })
        .collect();
    let mut data = Dataset::new(
        units,
        hierarchy,
        BTreeMap::new(),
        Vec::new(),
        Some(BandScheme::gti()),
        vec![PERIOD],
    )?;
    for c in &gti.countries {
        for (p, band) in gti.pillars.iter().zip(&c.pillars) {
            if let Some(b) = band {
                let value = Value::Band(b.value.index());
                data.set(PERIOD, &c.iso3, &p.id, value, Some(b.provenance.clone()))?;
            }
        }
    }
    Ok(data)
}
