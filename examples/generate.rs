//! Generate a large, valid svc workspace, for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example generate -- --cases 100000 /tmp/svc-100k
//! ```
//!
//! The workspace belongs to a fictional Shenzhen maker of network terminal equipment:
//! thirty people in every role, N/200 customers (at least five) with sites, installed
//! products and after-sales agreements, the parts price list and the rate card, and N cases
//! opened over the three years before 2026-11-27. Most cases are archived; a few percent
//! wait in each open state, about a tenth were solved by phone and a few were cancelled.
//! Each case carries the forms its state needs, filled in the way engineers fill them in
//! (Chinese free text of realistic length), and satisfies the rules of design §4 as of
//! 2026-11-27.
//!
//! Output is deterministic: every case is drawn from its own fixed-seed PRNG stream, so the
//! same N gives byte-identical files however the writing threads interleave. Only std and
//! the crate's existing dependencies are used; arguments are parsed by hand.

#[path = "generate/history.rs"]
mod history;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

const USAGE: &str =
    "usage: cargo run --release --example generate -- --cases N [--seed S] [--history] DIR";

/// The seed used unless `--seed` says otherwise.
const DEFAULT_SEED: u64 = 0x5356_4320_2026_1127;

/// The day the workspace is generated "as of": nothing happens on or after it.
const REFERENCE: (i64, i64, i64) = (2026, 11, 27);

/// How far back the history reaches, in days.
const HISTORY_DAYS: i64 = 3 * 365;

// ---------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------

struct Options {
    cases: usize,
    seed: u64,
    dir: PathBuf,
    /// Make the workspace a repository whose history is its cases' steps.
    history: bool,
}

fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut cases = None;
    let mut seed = DEFAULT_SEED;
    let mut history = false;
    let mut dir = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg, None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--history" => history = true,
            "--cases" => {
                let v = value("--cases")?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--cases wants a whole number, not `{v}`"))?;
                cases = Some(n);
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed wants a whole number, not `{v}`"))?;
            }
            _ if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option `{flag}`"));
            }
            _ => {
                if dir.is_some() {
                    return Err(format!("unexpected argument `{arg}`: give one DIR"));
                }
                dir = Some(PathBuf::from(arg));
            }
        }
        i += 1;
    }
    let cases = cases.ok_or("--cases N is required")?;
    let dir = dir.ok_or("the output folder DIR is required")?;
    Ok(Some(Options {
        cases,
        seed,
        dir,
        history,
    }))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse_args(&args) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let root = &options.dir;
    if root.exists() {
        let mut entries =
            std::fs::read_dir(root).map_err(|e| format!("cannot read {}: {e}", root.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} exists and is not empty; give a new or empty folder",
                root.display()
            ));
        }
    }
    mkdir(root)?;
    let world = World::new(options.cases, options.seed);
    let mut bytes = 0u64;
    let mut files = 0u64;
    for (rel, text) in world.shared_files() {
        let path = root.join(&rel);
        if let Some(parent) = path.parent() {
            mkdir(parent)?;
        }
        write(&path, &text)?;
        bytes += text.len() as u64;
        files += 1;
    }
    let suffixes = unique_suffixes(options.cases, options.seed);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let next = AtomicUsize::new(0);
    let results: Vec<Result<Tally, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| s.spawn(|| write_cases(&world, root, &suffixes, &next)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a writer thread panicked".to_string()))
            })
            .collect()
    });
    let mut tally = Tally::default();
    for result in results {
        tally.add(&result?);
    }
    bytes += tally.bytes;
    files += tally.files;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "wrote {} cases, {} customers: {files} files, {:.1} MB in {secs:.1} s to {}",
        options.cases,
        world.customers.len(),
        bytes as f64 / 1e6,
        root.display()
    );
    let states: Vec<String> = State::ALL
        .iter()
        .zip(tally.states)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", s.word()))
        .collect();
    println!("states: {}", states.join(", "));
    if options.history {
        let started = Instant::now();
        let commits = history::write(root, threads)?;
        println!(
            "committed the history: {commits} commits in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn mkdir(path: &Path) -> Result<(), String> {
    std::fs::create_dir_all(path).map_err(|e| format!("cannot create {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// What one writer thread produced.
#[derive(Default)]
struct Tally {
    files: u64,
    bytes: u64,
    states: [u64; 12],
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.files += other.files;
        self.bytes += other.bytes;
        for (a, b) in self.states.iter_mut().zip(other.states) {
            *a += b;
        }
    }
}

/// Take cases in small batches until none are left, writing each folder in one go.
fn write_cases(
    world: &World,
    root: &Path,
    suffixes: &[String],
    next: &AtomicUsize,
) -> Result<Tally, String> {
    const BATCH: usize = 32;
    let mut tally = Tally::default();
    loop {
        let start = next.fetch_add(BATCH, Ordering::Relaxed);
        if start >= suffixes.len() {
            return Ok(tally);
        }
        for (i, suffix) in suffixes.iter().enumerate().skip(start).take(BATCH) {
            let case = make_case(world, i, suffix);
            let dir = root.join(&case.dir);
            mkdir(&dir)?;
            if case
                .files
                .iter()
                .any(|(name, _)| name.starts_with("visits/"))
            {
                mkdir(&dir.join("visits"))?;
            }
            for (name, text) in &case.files {
                write(&dir.join(name), text)?;
                tally.bytes += text.len() as u64;
                tally.files += 1;
            }
            tally.states[case.state as usize] += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Randomness and time
// ---------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast, and good enough for synthetic data.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A stream for one purpose, independent of every other stream.
    fn stream(seed: u64, index: u64, purpose: u64) -> Rng {
        let mut r = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407));
        let a = r.next();
        Rng::new(a ^ purpose.wrapping_mul(0x9FB2_1C65_1E98_DF25))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + ((u128::from(self.next()) * (hi - lo + 1) as u128) >> 64) as i64
    }

    /// True with a probability of `permille`/1000.
    fn chance(&mut self, permille: u32) -> bool {
        self.below(1000) < permille as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of some fixed words.
    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

const MIN: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;
const WEEK: i64 = 7 * DAY;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// 0 = Monday … 6 = Sunday.
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// The day of a moment (seconds since the epoch, local time +08:00).
fn day_of(t: i64) -> i64 {
    t.div_euclid(DAY)
}

/// Seconds since local midnight.
fn sod(t: i64) -> i64 {
    t.rem_euclid(DAY)
}

fn reference_day() -> i64 {
    days_from_civil(REFERENCE.0, REFERENCE.1, REFERENCE.2)
}

/// The last moment anything may be recorded at.
fn last_moment() -> i64 {
    reference_day() * DAY - 1
}

fn push_date(out: &mut String, day: i64) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

fn push_ts(out: &mut String, t: i64) {
    push_date(out, day_of(t));
    let s = sod(t);
    let _ = write!(
        out,
        "T{:02}:{:02}:{:02}+08:00",
        s / HOUR,
        s % HOUR / MIN,
        s % MIN
    );
}

fn date_string(day: i64) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, day);
    s
}

/// Move a moment into office hours (Monday to Friday, 08:30–17:45).
fn office(t: i64, r: &mut Rng) -> i64 {
    let mut t = t;
    loop {
        let (d, s) = (day_of(t), sod(t));
        let wd = weekday(d);
        if wd >= 5 {
            t = (d + 7 - wd) * DAY + 8 * HOUR + 30 * MIN + r.range(0, 60 * MIN);
        } else if s < 8 * HOUR + 30 * MIN {
            return d * DAY + 8 * HOUR + 30 * MIN + r.range(0, 50 * MIN);
        } else if s > 17 * HOUR + 45 * MIN {
            t = (d + 1) * DAY + 8 * HOUR + 30 * MIN + r.range(0, 60 * MIN);
        } else {
            return t;
        }
    }
}

/// A moment some office time after `t`.
fn after(t: i64, lo: i64, hi: i64, r: &mut Rng) -> i64 {
    office(t + r.range(lo, hi), r)
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Six Crockford base32 characters for every case, unique across the workspace.
fn unique_suffixes(n: usize, seed: u64) -> Vec<String> {
    let mut r = Rng::stream(seed, u64::MAX, 7);
    let mut seen = HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let x = r.next() >> 34;
        if seen.insert(x) {
            let s: String = (0..6)
                .rev()
                .map(|k| char::from(CROCKFORD[((x >> (5 * k)) & 31) as usize]))
                .collect();
            out.push(s);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Text output
// ---------------------------------------------------------------------------------------

/// Append a double-quoted string (the same escapes serve TOML and YAML).
fn push_q(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `key = "value"` in TOML.
fn kv(out: &mut String, key: &str, value: impl AsRef<str>) {
    out.push_str(key);
    out.push_str(" = ");
    push_q(out, value.as_ref());
    out.push('\n');
}

/// `key = <timestamp>` in TOML.
fn kv_ts(out: &mut String, key: &str, t: i64) {
    out.push_str(key);
    out.push_str(" = ");
    push_ts(out, t);
    out.push('\n');
}

/// `key = <date>` in TOML.
fn kv_date(out: &mut String, key: &str, day: i64) {
    out.push_str(key);
    out.push_str(" = ");
    push_date(out, day);
    out.push('\n');
}

/// `key = ["a", "b"]` in TOML (or a flow list in YAML when `sep` is ": ").
fn kv_list<S: AsRef<str>>(out: &mut String, key: &str, sep: &str, items: &[S]) {
    out.push_str(key);
    out.push_str(sep);
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_q(out, item.as_ref());
    }
    out.push_str("]\n");
}

/// Money in fen as a decimal string.
fn money(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

// ---------------------------------------------------------------------------------------
// The company
// ---------------------------------------------------------------------------------------

const COMPANY: &str = "深圳市鹏远通信设备有限公司";
const COMPANY_EN: &str = "Shenzhen Pengyuan Communication Equipment Co., Ltd.";
const DOMAIN: &str = "pengyuan-tel.example.com";
const HOME: usize = 0;

struct Person {
    id: &'static str,
    name: &'static str,
    department: &'static str,
    roles: &'static [&'static str],
}

const CSC: &str = "市场部客户服务中心";
const SALES: &str = "产品销售部";

const fn p(
    id: &'static str,
    name: &'static str,
    department: &'static str,
    roles: &'static [&'static str],
) -> Person {
    Person {
        id,
        name,
        department,
        roles,
    }
}

const PEOPLE: &[Person] = &[
    p("sun.hui", "孙慧", CSC, &["csc", "admin"]),
    p("zhang.li", "张丽", CSC, &["csc"]),
    p("wang.fang", "王芳", CSC, &["csc"]),
    p("chen.jing", "陈静", CSC, &["csc"]),
    p("liu.yang", "刘洋", CSC, &["csc"]),
    p("zhao.min", "赵敏", CSC, &["csc"]),
    p("li.na", "李娜", CSC, &["lead", "csc"]),
    p("zhou.jian", "周健", CSC, &["lead", "csc"]),
    p("huang.wei", "黄伟", CSC, &["engineer"]),
    p("wu.qiang", "吴强", CSC, &["engineer"]),
    p("xu.lei", "徐磊", CSC, &["engineer"]),
    p("zheng.hao", "郑浩", CSC, &["engineer"]),
    p("he.jun", "何军", CSC, &["engineer"]),
    p("luo.gang", "罗刚", CSC, &["engineer"]),
    p("liang.bin", "梁斌", CSC, &["engineer"]),
    p("song.tao", "宋涛", CSC, &["engineer"]),
    p("xie.peng", "谢鹏", CSC, &["engineer"]),
    p("han.dong", "韩东", CSC, &["engineer"]),
    p("tang.chao", "唐超", CSC, &["engineer"]),
    p("feng.yu", "冯宇", "研发部", &["engineer"]),
    p("deng.li", "邓丽", SALES, &["sales"]),
    p("cao.ying", "曹颖", SALES, &["sales"]),
    p("peng.fei", "彭飞", SALES, &["sales", "engineer"]),
    p("zeng.kai", "曾凯", SALES, &["sales", "engineer"]),
    p("xiao.bo", "肖波", SALES, &["sales", "engineer"]),
    p("tian.lin", "田林", SALES, &["sales", "engineer"]),
    p("du.hong", "杜红", SALES, &["sales-lead", "sales"]),
    p("ma.guoqiang", "马国强", "网络终端设备厂", &["manager"]),
    p("lin.zhiyuan", "林志远", "市场部", &["manager"]),
    p("jiang.yun", "蒋云", "信息中心", &["admin"]),
];

fn people_where(f: impl Fn(&Person) -> bool) -> Vec<usize> {
    (0..PEOPLE.len()).filter(|&i| f(&PEOPLE[i])).collect()
}

struct City {
    name: &'static str,
    slug: &'static str,
    en: &'static str,
    province: &'static str,
    /// 0 home, 1 nearby (by road), 2 a few hours by train, 3 far.
    class: u8,
}

const fn c(
    name: &'static str,
    slug: &'static str,
    en: &'static str,
    province: &'static str,
    class: u8,
) -> City {
    City {
        name,
        slug,
        en,
        province,
        class,
    }
}

const CITIES: &[City] = &[
    c("深圳", "sz", "Shenzhen", "广东", 0),
    c("广州", "gz", "Guangzhou", "广东", 1),
    c("东莞", "dg", "Dongguan", "广东", 1),
    c("佛山", "fs", "Foshan", "广东", 1),
    c("惠州", "huizhou", "Huizhou", "广东", 1),
    c("珠海", "zh", "Zhuhai", "广东", 1),
    c("中山", "zs", "Zhongshan", "广东", 1),
    c("江门", "jm", "Jiangmen", "广东", 1),
    c("汕头", "st", "Shantou", "广东", 2),
    c("湛江", "zj", "Zhanjiang", "广东", 2),
    c("韶关", "sg", "Shaoguan", "广东", 2),
    c("长沙", "cs", "Changsha", "湖南", 2),
    c("南宁", "nn", "Nanning", "广西", 2),
    c("桂林", "gl", "Guilin", "广西", 2),
    c("福州", "fz", "Fuzhou", "福建", 2),
    c("厦门", "xm", "Xiamen", "福建", 2),
    c("南昌", "nc", "Nanchang", "江西", 2),
    c("赣州", "ganzhou", "Ganzhou", "江西", 2),
    c("海口", "hk", "Haikou", "海南", 2),
    c("武汉", "wh", "Wuhan", "湖北", 2),
    c("北京", "bj", "Beijing", "北京", 3),
    c("上海", "sh", "Shanghai", "上海", 3),
    c("杭州", "hangzhou", "Hangzhou", "浙江", 3),
    c("南京", "nj", "Nanjing", "江苏", 3),
    c("成都", "cd", "Chengdu", "四川", 3),
    c("重庆", "cq", "Chongqing", "重庆", 3),
    c("西安", "xa", "Xi'an", "陕西", 3),
    c("郑州", "zz", "Zhengzhou", "河南", 3),
    c("沈阳", "sy", "Shenyang", "辽宁", 3),
    c("哈尔滨", "hrb", "Harbin", "黑龙江", 3),
    c("乌鲁木齐", "wlmq", "Urumqi", "新疆", 3),
    c("昆明", "km", "Kunming", "云南", 3),
    c("贵阳", "gy", "Guiyang", "贵州", 3),
    c("兰州", "lz", "Lanzhou", "甘肃", 3),
    c("天津", "tj", "Tianjin", "天津", 3),
    c("济南", "jn", "Jinan", "山东", 3),
    c("青岛", "qd", "Qingdao", "山东", 3),
    c("合肥", "hf", "Hefei", "安徽", 3),
    c("石家庄", "sjz", "Shijiazhuang", "河北", 3),
    c("太原", "ty", "Taiyuan", "山西", 3),
    c("长春", "cc", "Changchun", "吉林", 3),
    c("大连", "dl", "Dalian", "辽宁", 3),
    c("呼和浩特", "hhht", "Hohhot", "内蒙古", 3),
    c("银川", "yc", "Yinchuan", "宁夏", 3),
    c("西宁", "xn", "Xining", "青海", 3),
];

/// Kinds of customer: (Chinese name with {c} for the city, id slug, English name).
const ORGS: &[(&str, &str, &str)] = &[
    ("中国电信{c}分公司", "telecom", "China Telecom {e} Branch"),
    ("中国移动{c}分公司", "mobile", "China Mobile {e} Branch"),
    ("中国联通{c}分公司", "unicom", "China Unicom {e} Branch"),
    ("{c}广电网络有限公司", "catv", "{e} Cable Network Co., Ltd."),
    (
        "{c}供电局通信中心",
        "power",
        "{e} Power Supply Bureau Communication Centre",
    ),
    ("{c}铁路通信段", "rail", "{e} Railway Communication Section"),
    (
        "{c}高速公路管理处",
        "highway",
        "{e} Expressway Administration",
    ),
    ("{c}农村商业银行", "bank", "{e} Rural Commercial Bank"),
    (
        "{c}市第一人民医院",
        "hospital",
        "{e} First People's Hospital",
    ),
    ("{c}大学网络中心", "univ", "{e} University Network Centre"),
    (
        "{c}市政务信息中心",
        "gov",
        "{e} Government Information Centre",
    ),
    ("{c}石化分公司", "petro", "{e} Petrochemical Branch"),
    ("{c}港务集团", "port", "{e} Port Group"),
    ("{c}水务集团", "water", "{e} Water Group"),
    (
        "{c}地铁运营有限公司",
        "metro",
        "{e} Metro Operation Co., Ltd.",
    ),
];

const SITE_KINDS: &[(&str, &str)] = &[
    ("中心机房", "hub"),
    ("东区机房", "east"),
    ("西区机房", "west"),
    ("南区机房", "south"),
    ("北区机房", "north"),
    ("开发区汇聚站", "devzone"),
    ("高新区接入点", "hitech"),
    ("新区数据中心", "dc"),
    ("营业大楼", "office"),
    ("调度中心", "dispatch"),
    ("一号站点", "site1"),
    ("二号站点", "site2"),
];

const DISTRICTS: &[&str] = &["城区", "高新区", "经济开发区", "新区", "港区", "老城区"];
const ROADS: &[&str] = &[
    "人民路",
    "建设路",
    "解放路",
    "中山路",
    "科技路",
    "工业大道",
    "滨江路",
    "长江路",
    "和平路",
    "文化路",
    "迎宾大道",
    "南环路",
];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
    "秀英", "建华", "志强", "海燕", "晓东", "国平", "丽华", "建军", "文斌", "春梅", "永刚", "红霞",
    "立新", "雪峰", "德明",
];
const CONTACT_TITLES: &[&str] = &[
    "机房主任",
    "网络部经理",
    "维护工程师",
    "信息科科长",
    "通信班班长",
    "技术主管",
    "值班长",
    "运维部副经理",
];

struct Model {
    code: &'static str,
    name: &'static str,
    serial: &'static str,
}

const MODELS: &[Model] = &[
    Model {
        code: "PY-OLT8000",
        name: "光线路终端",
        serial: "OLT8K",
    },
    Model {
        code: "PY-ONU220",
        name: "光网络单元",
        serial: "ONU22",
    },
    Model {
        code: "PY-MUX30",
        name: "PCM综合复用设备",
        serial: "MUX30",
    },
    Model {
        code: "PY-SDH155",
        name: "SDH光传输设备",
        serial: "SDH15",
    },
    Model {
        code: "PY-SW2600",
        name: "以太网交换机",
        serial: "SW26K",
    },
    Model {
        code: "PY-RT1800",
        name: "接入路由器",
        serial: "RT18K",
    },
    Model {
        code: "PY-IAD16",
        name: "综合接入设备",
        serial: "IAD16",
    },
    Model {
        code: "PY-PC2M",
        name: "E1协议转换器",
        serial: "PC2M0",
    },
];

/// A wearing part: code, name, English name, unit, price in fen, kind
/// (p power, o optics, h hardware, e environment, m miscellaneous).
type Part = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    u8,
);

const PARTS: &[Part] = &[
    (
        "PWR-AC220",
        "交流220V电源模块",
        "AC 220 V power module",
        "块",
        68_000,
        b'p',
    ),
    (
        "PWR-DC48",
        "-48V直流电源模块",
        "-48 V DC power module",
        "块",
        62_000,
        b'p',
    ),
    (
        "PWR-ADP12",
        "12V电源适配器",
        "12 V power adapter",
        "个",
        8_500,
        b'p',
    ),
    ("PWR-FUSE5", "5A保险管", "5 A fuse", "只", 350, b'p'),
    (
        "PWR-BAT12",
        "12V/7Ah蓄电池",
        "12 V 7 Ah battery",
        "节",
        16_000,
        b'p',
    ),
    ("PWR-CORD", "电源线", "power cord", "条", 2_500, b'p'),
    (
        "OPT-SFP1G",
        "1.25G单模SFP光模块",
        "1.25G single-mode SFP",
        "个",
        26_000,
        b'o',
    ),
    (
        "OPT-SFP10G",
        "10G SFP+光模块",
        "10G SFP+ module",
        "个",
        78_000,
        b'o',
    ),
    (
        "OPT-PONC",
        "GPON OLT光模块(C+)",
        "GPON OLT optic (C+)",
        "个",
        135_000,
        b'o',
    ),
    ("OPT-PONU", "ONU光模块", "ONU optic", "个", 12_000, b'o'),
    (
        "OPT-PATCH3",
        "SC/UPC光纤跳线3米",
        "SC/UPC patch cord 3 m",
        "条",
        2_800,
        b'o',
    ),
    (
        "OPT-PIGTAIL",
        "单模尾纤",
        "single-mode pigtail",
        "条",
        1_200,
        b'o',
    ),
    (
        "OPT-ATT10",
        "10dB光衰减器",
        "10 dB attenuator",
        "个",
        3_500,
        b'o',
    ),
    (
        "OPT-155",
        "155M光接口板",
        "155M optical interface board",
        "块",
        165_000,
        b'o',
    ),
    (
        "HW-MAIN-OLT",
        "OLT主控板",
        "OLT main control board",
        "块",
        480_000,
        b'h',
    ),
    (
        "HW-PON8",
        "8口PON业务板",
        "8-port PON line card",
        "块",
        390_000,
        b'h',
    ),
    (
        "HW-E1-16",
        "16路E1接口板",
        "16 x E1 interface board",
        "块",
        145_000,
        b'h',
    ),
    (
        "HW-FXS8",
        "8路用户接口板",
        "8 x FXS subscriber board",
        "块",
        98_000,
        b'h',
    ),
    (
        "HW-ETH24",
        "24口以太网接口板",
        "24-port Ethernet board",
        "块",
        185_000,
        b'h',
    ),
    ("HW-FAN", "风扇单元", "fan unit", "个", 26_000, b'h'),
    ("HW-CLK", "时钟板", "clock board", "块", 120_000, b'h'),
    (
        "HW-CF",
        "系统存储卡",
        "system flash card",
        "张",
        18_000,
        b'h',
    ),
    (
        "HW-MAIN-SW",
        "交换机主板",
        "switch main board",
        "块",
        260_000,
        b'h',
    ),
    (
        "HW-MAIN-RT",
        "路由器主板",
        "router main board",
        "块",
        230_000,
        b'h',
    ),
    (
        "ENV-SPD-AC",
        "交流电源防雷器",
        "AC surge protector",
        "个",
        32_000,
        b'e',
    ),
    (
        "ENV-SPD-NET",
        "网络信号防雷器",
        "Ethernet surge protector",
        "个",
        9_500,
        b'e',
    ),
    (
        "ENV-SPD-E1",
        "E1信号防雷器",
        "E1 surge protector",
        "个",
        11_000,
        b'e',
    ),
    ("ENV-FILTER", "防尘网", "dust filter", "片", 1_500, b'e'),
    ("ENV-GND", "接地线", "grounding cable", "米", 800, b'e'),
    ("MISC-RJ45", "RJ45水晶头", "RJ45 plugs", "盒", 4_500, b'm'),
    ("MISC-CAT6", "六类网线", "Cat 6 cable", "米", 350, b'm'),
    (
        "MISC-COAX",
        "E1同轴电缆",
        "E1 coaxial cable",
        "米",
        600,
        b'm',
    ),
];

/// A line of the rate card: code, name, English name, kind, unit, price in fen.
type RateLine = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
);

const RATES: &[RateLine] = &[
    (
        "SVC-HW-REPAIR",
        "硬件维修费",
        "hardware repair",
        "hardware",
        "次",
        60_000,
    ),
    (
        "SVC-HW-BOARD",
        "板卡级维修费",
        "board-level repair",
        "hardware",
        "块",
        30_000,
    ),
    (
        "SVC-SW-UPGRADE",
        "软件升级维护费",
        "software upgrade",
        "software",
        "次",
        80_000,
    ),
    (
        "SVC-SW-CONFIG",
        "配置调整服务费",
        "reconfiguration",
        "software",
        "次",
        40_000,
    ),
    (
        "SVC-LABOUR",
        "工程师现场服务费",
        "engineer on site",
        "labour",
        "人·天",
        80_000,
    ),
    (
        "SVC-OVERTIME",
        "加班服务费",
        "overtime",
        "labour",
        "小时",
        15_000,
    ),
    (
        "SVC-INSTALL",
        "设备安装调试费",
        "installation and commissioning",
        "labour",
        "台",
        50_000,
    ),
    (
        "SVC-TRAINING",
        "用户培训费",
        "customer training",
        "labour",
        "天",
        100_000,
    ),
    (
        "SVC-TRAVEL-LOCAL",
        "市内交通费",
        "local travel",
        "travel",
        "次",
        10_000,
    ),
    (
        "SVC-TRAVEL-PROV",
        "省内差旅费",
        "travel within the province",
        "travel",
        "次",
        60_000,
    ),
    (
        "SVC-TRAVEL-NATL",
        "跨省差旅费",
        "travel to another province",
        "travel",
        "次",
        150_000,
    ),
];

fn rate(code: &str) -> i64 {
    RATES.iter().find(|r| r.0 == code).map_or(0, |r| r.5)
}

// ---------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------

struct Contact {
    name: String,
    title: &'static str,
    phone: String,
}

struct Site {
    id: String,
    name: String,
    city: usize,
    address: String,
    products: Vec<usize>,
}

struct Product {
    serial: String,
    model: usize,
    site: usize,
    installed: i64,
    warranty_end: i64,
}

struct Agreement {
    id: String,
    signed: i64,
    from: i64,
    to: i64,
    charges: bool,
    terms: &'static str,
    signed_by: usize,
}

struct Customer {
    id: String,
    name: String,
    name_en: String,
    salesperson: usize,
    contacts: Vec<Contact>,
    sites: Vec<Site>,
    products: Vec<Product>,
    agreements: Vec<Agreement>,
}

/// Agreement terms and whether they let the engineer charge on site.
const AGREEMENT_TERMS: &[(&str, bool)] = &[
    (
        "年度维保：每年两次免费巡检，人工费全免，更换备件按易损件价目表收费。",
        true,
    ),
    (
        "全保服务：协议期内现场服务、差旅及备件全部免费，四小时响应，二十四小时内到达现场。",
        false,
    ),
    (
        "响应承诺：四小时响应，省内二十四小时、省外四十八小时内到达现场；软件升级和备件按价目表收费。",
        true,
    ),
    (
        "延保服务：设备保修期延长两年，延保期内硬件故障免费维修，人为及环境原因损坏除外。",
        false,
    ),
];

fn person_name(r: &mut Rng) -> String {
    format!("{}{}", r.word(SURNAMES), r.word(GIVEN))
}

fn mobile(r: &mut Rng) -> String {
    const PREFIX: &[&str] = &[
        "135", "136", "137", "138", "139", "150", "158", "186", "189",
    ];
    format!("{}{:08}", r.word(PREFIX), r.range(0, 99_999_999))
}

fn make_customers(count: usize, seed: u64) -> Vec<Customer> {
    let mut r = Rng::stream(seed, u64::MAX - 1, 1);
    let city_weights: Vec<u32> = CITIES
        .iter()
        .map(|c| match c.class {
            0 => 14,
            1 => 6,
            2 => 3,
            _ => 2,
        })
        .collect();
    let sales = people_where(|p| p.roles.contains(&"sales"));
    let signers = people_where(|p| p.roles.contains(&"lead") || p.roles.contains(&"sales-lead"));
    let mut ids = HashSet::new();
    let mut serial_no = 0u32;
    let mut agreement_no = 0u32;
    let first_install = days_from_civil(2015, 1, 1);
    let late_install = days_from_civil(2023, 7, 1);
    let last_install = reference_day() - 30;
    let mut customers = Vec::with_capacity(count);
    for _ in 0..count {
        let city = r.weighted(&city_weights);
        let org = r.below(ORGS.len());
        let base = format!("{}-{}", CITIES[city].slug, ORGS[org].1);
        let mut id = base.clone();
        let mut k = 1;
        while !ids.insert(id.clone()) {
            k += 1;
            id = format!("{base}-{k}");
        }
        let mut name = ORGS[org].0.replace("{c}", CITIES[city].name);
        let mut name_en = ORGS[org].2.replace("{e}", CITIES[city].en);
        if k > 1 {
            let _ = write!(name, "（第{k}项目部）");
            let _ = write!(name_en, " (project office {k})");
        }
        let contacts = (0..r.range(2, 4))
            .map(|_| Contact {
                name: person_name(&mut r),
                title: r.word(CONTACT_TITLES),
                phone: mobile(&mut r),
            })
            .collect();
        let mut kinds: Vec<usize> = (0..SITE_KINDS.len()).collect();
        let n_sites = [1, 1, 2, 2, 2, 3, 3, 4][r.below(8)];
        let mut sites = Vec::new();
        for s in 0..n_sites {
            let kind = kinds.remove(r.below(kinds.len()));
            // Now and then a site stands in another city of the same province.
            let site_city = if s > 0 && r.chance(150) {
                let same: Vec<usize> = (0..CITIES.len())
                    .filter(|&c| CITIES[c].province == CITIES[city].province)
                    .collect();
                *r.pick(&same)
            } else {
                city
            };
            sites.push(Site {
                id: format!("{}-{}", CITIES[site_city].slug, SITE_KINDS[kind].1),
                name: format!("{}{}", CITIES[site_city].name, SITE_KINDS[kind].0),
                city: site_city,
                address: format!(
                    "{}市{}{}{}号",
                    CITIES[site_city].name,
                    r.word(DISTRICTS),
                    r.word(ROADS),
                    r.range(1, 388)
                ),
                products: Vec::new(),
            });
        }
        let n_products = if r.chance(200) {
            r.range(20, 60)
        } else {
            r.range(4, 20)
        } as usize;
        let mut products = Vec::with_capacity(n_products);
        for k in 0..n_products.max(n_sites) {
            let site = if k < n_sites { k } else { r.below(n_sites) };
            let model = r.below(MODELS.len());
            let installed = if r.chance(650) {
                r.range(first_install, late_install)
            } else {
                r.range(late_install, last_install)
            };
            let years = [1, 2, 2, 2, 3][r.below(5)];
            let (y, m, _) = civil_from_days(installed);
            serial_no += 1;
            sites[site].products.push(products.len());
            products.push(Product {
                serial: format!(
                    "{}-{:02}{:02}-{:05}",
                    MODELS[model].serial,
                    y % 100,
                    m,
                    serial_no
                ),
                model,
                site,
                installed,
                warranty_end: installed + years * 365,
            });
        }
        let mut agreements = Vec::new();
        if r.chance(350) {
            for _ in 0..r.range(1, 2) {
                let signed = r.range(days_from_civil(2021, 1, 1), reference_day() - 60);
                let from = signed + r.range(0, 30);
                let (term, charges) = *r.pick(AGREEMENT_TERMS);
                agreement_no += 1;
                agreements.push(Agreement {
                    id: format!("SA{}-{:04}", civil_from_days(signed).0, agreement_no),
                    signed,
                    from,
                    to: from + r.range(1, 3) * 365 - 1,
                    charges,
                    terms: term,
                    signed_by: *r.pick(&signers),
                });
            }
        }
        customers.push(Customer {
            id,
            name,
            name_en,
            salesperson: *r.pick(&sales),
            contacts,
            sites,
            products,
            agreements,
        });
    }
    customers
}

// ---------------------------------------------------------------------------------------
// The world: shared files and the pools cases draw from
// ---------------------------------------------------------------------------------------

struct World {
    seed: u64,
    customers: Vec<Customer>,
    /// Cumulative product counts, to pick customers in proportion to their equipment.
    weight_sum: Vec<u64>,
    csc: Vec<usize>,
    leads: Vec<usize>,
    sales: Vec<usize>,
    sales_engineers: Vec<usize>,
    sales_lead: Vec<usize>,
    engineers: Vec<usize>,
    rnd: Vec<usize>,
    managers: Vec<usize>,
}

impl World {
    fn new(cases: usize, seed: u64) -> World {
        let customers = make_customers((cases / 200).max(5), seed);
        let mut total = 0u64;
        let weight_sum = customers
            .iter()
            .map(|c| {
                total += c.products.len() as u64;
                total
            })
            .collect();
        World {
            seed,
            customers,
            weight_sum,
            csc: people_where(|p| p.roles.contains(&"csc")),
            leads: people_where(|p| p.roles.contains(&"lead")),
            sales: people_where(|p| p.roles.contains(&"sales")),
            sales_engineers: people_where(|p| {
                p.roles.contains(&"sales") && p.roles.contains(&"engineer")
            }),
            sales_lead: people_where(|p| p.roles.contains(&"sales-lead")),
            engineers: people_where(|p| p.department == CSC && p.roles.contains(&"engineer")),
            rnd: people_where(|p| p.department == "研发部"),
            managers: people_where(|p| p.roles.contains(&"manager")),
        }
    }

    fn pick_customer(&self, r: &mut Rng) -> usize {
        let total = self.weight_sum.last().copied().unwrap_or(1);
        let x = r.below(total as usize) as u64;
        self.weight_sum.partition_point(|&w| w <= x)
    }

    fn shared_files(&self) -> Vec<(String, String)> {
        let mut files = vec![
            ("svc.toml".to_string(), settings()),
            ("people.toml".to_string(), people()),
            ("catalog/parts.toml".to_string(), parts()),
            ("catalog/rates.toml".to_string(), rates()),
        ];
        for c in &self.customers {
            files.push((format!("customers/{}.toml", c.id), customer_file(c)));
        }
        files
    }
}

fn settings() -> String {
    let mut o = String::new();
    o.push_str("# svc.toml — 工作区设置 · workspace settings\n\n");
    kv(&mut o, "timezone", "+08:00");
    kv(&mut o, "currency", "CNY");
    kv(&mut o, "locale", "zh-CN");
    kv(&mut o, "id_prefix", "SR");
    o.push_str("\n[company]\n");
    kv(&mut o, "name", COMPANY);
    kv(&mut o, "name_en", COMPANY_EN);
    kv(&mut o, "department", CSC);
    kv(&mut o, "home_city", CITIES[HOME].name);
    o.push_str("\n[workday]\n");
    kv(&mut o, "morning_start", "08:30");
    kv(&mut o, "afternoon_start", "14:00");
    o.push_str("\n[workflow]\n");
    kv(&mut o, "review", "direct");
    o.push_str("require_confirmation = true\n");
    o
}

fn people() -> String {
    let mut o = String::from("# people.toml — 人员与角色 · who is who\n");
    for (i, p) in PEOPLE.iter().enumerate() {
        o.push_str("\n[[person]]\n");
        kv(&mut o, "id", p.id);
        kv(&mut o, "name", p.name);
        kv(&mut o, "email", format!("{}@{DOMAIN}", p.id));
        kv(&mut o, "department", p.department);
        kv_list(&mut o, "roles", " = ", p.roles);
        kv(&mut o, "phone", format!("0755-2688{:04}", 3100 + i * 7));
    }
    o
}

fn parts() -> String {
    let mut o = String::from("# 易损件价目表 · wearing-parts price list (11.1)\n");
    for (code, name, en, unit, price, _) in PARTS {
        o.push_str("\n[[part]]\n");
        kv(&mut o, "code", code);
        kv(&mut o, "name", name);
        kv(&mut o, "name_en", en);
        kv(&mut o, "unit", unit);
        kv(&mut o, "price", money(*price));
    }
    o
}

fn rates() -> String {
    let mut o = String::from("# 现场服务收费清单 · on-site service rate card (9.3)\n");
    for (code, name, en, kind, unit, price) in RATES {
        o.push_str("\n[[rate]]\n");
        kv(&mut o, "code", code);
        kv(&mut o, "name", name);
        kv(&mut o, "name_en", en);
        kv(&mut o, "kind", kind);
        kv(&mut o, "unit", unit);
        kv(&mut o, "price", money(*price));
    }
    o
}

fn customer_file(c: &Customer) -> String {
    let mut o = String::with_capacity(512 + 160 * c.products.len());
    let _ = writeln!(o, "# 客户资料 · customer {}", c.name);
    kv(&mut o, "id", &c.id);
    kv(&mut o, "name", &c.name);
    kv(&mut o, "name_en", &c.name_en);
    kv(&mut o, "salesperson", PEOPLE[c.salesperson].id);
    for contact in &c.contacts {
        o.push_str("\n[[contacts]]\n");
        kv(&mut o, "name", &contact.name);
        kv(&mut o, "title", contact.title);
        kv(&mut o, "phone", &contact.phone);
    }
    for s in &c.sites {
        o.push_str("\n[[sites]]\n");
        kv(&mut o, "id", &s.id);
        kv(&mut o, "name", &s.name);
        kv(&mut o, "city", CITIES[s.city].name);
        kv(&mut o, "address", &s.address);
    }
    for p in &c.products {
        o.push_str("\n[[products]]\n");
        kv(&mut o, "serial", &p.serial);
        kv(&mut o, "model", MODELS[p.model].code);
        kv(&mut o, "site", &c.sites[p.site].id);
        kv_date(&mut o, "installed_on", p.installed);
        kv_date(&mut o, "warranty_end", p.warranty_end);
    }
    for a in &c.agreements {
        o.push_str("\n[[agreements]]\n");
        kv(&mut o, "id", &a.id);
        kv_date(&mut o, "signed_on", a.signed);
        kv_date(&mut o, "valid_from", a.from);
        kv_date(&mut o, "valid_to", a.to);
        let _ = writeln!(o, "charges_allowed = {}", a.charges);
        kv(&mut o, "terms", a.terms);
        kv(&mut o, "signed_by", PEOPLE[a.signed_by].id);
    }
    o
}

// ---------------------------------------------------------------------------------------
// Cases: the shape (who, where, what), the timing, then the forms
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Requested,
    Accepted,
    Assigned,
    PendingApproval,
    Approved,
    OnSite,
    Serviced,
    PendingReview,
    Reviewed,
    Archived,
    ResolvedRemotely,
    Cancelled,
}

impl State {
    const ALL: [State; 12] = [
        State::Requested,
        State::Accepted,
        State::Assigned,
        State::PendingApproval,
        State::Approved,
        State::OnSite,
        State::Serviced,
        State::PendingReview,
        State::Reviewed,
        State::Archived,
        State::ResolvedRemotely,
        State::Cancelled,
    ];

    /// Cases in each state, per thousand.
    const WEIGHTS: [u32; 12] = [20, 15, 15, 15, 15, 20, 15, 20, 20, 715, 100, 30];

    fn word(self) -> &'static str {
        match self {
            State::Requested => "requested",
            State::Accepted => "accepted",
            State::Assigned => "assigned",
            State::PendingApproval => "pending-approval",
            State::Approved => "approved",
            State::OnSite => "on-site",
            State::Serviced => "serviced",
            State::PendingReview => "pending-review",
            State::Reviewed => "reviewed",
            State::Archived => "archived",
            State::ResolvedRemotely => "resolved-remotely",
            State::Cancelled => "cancelled",
        }
    }

    fn closed(self) -> bool {
        matches!(
            self,
            State::Archived | State::ResolvedRemotely | State::Cancelled
        )
    }
}

// Levels of progress along the main line of the procedure.
const ACCEPTED: u8 = 1;
const ASSIGNED: u8 = 2;
const SUBMITTED: u8 = 3;
const APPROVED: u8 = 4;
const ON_SITE: u8 = 5;
const SERVICED: u8 = 6;
const HANDED_IN: u8 = 7;
const REVIEWED: u8 = 8;
const ARCHIVED: u8 = 9;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flight,
    Train,
    Bus,
    Car,
}

impl Mode {
    fn word(self) -> &'static str {
        match self {
            Mode::Flight => "flight",
            Mode::Train => "train",
            Mode::Bus => "bus",
            Mode::Car => "car",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Mode::Flight => "飞机",
            Mode::Train => "高铁",
            Mode::Bus => "长途客车",
            Mode::Car => "公司车",
        }
    }
}

/// One hop between cities, chosen before the dates are known.
struct Hop {
    mode: Mode,
    duration: i64,
    cost: i64,
}

/// Everything about a case that does not depend on when it happened.
struct Shape {
    state: State,
    /// How far along the main line the case got (where a cancelled case stopped).
    level: u8,
    customer: usize,
    /// Site indices in visiting order; the case's own site first.
    trip: Vec<usize>,
    hops: Vec<Hop>,
    via_sales: bool,
    assignees: Vec<usize>,
    helper: Option<usize>,
    receiver: usize,
    assigner: usize,
    lead: usize,
    sales_lead: usize,
    reviewer: usize,
    manager: usize,
    fault: usize,
    /// Which of the fault's stories this case tells.
    variant: usize,
    contact: usize,
    channel: &'static str,
    task_rejected: bool,
    review_rejected: bool,
}

impl Shape {
    fn travellers(&self) -> Vec<usize> {
        let mut t = self.assignees.clone();
        t.extend(self.helper);
        t
    }

    fn reached(&self, level: u8) -> bool {
        self.level >= level
    }
}

fn hop(from: usize, to: usize, travellers: i64, r: &mut Rng) -> Hop {
    let (a, b) = (&CITIES[from], &CITIES[to]);
    let class = if from == HOME {
        b.class
    } else if to == HOME {
        a.class
    } else if a.province == b.province {
        1
    } else {
        a.class.max(b.class).max(2)
    };
    let yuan = |r: &mut Rng, lo: i64, hi: i64| r.range(lo, hi) * 100;
    match class {
        0 | 1 => {
            if r.chance(600) {
                Hop {
                    mode: Mode::Car,
                    duration: r.range(80 * MIN, 210 * MIN),
                    cost: yuan(r, 150, 400),
                }
            } else {
                Hop {
                    mode: Mode::Bus,
                    duration: r.range(2 * HOUR, 4 * HOUR),
                    cost: yuan(r, 60, 150) * travellers,
                }
            }
        }
        2 => {
            if r.chance(850) {
                Hop {
                    mode: Mode::Train,
                    duration: r.range(3 * HOUR, 5 * HOUR + 30 * MIN),
                    cost: yuan(r, 150, 420) * travellers,
                }
            } else if r.chance(700) {
                Hop {
                    mode: Mode::Flight,
                    duration: r.range(3 * HOUR + 30 * MIN, 5 * HOUR),
                    cost: yuan(r, 700, 1500) * travellers,
                }
            } else {
                Hop {
                    mode: Mode::Bus,
                    duration: r.range(6 * HOUR, 8 * HOUR),
                    cost: yuan(r, 150, 260) * travellers,
                }
            }
        }
        _ => {
            if r.chance(650) {
                Hop {
                    mode: Mode::Flight,
                    duration: r.range(4 * HOUR, 6 * HOUR),
                    cost: yuan(r, 900, 2400) * travellers,
                }
            } else {
                Hop {
                    mode: Mode::Train,
                    duration: r.range(6 * HOUR, 9 * HOUR),
                    cost: yuan(r, 480, 950) * travellers,
                }
            }
        }
    }
}

fn shape(w: &World, r: &mut Rng) -> Shape {
    let state = State::ALL[r.weighted(&State::WEIGHTS)];
    let level = match state {
        State::Requested | State::ResolvedRemotely => 0,
        State::Accepted => ACCEPTED,
        State::Assigned => ASSIGNED,
        State::PendingApproval => SUBMITTED,
        State::Approved => APPROVED,
        State::OnSite => ON_SITE,
        State::Serviced => SERVICED,
        State::PendingReview => HANDED_IN,
        State::Reviewed => REVIEWED,
        State::Archived => ARCHIVED,
        State::Cancelled => {
            [0, ACCEPTED, ASSIGNED, SUBMITTED, APPROVED][r.weighted(&[35, 25, 20, 10, 10])]
        }
    };
    let customer = w.pick_customer(r);
    let c = &w.customers[customer];
    let first = c.products[r.below(c.products.len())].site;
    let mut trip = vec![first];
    if c.sites.len() > 1 && r.chance(150) {
        let mut others: Vec<usize> = (0..c.sites.len()).filter(|&s| s != first).collect();
        for _ in 0..r.range(1, 2).min(others.len() as i64) {
            trip.push(others.remove(r.below(others.len())));
        }
    }
    let via_sales = r.chance(150);
    let n = if via_sales {
        [1, 1, 2][r.below(3)]
    } else {
        [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][r.below(10)]
    };
    let pool = if via_sales {
        &w.sales_engineers
    } else {
        &w.engineers
    };
    let mut free = pool.clone();
    let assignees: Vec<usize> = (0..n).map(|_| free.remove(r.below(free.len()))).collect();
    let helper = if r.chance(100) {
        if via_sales || r.chance(400) {
            Some(*r.pick(&w.rnd))
        } else {
            Some(c.salesperson).filter(|p| !assignees.contains(p))
        }
    } else {
        None
    };
    let travellers = (assignees.len() + usize::from(helper.is_some())) as i64;
    let mut hops = Vec::new();
    let mut city = HOME;
    for &site in &trip {
        let to = c.sites[site].city;
        if to != city {
            hops.push(hop(city, to, travellers, r));
            city = to;
        }
    }
    if city != HOME {
        hops.push(hop(city, HOME, travellers, r));
    }
    let not_assigned = |people: &[usize]| -> Vec<usize> {
        people
            .iter()
            .copied()
            .filter(|p| !assignees.contains(p))
            .collect()
    };
    let (assigner, reviewer) = if via_sales {
        let sales = not_assigned(&w.sales);
        (*r.pick(&sales), *r.pick(&sales))
    } else {
        (*r.pick(&w.csc), *r.pick(&w.csc))
    };
    let receiver = match r.weighted(&[850, 100, 50]) {
        0 => *r.pick(&w.csc),
        1 => c.salesperson,
        _ => *r.pick(&w.engineers),
    };
    Shape {
        state,
        level,
        customer,
        trip,
        hops,
        via_sales,
        assignees,
        helper,
        receiver,
        assigner,
        lead: *r.pick(&w.leads),
        sales_lead: *r.pick(&w.sales_lead),
        reviewer,
        manager: *r.pick(&w.managers),
        fault: r.weighted(&FAULT_WEIGHTS),
        variant: r.below(12),
        contact: r.below(c.contacts.len()),
        channel: [
            "phone", "phone", "phone", "phone", "email", "fax", "web", "visit",
        ][r.below(8)],
        task_rejected: r.chance(40),
        review_rejected: r.chance(30),
    }
}

struct LegAt {
    at: i64,
    from: usize,
    to: usize,
    mode: Mode,
    cost: i64,
    /// For a drive within the home city: the site, and whether the drive goes there.
    local: Option<(usize, bool)>,
}

impl LegAt {
    /// Where the leg starts and ends, as the engineer writes it.
    fn ends<'c>(&self, c: &'c Customer) -> (&'c str, &'c str) {
        const OFFICE: &str = "深圳（公司）";
        match self.local {
            Some((s, true)) => (OFFICE, &c.sites[s].name),
            Some((s, false)) => (&c.sites[s].name, OFFICE),
            None => (CITIES[self.from].name, CITIES[self.to].name),
        }
    }
}

/// When everything happened, in seconds since the epoch, local time (+08:00).
#[derive(Default)]
struct Timing {
    received: i64,
    opened: i64,
    resolved: i64,
    accepted: i64,
    assigned: i64,
    first_submit: i64,
    task_reject: i64,
    submitted: i64,
    flight_ok: Option<i64>,
    lead_at: i64,
    sales_lead_at: i64,
    approved: i64,
    advance: i64,
    started: i64,
    legs: Vec<LegAt>,
    visits: Vec<(i64, i64)>,
    completed: i64,
    return_at: i64,
    back_home: i64,
    back_at_work: i64,
    checkins: Vec<i64>,
    first_handin: i64,
    review_reject: i64,
    handed_in: i64,
    reviewed: i64,
    archived: i64,
    cancelled: i64,
}

impl Timing {
    fn shift(&mut self, d: i64) {
        for t in [
            &mut self.received,
            &mut self.opened,
            &mut self.resolved,
            &mut self.accepted,
            &mut self.assigned,
            &mut self.first_submit,
            &mut self.task_reject,
            &mut self.submitted,
            &mut self.lead_at,
            &mut self.sales_lead_at,
            &mut self.approved,
            &mut self.advance,
            &mut self.started,
            &mut self.completed,
            &mut self.return_at,
            &mut self.back_home,
            &mut self.back_at_work,
            &mut self.first_handin,
            &mut self.review_reject,
            &mut self.handed_in,
            &mut self.reviewed,
            &mut self.archived,
            &mut self.cancelled,
        ] {
            *t += d;
        }
        if let Some(f) = &mut self.flight_ok {
            *f += d;
        }
        for leg in &mut self.legs {
            leg.at += d;
        }
        for (a, l) in &mut self.visits {
            *a += d;
            *l += d;
        }
        for c in &mut self.checkins {
            *c += d;
        }
    }

    /// The last moment recorded by a case in the shape's state.
    fn latest(&self, sh: &Shape) -> i64 {
        let mut m = self.opened;
        if sh.state == State::ResolvedRemotely {
            return self.resolved;
        }
        let steps = [
            (ACCEPTED, self.accepted),
            (ASSIGNED, self.assigned),
            (SUBMITTED, self.submitted.max(self.flight_ok.unwrap_or(0))),
            (APPROVED, self.approved.max(self.advance)),
            (ON_SITE, self.started),
            (SERVICED, self.completed.max(self.recorded_checkins())),
            (HANDED_IN, self.handed_in),
            (REVIEWED, self.reviewed),
            (ARCHIVED, self.archived),
        ];
        for (level, t) in steps {
            if sh.reached(level) {
                m = m.max(t);
            }
        }
        if sh.state == State::Cancelled {
            m = m.max(self.cancelled);
        }
        m
    }

    /// The last check-in recorded in case.toml with `svc checkin`.
    fn recorded_checkins(&self) -> i64 {
        self.checkins.iter().copied().max().unwrap_or(0)
    }
}

fn timing(w: &World, sh: &Shape, r: &mut Rng, first_day: i64) -> Timing {
    let c = &w.customers[sh.customer];
    let mut t = Timing::default();
    let mut day = first_day;
    if weekday(day) >= 5 && !r.chance(250) {
        day += 7 - weekday(day);
    }
    t.received = day * DAY
        + if weekday(day) >= 5 {
            r.range(9 * HOUR, 19 * HOUR)
        } else {
            r.range(8 * HOUR, 18 * HOUR + 30 * MIN)
        };
    t.opened = t.received + r.range(MIN, 25 * MIN);
    t.resolved = after(t.opened, 10 * MIN, 5 * HOUR, r);
    t.accepted = after(t.opened, 15 * MIN, 8 * HOUR, r);
    t.assigned = after(t.accepted, 10 * MIN, 6 * HOUR, r);
    if sh.task_rejected {
        t.first_submit = after(t.assigned, 2 * HOUR, 2 * DAY, r);
        t.task_reject = after(t.first_submit, 30 * MIN, DAY, r);
        t.submitted = after(t.task_reject, HOUR, DAY, r);
    } else {
        t.submitted = after(t.assigned, HOUR, 2 * DAY, r);
        t.first_submit = t.submitted;
    }
    t.lead_at = after(t.submitted, 20 * MIN, DAY, r);
    t.sales_lead_at = after(t.submitted, 20 * MIN, DAY, r);
    t.approved = if sh.via_sales {
        t.lead_at.max(t.sales_lead_at)
    } else {
        t.lead_at
    };
    if sh.hops.iter().any(|h| h.mode == Mode::Flight) {
        t.flight_ok = Some(after(t.submitted, 10 * MIN, 5 * HOUR, r));
    }
    let ready = t.approved.max(t.flight_ok.unwrap_or(0));
    let mut depart = day_of(ready) + r.range(1, 3);
    while weekday(depart) >= 5 {
        depart += 1;
    }
    t.advance = ((day_of(t.approved) + i64::from(r.chance(300))) * DAY).min(depart * DAY);
    let local = sh.hops.is_empty();
    t.started = depart * DAY
        + if local {
            r.range(8 * HOUR + 20 * MIN, 9 * HOUR + 30 * MIN)
        } else {
            r.range(6 * HOUR + 50 * MIN, 10 * HOUR)
        };

    // The trip: travel to each site's city, work there, come home.
    let mut now = t.started;
    let mut city = HOME;
    let mut hops = sh.hops.iter();
    if c.sites[sh.trip[0]].city == HOME {
        t.legs.push(LegAt {
            at: now,
            from: HOME,
            to: HOME,
            mode: Mode::Car,
            cost: r.range(30, 120) * 100,
            local: Some((sh.trip[0], true)),
        });
    }
    for (k, &site) in sh.trip.iter().enumerate() {
        let to = c.sites[site].city;
        if to != city {
            if let Some(h) = hops.next() {
                if k > 0 {
                    now = if sod(now) > 15 * HOUR {
                        (day_of(now) + 1) * DAY + r.range(8 * HOUR, 9 * HOUR + 30 * MIN)
                    } else {
                        now + r.range(30 * MIN, 60 * MIN)
                    };
                }
                t.legs.push(LegAt {
                    at: now,
                    from: city,
                    to,
                    mode: h.mode,
                    cost: h.cost,
                    local: None,
                });
                now += h.duration;
            }
            city = to;
        }
        now += r.range(20 * MIN, 80 * MIN);
        if sod(now) >= 17 * HOUR {
            now = (day_of(now) + 1) * DAY + r.range(8 * HOUR + 30 * MIN, 9 * HOUR + 30 * MIN);
        } else if sod(now) < 8 * HOUR {
            now = day_of(now) * DAY + r.range(8 * HOUR + 30 * MIN, 9 * HOUR + 30 * MIN);
        }
        let arrived = now;
        let left = if r.chance(250) {
            (day_of(arrived) + r.range(1, 3)) * DAY + r.range(15 * HOUR, 18 * HOUR)
        } else {
            let l = arrived + r.range(90 * MIN, 7 * HOUR);
            if day_of(l) != day_of(arrived) || sod(l) > 20 * HOUR + 30 * MIN {
                (day_of(arrived) * DAY + 19 * HOUR + r.range(0, 59 * MIN)).max(arrived + HOUR)
            } else {
                l
            }
        };
        t.visits.push((arrived, left));
        now = left;
    }
    t.completed = now + r.range(15 * MIN, 90 * MIN);

    // The way home, never over a weekend morning (7.8 counts from the arrival).
    let back = if city == HOME {
        let dep = t.completed + r.range(20 * MIN, 60 * MIN);
        t.return_at = dep;
        t.legs.push(LegAt {
            at: dep,
            from: HOME,
            to: HOME,
            mode: Mode::Car,
            cost: r.range(30, 120) * 100,
            local: sh.trip.last().map(|&s| (s, false)),
        });
        dep + r.range(30 * MIN, 80 * MIN)
    } else {
        let h = hops.next();
        let duration = h.map_or(4 * HOUR, |h| h.duration);
        let mut dep = if sod(t.completed) < 14 * HOUR + 30 * MIN {
            t.completed + r.range(40 * MIN, 100 * MIN)
        } else {
            (day_of(t.completed) + 1) * DAY + r.range(7 * HOUR + 30 * MIN, 10 * HOUR)
        };
        loop {
            let d = day_of(dep);
            if weekday(d) >= 5 {
                dep = (d + 7 - weekday(d)) * DAY + r.range(7 * HOUR + 30 * MIN, 10 * HOUR);
                continue;
            }
            let arrive = dep + duration;
            if day_of(arrive) != d || sod(arrive) > 23 * HOUR + 30 * MIN {
                dep = (d + 1) * DAY + r.range(7 * HOUR + 30 * MIN, 10 * HOUR);
                continue;
            }
            break;
        }
        if let Some(h) = h {
            t.legs.push(LegAt {
                at: dep,
                from: city,
                to: HOME,
                mode: h.mode,
                cost: h.cost,
                local: None,
            });
        }
        t.return_at = dep;
        dep + duration
    };
    t.back_home = back;
    t.back_at_work = if sod(back) < 12 * HOUR {
        day_of(back) * DAY + r.range(13 * HOUR, 13 * HOUR + 55 * MIN)
    } else {
        let mut d = day_of(back) + 1;
        while weekday(d) >= 5 {
            d += 1;
        }
        d * DAY + r.range(7 * HOUR + 50 * MIN, 8 * HOUR + 29 * MIN)
    };

    // Check-ins: the first evening, every third day, and the day of return (7.5).
    let (d0, d1) = (day_of(t.started), day_of(t.back_home));
    for k in 0..=(d1 - d0) {
        let last = k == d1 - d0;
        if k % 3 != 0 && !last {
            continue;
        }
        let at = if last {
            (t.return_at - r.range(10 * MIN, 40 * MIN)).max(t.started + 5 * MIN)
        } else {
            (d0 + k) * DAY + r.range(19 * HOUR + 30 * MIN, 21 * HOUR + 30 * MIN)
        };
        t.checkins.push(at);
    }

    t.first_handin = after(t.back_at_work, HOUR, 3 * DAY, r);
    if sh.review_rejected {
        t.review_reject = after(t.first_handin, HOUR, 2 * DAY, r);
        t.handed_in = after(t.review_reject, 2 * HOUR, 2 * DAY, r);
    } else {
        t.handed_in = t.first_handin;
    }
    t.reviewed = after(t.handed_in, 30 * MIN, 4 * DAY, r);
    t.archived = after(t.reviewed, 10 * MIN, 10 * DAY, r);
    let stopped = match sh.level {
        0 => t.opened,
        ACCEPTED => t.accepted,
        ASSIGNED => t.assigned,
        SUBMITTED => t.submitted.max(t.flight_ok.unwrap_or(0)),
        _ => t.approved.max(t.advance).max(t.flight_ok.unwrap_or(0)),
    };
    t.cancelled = after(stopped, HOUR, 3 * DAY, r);
    t
}

/// Place the case in time: closed cases anywhere in the last three years, open ones
/// recently (a few stuck for longer), all of it before the reference day.
fn place(w: &World, sh: &Shape, rt: &mut Rng, rp: &mut Rng) -> Timing {
    let today = reference_day();
    let limit = last_moment();
    let first = if sh.state.closed() {
        today - HISTORY_DAYS + rp.range(0, HISTORY_DAYS - 5)
    } else {
        today - 60
    };
    let mut t = timing(w, sh, rt, first);
    let latest = t.latest(sh);
    if sh.state == State::OnSite {
        // Out on the road right now. Rule 7.5 counts a trip in progress up to today, so a
        // trip that started one or two days ago has had its check-in already.
        let target = today - rp.range(1, 2);
        t.shift((target - day_of(t.started)) * DAY);
        return t;
    }
    // Whole weeks keep weekdays, which the return-to-work rule (7.8) depends on.
    let mut weeks = if latest > limit {
        -((latest - limit + WEEK - 1) / WEEK)
    } else if sh.state.closed() {
        0
    } else {
        (limit - latest) / WEEK
    };
    if !sh.state.closed() {
        weeks -= match rp.weighted(&[600, 250, 150]) {
            0 => 0,
            1 => rp.range(1, 4),
            _ => rp.range(5, 40),
        };
    }
    t.shift(weeks * WEEK);
    t
}

// ---------------------------------------------------------------------------------------
// Free text
// ---------------------------------------------------------------------------------------

/// The words a template may use: {m} model, {n} model name, {s} site, {c} customer,
/// {city}; numbers {k} {y} {h} {km} {v} {d} are drawn on the spot.
struct Vars<'a> {
    model: &'a str,
    model_name: &'a str,
    site: &'a str,
    customer: &'a str,
    city: &'a str,
}

fn fill(out: &mut String, template: &str, v: &Vars, r: &mut Rng) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open + 1..];
        let Some(close) = tail.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        match &tail[..close] {
            "m" => out.push_str(v.model),
            "n" => out.push_str(v.model_name),
            "s" => out.push_str(v.site),
            "c" => out.push_str(v.customer),
            "city" => out.push_str(v.city),
            "k" => {
                let _ = write!(out, "{}", r.range(12, 260));
            }
            "y" => {
                let _ = write!(out, "{}", r.range(3, 8));
            }
            "h" => {
                let _ = write!(out, "{}", r.range(2, 48));
            }
            "km" => {
                let _ = write!(out, "{}", r.range(3, 45));
            }
            "d" => {
                let _ = write!(out, "{}", r.range(1, 28));
            }
            "v" => {
                let _ = write!(
                    out,
                    "{}.{}.{}",
                    r.range(2, 5),
                    r.range(0, 9),
                    r.range(1, 30)
                );
            }
            other => out.push_str(other),
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
}

/// One template from each bank, filled in and run together.
fn text(r: &mut Rng, v: &Vars, banks: &[&[&str]]) -> String {
    let mut out = String::with_capacity(96 * banks.len());
    for bank in banks {
        let template = *r.pick(bank);
        fill(&mut out, template, v, r);
    }
    out
}

/// One case's story: the same variant from each bank (so that the fault reported, the
/// diagnosis and the work done belong together), filled in and run together.
fn story(r: &mut Rng, v: &Vars, variant: usize, banks: &[&[&str]]) -> String {
    let mut out = String::with_capacity(160 * banks.len());
    for bank in banks {
        fill(&mut out, bank[variant % bank.len()], v, r);
    }
    out
}

/// Between `lo` and `hi` distinct templates from a bank, filled in.
fn several(r: &mut Rng, v: &Vars, bank: &[&str], (lo, hi): (i64, i64)) -> Vec<String> {
    let n = r.range(lo, hi) as usize;
    let mut idx: Vec<usize> = (0..bank.len()).collect();
    (0..n.min(bank.len()))
        .map(|_| {
            let i = idx.remove(r.below(idx.len()));
            let mut s = String::new();
            fill(&mut s, bank[i], v, r);
            s
        })
        .collect()
}

/// A kind of fault, with the words engineers use about it.
struct Fault {
    category: &'static str,
    short: &'static [&'static str],
    reported: &'static [&'static str],
    detail: &'static [&'static str],
    diagnosis: &'static [&'static str],
    work: &'static [&'static str],
    root: &'static [&'static str],
    actions: &'static [&'static str],
    tasks: &'static [&'static str],
    /// Causes (keyword, weight).
    causes: &'static [(&'static str, u32)],
    /// Which kinds of part it consumes, and how often parts are replaced (per thousand).
    part_kinds: &'static [u8],
    parts_permille: u32,
    software_permille: u32,
}

const FAULT_WEIGHTS: [u32; 7] = [18, 22, 20, 12, 12, 10, 6];

const FAULTS: [Fault; 7] = [
    Fault {
        category: "power",
        short: &[
            "设备频繁重启",
            "电源模块告警",
            "设备无法上电",
            "设备间歇性掉电",
        ],
        reported: &[
            "{s}的{m}{n}从昨晚开始反复重启，每次间隔十几分钟，面板电源指示灯闪烁。",
            "{s}一台{m}今天上午突然断电，重新插拔电源后仍无法启动，电源指示灯不亮。",
            "{m}电源模块告警灯常亮，网管上显示电源电压越限告警，设备运行不稳定。",
            "{s}停电恢复后{m}无法正常开机，风扇有转动但业务板指示灯全灭。",
        ],
        detail: &[
            "据客户描述，故障前一天机房曾进行过市电切换，切换后约两小时设备开始重启。网管日志显示重启前有多条“电源输入电压低”告警，初步判断为电源模块或供电线路问题。",
            "客户维护人员已测量机柜输入电压为-47.5V，属正常范围，但设备电源模块输出不稳定。该设备已连续运行{y}年，电源模块电容老化的可能性较大。",
            "客户机房使用蓄电池组作为后备电源，近期多次出现市电波动。设备在市电切换瞬间掉电，怀疑蓄电池容量不足或电源模块切换电路故障。",
            "设备所在机柜同时为另外三台设备供电，其他设备运行正常，故障范围基本可以锁定在本设备的电源模块及其电源线。",
        ],
        diagnosis: &[
            "用万用表测量电源模块输出端，-48V输出在-41V至-46V之间波动，拆开检查发现滤波电容鼓包，判断电源模块损坏。",
            "检查发现机柜内5A保险管熔断，电源线接头有明显氧化发黑，接触电阻偏大，负载增大时压降导致设备掉电。",
            "设备配套蓄电池组已使用超过四年，放电测试容量不足标称值的40%，市电切换瞬间电压跌落引起设备重启。",
            "电源模块风扇停转，模块过温保护动作后自动关断输出，冷却后又恢复，造成设备周期性重启。",
        ],
        work: &[
            "更换电源模块一块，重新紧固电源线接头并做防氧化处理，设备上电后运行正常，连续观察{h}小时无重启。",
            "更换熔断的保险管，重新制作电源线接头，测量各路输出电压正常，业务全部恢复。",
            "更换老化蓄电池，并对市电与电池切换进行了三次模拟测试，设备均未掉电。",
            "更换电源模块，清理机箱积灰，检查同机柜其他设备的供电情况，均正常。",
        ],
        root: &[
            "电源模块滤波电容老化失效，输出电压不稳定导致设备反复重启。",
            "电源线接头长期氧化导致接触不良，负载增大时压降过大造成设备掉电。",
            "蓄电池组老化、容量不足，市电切换时无法维持设备供电。",
            "电源模块散热风扇损坏，模块过温保护反复动作。",
        ],
        actions: &[
            "更换电源模块并处理电源接头，检查机柜内其他设备供电情况，向客户说明定期巡检电源系统的必要性。",
            "更换故障部件后连续观察设备运行，指导客户建立电源及蓄电池的定期检查制度。",
            "恢复供电后逐项测试业务，向客户提交电源系统整改建议。",
        ],
        tasks: &[
            "检查设备供电线路和电源模块，排除反复重启故障",
            "测量机柜输入电压及电源模块输出电压",
            "必要时更换电源模块，恢复设备正常运行",
            "检查蓄电池组及市电切换情况",
        ],
        causes: &[
            ("product-defect", 45),
            ("wear", 35),
            ("environment", 15),
            ("installation", 5),
        ],
        part_kinds: b"pp",
        parts_permille: 800,
        software_permille: 50,
    },
    Fault {
        category: "optics",
        short: &["光路中断", "光功率告警", "PON口用户掉线", "光口误码"],
        reported: &[
            "{s}的{m}有一个PON口下挂的六十多个用户全部掉线，其他PON口正常。",
            "{m}网管显示上联光口接收光功率过低告警，业务时断时续。",
            "{s}至汇聚站的光传输链路出现大量误码，语音业务有明显杂音。",
            "客户反映{m}光口LOS灯常亮，与对端设备无法建立连接。",
        ],
        detail: &[
            "客户机房维护人员已用光功率计测量，该端口接收光功率为-29dBm，低于接收灵敏度。对端设备发光正常，故障点可能在本端光模块或中间光缆。",
            "该链路全长约{km}公里，中间经过两个光交接箱，近期市政施工频繁。网管记录显示误码从{d}日凌晨开始出现并逐渐增多。",
            "客户近期对机房进行过改造，部分光纤跳线被重新布放，故障出现在改造完成后的第二天。",
            "故障端口使用的是早期批次的SFP光模块，同批次模块在其他用户处也出现过发光功率衰减的情况。",
        ],
        diagnosis: &[
            "测量发现本端光模块发光功率仅为-14dBm，远低于标称值-3dBm，判断光模块老化失效；光缆衰耗测试正常。",
            "用OTDR测试发现距机房约{km}公里处有一个高损耗点，为施工时光缆受挤压所致；本端尾纤连接器端面有污染。",
            "检查发现光纤跳线弯曲半径过小，且连接器端面有划痕，造成额外衰耗约6dB。",
            "光模块温度告警，模块外壳明显发烫，收发光功率均不稳定，判断光模块内部器件损坏。",
        ],
        work: &[
            "更换故障光模块，清洁各连接器端面，重新测试收发光功率均在正常范围内，业务恢复。",
            "更换受损尾纤和跳线，重新整理机柜内光纤走线，协助客户联系光缆维护单位处理线路损耗点。",
            "重新布放光纤跳线，保证弯曲半径，清洁端面后链路误码清零，观察{h}小时无新增误码。",
            "更换光模块并对同批次的另外三个模块进行了检测，其中一个发光功率偏低，一并更换。",
        ],
        root: &[
            "光模块激光器老化，发光功率衰减至接收灵敏度以下。",
            "市政施工挤压光缆，造成线路高损耗点。",
            "光纤跳线弯折过度、连接器端面污染，导致链路衰耗增大。",
            "光模块内部器件损坏，收发性能不稳定。",
        ],
        actions: &[
            "更换光模块和跳线，测试全部光口的收发光功率并记录，交客户存档作为今后维护的基准数据。",
            "处理本端光路问题，协助客户定位外线故障点，并建议客户与施工单位建立联络机制。",
            "对同批次光模块进行普查，更换性能下降的模块，降低再次故障的风险。",
        ],
        tasks: &[
            "测试故障光口收发光功率及链路衰耗",
            "检查光模块、尾纤及跳线，更换故障器件",
            "配合客户排查外线光缆",
            "对同批次光模块进行性能检测",
        ],
        causes: &[
            ("wear", 35),
            ("product-defect", 30),
            ("installation", 20),
            ("misuse", 15),
        ],
        part_kinds: b"oo",
        parts_permille: 800,
        software_permille: 50,
    },
    Fault {
        category: "hardware",
        short: &["业务板故障", "主控板死机", "风扇告警", "端口损坏"],
        reported: &[
            "{s}的{m}有一块业务板指示灯红灯常亮，板上所有用户业务中断。",
            "{m}运行中死机，网管无法登录，只能断电重启，本月已发生三次。",
            "{s}的{m}风扇告警，机箱温度持续升高，客户担心设备过热损坏。",
            "{m}有八个以太网端口无法协商，插上网线后指示灯不亮。",
        ],
        detail: &[
            "客户已尝试将故障板卡插拔复位，指示灯仍为红色。网管显示该槽位板卡状态为“离线”，其余板卡工作正常，初步判断为板卡硬件故障。",
            "设备死机前无明显告警，死机时面板运行灯停止闪烁，串口无输出。设备已运行{y}年，未做过软件升级。",
            "机房环境温度约26℃，但设备机箱内部温度达到62℃，风扇转速明显偏低，部分风扇可能已停转。",
            "故障端口集中在同一块接口板上，同一板上其余端口正常，客户已更换过网线和对端设备端口，故障依旧。",
        ],
        diagnosis: &[
            "更换槽位测试后故障跟随板卡，确认业务板硬件损坏；板上一颗接口芯片有烧蚀痕迹。",
            "主控板存储卡读写出错，系统日志中有大量文件系统错误，导致设备死机。",
            "风扇单元中两个风扇停转，轴承磨损严重，机箱内积灰较多，散热不良。",
            "接口板上的网络变压器损坏，导致该组端口物理层无法建立连接。",
        ],
        work: &[
            "更换业务板一块，按原配置恢复数据，逐一测试{k}个用户端口，业务全部恢复。",
            "更换主控板存储卡，重新导入系统软件和配置文件，设备连续运行{h}小时未再死机。",
            "更换风扇单元，清理机箱及防尘网积灰，设备内部温度降至正常范围。",
            "更换接口板，恢复端口配置并逐一测试，所有端口协商正常。",
        ],
        root: &[
            "业务板接口芯片损坏，属于元器件质量问题。",
            "主控板存储卡寿命到期，读写错误导致系统崩溃。",
            "风扇长期运行磨损，加之积灰，造成散热不良。",
            "接口板网络变压器损坏，可能与长期高负荷运行有关。",
        ],
        actions: &[
            "更换故障板卡并恢复业务，对设备其他板卡进行全面检查，向客户说明板卡故障的判断方法。",
            "更换部件后进行了长时间观察，并备份了设备配置，交客户保存。",
            "清理设备积灰，建议客户每季度清洗一次防尘网。",
        ],
        tasks: &[
            "检查故障板卡并更换",
            "备份设备配置，更换部件后恢复数据",
            "测试全部业务端口",
            "检查设备散热及运行环境",
        ],
        causes: &[("product-defect", 55), ("wear", 35), ("unknown", 10)],
        part_kinds: b"hh",
        parts_permille: 850,
        software_permille: 100,
    },
    Fault {
        category: "firmware",
        short: &[
            "软件缺陷导致死机",
            "升级后业务异常",
            "网管无法管理设备",
            "设备内存泄漏",
        ],
        reported: &[
            "{m}运行一段时间后响应变慢，最终网管失联，重启后恢复，约每两周出现一次。",
            "客户按通知升级{m}软件后，部分语音用户出现单通现象。",
            "{s}的{m}与新上线的网管平台对接失败，无法采集性能数据。",
            "{m}在业务高峰时段CPU占用率达到百分之百，用户上网明显卡顿。",
        ],
        detail: &[
            "客户提供的日志显示设备内存占用率持续上升，从重启后的35%逐渐升至98%，随后设备失去响应。同型号设备在其他客户处也有类似反馈。",
            "升级前业务正常，升级后约有{k}个语音用户出现单通，数据业务不受影响。客户要求尽快恢复，并希望了解是否需要回退版本。",
            "客户新建网管平台使用SNMPv3协议，本设备当前版本仅支持SNMPv2c，需要升级软件并调整配置。",
            "高峰时段设备收到大量广播报文，当前软件版本对广播抑制的处理存在缺陷，CPU被异常报文占满。",
        ],
        diagnosis: &[
            "登录设备查看发现内存占用率持续上升，确认为当前软件版本存在内存泄漏缺陷，新版本已修复。",
            "抓包分析发现升级后语音编解码协商参数与对端软交换不一致，属新版本兼容性问题。",
            "设备当前固件版本过旧，不支持新网管平台使用的SNMPv3协议。",
            "设备未开启广播风暴抑制，且当前版本存在报文上送CPU的缺陷。",
        ],
        work: &[
            "将设备软件升级至V{v}版本，升级前备份配置，升级后核对配置并测试各项业务，运行正常。",
            "调整语音编解码协商参数并加载补丁，逐一回访受影响用户，单通问题消除。",
            "升级固件并配置SNMPv3参数，协助客户在网管平台完成设备纳管。",
            "升级软件并开启广播风暴抑制，高峰时段CPU占用率降至30%以下。",
        ],
        root: &[
            "设备软件版本存在内存泄漏缺陷。",
            "新版本软件与对端软交换的编解码协商存在兼容性问题。",
            "设备固件版本过旧，不支持新的网管协议。",
            "软件对异常报文的处理存在缺陷，导致CPU占用过高。",
        ],
        actions: &[
            "升级设备软件并验证全部业务，整理升级步骤交客户存档，同时将问题反馈研发部门。",
            "加载补丁解决兼容性问题，回访受影响用户，并建议客户今后升级前先在测试环境验证。",
            "完成软件升级和网管对接，培训客户使用网管查看性能数据。",
        ],
        tasks: &[
            "备份设备配置，升级软件至最新稳定版本",
            "升级后验证各项业务功能",
            "收集设备日志带回公司分析",
            "协助客户完成网管平台对接",
        ],
        causes: &[("product-defect", 75), ("unknown", 15), ("misuse", 10)],
        part_kinds: b"",
        parts_permille: 0,
        software_permille: 950,
    },
    Fault {
        category: "configuration",
        short: &[
            "配置错误导致业务中断",
            "VLAN配置异常",
            "路由震荡",
            "新业务开通失败",
        ],
        reported: &[
            "客户自行修改{m}配置后，{s}整个网段的用户无法上网。",
            "{s}新开通的视频监控业务无法接入，其他业务正常。",
            "{m}与上级路由器之间的路由时通时断，客户怀疑设备故障。",
            "客户新增一批用户后，{m}部分端口的业务无法开通。",
        ],
        detail: &[
            "客户维护人员为调整网络结构修改了设备配置，但未保存修改前的配置文件，目前无法确定具体改动了哪些参数。",
            "新业务要求使用组播方式传送视频流，设备当前配置未开启组播功能，客户不熟悉相关配置方法。",
            "网管记录显示设备与上级路由器的邻居关系每隔几分钟中断一次，两端设备均为我公司产品。",
            "新增用户使用的VLAN超出了设备当前配置的范围，端口模板也需要相应调整。",
        ],
        diagnosis: &[
            "检查配置发现上联口VLAN被误删除，且管理VLAN与业务VLAN冲突。",
            "新业务所需的组播配置未开启，端口隔离设置不当。",
            "路由协议定时器参数与对端不一致，邻居关系反复震荡。",
            "端口模板中的VLAN范围配置有误，新用户端口未加入正确的VLAN。",
        ],
        work: &[
            "恢复正确的VLAN配置并保存，与客户一起逐项核对配置，业务恢复正常。",
            "开启组播功能并调整端口隔离策略，新业务开通测试通过。",
            "调整路由协议参数，观察两小时邻居关系稳定，路由不再震荡。",
            "修改端口模板和VLAN范围，为新增的{k}个用户开通业务并逐一测试。",
        ],
        root: &[
            "客户维护人员误修改设备配置，删除了上联口VLAN。",
            "新业务开通时设备配置未同步调整。",
            "两端设备路由协议参数配置不一致。",
            "端口模板配置错误。",
        ],
        actions: &[
            "恢复并优化设备配置，整理配置说明交客户存档，建议客户修改配置前先备份。",
            "调整配置后验证业务，培训客户维护人员掌握常用配置命令。",
            "协助客户制定配置变更流程，避免类似问题再次发生。",
        ],
        tasks: &[
            "核查设备配置，恢复正确的业务配置",
            "协助客户完成新业务的配置与测试",
            "整理配置规范交客户存档",
            "培训客户维护人员掌握配置备份方法",
        ],
        causes: &[("misuse", 60), ("installation", 30), ("unknown", 10)],
        part_kinds: b"",
        parts_permille: 0,
        software_permille: 700,
    },
    Fault {
        category: "environment",
        short: &["雷击损坏", "机房高温告警", "设备受潮", "接地不良引起故障"],
        reported: &[
            "昨晚雷雨后{s}的{m}多个端口损坏，部分用户业务中断。",
            "{s}空调故障，机房温度超过四十度，{m}出现高温告警并自动关闭部分端口。",
            "{s}机房漏水，{m}机柜底部受潮，设备运行异常。",
            "{m}经常出现端口异常告警，同一机房其他设备也有类似情况。",
        ],
        detail: &[
            "当地前天夜间有强雷暴天气，客户机房所在大楼曾遭雷击，同一机房内的多台设备都有不同程度的损坏。",
            "机房空调已停机两天，客户正在联系空调厂家维修，临时用风扇降温，机房温度仍在38℃以上。",
            "楼上卫生间水管破裂，机房天花板渗水，设备机柜底部有积水痕迹。",
            "客户机房接地系统建于多年前，从未进行过检测，怀疑接地不良造成设备工作异常。",
        ],
        diagnosis: &[
            "检查发现设备未安装信号防雷器，接地电阻测量为12Ω，远高于要求的4Ω，雷击感应过电压损坏了接口电路。",
            "机房空调停机，环境温度过高，设备过温保护动作。",
            "机柜内湿度过大，电路板有凝露和轻微腐蚀。",
            "接地线连接处锈蚀松动，接地电阻超标，设备外壳带有感应电压。",
        ],
        work: &[
            "更换损坏的接口板，加装网络信号防雷器和电源防雷器，重新制作接地线，接地电阻降至3.2Ω。",
            "协助客户临时加装排风设备，待空调修复后设备恢复正常，检查各板卡无损坏。",
            "对受潮板卡进行清洁和烘干处理，更换腐蚀的防雷器，建议客户整改机房防水。",
            "重新制作接地线并紧固各连接点，接地电阻测量合格，端口告警消失。",
        ],
        root: &[
            "机房防雷接地措施不完善，雷击感应过电压损坏设备。",
            "机房空调故障导致环境温度过高。",
            "机房漏水导致设备受潮腐蚀。",
            "接地系统老化，接地电阻超标。",
        ],
        actions: &[
            "更换损坏部件，完善防雷接地措施，向客户提交机房环境整改建议书。",
            "处理设备故障后检查机房环境，建议客户加装温湿度监控。",
            "协助客户整改接地系统，并讲解防雷接地的检查方法。",
        ],
        tasks: &[
            "检查设备损坏情况并更换受损部件",
            "测量机房接地电阻，检查防雷措施",
            "对机房环境提出整改建议",
        ],
        causes: &[("environment", 85), ("installation", 15)],
        part_kinds: b"eeh",
        parts_permille: 650,
        software_permille: 0,
    },
    Fault {
        category: "other",
        short: &["设备异常告警", "业务质量下降", "客户要求现场检查"],
        reported: &[
            "{m}近期偶尔出现不明告警，业务暂未受影响，客户要求派人现场检查。",
            "{s}用户反映网速明显变慢，客户无法确定故障原因。",
            "客户计划扩容，要求我方派人到{s}检查{m}运行状况并给出建议。",
        ],
        detail: &[
            "告警内容为“环境监控模块通信中断”，出现后几分钟自动消失，每天出现三到五次，客户担心存在隐患。",
            "用户投诉集中在晚间高峰时段，白天基本正常，客户已排除了出口带宽不足的可能。",
            "客户明年计划新增约{k}个用户，需要评估现有设备的容量和运行状况。",
        ],
        diagnosis: &[
            "现场检查设备运行状态基本正常，告警为环境监控模块误报。",
            "上联带宽利用率长期超过90%，属于网络容量不足，并非设备故障。",
            "设备运行正常，现有容量可满足近期扩容需求，部分板卡需要补充。",
        ],
        work: &[
            "调整环境监控模块的告警门限，观察{h}小时未再出现误报。",
            "协助客户分析流量数据，提出扩容方案，对设备进行了全面巡检。",
            "对设备进行全面巡检并出具运行状况报告，给出扩容建议。",
        ],
        root: &[
            "环境监控模块告警门限设置不合理，造成误报。",
            "网络容量不足，高峰时段上联链路拥塞。",
            "无故障，客户要求的例行检查。",
        ],
        actions: &[
            "完成现场检查并出具报告，向客户解释告警原因及处理方法。",
            "提交扩容建议，转交销售部跟进。",
        ],
        tasks: &[
            "现场检查设备运行状况",
            "分析告警及流量数据，给出处理建议",
            "出具设备巡检报告",
        ],
        causes: &[("unknown", 60), ("misuse", 25), ("wear", 15)],
        part_kinds: b"m",
        parts_permille: 150,
        software_permille: 200,
    },
];

const IMPACTS: &[&str] = &[
    "影响约{k}户用户的正常使用。",
    "客户值班人员已多次投诉。",
    "客户要求尽快派人到现场处理。",
    "影响客户营业厅的正常办公。",
    "涉及客户重要的调度业务，客户非常着急。",
    "目前已临时倒换至备用设备运行。",
];
const TRIED_BY_PHONE: &[&str] = &[
    "电话指导客户重启设备并检查了电源和线缆连接，故障依旧。",
    "远程登录设备查看告警和日志，并指导客户更换了跳线，问题未能解决。",
    "已指导客户按操作手册进行排查，客户现场缺少测试仪表，无法进一步定位。",
    "电话中让客户发送了设备面板照片和告警截图，初步判断需要更换部件。",
    "指导客户恢复备份配置，故障仍然存在。",
    "与客户维护人员通话约半小时，逐项排查后仍无法确定故障点。",
];
const ONSITE_REASONS: &[&str] = &[
    "需要更换硬件部件，客户现场无备件也无维修能力。",
    "远程无法登录设备，需要现场使用仪表测试定位故障。",
    "故障影响范围大，客户要求工程师到现场处理并出具报告。",
    "涉及多台设备和外线，需要现场排查。",
    "客户合同约定重要故障须现场服务。",
];
const REQUEST_REMARKS: &[&str] = &[
    "客户要求工程师到达前电话联系。",
    "机房进入需提前一天报备，请带好身份证件。",
    "客户联系人周末也可联系。",
    "客户希望本周内处理完毕。",
];
const USES: &[&str] = &[
    "宽带接入和语音业务",
    "调度通信和视频监控",
    "营业网点的数据联网",
    "院内信息系统联网",
    "沿线站点的通信传输",
    "政务外网接入",
];
const STAFFING: &[&str] = &[
    "客户机房维护人员技术水平较高，能配合进行简单的操作。",
    "客户维护人员以兼职为主，对设备不太熟悉。",
    "客户机房实行二十四小时值班，进出需登记。",
    "客户维护人员较少，需要我方全程处理。",
];
const DEMANDS: &[&str] = &[
    "客户对本次故障比较重视，要求尽快恢复业务。",
    "客户要求处理完成后提交书面故障报告。",
    "客户希望同时对其他同型号设备进行一次巡检。",
    "客户要求在两天内处理完毕。",
];
const TOOLS: &[&str] = &[
    "笔记本电脑及配置线",
    "光功率计",
    "OTDR光时域反射仪",
    "万用表",
    "2M误码测试仪",
    "网线钳及测线仪",
    "光纤熔接机",
    "常用工具包",
    "接地电阻测试仪",
    "防静电手环",
    "光纤清洁工具",
    "串口转USB线",
];
const TRAINING: &[&str] = &[
    "向客户维护人员讲解了设备日常巡检的要点和常见告警的含义。",
    "培训客户如何备份和恢复设备配置。",
    "演示了光功率测试和光纤端面清洁方法。",
    "讲解了电源及防雷接地的检查方法。",
    "培训客户使用网管查看告警和性能数据。",
];
const FEEDBACK: &[&str] = &[
    "客户对处理速度和服务态度表示满意。",
    "客户认为工程师工作认真，问题解释清楚。",
    "客户希望今后响应能再快一些。",
    "客户对处理结果满意，但对备件到货时间有意见。",
    "客户表示满意，并希望定期安排巡检。",
];
const SUGGESTIONS: &[&str] = &[
    "建议对该批次光模块进行普查，提前更换发光功率偏低的模块。",
    "建议客服中心在{city}地区储备常用备件，缩短故障处理时间。",
    "建议向{c}推荐签订年度售后服务协议。",
    "建议研发部门在下一版本软件中增加电源电压的历史记录功能。",
    "建议在产品手册中补充防雷接地的安装要求。",
    "建议加强对客户维护人员的培训，减少因误操作引起的故障。",
    "建议对使用超过五年的设备进行主动巡检。",
    "建议网管增加光功率劣化的预警功能。",
    "建议销售部在合同中明确机房环境要求。",
];
const FOLLOW_UP: &[&str] = &[
    "一个月后电话回访设备运行情况。",
    "待客户机房整改完成后再安排一次现场检查。",
    "跟踪研发部门对软件缺陷的修复进度。",
    "需寄送剩余备件给客户。",
];
const CONFIRM_REMARKS: &[&str] = &[
    "故障已排除，设备运行正常。",
    "工程师处理及时，服务态度好。",
    "同意处理结果。",
    "问题已解决，感谢支持。",
    "部分问题待后续处理。",
];
const CHECKIN_NOTES: &[&str] = &[
    "已到达{city}，明天上午到客户现场。",
    "故障已定位，正在更换部件。",
    "现场工作进展顺利，预计明天完成。",
    "今天完成{s}的检查。",
    "现场工作已完成，准备返程。",
    "等待客户安排机房进入时间。",
    "向客服中心汇报处理进度。",
];
const CANCEL_REASONS: &[&str] = &[
    "客户来电告知故障已自行恢复，取消现场服务。",
    "客户决定更换其他厂家设备，不再需要维修。",
    "客户内部调整，项目暂停，要求取消本次服务。",
    "重复报修，已并入另一服务单处理。",
    "客户不同意收费标准，暂不安排现场服务。",
];
const RESOLUTIONS: &[&str] = &[
    "电话指导客户重新插拔光纤跳线并清洁端面后，业务恢复正常。",
    "远程登录设备恢复了被误修改的配置，业务恢复。",
    "指导客户重启设备后告警消除，建议持续观察，如再次出现随时联系。",
    "经电话确认为对端设备故障，已告知客户联系相关厂家。",
    "通过邮件发送升级补丁并指导客户完成升级，问题解决。",
    "指导客户更换备用电源适配器后设备恢复运行。",
];
const REJECT_TASK: &[&str] = &[
    "任务书未写明需携带的备件，请补充后重新提交。",
    "行程安排不合理，请核实出发和返回日期。",
    "故障详情描述不清，请与客户进一步确认后补充。",
];
const REJECT_REVIEW: &[&str] = &[
    "出差工作日志缺少部分票据编号，请补充。",
    "服务总结报告的根本原因分析过于简单，请补充。",
    "联系公司记录不完整，请核对后补充。",
];
const APPROVE_NOTES: &[&str] = &[
    "同意。",
    "同意，注意安全。",
    "同意，请尽快出发。",
    "同意，处理完毕及时汇报。",
];
const FLIGHT_NOTES: &[&str] = &["路途较远，同意乘机。", "客户要求紧急处理，同意乘机。"];
const REVIEW_NOTES: &[&str] = &["资料齐全，同意归档。", "记录完整。", "同意。"];
const HELPER_ROLES: &[&str] = &["协调客户关系及商务事宜", "协助分析软件问题", "协助现场测试"];
const ADVANCE_PURPOSES: &[&str] = &[
    "差旅费（交通、住宿）",
    "出差交通及住宿费用",
    "机票及住宿费用",
];
const INSPECTION: &[&str] = &[
    "客户要求顺路对{s}的{m}进行例行巡检。",
    "检查{s}同型号设备的运行状态，确认是否存在相同隐患。",
];
const INSPECTION_WORK: &[&str] = &[
    "检查设备运行状态、告警记录和板卡温度，清理防尘网，设备运行正常。",
    "巡检设备各项指标正常，备份了设备配置并交客户保存。",
];

// ---------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------

struct CaseOut {
    state: State,
    /// The folder, relative to the root.
    dir: String,
    /// File names relative to the folder, with their text.
    files: Vec<(String, String)>,
}

enum Fee {
    Warranty,
    Billable,
    Agreement(usize),
}

impl Fee {
    fn word(&self, c: &Customer) -> String {
        match self {
            Fee::Warranty => "warranty".into(),
            Fee::Billable => "billable".into(),
            Fee::Agreement(a) => format!("agreement:{}", c.agreements[*a].id),
        }
    }
}

/// What happened at one site.
struct VisitOut {
    site: usize,
    arrived: i64,
    left: i64,
    products: Vec<usize>,
    cause: &'static str,
    parts: Vec<(usize, u32)>,
    software: bool,
    resolved: bool,
}

fn make_case(w: &World, index: usize, suffix: &str) -> CaseOut {
    let mut rs = Rng::stream(w.seed, index as u64, 1);
    let mut rt = Rng::stream(w.seed, index as u64, 2);
    let mut rp = Rng::stream(w.seed, index as u64, 3);
    let mut r = Rng::stream(w.seed, index as u64, 4);
    let sh = shape(w, &mut rs);
    let t = place(w, &sh, &mut rt, &mut rp);
    let c = &w.customers[sh.customer];
    let limit = last_moment();
    let opened_day = day_of(t.opened);
    let (y, m, d) = civil_from_days(opened_day);
    let id = format!("SR-{y:04}{m:02}{d:02}-{suffix}");
    let dir = format!("cases/{y:04}/{m:02}/{id}");

    // The product the customer called about, and what was agreed about fees.
    let site = &c.sites[sh.trip[0]];
    let received_day = day_of(t.received);
    let installed: Vec<usize> = site
        .products
        .iter()
        .copied()
        .filter(|&p| c.products[p].installed <= received_day)
        .collect();
    let product = *r.pick(if installed.is_empty() {
        &site.products
    } else {
        &installed
    });
    let service_day = t.visits.first().map_or(received_day, |v| day_of(v.0));
    let last_day = t.visits.last().map_or(received_day, |v| day_of(v.1));
    let agreement = c
        .agreements
        .iter()
        .position(|a| a.from <= received_day && last_day + 30 <= a.to)
        .filter(|_| r.chance(700));
    let in_warranty = c.products[product].warranty_end >= received_day;
    let fee = match agreement {
        Some(a) => Fee::Agreement(a),
        None if in_warranty => Fee::Warranty,
        None => Fee::Billable,
    };
    let paying = match &fee {
        Fee::Billable => true,
        Fee::Agreement(a) => c.agreements[*a].charges,
        Fee::Warranty => false,
    };
    let out_of_warranty = |p: usize| c.products[p].warranty_end < service_day;

    let fault = &FAULTS[sh.fault];
    let model = &MODELS[c.products[product].model];
    let vars = Vars {
        model: model.code,
        model_name: model.name,
        site: &site.name,
        customer: &c.name,
        city: CITIES[site.city].name,
    };
    let contact = &c.contacts[sh.contact];

    // What was found and done at each site.
    let visits: Vec<VisitOut> = sh
        .trip
        .iter()
        .zip(&t.visits)
        .enumerate()
        .map(|(k, (&s, &(arrived, left)))| {
            if k == 0 {
                let cause = fault.causes
                    [r.weighted(&fault.causes.iter().map(|c| c.1).collect::<Vec<_>>())]
                .0;
                let mut parts = Vec::new();
                if r.chance(fault.parts_permille) && !fault.part_kinds.is_empty() {
                    let kind = *r.pick(fault.part_kinds);
                    let choice: Vec<usize> =
                        (0..PARTS.len()).filter(|&i| PARTS[i].5 == kind).collect();
                    for _ in 0..[1, 1, 1, 2][r.below(4)] {
                        let part = *r.pick(&choice);
                        if !parts.iter().any(|(p, _)| *p == part) {
                            let qty = if PARTS[part].4 < 5_000 {
                                r.range(1, 4)
                            } else {
                                1
                            } as u32;
                            parts.push((part, qty));
                        }
                    }
                }
                VisitOut {
                    site: s,
                    arrived,
                    left,
                    products: vec![product],
                    cause,
                    parts,
                    software: r.chance(fault.software_permille),
                    resolved: r.chance(920),
                }
            } else {
                // A second site on the same trip: an inspection of the same kind of
                // equipment, chosen so that charging stays as the case's own product.
                let candidates: Vec<usize> = c.sites[s]
                    .products
                    .iter()
                    .copied()
                    .filter(|&p| c.products[p].installed <= received_day)
                    .filter(|&p| out_of_warranty(p) == out_of_warranty(product))
                    .collect();
                let products = if candidates.is_empty() {
                    Vec::new()
                } else {
                    vec![*r.pick(&candidates)]
                };
                VisitOut {
                    site: s,
                    arrived,
                    left,
                    products,
                    cause: "wear",
                    parts: Vec::new(),
                    software: false,
                    resolved: true,
                }
            }
        })
        .collect();

    let mut files = Vec::with_capacity(8);
    let title = format!(
        "{}{} {}",
        site.name,
        model.code,
        fault.short[sh.variant % fault.short.len()]
    );

    // request.toml
    {
        let mut o = String::with_capacity(1400);
        o.push_str("# 客户服务请求 · service request (8.1)\n");
        kv_ts(&mut o, "received_at", t.received);
        kv(&mut o, "channel", sh.channel);
        kv(&mut o, "received_by", PEOPLE[sh.receiver].id);
        let fault_text = story(&mut r, &vars, sh.variant, &[fault.reported, IMPACTS]);
        kv(&mut o, "fault", &fault_text);
        kv(
            &mut o,
            "tried_by_phone",
            text(&mut r, &vars, &[TRIED_BY_PHONE]),
        );
        let onsite = sh.state != State::ResolvedRemotely;
        let _ = writeln!(o, "onsite_needed = {onsite}");
        if onsite {
            kv(
                &mut o,
                "onsite_reason",
                text(&mut r, &vars, &[ONSITE_REASONS]),
            );
        }
        if sh.reached(ACCEPTED) && sh.state != State::ResolvedRemotely {
            kv(&mut o, "fee_arrangement", fee.word(c));
        }
        if r.chance(300) {
            kv(&mut o, "remarks", r.word(REQUEST_REMARKS));
        }
        o.push_str("\n[contact]\n");
        kv(&mut o, "name", &contact.name);
        kv(&mut o, "title", contact.title);
        kv(&mut o, "phone", &contact.phone);
        files.push(("request.toml".to_string(), o));
    }

    let main_line = !matches!(sh.state, State::ResolvedRemotely);
    let preparer = sh.assignees[0];
    // A cash advance for trips out of town, requested with the signed task sheet (7.3).
    let advance =
        (main_line && sh.reached(APPROVED) && !sh.hops.is_empty() && r.chance(750)).then(|| {
            let legs: i64 = t.legs.iter().map(|l| l.cost).sum();
            let nights = day_of(t.back_home) - day_of(t.started);
            let people = sh.travellers().len() as i64;
            let estimate = legs + (nights * 350 + (nights + 1) * 150) * 100 * people;
            ((estimate / 50_000 + 1) * 50_000).max(100_000)
        });

    // Check-ins while travelling, as recorded by `svc checkin` and copied into the log.
    let checkins: Vec<(i64, &str, String)> = t
        .checkins
        .iter()
        .map(|&at| {
            let via = r.word(&["phone", "phone", "phone", "email", "fax"]);
            (at, via, text(&mut r, &vars, &[CHECKIN_NOTES]))
        })
        .collect();

    // task-sheet.toml
    if main_line && sh.reached(SUBMITTED) {
        let mut o = String::with_capacity(3000);
        o.push_str("# 客户服务任务书 · customer service task sheet (8.3)\n");
        kv(&mut o, "prepared_by", PEOPLE[preparer].id);
        kv_date(&mut o, "prepared_on", day_of(t.submitted));
        let ids: Vec<&str> = sh.assignees.iter().map(|&p| PEOPLE[p].id).collect();
        kv_list(&mut o, "engineers", " = ", &ids);
        let situation = format!(
            "{}是我公司的老客户，自{}年起陆续采购我公司{}等设备共{}台，主要用于{}。{}{}",
            c.name,
            civil_from_days(
                c.products
                    .iter()
                    .map(|p| p.installed)
                    .min()
                    .unwrap_or(received_day)
            )
            .0,
            model.name,
            c.products.len(),
            r.word(USES),
            r.word(STAFFING),
            r.word(DEMANDS)
        );
        kv(&mut o, "customer_situation", &situation);
        kv(
            &mut o,
            "fault_detail",
            story(&mut r, &vars, sh.variant, &[fault.reported, fault.detail]),
        );
        o.push_str("tasks = [\n");
        for task in several(&mut r, &vars, fault.tasks, (2, 4)) {
            o.push_str("  ");
            push_q(&mut o, &task);
            o.push_str(",\n");
        }
        o.push_str("]\n");
        let site_ids: Vec<&str> = sh.trip.iter().map(|&s| c.sites[s].id.as_str()).collect();
        kv_list(&mut o, "sites", " = ", &site_ids);
        let planned_depart = day_of(t.started);
        let planned_return = (day_of(t.back_home) - i64::from(r.chance(200))).max(planned_depart);
        kv_date(&mut o, "depart_on", planned_depart);
        kv_date(&mut o, "return_on", planned_return);
        let mut tools = several(&mut r, &vars, TOOLS, (3, 6));
        tools.sort();
        kv_list(&mut o, "tools", " = ", &tools);
        if let Some(h) = sh.helper {
            o.push_str("\n[[helpers]]\n");
            kv(&mut o, "person", PEOPLE[h].id);
            kv(&mut o, "role", r.word(HELPER_ROLES));
        }
        for leg in &t.legs {
            o.push_str("\n[[legs]]\n");
            kv_date(&mut o, "date", day_of(leg.at));
            let (from, to) = leg.ends(c);
            kv(&mut o, "from", from);
            kv(&mut o, "to", to);
            kv(&mut o, "mode", leg.mode.word());
        }
        let mut bring: Vec<(usize, u32)> =
            visits.first().map(|v| v.parts.clone()).unwrap_or_default();
        if !fault.part_kinds.is_empty() {
            for _ in 0..r.range(0, 2) {
                let kind = *r.pick(fault.part_kinds);
                let choice: Vec<usize> = (0..PARTS.len()).filter(|&i| PARTS[i].5 == kind).collect();
                let part = *r.pick(&choice);
                if !bring.iter().any(|(p, _)| *p == part) {
                    bring.push((part, 1));
                }
            }
        }
        for (part, qty) in &bring {
            o.push_str("\n[[parts]]\n");
            kv(&mut o, "code", PARTS[*part].0);
            let _ = writeln!(o, "qty = {qty}");
        }
        if let Some(amount) = advance {
            o.push_str("\n[advance]\n");
            kv(&mut o, "amount", money(amount));
            // Requested on the sheet, and signed with it (7.3).
            kv(&mut o, "purpose", r.word(ADVANCE_PURPOSES));
        }
        files.push(("task-sheet.toml".to_string(), o));
    }

    // visits/NN-site.toml
    let on_site_now = main_line && sh.reached(ON_SITE);
    if on_site_now {
        for (k, v) in visits.iter().enumerate() {
            if v.left > limit {
                break;
            }
            let s = &c.sites[v.site];
            let mut o = String::with_capacity(2400);
            o.push_str("# 现场服务记录 · field service record (8.5)\n");
            kv(&mut o, "site", &s.id);
            kv_ts(&mut o, "arrived_at", v.arrived);
            kv_ts(&mut o, "left_at", v.left);
            let ids: Vec<&str> = sh.assignees.iter().map(|&p| PEOPLE[p].id).collect();
            kv_list(&mut o, "engineers", " = ", &ids);
            let serials: Vec<&str> = v
                .products
                .iter()
                .map(|&p| c.products[p].serial.as_str())
                .collect();
            kv_list(&mut o, "products", " = ", &serials);
            let site_vars = Vars {
                site: &s.name,
                city: CITIES[s.city].name,
                ..vars
            };
            if k == 0 {
                kv(
                    &mut o,
                    "symptoms",
                    story(
                        &mut r,
                        &site_vars,
                        sh.variant,
                        &[fault.reported, fault.detail],
                    ),
                );
                kv(
                    &mut o,
                    "diagnosis",
                    story(&mut r, &site_vars, sh.variant, &[fault.diagnosis]),
                );
                kv(&mut o, "cause", v.cause);
                kv(
                    &mut o,
                    "work_done",
                    story(&mut r, &site_vars, sh.variant, &[fault.work]),
                );
            } else {
                kv(&mut o, "symptoms", text(&mut r, &site_vars, &[INSPECTION]));
                kv(&mut o, "diagnosis", "设备运行正常，未发现故障。");
                kv(&mut o, "cause", v.cause);
                kv(
                    &mut o,
                    "work_done",
                    text(&mut r, &site_vars, &[INSPECTION_WORK]),
                );
            }
            if v.software || r.chance(300) {
                let _ = writeln!(o, "software_maintenance = {}", v.software);
            }
            let _ = writeln!(o, "resolved = {}", v.resolved);
            if r.chance(600) {
                kv(&mut o, "training", r.word(TRAINING));
            }
            for (part, qty) in &v.parts {
                o.push_str("\n[[parts_replaced]]\n");
                kv(&mut o, "code", PARTS[*part].0);
                let _ = writeln!(o, "qty = {qty}");
                if PARTS[*part].4 >= 20_000 {
                    kv(
                        &mut o,
                        "serial_out",
                        format!("{}{:07}", &PARTS[*part].0[..3], r.range(0, 9_999_999)),
                    );
                    kv(
                        &mut o,
                        "serial_in",
                        format!("{}{:07}", &PARTS[*part].0[..3], r.range(0, 9_999_999)),
                    );
                }
            }
            o.push_str("\n[confirmation]\n");
            kv(&mut o, "name", &contact.name);
            kv(&mut o, "title", contact.title);
            kv_date(&mut o, "date", day_of(v.left));
            kv(&mut o, "remarks", r.word(CONFIRM_REMARKS));
            files.push((format!("visits/{:02}-{}.toml", k + 1, s.id), o));
        }
    }

    // fees.toml: only when the customer pays and something was charged.
    if main_line && sh.reached(SERVICED) && paying {
        let mut items: Vec<(&str, u32, i64, Option<&str>, &str)> = Vec::new();
        let mut parts: Vec<(usize, u32)> = Vec::new();
        for v in &visits {
            for (p, q) in &v.parts {
                match parts.iter_mut().find(|(x, _)| x == p) {
                    Some((_, n)) => *n += q,
                    None => parts.push((*p, *q)),
                }
            }
        }
        for (p, q) in &parts {
            items.push((PARTS[*p].0, *q, PARTS[*p].4, None, PARTS[*p].1));
        }
        if !parts.is_empty() {
            items.push(("SVC-HW-REPAIR", 1, rate("SVC-HW-REPAIR"), None, "硬件维修"));
        }
        if visits.iter().any(|v| v.software) {
            let code = if fault.category == "configuration" {
                "SVC-SW-CONFIG"
            } else {
                "SVC-SW-UPGRADE"
            };
            items.push((code, 1, rate(code), None, "软件维护"));
        }
        if matches!(fee, Fee::Billable) {
            let mut days: Vec<i64> = Vec::new();
            for v in &visits {
                for d in day_of(v.arrived)..=day_of(v.left) {
                    if !days.contains(&d) {
                        days.push(d);
                    }
                }
            }
            let qty = (days.len() * sh.assignees.len()) as u32;
            if r.chance(30) {
                items.push((
                    "SVC-LABOUR",
                    qty,
                    rate("SVC-LABOUR") * 9 / 10,
                    Some("老客户优惠，经客服中心同意按九折收取人工费。"),
                    "现场服务人工",
                ));
            } else {
                items.push(("SVC-LABOUR", qty, rate("SVC-LABOUR"), None, "现场服务人工"));
            }
            if r.chance(500) {
                let code = match CITIES[site.city].class {
                    0 => "SVC-TRAVEL-LOCAL",
                    1 | 2 if CITIES[site.city].province == CITIES[HOME].province => {
                        "SVC-TRAVEL-PROV"
                    }
                    _ => "SVC-TRAVEL-NATL",
                };
                items.push((code, 1, rate(code), None, "差旅费"));
            }
        }
        if !items.is_empty() {
            let total: i64 = items.iter().map(|i| i.2 * i64::from(i.1)).sum();
            let signed = day_of(visits.last().map_or(t.completed, |v| v.left));
            let mut o = String::with_capacity(1600);
            o.push_str("# 服务费清单 · service fee list (8.5, 9)\n");
            kv(&mut o, "total", money(total));
            for (code, qty, price, reason, note) in &items {
                o.push_str("\n[[items]]\n");
                kv(&mut o, "code", code);
                let _ = writeln!(o, "qty = {qty}");
                kv(&mut o, "unit_price", money(*price));
                if let Some(reason) = reason {
                    kv(&mut o, "override_reason", reason);
                }
                kv(&mut o, "note", note);
            }
            o.push_str("\n[signature]\n");
            kv(&mut o, "name", &contact.name);
            kv_date(&mut o, "date", signed);
            o.push_str("\n[payment]\n");
            kv(
                &mut o,
                "method",
                ["transfer", "transfer", "cash", "wechat", "alipay", "card"][r.below(6)],
            );
            kv(&mut o, "amount", money(total));
            kv(
                &mut o,
                "receipt",
                format!(
                    "SK{}{:03}",
                    date_string(signed).replace('-', ""),
                    r.range(1, 999)
                ),
            );
            kv_date(&mut o, "date", signed);
            files.push(("fees.toml".to_string(), o));
        }
    }

    // travel-log.yaml and summary.toml
    if main_line && sh.reached(HANDED_IN) {
        files.push((
            "travel-log.yaml".to_string(),
            travel_log(c, &sh, &t, &visits, advance, &mut r),
        ));
        let mut o = String::with_capacity(1600);
        o.push_str("# 服务总结报告 · service summary report (8.6)\n");
        kv(&mut o, "prepared_by", PEOPLE[preparer].id);
        kv_date(&mut o, "prepared_on", day_of(t.handed_in));
        let outcome = if visits.iter().all(|v| v.resolved) {
            "resolved"
        } else if r.chance(700) {
            "partly"
        } else {
            "unresolved"
        };
        kv(&mut o, "outcome", outcome);
        kv(
            &mut o,
            "root_cause",
            story(&mut r, &vars, sh.variant, &[fault.root, fault.diagnosis]),
        );
        kv(&mut o, "fault_category", fault.category);
        kv(&mut o, "actions", text(&mut r, &vars, &[fault.actions]));
        kv(&mut o, "customer_feedback", r.word(FEEDBACK));
        let _ = writeln!(o, "satisfaction = {}", [5, 5, 5, 4, 4, 4, 3, 2][r.below(8)]);
        kv(&mut o, "training", r.word(TRAINING));
        let suggestions = several(&mut r, &vars, SUGGESTIONS, (1, 3));
        o.push_str("suggestions = [\n");
        for s in &suggestions {
            o.push_str("  ");
            push_q(&mut o, s);
            o.push_str(",\n");
        }
        o.push_str("]\n");
        if outcome != "resolved" || r.chance(300) {
            kv(&mut o, "follow_up", r.word(FOLLOW_UP));
        }
        files.push(("summary.toml".to_string(), o));
    }

    // case.toml, last: it summarises what the forms say.
    let mut o = String::with_capacity(2400);
    kv(&mut o, "id", &id);
    kv(&mut o, "title", &title);
    kv(&mut o, "customer", &c.id);
    kv(&mut o, "site", &site.id);
    kv(&mut o, "product", &c.products[product].serial);
    kv(&mut o, "state", sh.state.word());
    kv_ts(&mut o, "opened_at", t.opened);
    kv(&mut o, "opened_by", PEOPLE[sh.receiver].id);
    if main_line && sh.reached(ACCEPTED) {
        kv(&mut o, "fee", fee.word(c));
    }
    if main_line && sh.reached(ASSIGNED) {
        kv(&mut o, "assigned_by", PEOPLE[sh.assigner].id);
        kv(
            &mut o,
            "assigned_via",
            if sh.via_sales { "sales" } else { "csc" },
        );
        let ids: Vec<&str> = sh.assignees.iter().map(|&p| PEOPLE[p].id).collect();
        kv_list(&mut o, "assignees", " = ", &ids);
    }
    if sh.state == State::ResolvedRemotely {
        kv(&mut o, "resolution", text(&mut r, &vars, &[RESOLUTIONS]));
    }
    if sh.state == State::Cancelled {
        kv(&mut o, "cancel_reason", r.word(CANCEL_REASONS));
    }
    o.push_str("\n[timeline]\n");
    if sh.state == State::ResolvedRemotely {
        kv_ts(&mut o, "resolved_at", t.resolved);
    } else {
        let steps = [
            (ACCEPTED, "accepted_at", t.accepted),
            (ASSIGNED, "assigned_at", t.assigned),
            (SUBMITTED, "submitted_at", t.submitted),
            (APPROVED, "approved_at", t.approved),
            (ON_SITE, "started_at", t.started),
            (SERVICED, "completed_at", t.completed),
            (HANDED_IN, "handed_in_at", t.handed_in),
            (REVIEWED, "reviewed_at", t.reviewed),
            (ARCHIVED, "archived_at", t.archived),
        ];
        for (level, key, at) in steps {
            if sh.reached(level) {
                kv_ts(&mut o, key, at);
            }
        }
        if sh.state == State::Cancelled {
            kv_ts(&mut o, "cancelled_at", t.cancelled);
        }
    }
    if main_line {
        let mut approvals: Vec<(i64, &str, usize, &str, &str)> = Vec::new();
        if sh.reached(SUBMITTED)
            && let Some(at) = t.flight_ok
        {
            approvals.push((at, "flight", sh.manager, "manager", r.word(FLIGHT_NOTES)));
        }
        if sh.reached(APPROVED) {
            approvals.push((
                t.lead_at,
                "task-sheet",
                sh.lead,
                "lead",
                r.word(APPROVE_NOTES),
            ));
            if sh.via_sales {
                approvals.push((
                    t.sales_lead_at,
                    "task-sheet",
                    sh.sales_lead,
                    "sales-lead",
                    r.word(APPROVE_NOTES),
                ));
            }
        }
        if sh.reached(REVIEWED) {
            let role = if sh.via_sales { "sales" } else { "csc" };
            approvals.push((
                t.reviewed,
                "review",
                sh.reviewer,
                role,
                r.word(REVIEW_NOTES),
            ));
        }
        approvals.sort_by_key(|a| a.0);
        for (at, kind, by, role, note) in approvals {
            o.push_str("\n[[approvals]]\n");
            kv(&mut o, "kind", kind);
            kv(&mut o, "by", PEOPLE[by].id);
            kv(&mut o, "role", role);
            kv_ts(&mut o, "at", at);
            kv(&mut o, "note", note);
        }
        if sh.reached(SUBMITTED) && sh.task_rejected {
            o.push_str("\n[[rejections]]\n");
            kv(&mut o, "kind", "task-sheet");
            kv(&mut o, "by", PEOPLE[sh.lead].id);
            kv_ts(&mut o, "at", t.task_reject);
            kv(&mut o, "reason", r.word(REJECT_TASK));
        }
        if sh.reached(REVIEWED) && sh.review_rejected {
            o.push_str("\n[[rejections]]\n");
            kv(&mut o, "kind", "review");
            kv(&mut o, "by", PEOPLE[sh.reviewer].id);
            kv_ts(&mut o, "at", t.review_reject);
            kv(&mut o, "reason", r.word(REJECT_REVIEW));
        }
        if on_site_now {
            for (at, via, note) in checkins.iter().filter(|c| c.0 <= limit) {
                o.push_str("\n[[checkins]]\n");
                kv_ts(&mut o, "at", *at);
                kv(&mut o, "via", via);
                kv(&mut o, "by", PEOPLE[preparer].id);
                kv(&mut o, "note", note);
            }
        }
    }
    let o = seal(&files, &o);
    files.push(("case.toml".to_string(), o));

    CaseOut {
        state: sh.state,
        dir,
        files,
    }
}

/// case.toml with what each approval covers, as svc records it when the approval is taken:
/// the object id of the task sheet (a signature, a flight approval) or of every form (a
/// review), and the flights a flight approval names.
fn seal(forms: &[(String, String)], case_toml: &str) -> String {
    let id = |name: &str| {
        forms
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| svc::forms::blob_id(text.as_bytes()))
    };
    let covers = |names: &mut dyn Iterator<Item = &str>| {
        let entries: Vec<String> = names
            .filter_map(|n| id(n).map(|id| format!("\"{n}\" = \"{id}\"")))
            .collect();
        format!("covers = {{ {} }}", entries.join(", "))
    };
    let flights: Vec<String> = forms
        .iter()
        .find(|(n, _)| n == "task-sheet.toml")
        .and_then(|(_, text)| text.parse::<toml::Table>().ok())
        .and_then(|t| t.get("legs").and_then(|l| l.as_array()).cloned())
        .unwrap_or_default()
        .iter()
        .filter(|leg| leg.get("mode").and_then(|m| m.as_str()) == Some("flight"))
        .filter_map(|leg| {
            let date = leg.get("date")?.as_datetime()?.to_string();
            let date = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()?;
            let text = |key: &str| leg.get(key).and_then(|v| v.as_str()).unwrap_or_default();
            Some(format!(
                "\"{}\"",
                svc::forms::flight_label(date, text("from"), text("to"))
            ))
        })
        .collect();
    let mut out = String::with_capacity(case_toml.len() + 512);
    let mut kind: Option<&str> = None;
    let close = |kind: Option<&str>, out: &mut String| match kind {
        Some("review") => {
            let mut names = forms.iter().map(|(n, _)| n.as_str());
            out.push_str(&covers(&mut names));
            out.push('\n');
        }
        Some("flight") => {
            out.push_str(&format!("flights = [{}]\n", flights.join(", ")));
            out.push_str(&covers(&mut std::iter::once("task-sheet.toml")));
            out.push('\n');
        }
        Some(_) => {
            out.push_str(&covers(&mut std::iter::once("task-sheet.toml")));
            out.push('\n');
        }
        None => {}
    };
    for line in case_toml.lines() {
        if line.is_empty() || line.starts_with('[') {
            close(kind.take(), &mut out);
        }
        if let Some(k) = line.strip_prefix("kind = ")
            && case_toml_in_approval(&out)
        {
            kind = Some(match k.trim_matches('"') {
                "review" => "review",
                "flight" => "flight",
                _ => "task-sheet",
            });
        }
        out.push_str(line);
        out.push('\n');
    }
    close(kind.take(), &mut out);
    out
}

/// Whether the last table header written is `[[approvals]]`.
fn case_toml_in_approval(written: &str) -> bool {
    written
        .lines()
        .rev()
        .find(|l| l.starts_with('['))
        .is_some_and(|l| l == "[[approvals]]")
}

fn travel_log(
    c: &Customer,
    sh: &Shape,
    t: &Timing,
    visits: &[VisitOut],
    advance: Option<i64>,
    r: &mut Rng,
) -> String {
    let mut o = String::with_capacity(4000);
    o.push_str("# 出差工作日志 · travel work log (8.6)\n");
    let travellers: Vec<&str> = sh.travellers().iter().map(|&p| PEOPLE[p].id).collect();
    kv_list(&mut o, "travellers", ": ", &travellers);
    o.push_str("legs:\n");
    for leg in &t.legs {
        let (from, to) = leg.ends(c);
        o.push_str("  - date: \"");
        push_date(&mut o, day_of(leg.at));
        o.push_str("\"\n    from: ");
        push_q(&mut o, from);
        o.push_str("\n    to: ");
        push_q(&mut o, to);
        let _ = write!(
            o,
            "\n    mode: {}\n    cost: \"{}\"\n",
            leg.mode.word(),
            money(leg.cost)
        );
    }
    o.push_str("back_home_at: \"");
    push_ts(&mut o, t.back_home);
    o.push_str("\"\nback_at_work_at: \"");
    push_ts(&mut o, t.back_at_work);
    o.push_str("\"\n");
    // Where the travellers were at the end of each day, and what they did.
    let (d0, d1) = (day_of(t.started), day_of(t.back_home));
    o.push_str("days:\n");
    let mut city = HOME;
    for day in d0..=d1 {
        // The day's events in order: (when, what, the city it leaves them in).
        let mut events: Vec<(i64, String, usize)> = Vec::new();
        for leg in t.legs.iter().filter(|l| day_of(l.at) == day) {
            let (from, to) = leg.ends(c);
            events.push((
                leg.at,
                format!("乘{}从{from}到{to}。", leg.mode.zh()),
                leg.to,
            ));
        }
        for v in visits
            .iter()
            .filter(|v| day_of(v.arrived) <= day && day <= day_of(v.left))
        {
            let s = &c.sites[v.site];
            let bank: &[&'static str] = if day == day_of(v.left) {
                &[
                    "完成现场处理，请客户签字确认。",
                    "测试业务正常，整理现场服务记录。",
                    "完成工作并向客户说明处理情况。",
                ]
            } else {
                &[
                    "排查故障，与客户维护人员一起测试。",
                    "更换部件后观察设备运行。",
                    "继续处理故障，晚上向公司汇报进展。",
                ]
            };
            let at = v.arrived.max(day * DAY);
            events.push((at, format!("在{}{}", s.name, r.word(bank)), s.city));
        }
        events.sort_by_key(|e| e.0);
        let mut work = String::new();
        for (_, what, at) in events {
            work.push_str(&what);
            city = at;
        }
        if work.is_empty() {
            work.push_str(if weekday(day) >= 5 {
                "周末在当地待命，电话跟踪设备运行情况。"
            } else {
                "等待客户安排，整理资料并电话跟踪设备运行情况。"
            });
        }
        o.push_str("  - date: \"");
        push_date(&mut o, day);
        o.push_str("\"\n    place: ");
        push_q(&mut o, CITIES[city].name);
        o.push_str("\n    work: ");
        push_q(&mut o, &work);
        o.push('\n');
    }
    o.push_str("expenses:\n");
    let expense =
        |o: &mut String, day: i64, category: &str, amount: i64, receipt: bool, r: &mut Rng| {
            o.push_str("  - date: \"");
            push_date(o, day);
            let _ = write!(
                o,
                "\"\n    category: {category}\n    amount: \"{}\"\n",
                money(amount)
            );
            if receipt {
                let _ = writeln!(o, "    receipt: \"FP{:08}\"", r.range(0, 99_999_999));
            }
        };
    let people = travellers.len() as i64;
    for leg in &t.legs {
        expense(&mut o, day_of(leg.at), "transport", leg.cost, true, r);
    }
    if r.chance(300) {
        expense(&mut o, d0, "transport", r.range(35, 180) * 100, true, r);
    }
    for day in d0..d1 {
        expense(
            &mut o,
            day,
            "lodging",
            r.range(180, 450) * 100 * people,
            true,
            r,
        );
    }
    for day in d0..=d1 {
        expense(
            &mut o,
            day,
            "meals",
            r.range(50, 120) * 100 * people,
            false,
            r,
        );
    }
    expense(
        &mut o,
        d1,
        "allowance",
        10_000 * (d1 - d0 + 1) * people,
        false,
        r,
    );
    if let Some(amount) = advance {
        let _ = write!(
            o,
            "advance_received:\n  amount: \"{}\"\n  date: \"",
            money(amount)
        );
        push_date(&mut o, day_of(t.advance));
        o.push_str("\"\n");
    }
    o
}
