//! The message catalogue: every sentence svc says to a person, in zh-CN and in English.
//!
//! Messages live in Fluent files (`*.ftl`, one per area and language, compiled into the
//! binary) and are looked up by id with [`t!`](crate::t): `t!("step-refused-role", role =
//! "lead")`. Rule ids, JSON keys, command names and keywords stay English; what is said
//! around them is translated.
//!
//! Which language: the command line's `--locale`, else the environment of the person
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`, when one names Chinese or English), else the
//! workspace's `locale` in svc.toml, else English. The papers a workspace prints (forms,
//! reports, the notes recorded in its history) speak the workspace's language instead:
//! they are the company's, not the reader's.

use crate::forms::config::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The catalogue's files: (name, English, Chinese). A message is in both files of its
/// area, with the same variables (checked by the tests).
pub const FILES: &[(&str, &str, &str)] = &[
    (
        "cli",
        include_str!("cli.en.ftl"),
        include_str!("cli.zh-CN.ftl"),
    ),
    (
        "steps",
        include_str!("steps.en.ftl"),
        include_str!("steps.zh-CN.ftl"),
    ),
    (
        "rules",
        include_str!("rules.en.ftl"),
        include_str!("rules.zh-CN.ftl"),
    ),
    (
        "workspace",
        include_str!("workspace.en.ftl"),
        include_str!("workspace.zh-CN.ftl"),
    ),
    (
        "history",
        include_str!("history.en.ftl"),
        include_str!("history.zh-CN.ftl"),
    ),
    (
        "team",
        include_str!("team.en.ftl"),
        include_str!("team.zh-CN.ftl"),
    ),
    (
        "import",
        include_str!("import.en.ftl"),
        include_str!("import.zh-CN.ftl"),
    ),
    (
        "report",
        include_str!("report.en.ftl"),
        include_str!("report.zh-CN.ftl"),
    ),
    (
        "plan",
        include_str!("plan.en.ftl"),
        include_str!("plan.zh-CN.ftl"),
    ),
    (
        "serve",
        include_str!("serve.en.ftl"),
        include_str!("serve.zh-CN.ftl"),
    ),
];

/// The language messages are said in, once chosen (0: not chosen, else 1 + index in
/// [`Locale::ALL`]).
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Say messages in `locale` from now on.
pub fn set(locale: Locale) {
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    CURRENT.store(index as u8 + 1, Ordering::Relaxed);
}

/// The language messages are said in (English until [`set`]).
pub fn current() -> Locale {
    match CURRENT.load(Ordering::Relaxed) {
        0 => Locale::En,
        n => Locale::ALL[usize::from(n - 1).min(Locale::ALL.len() - 1)],
    }
}

/// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
/// that is set and not empty decides (POSIX); `C` and `POSIX` ask for none.
pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Option<Locale> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|v| !v.is_empty())?;
    // zh_CN.UTF-8, en_US.UTF-8@euro → zh_CN, en_US
    let tag = value.split(['.', '@']).next().unwrap_or_default();
    if tag.eq_ignore_ascii_case("C") || tag.eq_ignore_ascii_case("POSIX") {
        return None;
    }
    Locale::parse(tag).or_else(|| {
        let language = tag.split(['_', '-']).next().unwrap_or_default();
        Locale::parse(language)
    })
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of `locale`, made on first use.
fn bundle(locale: Locale) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    BUNDLES[index].get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier = locale.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Messages go to terminals, logs and commit messages: no invisible isolation marks
        // around the values.
        bundle.set_use_isolating(false);
        for (_, en, zh) in FILES {
            let text = match locale {
                Locale::En => en,
                Locale::ZhCn => zh,
            };
            // A file that does not parse is caught by the tests; what parses is used.
            let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// A value for a message's variable.
pub enum Arg<'a> {
    /// Text, shown as it is.
    Text(std::borrow::Cow<'a, str>),
    /// A number: it chooses the plural form.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Arg<'a> {
        Arg::Text(text.into())
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Arg<'a> {
        Arg::Text(text.as_str().into())
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Arg<'static> {
        Arg::Text(text.into())
    }
}

macro_rules! numbers {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Arg<'_> {
            fn from(n: $ty) -> Arg<'static> {
                Arg::Number(n as f64)
            }
        }
    )*};
}
numbers!(usize, u32, u64, i32, i64);

/// The message `id` in the current language, its variables filled from `args`.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(current(), id, args)
}

/// The message `id` in `locale`. A message missing from the catalogue (which the tests
/// rule out) is said as its id, never a panic.
pub fn text_in(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(locale);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fluent_args.set(*name, FluentValue::from(t.as_ref())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// `t!("id")`, `t!("id", name = value, …)`: the message in the current language.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// `t_in!(locale, "id", …)`: the message in `locale` (the workspace's, for what it records).
#[macro_export]
macro_rules! t_in {
    ($locale:expr, $id:literal) => {
        $crate::i18n::text_in($locale, $id, &[])
    };
    ($locale:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_in($locale, $id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The messages of a Fluent file: id → the variables its text uses.
    fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ')
                && let Some((id, _)) = line.split_once('=')
            {
                current = Some(id.trim().to_owned());
                out.entry(id.trim().to_owned()).or_default();
            }
            if let Some(id) = &current {
                let vars = out.entry(id.clone()).or_default();
                let mut rest = line;
                while let Some(at) = rest.find('$') {
                    rest = &rest[at + 1..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn every_message_is_in_both_languages_with_the_same_variables() {
        for (area, en, zh) in FILES {
            for text in [en, zh] {
                FluentResource::try_new((*text).to_owned())
                    .unwrap_or_else(|(_, e)| panic!("{area}: {e:?}"));
            }
            let (en, zh) = (messages(en), messages(zh));
            let only_en: Vec<&String> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
            let only_zh: Vec<&String> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(only_en.is_empty(), "{area}.zh-CN.ftl lacks {only_en:?}");
            assert!(only_zh.is_empty(), "{area}.en.ftl lacks {only_zh:?}");
            for (id, vars) in &en {
                assert_eq!(
                    Some(vars),
                    zh.get(id),
                    "{area}: {id} uses other variables in Chinese"
                );
            }
        }
    }

    /// `t!("id", a = …, b = …)` and `t_in!(locale, "id", …)` in the source: (file, id,
    /// variable names).
    fn uses() -> Vec<(String, String, BTreeSet<String>)> {
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut found = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).unwrap().flatten() {
                    files.push(entry.path());
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/mod.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text
                .match_indices("t!(")
                .chain(text.match_indices("t_in!("))
            {
                if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at..];
                let Some(open) = rest.find('"') else { continue };
                let Some(close) = rest[open + 1..].find('"') else {
                    continue;
                };
                let id = rest[open + 1..open + 1 + close].to_owned();
                // The arguments: `name =` at the macro's own depth, up to its `)`.
                let mut depth = 0;
                let mut end = rest.len();
                for (i, c) in rest.char_indices() {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = i;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let args = &rest[open + close + 2..end];
                let mut vars = BTreeSet::new();
                let mut level = 0;
                let chars: Vec<char> = args.chars().collect();
                let mut i = 0;
                while i < chars.len() {
                    match chars[i] {
                        '(' | '[' | '{' => level += 1,
                        ')' | ']' | '}' => level -= 1,
                        '=' if level == 0
                            && chars.get(i + 1) != Some(&'=')
                            && i > 0
                            && !matches!(chars[i - 1], '=' | '!' | '<' | '>') =>
                        {
                            let before: String = chars[..i].iter().collect();
                            let name: String = before
                                .trim_end()
                                .chars()
                                .rev()
                                .take_while(|c| c.is_alphanumeric() || *c == '_')
                                .collect::<Vec<_>>()
                                .into_iter()
                                .rev()
                                .collect();
                            vars.insert(name);
                        }
                        _ => {}
                    }
                    i += 1;
                }
                found.push((path.display().to_string(), id, vars));
            }
        }
        found
    }

    #[test]
    fn every_message_the_code_says_is_in_the_catalogue_with_its_variables() {
        let mut catalogue = BTreeMap::new();
        for (_, en, _) in FILES {
            catalogue.extend(messages(en));
        }
        let uses = uses();
        assert!(
            uses.len() > 20,
            "the scan finds the messages ({} found)",
            uses.len()
        );
        for (file, id, vars) in uses {
            let Some(wanted) = catalogue.get(&id) else {
                panic!("{file}: message `{id}` is in no catalogue file (src/i18n/*.ftl)");
            };
            assert_eq!(
                &vars, wanted,
                "{file}: `{id}` is given other variables than its text uses"
            );
        }
    }

    #[test]
    fn the_environment_names_the_language_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            from_environment(env(&[("LANG", "zh_CN.UTF-8")])),
            Some(Locale::ZhCn)
        );
        assert_eq!(
            from_environment(env(&[("LANG", "zh_TW.UTF-8")])),
            Some(Locale::ZhCn)
        );
        assert_eq!(
            from_environment(env(&[("LANG", "en_GB.UTF-8")])),
            Some(Locale::En)
        );
        assert_eq!(
            from_environment(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")])),
            Some(Locale::En)
        );
        assert_eq!(
            from_environment(env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])),
            Some(Locale::ZhCn)
        );
        assert_eq!(from_environment(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(from_environment(env(&[("LANG", "fr_FR.UTF-8")])), None);
        assert_eq!(from_environment(env(&[])), None);
    }
}
