//! Paper: every form of the sample company printed to PDF, by svc itself and by Chromium
//! from the HTML, measured with poppler's tools (independent of both): page counts, the
//! text a reader finds, the fonts embedded, a page rendered to pixels.

use crate::common::{self, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A tool of poppler-utils, when installed (CI installs it and sets `SVC_REQUIRE_PDF`, so
/// these tests cannot pass by being skipped there).
fn poppler() -> bool {
    let found = Command::new("pdfinfo").arg("-v").output().is_ok();
    assert!(
        found || std::env::var_os("SVC_REQUIRE_PDF").is_none(),
        "SVC_REQUIRE_PDF is set but poppler-utils is missing: apt-get install -y poppler-utils"
    );
    if !found {
        eprintln!("skipped: poppler-utils is not installed (apt-get install -y poppler-utils)");
    }
    found
}

/// The sample company, with one case grown to the item 1 sizes: a visit record with four
/// parts and a fee list of twelve items.
struct Sample {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

const FULL: &str = "SR-20261014-2YFARG";
const FULL_DIR: &str = "cases/2026/10/SR-20261014-2YFARG";
const THREE_VISITS: &str = "SR-20261012-13WHY2";

impl Sample {
    fn new() -> Sample {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("company");
        let out = svc_in(dir.path(), &["init", "--example", root.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let sample = Sample { _dir: dir, root };
        // Two more parts on the first visit (four in all).
        let visit = sample.root.join(FULL_DIR).join("visits/01-nn-qingxiu.toml");
        let text = std::fs::read_to_string(&visit).unwrap();
        let more = "[[parts_replaced]]\ncode = \"EOC-PSU\"\nqty = 1\nserial_out = \"EPSU-2205-0177\"\nserial_in = \"EPSU-2609-0311\"\n\n[[parts_replaced]]\ncode = \"SPD-PWR\"\nqty = 1\n\n";
        let text = text.replacen("# 客户确认 (7.7)", &format!("{more}# 客户确认 (7.7)"), 1);
        std::fs::write(&visit, text).unwrap();
        // Eight more items on the fee list (twelve in all), the total kept right.
        let fees = sample.root.join(FULL_DIR).join("fees.toml");
        let text = std::fs::read_to_string(&fees).unwrap();
        let item = "[[items]]\ncode = \"TRV-DAY\"\nqty = 1\nnote = \"补充一天 · one more day\"\n\n";
        let text = text
            .replacen("total = \"4740.00\"", "total = \"7140.00\"", 1)
            .replacen("amount = \"4740.00\"", "amount = \"7140.00\"", 1)
            .replacen(
                "# 客户签字后现场收费",
                &format!("{}# 客户签字后现场收费", item.repeat(8)),
                1,
            );
        std::fs::write(&fees, text).unwrap();
        sample
    }

    fn svc(&self, args: &[&str]) -> Output {
        svc_in(&self.root, args)
    }

    /// `svc ARGS -o NAME` succeeded; the file's path.
    fn write(&self, name: &str, args: &[&str]) -> PathBuf {
        let path = self.root.join(name);
        let mut all = args.to_vec();
        all.extend(["-o", path.to_str().unwrap()]);
        let out = self.svc(&all);
        assert!(out.status.success(), "svc {all:?}: {}", stderr(&out));
        path
    }
}

/// svc with the sample's clock (no SVC_NOW: the workspace's stopped clock is the moment).
fn svc_in(dir: &Path, args: &[&str]) -> Output {
    common::on_the_real_clock(Command::new(env!("CARGO_BIN_EXE_svc")))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run svc")
}

/// The first page of `pdf` as an image `out` + `.png` or `.pgm` (`-png` or `-gray`).
fn page_image(pdf: &Path, dpi: &str, kind: &str, out: &Path) {
    let args = [
        "-r",
        dpi,
        kind,
        "-singlefile",
        pdf.to_str().unwrap(),
        out.to_str().unwrap(),
    ];
    tool("pdftoppm", &args);
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().expect(name);
    assert!(out.status.success(), "{name} {args:?}: {}", stderr(&out));
    stdout(&out)
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// The text of each page.
fn page_texts(pdf: &Path) -> Vec<String> {
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    text.split('\u{c}')
        .map(str::to_owned)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Every font of the file is embedded (a subset), none a stand-in.
fn assert_fonts_embedded(pdf: &Path) {
    let list = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in {}", pdf.display());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: `emb` is the fifth from the end.
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
}

/// Chromium's print of an HTML page (Debian's package; CI installs it).
fn chromium_pdf(html: &Path) -> Option<PathBuf> {
    let chromium = common::chromium()?;
    let pdf = html.with_extension("chromium.pdf");
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success() && pdf.exists(),
        "chromium: {}",
        stderr(&out)
    );
    Some(pdf)
}

/// Both prints of a form or dossier: svc's PDF, and Chromium's of the HTML.
fn both(sample: &Sample, name: &str, args: &[&str]) -> Vec<PathBuf> {
    let mut pdfs = vec![sample.write(&format!("{name}.pdf"), args)];
    let html = sample.write(&format!("{name}.html"), args);
    pdfs.extend(chromium_pdf(&html));
    pdfs
}

#[test]
fn a_visit_record_with_four_parts_and_a_fee_list_of_twelve_items_fit_one_page() {
    if !poppler() {
        return;
    }
    let sample = Sample::new();
    let visit = both(
        &sample,
        "visit",
        &["render", FULL, "visit", "--site", "nn-qingxiu"],
    );
    let fees = both(&sample, "fees", &["render", FULL, "fees"]);
    for pdf in visit.iter().chain(&fees) {
        assert_eq!(pages(pdf), 1, "{} is not one page", pdf.display());
    }
    for pdf in &fees {
        // Line breaks fall where the layout puts them: compare without white space.
        let text: String = page_texts(pdf)
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // The customer, the case, the currency and the total in Chinese capitals.
        assert!(
            text.contains("广西广播电视信息网络股份有限公司"),
            "no customer in {}:\n{text}",
            pdf.display()
        );
        assert!(text.contains(FULL), "no case id in {}", pdf.display());
        assert!(
            text.contains("人民币(CNY)"),
            "no currency in {}",
            pdf.display()
        );
        assert!(
            text.contains("人民币柒仟壹佰肆拾元整"),
            "no capital amount in {}:\n{text}",
            pdf.display()
        );
        // Items, then total, then payment, then the customer's signature.
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("no {needle} in {}:\n{text}", pdf.display()))
        };
        assert!(at("TRV-DAY") < at("大写金额"), "items before the total");
        assert!(at("大写金额") < at("收费记录"), "total before the payment");
        assert!(
            at("收费记录") < at("客户签字"),
            "payment before the signature"
        );
    }
    assert_fonts_embedded(&fees[0]);
    assert_fonts_embedded(&visit[0]);
}

#[test]
fn an_expense_claim_starts_each_record_on_a_page_and_keeps_signatures_whole() {
    if !poppler() {
        return;
    }
    let sample = Sample::new();
    for pdf in both(
        &sample,
        "claim",
        &["report", "case", THREE_VISITS, "--expense-claim"],
    ) {
        let texts = page_texts(&pdf);
        // The claim itself (its expenses take pages of their own), then the three visit
        // records and the summary, each from the top of a page of its own: the pages with
        // a form's head (its number box) are the last four.
        let heads: Vec<usize> = texts
            .iter()
            .enumerate()
            .filter(|(_, t)| t.contains("表单编号"))
            .map(|(i, _)| i)
            .collect();
        let n = texts.len();
        assert_eq!(
            heads,
            (n - 4..n).collect::<Vec<_>>(),
            "{}: form heads on pages {heads:?} of {n}",
            pdf.display()
        );
        for (i, site) in [(n - 4, "乌鲁木齐"), (n - 3, "库尔勒"), (n - 2, "喀什")] {
            assert!(
                texts[i].contains("现场服务记录") && texts[i].contains(site),
                "{} page {}: {}",
                pdf.display(),
                i + 1,
                texts[i]
            );
        }
        assert!(texts[n - 1].contains("服务总结报告"), "{}", texts[n - 1]);
        // A signature block is whole: where its header is, its last line is too.
        for (i, t) in texts.iter().enumerate().skip(1) {
            assert!(
                t.contains("签字人") == t.contains("客户服务中心审核"),
                "{} page {}: a signature block split:\n{t}",
                pdf.display(),
                i + 1
            );
        }
    }
}

#[test]
fn the_dossier_and_the_monthly_report_print_and_a_page_shows_ink() {
    if !poppler() {
        return;
    }
    let sample = Sample::new();
    let dossier = sample.write("dossier.pdf", &["report", "case", FULL]);
    let texts = page_texts(&dossier);
    let all = texts.concat();
    assert!(
        all.contains("广西广播电视信息网络股份有限公司") && all.contains(FULL),
        "{all}"
    );
    assert!(
        texts.len() >= 7,
        "the facts, then a page per form: {} pages",
        texts.len()
    );
    assert_fonts_embedded(&dossier);
    let monthly = sample.write("monthly.pdf", &["report", "monthly", "--month", "2026-11"]);
    let text = page_texts(&monthly).concat();
    assert!(
        text.contains("深圳市华讯通网络终端设备厂") && text.contains("2026-11"),
        "{text}"
    );
    // The response targets, and the one promise broken that month.
    assert!(
        text.contains("服务时限(5.1.7)") && text.contains("SR-20261119-EX5594"),
        "{text}"
    );
    assert_fonts_embedded(&monthly);
    // The first page of the fee list as pixels: real glyphs leave ink across the page.
    let fees = sample.write("fees.pdf", &["render", FULL, "fees"]);
    let prefix = sample.root.join("fees-page");
    page_image(&fees, "40", "-gray", &prefix);
    let image = std::fs::read(prefix.with_extension("pgm")).unwrap();
    let (width, height, pixels) = pgm(&image);
    let dark = pixels.iter().filter(|&&p| p < 128).count();
    let share = dark as f64 / (width * height) as f64;
    assert!(
        (0.02..0.5).contains(&share),
        "{share:.3} of the page is ink"
    );
}

/// Width, height and pixels of a binary PGM (P5, 8 bits).
fn pgm(bytes: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let width: usize = fields[1].parse().unwrap();
    let height: usize = fields[2].parse().unwrap();
    (width, height, &bytes[at + 1..])
}

#[test]
fn without_a_chinese_font_there_is_no_pdf_and_the_error_says_what_to_install() {
    let sample = Sample::new();
    // A folder with no font in it, and a family this machine does not have.
    let empty = tempfile::tempdir().unwrap();
    for font in [empty.path().to_str().unwrap(), "No Such Family"] {
        let out = sample.svc(&["render", FULL, "fees", "-o", "fees.pdf", "--font", font]);
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(stderr(&out).contains(font), "{}", stderr(&out));
        assert!(stderr(&out).contains("fonts-noto-cjk"), "{}", stderr(&out));
        assert!(!sample.root.join("fees.pdf").exists(), "no half-made file");
    }
}

#[test]
fn the_dossier_shows_the_photos_and_lists_the_other_attachments() {
    if !poppler() {
        return;
    }
    let sample = Sample::new();
    // A photo (a page of the fee list, as PNG) and a log file, committed with the case.
    let fees = sample.write("fees.pdf", &["render", FULL, "fees"]);
    let folder = sample.root.join(FULL_DIR).join("attachments");
    std::fs::create_dir_all(&folder).unwrap();
    let photo = folder.join("机房照片");
    page_image(&fees, "30", "-png", &photo);
    std::fs::write(folder.join("console.log"), "ONU 注册失败\n".repeat(100)).unwrap();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(&sample.root)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "吴刚")
            .env("GIT_AUTHOR_EMAIL", "wu.gang@huaxuntong.cn")
            .env("GIT_COMMITTER_NAME", "吴刚")
            .env("GIT_COMMITTER_EMAIL", "wu.gang@huaxuntong.cn")
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    };
    git(&["add", "--", &format!("{FULL_DIR}/attachments")]);
    git(&["commit", "-q", "-m", "attachments"]);

    let pdf = sample.write("dossier.pdf", &["report", "case", FULL]);
    let text: String = page_texts(&pdf)
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("console.log1.7KB"), "{text}");
    assert!(text.contains("机房照片.png"), "{text}");
    let images = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(
        images.lines().skip(2).count(),
        1,
        "the photo, once: {images}"
    );

    let html =
        std::fs::read_to_string(sample.write("dossier.html", &["report", "case", FULL])).unwrap();
    assert!(
        html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"),
        "the photo inline"
    );
    assert!(
        html.contains("<td>console.log</td><td class=\"num\">1.7 KB</td>"),
        "the log listed"
    );
}

#[test]
fn letter_paper_and_a_workspaces_own_pdf_layout() {
    if !poppler() {
        return;
    }
    let sample = Sample::new();
    // [print] paper = "letter": both the PDF and the HTML's @page.
    let settings = sample.root.join("svc.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}\n[print]\npaper = \"letter\"\n")).unwrap();
    let pdf = sample.write("fees.pdf", &["render", FULL, "fees"]);
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
    let html =
        std::fs::read_to_string(sample.write("fees.html", &["render", FULL, "fees"])).unwrap();
    assert!(
        html.contains("@page { size: letter;"),
        "the HTML's page is Letter too"
    );

    // The workspace's form.typ replaces the built-in one, and imports svc.typ's layout.
    let templates = sample.root.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("form.typ"),
        "#import \"svc.typ\": *\n#show: page-setup\n= 本公司格式 #data.case_id\n#form(data.form)\n",
    )
    .unwrap();
    let pdf = sample.write("own.pdf", &["render", FULL, "fees"]);
    let text: String = page_texts(&pdf)
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains(&format!("本公司格式{FULL}")), "{text}");
    assert!(text.contains("人民币柒仟壹佰肆拾元整"), "{text}");

    // A broken one is reported with its file and line, and no PDF is written.
    std::fs::write(
        templates.join("form.typ"),
        "#import \"svc.typ\": *\n\n#nothing(1)\n",
    )
    .unwrap();
    let out = sample.svc(&["render", FULL, "fees", "-o", "broken.pdf"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("templates/form.typ, line 3"),
        "{}",
        stderr(&out)
    );
    assert!(!sample.root.join("broken.pdf").exists());
}
