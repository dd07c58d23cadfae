//! Every integration test of this crate, in one binary: one link instead of one per file.

mod conformance;
mod conformance_asks;
mod conformance_career;
mod conformance_career_customers;
mod conformance_curated;
mod conformance_data_rights;
mod conformance_index_changes;
mod conformance_jobs;
mod conformance_mail;
mod conformance_notifications;
mod conformance_opportunities;
mod conformance_opportunity_links;
mod conformance_placements;
mod conformance_plans;
mod conformance_shopping;
mod migrations_match;
mod support;
