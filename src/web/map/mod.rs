//! The map of Kazakhstan as server-rendered SVG: regions shaded by % of plan, each a link and
//! each labelled with its name and value; project points by compliance state, each state with
//! its own shape as well as colour. No tiles, no script.

mod frame;
mod states;

use std::collections::HashMap;
use std::fmt::Write;

use chrono::NaiveDate;

use super::chart::escape;
use crate::domain::figures::Figures;
use crate::i18n::{Arg, I18n};
use frame::{CALLOUTS, FONT, NATIONAL_VIEW};
pub use frame::{HEIGHT, Shape, WIDTH, frame, frame_2022_from, project};
pub use states::{PointState, SHADES, shade};

/// What the map writes on a region.
pub struct RegionLabel {
    pub code: String,
    /// The name as short as it stays unambiguous ("Akmola", not "Akmola Region").
    pub name: String,
    /// % of plan, or a dash without a plan.
    pub value: String,
    pub shade: &'static str,
    pub href: String,
    /// Full name and value: the link's accessible name and its tooltip.
    pub description: String,
}

/// What each region of the frame shows: short name, % of plan (a dash without a plan), shade,
/// and where a click goes — zoom in, or on the zoomed region its own page.
pub fn region_labels(
    shapes: &[Shape],
    full_name: impl Fn(&str) -> String,
    figures: &[Figures],
    zoomed: &str,
    as_of: NaiveDate,
    i18n: &I18n,
) -> Vec<RegionLabel> {
    let full: Vec<(String, String)> = shapes
        .iter()
        .map(|s| (s.code.clone(), full_name(&s.code)))
        .collect();
    let short = short_names(&full);
    let by_code: HashMap<&str, &Figures> = figures.iter().map(|f| (f.code.as_str(), f)).collect();
    full.into_iter()
        .map(|(code, name)| {
            let planned = by_code.get(code.as_str()).filter(|f| f.planned_jobs > 0);
            let value = planned.map_or_else(|| "—".to_owned(), |f| i18n.percent(f.plan_bp()));
            let description = match planned {
                Some(_) => i18n.t_with(
                    "map-region-value",
                    &[
                        ("name", Arg::Text(name.clone())),
                        ("value", Arg::Text(value.clone())),
                    ],
                ),
                None => format!("{name}: {}", i18n.t("map-no-plan")),
            };
            RegionLabel {
                name: short.get(&code).cloned().unwrap_or(name),
                value,
                shade: planned.map_or("shade-none", |f| shade(f.plan_bp())),
                href: if code == zoomed {
                    format!("/regions/{code}?as_of={as_of}")
                } else {
                    format!("/map?as_of={as_of}&region={code}")
                },
                description,
                code,
            }
        })
        .collect()
}

/// A project on the map.
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    pub state: PointState,
    pub href: String,
    pub title: String,
}

/// A project as the page hands it over: where (if known), in which state, and its link.
pub struct PointInput {
    pub latitude_e6: Option<i32>,
    pub longitude_e6: Option<i32>,
    pub state: PointState,
    pub href: String,
    pub title: String,
}

/// The points of the projects that have coordinates, and how many of each state are drawn,
/// in legend order.
pub fn points(
    projects: impl Iterator<Item = PointInput>,
) -> (Vec<MapPoint>, Vec<(PointState, usize)>) {
    let mut counts: HashMap<PointState, usize> = HashMap::new();
    let drawn: Vec<MapPoint> = projects
        .filter_map(|p| {
            let (x, y) = project(
                f64::from(p.latitude_e6?) / 1e6,
                f64::from(p.longitude_e6?) / 1e6,
            );
            *counts.entry(p.state).or_default() += 1;
            Some(MapPoint {
                x,
                y,
                state: p.state,
                href: p.href,
                title: p.title,
            })
        })
        .collect();
    let counts = PointState::ALL
        .iter()
        .map(|s| (*s, counts.get(s).copied().unwrap_or(0)))
        .collect();
    (drawn, counts)
}

/// Region names without the generic word ("Region", "облысы", "область", "город", "қаласы")
/// and without a parenthesis, unless two would then read the same (Almaty city and region).
pub fn short_names(full: &[(String, String)]) -> HashMap<String, String> {
    const GENERIC: [&str; 6] = [
        " Region",
        " облысы",
        " қаласы",
        " область",
        "область ",
        "город ",
    ];
    let trimmed: Vec<(String, String, String)> = full
        .iter()
        .map(|(code, name)| {
            let plain = name.split(" (").next().unwrap_or(name).trim().to_owned();
            let mut short = plain.clone();
            for g in GENERIC {
                short = short.replace(g, "");
            }
            (code.clone(), plain, short.trim().to_owned())
        })
        .collect();
    trimmed
        .iter()
        .map(|(code, plain, short)| {
            let clash = trimmed.iter().filter(|(_, _, s)| s == short).count() > 1;
            (
                code.clone(),
                if clash || short.is_empty() {
                    plain.clone()
                } else {
                    short.clone()
                },
            )
        })
        .collect()
}

/// Lines of at most about `width` characters, broken at spaces and after hyphens.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let mut rest = word;
        while let Some(i) = rest.find('-').filter(|i| i + 1 < rest.len()) {
            pieces.push(rest[..=i].to_owned());
            rest = &rest[i + 1..];
        }
        pieces.push(rest.to_owned());
    }
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        match lines.last_mut() {
            Some(line) if line.chars().count() + piece.chars().count() < width => {
                if !line.ends_with('-') {
                    line.push(' ');
                }
                line.push_str(&piece);
            }
            _ => lines.push(piece),
        }
    }
    lines
}

/// The picture's box: the country, or the chosen region's box with a margin, widened to the
/// country's proportions so the picture keeps its size on the page.
fn view_box(zoom: Option<&Shape>) -> [f64; 4] {
    let Some(s) = zoom else {
        return NATIONAL_VIEW;
    };
    let aspect = NATIONAL_VIEW[2] / NATIONAL_VIEW[3];
    let [x0, y0, x1, y1] = s.bbox;
    let (mut w, mut h) = ((x1 - x0).max(4.0) * 1.2, (y1 - y0).max(4.0) * 1.2);
    if w / h < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    [(x0 + x1 - w) / 2.0, (y0 + y1 - h) / 2.0, w, h]
}

fn label(out: &mut String, x: f64, y: f64, code: &str, name: &str, value: &str, font: f64) {
    let lines = wrap(name, 13);
    let top = y - (lines.len() as f64) * font * 1.05 / 2.0 + font * 0.35;
    let _ = write!(
        out,
        "<text x=\"{x:.1}\" y=\"{top:.1}\" class=\"map-label\" data-code=\"{code}\" text-anchor=\"middle\">"
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { font * 1.05 };
        let _ = write!(
            out,
            "<tspan x=\"{x:.1}\" dy=\"{dy:.2}\">{}</tspan>",
            escape(line)
        );
    }
    let _ = write!(
        out,
        "<tspan x=\"{x:.1}\" dy=\"{:.2}\" class=\"map-value\">{}</tspan></text>",
        font * 1.1,
        escape(value)
    );
}

/// The whole map: regions as links inside a labelled group (never links inside `role="img"`),
/// then the points, then every region's name and value on top, with callouts for the three
/// cities.
pub fn svg(
    shapes: &[Shape],
    labels: &[RegionLabel],
    points: &[MapPoint],
    zoom: Option<&str>,
    title: &str,
) -> String {
    let zoomed = zoom.and_then(|code| shapes.iter().find(|s| s.code == code));
    let vb = view_box(zoomed);
    // Everything drawn in map units scales with the box, so text and points keep their size.
    let k = vb[2] / NATIONAL_VIEW[2];
    let font = FONT * k;
    let by_code: HashMap<&str, &RegionLabel> =
        labels.iter().map(|l| (l.code.as_str(), l)).collect();
    let mut out = format!(
        "<svg viewBox=\"{:.2} {:.2} {:.2} {:.2}\" role=\"group\" aria-labelledby=\"map-title\" class=\"map-svg\" font-size=\"{font:.2}\">\
         <title id=\"map-title\">{}</title>\
         <defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"{:.2}\" height=\"{:.2}\" patternTransform=\"rotate(45)\">\
         <rect width=\"{:.2}\" height=\"{:.2}\" fill=\"#f2f2f2\"/><rect width=\"{:.2}\" height=\"{:.2}\" fill=\"#a8a8a8\"/></pattern></defs>\
         <g class=\"regions\">",
        vb[0],
        vb[1],
        vb[2],
        vb[3],
        escape(title),
        6.0 * k,
        6.0 * k,
        6.0 * k,
        6.0 * k,
        1.6 * k,
        6.0 * k,
    );
    for s in shapes {
        let Some(l) = by_code.get(s.code.as_str()) else {
            continue;
        };
        let state = match zoom {
            Some(code) if code == s.code => " selected",
            Some(_) => " context",
            None => "",
        };
        let _ = write!(
            out,
            "<a href=\"{}\" aria-label=\"{}\"><path d=\"{}\" class=\"region {}{state}\"><title>{}</title></path></a>",
            escape(&l.href),
            escape(&l.description),
            s.path,
            l.shade,
            escape(&l.description)
        );
    }
    out.push_str("</g>");
    // Points are links for mouse users only: the list beside the map and the region pages
    // carry the same links, so keyboard and screen-reader users are not made to step
    // through hundreds of dots.
    let size = if zoomed.is_some() { 4.0 } else { 3.0 } * k;
    let _ = write!(
        out,
        "<g class=\"points\" aria-hidden=\"true\" stroke-width=\"{:.2}\">",
        0.9 * k
    );
    for p in points {
        let _ = write!(
            out,
            "<a href=\"{}\" tabindex=\"-1\"><title>{}</title>{}</a>",
            escape(&p.href),
            escape(&p.title),
            p.state.marker(p.x, p.y, size)
        );
    }
    out.push_str("</g>");
    let _ = write!(
        out,
        "<g class=\"labels\" aria-hidden=\"true\" stroke-width=\"{:.2}\">",
        3.0 * k
    );
    let [vx, vy, vw, vh] = vb;
    // A neighbour's label only where it can be read whole.
    let visible = |[x, y]: [f64; 2]| {
        x > vx + vw * 0.08 && x < vx + vw * 0.92 && y > vy + vh * 0.05 && y < vy + vh * 0.95
    };
    for s in shapes {
        let Some(l) = by_code.get(s.code.as_str()) else {
            continue;
        };
        let callout = CALLOUTS.iter().find(|(c, _, _)| *c == s.code);
        match (callout, zoomed) {
            (Some((_, cx, cy)), None) => {
                let [x, y] = s.label_at;
                let r = 7.0;
                let _ = write!(
                    out,
                    "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{cx:.1}\" y2=\"{cy:.1}\" class=\"leader\"/>\
                     <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.6\" class=\"city-mark {}\"/>\
                     <circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r}\" class=\"city-mark {}\"/>",
                    l.shade, l.shade
                );
                let name_x = cx + r + 3.0;
                let _ = write!(
                    out,
                    "<text x=\"{name_x:.1}\" y=\"{:.1}\" class=\"map-label\" data-code=\"{}\" text-anchor=\"start\">{} <tspan class=\"map-value\">{}</tspan></text>",
                    cy + font * 0.35,
                    s.code,
                    escape(&l.name),
                    escape(&l.value)
                );
            }
            _ if visible(s.label_at) => {
                let [x, y] = s.label_at;
                label(&mut out, x, y, &s.code, &l.name, &l.value, font);
            }
            _ => {}
        }
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn short_names_drop_the_generic_word_unless_two_would_clash() {
        let names = |pairs: &[(&str, &str)]| {
            short_names(
                &pairs
                    .iter()
                    .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
                    .collect::<Vec<_>>(),
            )
        };
        let kk = names(&[
            ("19", "Алматы облысы"),
            ("75", "Алматы қаласы"),
            ("71", "Астана қаласы"),
        ]);
        assert_eq!(kk["19"], "Алматы облысы");
        assert_eq!(kk["75"], "Алматы қаласы");
        assert_eq!(kk["71"], "Астана");
        let en = names(&[
            ("71", "Astana (Nur-Sultan 2019-2022)"),
            ("27", "West Kazakhstan Region"),
        ]);
        assert_eq!(en["71"], "Astana");
        assert_eq!(en["27"], "West Kazakhstan");
        assert_eq!(names(&[("10", "область Абай")])["10"], "Абай");
    }

    #[test]
    fn long_names_wrap_at_spaces_and_hyphens() {
        assert_eq!(
            wrap("Западно-Казахстанская", 13),
            ["Западно-", "Казахстанская"]
        );
        assert_eq!(wrap("West Kazakhstan", 13), ["West", "Kazakhstan"]);
        assert_eq!(wrap("Akmola", 13), ["Akmola"]);
        assert_eq!(wrap("Батыс Қазақстан", 13), ["Батыс", "Қазақстан"]);
    }

    #[test]
    fn a_zoomed_map_frames_the_region_in_the_country_proportions() {
        let d = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        let s = frame(d).iter().find(|s| s.code == "75").expect("Almaty");
        let [x, y, w, h] = view_box(Some(s));
        assert!(x <= s.bbox[0] && y <= s.bbox[1] && x + w >= s.bbox[2] && y + h >= s.bbox[3]);
        assert!((w / h - NATIONAL_VIEW[2] / NATIONAL_VIEW[3]).abs() < 1e-9);
        assert!(w < NATIONAL_VIEW[2] / 10.0);
    }
}
