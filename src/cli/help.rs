//! The command line in the person's language: which language messages are said in, and
//! the help of every command and option in it.
//!
//! English help is the commands' own documentation (their doc comments); the Chinese is in
//! the catalogue (`src/i18n/help.zh-CN.ftl`) under `cmd-<command path>` and
//! `arg-<command path>-<option>` (`arg-global-<option>` for the options every command
//! takes). A test fails when a command or option has no Chinese help, or the catalogue
//! has help for one that does not exist.

use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;
use svc::forms::config::Locale;

/// The heading of the options every command takes.
pub const GLOBAL_HEADING: &str = "Global options";

/// The Chinese help, compiled in.
pub const HELP_ZH: &str = include_str!("../i18n/help.zh-CN.ftl");

/// The language messages and help are said in: `--locale` on the command line, else the
/// person's environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else `locale` in the svc.toml of
/// the workspace (around `-C DIR` or the current folder), else English.
pub fn message_locale(args: &[OsString]) -> Locale {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // The value of `-X VALUE`, `-XVALUE`, `--long VALUE` or `--long=VALUE`, the last given.
    let value_of = |flag: &str| {
        let mut found = None;
        for (i, arg) in args.iter().enumerate().skip(1) {
            if arg == "--" {
                break;
            }
            if arg == flag {
                found = args.get(i + 1).cloned();
            } else if let Some(v) = arg.strip_prefix(flag) {
                let long = flag.starts_with("--");
                match v.strip_prefix('=') {
                    Some(v) if long => found = Some(v.to_owned()),
                    _ if !long && !v.is_empty() => found = Some(v.to_owned()),
                    _ => {}
                }
            }
        }
        found
    };
    if let Some(locale) = value_of("--locale").and_then(|v| Locale::parse(&v)) {
        return locale;
    }
    if let Some(locale) = svc::i18n::from_environment(|name| std::env::var(name).ok()) {
        return locale;
    }
    let start = value_of("-C")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::current_dir().ok());
    start
        .and_then(|dir| svc::workspace::find_root(&dir).ok())
        .and_then(|root| std::fs::read_to_string(root.join("svc.toml")).ok())
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|t| t.get("locale")?.as_str().and_then(Locale::parse))
        .unwrap_or(Locale::En)
}

/// Words of the help's frame, per language.
struct Frame {
    usage: &'static str,
    commands: &'static str,
    command: &'static str,
    arguments: &'static str,
    options: &'static str,
    global: &'static str,
    help: &'static str,
    version: &'static str,
    help_command: &'static str,
    /// What a usage line says for "some options" where clap's `[OPTIONS]` is not the word.
    options_placeholder: Option<&'static str>,
}

const ZH: Frame = Frame {
    usage: "用法",
    commands: "命令",
    command: "命令",
    arguments: "参数",
    options: "选项",
    global: "全局选项",
    help: "显示帮助",
    version: "显示版本",
    help_command: "显示本帮助,或所给子命令的帮助",
    options_placeholder: Some("[选项]"),
};

const EN: Frame = Frame {
    usage: "Usage",
    commands: "Commands",
    command: "COMMAND",
    arguments: "Arguments",
    options: "Options",
    global: GLOBAL_HEADING,
    help: "Print help",
    version: "Print version",
    help_command: "Print this message or the help of the given subcommand(s)",
    options_placeholder: None,
};

/// `cmd` with its help in `locale`: in both, the options every command takes (help and
/// version among them) come once, in a section of their own after the command's.
pub fn localize(cmd: Command, locale: Locale) -> Command {
    let (catalogue, frame) = match locale {
        Locale::En => (Catalogue::parse(""), &EN),
        Locale::ZhCn => (Catalogue::parse(HELP_ZH), &ZH),
    };
    let mut cmd = translate(cmd, &mut Vec::new(), &catalogue, frame);
    cmd.build();
    finish(cmd, frame)
}

/// `cmd` (built) and its subcommands with what clap adds at build in the frame's words:
/// the `help` subcommands, and usage lines that say the options placeholder for clap's
/// `[OPTIONS]`.
fn finish(mut cmd: Command, frame: &Frame) -> Command {
    if let Some(options) = frame.options_placeholder {
        let usage = cmd.render_usage().to_string();
        let usage = usage
            .lines()
            .map(|line| line.trim_start_matches("Usage:").trim())
            .collect::<Vec<_>>()
            .join("\n       ")
            .replace("[OPTIONS]", options);
        cmd = cmd.override_usage(usage);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand("help", |help| {
                help.about(frame.help_command)
                    .help_template(template(frame))
                    .mut_args(|arg| arg.help_heading(frame.arguments))
            })
        } else {
            cmd.mut_subcommand(&name, |sub| finish(sub, frame))
        };
    }
    cmd
}

fn template(frame: &Frame) -> String {
    format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        frame.usage
    )
}

/// The key of `arg` under the command `path`.
pub fn arg_key(path: &[String], arg: &Arg) -> String {
    let name = arg
        .get_long()
        .map(str::to_owned)
        .unwrap_or_else(|| arg.get_id().as_str().replace('_', "-"));
    if arg.is_global_set() {
        format!("arg-global-{name}")
    } else {
        format!("arg-{}-{name}", path.join("-"))
    }
}

/// The key of what `--help` says of the command at `path` after its first line.
pub fn long_key(path: &[String]) -> String {
    format!("long-{}", cmd_key(path).trim_start_matches("cmd-"))
}

/// The key of the command at `path` (`cmd-svc` for svc itself).
pub fn cmd_key(path: &[String]) -> String {
    if path.is_empty() {
        "cmd-svc".to_owned()
    } else {
        format!("cmd-{}", path.join("-"))
    }
}

fn translate(
    cmd: Command,
    path: &mut Vec<String>,
    catalogue: &Catalogue,
    frame: &Frame,
) -> Command {
    let mut cmd = cmd
        .help_template(template(frame))
        .subcommand_help_heading(frame.commands)
        .subcommand_value_name(frame.command)
        .disable_help_flag(true)
        .disable_version_flag(true);
    if let Some(about) = catalogue.get(&cmd_key(path)) {
        cmd = cmd.about(about.to_owned());
        cmd = match catalogue.get(&long_key(path)) {
            Some(more) => cmd.long_about(format!("{about}\n\n{more}")),
            None => cmd.long_about(None),
        };
    }
    let here = path.clone();
    cmd = cmd.mut_args(|arg| {
        let key = arg_key(&here, &arg);
        let heading = match arg.get_help_heading() {
            Some(GLOBAL_HEADING) => Some(frame.global),
            Some(_) => None,
            None if arg.is_positional() => Some(frame.arguments),
            None => Some(frame.options),
        };
        let arg = match heading {
            Some(heading) => arg.help_heading(heading),
            None => arg,
        };
        match catalogue.get(&key) {
            // The Chinese help names the values and the default itself (clap would list
            // them with their English help, under English words).
            Some(help) => {
                let arg = arg.help(help.to_owned()).long_help(None);
                if arg.get_action().takes_values() {
                    arg.hide_possible_values(true).hide_default_value(true)
                } else {
                    arg
                }
            }
            None => arg,
        }
    });
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(frame.help)
            .help_heading(frame.global),
    );
    if path.is_empty() {
        cmd = cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(frame.version)
                .help_heading(frame.global),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |sub| translate(sub, path, catalogue, frame));
        path.pop();
    }
    cmd
}

/// `key = text` lines of a Fluent file (help is plain text: no variables).
pub struct Catalogue {
    entries: std::collections::BTreeMap<String, String>,
}

impl Catalogue {
    pub fn parse(text: &str) -> Catalogue {
        let mut entries = std::collections::BTreeMap::new();
        let mut last: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                last = None;
                continue;
            }
            if line.starts_with(' ') {
                // A continuation line: the text goes on.
                if let Some(key) = &last
                    && let Some(text) = entries.get_mut(key)
                {
                    let text: &mut String = text;
                    text.push(' ');
                    text.push_str(line.trim());
                }
                continue;
            }
            if let Some((key, value)) = line.split_once('=') {
                let key = key.trim().to_owned();
                entries.insert(key.clone(), value.trim().to_owned());
                last = Some(key);
            }
        }
        Catalogue { entries }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }

    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }
}

/// Every help key of `cmd` with its English text: (key, text).
#[cfg(test)]
pub fn english(cmd: &Command) -> Vec<(String, String)> {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<(String, String)>) {
        if cmd.get_name() == "help" && !path.is_empty() {
            return;
        }
        let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        if let Some(long) = cmd.get_long_about() {
            out.push((long_key(path), long.to_string()));
        }
        out.push((cmd_key(path), about));
        for arg in cmd.get_arguments() {
            if matches!(arg.get_id().as_str(), "help" | "version") {
                continue;
            }
            if arg.is_global_set() && !path.is_empty() {
                continue;
            }
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            out.push((arg_key(path, arg), help));
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_owned());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(cmd, &mut Vec::new(), &mut out);
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_option_has_chinese_help_and_nothing_else_does() {
        let keys = english(&crate::cli::Cli::command());
        let catalogue = Catalogue::parse(HELP_ZH);
        let missing: Vec<String> = keys
            .iter()
            .filter(|(key, _)| catalogue.get(key).is_none_or(str::is_empty))
            .map(|(key, text)| format!("{key} = {text}"))
            .collect();
        assert!(
            missing.is_empty(),
            "no Chinese help in src/i18n/help.zh-CN.ftl for:\n{}",
            missing.join("\n")
        );
        let known: std::collections::BTreeSet<&str> =
            keys.iter().map(|(k, _)| k.as_str()).collect();
        let stale: Vec<&str> = catalogue.keys().filter(|k| !known.contains(k)).collect();
        assert!(
            stale.is_empty(),
            "help for nothing in src/i18n/help.zh-CN.ftl: {stale:?}"
        );
    }

    #[test]
    fn chinese_help_names_the_values_and_the_default_it_hides() {
        let catalogue = Catalogue::parse(HELP_ZH);
        let mut unnamed = Vec::new();
        fn walk(
            cmd: &Command,
            path: &mut Vec<String>,
            catalogue: &Catalogue,
            out: &mut Vec<String>,
        ) {
            for arg in cmd.get_arguments() {
                let Some(help) = catalogue.get(&arg_key(path, arg)) else {
                    continue;
                };
                let values = arg.get_possible_values();
                let described = values.iter().any(|v| v.get_help().is_some());
                for value in values.iter().filter(|_| described) {
                    if !help.contains(value.get_name()) {
                        out.push(format!("{}: {}", arg_key(path, arg), value.get_name()));
                    }
                }
                for default in arg.get_default_values() {
                    if !help.contains(&*default.to_string_lossy()) {
                        out.push(format!("{}: default {default:?}", arg_key(path, arg)));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                path.push(sub.get_name().to_owned());
                walk(sub, path, catalogue, out);
                path.pop();
            }
        }
        walk(
            &crate::cli::Cli::command(),
            &mut Vec::new(),
            &catalogue,
            &mut unnamed,
        );
        assert!(
            unnamed.is_empty(),
            "Chinese help that does not name a value it hides:\n{}",
            unnamed.join("\n")
        );
    }

    #[test]
    fn the_command_line_names_the_language_before_clap_reads_it() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        for (line, want) in [
            (&["svc", "--locale=zh-CN", "list"][..], Locale::ZhCn),
            (&["svc", "list", "--locale", "en"][..], Locale::En),
            (
                &["svc", "--locale", "en", "--locale", "zh_CN"][..],
                Locale::ZhCn,
            ),
        ] {
            assert_eq!(message_locale(&args(line)), want, "{line:?}");
        }
    }

    #[test]
    fn the_chinese_command_line_is_well_formed() {
        localize(crate::cli::Cli::command(), Locale::ZhCn).debug_assert();
    }
}
