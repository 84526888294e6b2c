//! libFuzzer entry point of the `review` target; the body is shared with the
//! corpus replay in `tests/it/fuzz_corpus.rs`.
#![no_main]

#[path = "../targets/review.rs"]
mod target;

/// Loads the bundled data and the scenario before the first input, so that
/// no input is charged the one-off cost against the per-input timeout.
fn warm() {
    let _ = strikemap::countries::all();
    let _ = strikemap::regions::all();
    strikemap::gazetteer::load();
    target::run(b"\x01warm-up: Kharkiv is 410 km from Kyiv.");
}

libfuzzer_sys::fuzz_target!(init: warm(), |data: &[u8]| target::run(data));
