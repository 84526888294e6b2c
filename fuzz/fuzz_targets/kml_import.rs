//! libFuzzer entry point of the `kml_import` target; the body is shared with the
//! corpus replay in `tests/it/fuzz_corpus.rs`.
#![no_main]

#[path = "../targets/kml_import.rs"]
mod target;

/// Loads the bundled data before the first input, so that no input is
/// charged the one-off cost (parsing the countries, splitting the
/// gazetteer) against the per-input timeout.
fn warm() {
    let _ = strikemap::countries::all();
    let _ = strikemap::regions::all();
    strikemap::gazetteer::load();
}

libfuzzer_sys::fuzz_target!(init: warm(), |data: &[u8]| target::run(data));
