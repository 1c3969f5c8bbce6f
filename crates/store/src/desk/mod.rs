//! The desk's reads: the record as it stands now, at mission level (ids, times, statuses and
//! contributors, never a restricted field, so reading a desk records no view), turned into the
//! items of [`konbit_domain::desk`]. Which items a user sees is the domain's
//! [`konbit_domain::desk::for_user`].

use crate::registers::{Reading, Register, Select};
use crate::situation::IncidentFilter;
use crate::{Result, Store, Visibility};
use konbit_domain::desk::{self, DeskItem, DeskRules, IncidentState};
use konbit_domain::registers as registers_views;
use konbit_domain::registers::Rules;
use konbit_domain::situation::Verification;
use time::OffsetDateTime;

/// The most incidents still `reported` that one desk lists (the oldest first would need them
/// all; a desk with more has a backlog to clear by import rules, not by hand).
const INCIDENTS: i64 = 500;

impl Store {
    /// Everything due now that `vis` may see, whoever may resolve it.
    pub async fn desk(&self, vis: Visibility, rules: Rules, d: DeskRules) -> Result<Vec<DeskItem>> {
        let now = OffsetDateTime::now_utc();
        let r = Reading::public(i64::MAX);
        let (reports, detentions) = self.force_records(&r, Select::All, rules).await?;
        // Complaints and cases are one register: read once, both views made from it.
        let events = self
            .read_register(&r, Register::Complaints, Select::All)
            .await?;
        let cases = registers_views::cases(&events);
        let complaints = registers_views::complaints(&events, &cases);
        let (people, documents) = self.people(&r, Select::All).await?;
        let mut items = desk::registers(
            &detentions,
            &reports,
            &complaints,
            &cases,
            &people,
            &documents,
            d,
            now,
        );
        let mut reader = self.reader(vis).await?;
        let mut missions = Vec::new();
        for m in reader.missions().await? {
            if let Some(snap) = reader.snapshot(&m.slug).await? {
                missions.push(snap.mission_view(now.date())?);
            }
        }
        items.extend(desk::mandates(&missions, d, now));
        let in_office = reader
            .mission_in_office(now.date())
            .await?
            .map(|m| m.slug)
            .unwrap_or_default();
        let filter = IncidentFilter {
            status: Some(Verification::Reported),
            ..IncidentFilter::default()
        };
        let (rows, _) = reader.incidents(&filter, INCIDENTS).await?;
        let states: Vec<IncidentState> = rows
            .into_iter()
            .map(|i| IncidentState {
                event_id: i.event_id,
                status: Verification::Reported,
                recorded_at: OffsetDateTime::from_unix_timestamp_nanos(
                    i128::from(i.recorded_us) * 1000,
                )
                .unwrap_or(now),
            })
            .collect();
        items.extend(desk::incidents(&states, &in_office, d, now));
        Ok(items)
    }
}
