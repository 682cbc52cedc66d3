//! The map of Kazakhstan as server-rendered SVG: region shapes from the boundary files compiled
//! into the binary (the 17-region frame before 2022-06-08, the 20-region frame after), shaded
//! by % of plan, each a link; project points coloured by compliance. No tiles, no script.

use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;

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

/// A region's shape as an SVG path, with its two-digit code.
pub struct Shape {
    pub code: String,
    pub path: String,
}

fn shapes(text: &str) -> Vec<Shape> {
    let Ok(collection) = serde_json::from_str::<Collection>(text) else {
        return Vec::new();
    };
    collection
        .features
        .into_iter()
        .map(|f| {
            let rings: Vec<Vec<[f64; 2]>> = match f.geometry {
                Geometry::Polygon(r) => r,
                Geometry::MultiPolygon(p) => p.into_iter().flatten().collect(),
            };
            let mut path = String::new();
            for ring in rings {
                for (i, [lon, lat]) in ring.iter().enumerate() {
                    let (x, y) = project(*lat, *lon);
                    path.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }));
                }
                path.push('Z');
            }
            Shape {
                code: f.properties.kato.chars().take(2).collect(),
                path,
            }
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

/// The shading class for a % of plan (basis points): five steps, the last 100% and over.
pub fn shade(plan_bp: i64) -> &'static str {
    match plan_bp {
        i64::MIN..=2_499 => "shade-0",
        2_500..=4_999 => "shade-1",
        5_000..=7_499 => "shade-2",
        7_500..=9_999 => "shade-3",
        _ => "shade-4",
    }
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
}
