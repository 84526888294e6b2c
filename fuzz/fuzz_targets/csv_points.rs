//! libFuzzer entry point of the `csv_points` target; the body is shared with the
//! corpus replay in `tests/it/fuzz_corpus.rs`.
#![no_main]

#[path = "../targets/csv_points.rs"]
mod target;

libfuzzer_sys::fuzz_target!(|data: &[u8]| target::run(data));
