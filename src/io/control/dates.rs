//! Dates of control snapshots: from a file name, or from a property value.

use jiff::civil::Date;

use crate::error::{Error, Result};

/// The date in a file name: `YYYYMMDD` (`deepstatemap_data_20250602.geojson`)
/// or `YYYY-MM-DD` / `YYYY_MM_DD` (`front_2025-06-02.geojson`), as a run of
/// digits not touching other digits. `Ok(None)` if the name holds none.
///
/// # Errors
/// [`Error::Format`] if the name holds two different dates, or digits that
/// look like a date but are not one (`20251302`).
///
/// ```
/// use strikemap::{Date, io::control::date_from_name};
/// assert_eq!(date_from_name("deepstatemap_data_20250602.geojson")?, Some(Date::constant(2025, 6, 2)));
/// assert_eq!(date_from_name("front_2025-06-02.json")?, Some(Date::constant(2025, 6, 2)));
/// assert_eq!(date_from_name("held.geojson")?, None);
/// assert!(date_from_name("held_20251302.geojson").is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn date_from_name(name: &str) -> Result<Option<Date>> {
    let b = name.as_bytes();
    let mut found: Option<(Date, &str)> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let candidate = if run == 8 {
            Some((
                &name[i..i + 4],
                &name[i + 4..i + 6],
                &name[i + 6..i + 8],
                i + 8,
            ))
        } else if run == 4
            && b.len() >= i + 10
            && matches!(b[i + 4], b'-' | b'_')
            && b[i + 7] == b[i + 4]
            && b[i + 5..i + 7].iter().all(u8::is_ascii_digit)
            && b[i + 8..i + 10].iter().all(u8::is_ascii_digit)
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit())
        {
            Some((
                &name[i..i + 4],
                &name[i + 5..i + 7],
                &name[i + 8..i + 10],
                i + 10,
            ))
        } else {
            None
        };
        match candidate {
            Some((y, m, d, end)) => {
                let text = &name[i..end];
                let date = civil(y, m, d).ok_or_else(|| {
                    Error::format(
                        "file name",
                        "a valid date (YYYYMMDD or YYYY-MM-DD)",
                        format!("{text:?} in {name:?}"),
                    )
                })?;
                if let Some((other, other_text)) = found.filter(|(o, _)| *o != date) {
                    return Err(Error::format(
                        "file name",
                        "one date",
                        format!("{other_text:?} ({other}) and {text:?} ({date}) in {name:?}"),
                    ));
                }
                found = Some((date, text));
                i = end;
            }
            None => i += run,
        }
    }
    Ok(found.map(|(d, _)| d))
}

fn civil(y: &str, m: &str, d: &str) -> Option<Date> {
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Date::new(y, m, d).ok()
}

/// A date from a property value: `"2025-06-02"`, an RFC 3339 timestamp
/// (`"2025-06-02T04:00:00Z"`: its date as written), or `"20250602"`.
///
/// # Errors
/// [`Error::Format`] if the value is not a string holding one of those.
///
/// ```
/// use serde_json::json;
/// use strikemap::{Date, io::control::date_from_value};
/// assert_eq!(date_from_value(&json!("2025-06-02"))?, Date::constant(2025, 6, 2));
/// assert_eq!(date_from_value(&json!("2025-06-02T23:30:00+03:00"))?, Date::constant(2025, 6, 2));
/// assert!(date_from_value(&json!(20250602)).is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
pub fn date_from_value(value: &serde_json::Value) -> Result<Date> {
    let expected = "a date (\"2025-06-02\", \"20250602\" or an RFC 3339 timestamp)";
    let text = value
        .as_str()
        .ok_or_else(|| Error::format("date", expected, value.to_string()))?;
    let head = text.get(..10).unwrap_or(text);
    let parsed = if text.len() == 8 && text.bytes().all(|c| c.is_ascii_digit()) {
        civil(&text[..4], &text[4..6], &text[6..8])
    } else if text.len() == 10
        || text
            .as_bytes()
            .get(10)
            .is_some_and(|&c| c == b'T' || c == b' ')
    {
        head.parse::<Date>().ok()
    } else {
        None
    };
    parsed.ok_or_else(|| Error::format("date", expected, format!("{text:?}")))
}
