//! What the map's colours and shapes mean: the shading classes of % of plan and the four
//! compliance states of a project point.

/// The shading classes, lowest first, with the legend's wording of each range.
pub const SHADES: [(&str, &str); 5] = [
    ("shade-0", "< 25%"),
    ("shade-1", "25–50%"),
    ("shade-2", "50–75%"),
    ("shade-3", "75–100%"),
    ("shade-4", "≥ 100%"),
];

/// The shading class for a % of plan (basis points): five steps, the last 100% and over.
pub fn shade(plan_bp: i64) -> &'static str {
    match plan_bp {
        i64::MIN..=2_499 => SHADES[0].0,
        2_500..=4_999 => SHADES[1].0,
        5_000..=7_499 => SHADES[2].0,
        7_500..=9_999 => SHADES[3].0,
        _ => SHADES[4].0,
    }
}

/// A project point's compliance state as the map draws it: colour and shape both differ, so
/// the states stay apart for colour-blind readers and in black-and-white print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PointState {
    Met,
    AtRisk,
    Breached,
    NoData,
}

impl From<crate::domain::compliance::State> for PointState {
    fn from(s: crate::domain::compliance::State) -> Self {
        use crate::domain::compliance::State;
        match s {
            State::Met => Self::Met,
            State::AtRisk => Self::AtRisk,
            State::Breached => Self::Breached,
            State::NoData => Self::NoData,
        }
    }
}

impl PointState {
    /// Legend order: worst first.
    pub const ALL: [Self; 4] = [Self::Breached, Self::AtRisk, Self::Met, Self::NoData];

    pub fn class(self) -> &'static str {
        match self {
            Self::Met => "point-met",
            Self::AtRisk => "point-risk",
            Self::Breached => "point-breach",
            Self::NoData => "point-none",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Met => "compliance-ok",
            Self::AtRisk => "map-state-at-risk",
            Self::Breached => "map-state-breached",
            Self::NoData => "map-state-no-data",
        }
    }

    /// The marker centred on (x, y), `s` about its radius: circle, triangle, square, diamond.
    pub fn marker(self, x: f64, y: f64, s: f64) -> String {
        let class = self.class();
        match self {
            Self::Met => format!(
                "<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{s:.2}\" class=\"point {class}\"/>"
            ),
            Self::AtRisk => format!(
                "<path d=\"M{:.2} {:.2}L{:.2} {:.2}L{:.2} {:.2}Z\" class=\"point {class}\"/>",
                x,
                y - 1.25 * s,
                x + 1.15 * s,
                y + 0.85 * s,
                x - 1.15 * s,
                y + 0.85 * s
            ),
            Self::Breached => format!(
                "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" class=\"point {class}\"/>",
                x - 0.9 * s,
                y - 0.9 * s,
                1.8 * s,
                1.8 * s
            ),
            Self::NoData => format!(
                "<path d=\"M{x:.2} {:.2}L{:.2} {y:.2}L{x:.2} {:.2}L{:.2} {y:.2}Z\" class=\"point {class}\"/>",
                y - 1.1 * s,
                x + 1.1 * s,
                y + 1.1 * s,
                x - 1.1 * s
            ),
        }
    }

    /// The marker alone, for a legend beside the map.
    pub fn legend_marker(self) -> String {
        format!(
            "<svg class=\"marker\" viewBox=\"-7 -7 14 14\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">{}</svg>",
            // Not "point": a legend entry is not a point on the map.
            self.marker(0.0, 0.0, 4.5)
                .replace("class=\"point ", "class=\"key ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_point_state_has_its_own_shape() {
        let shapes: std::collections::HashSet<String> = PointState::ALL
            .iter()
            .map(|s| {
                s.marker(0.0, 0.0, 1.0)
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .to_owned()
                    + s.class()
            })
            .collect();
        assert_eq!(shapes.len(), 4);
        assert!(PointState::Met.marker(0.0, 0.0, 1.0).starts_with("<circle"));
        assert!(
            PointState::Breached
                .marker(0.0, 0.0, 1.0)
                .starts_with("<rect")
        );
    }
}
