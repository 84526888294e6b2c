//! [`CountryCode`]: an ISO 3166-1 alpha-2 code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Reported, Result};

/// An ISO 3166-1 alpha-2 country code: two ASCII letters, stored upper case
/// (`"UA"`, `"RU"`, `"TR"`). `XK` (Kosovo, user-assigned) is accepted like any
/// other pair of letters; whether a bundled boundary exists is up to
/// `countries`.
///
/// ```
/// use strikemap::CountryCode;
/// let ua: CountryCode = "ua".parse()?;
/// assert_eq!(ua.as_str(), "UA");
/// assert!("UKR".parse::<CountryCode>().is_err());
/// # Ok::<(), strikemap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "CodeText", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Reads a two-letter code (any case).
    ///
    /// # Errors
    /// [`Error::Format`] quoting the text if it is not two ASCII letters.
    ///
    /// ```
    /// assert_eq!(strikemap::CountryCode::new("tr")?.as_str(), "TR");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn new(code: &str) -> Result<CountryCode> {
        let bytes = code.as_bytes();
        if bytes.len() == 2 && bytes.iter().all(u8::is_ascii_alphabetic) {
            Ok(CountryCode([
                bytes[0].to_ascii_uppercase(),
                bytes[1].to_ascii_uppercase(),
            ]))
        } else {
            Err(Error::format(
                "country",
                "an ISO 3166-1 alpha-2 code such as \"UA\"",
                format!("{code:?}"),
            ))
        }
    }

    /// The code as text.
    ///
    /// ```
    /// assert_eq!(strikemap::CountryCode::new("ru")?.as_str(), "RU");
    /// # Ok::<(), strikemap::Error>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters (checked in `new`), so this is valid UTF-8.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl FromStr for CountryCode {
    type Err = Error;
    fn from_str(s: &str) -> Result<CountryCode> {
        CountryCode::new(s)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = Error;
    fn try_from(s: String) -> Result<CountryCode> {
        CountryCode::new(&s)
    }
}

/// A code as written, read by serde before it is checked.
#[derive(Deserialize)]
#[serde(transparent)]
struct CodeText(String);

impl TryFrom<CodeText> for CountryCode {
    type Error = Reported;
    fn try_from(s: CodeText) -> Result<CountryCode, Reported> {
        CountryCode::new(&s.0).map_err(Reported)
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_string()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
