//! libFuzzer entry point of the `control_snapshots` target; the body is shared with the
//! corpus replay in `tests/it/fuzz_corpus.rs`.
#![no_main]

#[path = "../targets/control_snapshots.rs"]
mod target;

libfuzzer_sys::fuzz_target!(init: target::init(), |data: &[u8]| target::run(data));
