//! A compact text encoding of a [`Dataset`], for bundling it into the widget.
//!
//! Emitting the dataset as Rust literals cost code for every `String` it
//! built (tens of KB of wasm for two dozen claims). This encoding keeps the
//! data as one string constant and decodes it with a few hundred bytes of
//! code. Strings are length-prefixed (`<bytes>:<text>`), numbers end in `;`,
//! so no character in the data needs escaping.

// Only builds whose claims carry patterns read them (see `Claim::pattern`).
use super::{
    Appearance, Claim, Concept, Dataset, DatasetInfo, Date, Period, Rating, ScoreModel, Source,
};
#[cfg(any(
    not(target_arch = "wasm32"),
    feature = "rust-unicode",
    feature = "test-hooks"
))]
use super::{Count, Evidence, MatchPattern, RoleKind};

/// Encodes `dataset`; [`decode`] gives it back exactly. (The widget's build
/// empties the lexicon first: only editor tools read it.) Native only:
/// `build.rs` encodes, the widget only decodes.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(dataset: &Dataset) -> String {
    let mut w = Writer(String::new());
    let info = &dataset.info;
    w.str(&info.version);
    w.num(info.schema.into());
    w.date(info.released);
    w.str(&info.content_hash);
    // The widget's build carries neither the lexicon nor the patterns (it
    // has the compiled index): a flag says whether they follow, so its
    // decoder needs no code for them.
    let matching = !dataset.lexicon.is_empty()
        || dataset
            .claims
            .iter()
            .any(|c| c.pattern != MatchPattern::default());
    w.num(u64::from(matching));
    let lexicon: &[Concept] = if matching { &dataset.lexicon } else { &[] };
    if matching {
        w.num(lexicon.len() as u64);
    }
    for c in lexicon {
        w.str(&c.id);
        w.kind(c.kind);
        w.str(&c.label);
        w.num(c.words.len() as u64);
        for (language, words) in &c.words {
            w.str(language);
            w.strs(words);
        }
        w.strs(&c.include);
    }
    let model = &dataset.model;
    w.num(model.weights.len() as u64);
    for &x in std::iter::once(&model.bias)
        .chain(&model.weights)
        .chain([&model.threshold, &model.companion])
    {
        w.num(x.to_bits().into());
    }
    w.num(dataset.claims.len() as u64);
    for c in &dataset.claims {
        w.str(&c.id);
        w.str(&c.claim_reviewed);
        w.rating(c.rating);
        w.opt_str(c.rating_label.as_deref());
        w.str(&c.summary);
        w.str(&c.context);
        w.date(c.as_of);
        w.date(c.reviewed);
        w.date(c.modified);
        w.str(&c.language);
        w.num(c.appearances.len() as u64);
        for a in &c.appearances {
            w.str(&a.url);
            w.str(&a.title);
            w.opt_date(a.date);
        }
        w.sources_and_timeline(&c.sources, &c.timeline);
        if matching {
            w.pattern(&c.pattern);
        }
        w.strs(&c.examples);
        w.strs(&c.counterexamples);
    }
    w.0
}

#[cfg(not(target_arch = "wasm32"))]
impl Writer {
    fn pattern(&mut self, p: &MatchPattern) {
        let w = self;
        for list in [&p.core, &p.support, &p.against] {
            w.num(list.len() as u64);
            for e in list.iter() {
                w.evidence(e);
            }
        }
        w.strs(&p.none_of);
        w.num(p.numbers.len() as u64);
        for &n in &p.numbers {
            w.num(n);
        }
        w.num(p.counts.len() as u64);
        for count in &p.counts {
            w.num(count.number);
            w.evidence(&count.of);
        }
    }
}

/// Decodes what [`encode`] wrote; `None` if `text` is not such an encoding.
pub fn decode(text: &str) -> Option<Dataset> {
    let mut r = Reader(text);
    let info = DatasetInfo {
        version: r.str()?,
        schema: r.num()?.try_into().ok()?,
        released: r.date()?,
        content_hash: r.str()?,
    };
    let matching = r.num()? == 1;
    let lexicon = if matching { r.lexicon()? } else { Vec::new() };
    let weights = usize::try_from(r.num()?).ok()?;
    let float = |r: &mut Reader| Some(f32::from_bits(u32::try_from(r.num()?).ok()?));
    let bias = float(&mut r)?;
    let weights = (0..weights.min(64))
        .map(|_| float(&mut r))
        .collect::<Option<Vec<f32>>>()?;
    let model = ScoreModel {
        bias,
        weights,
        threshold: float(&mut r)?,
        companion: float(&mut r)?,
    };
    let claims = r.list(|r| {
        Some(Claim {
            id: r.str()?,
            claim_reviewed: r.str()?,
            rating: r.rating()?,
            rating_label: r.opt_str()?,
            summary: r.str()?,
            context: r.str()?,
            as_of: r.date()?,
            reviewed: r.date()?,
            modified: r.date()?,
            language: r.str()?,
            appearances: r.list(|r| {
                Some(Appearance {
                    url: r.str()?,
                    title: r.str()?,
                    date: r.opt_date()?,
                })
            })?,
            sources: r.list(Reader::source)?,
            timeline: r.list(Reader::period)?,
            #[cfg(any(
                not(target_arch = "wasm32"),
                feature = "rust-unicode",
                feature = "test-hooks"
            ))]
            pattern: if matching {
                r.pattern()?
            } else {
                MatchPattern::default()
            },
            examples: r.list(Reader::str)?,
            counterexamples: r.list(Reader::str)?,
        })
    })?;
    r.0.is_empty().then_some(Dataset {
        info,
        claims,
        lexicon,
        model,
    })
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) struct Writer(pub(super) String);

#[cfg(not(target_arch = "wasm32"))]
impl Writer {
    pub(super) fn num(&mut self, n: u64) {
        self.0.push_str(&n.to_string());
        self.0.push(';');
    }
    pub(super) fn str(&mut self, s: &str) {
        self.0.push_str(&s.len().to_string());
        self.0.push(':');
        self.0.push_str(s);
    }
    pub(super) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.num(1);
                self.str(s);
            }
            None => self.num(0),
        }
    }
    pub(super) fn strs(&mut self, items: &[String]) {
        self.num(items.len() as u64);
        for s in items {
            self.str(s);
        }
    }
    pub(super) fn date(&mut self, d: Date) {
        self.opt_date(Some(d));
    }
    fn kind(&mut self, k: RoleKind) {
        self.num(RoleKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u64);
    }
    fn evidence(&mut self, e: &Evidence) {
        self.opt_str(e.concept.as_deref());
        self.kind(e.kind);
        self.str(&e.label);
        self.strs(&e.words);
    }
    /// `YYYYMMDD` as a number; 0 for none (no real date is 0).
    pub(super) fn opt_date(&mut self, d: Option<Date>) {
        self.num(d.map_or(0, |d| {
            u64::from(d.year()) * 10_000 + u64::from(d.month()) * 100 + u64::from(d.day())
        }));
    }
    pub(super) fn rating(&mut self, r: Rating) {
        self.num(Rating::ALL.iter().position(|x| *x == r).unwrap_or(0) as u64);
    }
    /// The writing half of [`Reader::source`] and [`Reader::period`], shared
    /// by the dataset and the card shards likewise.
    pub(super) fn sources_and_timeline(&mut self, sources: &[Source], timeline: &[Period]) {
        self.num(sources.len() as u64);
        for s in sources {
            self.str(&s.title);
            self.str(&s.publisher);
            self.opt_date(s.date);
            self.str(&s.url);
        }
        self.num(timeline.len() as u64);
        for p in timeline {
            self.date(p.from);
            self.opt_date(p.until);
            self.rating(p.rating);
            self.str(&p.note);
        }
    }
}

pub(super) struct Reader<'a>(pub(super) &'a str);

impl Reader<'_> {
    pub(super) fn until(&mut self, end: char) -> Option<&str> {
        let (head, tail) = self.0.split_once(end)?;
        self.0 = tail;
        Some(head)
    }
    pub(super) fn num(&mut self) -> Option<u64> {
        self.until(';')?.parse().ok()
    }
    pub(super) fn str(&mut self) -> Option<String> {
        let len: usize = self.until(':')?.parse().ok()?;
        let text = self.0.get(..len)?;
        self.0 = &self.0[len..];
        Some(text.to_string())
    }
    pub(super) fn opt_str(&mut self) -> Option<Option<String>> {
        match self.num()? {
            0 => Some(None),
            _ => self.str().map(Some),
        }
    }
    pub(super) fn date(&mut self) -> Option<Date> {
        self.opt_date()?
    }
    /// The lexicon and patterns: only builds that compile patterns (the CLI,
    /// `build.rs`, the browser parity test) carry the code to read them.
    #[cfg(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    ))]
    fn lexicon(&mut self) -> Option<Vec<Concept>> {
        self.list(|r| {
            Some(Concept {
                id: r.str()?,
                kind: r.kind()?,
                label: r.str()?,
                words: r.list(|r| Some((r.str()?, r.list(Reader::str)?)))?,
                include: r.list(Reader::str)?,
            })
        })
    }
    #[cfg(not(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    )))]
    fn lexicon(&mut self) -> Option<Vec<Concept>> {
        None
    }
    #[cfg(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    ))]
    fn pattern(&mut self) -> Option<MatchPattern> {
        Some(MatchPattern {
            core: self.list(Reader::evidence)?,
            support: self.list(Reader::evidence)?,
            against: self.list(Reader::evidence)?,
            none_of: self.list(Reader::str)?,
            numbers: self.list(Reader::num)?,
            counts: self.list(|r| {
                Some(Count {
                    number: r.num()?,
                    of: r.evidence()?,
                })
            })?,
        })
    }
    #[cfg(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    ))]
    fn kind(&mut self) -> Option<RoleKind> {
        RoleKind::ALL
            .get(usize::try_from(self.num()?).ok()?)
            .copied()
    }
    #[cfg(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    ))]
    fn evidence(&mut self) -> Option<Evidence> {
        Some(Evidence {
            concept: self.opt_str()?,
            kind: self.kind()?,
            label: self.str()?,
            words: self.list(Reader::str)?,
        })
    }
    /// Shared by the dataset and the card shards, so the code is there once.
    pub(super) fn source(&mut self) -> Option<Source> {
        Some(Source {
            title: self.str()?,
            publisher: self.str()?,
            date: self.opt_date()?,
            url: self.str()?,
        })
    }
    pub(super) fn period(&mut self) -> Option<Period> {
        Some(Period {
            from: self.date()?,
            until: self.opt_date()?,
            rating: self.rating()?,
            note: self.str()?,
        })
    }
    pub(super) fn opt_date(&mut self) -> Option<Option<Date>> {
        match self.num()? {
            0 => Some(None),
            n => Date::new((n / 10_000) as u16, (n / 100 % 100) as u8, (n % 100) as u8).map(Some),
        }
    }
    pub(super) fn rating(&mut self) -> Option<Rating> {
        Rating::ALL.get(usize::try_from(self.num()?).ok()?).copied()
    }
    pub(super) fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let count = self.num()?;
        // A count can't exceed the bytes left; this bounds the allocation.
        let mut items = Vec::with_capacity(usize::try_from(count).ok()?.min(self.0.len()));
        for _ in 0..count {
            items.push(item(self)?);
        }
        Some(items)
    }
}
