//! The dashboard's table keeps to the essential columns, the rest behind a toggle, and a
//! region without a plan is not given a rank.

use jobmap::domain::workflow::ProjectStatus;

use crate::builders::ProjectBuilder;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_region_without_a_plan_gets_a_dash_not_a_rank() {
    let app = spawn_app().await;
    ProjectBuilder::in_region("27")
        .jobs(10, 5)
        .status(ProjectStatus::Contracted)
        .create(&app);
    let page = app.browser().get("/").await;
    page.assert_status(200);
    // West Kazakhstan is first of one ranked region; nobody is "5th at 0.0%".
    let rows: Vec<&str> = page.body.split("<tr>").skip(1).collect();
    let west = rows
        .iter()
        .find(|r| r.contains("/regions/27?"))
        .expect("West Kazakhstan's row");
    assert!(west.contains("data-label=\"Rank\">1</td>"), "{west}");
    let akmola = rows
        .iter()
        .find(|r| r.contains("/regions/11?"))
        .expect("Akmola's row");
    assert!(
        akmola.contains("aria-describedby=\"no-rank-note\">—</span>"),
        "{akmola}"
    );
    assert!(!page.body.contains("data-label=\"Rank\">2</td>"));
    page.assert_contains("id=\"no-rank-note\"")
        .assert_contains("No rank: the region has no approved plan on this date");
    let export = app.browser().get("/exports/dashboard.csv").await;
    let akmola_line = export
        .body
        .lines()
        .find(|l| l.contains(",11,"))
        .expect("Akmola in the export");
    assert!(
        akmola_line.starts_with(','),
        "no rank in the export: {akmola_line}"
    );
}

#[tokio::test]
async fn the_table_has_the_essential_columns_and_the_rest_behind_a_toggle() {
    let app = spawn_app().await;
    let page = app.browser().get("/").await;
    let (main_table, rest) = page
        .body
        .split_once("<details class=\"more-figures\">")
        .expect("a toggle for the other figures");
    let head = main_table
        .rsplit("<thead>")
        .next()
        .and_then(|h| h.split("</thead>").next())
        .unwrap_or_default();
    assert_eq!(head.matches("<th ").count(), 7, "{head}");
    for essential in [
        "Rank",
        "Region",
        "Planned jobs",
        "Jobs created",
        "% of plan",
        "Employment-center share",
    ] {
        assert!(head.contains(essential), "{essential}");
    }
    for more in [
        "Youth share",
        "Lifting payments",
        "Domestic share",
        "Projects selected",
    ] {
        assert!(rest.contains(more) && !head.contains(more), "{more}");
    }
    // The chart's axis steps by 1, 2 or 5 and writes thousands as the language does.
    let chart = page
        .body
        .split("class=\"chart\"")
        .nth(1)
        .unwrap_or_default();
    assert!(chart.contains("font-size=\"15\""));
}
