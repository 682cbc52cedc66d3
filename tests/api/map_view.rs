//! The map names every region and its value on the picture itself, zooms to a chosen region,
//! keeps links out of images, and refuses a region that is not on the map.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::ProjectBuilder;
use crate::helpers::{Page, spawn_app};

/// The text drawn for region `code`: its `<text data-code=…>` element's words.
fn drawn_label(page: &Page, code: &str) -> Option<String> {
    let svg = page
        .body
        .split("<svg")
        .find(|s| s.contains("class=\"map-svg\""))?;
    let start = svg.find(&format!("data-code=\"{code}\""))?;
    let text = &svg[start..];
    let end = text.find("</text>")?;
    let mut words = String::new();
    let mut in_tag = false;
    for ch in text[..end].chars().skip_while(|c| *c != '>').skip(1) {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                words.push(' ');
            }
            c if !in_tag => words.push(c),
            _ => {}
        }
    }
    Some(words.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[tokio::test]
async fn every_region_carries_its_name_and_value_on_the_map() {
    let app = spawn_app().await;
    ProjectBuilder::in_region("27")
        .jobs(10, 5)
        .status(ProjectStatus::Contracted)
        .create(&app);
    ProjectBuilder::in_region("75")
        .jobs(4, 2)
        .status(ProjectStatus::Contracted)
        .create(&app);
    let codes_2020 = [
        "11", "15", "19", "23", "27", "31", "35", "39", "43", "47", "55", "59", "61", "63", "71",
        "75", "79",
    ];
    let codes_2022: Vec<&str> = codes_2020
        .iter()
        .copied()
        .chain(["10", "33", "62"])
        .collect();
    for (lang, names) in [
        (
            "en",
            [
                ("27", "West Kazakhstan"),
                ("71", "Astana"),
                ("75", "Almaty"),
                ("79", "Shymkent"),
                ("19", "Almaty Region"),
            ],
        ),
        (
            "ru",
            [
                ("27", "Западно- Казахстанская"),
                ("71", "Астана"),
                ("75", "Алматы"),
                ("79", "Шымкент"),
                ("19", "Алматинская"),
            ],
        ),
        (
            "kk",
            [
                ("27", "Батыс Қазақстан"),
                ("71", "Астана"),
                ("75", "Алматы қаласы"),
                ("79", "Шымкент"),
                ("19", "Алматы облысы"),
            ],
        ),
    ] {
        let page = app
            .browser()
            .get_with("/map", &[("accept-language", lang)])
            .await;
        page.assert_status(200);
        for code in &codes_2022 {
            let label =
                drawn_label(&page, code).unwrap_or_else(|| panic!("{lang}: no label for {code}"));
            // A value or, without an approved plan, a dash the legend explains.
            assert!(
                label.ends_with('%') || label.ends_with('—'),
                "{lang} {code}: {label}"
            );
        }
        for (code, name) in names {
            let label = drawn_label(&page, code).unwrap_or_default();
            assert!(label.starts_with(name), "{lang} {code}: {label}");
        }
        let zero = if lang == "en" { "0.0%" } else { "0,0%" };
        assert!(drawn_label(&page, "27").unwrap_or_default().ends_with(zero));
        assert!(drawn_label(&page, "11").unwrap_or_default().ends_with('—'));
    }
    // The 2020 frame names its 17 regions too.
    let page = app.browser().get("/map?as_of=2021-12-31").await;
    for code in codes_2020 {
        assert!(drawn_label(&page, code).is_some(), "{code}");
    }
    assert!(drawn_label(&page, "62").is_none());
}

#[tokio::test]
async fn no_link_sits_inside_an_image_and_a_list_of_links_is_beside_the_map() {
    let app = spawn_app().await;
    let page = app.browser().get("/map").await;
    let svg = page
        .body
        .split("<svg")
        .find(|s| s.contains("class=\"map-svg\""))
        .expect("the map");
    assert!(svg.contains("role=\"group\" aria-labelledby=\"map-title\""));
    for image in page.body.split("role=\"img\"").skip(1) {
        let inside = image.split("</svg>").next().unwrap_or_default();
        assert!(!inside.contains("<a "), "a link inside an image");
    }
    page.assert_contains("<table class=\"data\">")
        .assert_contains("href=\"/regions/27?as_of=")
        .assert_contains("Regions: % of plan")
        .assert_contains("Projects</p>");
    for state in ["Breached", "At risk", "Both conditions met", "No data yet"] {
        page.assert_contains(state);
    }
}

#[tokio::test]
async fn a_chosen_region_is_zoomed_into_and_an_unknown_one_is_not_found() {
    let app = spawn_app().await;
    let national = app.browser().get("/map").await;
    let zoomed = app.browser().get("/map?region=75").await;
    zoomed.assert_status(200);
    let view_box = |p: &Page| -> Vec<f64> {
        p.body
            .split("class=\"map-svg\"")
            .next()
            .and_then(|s| s.rsplit("viewBox=\"").next())
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .split(' ')
            .filter_map(|n| n.parse().ok())
            .collect()
    };
    let (whole, city) = (view_box(&national), view_box(&zoomed));
    assert_eq!((whole.len(), city.len()), (4, 4));
    assert!(city[2] < whole[2] / 10.0, "zoomed to Almaty: {city:?}");
    zoomed.assert_contains("class=\"region shade-none selected\"");
    for bad in ["99", "zz", "27%27", "62"] {
        // Ulytau (62) did not exist before 2022-06-08: not on that date's map.
        app.browser()
            .get(&format!("/map?as_of=2021-12-31&region={bad}"))
            .await
            .assert_status(404);
    }
}
