//! The integration tests: one binary, a module per area.

mod asset;
mod calendar;
mod calendar_view;
mod ci;
mod common;
mod corpus;
mod demo;
mod fixture;
mod fuzz;
mod hostile;
mod locale;
mod moves;
mod output;
mod pdf;
mod plan;
mod replay;
mod report;
mod report_case;
mod rules;
mod schema;
mod serve;
mod shared;
mod spreadsheet;
mod targets;
mod workflow;
