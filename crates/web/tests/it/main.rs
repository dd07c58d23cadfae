//! Every integration test of this crate, in one binary: one link instead of one per file.

mod auth;
mod authz;
mod career_owner_coach;
mod career_owner_compass;
mod career_owner_compass_forms;
mod career_owner_conversations;
mod career_owner_customers;
mod career_owner_support;
mod careers;
mod curated_moves;
mod import;
mod layering;
mod notices;
mod opportunities;
mod opportunities_authz;
mod opportunity_links;
mod org_chart;
mod pages;
mod people_keys;
mod pilots_api;
mod plans;
mod plans_paths;
mod proposal_settings;
mod security_auth;
mod security_input;
