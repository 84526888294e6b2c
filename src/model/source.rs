//! [`Source`]: where a fact comes from.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A citation: who published a fact, where, and when it was read.
///
/// ```
/// use strikemap::Source;
/// let s = Source::new("Wikipedia: Olenya (air base)").with_url("https://en.wikipedia.org/wiki/Olenya_(air_base)");
/// assert_eq!(s.to_string(), "Wikipedia: Olenya (air base) <https://en.wikipedia.org/wiki/Olenya_(air_base)>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Source {
    /// The publisher and title, e.g. `"a news report of 2 June 2025"`.
    pub title: String,
    /// A link, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was read or published, as an ISO 8601 date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<jiff::civil::Date>,
}

impl Source {
    /// A source with a title only.
    ///
    /// ```
    /// assert_eq!(strikemap::Source::new("AP").title, "AP");
    /// ```
    pub fn new(title: impl Into<String>) -> Source {
        Source {
            title: title.into(),
            url: None,
            date: None,
        }
    }

    /// Adds a link.
    ///
    /// ```
    /// let s = strikemap::Source::new("AP").with_url("https://apnews.com/");
    /// assert_eq!(s.url.as_deref(), Some("https://apnews.com/"));
    /// ```
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Source {
        self.url = Some(url.into());
        self
    }

    /// Adds the date it was published or read.
    ///
    /// ```
    /// let s = strikemap::Source::new("AP").with_date(strikemap::Date::constant(2025, 6, 2));
    /// assert_eq!(s.date.unwrap().to_string(), "2025-06-02");
    /// ```
    #[must_use]
    pub fn with_date(mut self, date: jiff::civil::Date) -> Source {
        self.date = Some(date);
        self
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)?;
        if let Some(date) = self.date {
            write!(f, ", {date}")?;
        }
        if let Some(url) = &self.url {
            write!(f, " <{url}>")?;
        }
        Ok(())
    }
}
