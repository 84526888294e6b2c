//! PNG: the SVG drawn by `resvg` (pure Rust, `tiny-skia`) with the bundled
//! DejaVu Sans, loaded from bytes: no system fonts are looked up.

use std::sync::{Arc, LazyLock};

use resvg::{tiny_skia, usvg};

use crate::{Error, Result};

/// DejaVu Sans 2.37 (Bitstream Vera licence, `data/fonts/LICENSE-DejaVu`).
static FONT: &[u8] = include_bytes!("../../data/fonts/DejaVuSans.ttf");

static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(FONT.to_vec());
    db.set_sans_serif_family(super::svg::FONT);
    Arc::new(db)
});

/// The SVG document drawn as PNG bytes.
pub(crate) fn write(svg: &str) -> Result<Vec<u8>> {
    let options = usvg::Options {
        font_family: super::svg::FONT.to_string(),
        fontdb: FONTS.clone(),
        ..usvg::Options::default()
    };
    let problem = |found: String| Error::Format {
        expected: "an SVG map the renderer can draw".into(),
        found,
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| problem(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| problem(format!("a canvas of {}x{} px", size.width(), size.height())))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // The map is drawn on opaque white: RGB with adaptive filtering, about
    // 40 % smaller than tiny-skia's RGBA default at the same speed.
    let rgb: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue()]
        })
        .collect();
    let mut bytes = Vec::new();
    {
        let mut encoder = ::png::Encoder::new(&mut bytes, size.width(), size.height());
        encoder.set_color(::png::ColorType::Rgb);
        encoder.set_depth(::png::BitDepth::Eight);
        encoder.set_compression(::png::Compression::Default);
        encoder.set_adaptive_filter(::png::AdaptiveFilterType::Adaptive);
        let mut writer = encoder.write_header().map_err(|e| problem(e.to_string()))?;
        writer
            .write_image_data(&rgb)
            .map_err(|e| problem(e.to_string()))?;
    }
    Ok(bytes)
}
