//! The little world a template is typeset in: its sources (svc's templates and the
//! workspace's overrides), the data as one JSON file, the case's attachments, the fonts.
//! Nothing else: no packages, no files of the machine.

use super::fonts::Fonts;
use crate::report::templates::Templates;
use std::collections::BTreeMap;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The virtual path of the data every template reads (`json("/data.json")`).
pub const DATA: &str = "/data.json";

pub struct Sandbox<'a> {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: &'a Fonts,
    templates: &'a Templates,
    main: FileId,
    /// Virtual path → bytes: the data and the attachments.
    files: BTreeMap<String, Bytes>,
    today: Datetime,
}

impl<'a> Sandbox<'a> {
    pub fn new(
        templates: &'a Templates,
        fonts: &'a Fonts,
        main: &str,
        files: BTreeMap<String, Vec<u8>>,
        today: Datetime,
    ) -> Sandbox<'a> {
        Sandbox {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(fonts.book.clone()),
            fonts,
            templates,
            main: FileId::new(None, VirtualPath::new(format!("/{main}"))),
            files: files
                .into_iter()
                .map(|(path, bytes)| (path, Bytes::new(bytes)))
                .collect(),
            today,
        }
    }

    /// The template a virtual path names (`/form.typ` → `form.typ`).
    fn template_name(id: FileId) -> Option<String> {
        if id.package().is_some() {
            return None;
        }
        let path = id
            .vpath()
            .as_rooted_path()
            .to_str()?
            .trim_start_matches('/');
        (path.ends_with(".typ") && !path.contains('/')).then(|| path.to_owned())
    }

    /// What the diagnostics call a source: the template's file or built-in name.
    pub fn display(&self, id: FileId) -> String {
        Self::template_name(id)
            .and_then(|name| self.templates.source_of(&name).map(str::to_owned))
            .unwrap_or_else(|| id.vpath().as_rooted_path().display().to_string())
    }
}

impl World for Sandbox<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let not_found = || FileError::NotFound(id.vpath().as_rooted_path().to_path_buf());
        let name = Self::template_name(id).ok_or_else(not_found)?;
        let text = self
            .templates
            .text_of(&name, id == self.main)
            .ok_or_else(not_found)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.vpath().as_rooted_path().to_string_lossy().into_owned();
        if let Some(bytes) = self.files.get(&path) {
            return Ok(bytes.clone());
        }
        match self.source(id) {
            Ok(source) => Ok(Bytes::from_string(source.text().to_owned())),
            Err(e) => Err(e),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index)
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        Some(self.today)
    }
}
