//! The report's front-line questions on a real control map, when one is
//! given (`--control DIR`): the line of contact on 2 June 2025, the
//! "roughly 620-mile front line" checked against it, and each strike as of
//! its own date. Without one, the example says how to get one.

use std::path::Path;

use strikemap::{
    Catalog, Date, Unit,
    io::control::{ReadOptions, read},
    model::ContactOptions,
};

use crate::scenario;

/// The day of the report's front-line claim.
const REPORT_DAY: Date = Date::constant(2025, 6, 2);

pub fn report(control: Option<&Path>, c: &Catalog) -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = control else {
        println!(
            "\nLine of contact: no control map given, so the front line above is the sketch \
             through town centres.\n  To measure the real line (DeepStateMap's daily \
             archive; its terms forbid redistribution, so strikemap ships none):\n    \
             git clone --depth 1 https://github.com/cyterat/deepstate-map-data\n    \
             cargo run --example june_2025 -- --control deepstate-map-data/data"
        );
        return Ok(());
    };
    let loaded = read(dir, &ReadOptions::new())?;
    let ukraine = strikemap::countries::ukraine_10m().clone();
    let map = loaded
        .map
        .with_contact(ContactOptions::new(ukraine.clone()));
    let (first, last) = map.date_range().ok_or("the control map is empty")?;
    println!(
        "\nControl map {} ({} snapshots, {first} to {last}):",
        dir.display(),
        map.len()
    );
    let day = map.as_of(REPORT_DAY)?;
    let line = day.contact_line()?;
    println!(
        "  as of {REPORT_DAY} (snapshot of {}): held {:.0} km² ({:.0} km² inside Ukraine)",
        day.date_used(),
        day.held_km2(),
        day.held_km2_within(&ukraine)?
    );
    println!(
        "  line of contact: {:.1} km in {} parts (border tolerance {})",
        line.length().as_km(),
        line.line().parts().len(),
        strikemap::model::DEFAULT_BORDER_TOLERANCE
    );
    for g in &day.generalised()?[1..] {
        println!(
            "    generalised at {}: {:.1} km",
            g.tolerance,
            g.length.as_km()
        );
    }
    for claim in scenario::length_claims()? {
        let v = claim.check(line)?;
        println!(
            "  \"{}\" on the line of contact: {}",
            claim.text,
            v.verdict.words().to_uppercase()
        );
        println!("    {}", v.readings[0].explanation);
    }
    println!("  Strikes, each as of its own date:");
    for s in c.strikes() {
        let p = s.target.position;
        match map.as_of(s.date) {
            Ok(d) => println!(
                "    {} {}: {} the held area, {:.1} from the line of contact (snapshot of {})",
                s.date,
                s.target.name,
                if d.holds(p) { "inside" } else { "outside" },
                d.distance_to_contact(p)?.display_in(Unit::Kilometres),
                d.date_used()
            ),
            Err(e) => println!("    {} {}: {}", s.date, s.target.name, e),
        }
    }
    Ok(())
}
