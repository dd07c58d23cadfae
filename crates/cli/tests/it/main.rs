//! Every integration test of this crate, in one binary: one link instead of one per file.

mod faults;
mod import_lines;
mod moves;
mod no_database;
mod support;
