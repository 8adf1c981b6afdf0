/*!
Half-open byte ranges over a document's text.

Every layer sitrep adds to a [`Doc`](crate::Doc) (sentences, time expressions,
place and actor mentions, events) points back into the unchanged article text
with a `Span`, so any output can be traced to the bytes it came from.
*/

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics if `start > end`, which is always a bug.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The items of `sorted` (in order of start) that start inside `span`, its end included: the
/// only ones that [`Span::contains`] can accept, found by binary search instead of a scan.
pub fn starting_in<T>(sorted: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let from = sorted.partition_point(|item| span_of(item).start < span.start);
    let to = sorted.partition_point(|item| span_of(item).start <= span.end);
    &sorted[from..to.max(from)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_and_overlap() {
        let outer = Span::new(2, 10);
        assert!(outer.contains(Span::new(2, 10)));
        assert!(outer.contains(Span::new(3, 4)));
        assert!(!outer.contains(Span::new(1, 4)));
        assert!(outer.overlaps(Span::new(9, 12)));
        assert!(!outer.overlaps(Span::new(10, 12)));
        assert_eq!(Span::new(4, 7).slice("the KIA took"), "KIA");
    }

    #[test]
    fn starting_in_keeps_what_a_scan_keeps() {
        let sorted = [
            Span::new(0, 3),
            Span::new(2, 2),
            Span::new(4, 9),
            Span::new(5, 6),
            Span::new(9, 9),
            Span::new(10, 12),
        ];
        for start in 0..13 {
            for end in start..13 {
                let span = Span::new(start, end);
                let scanned: Vec<Span> = sorted
                    .iter()
                    .copied()
                    .filter(|s| span.contains(*s))
                    .collect();
                let found: Vec<Span> = starting_in(&sorted, span, |s| *s)
                    .iter()
                    .copied()
                    .filter(|s| span.contains(*s))
                    .collect();
                assert_eq!(found, scanned, "inside {span:?}");
            }
        }
    }

    #[test]
    #[should_panic(expected = "is after its end")]
    fn reversed_span_is_a_bug() {
        Span::new(5, 4);
    }
}
