//! The fonts a PDF is typeset with: the system's, a file or folder the workspace names, and
//! the choice of the family that writes Chinese.

use crate::t;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};

/// CJK families, in the order svc prefers them: Noto and Source Han (the same design), then
/// the fonts of Windows and macOS, then the free ones of Linux distributions.
const PREFERRED: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimSun",
    "SimHei",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
    "Droid Sans Fallback",
];

/// Characters every form prints: a family that has them all writes the forms' Chinese.
const PROBE: &str = "服务费清单签字客户人民币壹仟元整";

/// What to install when the machine has no font for Chinese.
pub fn install_hint() -> String {
    t!("report-font-install-hint")
}

/// Why no font could be had.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// Nothing on the machine writes Chinese.
    #[error("{}", t!("report-font-none"))]
    NoCjk,
    /// The font named by `--font` or svc.toml is not there.
    #[error("{}", t!("report-font-not-found", font = .0))]
    NotFound(String),
    /// The named file or folder holds no font that writes Chinese.
    #[error("{}", t!("report-font-not-cjk", font = .0))]
    NotCjk(String),
}

/// A font, loaded when first used.
struct Slot {
    path: PathBuf,
    index: u32,
    font: OnceLock<Option<Font>>,
}

impl Slot {
    fn get(&self) -> Option<Font> {
        self.font
            .get_or_init(|| {
                let data = std::fs::read(&self.path).ok()?;
                Font::new(Bytes::new(data), self.index)
            })
            .clone()
    }
}

/// The fonts found, and the families the forms are set in (the CJK one first).
pub struct Fonts {
    pub(super) book: FontBook,
    slots: Vec<Slot>,
    /// The families, in the order the templates should ask for them.
    pub families: Vec<String>,
}

impl Fonts {
    /// The fonts of this machine, with `named` first: a font file, a folder of fonts, or an
    /// installed family. The chosen family must write Chinese.
    pub fn find(named: Option<&str>) -> Result<Fonts, FontError> {
        let mut db = fontdb::Database::new();
        let named_path = named.map(Path::new).filter(|p| p.exists());
        let mut own = 0;
        if let Some(path) = named_path {
            if path.is_dir() {
                db.load_fonts_dir(path);
            } else {
                // A file that is no font loads nothing, and is reported below.
                let _ = db.load_font_file(path);
            }
            own = db.len();
        }
        db.load_system_fonts();
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        let mut own_families = Vec::new();
        for (i, face) in db.faces().enumerate() {
            let path = match &face.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path.clone(),
                fontdb::Source::Binary(_) => continue,
            };
            let Some(info) = db.with_face_data(face.id, FontInfo::new).flatten() else {
                continue;
            };
            if i < own && writes_chinese(&info) {
                own_families.push(info.family.clone());
            }
            book.push(info);
            slots.push(Slot {
                path,
                index: face.index,
                font: OnceLock::new(),
            });
        }
        let cjk = match (named, named_path) {
            (Some(_), Some(path)) => own_families
                .first()
                .cloned()
                .ok_or_else(|| FontError::NotCjk(path.display().to_string()))?,
            (Some(family), None) => {
                let found = (0..slots.len())
                    .filter_map(|i| book.info(i))
                    .find(|info| info.family.eq_ignore_ascii_case(family))
                    .ok_or_else(|| FontError::NotFound(family.to_owned()))?;
                if !writes_chinese(found) {
                    return Err(FontError::NotCjk(family.to_owned()));
                }
                found.family.clone()
            }
            (None, _) => choose(&book, slots.len()).ok_or(FontError::NoCjk)?,
        };
        Ok(Fonts {
            book,
            slots,
            families: vec![cjk],
        })
    }

    /// The font at `index` of the book.
    pub(super) fn get(&self, index: usize) -> Option<Font> {
        self.slots.get(index)?.get()
    }
}

/// Whether the font has every character of [`PROBE`].
fn writes_chinese(info: &FontInfo) -> bool {
    PROBE.chars().all(|c| info.coverage.contains(c as u32))
}

/// The preferred CJK family installed, else the first family that writes Chinese.
fn choose(book: &FontBook, count: usize) -> Option<String> {
    let infos: Vec<&FontInfo> = (0..count).filter_map(|i| book.info(i)).collect();
    PREFERRED
        .iter()
        .find_map(|want| {
            infos
                .iter()
                .find(|info| info.family.eq_ignore_ascii_case(want) && writes_chinese(info))
        })
        .or_else(|| {
            let mut cjk: Vec<&&FontInfo> = infos.iter().filter(|i| writes_chinese(i)).collect();
            // The same choice on every run, whatever order the system lists its fonts in.
            cjk.sort_by(|a, b| a.family.cmp(&b.family));
            cjk.first().copied()
        })
        .map(|info| info.family.clone())
}
