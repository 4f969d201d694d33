//! Charts for the HTML reports, drawn as inline SVG in Rust: no script, no network, crisp
//! when printed. Every text is escaped here; the SVG is inserted into templates as safe.

use super::monthly::Monthly;
use super::templates::Locale;
use serde_json::Value;
use std::fmt::Write;

/// The colours of the series (readable in grey when printed).
const BLUE: &str = "#2b6cb0";
const GREEN: &str = "#2f855a";
const AMBER: &str = "#b7791f";
const GREY: &str = "#a0aec0";

/// Escape text for SVG (XML).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn label(labels: &Value, key: &str) -> String {
    labels
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or(key)
        .to_owned()
}

/// The width a text takes, roughly: CJK characters are twice as wide.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.05 } * size)
        .sum()
}

fn open_svg(out: &mut String, width: f64, height: f64, title: &str, class: &str) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart {class}" role="img" viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="sans-serif" font-size="12"><title>{}</title>"#,
        esc(title)
    );
}

fn legend(out: &mut String, x: f64, y: f64, items: &[(&str, String)]) {
    let mut x = x;
    for (colour, text) in items {
        let _ = write!(
            out,
            r#"<rect x="{x}" y="{}" width="10" height="10" fill="{colour}"/><text x="{}" y="{y}">{}</text>"#,
            y - 9.0,
            x + 14.0,
            esc(text)
        );
        x += 24.0 + text_width(text, 12.0);
    }
}

/// A "nice" upper bound for an axis and its step.
fn axis(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let step = if max <= 4.0 { step.max(1.0) } else { step };
    ((max / step).ceil() * step, step)
}

fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.1}")
    }
}

/// Vertical bars, stacked: one column per category, one colour per series.
fn stacked_columns(
    title: &str,
    class: &str,
    columns: &[(String, Vec<f64>)],
    series: &[(&str, String)],
) -> String {
    let (width, height) = (640.0, 260.0);
    let (left, right, top, bottom) = (40.0, 10.0, 34.0, 40.0);
    let mut out = String::new();
    open_svg(&mut out, width, height, title, class);
    legend(&mut out, left, 16.0, series);
    let max = columns
        .iter()
        .map(|(_, v)| v.iter().sum::<f64>())
        .fold(0.0, f64::max);
    let (top_value, step) = axis(max);
    let plot_h = height - top - bottom;
    let plot_w = width - left - right;
    let y_of = |v: f64| top + plot_h - v / top_value * plot_h;
    let mut tick = 0.0;
    while tick <= top_value + 1e-9 {
        let y = y_of(tick);
        let _ = write!(
            out,
            r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#e2e8f0"/><text x="{}" y="{:.1}" text-anchor="end" fill="#4a5568">{}</text>"##,
            width - right,
            left - 6.0,
            y + 4.0,
            number(tick)
        );
        tick += step;
    }
    let slot = plot_w / columns.len().max(1) as f64;
    let bar = (slot * 0.6).min(60.0);
    for (i, (name, values)) in columns.iter().enumerate() {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let mut base = 0.0;
        for (value, (colour, series_name)) in values.iter().zip(series) {
            if *value > 0.0 {
                let y0 = y_of(base);
                let y1 = y_of(base + value);
                let _ = write!(
                    out,
                    r#"<rect class="bar" x="{x:.1}" y="{y1:.1}" width="{bar:.1}" height="{:.1}" fill="{colour}"><title>{}: {}</title></rect>"#,
                    y0 - y1,
                    esc(series_name),
                    number(*value)
                );
            }
            base += value;
        }
        if base > 0.0 {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x + bar / 2.0,
                y_of(base) - 4.0,
                number(base)
            );
        }
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{}" text-anchor="middle" fill="#4a5568">{}</text>"##,
            left + slot * i as f64 + slot / 2.0,
            height - bottom + 16.0,
            esc(name)
        );
    }
    let _ = write!(
        out,
        r##"<line x1="{left}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#4a5568"/></svg>"##,
        width - right,
        y_of(0.0),
        y_of(0.0)
    );
    out
}

/// Horizontal bars: one row per item, one bar per series.
fn horizontal_bars(
    title: &str,
    class: &str,
    rows: &[(String, Vec<(f64, String)>)],
    series: &[(&str, String)],
) -> String {
    let bar_h = 14.0;
    let per_row = bar_h * series.len() as f64 + 10.0;
    let label_w = rows
        .iter()
        .map(|(name, _)| text_width(name, 12.0))
        .fold(60.0, f64::max)
        .min(260.0);
    let (width, top) = (640.0, 30.0);
    let left = label_w + 12.0;
    let right = 70.0;
    let height = top + per_row * rows.len().max(1) as f64 + 10.0;
    let mut out = String::new();
    open_svg(&mut out, width, height, title, class);
    legend(&mut out, left, 16.0, series);
    let max = rows
        .iter()
        .flat_map(|(_, v)| v.iter().map(|(x, _)| *x))
        .fold(0.0, f64::max);
    let scale = if max > 0.0 {
        (width - left - right) / max
    } else {
        0.0
    };
    for (i, (name, values)) in rows.iter().enumerate() {
        let y = top + per_row * i as f64;
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            left - 6.0,
            y + bar_h * series.len() as f64 / 2.0 + 4.0,
            esc(name)
        );
        for (j, ((value, shown), (colour, _))) in values.iter().zip(series).enumerate() {
            let yb = y + bar_h * j as f64;
            let w = (value * scale).max(if *value > 0.0 { 1.0 } else { 0.0 });
            let _ = write!(
                out,
                r##"<rect class="bar" x="{left:.1}" y="{yb:.1}" width="{w:.1}" height="{:.1}" fill="{colour}"/><text x="{:.1}" y="{:.1}" fill="#2d3748">{}</text>"##,
                bar_h - 2.0,
                left + w + 4.0,
                yb + bar_h - 4.0,
                esc(shown)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// Cases received per week, stacked by outcome at month end.
pub fn weeks(report: &Monthly, labels: &Value) -> String {
    let columns: Vec<(String, Vec<f64>)> = report
        .weeks
        .iter()
        .map(|w| {
            (
                format!("{}–{}", w.from.format("%m-%d"), w.to.format("%m-%d")),
                vec![
                    w.visited as f64,
                    w.remote as f64,
                    w.open as f64,
                    w.cancelled as f64,
                ],
            )
        })
        .collect();
    stacked_columns(
        &label(labels, "monthly_chart_weeks"),
        "chart-weeks",
        &columns,
        &[
            (BLUE, label(labels, "monthly_outcome_visited")),
            (GREEN, label(labels, "monthly_outcome_remote")),
            (AMBER, label(labels, "monthly_outcome_open")),
            (GREY, label(labels, "monthly_outcome_cancelled")),
        ],
    )
}

/// The response-time buckets, in hours.
pub const RESPONSE_BUCKETS: [(f64, f64); 6] = [
    (0.0, 4.0),
    (4.0, 8.0),
    (8.0, 24.0),
    (24.0, 48.0),
    (48.0, 72.0),
    (72.0, f64::INFINITY),
];

/// How many response times fall in each of [`RESPONSE_BUCKETS`].
pub fn response_buckets(report: &Monthly) -> [usize; 6] {
    let mut counts = [0; 6];
    for row in &report.case_list {
        let (Some(hours), Some(arrived)) = (row.response_hours, row.first_arrival_at) else {
            continue;
        };
        if arrived < report.from || arrived >= report.to {
            continue;
        }
        if let Some(i) = RESPONSE_BUCKETS
            .iter()
            .position(|(lo, hi)| hours >= *lo && hours < *hi)
        {
            counts[i] += 1;
        }
    }
    counts
}

/// The distribution of response times (request → first arrival on site).
pub fn response(report: &Monthly, labels: &Value) -> String {
    let counts = response_buckets(report);
    let h = label(labels, "hours");
    let columns: Vec<(String, Vec<f64>)> = RESPONSE_BUCKETS
        .iter()
        .zip(counts)
        .map(|((lo, hi), n)| {
            let name = if hi.is_finite() {
                format!("{lo}–{hi} {h}")
            } else {
                format!("≥ {lo} {h}")
            };
            (name, vec![n as f64])
        })
        .collect();
    stacked_columns(
        &label(labels, "monthly_chart_response"),
        "chart-response",
        &columns,
        &[(BLUE, label(labels, "cases"))],
    )
}

/// Fees charged and collected, by customer (named in `locale`).
pub fn fees(report: &Monthly, labels: &Value, locale: Locale) -> String {
    let rows: Vec<(String, Vec<(f64, String)>)> = report
        .fees
        .by_customer
        .iter()
        .map(|c| {
            (
                super::names::in_locale(&c.name, c.name_en.as_deref(), locale).to_owned(),
                vec![
                    (c.charged.0 as f64 / 100.0, c.charged.to_string()),
                    (c.collected.0 as f64 / 100.0, c.collected.to_string()),
                ],
            )
        })
        .collect();
    horizontal_bars(
        &label(labels, "monthly_chart_fees"),
        "chart-fees",
        &rows,
        &[
            (BLUE, label(labels, "monthly_fees_charged")),
            (GREEN, label(labels, "monthly_fees_collected")),
        ],
    )
}

/// Fault categories by product model.
pub fn faults(report: &Monthly, labels: &Value) -> String {
    let rows: Vec<(String, Vec<(f64, String)>)> = report
        .faults
        .iter()
        .map(|f| {
            let category = label(labels, &format!("fault_{}", f.category));
            let model = if f.model.is_empty() {
                "—"
            } else {
                f.model.as_str()
            };
            (
                format!("{model} · {category}"),
                vec![(f.count as f64, f.count.to_string())],
            )
        })
        .collect();
    horizontal_bars(
        &label(labels, "monthly_chart_faults"),
        "chart-faults",
        &rows,
        &[(AMBER, label(labels, "cases"))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_axes_are_round() {
        assert_eq!(esc("<a&'\">"), "&lt;a&amp;&#39;&quot;&gt;");
        assert_eq!(axis(0.0), (1.0, 1.0));
        assert_eq!(axis(3.0), (3.0, 1.0));
        assert_eq!(axis(7.0), (8.0, 2.0));
        assert_eq!(axis(180.0), (200.0, 50.0));
    }

    #[test]
    fn bars_escape_their_labels() {
        let svg = horizontal_bars(
            "t<",
            "c",
            &[("<script>".into(), vec![(1.0, "1".into())])],
            &[(BLUE, "s&".into())],
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;") && svg.contains("s&amp;"));
    }
}
