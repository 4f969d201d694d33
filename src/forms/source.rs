//! Source files and positions.
//!
//! Every value read from a form remembers where it came from as a byte [`Span`]; a
//! [`SourceFile`] turns spans into the 1-based line and column a person sees in an editor
//! (columns count characters, so Chinese text lines up).

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets, saturating at `u32::MAX`.
    pub fn new(start: usize, end: usize) -> Span {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: clamp(start),
            end: clamp(end.max(start)),
        }
    }
}

/// A position as people read it: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

/// The text of one file of the workspace, with its path relative to the workspace root.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the workspace root, with `/` separators.
    pub path: PathBuf,
    /// The whole text.
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// Wrap a file's text.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Arc<SourceFile> {
        let mut line_starts = vec![0u32];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        Arc::new(SourceFile {
            path: path.into(),
            text,
            line_starts,
        })
    }

    /// The path relative to the workspace root.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: u32) -> Position {
        let offset = offset.min(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts[line] as usize;
        let mut end = offset as usize;
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        Position {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    /// The byte offset of a 1-based line and character column (clamped to the text).
    pub fn offset(&self, line: u32, column: u32) -> u32 {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1) as usize) else {
            return u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        };
        let rest = &self.text[start as usize..];
        let skip: usize = rest
            .char_indices()
            .take_while(|(_, c)| *c != '\n')
            .nth(column.saturating_sub(1) as usize)
            .map_or_else(|| rest.find('\n').unwrap_or(rest.len()), |(i, _)| i);
        start + u32::try_from(skip).unwrap_or(0)
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let f = SourceFile::new("a.toml", "name = \"李娜\"\nid = 3\n".to_string());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        let id = f.text.find("id").unwrap() as u32;
        assert_eq!(f.position(id), Position { line: 2, column: 1 });
        let quote = f.text.rfind('"').unwrap() as u32;
        assert_eq!(
            f.position(quote),
            Position {
                line: 1,
                column: 11
            }
        );
        assert_eq!(f.offset(2, 1), id);
        assert_eq!(f.offset(1, 11), quote);
    }
}
