//! [`ColumnType`] and [`ColumnTypes`]: the type of each column, inferred
//! from every value it holds.

use std::collections::HashMap;

use geojson::JsonValue;

/// The type a column is written with.
///
/// A column's type is decided by all its values together ([`ColumnTypes`]):
///
/// | values (null and `""` are missing and do not vote) | type |
/// |---|---|
/// | JSON `true`/`false`, or the text `true`/`false` | [`ColumnType::Boolean`] |
/// | JSON integers (in i64), or integer text without a leading zero or `+` (`12`, `-3`; not `007`) | [`ColumnType::Int64`] |
/// | numbers, integers among them, or number text (`1.5`, `1e5`; finite) | [`ColumnType::Float64`] |
/// | ISO dates `YYYY-MM-DD` | [`ColumnType::Date`] (days since 1970-01-01) |
/// | RFC 3339 instants (`2025-06-01T10:00:00Z`, an offset required) | [`ColumnType::Timestamp`] (µs, UTC) |
/// | anything else, or a mix (arrays and objects as JSON text) | [`ColumnType::Text`] |
///
/// A column with no value at all is [`ColumnType::Text`] (all null).
///
/// ```
/// use strikemap::io::parquet::ColumnType;
/// use serde_json::json;
/// assert_eq!(ColumnType::of(&json!("12")), Some(ColumnType::Int64));
/// assert_eq!(ColumnType::of(&json!("007")), Some(ColumnType::Text));
/// assert_eq!(ColumnType::of(&json!("2025-06-01")), Some(ColumnType::Date));
/// assert_eq!(ColumnType::of(&json!(null)), None);
/// assert_eq!(ColumnType::Int64.join(ColumnType::Float64), ColumnType::Float64);
/// assert_eq!(ColumnType::Date.join(ColumnType::Int64), ColumnType::Text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnType {
    /// `true` or `false`.
    Boolean,
    /// A 64-bit integer.
    Int64,
    /// A 64-bit float.
    Float64,
    /// A calendar date (Arrow `Date32`).
    Date,
    /// An instant (Arrow `Timestamp(Microsecond, "UTC")`).
    Timestamp,
    /// UTF-8 text.
    Text,
}

/// Integer text as written by people: no leading zero (a code such as
/// `007` is text), no `+`.
fn integer_text(t: &str) -> Option<i64> {
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || (digits.len() > 1 && digits.starts_with('0'))
    {
        return None;
    }
    t.parse().ok()
}

/// Number text: finite, no leading zero before other digits, no `+`.
fn number_text(t: &str) -> Option<f64> {
    let digits = t.strip_prefix('-').unwrap_or(t);
    let first = digits.bytes().next()?;
    if !(first.is_ascii_digit() || first == b'.')
        || (digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."))
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// An ISO date, exactly `YYYY-MM-DD`.
fn date_text(t: &str) -> Option<jiff::civil::Date> {
    (t.len() == 10).then(|| t.parse().ok()).flatten()
}

/// An RFC 3339 instant (with an offset).
fn timestamp_text(t: &str) -> Option<jiff::Timestamp> {
    (t.len() > 10 && t.contains('T'))
        .then(|| t.parse().ok())
        .flatten()
}

impl ColumnType {
    /// The type one value asks for (`None` for null and `""`).
    ///
    /// ```
    /// use strikemap::io::parquet::ColumnType;
    /// assert_eq!(ColumnType::of(&serde_json::json!(1.5)), Some(ColumnType::Float64));
    /// assert_eq!(ColumnType::of(&serde_json::json!("2025-06-01T10:00:00Z")), Some(ColumnType::Timestamp));
    /// ```
    pub fn of(value: &JsonValue) -> Option<ColumnType> {
        match value {
            JsonValue::Null => None,
            JsonValue::Bool(_) => Some(ColumnType::Boolean),
            JsonValue::Number(n) if n.is_i64() => Some(ColumnType::Int64),
            JsonValue::Number(_) => Some(ColumnType::Float64),
            JsonValue::String(s) if s.is_empty() => None,
            JsonValue::String(s) => Some(if s == "true" || s == "false" {
                ColumnType::Boolean
            } else if integer_text(s).is_some() {
                ColumnType::Int64
            } else if number_text(s).is_some() {
                ColumnType::Float64
            } else if date_text(s).is_some() {
                ColumnType::Date
            } else if timestamp_text(s).is_some() {
                ColumnType::Timestamp
            } else {
                ColumnType::Text
            }),
            JsonValue::Array(_) | JsonValue::Object(_) => Some(ColumnType::Text),
        }
    }

    /// The type of a column holding values of both types.
    ///
    /// ```
    /// use strikemap::io::parquet::ColumnType;
    /// assert_eq!(ColumnType::Float64.join(ColumnType::Int64), ColumnType::Float64);
    /// assert_eq!(ColumnType::Boolean.join(ColumnType::Int64), ColumnType::Text);
    /// ```
    #[must_use]
    pub fn join(self, other: ColumnType) -> ColumnType {
        use ColumnType::{Float64, Int64};
        match (self, other) {
            (a, b) if a == b => a,
            (Int64, Float64) | (Float64, Int64) => Float64,
            _ => ColumnType::Text,
        }
    }

    /// `true` for a boolean value, as the column holds it.
    pub(crate) fn boolean(value: &JsonValue) -> Option<bool> {
        match value {
            JsonValue::Bool(b) => Some(*b),
            JsonValue::String(s) if s == "true" => Some(true),
            JsonValue::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    pub(crate) fn int(value: &JsonValue) -> Option<i64> {
        match value {
            JsonValue::Number(n) => n.as_i64(),
            JsonValue::String(s) => integer_text(s),
            _ => None,
        }
    }

    pub(crate) fn float(value: &JsonValue) -> Option<f64> {
        match value {
            JsonValue::Number(n) => n.as_f64(),
            JsonValue::String(s) => number_text(s),
            _ => None,
        }
    }

    /// Days since 1970-01-01.
    pub(crate) fn days(value: &JsonValue) -> Option<i32> {
        let date = date_text(value.as_str()?)?;
        let epoch = jiff::civil::date(1970, 1, 1);
        let days = (date - epoch).get_days();
        Some(days)
    }

    /// Microseconds since 1970-01-01T00:00:00Z.
    pub(crate) fn micros(value: &JsonValue) -> Option<i64> {
        let t = timestamp_text(value.as_str()?)?;
        Some(t.as_microsecond())
    }

    /// The text a value is written as in a text column.
    pub(crate) fn text(value: &JsonValue) -> String {
        match value {
            JsonValue::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
}

/// The columns of a table and their types, gathered value by value, in the
/// order their names first appear.
///
/// ```
/// use strikemap::io::parquet::{ColumnType, ColumnTypes};
/// use serde_json::json;
/// let mut types = ColumnTypes::new();
/// for (n, date) in [(json!(1), json!("2025-06-01")), (json!(2.5), json!(null))] {
///     types.observe("n", &n);
///     types.observe("date", &date);
/// }
/// assert_eq!(types.columns(), [("n".to_string(), ColumnType::Float64), ("date".to_string(), ColumnType::Date)]);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnTypes {
    names: Vec<String>,
    types: Vec<Option<ColumnType>>,
    index: HashMap<String, usize>,
}

impl ColumnTypes {
    /// No columns yet.
    ///
    /// ```
    /// assert!(strikemap::io::parquet::ColumnTypes::new().columns().is_empty());
    /// ```
    pub fn new() -> ColumnTypes {
        ColumnTypes::default()
    }

    /// Takes one value of the column `name` into account.
    ///
    /// ```
    /// let mut t = strikemap::io::parquet::ColumnTypes::new();
    /// t.observe("code", &serde_json::json!("007"));
    /// assert_eq!(t.columns()[0].1, strikemap::io::parquet::ColumnType::Text);
    /// ```
    pub fn observe(&mut self, name: &str, value: &JsonValue) {
        let i = match self.index.get(name) {
            Some(i) => *i,
            None => {
                self.names.push(name.to_string());
                self.types.push(None);
                self.index.insert(name.to_string(), self.names.len() - 1);
                self.names.len() - 1
            }
        };
        if let Some(t) = ColumnType::of(value) {
            self.types[i] = Some(self.types[i].map_or(t, |old| old.join(t)));
        }
    }

    /// The columns in order of first appearance, each with its type
    /// ([`ColumnType::Text`] where no value was seen).
    ///
    /// ```
    /// let mut t = strikemap::io::parquet::ColumnTypes::new();
    /// t.observe("empty", &serde_json::Value::Null);
    /// assert_eq!(t.columns()[0].1, strikemap::io::parquet::ColumnType::Text);
    /// ```
    pub fn columns(&self) -> Vec<(String, ColumnType)> {
        self.names
            .iter()
            .zip(&self.types)
            .map(|(n, t)| (n.clone(), t.unwrap_or(ColumnType::Text)))
            .collect()
    }
}
