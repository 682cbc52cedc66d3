//! Is a point in Kazakhstan? Ray casting against the region boundaries compiled into the
//! binary, with a margin for the simplified borders.

use std::sync::LazyLock;

use serde::Deserialize;

const REGIONS_2022: &str = include_str!("../../static/geo/kz_adm1_2022.geojson");

/// The boundary files are simplified; a point this close (in degrees, about 5 km) to a border
/// still counts as inside so that a project on the frontier is not refused.
const MARGIN_DEGREES: f64 = 0.05;

#[derive(Deserialize)]
struct FeatureCollection {
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

/// Each region's rings as (longitude, latitude) pairs, by two-digit KATO code; holes count
/// too, and ray casting handles them.
type Rings = Vec<Vec<[f64; 2]>>;

/// A region's polygons (each an outer ring and its holes) as (longitude, latitude) pairs.
pub type Polygons = Vec<Rings>;

/// The regions of a GeoJSON boundary file: each two-digit KATO code with its polygons. The
/// map draws them; the checks below test points against them. An unreadable file gives none.
pub fn regions_of(geojson: &str) -> Vec<(String, Polygons)> {
    let Ok(collection) = serde_json::from_str::<FeatureCollection>(geojson) else {
        return Vec::new();
    };
    collection
        .features
        .into_iter()
        .map(|f| {
            let polygons = match f.geometry {
                Geometry::Polygon(rings) => vec![rings],
                Geometry::MultiPolygon(polygons) => polygons,
            };
            (f.properties.kato.chars().take(2).collect(), polygons)
        })
        .collect()
}

static REGION_RINGS: LazyLock<Vec<(String, Rings)>> = LazyLock::new(|| {
    regions_of(REGIONS_2022)
        .into_iter()
        .map(|(code, polygons)| (code, polygons.into_iter().flatten().collect()))
        .collect()
});

static RINGS: LazyLock<Vec<Vec<[f64; 2]>>> = LazyLock::new(|| {
    REGION_RINGS
        .iter()
        .flat_map(|(_, rings)| rings.iter().cloned())
        .collect()
});

fn region_rings(code: &str) -> Option<&'static [Vec<[f64; 2]>]> {
    REGION_RINGS
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, rings)| rings.as_slice())
}

/// Whether (latitude, longitude) lies inside the region's 2022 boundary (no margin).
pub fn in_region(code: &str, lat: f64, lon: f64) -> bool {
    region_rings(code)
        .is_some_and(|rings| rings.iter().filter(|r| in_ring(r, lon, lat)).count() % 2 == 1)
}

/// The region's bounding box as (min latitude, min longitude, max latitude, max longitude).
pub fn region_bounds(code: &str) -> Option<(f64, f64, f64, f64)> {
    let points = region_rings(code)?.iter().flatten();
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for [lon, lat] in points {
        b = (b.0.min(*lat), b.1.min(*lon), b.2.max(*lat), b.3.max(*lon));
    }
    (b.0 <= b.2).then_some(b)
}

fn in_ring(ring: &[[f64; 2]], lon: f64, lat: f64) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let [xi, yi] = ring[i];
        let [xj, yj] = ring[j];
        if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

fn distance_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a[0] + t * dx, a[1] + t * dy);
    ((p[0] - cx).powi(2) + (p[1] - cy).powi(2)).sqrt()
}

/// Whether (latitude, longitude) in degrees lies in Kazakhstan.
pub fn in_kazakhstan(lat: f64, lon: f64) -> bool {
    let rings = &*RINGS;
    // Each region is its own polygon, so an odd count in any one region means inside.
    let region_rings = rings.iter().filter(|r| in_ring(r, lon, lat)).count();
    if region_rings % 2 == 1 {
        return true;
    }
    rings.iter().any(|ring| {
        ring.windows(2)
            .any(|w| distance_to_segment([lon, lat], w[0], w[1]) <= MARGIN_DEGREES)
    })
}

/// A good place for a label inside a polygon (outer ring first, then holes; any plane
/// coordinates): the grid point farthest from every edge and from the `avoid` points (e.g.
/// an enclosed city with a label of its own), refined once around the best. Unlike a
/// centroid it never falls outside a crescent-shaped region or in a hole.
pub fn label_point(rings: &[Vec<[f64; 2]>], avoid: &[[f64; 2]]) -> Option<[f64; 2]> {
    let outer = rings.first()?;
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for [x, y] in outer {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    if x0 > x1 {
        return None;
    }
    let inside = |p: [f64; 2]| rings.iter().filter(|r| in_ring(r, p[0], p[1])).count() % 2 == 1;
    let clearance = |p: [f64; 2]| {
        rings
            .iter()
            .flat_map(|r| {
                r.windows(2)
                    .map(move |w| distance_to_segment(p, w[0], w[1]))
            })
            .chain(
                avoid
                    .iter()
                    // A label is wider than it is tall: keep well clear of the point.
                    .map(|a| ((p[0] - a[0]).powi(2) + (p[1] - a[1]).powi(2)).sqrt() / 2.5),
            )
            .fold(f64::MAX, f64::min)
    };
    const STEPS: usize = 24;
    let mut best: Option<([f64; 2], f64)> = None;
    let (mut cx, mut cy, mut w, mut h) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0, x1 - x0, y1 - y0);
    for _ in 0..2 {
        for i in 0..=STEPS {
            for j in 0..=STEPS {
                let p = [
                    cx - w / 2.0 + w * i as f64 / STEPS as f64,
                    cy - h / 2.0 + h * j as f64 / STEPS as f64,
                ];
                if !inside(p) {
                    continue;
                }
                let d = clearance(p);
                if best.is_none_or(|(_, b)| d > b) {
                    best = Some((p, d));
                }
            }
        }
        let ([bx, by], _) = best?;
        (cx, cy, w, h) = (bx, by, w / STEPS as f64 * 2.0, h / STEPS as f64 * 2.0);
    }
    best.map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_of_kazakhstan_are_inside() {
        for (name, lat, lon) in [
            ("Astana", 51.1694, 71.4491),
            ("Almaty", 43.2389, 76.8897),
            ("Oral", 51.2333, 51.3667),
            ("Kyzylorda", 44.8488, 65.4823),
            ("Oskemen", 49.9483, 82.6279),
            ("Aktau", 43.6481, 51.1722),
        ] {
            assert!(in_kazakhstan(lat, lon), "{name}");
        }
    }

    #[test]
    fn places_abroad_are_outside() {
        for (name, lat, lon) in [
            ("Bishkek", 42.8746, 74.5698),
            ("Tashkent", 41.2995, 69.2401),
            ("Novosibirsk", 55.0084, 82.9357),
            ("Moscow", 55.7558, 37.6173),
            ("Null Island", 0.0, 0.0),
            ("swapped Astana", 71.4491, 51.1694),
        ] {
            assert!(!in_kazakhstan(lat, lon), "{name}");
        }
    }

    #[test]
    fn cities_are_in_their_own_region_only() {
        assert!(in_region("27", 51.2333, 51.3667));
        assert!(!in_region("43", 51.2333, 51.3667));
        let (min_lat, _, max_lat, _) = region_bounds("27").expect("West Kazakhstan");
        assert!(min_lat < 51.2 && max_lat > 51.3);
    }

    #[test]
    fn a_border_town_within_the_margin_is_inside() {
        // Zharkent, a few km from the Chinese border.
        assert!(in_kazakhstan(44.1628, 80.0));
    }

    #[test]
    fn a_label_goes_inside_even_a_c_shaped_region() {
        // A "C": the centre of its bounding box lies outside it.
        let c = vec![vec![
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 2.0],
            [2.0, 2.0],
            [2.0, 8.0],
            [10.0, 8.0],
            [10.0, 10.0],
            [0.0, 10.0],
            [0.0, 0.0],
        ]];
        let [x, y] = label_point(&c, &[]).expect("a point");
        assert!(in_ring(&c[0], x, y), "{x},{y}");
        assert!(x < 2.0, "in the C's spine: {x},{y}");
        let [_, y] = label_point(&c, &[[1.0, 5.0]]).expect("a point");
        assert!((y - 5.0).abs() > 1.0, "away from the point to avoid: {y}");
    }
}
