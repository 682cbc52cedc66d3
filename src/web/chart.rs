//! Small server-rendered SVG graphics: no script, no outside requests, readable without CSS.

/// Escapes text for SVG/HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal share bar with the 50% line marked: the employment-center share at a glance.
pub fn share_bar(bp: i64, threshold_bp: i64, label: &str) -> String {
    let w = 100.0;
    let filled = (bp.clamp(0, 10_000) as f64) / 100.0;
    let line = (threshold_bp.clamp(0, 10_000) as f64) / 100.0;
    let class = if bp >= threshold_bp {
        "bar-ok"
    } else {
        "bar-low"
    };
    format!(
        "<svg class=\"share-bar\" viewBox=\"0 0 {w} 10\" width=\"80\" height=\"10\" role=\"img\" aria-label=\"{label}\">\
         <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"10\" class=\"bar-bg\"/>\
         <rect x=\"0\" y=\"0\" width=\"{filled:.1}\" height=\"10\" class=\"{class}\"/>\
         <line x1=\"{line:.1}\" y1=\"0\" x2=\"{line:.1}\" y2=\"10\" class=\"bar-mark\"/></svg>",
        label = escape(label)
    )
}

/// Gridlines for an axis from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten,
/// so that a reader can interpolate, and at most `max_ticks` of them above zero.
/// Returns (step, top) with `top` a multiple of `step` and `top >= max`.
pub fn nice_ticks(max: i64, max_ticks: i64) -> (i64, i64) {
    let max = max.max(1);
    let max_ticks = max_ticks.max(1);
    let mut magnitude: i64 = 1;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            let top = (max + step - 1) / step * step;
            if top / step <= max_ticks {
                return (step, top);
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// Monthly jobs created (bars) against the monthly plan (line), with month labels. `number`
/// writes a figure as the page's language groups digits. Sized in user units for a column
/// about 560 px wide: the text stays about 11 px high on a 390 px phone and 17 px on a desktop.
pub fn plan_vs_actual(
    months: &[(String, i64, i64)],
    title: &str,
    created_label: &str,
    planned_label: &str,
    number: &dyn Fn(i64) -> String,
) -> String {
    const FONT: f64 = 15.0;
    let (width, height, left, right, bottom, top) = (480.0, 300.0, 66.0, 8.0, 28.0, 56.0);
    let max = months
        .iter()
        .map(|(_, c, p)| (*c).max(*p))
        .max()
        .unwrap_or(0);
    let (step, axis_top) = nice_ticks(max, 5);
    let n = months.len().max(1) as f64;
    let slot = (width - left - right) / n;
    let plot_h = height - top - bottom;
    let y = |v: i64| top + plot_h * (1.0 - v as f64 / axis_top as f64);
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" \
         preserveAspectRatio=\"xMinYMin meet\" font-size=\"{FONT}\">",
        escape(title)
    );
    let mut v = 0;
    while v <= axis_top {
        let yy = y(v);
        svg.push_str(&format!(
            "<line x1=\"{left}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" class=\"grid\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{}</text>",
            width - right,
            left - 6.0,
            yy + FONT * 0.35,
            escape(&number(v))
        ));
        v += step;
    }
    // Month labels ("2024-05") are about 4 em wide: label every k-th month so they never touch.
    let every = ((FONT * 4.6) / slot).ceil().max(1.0) as usize;
    let mut plan_points = Vec::new();
    for (i, (label, created, planned)) in months.iter().enumerate() {
        let x = left + slot * i as f64;
        let bar_h = (height - bottom) - y(*created);
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar_h:.1}\" class=\"bar-created\"><title>{}: {} / {}</title></rect>",
            x + slot * 0.15,
            y(*created),
            slot * 0.7,
            escape(label),
            escape(&number(*created)),
            escape(&number(*planned)),
        ));
        plan_points.push(format!("{:.1},{:.1}", x + slot / 2.0, y(*planned)));
        if i % every == 0 {
            svg.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
                x + slot / 2.0,
                height - bottom + FONT + 4.0,
                escape(label)
            ));
        }
    }
    if !plan_points.is_empty() {
        svg.push_str(&format!(
            "<polyline points=\"{}\" class=\"line-planned\"/>",
            plan_points.join(" ")
        ));
    }
    // The legend on two lines of its own: the labels are long in Kazakh and Russian.
    svg.push_str(&format!(
        "<rect x=\"{left}\" y=\"6\" width=\"16\" height=\"14\" class=\"bar-created\"/>\
         <text x=\"{:.1}\" y=\"18\" class=\"legend\">{}</text>\
         <line x1=\"{left}\" y1=\"34\" x2=\"{:.1}\" y2=\"34\" class=\"line-planned\"/>\
         <text x=\"{:.1}\" y=\"39\" class=\"legend\">{}</text></svg>",
        left + 22.0,
        escape(created_label),
        left + 16.0,
        left + 22.0,
        escape(planned_label)
    ));
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_step_by_one_two_or_five() {
        assert_eq!(nice_ticks(57_125, 5), (20_000, 60_000));
        assert_eq!(nice_ticks(42_844, 5), (10_000, 50_000));
        assert_eq!(nice_ticks(0, 5), (1, 1));
        assert_eq!(nice_ticks(7, 5), (2, 8));
        assert_eq!(nice_ticks(100, 5), (20, 100));
        assert_eq!(nice_ticks(101, 5), (50, 150));
        for max in [1, 3, 9, 10, 11, 99, 123, 4_999, 255_000, 1_000_000_007] {
            let (step, top) = nice_ticks(max, 5);
            let digits = step.to_string();
            assert!(
                ["1", "2", "5"].contains(&digits.trim_end_matches('0')),
                "{max}: {step}"
            );
            assert!(top >= max && top % step == 0 && top / step <= 5, "{max}");
        }
    }

    #[test]
    fn the_chart_writes_numbers_as_the_language_does() {
        let months = vec![("2024-01".to_owned(), 42_844, 57_125)];
        let svg = plan_vs_actual(&months, "t", "c", "p", &|n| format!("<{n}>"));
        assert!(svg.contains("&lt;60000&gt;"), "{svg}");
        assert!(!svg.contains(">57125<"));
    }

    #[test]
    fn two_years_of_months_are_labelled_without_overlap() {
        let months: Vec<_> = (1..=24)
            .map(|m| {
                (
                    format!("20{:02}-{:02}", 23 + (m - 1) / 12, (m - 1) % 12 + 1),
                    m,
                    m,
                )
            })
            .collect();
        let svg = plan_vs_actual(&months, "t", "c", "p", &|n| n.to_string());
        let labels = svg.matches("text-anchor=\"middle\"").count();
        assert!((4..=8).contains(&labels), "{labels}");
    }
}
