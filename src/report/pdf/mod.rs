//! PDF, typeset inside svc with typst: no browser, fonts embedded (subset), the same file
//! on every machine that has the same fonts.
//!
//! A PDF template (`form.typ`, `case.typ`, `monthly.typ`, and the `svc.typ` they import) is
//! a typst file that reads its data with `json("/data.json")`: the same context the HTML
//! templates get, as values. User data never becomes markup, so nothing in a form can
//! change the layout or reach the machine. A workspace overrides them under `templates/` as
//! it does the HTML ones.

mod fonts;
pub mod monthly;
mod world;

pub use fonts::{FontError, Fonts, install_hint};

use crate::forms::decode::Timestamp;
use crate::report::templates::{TemplateError, Templates};
use crate::t;
use chrono::{Datelike, Timelike};
use serde_json::Value;
use std::collections::BTreeMap;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst::layout::PagedDocument;
use world::Sandbox;

/// Why no PDF was made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No font writes Chinese, or the one named is not there.
    #[error(transparent)]
    Font(#[from] FontError),
    /// The template does not typeset.
    #[error(transparent)]
    Template(#[from] TemplateError),
}

/// Typeset the template `main` (e.g. `form.typ`) with `data`; `files` are further virtual
/// files (`/attachments/photo.jpg` → its bytes) the template may show. `now` dates the
/// document, so the same input makes the same bytes.
pub fn typeset(
    templates: &Templates,
    fonts: &Fonts,
    main: &str,
    data: &Value,
    files: BTreeMap<String, Vec<u8>>,
    now: &Timestamp,
) -> Result<Vec<u8>, PdfError> {
    let mut data = data.clone();
    if let Value::Object(map) = &mut data {
        map.insert(
            "fonts".to_owned(),
            Value::from(
                fonts
                    .families
                    .iter()
                    .map(|f| Value::from(f.as_str()))
                    .collect::<Vec<_>>(),
            ),
        );
    }
    let mut files = files;
    files.insert(
        world::DATA.to_owned(),
        serde_json::to_vec(&data).unwrap_or_default(),
    );
    let local = now.naive_local();
    let datetime = Datetime::from_ymd_hms(
        local.year(),
        local.month() as u8,
        local.day() as u8,
        local.hour() as u8,
        local.minute() as u8,
        local.second() as u8,
    );
    let today = Datetime::from_ymd(local.year(), local.month() as u8, local.day() as u8);
    let (Some(datetime), Some(today)) = (datetime, today) else {
        return Err(template_error(main, None, t!("report-pdf-date-out-of-range")).into());
    };
    let world = Sandbox::new(templates, fonts, main, files, today);
    let compiled = typst::compile::<PagedDocument>(&world);
    let document = compiled
        .output
        .map_err(|errors| diagnostics(&world, main, &errors))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(main),
        timestamp: typst_pdf::Timestamp::new_local(datetime, now.offset().local_minus_utc() / 60),
        ..Default::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(&world, main, &errors).into())
}

/// The template's errors as svc reports a template's: the file, the line, what is wrong.
fn diagnostics(world: &Sandbox, main: &str, errors: &[SourceDiagnostic]) -> TemplateError {
    let Some(first) = errors.first() else {
        return template_error(main, None, t!("report-pdf-failed"));
    };
    let (template, line) = match first.span.id() {
        Some(id) => {
            let line = world.range(first.span).and_then(|range| {
                use typst::World;
                let source = world.source(id).ok()?;
                source.lines().byte_to_line(range.start).map(|l| l + 1)
            });
            (world.display(id), line)
        }
        None => (world.display(world_main(world)), None),
    };
    let mut message = first.message.to_string();
    for hint in &first.hints {
        message.push_str(&t!("report-pdf-hint", hint = hint.as_str()));
    }
    if errors.len() > 1 {
        message.push_str(&t!("report-pdf-more-errors", count = errors.len() - 1));
    }
    template_error(&template, line, message)
}

fn world_main(world: &Sandbox) -> typst::syntax::FileId {
    use typst::World;
    world.main()
}

fn template_error(template: &str, line: Option<usize>, message: String) -> TemplateError {
    TemplateError {
        template: template.to_owned(),
        line,
        message,
    }
}
