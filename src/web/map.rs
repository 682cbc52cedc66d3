//! The map of Kazakhstan as server-rendered SVG: region shapes from the boundary files compiled
//! into the binary (the 17-region frame before 2022-06-08, the 20-region frame after), shaded
//! by % of plan, each a link and each labelled with its name and value; project points by
//! compliance state, each state with its own shape as well as colour. No tiles, no script.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;

use super::chart::escape;
use crate::domain::geo;

const FRAME_2020: &str = include_str!("../../static/geo/kz_adm1_2020.geojson");
const FRAME_2022: &str = include_str!("../../static/geo/kz_adm1_2022.geojson");

/// The day Abai, Zhetisu and Ulytau regions came into being.
pub fn frame_2022_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 6, 8).unwrap_or_default()
}

const SCALE: f64 = 20.0;
const LON0: f64 = 46.2;
const LAT0: f64 = 55.7;
/// Longitude shrinks with latitude; this keeps the country's proportions at its middle.
const COS_MID: f64 = 0.67;

pub const WIDTH: f64 = (87.6 - LON0) * COS_MID * SCALE;
pub const HEIGHT: f64 = (LAT0 - 40.3) * SCALE;

/// The whole country with a margin above and below for the cities' callouts.
const NATIONAL_VIEW: [f64; 4] = [-10.0, -50.0, WIDTH + 20.0, HEIGHT + 95.0];

/// Label text height at the national scale, in map units (about 15 px on a desktop).
const FONT: f64 = 9.0;

/// Cities too small at the national scale to hold a label: their label sits in the margin
/// at (x, y), joined to the city by a leader line.
const CALLOUTS: [(&str, f64, f64); 3] = [
    ("71", 372.0, -28.0),
    ("75", 415.0, 322.0),
    ("79", 300.0, 322.0),
];

/// SVG coordinates of (latitude, longitude).
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon - LON0) * COS_MID * SCALE, (LAT0 - lat) * SCALE)
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    kato: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

/// A region's shape as an SVG path, with its two-digit code, its box and its label's place.
pub struct Shape {
    pub code: String,
    pub path: String,
    /// Min x, min y, max x, max y in map units.
    pub bbox: [f64; 4],
    /// Where the name and value go: deep inside the region's largest part.
    pub label_at: [f64; 2],
}

fn ring_area(ring: &[[f64; 2]]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        .abs()
        / 2.0
}

type Polygons = Vec<Vec<Vec<[f64; 2]>>>;

fn project_polygons(polygons: Polygons) -> Polygons {
    polygons
        .into_iter()
        .map(|rings| {
            rings
                .into_iter()
                .map(|ring| {
                    ring.into_iter()
                        .map(|[lon, lat]| {
                            let (x, y) = project(lat, lon);
                            [x, y]
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn largest(polygons: &Polygons) -> Option<&Vec<Vec<[f64; 2]>>> {
    polygons.iter().max_by(|a, b| {
        let area = |p: &Vec<Vec<[f64; 2]>>| p.first().map_or(0.0, |r| ring_area(r));
        area(a).total_cmp(&area(b))
    })
}

fn shape(code: String, projected: &Polygons, avoid: &[[f64; 2]]) -> Shape {
    let mut path = String::new();
    let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for ring in projected.iter().flatten() {
        for (i, [x, y]) in ring.iter().enumerate() {
            let _ = write!(path, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
            bbox = [
                bbox[0].min(*x),
                bbox[1].min(*y),
                bbox[2].max(*x),
                bbox[3].max(*y),
            ];
        }
        path.push('Z');
    }
    let label_at = largest(projected)
        .and_then(|p| geo::label_point(p, avoid))
        .unwrap_or([(bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0]);
    Shape {
        code,
        path,
        bbox,
        label_at,
    }
}

fn shapes(text: &str) -> Vec<Shape> {
    let Ok(collection) = serde_json::from_str::<Collection>(text) else {
        return Vec::new();
    };
    let regions: Vec<(String, Polygons)> = collection
        .features
        .into_iter()
        .map(|f| {
            let polygons = match f.geometry {
                Geometry::Polygon(r) => vec![r],
                Geometry::MultiPolygon(p) => p,
            };
            (
                f.properties.kato.chars().take(2).collect(),
                project_polygons(polygons),
            )
        })
        .collect();
    // The cities' marks first, so that the region around a city keeps its label clear of it.
    let cities: Vec<[f64; 2]> = regions
        .iter()
        .filter(|(code, _)| CALLOUTS.iter().any(|(c, _, _)| c == code))
        .filter_map(|(_, p)| largest(p).and_then(|p| geo::label_point(p, &[])))
        .collect();
    regions
        .into_iter()
        .map(|(code, polygons)| {
            let is_city = CALLOUTS.iter().any(|(c, _, _)| *c == code);
            shape(code, &polygons, if is_city { &[] } else { &cities })
        })
        .collect()
}

static SHAPES_2020: LazyLock<Vec<Shape>> = LazyLock::new(|| shapes(FRAME_2020));
static SHAPES_2022: LazyLock<Vec<Shape>> = LazyLock::new(|| shapes(FRAME_2022));

/// The regions' shapes in the frame in force on `day`.
pub fn frame(day: NaiveDate) -> &'static [Shape] {
    if day >= frame_2022_from() {
        &SHAPES_2022
    } else {
        &SHAPES_2020
    }
}

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

/// A project on the map.
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    pub state: PointState,
    pub href: String,
    pub title: String,
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

    #[test]
    fn both_frames_have_their_regions() {
        let d2020 = NaiveDate::from_ymd_opt(2020, 7, 1).unwrap();
        let d2023 = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        assert_eq!(frame(d2020).len(), 17);
        assert_eq!(frame(d2023).len(), 20);
        assert!(frame(d2023).iter().any(|s| s.code == "62"));
        assert!(!frame(d2020).iter().any(|s| s.code == "62"));
    }

    #[test]
    fn the_country_fits_the_picture() {
        for (lat, lon) in [(40.6, 68.0), (55.4, 69.0), (47.0, 46.5), (49.0, 87.3)] {
            let (x, y) = project(lat, lon);
            assert!(
                (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y),
                "{lat},{lon}"
            );
        }
    }

    #[test]
    fn every_label_lies_in_its_own_region() {
        for day in [(2020, 7, 1), (2023, 1, 1)] {
            let day = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
            for s in frame(day) {
                let [x, y] = s.label_at;
                let [x0, y0, x1, y1] = s.bbox;
                assert!(x > x0 && x < x1 && y > y0 && y < y1, "{}", s.code);
            }
        }
    }

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
