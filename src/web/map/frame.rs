//! Region shapes from the boundary files compiled into the binary (the 17-region frame before
//! 2022-06-08, the 20-region frame after), projected to map units, with each region's box and
//! the place for its label.

use std::fmt::Write;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::domain::geo::{self, Polygons};

const FRAME_2020: &str = include_str!("../../../static/geo/kz_adm1_2020.geojson");
const FRAME_2022: &str = include_str!("../../../static/geo/kz_adm1_2022.geojson");

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
pub(super) const NATIONAL_VIEW: [f64; 4] = [-10.0, -50.0, WIDTH + 20.0, HEIGHT + 95.0];

/// Label text height at the national scale, in map units (about 15 px on a desktop).
pub(super) const FONT: f64 = 9.0;

/// Cities too small at the national scale to hold a label: their label sits in the margin
/// at (x, y), joined to the city by a leader line.
pub(super) const CALLOUTS: [(&str, f64, f64); 3] = [
    ("71", 372.0, -28.0),
    ("75", 415.0, 322.0),
    ("79", 300.0, 322.0),
];

/// SVG coordinates of (latitude, longitude).
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon - LON0) * COS_MID * SCALE, (LAT0 - lat) * SCALE)
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
    let regions: Vec<(String, Polygons)> = geo::regions_of(text)
        .into_iter()
        .map(|(code, polygons)| (code, project_polygons(polygons)))
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
}
