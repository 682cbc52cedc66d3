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

/// Monthly jobs created (bars) against the monthly plan (line), with month labels.
pub fn plan_vs_actual(
    months: &[(String, i64, i64)],
    title: &str,
    created_label: &str,
    planned_label: &str,
) -> String {
    let (width, height, left, bottom, top) = (720.0, 260.0, 56.0, 40.0, 24.0);
    let max = months
        .iter()
        .map(|(_, c, p)| (*c).max(*p))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let n = months.len().max(1) as f64;
    let slot = (width - left - 8.0) / n;
    let y = |v: i64| top + (height - top - bottom) * (1.0 - v as f64 / max);
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" preserveAspectRatio=\"xMinYMin meet\">",
        escape(title)
    );
    for i in 0..=4 {
        let v = (max * i as f64 / 4.0).round() as i64;
        let yy = y(v);
        svg.push_str(&format!(
            "<line x1=\"{left}\" y1=\"{yy:.1}\" x2=\"{width}\" y2=\"{yy:.1}\" class=\"grid\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{v}</text>",
            left - 6.0,
            yy + 4.0
        ));
    }
    let mut plan_points = Vec::new();
    for (i, (label, created, planned)) in months.iter().enumerate() {
        let x = left + slot * i as f64;
        let bar_h = (height - bottom) - y(*created);
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar_h:.1}\" class=\"bar-created\"><title>{}: {created}</title></rect>",
            x + slot * 0.15,
            y(*created),
            slot * 0.7,
            escape(label)
        ));
        plan_points.push(format!("{:.1},{:.1}", x + slot / 2.0, y(*planned)));
        if months.len() <= 12 || i % 2 == 0 {
            svg.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
                x + slot / 2.0,
                height - bottom + 16.0,
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
    svg.push_str(&format!(
        "<rect x=\"{left}\" y=\"4\" width=\"12\" height=\"10\" class=\"bar-created\"/>\
         <text x=\"{:.1}\" y=\"13\" class=\"legend\">{}</text>\
         <line x1=\"{:.1}\" y1=\"9\" x2=\"{:.1}\" y2=\"9\" class=\"line-planned\"/>\
         <text x=\"{:.1}\" y=\"13\" class=\"legend\">{}</text></svg>",
        left + 16.0,
        escape(created_label),
        left + 200.0,
        left + 220.0,
        left + 226.0,
        escape(planned_label)
    ));
    svg
}
