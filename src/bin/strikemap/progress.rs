//! A progress bar on stderr, shown only when stderr is a terminal, and a
//! reader that counts the bytes it has read so the bar can follow a file.

use std::cell::Cell;
use std::io::{self, IsTerminal, Read};
use std::rc::Rc;

use indicatif::{ProgressBar, ProgressStyle};

/// Counts the bytes read through it.
pub struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R> Counting<R> {
    /// Wraps `inner`; `count` is shared with a [`Progress`].
    pub fn new(inner: R, count: Rc<Cell<u64>>) -> Counting<R> {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// Progress through a file of known size, and warnings that do not tear it.
pub struct Progress {
    bar: Option<ProgressBar>,
    count: Rc<Cell<u64>>,
}

impl Progress {
    /// A bar for `total` bytes when stderr is a terminal, nothing otherwise.
    pub fn new(total: u64, count: Rc<Cell<u64>>) -> Progress {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total);
            if let Ok(style) =
                ProgressStyle::with_template("{wide_bar} {bytes}/{total_bytes} ({eta} left)")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, count }
    }

    /// Moves the bar to the bytes read so far.
    pub fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.count.get());
        }
    }

    /// Prints a line on stderr above the bar.
    pub fn warn(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| crate::print_stderr(message)),
            None => crate::print_stderr(message),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
