//! The `svc` command line: parse, run one command, turn the result into an exit code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
