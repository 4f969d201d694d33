//! `svc serve [--port N] [--address A] [--read-only]`: the web view of the workspace, until
//! Ctrl-C.

use crate::cli::{Env, done, error::CliError, error::CliResult};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::Ordering;
use svc::serve::{Options, Server};
use svc::t;

/// Serve the centre on one screen: a local web view of the workspace
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to listen on (0: a free one, printed on start)
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on; anything but loopback lets others on the network see the
    /// workspace and, unless --read-only, act as you
    #[arg(long, value_name = "ADDRESS", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    address: IpAddr,
    /// Show the pages only: no buttons, every POST refused
    #[arg(long)]
    read_only: bool,
}

/// Serve until interrupted (SIGINT or SIGTERM): stop taking requests, finish those in
/// flight, exit 0.
pub fn run(args: Args, env: &Env) -> CliResult {
    let root = env.root()?;
    let options = Options {
        address: args.address,
        port: args.port,
        read_only: args.read_only,
        sources: env.git_sources(),
        now: env.pinned_now()?,
        cached: env.cached(),
    };
    let server = Server::bind(&root, options).map_err(|e| CliError::env(e.to_string()))?;
    let stop = server.stopper();
    // signal-hook sets the flag from the handler (nothing else is safe there); the workers
    // see it within a fraction of a second.
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, stop.clone())
            .map_err(|e| CliError::env(format!("cannot catch signal {signal}: {e}")))?;
    }
    env.ui.line(server.url());
    if !args.address.is_loopback() {
        let acting = match (
            args.read_only,
            env.workspace().ok().map(|ws| env.current_person(&ws)),
        ) {
            (false, Some(Ok(person))) => t!("serve-not-loopback-acting", person = person),
            _ => String::new(),
        };
        env.ui.warning(&t!(
            "serve-not-loopback",
            address = args.address.to_string(),
            acting = acting
        ));
    }
    env.ui
        .note(t!("serve-listening", root = root.display().to_string()));
    if args.read_only {
        env.ui.note(t!("serve-read-only-note"));
    }
    server.run();
    debug_assert!(stop.load(Ordering::SeqCst));
    env.ui.note(t!("serve-stopped"));
    done()
}
