//! libFuzzer entry point of the `distance_text` target; the body is shared with the
//! corpus replay in `tests/it/fuzz_corpus.rs`.
#![no_main]

#[path = "../targets/distance_text.rs"]
mod target;

libfuzzer_sys::fuzz_target!(|data: &[u8]| target::run(data));
