//! The framework of an index: indicators at level 1, aggregates above them (pillars,
//! sub-indices, the index), each with a weight within its parent. Any depth, validated once.

use std::collections::BTreeMap;

use super::error::ModelError;
use super::model::LocalText;

/// Whether a node holds data or is computed from its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Indicator,
    Aggregate,
}

/// One indicator or aggregate of the framework (a row of COINr's iMeta).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub code: String,
    pub name: LocalText,
    /// 1 for indicators; aggregates sit above their children.
    pub level: u8,
    /// `None` for a top node (the index).
    pub parent: Option<String>,
    /// Weight within the parent; only its ratio to the siblings' weights matters.
    pub weight: f64,
    pub kind: NodeKind,
}

impl Node {
    /// An indicator with an English name equal to its code.
    pub fn indicator(code: &str, parent: &str, weight: f64) -> Node {
        Node {
            code: code.to_string(),
            name: LocalText::en(code),
            level: 1,
            parent: (!parent.is_empty()).then(|| parent.to_string()),
            weight,
            kind: NodeKind::Indicator,
        }
    }

    /// An aggregate; `parent` empty for a top node.
    pub fn aggregate(code: &str, level: u8, parent: &str, weight: f64) -> Node {
        Node {
            code: code.to_string(),
            name: LocalText::en(code),
            level,
            parent: (!parent.is_empty()).then(|| parent.to_string()),
            weight,
            kind: NodeKind::Aggregate,
        }
    }
}

/// A validated framework, with the lookups the pipeline needs precomputed.
#[derive(Debug, Clone, PartialEq)]
pub struct Hierarchy {
    nodes: Vec<Node>,
    index: BTreeMap<String, usize>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    /// Node indices of the indicators, in the order given: the columns of the data matrices.
    indicators: Vec<usize>,
    /// Node index -> indicator column, for indicators.
    column: Vec<Option<usize>>,
    /// Aggregates by increasing level (then in the order given): every child comes first.
    order: Vec<usize>,
    roots: Vec<usize>,
    levels: u8,
}

impl Hierarchy {
    /// Validates `nodes`: unique non-empty codes; parents that exist; indicators at level 1
    /// without children; aggregates above level 1 with at least one child; parents at a higher
    /// level than their children (hence no cycle); weights finite and >= 0.
    pub fn new(nodes: Vec<Node>) -> Result<Hierarchy, ModelError> {
        if nodes.is_empty() {
            return Err(ModelError::EmptyHierarchy);
        }
        let mut index = BTreeMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if n.code.trim().is_empty() {
                return Err(ModelError::EmptyCode);
            }
            if index.insert(n.code.clone(), i).is_some() {
                return Err(ModelError::Duplicate(n.code.clone()));
            }
        }
        let mut parent = vec![None; nodes.len()];
        let mut children = vec![Vec::new(); nodes.len()];
        for (i, n) in nodes.iter().enumerate() {
            if !n.weight.is_finite() || n.weight < 0.0 {
                return Err(ModelError::BadWeight {
                    node: n.code.clone(),
                    weight: n.weight,
                });
            }
            let level_ok = match n.kind {
                NodeKind::Indicator => n.level == 1,
                NodeKind::Aggregate => n.level >= 2,
            };
            if !level_ok {
                return Err(ModelError::WrongLevel {
                    node: n.code.clone(),
                    level: n.level,
                });
            }
            if let Some(p) = &n.parent {
                let Some(&pi) = index.get(p) else {
                    return Err(ModelError::UnknownParent {
                        node: n.code.clone(),
                        parent: p.clone(),
                    });
                };
                parent[i] = Some(pi);
                children[pi].push(i);
            }
        }
        // A cycle is reported as such before the level rule, which would also refuse it but
        // with a less helpful message.
        for start in 0..nodes.len() {
            let mut at = parent[start];
            let mut steps = 0;
            while let Some(p) = at {
                if p == start || steps > nodes.len() {
                    return Err(ModelError::Cycle(nodes[start].code.clone()));
                }
                at = parent[p];
                steps += 1;
            }
        }
        for (i, n) in nodes.iter().enumerate() {
            if let Some(pi) = parent[i] {
                let p = &nodes[pi];
                if p.kind == NodeKind::Indicator {
                    return Err(ModelError::IndicatorWithChildren(p.code.clone()));
                }
                if p.level <= n.level {
                    return Err(ModelError::LevelNotIncreasing {
                        node: n.code.clone(),
                        parent: p.code.clone(),
                    });
                }
            }
            if n.kind == NodeKind::Aggregate && children[i].is_empty() {
                return Err(ModelError::EmptyAggregate(n.code.clone()));
            }
        }
        let indicators: Vec<usize> = (0..nodes.len())
            .filter(|&i| nodes[i].kind == NodeKind::Indicator)
            .collect();
        if indicators.is_empty() {
            return Err(ModelError::EmptyHierarchy);
        }
        let mut column = vec![None; nodes.len()];
        for (c, &i) in indicators.iter().enumerate() {
            column[i] = Some(c);
        }
        let mut order: Vec<usize> = (0..nodes.len())
            .filter(|&i| nodes[i].kind == NodeKind::Aggregate)
            .collect();
        crate::sort::sort_indices(&mut order, &|a, b| {
            (nodes[a].level, a).cmp(&(nodes[b].level, b))
        });
        let roots = (0..nodes.len()).filter(|&i| parent[i].is_none()).collect();
        let levels = nodes.iter().map(|n| n.level).max().unwrap_or(1);
        Ok(Hierarchy {
            nodes,
            index,
            parent,
            children,
            indicators,
            column,
            order,
            roots,
            levels,
        })
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, code: &str) -> Option<&Node> {
        self.index.get(code).map(|&i| &self.nodes[i])
    }

    /// The position of a node in [`Hierarchy::nodes`]: its column in the results.
    pub fn node_index(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    /// The children of a node, in the order given.
    pub fn children(&self, code: &str) -> Vec<&Node> {
        self.node_index(code)
            .map(|i| self.children[i].iter().map(|&c| &self.nodes[c]).collect())
            .unwrap_or_default()
    }

    /// Children as node indices.
    pub fn children_of(&self, node: usize) -> &[usize] {
        self.children.get(node).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The indicators, in the order of the data matrices' columns.
    pub fn indicators(&self) -> impl Iterator<Item = &Node> {
        self.indicators.iter().map(|&i| &self.nodes[i])
    }

    /// Node indices of the indicators, in column order.
    pub fn indicator_nodes(&self) -> &[usize] {
        &self.indicators
    }

    pub fn indicator_count(&self) -> usize {
        self.indicators.len()
    }

    /// The data column of an indicator.
    pub fn indicator_column(&self, code: &str) -> Option<usize> {
        self.node_index(code).and_then(|i| self.column[i])
    }

    /// Aggregates in computation order: each after all of its children.
    pub fn aggregation_order(&self) -> &[usize] {
        &self.order
    }

    /// Nodes without a parent: the index, or several top nodes.
    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    /// The highest level (1 if the framework is indicators only).
    pub fn levels(&self) -> u8 {
        self.levels
    }

    /// The codes from a node up to its top node, the node first.
    pub fn path_to_root(&self, code: &str) -> Vec<&str> {
        let mut path = Vec::new();
        let mut at = self.node_index(code);
        while let Some(i) = at {
            path.push(self.nodes[i].code.as_str());
            at = self.parent[i];
        }
        path
    }

    /// Node weights in node order: what the aggregation step reads.
    pub fn weights(&self) -> Vec<f64> {
        self.nodes.iter().map(|n| n.weight).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn three_levels() -> Vec<Node> {
        vec![
            Node::indicator("a", "P1", 1.0),
            Node::indicator("b", "P1", 2.0),
            Node::indicator("c", "P2", 1.0),
            Node::aggregate("P1", 2, "IDX", 1.0),
            Node::aggregate("P2", 2, "IDX", 1.0),
            Node::aggregate("IDX", 3, "", 1.0),
        ]
    }

    #[test]
    fn helpers_answer_from_the_validated_framework() {
        let h = Hierarchy::new(three_levels()).expect("valid");
        let codes = |v: Vec<&Node>| v.iter().map(|n| n.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(h.children("P1")), vec!["a", "b"]);
        assert_eq!(codes(h.children("IDX")), vec!["P1", "P2"]);
        assert!(h.children("nope").is_empty());
        assert_eq!(
            h.indicators().map(|n| n.code.as_str()).collect::<Vec<_>>(),
            vec!["a", "b", "c"]
        );
        assert_eq!(h.levels(), 3);
        assert_eq!(h.path_to_root("b"), vec!["b", "P1", "IDX"]);
        assert_eq!(h.roots(), &[5]);
        assert_eq!(h.aggregation_order(), &[3, 4, 5]);
        assert_eq!(h.indicator_column("c"), Some(2));
        assert_eq!(h.indicator_column("P1"), None);
    }

    #[test]
    fn several_top_nodes_are_allowed() {
        let h = Hierarchy::new(vec![
            Node::indicator("a", "S1", 1.0),
            Node::indicator("b", "S2", 1.0),
            Node::aggregate("S1", 2, "", 1.0),
            Node::aggregate("S2", 2, "", 1.0),
        ])
        .expect("valid");
        assert_eq!(h.roots().len(), 2);
    }

    #[test]
    fn invalid_frameworks_are_refused_with_a_reason() {
        let err = |nodes: Vec<Node>| Hierarchy::new(nodes).expect_err("invalid");
        assert_eq!(err(vec![]), ModelError::EmptyHierarchy);
        let mut n = three_levels();
        n[1].code = "a".into();
        assert_eq!(err(n), ModelError::Duplicate("a".into()));
        let mut n = three_levels();
        n[2].parent = Some("P9".into());
        assert!(matches!(err(n), ModelError::UnknownParent { .. }));
        let mut n = three_levels();
        n[0].weight = -1.0;
        assert!(matches!(err(n), ModelError::BadWeight { .. }));
        let mut n = three_levels();
        n[0].weight = f64::NAN;
        assert!(matches!(err(n), ModelError::BadWeight { .. }));
        let mut n = three_levels();
        n[4].level = 3;
        assert!(matches!(err(n), ModelError::LevelNotIncreasing { .. }));
        let mut n = three_levels();
        n[2].parent = Some("a".into());
        assert_eq!(err(n), ModelError::IndicatorWithChildren("a".into()));
        let mut n = three_levels();
        n[5].parent = Some("P1".into());
        assert!(matches!(err(n), ModelError::Cycle(_)));
        let mut n = three_levels();
        n.push(Node::aggregate("P3", 2, "IDX", 1.0));
        assert_eq!(err(n), ModelError::EmptyAggregate("P3".into()));
        let mut n = three_levels();
        n[0].level = 2;
        assert!(matches!(err(n), ModelError::WrongLevel { .. }));
    }
}
