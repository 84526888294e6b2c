//! Property values in KML `ExtendedData`, which holds text only.
//!
//! strikemap writes a string as it is, and any other JSON value (a
//! number, a boolean, an array, an object, null) as its JSON text; a
//! string that would read back as something else (`"12"`, `"true"`, text
//! with leading or trailing white space) is written as a JSON string
//! (`"\"12\""`). Reading does the reverse: text that parses as JSON is that
//! value, other text is a string. So every property survives a round trip,
//! and a number typed in Google Earth (`12`) is read as a number.

use geojson::JsonValue;

/// A `Data` value's text as a JSON value.
pub(crate) fn read_value(text: &str) -> JsonValue {
    let trimmed = text.trim();
    serde_json::from_str(trimmed).unwrap_or_else(|_| JsonValue::String(trimmed.to_string()))
}

/// A `SimpleData` value's text as a JSON value, by its `SimpleField` type
/// (`int`, `double`, `bool`, `string`, ...) where the schema gives one.
pub(crate) fn read_typed(text: &str, kind: Option<&str>) -> JsonValue {
    let t = text.trim();
    match kind {
        Some("string") => JsonValue::String(text.to_string()),
        Some("int" | "uint" | "short" | "ushort") => t
            .parse::<i64>()
            .map(JsonValue::from)
            .unwrap_or_else(|_| JsonValue::String(t.to_string())),
        Some("float" | "double") => t
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| JsonValue::String(t.to_string()), JsonValue::Number),
        Some("bool") => match t {
            "1" | "true" => JsonValue::Bool(true),
            "0" | "false" => JsonValue::Bool(false),
            _ => JsonValue::String(t.to_string()),
        },
        _ => read_value(text),
    }
}

/// A JSON value as the text of a `Data` value.
pub(crate) fn write_value(value: &JsonValue) -> String {
    match value {
        JsonValue::String(s) => {
            let ambiguous = s.trim() != s || serde_json::from_str::<JsonValue>(s).is_ok();
            if ambiguous {
                value.to_string()
            } else {
                s.clone()
            }
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_value_survives() {
        for v in [
            json!("plain text"),
            json!("12"),
            json!("true"),
            json!(" padded "),
            json!("\"quoted\""),
            json!(""),
            json!(12),
            json!(-3.5),
            json!(true),
            json!(null),
            json!(["a", "b"]),
            json!({"title": "x", "url": "https://example.org"}),
        ] {
            assert_eq!(read_value(&write_value(&v)), v, "{v}");
        }
        assert_eq!(read_typed("007", Some("string")), json!("007"));
        assert_eq!(read_typed("12", Some("int")), json!(12));
        assert_eq!(read_typed("1", Some("bool")), json!(true));
    }
}
