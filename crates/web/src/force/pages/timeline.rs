//! The mission timeline: every record in valid-time order, each line written in the page's
//! language.

use crate::shared::page::{Ctx, empty_page, finish, iso, load, mission_names, respond};
use crate::shared::pieces::{Link, SourceBook, SourceRef, badges, describe};
use crate::{shared::error::ApiError, shared::state::AppState};
use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use konbit_domain::Named;
use konbit_domain::{
    force::FundingKind,
    force::Personnel,
    force::{TimelineEvent, TimelineItem},
};
use konbit_present::Tr;
use std::collections::HashMap;

struct TimelineLine {
    on: String,
    kind: String,
    kind_class: String,
    country: Option<Link>,
    /// What happened, in the page's language.
    text: String,
    sources: Vec<SourceRef>,
    badges: Vec<String>,
}

/// A timeline line in the page's language, from what the item says it reports. Mission slugs
/// (successions) are shown by the names in `missions`. Falls back to the store's English
/// summary for an item that does not say, or lacks a field its event needs, so a line is never
/// blank.
fn timeline_text(tr: &Tr, i: &TimelineItem, missions: &HashMap<String, String>) -> String {
    timeline_words(tr, i, missions).unwrap_or_else(|| i.summary.clone())
}

fn timeline_words(tr: &Tr, i: &TimelineItem, missions: &HashMap<String, String>) -> Option<String> {
    // `describe` writes a dash for nobody, which reads badly inside a sentence.
    let people = |p: &Personnel| {
        if p.is_zero() {
            tr.t("timeline-no_personnel")
        } else {
            describe(tr, p)
        }
    };
    let mission = |slug: &str| missions.get(slug).cloned().unwrap_or_else(|| slug.into());
    Some(match i.what? {
        TimelineEvent::MandateAdopted => {
            let [yes, no, abstain] = i.votes?;
            let votes = format!("{}–{}–{}", tr.num(yes), tr.num(no), tr.num(abstain));
            tr.fmt(
                "timeline-line-mandate_adopted",
                &[
                    // A resolution number is a name, not a quantity: no thousands separator.
                    ("resolution", &i.resolution?.to_string()),
                    ("votes", &votes),
                    ("date", &tr.date_long(i.until?)),
                ],
            )
        }
        TimelineEvent::Succession => {
            let from = mission(i.predecessor.as_deref()?);
            let to = mission(i.successor.as_deref()?);
            match i.resolution {
                Some(r) => tr.fmt(
                    "timeline-line-succession_by",
                    &[
                        ("mission", &from),
                        ("successor", &to),
                        ("resolution", &r.to_string()),
                    ],
                ),
                None => tr.fmt(
                    "timeline-line-succession",
                    &[("mission", &from), ("successor", &to)],
                ),
            }
        }
        TimelineEvent::PledgeRecorded => tr.fmt(
            "timeline-line-pledge_recorded",
            &[("personnel", &people(&i.personnel?))],
        ),
        TimelineEvent::PledgeRevised => tr.fmt(
            "timeline-line-pledge_revised",
            &[("personnel", &people(&i.personnel?))],
        ),
        TimelineEvent::PledgeWithdrawn => tr.t("timeline-line-pledge_withdrawn"),
        TimelineEvent::Authorization => tr.fmt(
            "timeline-line-authorization",
            &[
                ("title", &i.title.as_deref()?),
                ("kind", &tr.label("instrument", i.instrument_kind?.as_str())),
                ("status", &tr.label("status", i.instrument_status?.as_str())),
            ],
        ),
        TimelineEvent::Arrival => tr.fmt(
            "timeline-line-arrival",
            &[("personnel", &people(&i.personnel?))],
        ),
        TimelineEvent::Departure => tr.fmt(
            "timeline-line-departure",
            &[("personnel", &people(&i.leaving?))],
        ),
        TimelineEvent::Rotation => tr.fmt(
            "timeline-line-rotation",
            &[
                ("arriving", &people(&i.personnel?)),
                ("leaving", &people(&i.leaving?)),
            ],
        ),
        TimelineEvent::Funding => {
            let key = match i.funding_kind? {
                FundingKind::Pledge => "timeline-line-funding_pledge",
                FundingKind::Receipt => "timeline-line-funding_receipt",
                FundingKind::Freeze => "timeline-line-funding_freeze",
            };
            tr.fmt(
                key,
                &[
                    ("amount", &i.amount?),
                    ("currency", &i.currency.as_deref()?),
                    ("channel", &tr.label("channel", i.channel?.as_str())),
                ],
            )
        }
    })
}

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelinePage {
    ctx: Ctx,
    mission_name: String,
    on: String,
    as_of: String,
    action: String,
    items: Vec<TimelineLine>,
}

pub(crate) async fn timeline_current(State(s): State<AppState>, ctx: Ctx) -> Response {
    let r = timeline(&s, ctx.clone(), None).await;
    finish(&ctx, r)
}

pub(crate) async fn timeline_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Response {
    let r = timeline(&s, ctx.clone(), Some(slug)).await;
    finish(&ctx, r)
}

async fn timeline(s: &AppState, mut ctx: Ctx, slug: Option<String>) -> Result<Response, ApiError> {
    let (on, vis) = ctx.clocks()?;
    let snap = match load(s, slug, on, vis).await? {
        Some(snap) => snap,
        None => return Ok(empty_page(&ctx)),
    };
    let slug = snap.mission.slug.clone();
    ctx.mission = Some(slug.clone());
    let tr = ctx.tr;
    let items = snap.timeline(on)?;
    let sources = {
        let mut c = s.store.reader(vis).await?;
        c.sources(None).await?
    };
    // Successions name missions by slug; the page shows their short names, as the dashboard does.
    let missions = mission_names(s, vis).await?;
    let book = SourceBook::new(&sources);
    let items = items
        .iter()
        .map(|i| {
            let linkable = matches!(i.kind.as_str(), "pledge" | "authorization" | "deployment");
            TimelineLine {
                on: iso(i.on),
                kind: tr.label("kind", &i.kind),
                kind_class: format!("kind kind-{}", i.kind),
                country: i.country.as_ref().map(|c| Link {
                    href: if linkable {
                        format!("/missions/{slug}/contributors/{c}{}", ctx.qs)
                    } else {
                        String::new()
                    },
                    text: ctx.country(c),
                }),
                text: timeline_text(&tr, i, &missions),
                sources: book.refs(&i.meta.sources),
                badges: badges(&tr, &i.meta),
            }
        })
        .collect();
    let page = TimelinePage {
        mission_name: snap.mission.name.clone(),
        on: iso(on),
        as_of: ctx.as_of.clone().unwrap_or_default(),
        action: ctx.bare_path.clone(),
        items,
        ctx: ctx.clone(),
    };
    Ok(respond(&ctx, StatusCode::OK, &page))
}

#[cfg(test)]
mod tests {
    use super::*;
    use konbit_domain::{
        Classification, RecordMeta, force::FundingChannel, force::InstrumentKind,
        force::InstrumentStatus,
    };
    use uuid::Uuid;

    /// A timeline item that says nothing but `what`; each case sets what its event uses.
    fn tl_item(what: Option<TimelineEvent>) -> TimelineItem {
        TimelineItem {
            what,
            ..TimelineItem::new(
                time::macros::date!(2024 - 06 - 25),
                "deployment",
                Some("KEN".into()),
                "the English summary",
                Uuid::nil(),
                RecordMeta {
                    entry_seq: 1,
                    origin_seq: 1,
                    corrected: false,
                    recorded_at: String::new(),
                    classification: Classification::Public,
                    sources: Vec::new(),
                },
            )
        }
    }

    #[test]
    fn timeline_lines_are_written_in_the_page_language() {
        use TimelineEvent as E;
        let police = |n| Personnel {
            police: n,
            ..Personnel::default()
        };
        let mixed = Personnel {
            police: 30,
            military: 1700,
            civilian: 0,
        };
        let mut items = Vec::new();
        items.push(TimelineItem {
            resolution: Some(2699),
            votes: Some([13, 0, 2]),
            until: Some(time::macros::date!(2024 - 10 - 02)),
            ..tl_item(Some(E::MandateAdopted))
        });
        items.push(TimelineItem {
            predecessor: Some("mss".into()),
            successor: Some("gsf".into()),
            ..tl_item(Some(E::Succession))
        });
        items.push(TimelineItem {
            predecessor: Some("mss".into()),
            successor: Some("gsf".into()),
            resolution: Some(2793),
            ..tl_item(Some(E::Succession))
        });
        items.push(TimelineItem {
            personnel: Some(police(1000)),
            ..tl_item(Some(E::PledgeRecorded))
        });
        items.push(TimelineItem {
            personnel: Some(Personnel::default()),
            ..tl_item(Some(E::PledgeRevised))
        });
        items.push(tl_item(Some(E::PledgeWithdrawn)));
        items.push(TimelineItem {
            title: Some("Cabinet approves {status}".into()),
            instrument_kind: Some(InstrumentKind::NationalApproval),
            instrument_status: Some(InstrumentStatus::InForce),
            ..tl_item(Some(E::Authorization))
        });
        items.push(TimelineItem {
            personnel: Some(police(1000)),
            ..tl_item(Some(E::Arrival))
        });
        items.push(TimelineItem {
            leaving: Some(mixed),
            ..tl_item(Some(E::Departure))
        });
        items.push(TimelineItem {
            personnel: Some(police(200)),
            leaving: Some(police(144)),
            ..tl_item(Some(E::Rotation))
        });
        for (kind, channel, amount) in [
            (FundingKind::Pledge, FundingChannel::Bilateral, 100_000_000),
            (FundingKind::Receipt, FundingChannel::TrustFund, 8_700_000),
            (FundingKind::Freeze, FundingChannel::InKind, 13_300_000),
        ] {
            items.push(TimelineItem {
                amount: Some(amount),
                currency: Some("USD".into()),
                funding_kind: Some(kind),
                channel: Some(channel),
                ..tl_item(Some(E::Funding))
            });
        }
        let missions: HashMap<String, String> = [("mss", "MSS"), ("gsf", "GSF")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let render = |tr: Tr| -> Vec<String> {
            items
                .iter()
                .map(|i| timeline_text(&tr, i, &missions))
                .collect()
        };
        assert_eq!(
            render(Tr::en()),
            vec![
                "Resolution 2699 adopted (13–0–2); authorization until 2 October 2024",
                "MSS succeeded by GSF",
                "MSS succeeded by GSF under resolution 2793",
                "pledge recorded: 1,000 police",
                "pledge revised: no personnel figure",
                "pledge withdrawn",
                "Cabinet approves {status} (national approval, in force)",
                "arrival: 1,000 police",
                "departure: 30 police, 1,700 military",
                "rotation: 200 police in, 144 police out",
                "pledge of 100,000,000 USD (bilateral)",
                "8,700,000 USD received (trust fund)",
                "13,300,000 USD frozen (in kind)",
            ]
        );
        // French writes thousands with a narrow no-break space.
        let fr: Vec<String> = render(Tr::fr())
            .into_iter()
            .map(|l| l.replace('\u{202f}', " "))
            .collect();
        assert_eq!(
            fr,
            vec![
                "Résolution 2699 adoptée (13–0–2) ; autorisation jusqu’au 2 octobre 2024",
                "GSF succède à MSS",
                "GSF succède à MSS en vertu de la résolution 2793",
                "engagement enregistré : 1 000 police",
                "engagement révisé : aucun effectif chiffré",
                "engagement retiré",
                "Cabinet approves {status} (approbation nationale, en vigueur)",
                "arrivée : 1 000 police",
                "départ : 30 police, 1 700 militaires",
                "relève : 200 police à l’arrivée, 144 police au départ",
                "promesse de 100 000 000 USD (bilatéral)",
                "8 700 000 USD reçus (fonds d’affectation spéciale)",
                "13 300 000 USD gelés (en nature)",
            ]
        );
    }

    #[test]
    fn timeline_lines_fall_back_to_the_summary() {
        let none = HashMap::new();
        // Nothing said about the event: the store's English line.
        assert_eq!(
            timeline_text(&Tr::fr(), &tl_item(None), &none),
            "the English summary"
        );
        // An arrival without its figures cannot be written either.
        assert_eq!(
            timeline_text(&Tr::fr(), &tl_item(Some(TimelineEvent::Arrival)), &none),
            "the English summary"
        );
        // A mission not in the list is shown by its slug.
        let i = TimelineItem {
            predecessor: Some("old".into()),
            successor: Some("new".into()),
            ..tl_item(Some(TimelineEvent::Succession))
        };
        assert_eq!(timeline_text(&Tr::en(), &i, &none), "old succeeded by new");
    }
}
