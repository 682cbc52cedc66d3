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
    geometry: Geometry,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

/// Rings as (longitude, latitude) pairs; holes count too, and ray casting handles them.
static RINGS: LazyLock<Vec<Vec<[f64; 2]>>> = LazyLock::new(|| {
    let collection: FeatureCollection = match serde_json::from_str(REGIONS_2022) {
        Ok(c) => c,
        Err(_) => return Vec::new(),
    };
    collection
        .features
        .into_iter()
        .flat_map(|f| match f.geometry {
            Geometry::Polygon(rings) => rings,
            Geometry::MultiPolygon(polygons) => polygons.into_iter().flatten().collect(),
        })
        .collect()
});

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
    fn a_border_town_within_the_margin_is_inside() {
        // Zharkent, a few km from the Chinese border.
        assert!(in_kazakhstan(44.1628, 80.0));
    }
}
