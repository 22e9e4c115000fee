//! The geometry charts share: value ranges rounded outward, linear scales, grid ticks, direct
//! labels spread so none overlap, and line paths broken at gaps.

/// The range of `values` widened to multiples of 50 (never empty); `(0, 1)` without values.
pub fn nice_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let lo = (lo / 50.0).floor() * 50.0;
    let hi = (hi / 50.0).ceil() * 50.0;
    if hi > lo {
        (lo, hi)
    } else {
        (lo - 50.0, hi + 50.0)
    }
}

/// A linear map from the domain `[d0, d1]` onto the range `[r0, r1]` (either may run backwards,
/// as a y axis does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn at(&self, v: f64) -> f64 {
        self.r0 + (self.r1 - self.r0) * (v - self.d0) / (self.d1 - self.d0)
    }
}

/// Grid values from `lo` to `hi`: every 50 over a wide range, every 25 otherwise.
pub fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let step = if hi - lo > 200.0 { 50.0 } else { 25.0 };
    let mut t = lo;
    let mut out = Vec::new();
    while t <= hi + 1e-9 {
        out.push(t);
        t += step;
    }
    out
}

/// Label positions `(item, y)` pushed down, in order of `y`, until each is at least `gap`
/// below the one above.
pub fn spread_labels(mut ys: Vec<(usize, f64)>, gap: f64) -> Vec<(usize, f64)> {
    engine::sort::sort_by(&mut ys, |a, b| a.1.total_cmp(&b.1));
    for i in 1..ys.len() {
        if ys[i].1 - ys[i - 1].1 < gap {
            ys[i].1 = ys[i - 1].1 + gap;
        }
    }
    ys
}

/// An SVG path through the known points, lifting the pen at every gap.
pub fn gap_path(
    values: &[Option<f64>],
    x: impl Fn(usize) -> f64,
    y: impl Fn(f64) -> f64,
) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                d.push_str(&format!(
                    "{}{:.1},{:.1} ",
                    if pen_down { "L" } else { "M" },
                    x(i),
                    y(*v)
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_round_outward_to_fifty() {
        assert_eq!(nice_range([12.0, 180.0].into_iter()), (0.0, 200.0));
        assert_eq!(nice_range([-30.0, 20.0].into_iter()), (-50.0, 50.0));
        assert_eq!(nice_range([50.0].into_iter()), (0.0, 100.0));
        assert_eq!(nice_range(std::iter::empty()), (0.0, 1.0));
    }

    #[test]
    fn a_y_scale_runs_downwards() {
        let y = Linear {
            d0: 0.0,
            d1: 100.0,
            r0: 200.0,
            r1: 0.0,
        };
        assert_eq!(y.at(0.0), 200.0);
        assert_eq!(y.at(100.0), 0.0);
        assert_eq!(y.at(25.0), 150.0);
    }

    #[test]
    fn ticks_step_by_range() {
        assert_eq!(ticks(0.0, 100.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(-100.0, 150.0).len(), 6);
    }

    #[test]
    fn labels_never_overlap() {
        let out = spread_labels(vec![(0, 10.0), (1, 5.0), (2, 12.0)], 13.0);
        assert_eq!(out, vec![(1, 5.0), (0, 18.0), (2, 31.0)]);
    }

    #[test]
    fn paths_break_at_gaps() {
        let d = gap_path(
            &[Some(1.0), Some(2.0), None, Some(3.0)],
            |i| i as f64,
            |v| v * 10.0,
        );
        assert_eq!(d, "M0.0,10.0 L1.0,20.0 M3.0,30.0 ");
    }
}
