//! probe
use strikemap::*;
#[test]
fn probe() {
    let ua50 = &countries::get("UA").unwrap().territory;
    let ua10 = countries::ukraine_10m();
    let mut diffs = vec![];
    let mut lat = 40.0;
    while lat <= 60.0 { let mut lon = 15.0; while lon <= 50.0 {
        let p = LatLon::new(lat, lon).unwrap();
        let a = ua50.distance_to(p); let b = ua10.distance_to(p);
        if a.as_km() > 0.0 || b.as_km() > 0.0 { diffs.push((a-b).as_metres().abs()); }
        lon += 0.25; } lat += 0.25; }
    diffs.sort_by(f64::total_cmp);
    let n = diffs.len();
    println!("n {n} median {:.0} p90 {:.0} p95 {:.0} p99 {:.0} max {:.0}", diffs[n/2], diffs[n*9/10], diffs[n*95/100], diffs[n*99/100], diffs[n-1]);
    let mut near: Vec<f64> = vec![];
    // far points
    for (la, lo) in [(68.1517,33.4639),(52.915,103.575),(51.17,128.445),(30.0,31.0),(60.0,0.0),(40.0,60.0)] {
        let p = LatLon::new(la,lo).unwrap();
        near.push((ua50.distance_to(p)-ua10.distance_to(p)).as_metres());
    }
    println!("{near:?}");
}
