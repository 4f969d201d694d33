//! `svc new --customer C --fault TEXT …`

use crate::cli::commands::step;
use crate::cli::{Env, done, error::CliResult};
use svc::forms::Action;
use svc::forms::Channel;
use svc::history::actions::NewCase;
use svc::t;
use svc::team;

/// Record a new request as a case; prints the new id alone on stdout (8.1)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The customer (its id: customers/<id>.toml)
    #[arg(long)]
    customer: String,
    /// The fault as the customer describes it
    #[arg(long)]
    fault: String,
    /// The site (a site id of the customer)
    #[arg(long)]
    site: Option<String>,
    /// The product concerned (its serial)
    #[arg(long, value_name = "SERIAL")]
    product: Option<String>,
    /// How the request came in: phone, fax, email, visit, web
    #[arg(long, value_parser = parse_channel)]
    channel: Option<Channel>,
    /// The customer's contact (default: the first contact in the customer's file)
    #[arg(long, value_name = "NAME")]
    contact: Option<String>,
    /// The contact's phone
    #[arg(long)]
    phone: Option<String>,
    /// A one-line title (default: the start of the fault)
    #[arg(long)]
    title: Option<String>,
}

fn parse_channel(text: &str) -> Result<Channel, String> {
    text.parse()
}

/// Open the case and print its id.
pub fn run(args: Args, env: &Env) -> CliResult {
    let new = NewCase {
        customer: args.customer,
        fault: args.fault,
        site: args.site,
        product: args.product,
        channel: args.channel,
        contact: args.contact,
        phone: args.phone,
        title: args.title,
        reopens: None,
    };
    let outcome = step::at_desk(env, |desk| team::step::open_case(desk, &new))?;
    if env.ui.json {
        return step::report(env, Action::New, &outcome);
    }
    env.ui.line(&outcome.case);
    env.ui.note(t!(
        "cli-new-done",
        case = &outcome.case,
        dir = outcome.dir.display().to_string(),
        commit = &outcome.commit.to_string()[..10]
    ));
    done()
}
