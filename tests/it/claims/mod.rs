//! Claims: parsing stated distances, rates, real reports, uncertainty and
//! verdicts.

mod parse;
mod rates;
mod real;
mod text;
mod uncertainty;
mod verdicts;
