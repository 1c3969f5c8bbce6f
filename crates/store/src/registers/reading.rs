//! Reading the accountability registers with the need to know: restricted fields only within
//! the reader's scope, and — when any is shown — the read appended to the log first
//! (`record.viewed`, naming the records shown: a page of them, never a copy); if that append
//! fails, nothing is shown. The API and the pages both read the registers through here, so the
//! audit of restricted reads cannot be skipped by a new page.

use super::query::Select;
use crate::{Actor, Envelope, Result, Store, User, Visibility};
use konbit_domain::{
    Classification, Command,
    access::Scope,
    registers::{self as acc, Area, Event, RecordViewed, RegisterCommand, Rules},
};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The registers of the store (the `area` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    /// People, vetting, acknowledgements, assignments.
    Personnel,
    /// Mission documents.
    Documents,
    /// Use-of-force reports and detentions.
    Force,
    /// Complaints and cases.
    Complaints,
}

impl Register {
    pub fn area(self) -> Option<Area> {
        match self {
            Register::Personnel => Some(Area::Personnel),
            Register::Documents => None,
            Register::Force => Some(Area::Force),
            Register::Complaints => Some(Area::Complaints),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Register::Personnel => "personnel",
            Register::Documents => "documents",
            Register::Force => "force",
            Register::Complaints => "complaints",
        }
    }
}

/// Who reads a register.
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    /// Nobody in particular: mission-level fields only.
    Public,
    /// A logged-in user, within their need to know; what they are shown is recorded.
    User(&'a User),
    /// The server itself, for an answer that shows no restricted field (public statistics with
    /// small cells suppressed, a complaint's status for the holder of its secret): reads them
    /// all, and records nothing, since nothing restricted leaves it.
    Server,
}

/// What a reader sees of the record: who, at a record time.
#[derive(Debug, Clone)]
pub struct Reading<'a> {
    /// Who reads.
    pub who: Who<'a>,
    /// Record-time cut-off (µs; `i64::MAX` for now).
    pub as_of_us: i64,
    /// The request that reads (`GET /api/v1/detentions`), for the audit entry.
    pub via: String,
}

impl<'a> Reading<'a> {
    /// `user` reads, through the request `via`, at the record time `as_of_us`.
    pub fn user(user: &'a User, as_of_us: i64, via: String) -> Self {
        Reading {
            who: Who::User(user),
            as_of_us,
            via,
        }
    }

    /// Mission-level fields only, at the record time `as_of_us`.
    pub fn public(as_of_us: i64) -> Self {
        Reading {
            who: Who::Public,
            as_of_us,
            via: String::new(),
        }
    }

    /// The server's own read of the record as it is now (see [`Who::Server`]).
    pub fn server() -> Self {
        Reading {
            who: Who::Server,
            as_of_us: i64::MAX,
            via: String::new(),
        }
    }

    /// "Now" for the clocks: the `as_of` instant when reading the past, else the present.
    pub fn now(&self) -> OffsetDateTime {
        if self.as_of_us == i64::MAX {
            OffsetDateTime::now_utc()
        } else {
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.as_of_us) * 1000)
                .unwrap_or_else(|_| OffsetDateTime::now_utc())
        }
    }
}

/// One slice of a filtered list: the records to show of those that match, counted from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    /// How many matching records come before the slice.
    pub offset: usize,
    /// At most this many records.
    pub limit: usize,
}

/// The records of a list that match a filter: one slice of them, and how many match in all.
#[derive(Debug, Clone)]
pub struct Listed<T> {
    /// The slice asked for, in the order asked for.
    pub items: Vec<T>,
    /// How many records match, on every page.
    pub total: usize,
}

impl Store {
    /// The events of one register as `r` may see them, of the records `select` names; nothing
    /// recorded: callers record what they show ([`Store::record_shown`]).
    async fn scoped_events(
        &self,
        r: &Reading<'_>,
        register: Register,
        select: Select<'_>,
    ) -> Result<Vec<Event>> {
        let scope = match (r.who, register.area()) {
            (Who::User(u), Some(area)) => u.access().scope(area),
            (Who::Server, Some(_)) => Scope::All,
            _ => Scope::Nothing,
        };
        // Register rows are mission-level: the restricted fields are apart and scoped above.
        let vis = Visibility {
            as_of_us: r.as_of_us,
            clearance: Classification::Mission,
        };
        self.reader(vis)
            .await?
            .register_events(register.name(), select, &scope)
            .await
    }

    /// Appends the read to the log when any of `events` whose record `shown` keeps carries a
    /// restricted field (`record.viewed`, naming those records); a failure fails the read.
    async fn record_shown(
        &self,
        r: &Reading<'_>,
        register: Register,
        events: &[Event],
        shown: impl Fn(Uuid) -> bool,
    ) -> Result<()> {
        let mut ids: Vec<Uuid> = Vec::new();
        for e in events.iter().filter(|e| e.restricted_shown && shown(e.id)) {
            if !ids.contains(&e.id) {
                ids.push(e.id);
            }
        }
        if let (Who::User(u), false) = (r.who, ids.is_empty()) {
            self.submit(
                Actor::server_about(u),
                Envelope::new(
                    Command::Register(RegisterCommand::RecordView(RecordViewed {
                        register: register.name().into(),
                        records: ids,
                        via: r.via.clone(),
                    })),
                    Vec::new(),
                    Classification::Restricted,
                ),
            )
            .await?;
        }
        Ok(())
    }

    /// The events of one register as `r` may see them, of the records `select` names. If any
    /// restricted field is shown, the read is appended to the log first (`record.viewed`, naming
    /// the records shown — a page of them, never a copy), and a failure to record it fails the
    /// read.
    pub async fn read_register(
        &self,
        r: &Reading<'_>,
        register: Register,
        select: Select<'_>,
    ) -> Result<Vec<Event>> {
        let events = self.scoped_events(r, register, select).await?;
        self.record_shown(r, register, &events, |_| true).await?;
        Ok(events)
    }

    /// A filtered list of one register: the records `project` makes of the register as `r` may
    /// see it, filtered and ordered by `arrange`, one `slice` of them, and how many matched.
    ///
    /// The filter runs on the whole register before the slice is cut, so every page is right
    /// whatever the filter, on either database; it sees only what `r` may see, so a search can
    /// match an identity or a narrative only where the reader is shown it. Only the slice's
    /// restricted fields are recorded as read: they are what the page shows.
    pub async fn register_list<T>(
        &self,
        r: &Reading<'_>,
        register: Register,
        project: impl FnOnce(&[Event]) -> Vec<T>,
        arrange: impl FnOnce(&mut Vec<T>),
        id: impl Fn(&T) -> Uuid,
        slice: Slice,
    ) -> Result<Listed<T>> {
        let events = self.scoped_events(r, register, Select::All).await?;
        let mut all = project(&events);
        arrange(&mut all);
        let total = all.len();
        let items: Vec<T> = all
            .into_iter()
            .skip(slice.offset)
            .take(slice.limit)
            .collect();
        let ids: Vec<Uuid> = items.iter().map(&id).collect();
        self.record_shown(r, register, &events, |x| ids.contains(&x))
            .await?;
        Ok(Listed { items, total })
    }

    /// People (the page or person `select` names) and the document versions they are held to.
    pub async fn people(
        &self,
        r: &Reading<'_>,
        select: Select<'_>,
    ) -> Result<(Vec<acc::PersonView>, Vec<acc::DocumentView>)> {
        let people = acc::people(&self.read_register(r, Register::Personnel, select).await?);
        let docs = acc::documents(
            &self
                .read_register(r, Register::Documents, Select::All)
                .await?,
        );
        Ok((people, docs))
    }

    /// Use-of-force reports and detentions (the page of either, or the record, `select`
    /// names), with their clocks run by `rules`.
    pub async fn force_records(
        &self,
        r: &Reading<'_>,
        select: Select<'_>,
        rules: Rules,
    ) -> Result<(Vec<acc::UseOfForceView>, Vec<acc::DetentionView>)> {
        let events = self.read_register(r, Register::Force, select).await?;
        let now = r.now();
        Ok((
            acc::use_of_force(&events, rules, now),
            acc::detentions(&events, rules, now),
        ))
    }

    /// Complaints (those `select` names), each with the status of its case. The cases are read
    /// at mission level for that: a complaint's status shows nothing restricted.
    pub async fn complaints(
        &self,
        r: &Reading<'_>,
        select: Select<'_>,
    ) -> Result<Vec<acc::ComplaintView>> {
        let events = self.read_register(r, Register::Complaints, select).await?;
        let all = self
            .read_register(
                &Reading::public(r.as_of_us),
                Register::Complaints,
                Select::All,
            )
            .await?;
        Ok(acc::complaints(&events, &acc::cases(&all)))
    }

    /// Misconduct cases (those `select` names).
    pub async fn cases(&self, r: &Reading<'_>, select: Select<'_>) -> Result<Vec<acc::CaseView>> {
        Ok(acc::cases(
            &self.read_register(r, Register::Complaints, select).await?,
        ))
    }

    /// The public statistics of `mission`: counts only.
    pub async fn statistics(&self, mission: &str, rules: Rules) -> Result<Vec<acc::StatTable>> {
        // The counts need every allegation's type and person (the UN counting rule); only
        // counts leave, small ones suppressed.
        let r = Reading::server();
        let (mut reports, mut detentions) = self.force_records(&r, Select::All, rules).await?;
        let events = self
            .read_register(&r, Register::Complaints, Select::All)
            .await?;
        let mut cases = acc::cases(&events);
        let mut complaints = acc::complaints(&events, &cases);
        reports.retain(|x| x.mission == mission);
        detentions.retain(|x| x.mission == mission);
        cases.retain(|x| x.mission == mission);
        complaints.retain(|x| x.mission == mission);
        Ok(acc::statistics(&reports, &detentions, &complaints, &cases))
    }

    /// Compliance by contributor: counts only, so read as the server (early departures count,
    /// though who left and why is restricted) and shown to every logged-in role.
    pub async fn compliance(
        &self,
        mission: &str,
        on: Date,
        as_of_us: i64,
    ) -> Result<Vec<acc::Compliance>> {
        let r = Reading {
            as_of_us,
            ..Reading::server()
        };
        let (people, docs) = self.people(&r, Select::All).await?;
        Ok(acc::compliance(&people, &docs, mission, on))
    }
}
