//! `strikemap review ARTICLE`: every checkable claim of an article, with a
//! verdict or the reason it cannot be checked.

use std::io::Read;

use strikemap::{
    Error,
    distance::Convention,
    io::geojson::{ImportOptions, Imported},
    review::{Context, review},
};

use crate::args::{ControlArgs, ReviewArgs};
use crate::errors::{CliResult, in_argument};
use crate::output::Output;

/// Runs the command.
pub fn run(args: &ReviewArgs) -> CliResult {
    let (label, text) = read_article(&args.article)?;
    let scenario = match &args.scenario {
        Some(path) => Some(
            Imported::from_path(path, &ImportOptions::default())
                .and_then(|i| i.to_catalog())
                .map_err(in_argument("--scenario"))?,
        ),
        None => None,
    };
    let control = match (&args.control, &args.date) {
        (Some(path), Some(date)) => {
            let (map, _) = crate::front::load(&ControlArgs::of(path, None))?;
            Some((map, crate::front::date(date, "--date")?))
        }
        _ => None,
    };
    let mut context = Context::new().with_method(args.method.method());
    if args.decimal_comma {
        context = context.with_convention(Convention::DecimalComma);
    }
    if let Some(c) = &scenario {
        context = context.with_scenario(c);
    }
    if let Some((map, date)) = &control {
        context = context.with_control(map, *date);
    }
    for mapping in &args.subjects {
        let Some((phrase, names)) = mapping.split_once('=') else {
            return Err(Error::Format {
                expected: "PHRASE=NAME,NAME,... (e.g. \"the targets=Olenya,Belaya\")".into(),
                found: format!("{mapping:?}"),
            }
            .at("argument --subjects")
            .into());
        };
        let names: Vec<String> = names
            .split(',')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if phrase.trim().is_empty() || names.is_empty() {
            return Err(Error::Format {
                expected: "a phrase and at least one name: PHRASE=NAME,NAME,...".into(),
                found: format!("{mapping:?}"),
            }
            .at("argument --subjects")
            .into());
        }
        context = context.with_subjects(phrase.trim(), names);
    }
    context
        .check_subjects()
        .map_err(in_argument("--subjects"))?;
    let lower = text.to_lowercase();
    for mapping in &args.subjects {
        if let Some((phrase, _)) = mapping.split_once('=')
            && !lower.contains(&phrase.trim().to_lowercase())
        {
            eprintln!(
                "note: --subjects {:?} does not occur in {label}",
                phrase.trim()
            );
        }
    }
    let result = review(&text, &context).map_err(|e| e.at(label.clone()))?;
    let title = args.title.clone().unwrap_or_else(|| {
        args.article
            .file_stem()
            .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned())
    });
    let mut out = Output::open(args.output.as_deref())?;
    if args.json {
        out.json(&result)?;
    } else if args.markdown {
        out.text(&result.markdown(&title))?;
    } else if args.html {
        out.text(&result.html(&title))?;
    } else {
        out.text(&result.text())?;
    }
    out.finish()
}

/// Reads the article: a file, or standard input for "-".
fn read_article(path: &std::path::Path) -> CliResult<(String, String)> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::Io {
                path: "<stdin>".into(),
                source: e.into(),
            })?;
        return Ok(("<stdin>".into(), text));
    }
    let label = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: label.clone(),
        source: e.into(),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Format {
            expected: "UTF-8 text".into(),
            found: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        }
        .at(label.clone())
    })?;
    Ok((label, text))
}
