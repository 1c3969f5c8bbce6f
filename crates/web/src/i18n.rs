//! The pages' words in English, French and Haitian Creole: two parallel tables of `(key, text)`
//! (English and French, complete), a Creole table that covers the public pages (the complaint
//! form, the status of a complaint, the statistics) and the layout, and [`Tr`], which looks a key
//! up in the reader's language — in Creole, falling back to French, Haiti's other official
//! language — and formats numbers and dates the way each language writes them. Country names come
//! from `konbit_domain::country`, not from here.
//!
//! The tables are plain constants rather than files so a missing translation is a failing unit
//! test, not a blank on a page.

use time::Date;

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
    Ht,
}

/// A translator for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    lang: Lang,
}

impl Tr {
    /// English.
    pub fn en() -> Tr {
        Tr { lang: Lang::En }
    }

    /// French.
    pub fn fr() -> Tr {
        Tr { lang: Lang::Fr }
    }

    /// Haitian Creole (Kreyòl ayisyen).
    pub fn ht() -> Tr {
        Tr { lang: Lang::Ht }
    }

    /// The translator for a language code (`en`, `fr`, `ht`), if we have that language.
    pub fn from_code(code: &str) -> Option<Tr> {
        match code {
            "en" => Some(Tr::en()),
            "fr" => Some(Tr::fr()),
            "ht" => Some(Tr::ht()),
            _ => None,
        }
    }

    /// The language code, as used in `<html lang>` and the language cookie.
    pub fn code(&self) -> &'static str {
        match self.lang {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ht => "ht",
        }
    }

    /// The tables to look in, in order: Creole falls back to French.
    fn tables(&self) -> &'static [&'static [(&'static str, &'static str)]] {
        match self.lang {
            Lang::En => &[EN],
            Lang::Fr => &[FR],
            Lang::Ht => &[HT, FR],
        }
    }

    /// The text for `key`, if the language has it (for Creole: the Creole text, else the French).
    pub fn lookup(&self, key: &str) -> Option<&'static str> {
        self.tables()
            .iter()
            .find_map(|t| t.iter().find(|(k, _)| *k == key).map(|(_, v)| *v))
    }

    /// The text for `key`, falling back to the key itself (so a missing string shows up as its
    /// key on the page instead of vanishing). With a literal key the result is `&'static str`.
    pub fn t<'k>(&self, key: &'k str) -> &'k str {
        self.lookup(key).unwrap_or(key)
    }

    /// The label of an enumerated value, e.g. `label("movement", "arrival")`; falls back to the
    /// value itself.
    pub fn label(&self, prefix: &str, value: &str) -> String {
        self.lookup(&format!("{prefix}.{value}"))
            .unwrap_or(value)
            .to_string()
    }

    /// A whole number with thousands separators: `12,345` in English, `12 345` (narrow
    /// no-break space) in French and Creole.
    pub fn num(&self, n: i64) -> String {
        let sep = match self.lang {
            Lang::En => ",",
            Lang::Fr | Lang::Ht => "\u{202f}",
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(ch);
        }
        out
    }

    /// A date written out: `2 October 2024`, `2 octobre 2024`, `2 oktòb 2024`.
    pub fn date_long(&self, d: Date) -> String {
        let month = self.t(MONTH_KEYS[usize::from(u8::from(d.month())) - 1]);
        format!("{} {} {}", d.day(), month, d.year())
    }
}

/// Puts `args` into the `{name}` placeholders of `text` in one pass: a value is never searched
/// for placeholders itself, so free text (an instrument's title) that happens to hold `{kind}`
/// comes out as written. Unknown placeholders are left as they are.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let hit = tail.find('}').and_then(|close| {
            let name = &tail[1..close];
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        });
        match hit {
            Some((close, value)) => {
                out.push_str(value);
                rest = &tail[close + 1..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The label prefix of a public statistics table's columns (`level` for
/// `use_of_force_by_level`: its columns read `level.firearm`, …).
pub fn stat_column_prefix(table: &str) -> &'static str {
    match table {
        "use_of_force_by_level" => "level",
        "use_of_force_by_review" => "review",
        "detentions_by_handover" => "clock",
        "complaints_by_category" => "conduct",
        "complaints_by_status" => "case_status",
        "allegations_by_misconduct" => "misconduct",
        _ => "stats.column",
    }
}

const MONTH_KEYS: [&str; 12] = [
    "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
    "month.9", "month.10", "month.11", "month.12",
];

/// English.
const EN: &[(&str, &str)] = &[
    // Navigation and layout
    ("nav.skip", "Skip to content"),
    ("nav.label", "Main"),
    ("nav.dashboard", "Dashboard"),
    ("nav.timeline", "Timeline"),
    ("nav.log", "Record log"),
    ("nav.sources", "Sources"),
    ("nav.users", "Users"),
    ("nav.login", "Log in"),
    ("nav.logout", "Log out"),
    ("nav.language", "Language"),
    (
        "footer.text",
        "Konbit — mission information system. Every figure rests on a log entry and its sources.",
    ),
    // Errors
    ("error.back", "Back to the dashboard"),
    ("error.bad_request", "Bad request"),
    ("error.not_found", "Not found"),
    ("error.forbidden", "Forbidden"),
    (
        "error.forbidden.text",
        "You do not have the role this page needs.",
    ),
    (
        "error.forbidden.editor",
        "Recording needs the editor role. Ask an administrator if you should have it.",
    ),
    (
        "error.forbidden.admin",
        "Managing users needs the admin role.",
    ),
    ("error.too_many", "Too many attempts"),
    ("error.refused", "Refused"),
    ("error.internal", "Internal error"),
    (
        "error.internal.text",
        "The server failed; the error is in its log.",
    ),
    ("error.expired", "Form expired"),
    (
        "error.expired.text",
        "This form has expired or was not sent from this site. Go back, reload the page and try again; nothing was recorded.",
    ),
    ("error.cross_site", "Refused"),
    (
        "error.cross_site.text",
        "Forms can only be sent from this site; nothing was recorded.",
    ),
    ("error.no_language", "That language is not available."),
    ("empty.title", "No mission recorded"),
    (
        "empty.text",
        "The record holds no mission yet. An administrator can create one through the API or load a scenario.",
    ),
    // Clocks
    ("clocks.on", "On"),
    ("clocks.as_of", "As recorded by"),
    (
        "clocks.as_of.hint",
        "Record time: a date or an RFC 3339 timestamp; empty for now",
    ),
    ("clocks.apply", "Show"),
    // Mission card
    ("mission.card", "Mission"),
    ("mission.host", "Host state"),
    ("mission.lead", "Lead nation"),
    ("mission.start", "Start"),
    ("mission.authorized_until", "Authorized until"),
    ("mission.ceiling", "Personnel ceiling"),
    ("mission.required", "Required instruments"),
    ("mission.required.none", "None"),
    ("mission.mandates", "Mandate"),
    ("mission.succeeded_by", "Succeeded by {mission} on {date} →"),
    (
        "mission.succeeds",
        "← Succeeds {mission} (handover on {date})",
    ),
    ("expiry.left.one", "1 day left"),
    ("expiry.left.other", "{n} days left"),
    ("expiry.ago.one", "expired 1 day ago"),
    ("expiry.ago.other", "expired {n} days ago"),
    ("expiry.none", "no mandate in force"),
    ("mandate.resolution", "Resolution"),
    ("mandate.res_prefix", "S/RES/"),
    ("mandate.adopted", "Adopted"),
    ("mandate.votes", "Votes"),
    ("mandate.votes.hint", "For – against – abstaining"),
    ("mandate.end", "Ends"),
    ("mandate.ceiling", "Ceiling"),
    ("mandate.summary", "What it does"),
    // Chart
    ("chart.heading", "Strength over time"),
    (
        "chart.title",
        "Authorized ceiling, pledged and deployed personnel over time",
    ),
    (
        "chart.desc",
        "On {date}: {deployed} deployed, {pledged} pledged, ceiling {ceiling}.",
    ),
    ("chart.empty", "No figures yet"),
    ("chart.ceiling", "Authorized ceiling"),
    ("chart.pledged", "Pledged"),
    ("chart.deployed", "Deployed"),
    // Contributors
    ("contrib.heading", "Contributors"),
    ("contrib.on", "on"),
    ("contrib.none", "No contributor recorded yet."),
    ("contrib.crumb", "Contributor"),
    ("contrib.summary", "Summary"),
    ("contrib.missing.none", "None missing"),
    ("contrib.pledges", "Pledges"),
    ("contrib.pledges.none", "No pledge recorded."),
    ("contrib.movements", "Arrivals, departures and rotations"),
    ("contrib.movements.none", "No movement recorded."),
    ("contrib.authorizations", "Authorization chain"),
    ("contrib.authorizations.none", "No instrument recorded."),
    ("contrib.money", "Money"),
    ("contrib.override", "Recorded despite a missing instrument"),
    ("action.new_pledge", "Record a pledge"),
    ("action.new_deployment", "Record a movement"),
    ("table.country", "Country"),
    ("table.pledged", "Pledged"),
    ("table.deployed", "Deployed"),
    ("table.total", "Total"),
    ("table.missing", "Missing instruments"),
    ("table.date", "Date"),
    ("table.change", "Change"),
    ("table.details", "Details and sources"),
    ("table.in", "In"),
    ("table.out", "Out"),
    ("table.kind", "Kind"),
    ("table.title", "Title"),
    ("table.status", "Status"),
    ("funding.heading", "Funding"),
    ("funding.none", "No funding recorded up to this date."),
    ("funding.donor", "Donor"),
    ("funding.channel", "Channel"),
    ("funding.currency", "Currency"),
    ("funding.pledged", "Pledged"),
    ("funding.received", "Received"),
    ("funding.frozen", "Frozen"),
    (
        "funding.note",
        "Whole currency units as recorded. Currencies are neither converted nor added together; frozen money is shown apart.",
    ),
    ("cat.police", "police"),
    ("cat.military", "military"),
    ("cat.civilian", "civilian"),
    ("badge.corrected", "corrected"),
    (
        "source.grade",
        "Admiralty grade: source reliability (A–F) and information credibility (1–6)",
    ),
    ("disc.title", "Sources disagree"),
    ("disc.field", "about"),
    ("disc.accepted", "accepted"),
    ("disc.reason", "Why:"),
    // Timeline
    ("timeline.title", "Timeline"),
    ("timeline.until", "Records up to"),
    ("timeline.none", "Nothing recorded up to this date."),
    (
        "timeline.line.mandate_adopted",
        "Resolution {resolution} adopted ({votes}); authorization until {date}",
    ),
    (
        "timeline.line.succession",
        "{mission} succeeded by {successor}",
    ),
    (
        "timeline.line.succession_by",
        "{mission} succeeded by {successor} under resolution {resolution}",
    ),
    (
        "timeline.line.pledge_recorded",
        "pledge recorded: {personnel}",
    ),
    (
        "timeline.line.pledge_revised",
        "pledge revised: {personnel}",
    ),
    ("timeline.line.pledge_withdrawn", "pledge withdrawn"),
    ("timeline.line.authorization", "{title} ({kind}, {status})"),
    ("timeline.line.arrival", "arrival: {personnel}"),
    ("timeline.line.departure", "departure: {personnel}"),
    (
        "timeline.line.rotation",
        "rotation: {arriving} in, {leaving} out",
    ),
    (
        "timeline.line.funding_pledge",
        "pledge of {amount} {currency} ({channel})",
    ),
    (
        "timeline.line.funding_receipt",
        "{amount} {currency} received ({channel})",
    ),
    (
        "timeline.line.funding_freeze",
        "{amount} {currency} frozen ({channel})",
    ),
    ("timeline.no_personnel", "no personnel figure"),
    ("sources.title", "Sources"),
    (
        "sources.intro",
        "Every registered source you may see. The Admiralty grade rates the source’s reliability (A–F) and the information’s credibility (1–6); point at a grade for its meaning.",
    ),
    ("sources.count.one", "1 source"),
    ("sources.count.other", "{n} sources"),
    ("sources.none", "No source registered."),
    ("sources.outlet", "Outlet"),
    ("sources.language", "Language"),
    ("sources.grade", "Grade"),
    ("sources.note", "Note"),
    (
        "source.grade.detail",
        "Source reliability {r}: {reliability}. Information credibility {c}: {credibility}.",
    ),
    // Log
    ("log.title", "Record log"),
    ("log.ok", "Chain intact."),
    ("log.bad", "Chain broken."),
    ("log.length", "Entries:"),
    ("log.head", "head"),
    ("log.first_bad", "first bad entry:"),
    (
        "log.explain",
        "Every record is an entry in a hash chain. Entries above your clearance keep their place and hash but not their content.",
    ),
    ("log.seq", "#"),
    ("log.recorded_at", "Recorded"),
    ("log.actor", "By"),
    ("log.valid_at", "Valid at"),
    ("log.classification", "Classification"),
    ("log.hash", "Hash"),
    ("log.redacted", "redacted"),
    ("log.pages", "Pages"),
    ("log.prev", "Earlier"),
    ("log.next", "Later"),
    // Login
    ("login.title", "Log in"),
    ("login.username", "User name"),
    ("login.password", "Password"),
    ("login.submit", "Log in"),
    ("login.failed", "Unknown user name or wrong password."),
    (
        "login.throttled",
        "Too many failed attempts. Wait a few minutes and try again.",
    ),
    ("users.title", "Users"),
    (
        "users.intro",
        "Who may log in, and with which role. Every change is recorded in the log (never the password).",
    ),
    ("users.role", "Role"),
    ("users.account", "Account"),
    ("users.active", "active"),
    ("users.disabled", "disabled"),
    ("users.you", "you"),
    ("users.change_role", "Change role"),
    ("users.role_of", "Role of {name}"),
    ("users.set", "Change"),
    ("users.disable", "Disable"),
    ("users.enable", "Enable"),
    ("users.revoke_all", "End sessions and tokens"),
    ("users.actions", "Access"),
    ("users.actions_of", "Access of {name}"),
    ("users.tokens", "Sessions and API tokens"),
    (
        "users.tokens.intro",
        "Every live browser session and API token. Changing a user's password or role, or disabling them, ends theirs; so does revoking one here. Each revocation is recorded in the log.",
    ),
    ("users.tokens.none", "No live sessions or tokens."),
    ("users.token.kind.session", "browser session"),
    ("users.token.kind.api", "API token"),
    ("users.token.issued", "Issued"),
    ("users.token.expires", "Expires"),
    ("users.token.revoke", "Revoke"),
    ("users.new", "New user"),
    ("users.create", "Create user"),
    (
        "users.username.hint",
        "Letters, digits, '.', '_' or '-' (up to 64)",
    ),
    ("users.password.hint", "At least 10 characters"),
    // Forms
    ("form.pledge.title", "Record a pledge"),
    (
        "form.pledge.intro",
        "A contributor's promise of personnel or equipment, as of the date it was made.",
    ),
    ("form.deployment.title", "Record a movement"),
    (
        "form.deployment.intro",
        "Personnel arriving in, leaving or rotating through the mission area.",
    ),
    ("form.errors", "The record was not saved:"),
    ("form.submit", "Record"),
    ("form.cancel", "Cancel"),
    ("field.country", "Country (ISO alpha-3)"),
    ("field.on", "Date"),
    ("field.movement", "Movement"),
    ("field.police", "Police"),
    ("field.military", "Military"),
    ("field.civilian", "Civilian"),
    ("field.equipment", "Equipment"),
    ("field.money_amount", "Money pledged"),
    ("field.money_currency", "Currency"),
    ("field.relieved_police", "Relieved police"),
    ("field.relieved_military", "Relieved military"),
    ("field.relieved_civilian", "Relieved civilian"),
    ("field.unit", "Unit"),
    ("field.note", "Note"),
    ("field.override_reason", "Override reason"),
    ("field.sources", "Sources"),
    ("field.classification", "Classification"),
    ("hint.country", "Three-letter code, e.g. KEN for Kenya"),
    (
        "hint.relieved",
        "Rotations only: who leaves as the others arrive",
    ),
    (
        "hint.override_reason",
        "Only when the contributor lacks an instrument the mission requires: why record it anyway",
    ),
    ("hint.sources", "Hold Ctrl (⌘ on a Mac) to choose several"),
    (
        "hint.money_amount",
        "Whole currency units; leave empty if no money",
    ),
    ("hint.money_currency", "ISO 4217 code, e.g. USD"),
    ("err.whole_number", "must be a whole number"),
    ("err.date", "must be a date (YYYY-MM-DD)"),
    ("err.country", "is not an ISO 3166-1 alpha-3 country code"),
    ("err.source", "is not a registered source"),
    (
        "err.classification",
        "must be public, mission or restricted",
    ),
    ("err.movement", "must be arrival, departure or rotation"),
    (
        "err.authorization_missing",
        "The contributor lacks required instruments ({missing}). Give a reason to record the movement anyway.",
    ),
    (
        "err.money_amount_missing",
        "is needed when a currency is given",
    ),
    (
        "err.money_currency_missing",
        "is needed when an amount is given",
    ),
    ("err.role", "must be one of the roles listed"),
    ("err.user_exists", "is already taken"),
    ("err.unknown", "The record was refused."),
    // Enumerations
    ("role.viewer", "viewer"),
    ("role.editor", "editor"),
    ("role.admin", "admin"),
    ("role.hr_officer", "HR officer"),
    ("role.conduct_officer", "conduct officer"),
    ("role.commander", "contingent commander"),
    ("users.country", "Contributor (commanders)"),
    (
        "users.country.hint",
        "A commander's country, ISO 3166-1 alpha-3 (KEN). Leave empty for other roles.",
    ),
    ("class.public", "public"),
    ("class.mission", "mission"),
    ("class.restricted", "restricted"),
    ("change.recorded", "recorded"),
    ("change.revised", "revised"),
    ("change.withdrawn", "withdrawn"),
    ("pledge_status.active", "active"),
    ("pledge_status.withdrawn", "withdrawn"),
    ("movement.arrival", "arrival"),
    ("movement.departure", "departure"),
    ("movement.rotation", "rotation"),
    ("instrument.national_approval", "national approval"),
    ("instrument.parliamentary_vote", "parliamentary vote"),
    ("instrument.court_ruling", "court ruling"),
    ("instrument.bilateral_agreement", "bilateral agreement"),
    ("instrument.status_agreement", "status agreement"),
    ("instrument.other", "other instrument"),
    ("status.pending", "pending"),
    ("status.granted", "granted"),
    ("status.in_force", "in force"),
    ("status.refused", "refused"),
    ("status.blocked", "blocked"),
    ("status.suspended", "suspended"),
    ("status.expired", "expired"),
    ("kind.mandate", "mandate"),
    ("kind.succession", "succession"),
    ("kind.pledge", "pledge"),
    ("kind.authorization", "authorization"),
    ("kind.deployment", "movement"),
    ("kind.funding", "funding"),
    ("channel.trust_fund", "trust fund"),
    ("channel.bilateral", "bilateral"),
    ("channel.in_kind", "in kind"),
    ("source_kind.resolution", "resolution"),
    ("source_kind.agreement", "agreement"),
    ("source_kind.press_release", "press release"),
    ("source_kind.news_article", "news article"),
    ("source_kind.internal_report", "internal report"),
    ("source_kind.other", "other"),
    ("reliability.A", "completely reliable"),
    ("reliability.B", "usually reliable"),
    ("reliability.C", "fairly reliable"),
    ("reliability.D", "not usually reliable"),
    ("reliability.E", "unreliable"),
    ("reliability.F", "reliability cannot be judged"),
    ("credibility.1", "confirmed by other sources"),
    ("credibility.2", "probably true"),
    ("credibility.3", "possibly true"),
    ("credibility.4", "doubtful"),
    ("credibility.5", "improbable"),
    ("credibility.6", "truth cannot be judged"),
    ("month.1", "January"),
    ("month.2", "February"),
    ("month.3", "March"),
    ("month.4", "April"),
    ("month.5", "May"),
    ("month.6", "June"),
    ("month.7", "July"),
    ("month.8", "August"),
    ("month.9", "September"),
    ("month.10", "October"),
    ("month.11", "November"),
    ("month.12", "December"),
    // Accountability registers
    ("nav.statistics", "Statistics"),
    ("nav.complaints", "Complaints"),
    ("nav.registers", "Registers"),
    ("nav.personnel", "Personnel"),
    ("nav.documents", "Documents"),
    ("nav.use_of_force", "Use of force"),
    ("nav.detentions", "Detentions"),
    ("nav.cases", "Cases"),
    ("nav.audit", "Audit"),
    ("complaint.title", "Make a complaint"),
    (
        "complaint.intro",
        "If someone working for the mission — police officer, soldier or civilian — has harmed you or someone else, or behaved badly, you can tell the mission here. Your complaint goes only to the mission’s conduct and discipline officers, never to the unit you complain about.",
    ),
    (
        "complaint.privacy",
        "What you write stays confidential: only the officers who handle complaints can read it, and every time they do, it is recorded.",
    ),
    ("complaint.account", "What happened?"),
    (
        "complaint.account.hint",
        "In your own words: who, what, when and where, as far as you know.",
    ),
    ("complaint.occurred_on", "When did it happen?"),
    ("complaint.occurred_on.hint", "The date, if you know it."),
    ("complaint.place", "Where did it happen?"),
    ("complaint.place.hint", "A neighbourhood, a street, a town…"),
    ("complaint.who", "About you (optional)"),
    (
        "complaint.anonymous",
        "Leave your name and contact empty to complain anonymously: nobody will know the complaint came from you. The mission will then have no way to reach you, but you can still follow your complaint with the reference and the secret code you will be given.",
    ),
    ("complaint.name", "Your name"),
    ("complaint.contact", "How to reach you"),
    (
        "complaint.contact.hint",
        "A phone number, an e-mail or an address.",
    ),
    ("complaint.required", "* required"),
    ("complaint.submit", "Send the complaint"),
    ("complaint.errors", "The complaint was not sent:"),
    (
        "complaint.status_link",
        "Already made a complaint? Check its status",
    ),
    ("err.account_required", "Tell us what happened."),
    ("err.too_long", "Too long: at most {max} characters."),
    ("err.date_range", "must be between 1945 and 2100"),
    ("receipt.title", "Your complaint was received"),
    (
        "receipt.thanks",
        "Thank you. Your complaint is recorded and will be assessed by the mission’s conduct and discipline officers.",
    ),
    ("receipt.reference", "Reference"),
    ("receipt.secret", "Secret code"),
    (
        "receipt.keep",
        "Keep both codes: write them down or take a photo of them. Together they let you check the status of your complaint.",
    ),
    (
        "receipt.once",
        "The secret code is shown only this once. The mission does not keep it and cannot give it to you again. Nobody from the mission will ever ask you for it.",
    ),
    ("receipt.check", "Check the status of your complaint"),
    ("cstatus.title", "Status of your complaint"),
    (
        "cstatus.intro",
        "Enter the reference and the secret code you were given when you made the complaint.",
    ),
    ("cstatus.submit", "Check the status"),
    ("cstatus.result", "Complaint {reference}"),
    ("cstatus.received_on", "Received on {date}"),
    ("cstatus.now", "Status:"),
    (
        "cstatus.not_found",
        "There is no complaint with that reference and secret code. Check both codes and try again.",
    ),
    (
        "cstatus.throttled",
        "Too many attempts from this connection. Wait a few minutes and try again.",
    ),
    (
        "complaint.limited",
        "Too many complaints have been sent from this connection. Wait a few minutes and send yours again: what you wrote is kept below.",
    ),
    ("cstatus.new", "Make a new complaint"),
    (
        "cstatus.help.received",
        "Your complaint has been received and is waiting to be assessed.",
    ),
    (
        "cstatus.help.assessed",
        "Your complaint has been assessed: it is credible and the mission is dealing with it.",
    ),
    (
        "cstatus.help.under_investigation",
        "An investigation is under way.",
    ),
    (
        "cstatus.help.substantiated",
        "The investigation established what you reported.",
    ),
    (
        "cstatus.help.unsubstantiated",
        "The investigation could not establish what you reported.",
    ),
    ("cstatus.help.closed", "The case is closed."),
    ("stats.title", "Public statistics"),
    (
        "stats.intro",
        "What the mission records about the use of force, detentions, complaints and allegations of misconduct, counted by quarter. Only counts are published: no names, no places, no stories.",
    ),
    (
        "stats.suppression",
        "Any count below 3 is shown as “<3” so that nobody can be recognised; when only one count of a row would be hidden, a second one is hidden too, so that it cannot be worked out from the total.",
    ),
    (
        "stats.un_rule",
        "Allegations are counted as the United Nations counts them: one per type of misconduct per person, however many times it is alleged.",
    ),
    ("stats.mission", "Mission"),
    ("stats.quarter", "Quarter"),
    ("stats.quarter_label", "{year} Q{q}"),
    ("stats.none", "Nothing recorded yet."),
    ("stats.json", "The same figures as JSON"),
    (
        "stats.table.use_of_force_by_level",
        "Use of force, by highest level of force",
    ),
    (
        "stats.table.use_of_force_by_review",
        "Use of force, by outcome of the review",
    ),
    (
        "stats.table.detentions_by_handover",
        "Detentions, by handover to the Haitian National Police within 48 hours",
    ),
    (
        "stats.table.complaints_by_category",
        "Complaints, by category",
    ),
    ("stats.table.complaints_by_status", "Complaints, by status"),
    (
        "stats.table.allegations_by_misconduct",
        "Allegations, by type of misconduct",
    ),
    ("case_status.received", "received"),
    ("case_status.assessed", "assessed"),
    ("case_status.under_investigation", "under investigation"),
    ("case_status.substantiated", "substantiated"),
    ("case_status.unsubstantiated", "unsubstantiated"),
    ("case_status.closed", "closed"),
    ("level.presence", "presence"),
    ("level.verbal", "verbal commands"),
    ("level.physical", "physical force"),
    ("level.less_lethal", "less-lethal weapons"),
    ("level.firearm", "firearms"),
    ("review.submitted", "submitted"),
    ("review.under_review", "under review"),
    ("review.cleared", "within the rules"),
    ("review.referred", "referred to discipline"),
    ("clock.met", "handed over or released in time"),
    ("clock.breached", "handed over or released late"),
    ("clock.due", "in custody, within the deadline"),
    ("clock.overdue", "in custody past the deadline"),
    ("conduct.category_1", "category 1 (most serious)"),
    ("conduct.category_2", "category 2"),
    ("conduct.not_assessed", "not yet categorised"),
    ("misconduct.sexual_exploitation", "sexual exploitation"),
    ("misconduct.sexual_abuse", "sexual abuse"),
    ("misconduct.unlawful_killing", "unlawful killing"),
    ("misconduct.ill_treatment", "torture or ill-treatment"),
    ("misconduct.excessive_force", "excessive use of force"),
    ("misconduct.arbitrary_detention", "arbitrary detention"),
    ("misconduct.serious_assault", "serious assault"),
    ("misconduct.fraud", "fraud or theft"),
    ("misconduct.abuse_of_authority", "abuse of authority"),
    ("misconduct.harassment", "harassment"),
    ("misconduct.other", "other misconduct"),
    ("vetting.pending", "pending"),
    ("vetting.cleared", "cleared"),
    ("vetting.not_cleared", "not cleared"),
    ("doc_kind.concept_of_operations", "concept of operations"),
    ("doc_kind.conduct_policy", "conduct and discipline policy"),
    ("doc_kind.status_agreement", "status agreement"),
    ("doc_kind.detention_directive", "detention directive"),
    ("doc_kind.search_directive", "search directive"),
    ("doc_kind.use_of_force_directive", "use-of-force directive"),
    ("sex.female", "female"),
    ("sex.male", "male"),
    ("sex.other", "other"),
    ("sex.unknown", "unknown"),
    ("harm.injury", "injury in custody"),
    ("harm.death", "death in custody"),
    ("investigator.mission", "mission investigators"),
    (
        "investigator.contributor",
        "contributor’s national investigators",
    ),
    ("investigator.un_oversight", "UN oversight (OIOS)"),
    ("investigator.host_state", "host-state authorities"),
    ("form_lang.en", "English"),
    ("form_lang.fr", "French"),
    ("form_lang.ht", "Haitian Creole"),
    ("casualty.civilian", "civilians"),
    ("casualty.suspected_gang_member", "suspected gang members"),
    ("casualty.mission", "mission personnel"),
    ("casualty.host_state_police", "Haitian National Police"),
    ("casualty.unknown", "unknown"),
    ("reg.id", "Id"),
    ("reg.mission", "Mission"),
    ("reg.contributor", "Contributor"),
    ("reg.unit", "Unit"),
    ("reg.category", "Category"),
    ("reg.place", "Place"),
    ("reg.yes", "yes"),
    ("reg.no", "no"),
    ("reg.none", "Nothing recorded."),
    ("reg.all_missions", "All missions"),
    ("reg.older", "Older records →"),
    (
        "cases.withheld",
        "Who is accused and of what is for the conduct officer only.",
    ),
    ("cases.withheld.title", "Withheld: for the conduct officer"),
    ("reg.latest", "← Latest records"),
    ("reg.recorded", "Recorded {at}"),
    (
        "reg.restricted_note",
        "Restricted fields (identities, narratives, what complainants wrote) appear only to the roles that need to know them; every page that shows them is recorded in the audit.",
    ),
    (
        "reg.restricted_shown",
        "This page shows restricted fields; your view has been recorded.",
    ),
    ("reg.back", "Back to the list"),
    ("reg.percent", "{p}%"),
    ("personnel.title", "Personnel and vetting"),
    (
        "personnel.intro",
        "Everyone deployed with the mission, under a pseudonymous id. Identities are shown to HR officers, and to commanders for their own contingent only.",
    ),
    ("personnel.compliance", "Vetting and acknowledgements"),
    (
        "personnel.compliance.intro",
        "Share of the personnel deployed on {date} who are vetted (cleared) and who have acknowledged every document binding them in its current version, by contributor.",
    ),
    ("personnel.compliance.none", "No one deployed on this date."),
    ("personnel.deployed_count", "Deployed"),
    ("personnel.vetted", "Vetted"),
    ("personnel.acknowledged", "Acknowledgements current"),
    ("personnel.compliant", "Both"),
    ("personnel.register", "Personnel register →"),
    ("personnel.people", "People"),
    ("personnel.none", "No one in the register."),
    ("personnel.vetting", "Vetting"),
    ("personnel.deployed", "Deployed"),
    ("personnel.from_until", "{from} to {until}"),
    ("personnel.from", "from {from}"),
    ("personnel.no_vetting", "no result"),
    ("personnel.service_number", "Service number"),
    ("personnel.rank", "Rank"),
    ("personnel.name", "Name"),
    ("personnel.person", "Person {id}"),
    ("personnel.vetting_history", "Vetting history"),
    ("personnel.by", "Screened by"),
    ("personnel.findings", "Findings"),
    ("personnel.acknowledgements", "Acknowledgements"),
    ("personnel.document", "Document"),
    ("personnel.signed", "Signed"),
    ("personnel.assignments", "Assignments"),
    ("personnel.operation", "Operation"),
    (
        "personnel.eligibility",
        "Eligibility for an assignment on {date}",
    ),
    (
        "personnel.eligible",
        "Eligible: deployed, vetted and bound by the use-of-force and detention directives in force.",
    ),
    ("personnel.not_eligible", "Not eligible:"),
    (
        "personnel.acks_current",
        "Every document binding this person is acknowledged in its current version.",
    ),
    (
        "personnel.acks_missing",
        "A document binding this person is not acknowledged in its current version.",
    ),
    ("documents.title", "Mission documents"),
    (
        "documents.intro",
        "Every version of the documents personnel must acknowledge. The version in force on a date is the latest effective by then.",
    ),
    ("documents.version", "Version"),
    ("documents.effective", "In force from"),
    ("documents.binds", "Binds"),
    ("documents.in_force", "in force"),
    ("documents.none", "No document issued."),
    ("uof.title", "Use of force"),
    (
        "uof.intro",
        "A report is due within 24 hours of the event, and its review within 7 days of the report. Late reports are recorded and flagged.",
    ),
    ("uof.overdue", "Reviews overdue"),
    ("uof.overdue.none", "No review is overdue."),
    ("uof.all", "All reports"),
    ("uof.none", "No report."),
    ("uof.report", "Use-of-force report"),
    ("uof.occurred", "When"),
    ("uof.level", "Level"),
    ("uof.rounds", "Rounds fired"),
    ("uof.injured", "Injured"),
    ("uof.killed", "Killed"),
    ("uof.submitted", "Reported"),
    ("uof.late", "late"),
    (
        "uof.late.title",
        "Reported more than 24 hours after the event",
    ),
    ("uof.review", "Review"),
    ("uof.review_due", "Review due"),
    ("uof.overdue_tag", "overdue"),
    ("uof.casualties", "Casualties"),
    ("uof.reviews", "Review steps"),
    ("uof.reviews.none", "Not yet taken up."),
    ("uof.by", "By"),
    ("uof.reason", "Reasons"),
    ("uof.persons", "Personnel involved"),
    ("uof.narrative", "Narrative"),
    ("uof.detention", "Detention"),
    ("uof.incident", "Incident"),
    ("detention.title", "Detentions"),
    (
        "detention.intro",
        "A detainee must be handed over to the Haitian National Police, or released, within 48 hours of arrest.",
    ),
    ("detention.none", "No detention."),
    ("detention.one", "Detention"),
    ("detention.arrested", "Arrested"),
    ("detention.clock", "Handover"),
    ("detention.deadline", "Deadline"),
    ("detention.ended", "Handed over or released"),
    ("detention.minor", "MINOR"),
    (
        "detention.minor.title",
        "The detainee is, or is thought to be, under 18",
    ),
    ("detention.medical", "Medical check"),
    ("detention.family", "Family notified"),
    ("detention.handover", "Handed over"),
    ("detention.station", "Station"),
    ("detention.officer", "Receiving officer"),
    ("detention.release", "Released"),
    ("detention.reason", "Reason"),
    ("detention.grounds", "Grounds for arrest"),
    ("detention.detainee", "Detainee"),
    ("detention.sex", "Sex"),
    ("detention.age", "Age"),
    ("detention.harm", "Harm in custody"),
    ("detention.not_yet", "not yet"),
    ("detention.use_of_force", "Use-of-force report"),
    ("cases.title", "Complaints and cases"),
    (
        "cases.intro",
        "Misconduct cases and the complaints received from the public. What complainants wrote is shown to conduct officers only, never to the chain of command.",
    ),
    ("cases.cases", "Cases"),
    ("cases.none", "No case."),
    ("cases.complaints", "Complaints received"),
    ("cases.complaints.none", "No complaint."),
    ("cases.case", "Case opened on {date}"),
    ("cases.opened", "Opened"),
    ("cases.category", "Category"),
    ("cases.allegations", "Allegations"),
    ("cases.counted", "UN count"),
    (
        "cases.counted.title",
        "One per type of misconduct per person",
    ),
    ("cases.misconduct", "Misconduct"),
    ("cases.investigator", "Investigated by"),
    ("cases.victim_assistance", "Victim referred for assistance"),
    ("cases.reference", "Reference"),
    ("cases.received", "Received"),
    ("cases.language", "Language"),
    ("cases.anonymous", "anonymous"),
    ("cases.case_link", "Case"),
    ("cases.account", "What the complainant wrote"),
    ("cases.occurred_on", "Occurred on"),
    ("cases.complainant", "Complainant"),
    ("cases.contact", "Contact"),
    ("cases.history", "History"),
    ("cases.history.none", "No step since opening."),
    ("cases.outcome", "Outcome"),
    ("cases.actions", "Actions taken"),
    ("cases.summary", "Summary"),
    ("cases.interim", "Interim measures"),
    ("cases.person", "Person"),
    ("cases.unidentified", "unidentified"),
    ("cases.complaint", "Complaint"),
    ("cases.by", "By"),
    ("cases.details", "Outcome and actions"),
    ("audit.title", "Audit of restricted reads"),
    (
        "audit.intro",
        "Every time a page or the API showed restricted fields (identities, narratives, what complainants wrote), the log recorded who, when, which records and through which request.",
    ),
    ("audit.none", "No restricted read recorded."),
    ("audit.register", "Register"),
    ("audit.records", "Records"),
    ("audit.via", "Request"),
    ("error.forbidden.audit", "The audit needs the admin role."),
    ("nav.situation", "Situation"),
    ("sit.title", "Situation"),
    ("sit.tab.map", "Map"),
    ("sit.tab.timeline", "Weekly timeline"),
    ("sit.tab.board", "Sites, roads and groups"),
    ("sit.tab.incidents", "Incidents"),
    ("sit.status.secured", "secured"),
    ("sit.status.contested", "contested"),
    ("sit.status.held_by_armed_groups", "held by armed groups"),
    ("sit.status.closed", "closed"),
    ("sit.status.open", "open"),
    ("sit.status.dangerous", "dangerous"),
    ("sit.status.blocked", "blocked"),
    ("sit.status.none", "no status recorded"),
    ("sit.since", "since"),
    ("sit.dead", "{n} dead"),
    ("sit.map.title", "Situation map"),
    ("sit.shown", "{n} incidents shown of {m} matching"),
    (
        "sit.capped",
        "The map draws the 5,000 deadliest; narrow the filters to see the rest.",
    ),
    ("sit.to_list", "list these incidents"),
    ("sit.tone.good", "secured / open"),
    ("sit.tone.warn", "contested / dangerous"),
    ("sit.tone.bad", "held by armed groups / blocked"),
    ("sit.tone.closed", "closed"),
    ("sit.tone.unknown", "no status recorded"),
    ("sit.legend.types", "Incidents by ACLED event type"),
    ("sit.legend.places", "Sites (squares) and roads"),
    (
        "sit.legend.size",
        "A circle’s area grows with the reported dead. Each circle links to its incident.",
    ),
    ("sit.filters", "Filters"),
    ("sit.f.q", "Search the notes"),
    ("sit.f.q.hint", "words in notes, places, actors"),
    ("sit.f.from", "From"),
    ("sit.f.to", "To"),
    ("sit.f.types", "Event types"),
    ("sit.f.actor", "Actor"),
    ("sit.f.department", "Department"),
    ("sit.f.all_departments", "All departments"),
    ("sit.f.on", "Situation on"),
    (
        "sit.f.on.hint",
        "Statuses of sites and roads on this date; incidents up to it.",
    ),
    ("sit.f.apply", "Apply"),
    ("sit.f.clear", "Clear"),
    ("sit.timeline.title", "Weekly timeline"),
    ("sit.timeline.weekly", "Incidents per week by event type"),
    ("sit.timeline.empty", "No incident matches these filters."),
    ("sit.timeline.total", "{n} incidents"),
    (
        "sit.week.title",
        "Week of {week} · {type}: {n} events, {dead} dead",
    ),
    ("sit.indicators", "Humanitarian indicators"),
    (
        "sit.indicators.intro",
        "Figures per period as published (IOM DTM, UN); hover a bar for its value and sources.",
    ),
    (
        "sit.indicators.none",
        "No indicator recorded for this area and period.",
    ),
    ("sit.indicator.idps", "Internally displaced people"),
    ("sit.indicator.killed", "People killed"),
    ("sit.indicator.injured", "People injured"),
    ("sit.indicator.kidnapped", "People kidnapped"),
    ("sit.qualifier.exact", "exact"),
    ("sit.qualifier.at_least", "at least"),
    ("sit.qualifier.about", "about"),
    (
        "sit.obs.title",
        "{period}: {value} ({q}, {area}) · {sources} sources",
    ),
    ("sit.obs.last", "latest {value} ({date})"),
    ("sit.site.airport", "airport"),
    ("sit.site.port", "port"),
    ("sit.site.fuel_terminal", "fuel terminal"),
    ("sit.site.hospital", "hospital"),
    ("sit.site.prison", "prison"),
    ("sit.site.government", "government"),
    ("sit.site.mission_base", "mission base"),
    ("sit.site.police", "police"),
    ("sit.designation.un_sanctions", "UN sanctions"),
    (
        "sit.designation.us_fto",
        "US Foreign Terrorist Organization",
    ),
    (
        "sit.designation.us_sdgt",
        "US Specially Designated Global Terrorist",
    ),
    ("sit.designation.national_sanctions", "national sanctions"),
    ("sit.board.title", "Sites, roads and armed groups"),
    ("sit.board.place", "Place"),
    ("sit.board.status", "Status"),
    ("sit.board.since", "Since"),
    ("sit.board.held_by", "Held by"),
    ("sit.board.note", "Note"),
    ("sit.board.sources", "Sources"),
    ("sit.board.history", "Earlier statuses"),
    ("sit.board.sites", "Key sites"),
    ("sit.board.segments", "Road segments"),
    ("sit.board.groups", "Armed groups and coalitions"),
    (
        "sit.board.groups.none",
        "No armed group profiled by this date.",
    ),
    ("sit.board.group", "Group"),
    ("sit.board.leaders", "Leaders"),
    ("sit.board.areas", "Areas"),
    ("sit.board.designations", "Designations"),
    ("sit.board.coalition", "coalition"),
    ("sit.board.member_of", "Member of"),
    ("sit.board.profile_of", "Profile of"),
    ("sit.verification", "Verification"),
    ("sit.verification.reported", "reported"),
    ("sit.verification.corroborated", "corroborated"),
    ("sit.verification.confirmed", "confirmed"),
    ("sit.verification.disputed", "disputed"),
    ("sit.verification.retracted", "retracted"),
    ("sit.list.title", "Incidents"),
    ("sit.list.summary", "Incidents {a}–{b} of {m}, newest first"),
    ("sit.list.none", "No incident matches."),
    ("sit.search.summary", "{n} incidents match “{q}”"),
    (
        "sit.search.note",
        "The search reads the notes, places and actors; dates and event types narrow it (at most 100 results).",
    ),
    ("sit.export", "Export:"),
    ("sit.export.acled", "ACLED CSV"),
    ("sit.export.hxl", "HXL CSV"),
    ("sit.export.geojson", "GeoJSON"),
    ("sit.pages", "Pages"),
    ("sit.prev", "Newer"),
    ("sit.next", "Older"),
    ("sit.coded", "As coded (ACLED)"),
    ("sit.f.event_id", "Event id"),
    ("sit.f.event_date", "Date"),
    ("sit.f.time_precision", "Time precision"),
    ("sit.f.disorder_type", "Disorder type"),
    ("sit.f.event_type", "Event type"),
    ("sit.f.sub_event_type", "Sub-event type"),
    ("sit.f.actor1", "Actor 1"),
    ("sit.f.assoc_actor_1", "With actor 1"),
    ("sit.f.inter1", "Actor 1 type"),
    ("sit.f.actor2", "Actor 2"),
    ("sit.f.assoc_actor_2", "With actor 2"),
    ("sit.f.inter2", "Actor 2 type"),
    ("sit.f.interaction", "Interaction"),
    ("sit.f.civilian_targeting", "Civilians targeted"),
    ("sit.f.admin", "Department › commune › section"),
    ("sit.f.location", "Location"),
    ("sit.f.coordinates", "Latitude, longitude"),
    ("sit.f.geo_precision", "Geo precision"),
    ("sit.f.source", "ACLED sources"),
    ("sit.f.source_scale", "Source scale"),
    ("sit.f.tags", "Tags"),
    ("sit.f.fatalities", "Dead"),
    ("sit.f.notes", "Notes"),
    ("sit.time_precision.1", "the day is known"),
    ("sit.time_precision.2", "the week is known"),
    ("sit.time_precision.3", "only the month is known"),
    ("sit.geo_precision.1", "the place itself"),
    ("sit.geo_precision.2", "near the place"),
    ("sit.geo_precision.3", "the wider region"),
    ("sit.claims", "Fatality figures"),
    (
        "sit.claims.none",
        "No separate figure recorded: the one shown is the source’s.",
    ),
    ("sit.claims.kept", "kept"),
    (
        "sit.claims.why",
        "The {k} sources disagree. ACLED records the most conservative figure, the lowest of the claims read as numbers (“dozens” = 12, a range keeps its lower end): {n}.",
    ),
    ("sit.status_history", "Verification history"),
    ("sit.status_history.none", "Reported; not yet assessed."),
    ("sit.versions", "Earlier versions"),
    ("sit.versions.recorded", "Recorded"),
    ("sit.versions.superseded", "Replaced"),
    ("sit.links", "Linked records"),
    ("sit.link.detention", "Detention"),
    ("sit.link.use_of_force", "Use-of-force report"),
    ("sit.sources", "Sources"),
    ("sit.sources.none", "No source you may see."),
    ("sit.on_map", "on the map"),
];

/// French, key for key with [`EN`].
const FR: &[(&str, &str)] = &[
    // Navigation et mise en page
    ("nav.skip", "Aller au contenu"),
    ("nav.label", "Principal"),
    ("nav.dashboard", "Tableau de bord"),
    ("nav.timeline", "Chronologie"),
    ("nav.log", "Journal"),
    ("nav.sources", "Sources"),
    ("nav.users", "Utilisateurs"),
    ("nav.login", "Se connecter"),
    ("nav.logout", "Se déconnecter"),
    ("nav.language", "Langue"),
    (
        "footer.text",
        "Konbit — système d’information de mission. Chaque chiffre repose sur une entrée du journal et ses sources.",
    ),
    // Erreurs
    ("error.back", "Retour au tableau de bord"),
    ("error.bad_request", "Requête invalide"),
    ("error.not_found", "Introuvable"),
    ("error.forbidden", "Accès refusé"),
    (
        "error.forbidden.text",
        "Vous n’avez pas le rôle requis pour cette page.",
    ),
    (
        "error.forbidden.editor",
        "L’enregistrement requiert le rôle d’éditeur. Demandez-le à un administrateur si vous devriez l’avoir.",
    ),
    (
        "error.forbidden.admin",
        "La gestion des utilisateurs requiert le rôle d’administrateur.",
    ),
    ("error.too_many", "Trop de tentatives"),
    ("error.refused", "Refusé"),
    ("error.internal", "Erreur interne"),
    (
        "error.internal.text",
        "Le serveur a échoué ; l’erreur figure dans son journal.",
    ),
    ("error.expired", "Formulaire expiré"),
    (
        "error.expired.text",
        "Ce formulaire a expiré ou n’a pas été envoyé depuis ce site. Revenez en arrière, rechargez la page et réessayez ; rien n’a été enregistré.",
    ),
    ("error.cross_site", "Refusé"),
    (
        "error.cross_site.text",
        "Les formulaires ne peuvent être envoyés que depuis ce site ; rien n’a été enregistré.",
    ),
    ("error.no_language", "Cette langue n’est pas disponible."),
    ("empty.title", "Aucune mission enregistrée"),
    (
        "empty.text",
        "Le registre ne contient encore aucune mission. Un administrateur peut en créer une par l’API ou charger un scénario.",
    ),
    // Horloges
    ("clocks.on", "Au"),
    ("clocks.as_of", "Tel qu’enregistré le"),
    (
        "clocks.as_of.hint",
        "Temps d’enregistrement : une date ou un horodatage RFC 3339 ; vide pour maintenant",
    ),
    ("clocks.apply", "Afficher"),
    // Fiche de mission
    ("mission.card", "Mission"),
    ("mission.host", "État hôte"),
    ("mission.lead", "Nation pilote"),
    ("mission.start", "Début"),
    ("mission.authorized_until", "Autorisée jusqu’au"),
    ("mission.ceiling", "Plafond d’effectifs"),
    ("mission.required", "Instruments requis"),
    ("mission.required.none", "Aucun"),
    ("mission.mandates", "Mandat"),
    (
        "mission.succeeded_by",
        "Remplacée par {mission} le {date} →",
    ),
    (
        "mission.succeeds",
        "← Succède à {mission} (passation le {date})",
    ),
    ("expiry.left.one", "1 jour restant"),
    ("expiry.left.other", "{n} jours restants"),
    ("expiry.ago.one", "expiré depuis 1 jour"),
    ("expiry.ago.other", "expiré depuis {n} jours"),
    ("expiry.none", "aucun mandat en vigueur"),
    ("mandate.resolution", "Résolution"),
    ("mandate.res_prefix", "S/RES/"),
    ("mandate.adopted", "Adoptée"),
    ("mandate.votes", "Votes"),
    ("mandate.votes.hint", "Pour – contre – abstentions"),
    ("mandate.end", "Fin"),
    ("mandate.ceiling", "Plafond"),
    ("mandate.summary", "Contenu"),
    // Graphique
    ("chart.heading", "Effectifs dans le temps"),
    (
        "chart.title",
        "Plafond autorisé, effectifs promis et déployés dans le temps",
    ),
    (
        "chart.desc",
        "Au {date} : {deployed} déployés, {pledged} promis, plafond {ceiling}.",
    ),
    ("chart.empty", "Pas encore de chiffres"),
    ("chart.ceiling", "Plafond autorisé"),
    ("chart.pledged", "Promis"),
    ("chart.deployed", "Déployés"),
    // Contributeurs
    ("contrib.heading", "Pays contributeurs"),
    ("contrib.on", "au"),
    ("contrib.none", "Aucun contributeur enregistré."),
    ("contrib.crumb", "Contributeur"),
    ("contrib.summary", "Résumé"),
    ("contrib.missing.none", "Aucun manquant"),
    ("contrib.pledges", "Engagements"),
    ("contrib.pledges.none", "Aucun engagement enregistré."),
    ("contrib.movements", "Arrivées, départs et relèves"),
    ("contrib.movements.none", "Aucun mouvement enregistré."),
    ("contrib.authorizations", "Chaîne d’autorisations"),
    (
        "contrib.authorizations.none",
        "Aucun instrument enregistré.",
    ),
    ("contrib.money", "Fonds"),
    (
        "contrib.override",
        "Enregistré malgré un instrument manquant",
    ),
    ("action.new_pledge", "Enregistrer un engagement"),
    ("action.new_deployment", "Enregistrer un mouvement"),
    ("table.country", "Pays"),
    ("table.pledged", "Promis"),
    ("table.deployed", "Déployés"),
    ("table.total", "Total"),
    ("table.missing", "Instruments manquants"),
    ("table.date", "Date"),
    ("table.change", "Changement"),
    ("table.details", "Détails et sources"),
    ("table.in", "Entrées"),
    ("table.out", "Sorties"),
    ("table.kind", "Type"),
    ("table.title", "Intitulé"),
    ("table.status", "Statut"),
    ("funding.heading", "Financement"),
    ("funding.none", "Aucun financement enregistré à cette date."),
    ("funding.donor", "Donateur"),
    ("funding.channel", "Canal"),
    ("funding.currency", "Devise"),
    ("funding.pledged", "Promis"),
    ("funding.received", "Reçu"),
    ("funding.frozen", "Gelé"),
    (
        "funding.note",
        "Unités monétaires entières, telles qu’enregistrées. Les devises ne sont ni converties ni additionnées ; les fonds gelés sont indiqués à part.",
    ),
    ("cat.police", "police"),
    ("cat.military", "militaires"),
    ("cat.civilian", "civils"),
    ("badge.corrected", "corrigé"),
    (
        "source.grade",
        "Cote de l’Amirauté : fiabilité de la source (A–F) et crédibilité de l’information (1–6)",
    ),
    ("disc.title", "Sources divergentes"),
    ("disc.field", "sur"),
    ("disc.accepted", "retenue"),
    ("disc.reason", "Motif :"),
    // Chronologie
    ("timeline.title", "Chronologie"),
    ("timeline.until", "Enregistrements jusqu’au"),
    ("timeline.none", "Rien d’enregistré jusqu’à cette date."),
    (
        "timeline.line.mandate_adopted",
        "Résolution {resolution} adoptée ({votes}) ; autorisation jusqu’au {date}",
    ),
    (
        "timeline.line.succession",
        "{successor} succède à {mission}",
    ),
    (
        "timeline.line.succession_by",
        "{successor} succède à {mission} en vertu de la résolution {resolution}",
    ),
    (
        "timeline.line.pledge_recorded",
        "engagement enregistré : {personnel}",
    ),
    (
        "timeline.line.pledge_revised",
        "engagement révisé : {personnel}",
    ),
    ("timeline.line.pledge_withdrawn", "engagement retiré"),
    ("timeline.line.authorization", "{title} ({kind}, {status})"),
    ("timeline.line.arrival", "arrivée : {personnel}"),
    ("timeline.line.departure", "départ : {personnel}"),
    (
        "timeline.line.rotation",
        "relève : {arriving} à l’arrivée, {leaving} au départ",
    ),
    (
        "timeline.line.funding_pledge",
        "promesse de {amount} {currency} ({channel})",
    ),
    (
        "timeline.line.funding_receipt",
        "{amount} {currency} reçus ({channel})",
    ),
    (
        "timeline.line.funding_freeze",
        "{amount} {currency} gelés ({channel})",
    ),
    ("timeline.no_personnel", "aucun effectif chiffré"),
    ("sources.title", "Sources"),
    (
        "sources.intro",
        "Toutes les sources enregistrées que vous pouvez voir. La cote de l’Amirauté note la fiabilité de la source (A–F) et la crédibilité de l’information (1–6) ; survolez une cote pour sa signification.",
    ),
    ("sources.count.one", "1 source"),
    ("sources.count.other", "{n} sources"),
    ("sources.none", "Aucune source enregistrée."),
    ("sources.outlet", "Média"),
    ("sources.language", "Langue"),
    ("sources.grade", "Cote"),
    ("sources.note", "Note"),
    (
        "source.grade.detail",
        "Fiabilité de la source {r} : {reliability}. Crédibilité de l’information {c} : {credibility}.",
    ),
    // Journal
    ("log.title", "Journal des enregistrements"),
    ("log.ok", "Chaîne intacte."),
    ("log.bad", "Chaîne rompue."),
    ("log.length", "Entrées :"),
    ("log.head", "tête"),
    ("log.first_bad", "première entrée fautive :"),
    (
        "log.explain",
        "Chaque enregistrement est une entrée d’une chaîne de hachage. Les entrées au-dessus de votre habilitation gardent leur place et leur empreinte, mais pas leur contenu.",
    ),
    ("log.seq", "n°"),
    ("log.recorded_at", "Enregistré"),
    ("log.actor", "Par"),
    ("log.valid_at", "Valable au"),
    ("log.classification", "Classification"),
    ("log.hash", "Empreinte"),
    ("log.redacted", "masqué"),
    ("log.pages", "Pages"),
    ("log.prev", "Plus anciennes"),
    ("log.next", "Plus récentes"),
    // Connexion
    ("login.title", "Connexion"),
    ("login.username", "Nom d’utilisateur"),
    ("login.password", "Mot de passe"),
    ("login.submit", "Se connecter"),
    (
        "login.failed",
        "Nom d’utilisateur inconnu ou mot de passe erroné.",
    ),
    (
        "login.throttled",
        "Trop d’échecs. Patientez quelques minutes puis réessayez.",
    ),
    ("users.title", "Utilisateurs"),
    (
        "users.intro",
        "Qui peut se connecter, et avec quel rôle. Chaque changement est inscrit au journal (jamais le mot de passe).",
    ),
    ("users.role", "Rôle"),
    ("users.account", "Compte"),
    ("users.active", "actif"),
    ("users.disabled", "désactivé"),
    ("users.you", "vous"),
    ("users.change_role", "Changer de rôle"),
    ("users.role_of", "Rôle de {name}"),
    ("users.set", "Changer"),
    ("users.disable", "Désactiver"),
    ("users.enable", "Réactiver"),
    ("users.revoke_all", "Fermer sessions et jetons"),
    ("users.actions", "Accès"),
    ("users.actions_of", "Accès de {name}"),
    ("users.tokens", "Sessions et jetons d’API"),
    (
        "users.tokens.intro",
        "Chaque session de navigateur et chaque jeton d’API en cours. Changer le mot de passe ou le rôle d’un utilisateur, ou le désactiver, ferme les siens ; les révoquer ici aussi. Chaque révocation est inscrite au journal.",
    ),
    (
        "users.tokens.none",
        "Aucune session ni aucun jeton en cours.",
    ),
    ("users.token.kind.session", "session de navigateur"),
    ("users.token.kind.api", "jeton d’API"),
    ("users.token.issued", "Émis"),
    ("users.token.expires", "Expire"),
    ("users.token.revoke", "Révoquer"),
    ("users.new", "Nouvel utilisateur"),
    ("users.create", "Créer l’utilisateur"),
    (
        "users.username.hint",
        "Lettres, chiffres, « . », « _ » ou « - » (64 au plus)",
    ),
    ("users.password.hint", "Au moins 10 caractères"),
    // Formulaires
    ("form.pledge.title", "Enregistrer un engagement"),
    (
        "form.pledge.intro",
        "La promesse de personnel ou de matériel d’un contributeur, à la date où elle a été faite.",
    ),
    ("form.deployment.title", "Enregistrer un mouvement"),
    (
        "form.deployment.intro",
        "Personnel arrivant dans la zone de mission, la quittant ou en relève.",
    ),
    ("form.errors", "L’enregistrement n’a pas été fait :"),
    ("form.submit", "Enregistrer"),
    ("form.cancel", "Annuler"),
    ("field.country", "Pays (ISO alpha-3)"),
    ("field.on", "Date"),
    ("field.movement", "Mouvement"),
    ("field.police", "Police"),
    ("field.military", "Militaires"),
    ("field.civilian", "Civils"),
    ("field.equipment", "Matériel"),
    ("field.money_amount", "Montant promis"),
    ("field.money_currency", "Devise"),
    ("field.relieved_police", "Police relevée"),
    ("field.relieved_military", "Militaires relevés"),
    ("field.relieved_civilian", "Civils relevés"),
    ("field.unit", "Unité"),
    ("field.note", "Note"),
    ("field.override_reason", "Motif de dérogation"),
    ("field.sources", "Sources"),
    ("field.classification", "Classification"),
    (
        "hint.country",
        "Code à trois lettres, p. ex. KEN pour le Kenya",
    ),
    (
        "hint.relieved",
        "Relèves seulement : qui part pendant que les autres arrivent",
    ),
    (
        "hint.override_reason",
        "Seulement si le contributeur n’a pas un instrument requis par la mission : pourquoi l’enregistrer quand même",
    ),
    (
        "hint.sources",
        "Maintenez Ctrl (⌘ sur Mac) pour en choisir plusieurs",
    ),
    (
        "hint.money_amount",
        "Unités entières ; laisser vide s’il n’y a pas de fonds",
    ),
    ("hint.money_currency", "Code ISO 4217, p. ex. USD"),
    ("err.whole_number", "doit être un nombre entier"),
    ("err.date", "doit être une date (AAAA-MM-JJ)"),
    ("err.country", "n’est pas un code pays ISO 3166-1 alpha-3"),
    ("err.source", "n’est pas une source enregistrée"),
    (
        "err.classification",
        "doit être public, mission ou restreint",
    ),
    ("err.movement", "doit être arrivée, départ ou relève"),
    (
        "err.authorization_missing",
        "Le contributeur n’a pas les instruments requis ({missing}). Donnez un motif pour enregistrer le mouvement malgré tout.",
    ),
    (
        "err.money_amount_missing",
        "est requis quand une devise est indiquée",
    ),
    (
        "err.money_currency_missing",
        "est requise quand un montant est indiqué",
    ),
    ("err.role", "doit être l’un des rôles proposés"),
    ("err.user_exists", "est déjà pris"),
    ("err.unknown", "L’enregistrement a été refusé."),
    // Énumérations
    ("role.viewer", "lecteur"),
    ("role.editor", "éditeur"),
    ("role.admin", "administrateur"),
    ("role.hr_officer", "chargé des ressources humaines"),
    (
        "role.conduct_officer",
        "chargé de la déontologie et de la discipline",
    ),
    ("role.commander", "commandant de contingent"),
    ("users.country", "Contributeur (commandants)"),
    (
        "users.country.hint",
        "Le pays d’un commandant, ISO 3166-1 alpha-3 (KEN). Vide pour les autres rôles.",
    ),
    ("class.public", "public"),
    ("class.mission", "mission"),
    ("class.restricted", "restreint"),
    ("change.recorded", "enregistré"),
    ("change.revised", "révisé"),
    ("change.withdrawn", "retiré"),
    ("pledge_status.active", "actif"),
    ("pledge_status.withdrawn", "retiré"),
    ("movement.arrival", "arrivée"),
    ("movement.departure", "départ"),
    ("movement.rotation", "relève"),
    ("instrument.national_approval", "approbation nationale"),
    ("instrument.parliamentary_vote", "vote parlementaire"),
    ("instrument.court_ruling", "décision de justice"),
    ("instrument.bilateral_agreement", "accord bilatéral"),
    ("instrument.status_agreement", "accord sur le statut"),
    ("instrument.other", "autre instrument"),
    ("status.pending", "en attente"),
    ("status.granted", "accordé"),
    ("status.in_force", "en vigueur"),
    ("status.refused", "refusé"),
    ("status.blocked", "bloqué"),
    ("status.suspended", "suspendu"),
    ("status.expired", "expiré"),
    ("kind.mandate", "mandat"),
    ("kind.succession", "succession"),
    ("kind.pledge", "engagement"),
    ("kind.authorization", "autorisation"),
    ("kind.deployment", "mouvement"),
    ("kind.funding", "financement"),
    ("channel.trust_fund", "fonds d’affectation spéciale"),
    ("channel.bilateral", "bilatéral"),
    ("channel.in_kind", "en nature"),
    ("source_kind.resolution", "résolution"),
    ("source_kind.agreement", "accord"),
    ("source_kind.press_release", "communiqué de presse"),
    ("source_kind.news_article", "article de presse"),
    ("source_kind.internal_report", "rapport interne"),
    ("source_kind.other", "autre"),
    ("reliability.A", "totalement fiable"),
    ("reliability.B", "habituellement fiable"),
    ("reliability.C", "assez fiable"),
    ("reliability.D", "pas toujours fiable"),
    ("reliability.E", "peu fiable"),
    ("reliability.F", "fiabilité impossible à évaluer"),
    ("credibility.1", "confirmée par d’autres sources"),
    ("credibility.2", "probablement vraie"),
    ("credibility.3", "peut-être vraie"),
    ("credibility.4", "douteuse"),
    ("credibility.5", "improbable"),
    ("credibility.6", "véracité impossible à évaluer"),
    ("month.1", "janvier"),
    ("month.2", "février"),
    ("month.3", "mars"),
    ("month.4", "avril"),
    ("month.5", "mai"),
    ("month.6", "juin"),
    ("month.7", "juillet"),
    ("month.8", "août"),
    ("month.9", "septembre"),
    ("month.10", "octobre"),
    ("month.11", "novembre"),
    ("month.12", "décembre"),
    // Registres de redevabilité
    ("nav.statistics", "Statistiques"),
    ("nav.complaints", "Plaintes"),
    ("nav.registers", "Registres"),
    ("nav.personnel", "Personnel"),
    ("nav.documents", "Documents"),
    ("nav.use_of_force", "Usage de la force"),
    ("nav.detentions", "Détentions"),
    ("nav.cases", "Dossiers"),
    ("nav.audit", "Audit"),
    ("complaint.title", "Déposer une plainte"),
    (
        "complaint.intro",
        "Si une personne travaillant pour la mission — policier, militaire ou civil — vous a fait du tort, à vous ou à quelqu’un d’autre, ou s’est mal conduite, vous pouvez le signaler ici. Votre plainte ne parvient qu’aux agents de déontologie et de discipline de la mission, jamais à l’unité visée.",
    ),
    (
        "complaint.privacy",
        "Ce que vous écrivez reste confidentiel : seuls les agents chargés des plaintes peuvent le lire, et chaque lecture est enregistrée.",
    ),
    ("complaint.account", "Que s’est-il passé ?"),
    (
        "complaint.account.hint",
        "Avec vos mots : qui, quoi, quand et où, dans la mesure où vous le savez.",
    ),
    ("complaint.occurred_on", "Quand cela s’est-il passé ?"),
    (
        "complaint.occurred_on.hint",
        "La date, si vous la connaissez.",
    ),
    ("complaint.place", "Où cela s’est-il passé ?"),
    ("complaint.place.hint", "Un quartier, une rue, une ville…"),
    ("complaint.who", "Vous (facultatif)"),
    (
        "complaint.anonymous",
        "Laissez le nom et le contact vides pour porter plainte anonymement : personne ne saura que la plainte vient de vous. La mission ne pourra alors pas vous joindre, mais vous pourrez suivre votre plainte avec la référence et le code secret qui vous seront donnés.",
    ),
    ("complaint.name", "Votre nom"),
    ("complaint.contact", "Comment vous joindre"),
    (
        "complaint.contact.hint",
        "Un numéro de téléphone, une adresse électronique ou postale.",
    ),
    ("complaint.required", "* obligatoire"),
    ("complaint.submit", "Envoyer la plainte"),
    ("complaint.errors", "La plainte n’a pas été envoyée :"),
    (
        "complaint.status_link",
        "Vous avez déjà porté plainte ? Consultez son état",
    ),
    ("err.account_required", "Dites-nous ce qui s’est passé."),
    ("err.too_long", "Trop long : {max} caractères au plus."),
    ("err.date_range", "doit être entre 1945 et 2100"),
    ("receipt.title", "Votre plainte a été reçue"),
    (
        "receipt.thanks",
        "Merci. Votre plainte est enregistrée ; elle sera examinée par les agents de déontologie et de discipline de la mission.",
    ),
    ("receipt.reference", "Référence"),
    ("receipt.secret", "Code secret"),
    (
        "receipt.keep",
        "Gardez ces deux codes : notez-les ou prenez-les en photo. Ensemble, ils vous permettent de suivre l’état de votre plainte.",
    ),
    (
        "receipt.once",
        "Le code secret n’est affiché qu’une seule fois. La mission ne le conserve pas et ne pourra pas vous le redonner. Personne de la mission ne vous le demandera jamais.",
    ),
    ("receipt.check", "Suivre l’état de votre plainte"),
    ("cstatus.title", "État de votre plainte"),
    (
        "cstatus.intro",
        "Saisissez la référence et le code secret qui vous ont été donnés lors du dépôt de la plainte.",
    ),
    ("cstatus.submit", "Voir l’état"),
    ("cstatus.result", "Plainte {reference}"),
    ("cstatus.received_on", "Reçue le {date}"),
    ("cstatus.now", "État :"),
    (
        "cstatus.not_found",
        "Aucune plainte ne correspond à cette référence et à ce code secret. Vérifiez les deux codes et réessayez.",
    ),
    (
        "cstatus.throttled",
        "Trop de tentatives depuis cette connexion. Patientez quelques minutes puis réessayez.",
    ),
    (
        "complaint.limited",
        "Trop de plaintes ont été envoyées depuis cette connexion. Patientez quelques minutes puis envoyez la vôtre à nouveau : ce que vous avez écrit est conservé ci-dessous.",
    ),
    ("cstatus.new", "Déposer une nouvelle plainte"),
    (
        "cstatus.help.received",
        "Votre plainte a été reçue et attend d’être évaluée.",
    ),
    (
        "cstatus.help.assessed",
        "Votre plainte a été évaluée : elle est crédible et la mission s’en occupe.",
    ),
    (
        "cstatus.help.under_investigation",
        "Une enquête est en cours.",
    ),
    (
        "cstatus.help.substantiated",
        "L’enquête a établi les faits que vous avez signalés.",
    ),
    (
        "cstatus.help.unsubstantiated",
        "L’enquête n’a pas pu établir les faits que vous avez signalés.",
    ),
    ("cstatus.help.closed", "Le dossier est clos."),
    ("stats.title", "Statistiques publiques"),
    (
        "stats.intro",
        "Ce que la mission enregistre sur l’usage de la force, les détentions, les plaintes et les allégations de faute, compté par trimestre. Seuls des nombres sont publiés : ni noms, ni lieux, ni récits.",
    ),
    (
        "stats.suppression",
        "Tout nombre inférieur à 3 est affiché « <3 » pour que personne ne puisse être reconnu ; quand un seul nombre d’une ligne serait masqué, un deuxième l’est aussi, pour qu’on ne puisse pas le déduire du total.",
    ),
    (
        "stats.un_rule",
        "Les allégations sont comptées selon la règle des Nations Unies : une par type de faute et par personne, quel que soit le nombre de fois où elle est alléguée.",
    ),
    ("stats.mission", "Mission"),
    ("stats.quarter", "Trimestre"),
    ("stats.quarter_label", "{year} T{q}"),
    ("stats.none", "Rien d’enregistré pour l’instant."),
    ("stats.json", "Les mêmes chiffres en JSON"),
    (
        "stats.table.use_of_force_by_level",
        "Usage de la force, par niveau de force le plus élevé",
    ),
    (
        "stats.table.use_of_force_by_review",
        "Usage de la force, par résultat de l’examen",
    ),
    (
        "stats.table.detentions_by_handover",
        "Détentions, selon la remise à la Police nationale d’Haïti sous 48 heures",
    ),
    (
        "stats.table.complaints_by_category",
        "Plaintes, par catégorie",
    ),
    ("stats.table.complaints_by_status", "Plaintes, par état"),
    (
        "stats.table.allegations_by_misconduct",
        "Allégations, par type de faute",
    ),
    ("case_status.received", "reçu"),
    ("case_status.assessed", "évalué"),
    ("case_status.under_investigation", "en cours d’enquête"),
    ("case_status.substantiated", "fondé"),
    ("case_status.unsubstantiated", "non fondé"),
    ("case_status.closed", "clos"),
    ("level.presence", "présence"),
    ("level.verbal", "injonctions verbales"),
    ("level.physical", "force physique"),
    ("level.less_lethal", "armes à létalité réduite"),
    ("level.firearm", "armes à feu"),
    ("review.submitted", "soumis"),
    ("review.under_review", "en cours d’examen"),
    ("review.cleared", "conforme aux règles"),
    ("review.referred", "renvoyé en discipline"),
    ("clock.met", "remis ou libéré dans les délais"),
    ("clock.breached", "remis ou libéré en retard"),
    ("clock.due", "en détention, dans les délais"),
    ("clock.overdue", "en détention au-delà du délai"),
    ("conduct.category_1", "catégorie 1 (les plus graves)"),
    ("conduct.category_2", "catégorie 2"),
    ("conduct.not_assessed", "pas encore catégorisé"),
    ("misconduct.sexual_exploitation", "exploitation sexuelle"),
    ("misconduct.sexual_abuse", "abus sexuels"),
    ("misconduct.unlawful_killing", "homicide illégal"),
    ("misconduct.ill_treatment", "torture ou mauvais traitements"),
    ("misconduct.excessive_force", "usage excessif de la force"),
    ("misconduct.arbitrary_detention", "détention arbitraire"),
    ("misconduct.serious_assault", "agression grave"),
    ("misconduct.fraud", "fraude ou vol"),
    ("misconduct.abuse_of_authority", "abus d’autorité"),
    ("misconduct.harassment", "harcèlement"),
    ("misconduct.other", "autre faute"),
    ("vetting.pending", "en attente"),
    ("vetting.cleared", "favorable"),
    ("vetting.not_cleared", "défavorable"),
    ("doc_kind.concept_of_operations", "concept d’opérations"),
    (
        "doc_kind.conduct_policy",
        "politique de déontologie et de discipline",
    ),
    ("doc_kind.status_agreement", "accord sur le statut"),
    ("doc_kind.detention_directive", "directive sur la détention"),
    ("doc_kind.search_directive", "directive sur les fouilles"),
    (
        "doc_kind.use_of_force_directive",
        "directive sur l’usage de la force",
    ),
    ("sex.female", "féminin"),
    ("sex.male", "masculin"),
    ("sex.other", "autre"),
    ("sex.unknown", "inconnu"),
    ("harm.injury", "blessure en détention"),
    ("harm.death", "décès en détention"),
    ("investigator.mission", "enquêteurs de la mission"),
    (
        "investigator.contributor",
        "enquêteurs nationaux du contributeur",
    ),
    ("investigator.un_oversight", "contrôle de l’ONU (BSCI)"),
    ("investigator.host_state", "autorités de l’État hôte"),
    ("form_lang.en", "anglais"),
    ("form_lang.fr", "français"),
    ("form_lang.ht", "créole haïtien"),
    ("casualty.civilian", "civils"),
    (
        "casualty.suspected_gang_member",
        "membres présumés de gangs",
    ),
    ("casualty.mission", "personnel de la mission"),
    ("casualty.host_state_police", "Police nationale d’Haïti"),
    ("casualty.unknown", "inconnus"),
    ("reg.id", "Id"),
    ("reg.mission", "Mission"),
    ("reg.contributor", "Contributeur"),
    ("reg.unit", "Unité"),
    ("reg.category", "Catégorie"),
    ("reg.place", "Lieu"),
    ("reg.yes", "oui"),
    ("reg.no", "non"),
    ("reg.none", "Rien d’enregistré."),
    ("reg.all_missions", "Toutes les missions"),
    ("reg.older", "Enregistrements plus anciens →"),
    (
        "cases.withheld",
        "Qui est mis en cause, et pour quoi, ne regarde que l’officier de déontologie.",
    ),
    (
        "cases.withheld.title",
        "Masqué : réservé à l’officier de déontologie",
    ),
    ("reg.latest", "← Enregistrements les plus récents"),
    ("reg.recorded", "Enregistré le {at}"),
    (
        "reg.restricted_note",
        "Les champs restreints (identités, récits, ce qu’ont écrit les plaignants) ne s’affichent qu’aux rôles qui en ont besoin ; chaque page qui les montre est inscrite dans l’audit.",
    ),
    (
        "reg.restricted_shown",
        "Cette page montre des champs restreints ; votre consultation a été enregistrée.",
    ),
    ("reg.back", "Retour à la liste"),
    ("reg.percent", "{p}\u{a0}%"),
    ("personnel.title", "Personnel et vérification"),
    (
        "personnel.intro",
        "Toutes les personnes déployées avec la mission, sous un identifiant pseudonyme. Les identités ne sont montrées qu’aux agents RH, et aux commandants pour leur seul contingent.",
    ),
    (
        "personnel.compliance",
        "Vérification et prises de connaissance",
    ),
    (
        "personnel.compliance.intro",
        "Part du personnel déployé au {date} qui est vérifié (avis favorable) et qui a pris connaissance de chaque document le liant dans sa version en vigueur, par contributeur.",
    ),
    (
        "personnel.compliance.none",
        "Personne n’est déployé à cette date.",
    ),
    ("personnel.deployed_count", "Déployés"),
    ("personnel.vetted", "Vérifiés"),
    ("personnel.acknowledged", "Prises de connaissance à jour"),
    ("personnel.compliant", "Les deux"),
    ("personnel.register", "Registre du personnel →"),
    ("personnel.people", "Personnes"),
    ("personnel.none", "Personne dans le registre."),
    ("personnel.vetting", "Vérification"),
    ("personnel.deployed", "Déploiement"),
    ("personnel.from_until", "du {from} au {until}"),
    ("personnel.from", "depuis le {from}"),
    ("personnel.no_vetting", "aucun résultat"),
    ("personnel.service_number", "Matricule"),
    ("personnel.rank", "Grade"),
    ("personnel.name", "Nom"),
    ("personnel.person", "Personne {id}"),
    ("personnel.vetting_history", "Historique de la vérification"),
    ("personnel.by", "Vérifié par"),
    ("personnel.findings", "Constatations"),
    ("personnel.acknowledgements", "Prises de connaissance"),
    ("personnel.document", "Document"),
    ("personnel.signed", "Signé le"),
    ("personnel.assignments", "Affectations"),
    ("personnel.operation", "Opération"),
    (
        "personnel.eligibility",
        "Aptitude à une affectation au {date}",
    ),
    (
        "personnel.eligible",
        "Apte : déployé, vérifié et lié par les directives en vigueur sur l’usage de la force et la détention.",
    ),
    ("personnel.not_eligible", "Inapte :"),
    (
        "personnel.acks_current",
        "Chaque document liant cette personne a été pris en connaissance dans sa version en vigueur.",
    ),
    (
        "personnel.acks_missing",
        "Un document liant cette personne n’a pas été pris en connaissance dans sa version en vigueur.",
    ),
    ("documents.title", "Documents de la mission"),
    (
        "documents.intro",
        "Chaque version des documents dont le personnel doit prendre connaissance. La version en vigueur à une date est la plus récente applicable à cette date.",
    ),
    ("documents.version", "Version"),
    ("documents.effective", "En vigueur depuis"),
    ("documents.binds", "Lie"),
    ("documents.in_force", "en vigueur"),
    ("documents.none", "Aucun document émis."),
    ("uof.title", "Usage de la force"),
    (
        "uof.intro",
        "Un rapport est dû dans les 24 heures suivant les faits, et son examen dans les 7 jours suivant le rapport. Les rapports tardifs sont enregistrés et signalés.",
    ),
    ("uof.overdue", "Examens en retard"),
    ("uof.overdue.none", "Aucun examen n’est en retard."),
    ("uof.all", "Tous les rapports"),
    ("uof.none", "Aucun rapport."),
    ("uof.report", "Rapport d’usage de la force"),
    ("uof.occurred", "Date des faits"),
    ("uof.level", "Niveau"),
    ("uof.rounds", "Munitions tirées"),
    ("uof.injured", "Blessés"),
    ("uof.killed", "Tués"),
    ("uof.submitted", "Signalé le"),
    ("uof.late", "tardif"),
    (
        "uof.late.title",
        "Signalé plus de 24 heures après les faits",
    ),
    ("uof.review", "Examen"),
    ("uof.review_due", "Examen dû le"),
    ("uof.overdue_tag", "en retard"),
    ("uof.casualties", "Victimes"),
    ("uof.reviews", "Étapes de l’examen"),
    ("uof.reviews.none", "Pas encore pris en charge."),
    ("uof.by", "Par"),
    ("uof.reason", "Motifs"),
    ("uof.persons", "Personnel impliqué"),
    ("uof.narrative", "Récit"),
    ("uof.detention", "Détention"),
    ("uof.incident", "Incident"),
    ("detention.title", "Détentions"),
    (
        "detention.intro",
        "Une personne détenue doit être remise à la Police nationale d’Haïti, ou libérée, dans les 48 heures suivant l’arrestation.",
    ),
    ("detention.none", "Aucune détention."),
    ("detention.one", "Détention"),
    ("detention.arrested", "Arrestation"),
    ("detention.clock", "Remise"),
    ("detention.deadline", "Échéance"),
    ("detention.ended", "Remise ou libération"),
    ("detention.minor", "MINEUR"),
    (
        "detention.minor.title",
        "La personne détenue a, ou semble avoir, moins de 18 ans",
    ),
    ("detention.medical", "Examen médical"),
    ("detention.family", "Famille prévenue"),
    ("detention.handover", "Remise"),
    ("detention.station", "Commissariat"),
    ("detention.officer", "Agent ayant reçu la personne"),
    ("detention.release", "Libération"),
    ("detention.reason", "Motif"),
    ("detention.grounds", "Motifs de l’arrestation"),
    ("detention.detainee", "Personne détenue"),
    ("detention.sex", "Sexe"),
    ("detention.age", "Âge"),
    ("detention.harm", "Atteinte en détention"),
    ("detention.not_yet", "pas encore"),
    ("detention.use_of_force", "Rapport d’usage de la force"),
    ("cases.title", "Plaintes et dossiers"),
    (
        "cases.intro",
        "Les dossiers disciplinaires et les plaintes reçues du public. Ce qu’ont écrit les plaignants n’est montré qu’aux agents de déontologie, jamais à la chaîne de commandement.",
    ),
    ("cases.cases", "Dossiers"),
    ("cases.none", "Aucun dossier."),
    ("cases.complaints", "Plaintes reçues"),
    ("cases.complaints.none", "Aucune plainte."),
    ("cases.case", "Dossier ouvert le {date}"),
    ("cases.opened", "Ouvert le"),
    ("cases.category", "Catégorie"),
    ("cases.allegations", "Allégations"),
    ("cases.counted", "Décompte ONU"),
    (
        "cases.counted.title",
        "Une par type de faute et par personne",
    ),
    ("cases.misconduct", "Faute"),
    ("cases.investigator", "Enquête menée par"),
    (
        "cases.victim_assistance",
        "Victime orientée vers une assistance",
    ),
    ("cases.reference", "Référence"),
    ("cases.received", "Reçue le"),
    ("cases.language", "Langue"),
    ("cases.anonymous", "anonyme"),
    ("cases.case_link", "Dossier"),
    ("cases.account", "Ce qu’a écrit le plaignant"),
    ("cases.occurred_on", "Date des faits"),
    ("cases.complainant", "Plaignant"),
    ("cases.contact", "Contact"),
    ("cases.history", "Historique"),
    ("cases.history.none", "Aucune étape depuis l’ouverture."),
    ("cases.outcome", "Résultat"),
    ("cases.actions", "Mesures prises"),
    ("cases.summary", "Résumé"),
    ("cases.interim", "Mesures conservatoires"),
    ("cases.person", "Personne"),
    ("cases.unidentified", "non identifiée"),
    ("cases.complaint", "Plainte"),
    ("cases.by", "Par"),
    ("cases.details", "Résultat et mesures"),
    ("audit.title", "Audit des lectures restreintes"),
    (
        "audit.intro",
        "Chaque fois qu’une page ou l’API a montré des champs restreints (identités, récits, ce qu’ont écrit les plaignants), le journal a enregistré qui, quand, quelles fiches et par quelle requête.",
    ),
    ("audit.none", "Aucune lecture restreinte enregistrée."),
    ("audit.register", "Registre"),
    ("audit.records", "Fiches"),
    ("audit.via", "Requête"),
    (
        "error.forbidden.audit",
        "L’audit requiert le rôle d’administrateur.",
    ),
    ("nav.situation", "Situation"),
    ("sit.title", "Situation"),
    ("sit.tab.map", "Carte"),
    ("sit.tab.timeline", "Chronologie hebdomadaire"),
    ("sit.tab.board", "Sites, routes et groupes"),
    ("sit.tab.incidents", "Incidents"),
    ("sit.status.secured", "sécurisé"),
    ("sit.status.contested", "disputé"),
    (
        "sit.status.held_by_armed_groups",
        "tenu par des groupes armés",
    ),
    ("sit.status.closed", "fermé"),
    ("sit.status.open", "ouverte"),
    ("sit.status.dangerous", "dangereuse"),
    ("sit.status.blocked", "bloquée"),
    ("sit.status.none", "aucun statut enregistré"),
    ("sit.since", "depuis"),
    ("sit.dead", "{n} morts"),
    ("sit.map.title", "Carte de la situation"),
    ("sit.shown", "{n} incidents affichés sur {m} correspondants"),
    (
        "sit.capped",
        "La carte montre les 5 000 plus meurtriers ; affinez les filtres pour voir les autres.",
    ),
    ("sit.to_list", "lister ces incidents"),
    ("sit.tone.good", "sécurisé / ouverte"),
    ("sit.tone.warn", "disputé / dangereuse"),
    ("sit.tone.bad", "tenu par des groupes armés / bloquée"),
    ("sit.tone.closed", "fermé"),
    ("sit.tone.unknown", "aucun statut enregistré"),
    ("sit.legend.types", "Incidents par type d’événement ACLED"),
    ("sit.legend.places", "Sites (carrés) et routes"),
    (
        "sit.legend.size",
        "L’aire d’un cercle croît avec le nombre de morts rapporté. Chaque cercle mène à son incident.",
    ),
    ("sit.filters", "Filtres"),
    ("sit.f.q", "Rechercher dans les notes"),
    ("sit.f.q.hint", "mots des notes, lieux, acteurs"),
    ("sit.f.from", "Du"),
    ("sit.f.to", "Au"),
    ("sit.f.types", "Types d’événement"),
    ("sit.f.actor", "Acteur"),
    ("sit.f.department", "Département"),
    ("sit.f.all_departments", "Tous les départements"),
    ("sit.f.on", "Situation au"),
    (
        "sit.f.on.hint",
        "Statuts des sites et routes à cette date ; incidents jusqu’à elle.",
    ),
    ("sit.f.apply", "Appliquer"),
    ("sit.f.clear", "Effacer"),
    ("sit.timeline.title", "Chronologie hebdomadaire"),
    (
        "sit.timeline.weekly",
        "Incidents par semaine et par type d’événement",
    ),
    (
        "sit.timeline.empty",
        "Aucun incident ne correspond à ces filtres.",
    ),
    ("sit.timeline.total", "{n} incidents"),
    (
        "sit.week.title",
        "Semaine du {week} · {type} : {n} événements, {dead} morts",
    ),
    ("sit.indicators", "Indicateurs humanitaires"),
    (
        "sit.indicators.intro",
        "Chiffres par période tels que publiés (OIM DTM, ONU) ; survolez une barre pour sa valeur et ses sources.",
    ),
    (
        "sit.indicators.none",
        "Aucun indicateur enregistré pour cette zone et cette période.",
    ),
    ("sit.indicator.idps", "Personnes déplacées internes"),
    ("sit.indicator.killed", "Personnes tuées"),
    ("sit.indicator.injured", "Personnes blessées"),
    ("sit.indicator.kidnapped", "Personnes enlevées"),
    ("sit.qualifier.exact", "exact"),
    ("sit.qualifier.at_least", "au moins"),
    ("sit.qualifier.about", "environ"),
    (
        "sit.obs.title",
        "{period} : {value} ({q}, {area}) · {sources} sources",
    ),
    ("sit.obs.last", "dernier {value} ({date})"),
    ("sit.site.airport", "aéroport"),
    ("sit.site.port", "port"),
    ("sit.site.fuel_terminal", "terminal pétrolier"),
    ("sit.site.hospital", "hôpital"),
    ("sit.site.prison", "prison"),
    ("sit.site.government", "gouvernement"),
    ("sit.site.mission_base", "base de la mission"),
    ("sit.site.police", "police"),
    ("sit.designation.un_sanctions", "Sanctions de l’ONU"),
    (
        "sit.designation.us_fto",
        "Organisation terroriste étrangère (États-Unis)",
    ),
    (
        "sit.designation.us_sdgt",
        "Terroriste mondial spécialement désigné (États-Unis)",
    ),
    ("sit.designation.national_sanctions", "sanctions nationales"),
    ("sit.board.title", "Sites, routes et groupes armés"),
    ("sit.board.place", "Lieu"),
    ("sit.board.status", "Statut"),
    ("sit.board.since", "Depuis"),
    ("sit.board.held_by", "Tenu par"),
    ("sit.board.note", "Note"),
    ("sit.board.sources", "Sources"),
    ("sit.board.history", "Statuts antérieurs"),
    ("sit.board.sites", "Sites clés"),
    ("sit.board.segments", "Tronçons de route"),
    ("sit.board.groups", "Groupes armés et coalitions"),
    (
        "sit.board.groups.none",
        "Aucun groupe armé décrit à cette date.",
    ),
    ("sit.board.group", "Groupe"),
    ("sit.board.leaders", "Chefs"),
    ("sit.board.areas", "Zones"),
    ("sit.board.designations", "Désignations"),
    ("sit.board.coalition", "coalition"),
    ("sit.board.member_of", "Membre de"),
    ("sit.board.profile_of", "Profil du"),
    ("sit.verification", "Vérification"),
    ("sit.verification.reported", "signalé"),
    ("sit.verification.corroborated", "corroboré"),
    ("sit.verification.confirmed", "confirmé"),
    ("sit.verification.disputed", "contesté"),
    ("sit.verification.retracted", "retiré"),
    ("sit.list.title", "Incidents"),
    (
        "sit.list.summary",
        "Incidents {a} à {b} sur {m}, les plus récents d’abord",
    ),
    ("sit.list.none", "Aucun incident ne correspond."),
    (
        "sit.search.summary",
        "{n} incidents correspondent à « {q} »",
    ),
    (
        "sit.search.note",
        "La recherche porte sur les notes, lieux et acteurs ; dates et types la restreignent (100 résultats au plus).",
    ),
    ("sit.export", "Exporter :"),
    ("sit.export.acled", "CSV ACLED"),
    ("sit.export.hxl", "CSV HXL"),
    ("sit.export.geojson", "GeoJSON"),
    ("sit.pages", "Pages"),
    ("sit.prev", "Plus récents"),
    ("sit.next", "Plus anciens"),
    ("sit.coded", "Codage (ACLED)"),
    ("sit.f.event_id", "Identifiant"),
    ("sit.f.event_date", "Date"),
    ("sit.f.time_precision", "Précision temporelle"),
    ("sit.f.disorder_type", "Type de désordre"),
    ("sit.f.event_type", "Type d’événement"),
    ("sit.f.sub_event_type", "Sous-type"),
    ("sit.f.actor1", "Acteur 1"),
    ("sit.f.assoc_actor_1", "Avec l’acteur 1"),
    ("sit.f.inter1", "Type de l’acteur 1"),
    ("sit.f.actor2", "Acteur 2"),
    ("sit.f.assoc_actor_2", "Avec l’acteur 2"),
    ("sit.f.inter2", "Type de l’acteur 2"),
    ("sit.f.interaction", "Interaction"),
    ("sit.f.civilian_targeting", "Civils ciblés"),
    ("sit.f.admin", "Département › commune › section"),
    ("sit.f.location", "Lieu"),
    ("sit.f.coordinates", "Latitude, longitude"),
    ("sit.f.geo_precision", "Précision géographique"),
    ("sit.f.source", "Sources ACLED"),
    ("sit.f.source_scale", "Échelle des sources"),
    ("sit.f.tags", "Étiquettes"),
    ("sit.f.fatalities", "Morts"),
    ("sit.f.notes", "Notes"),
    ("sit.time_precision.1", "le jour est connu"),
    ("sit.time_precision.2", "la semaine est connue"),
    ("sit.time_precision.3", "seul le mois est connu"),
    ("sit.geo_precision.1", "le lieu lui-même"),
    ("sit.geo_precision.2", "près du lieu"),
    ("sit.geo_precision.3", "la région"),
    ("sit.claims", "Bilans rapportés"),
    (
        "sit.claims.none",
        "Aucun bilan distinct enregistré : celui affiché est celui de la source.",
    ),
    ("sit.claims.kept", "retenu"),
    (
        "sit.claims.why",
        "Les {k} sources divergent. ACLED retient le chiffre le plus prudent, le plus bas des bilans lus comme nombres (« des dizaines » = 12, une fourchette garde sa borne basse) : {n}.",
    ),
    ("sit.status_history", "Historique de vérification"),
    ("sit.status_history.none", "Signalé ; pas encore évalué."),
    ("sit.versions", "Versions antérieures"),
    ("sit.versions.recorded", "Enregistrée"),
    ("sit.versions.superseded", "Remplacée"),
    ("sit.links", "Fiches liées"),
    ("sit.link.detention", "Détention"),
    ("sit.link.use_of_force", "Rapport d’emploi de la force"),
    ("sit.sources", "Sources"),
    ("sit.sources.none", "Aucune source visible pour vous."),
    ("sit.on_map", "sur la carte"),
];

/// Haitian Creole: the public pages (complaints, statistics) and what the layout shows, key for
/// key with [`EN`] where translated; [`Tr::lookup`] falls back to French for the rest.
const HT: &[(&str, &str)] = &[
    ("nav.skip", "Ale nan kontni an"),
    ("nav.label", "Meni prensipal"),
    ("nav.dashboard", "Tablo de bò"),
    ("nav.timeline", "Kwonoloji"),
    ("nav.log", "Jounal"),
    ("nav.sources", "Sous"),
    ("nav.users", "Itilizatè"),
    ("nav.login", "Konekte"),
    ("nav.logout", "Dekonekte"),
    ("nav.language", "Lang"),
    (
        "footer.text",
        "Konbit — sistèm enfòmasyon misyon an. Chak chif chita sou yon antre nan jounal la ak sous li yo.",
    ),
    ("error.back", "Retounen nan tablo de bò a"),
    ("error.bad_request", "Demann lan pa bon"),
    ("error.not_found", "Nou pa jwenn li"),
    ("error.forbidden", "Aksè entèdi"),
    ("error.forbidden.text", "Ou pa gen wòl paj sa a mande a."),
    ("error.too_many", "Twòp eseyaj"),
    ("error.refused", "Refize"),
    ("error.internal", "Erè entèn"),
    (
        "error.internal.text",
        "Sèvè a gen yon pwoblèm; erè a ekri nan jounal li.",
    ),
    ("error.expired", "Fòmilè a ekspire"),
    (
        "error.expired.text",
        "Fòmilè sa a ekspire oswa li pa soti sou sit sa a. Retounen, rechaje paj la epi eseye ankò; anyen pa t anrejistre.",
    ),
    ("error.cross_site", "Refize"),
    (
        "error.cross_site.text",
        "Se sèlman depi sit sa a yo ka voye fòmilè yo; anyen pa t anrejistre.",
    ),
    ("error.no_language", "Lang sa a pa disponib."),
    ("empty.title", "Pa gen misyon ki anrejistre"),
    (
        "empty.text",
        "Poko gen okenn misyon nan rejis la. Yon administratè ka kreye youn atravè API a oswa chaje yon senaryo.",
    ),
    ("table.total", "Total"),
    ("err.date", "dwe yon dat (AAAA-MM-JJ)"),
    ("role.viewer", "lektè"),
    ("role.editor", "editè"),
    ("role.admin", "administratè"),
    ("role.hr_officer", "ofisye resous imen"),
    ("role.conduct_officer", "ofisye konduit"),
    ("role.commander", "kòmandan kontenjan"),
    ("month.1", "janvye"),
    ("month.2", "fevriye"),
    ("month.3", "mas"),
    ("month.4", "avril"),
    ("month.5", "me"),
    ("month.6", "jen"),
    ("month.7", "jiyè"),
    ("month.8", "out"),
    ("month.9", "septanm"),
    ("month.10", "oktòb"),
    ("month.11", "novanm"),
    ("month.12", "desanm"),
    ("nav.statistics", "Estatistik"),
    ("nav.complaints", "Plent"),
    ("nav.registers", "Rejis"),
    ("nav.personnel", "Pèsonèl"),
    ("nav.documents", "Dokiman"),
    ("nav.use_of_force", "Itilizasyon fòs"),
    ("nav.detentions", "Detansyon"),
    ("nav.cases", "Dosye"),
    ("nav.audit", "Odit"),
    ("complaint.title", "Depoze yon plent"),
    (
        "complaint.intro",
        "Si yon moun k ap travay pou misyon an — polisye, sòlda oswa sivil — fè w mal, fè yon lòt moun mal, oswa konpòte l mal, ou ka di misyon an sa isit la. Plent ou an ap rive sèlman nan men ofisye konduit ak disiplin misyon an, pa janm nan men inite w ap plenyen sou li a.",
    ),
    (
        "complaint.privacy",
        "Sa w ekri a rete konfidansyèl: se sèlman ofisye k ap trete plent yo ki ka li l, epi chak fwa yo li l, sa anrejistre.",
    ),
    ("complaint.account", "Sa k te pase?"),
    (
        "complaint.account.hint",
        "Ak pwòp mo pa w: kiyès, kisa, kilè ak ki kote, dapre sa w konnen.",
    ),
    ("complaint.occurred_on", "Kilè sa te pase?"),
    ("complaint.occurred_on.hint", "Dat la, si w konnen l."),
    ("complaint.place", "Ki kote sa te pase?"),
    ("complaint.place.hint", "Yon katye, yon lari, yon vil…"),
    ("complaint.who", "Sou ou menm (si w vle)"),
    (
        "complaint.anonymous",
        "Kite non ak kontak ou vid si w vle plent ou an rete anonim: pèsonn pap konnen se ou ki depoze l. Konsa, misyon an pap ka kontakte w, men w ap toujou ka swiv plent ou an ak referans ak kòd sekrè yo pral ba ou a.",
    ),
    ("complaint.name", "Non ou"),
    ("complaint.contact", "Kijan pou yo jwenn ou"),
    (
        "complaint.contact.hint",
        "Yon nimewo telefòn, yon imèl oswa yon adrès.",
    ),
    ("complaint.required", "* obligatwa"),
    ("complaint.submit", "Voye plent lan"),
    ("complaint.errors", "Plent lan pa t pati:"),
    (
        "complaint.status_link",
        "Ou te deja depoze yon plent? Gade kote l rive",
    ),
    ("err.account_required", "Di nou sa k te pase."),
    ("err.too_long", "Twò long: pa plis pase {max} karaktè."),
    ("err.date_range", "dwe ant 1945 ak 2100"),
    ("receipt.title", "Nou resevwa plent ou an"),
    (
        "receipt.thanks",
        "Mèsi. Plent ou an anrejistre; ofisye konduit ak disiplin misyon an pral egzamine l.",
    ),
    ("receipt.reference", "Referans"),
    ("receipt.secret", "Kòd sekrè"),
    (
        "receipt.keep",
        "Kenbe de kòd sa yo: ekri yo oswa pran yo an foto. Se ak toulède ansanm w ap ka swiv estati plent ou an.",
    ),
    (
        "receipt.once",
        "Kòd sekrè a parèt yon sèl fwa sèlman. Misyon an pa kenbe l, li pap ka ba ou l ankò. Pèsonn nan misyon an pap janm mande w li.",
    ),
    ("receipt.check", "Gade estati plent ou an"),
    ("cstatus.title", "Estati plent ou"),
    (
        "cstatus.intro",
        "Antre referans ak kòd sekrè yo te ba ou lè w te depoze plent lan.",
    ),
    ("cstatus.submit", "Gade estati a"),
    ("cstatus.result", "Plent {reference}"),
    ("cstatus.received_on", "Resevwa le {date}"),
    ("cstatus.now", "Estati:"),
    (
        "cstatus.not_found",
        "Pa gen okenn plent ki gen referans sa a ak kòd sekrè sa a. Verifye toulède kòd yo epi eseye ankò.",
    ),
    (
        "cstatus.throttled",
        "Twòp eseyaj depi koneksyon sa a. Tann kèk minit epi eseye ankò.",
    ),
    (
        "complaint.limited",
        "Twòp plent soti nan koneksyon sa a. Tann kèk minit epi voye pa w la ankò: sa ou ekri a rete anba a.",
    ),
    ("cstatus.new", "Depoze yon nouvo plent"),
    (
        "cstatus.help.received",
        "Yo resevwa plent ou an, l ap tann pou yo evalye l.",
    ),
    (
        "cstatus.help.assessed",
        "Yo evalye plent ou an: li serye, epi misyon an ap okipe l.",
    ),
    (
        "cstatus.help.under_investigation",
        "Gen yon ankèt k ap fèt.",
    ),
    (
        "cstatus.help.substantiated",
        "Ankèt la jwenn prèv pou sa w te rapòte a.",
    ),
    (
        "cstatus.help.unsubstantiated",
        "Ankèt la pa t ka jwenn prèv pou sa w te rapòte a.",
    ),
    ("cstatus.help.closed", "Dosye a fèmen."),
    ("stats.title", "Estatistik piblik"),
    (
        "stats.intro",
        "Sa misyon an anrejistre sou itilizasyon fòs, detansyon, plent ak akizasyon move konduit, konte pa trimès. Se chif sèlman yo pibliye: pa gen non, pa gen kote, pa gen istwa.",
    ),
    (
        "stats.suppression",
        "Tout kantite ki pi piti pase 3 parèt kòm «<3» pou pèsonn pa ka rekonèt moun; lè se yon sèl kantite nan yon liy ki ta kache, yo kache yon dezyèm tou, pou moun pa ka jwenn li apati total la.",
    ),
    (
        "stats.un_rule",
        "Yo konte akizasyon yo jan Nasyonzini konte yo: youn pou chak kalite move konduit pou chak moun, kèlkeswa kantite fwa yo repete l.",
    ),
    ("stats.mission", "Misyon"),
    ("stats.quarter", "Trimès"),
    ("stats.quarter_label", "{year} T{q}"),
    ("stats.none", "Poko gen anyen ki anrejistre."),
    ("stats.json", "Menm chif yo an JSON"),
    (
        "stats.table.use_of_force_by_level",
        "Itilizasyon fòs, dapre nivo fòs ki pi wo a",
    ),
    (
        "stats.table.use_of_force_by_review",
        "Itilizasyon fòs, dapre rezilta egzamen an",
    ),
    (
        "stats.table.detentions_by_handover",
        "Detansyon, dapre si yo te remèt moun nan bay Polis Nasyonal d Ayiti nan 48 èdtan",
    ),
    (
        "stats.table.complaints_by_category",
        "Plent, dapre kategori",
    ),
    ("stats.table.complaints_by_status", "Plent, dapre estati"),
    (
        "stats.table.allegations_by_misconduct",
        "Akizasyon, dapre kalite move konduit",
    ),
    ("case_status.received", "resevwa"),
    ("case_status.assessed", "evalye"),
    ("case_status.under_investigation", "anba ankèt"),
    ("case_status.substantiated", "gen prèv"),
    ("case_status.unsubstantiated", "pa gen prèv"),
    ("case_status.closed", "fèmen"),
    ("level.presence", "prezans"),
    ("level.verbal", "lòd vèbal"),
    ("level.physical", "fòs fizik"),
    ("level.less_lethal", "zam ki mwens danjere"),
    ("level.firearm", "zam afe"),
    ("review.submitted", "soumèt"),
    ("review.under_review", "ap egzamine"),
    ("review.cleared", "konfòm ak règ yo"),
    ("review.referred", "voye bay disiplin"),
    ("clock.met", "remèt oswa lage a lè"),
    ("clock.breached", "remèt oswa lage an reta"),
    ("clock.due", "toujou nan men misyon an, delè a poko pase"),
    ("clock.overdue", "toujou nan men misyon an, delè a pase"),
    ("conduct.category_1", "kategori 1 (pi grav yo)"),
    ("conduct.category_2", "kategori 2"),
    ("conduct.not_assessed", "poko klase"),
    ("misconduct.sexual_exploitation", "eksplwatasyon seksyèl"),
    ("misconduct.sexual_abuse", "abi seksyèl"),
    ("misconduct.unlawful_killing", "touye moun ilegalman"),
    ("misconduct.ill_treatment", "tòti oswa move tretman"),
    ("misconduct.excessive_force", "twòp fòs"),
    ("misconduct.arbitrary_detention", "arestasyon abitrè"),
    ("misconduct.serious_assault", "atak grav"),
    ("misconduct.fraud", "fwod oswa vòl"),
    ("misconduct.abuse_of_authority", "abi otorite"),
    ("misconduct.harassment", "arasman"),
    ("misconduct.other", "lòt move konduit"),
    ("nav.situation", "Sitiyasyon"),
    ("sit.title", "Sitiyasyon"),
    ("sit.tab.map", "Kat"),
    ("sit.tab.timeline", "Kwonoloji pa semèn"),
    ("sit.tab.board", "Sit, wout ak gwoup"),
    ("sit.tab.incidents", "Ensidan"),
    ("sit.status.secured", "sekirize"),
    ("sit.status.contested", "nan batay"),
    ("sit.status.held_by_armed_groups", "nan men gang"),
    ("sit.status.closed", "fèmen"),
    ("sit.status.open", "louvri"),
    ("sit.status.dangerous", "danjere"),
    ("sit.status.blocked", "bloke"),
    ("sit.status.none", "pa gen estati"),
    ("sit.since", "depi"),
    ("sit.dead", "{n} mò"),
    ("sit.map.title", "Kat sitiyasyon an"),
    ("sit.shown", "{n} ensidan parèt sou {m} ki koresponn"),
    (
        "sit.capped",
        "Kat la montre 5 000 ki pi mòtèl yo; chwazi mwens pou wè lòt yo.",
    ),
    ("sit.to_list", "lis ensidan sa yo"),
    ("sit.tone.good", "sekirize / louvri"),
    ("sit.tone.warn", "nan batay / danjere"),
    ("sit.tone.bad", "nan men gang / bloke"),
    ("sit.tone.closed", "fèmen"),
    ("sit.tone.unknown", "pa gen estati"),
    ("sit.legend.types", "Ensidan pa kalite evènman ACLED"),
    ("sit.legend.places", "Sit (kare) ak wout"),
    (
        "sit.legend.size",
        "Gwosè yon sèk grandi ak kantite mò yo rapòte. Chak sèk mennen sou ensidan li.",
    ),
    ("sit.filters", "Filtè"),
    ("sit.f.q", "Chèche nan nòt yo"),
    ("sit.f.q.hint", "mo nan nòt, kote, aktè"),
    ("sit.f.from", "Depi"),
    ("sit.f.to", "Jiska"),
    ("sit.f.types", "Kalite evènman"),
    ("sit.f.actor", "Aktè"),
    ("sit.f.department", "Depatman"),
    ("sit.f.all_departments", "Tout depatman yo"),
    ("sit.f.on", "Sitiyasyon nan dat"),
    (
        "sit.f.on.hint",
        "Estati sit ak wout nan dat sa a; ensidan jiska li.",
    ),
    ("sit.f.apply", "Aplike"),
    ("sit.f.clear", "Efase"),
    ("sit.timeline.title", "Kwonoloji pa semèn"),
    ("sit.timeline.weekly", "Ensidan pa semèn dapre kalite"),
    (
        "sit.timeline.empty",
        "Pa gen ensidan ki koresponn ak filtè sa yo.",
    ),
    ("sit.timeline.total", "{n} ensidan"),
    (
        "sit.week.title",
        "Semèn {week} · {type}: {n} evènman, {dead} mò",
    ),
    ("sit.indicators", "Endikatè imanitè"),
    (
        "sit.indicators.intro",
        "Chif pa peryòd jan yo pibliye yo (OIM DTM, ONU); pase sou yon ba pou wè valè li ak sous li.",
    ),
    (
        "sit.indicators.none",
        "Pa gen endikatè pou zòn ak peryòd sa a.",
    ),
    ("sit.indicator.idps", "Moun deplase"),
    ("sit.indicator.killed", "Moun ki mouri"),
    ("sit.indicator.injured", "Moun ki blese"),
    ("sit.indicator.kidnapped", "Moun yo kidnape"),
    ("sit.qualifier.exact", "egzak"),
    ("sit.qualifier.at_least", "omwen"),
    ("sit.qualifier.about", "anviwon"),
    (
        "sit.obs.title",
        "{period}: {value} ({q}, {area}) · {sources} sous",
    ),
    ("sit.obs.last", "dènye {value} ({date})"),
    ("sit.site.airport", "ayewopò"),
    ("sit.site.port", "pò"),
    ("sit.site.fuel_terminal", "tèminal gaz"),
    ("sit.site.hospital", "lopital"),
    ("sit.site.prison", "prizon"),
    ("sit.site.government", "gouvènman"),
    ("sit.site.mission_base", "baz misyon an"),
    ("sit.site.police", "lapolis"),
    ("sit.designation.un_sanctions", "Sanksyon ONU"),
    (
        "sit.designation.us_fto",
        "Òganizasyon teworis etranje (Etazini)",
    ),
    ("sit.designation.us_sdgt", "Teworis mondyal (Etazini)"),
    ("sit.designation.national_sanctions", "sanksyon nasyonal"),
    ("sit.board.title", "Sit, wout ak gwoup ame"),
    ("sit.board.place", "Kote"),
    ("sit.board.status", "Estati"),
    ("sit.board.since", "Depi"),
    ("sit.board.held_by", "Nan men"),
    ("sit.board.note", "Nòt"),
    ("sit.board.sources", "Sous"),
    ("sit.board.history", "Estati anvan yo"),
    ("sit.board.sites", "Sit enpòtan"),
    ("sit.board.segments", "Moso wout"),
    ("sit.board.groups", "Gwoup ame ak kowalisyon"),
    ("sit.board.groups.none", "Pa gen gwoup ame nan dat sa a."),
    ("sit.board.group", "Gwoup"),
    ("sit.board.leaders", "Chèf"),
    ("sit.board.areas", "Zòn"),
    ("sit.board.designations", "Deziyasyon"),
    ("sit.board.coalition", "kowalisyon"),
    ("sit.board.member_of", "Manm"),
    ("sit.board.profile_of", "Pwofil"),
    ("sit.verification", "Verifikasyon"),
    ("sit.verification.reported", "rapòte"),
    ("sit.verification.corroborated", "konfime pa lòt sous"),
    ("sit.verification.confirmed", "konfime"),
    ("sit.verification.disputed", "konteste"),
    ("sit.verification.retracted", "retire"),
    ("sit.list.title", "Ensidan"),
    (
        "sit.list.summary",
        "Ensidan {a} rive {b} sou {m}, sa ki pi resan an anvan",
    ),
    ("sit.list.none", "Pa gen ensidan ki koresponn."),
    ("sit.search.summary", "{n} ensidan koresponn ak « {q} »"),
    (
        "sit.search.note",
        "Rechèch la gade nòt, kote ak aktè; dat ak kalite yo redui li (100 rezilta pou pi plis).",
    ),
    ("sit.export", "Ekspòte:"),
    ("sit.export.acled", "CSV ACLED"),
    ("sit.export.hxl", "CSV HXL"),
    ("sit.export.geojson", "GeoJSON"),
    ("sit.pages", "Paj"),
    ("sit.prev", "Pi resan"),
    ("sit.next", "Pi ansyen"),
    ("sit.coded", "Kodaj (ACLED)"),
    ("sit.f.event_id", "Idantifyan"),
    ("sit.f.event_date", "Dat"),
    ("sit.f.time_precision", "Presizyon dat"),
    ("sit.f.disorder_type", "Kalite dezòd"),
    ("sit.f.event_type", "Kalite evènman"),
    ("sit.f.sub_event_type", "Sou-kalite"),
    ("sit.f.actor1", "Aktè 1"),
    ("sit.f.assoc_actor_1", "Avèk aktè 1"),
    ("sit.f.inter1", "Kalite aktè 1"),
    ("sit.f.actor2", "Aktè 2"),
    ("sit.f.assoc_actor_2", "Avèk aktè 2"),
    ("sit.f.inter2", "Kalite aktè 2"),
    ("sit.f.interaction", "Entèraksyon"),
    ("sit.f.civilian_targeting", "Sivil vize"),
    ("sit.f.admin", "Depatman › komin › seksyon"),
    ("sit.f.location", "Kote"),
    ("sit.f.coordinates", "Latitid, lonjitid"),
    ("sit.f.geo_precision", "Presizyon jeografik"),
    ("sit.f.source", "Sous ACLED"),
    ("sit.f.source_scale", "Nivo sous"),
    ("sit.f.tags", "Etikèt"),
    ("sit.f.fatalities", "Mò"),
    ("sit.f.notes", "Nòt"),
    ("sit.time_precision.1", "jou a konnen"),
    ("sit.time_precision.2", "semèn nan konnen"),
    ("sit.time_precision.3", "se mwa a sèlman ki konnen"),
    ("sit.geo_precision.1", "kote a menm"),
    ("sit.geo_precision.2", "toupre kote a"),
    ("sit.geo_precision.3", "rejyon an"),
    ("sit.claims", "Kantite mò yo rapòte"),
    (
        "sit.claims.none",
        "Pa gen lòt chif: sa ki parèt la se pa sous la.",
    ),
    ("sit.claims.kept", "kenbe"),
    (
        "sit.claims.why",
        "{k} sous yo pa dakò. ACLED kenbe chif ki pi pridan an, pi piti a (« plizyè douzèn » = 12, yon entèval kenbe pi ba a): {n}.",
    ),
    ("sit.status_history", "Istwa verifikasyon"),
    ("sit.status_history.none", "Rapòte; poko evalye."),
    ("sit.versions", "Ansyen vèsyon"),
    ("sit.versions.recorded", "Anrejistre"),
    ("sit.versions.superseded", "Ranplase"),
    ("sit.links", "Fich ki lye"),
    ("sit.link.detention", "Detansyon"),
    ("sit.link.use_of_force", "Rapò sou itilizasyon fòs"),
    ("sit.sources", "Sous"),
    ("sit.sources.none", "Pa gen sous ou ka wè."),
    ("sit.on_map", "sou kat la"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use konbit_domain::Named;
    use konbit_domain::{
        Category, Classification, Reliability, Role, SourceKind,
        force::FundingChannel,
        force::InstrumentKind,
        force::InstrumentStatus,
        force::Movement,
        registers::{
            CaseStatus, Casualties, ConductCategory, CustodyHarm, DocumentKind, ForceLevel,
            FormLanguage, Investigator, Misconduct, ReviewStatus, Sex, VettingStatus,
        },
        registers::{ClockState, statistics},
    };
    use std::collections::HashSet;

    fn keys(t: &[(&'static str, &str)]) -> Vec<&'static str> {
        t.iter().map(|(k, _)| *k).collect()
    }

    #[test]
    fn tables_have_the_same_keys_in_the_same_order() {
        let (en, fr) = (keys(EN), keys(FR));
        let only_en: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        let only_fr: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        assert!(only_en.is_empty(), "missing in FR: {only_en:?}");
        assert!(only_fr.is_empty(), "missing in EN: {only_fr:?}");
        assert_eq!(en, fr, "the tables must be parallel");
    }

    #[test]
    fn no_duplicate_keys() {
        for (name, t) in [("EN", EN), ("FR", FR), ("HT", HT)] {
            let mut seen = HashSet::new();
            for k in keys(t) {
                assert!(seen.insert(k), "{name} has {k:?} twice");
            }
        }
    }

    #[test]
    fn no_empty_texts() {
        for (k, v) in EN.iter().chain(FR).chain(HT) {
            assert!(!v.trim().is_empty(), "{k} is empty");
        }
    }

    /// The keys `tr.t("…")` names in some files.
    fn keys_used_in(texts: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for text in texts {
            for part in text.split("tr.t(\"").skip(1) {
                out.push(part.split('"').next().unwrap_or("").to_string());
            }
        }
        out
    }

    /// The Creole table translates English keys only.
    #[test]
    fn creole_keys_are_english_keys() {
        let en = keys(EN);
        let unknown: Vec<_> = keys(HT).into_iter().filter(|k| !en.contains(k)).collect();
        assert!(unknown.is_empty(), "HT keys not in EN: {unknown:?}");
    }

    /// The public pages (complaint form, receipt, status, statistics) and the layout around them
    /// are fully in Creole: no key they use falls back to French.
    #[test]
    fn the_public_pages_are_all_in_creole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = [
            "templates/base.html",
            "templates/complaint.html",
            "templates/complaint_receipt.html",
            "templates/complaint_status.html",
            "templates/statistics.html",
            "templates/error.html",
            "templates/empty.html",
            "src/registers/pages/complaints.rs",
            "src/registers/pages/statistics.rs",
        ];
        let texts: Vec<String> = files
            .iter()
            .map(|f| std::fs::read_to_string(dir.join(f)).expect("public page file"))
            .collect();
        let mut wanted = keys_used_in(&texts);
        // Built keys: the statuses a complainant is told, the statistics' titles and columns,
        // the roles the layout shows, the months of a written date.
        for st in CaseStatus::ALL {
            wanted.push(format!("case_status.{st}"));
            wanted.push(format!("cstatus.help.{st}"));
        }
        for t in statistics(&[], &[], &[], &[]) {
            wanted.push(format!("stats.table.{}", t.key));
            let prefix = stat_column_prefix(&t.key);
            wanted.extend(t.columns.iter().map(|c| format!("{prefix}.{c}")));
        }
        wanted.extend(Role::ALL.iter().map(|r| format!("role.{r}")));
        wanted.extend(MONTH_KEYS.iter().map(|m| m.to_string()));
        // Error texts a complainant may meet.
        for k in [
            "error.expired",
            "error.expired.text",
            "error.not_found",
            "err.date",
        ] {
            wanted.push(k.to_string());
        }
        let ht = keys(HT);
        let missing: Vec<_> = wanted
            .iter()
            .filter(|k| !ht.contains(&k.as_str()))
            .collect();
        assert!(missing.is_empty(), "not in Creole: {missing:?}");
    }

    #[test]
    fn creole_falls_back_to_french() {
        let ht = Tr::ht();
        assert_eq!(Tr::from_code("ht"), Some(ht));
        assert_eq!(ht.code(), "ht");
        assert_eq!(ht.t("complaint.title"), "Depoze yon plent");
        assert_eq!(ht.t("nav.complaints"), "Plent");
        // Staff pages are not translated: French, not English, and never the key.
        assert_eq!(ht.t("uof.title"), Tr::fr().t("uof.title"));
        assert_eq!(ht.label("vetting", "cleared"), "favorable");
        assert_eq!(ht.t("no.such.key"), "no.such.key");
        assert_eq!(ht.num(2500), "2\u{202f}500");
    }

    /// Every `tr.t("…")` in the templates and page code names a key of the tables.
    #[test]
    fn every_key_used_exists() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        // Every Rust source of the crate: pages live in each capability's folder.
        let mut dirs = vec![dir.join("src")];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).expect("source dir") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("i18n.rs") {
                    texts.push(std::fs::read_to_string(&p).expect("source file"));
                }
            }
        }
        for e in std::fs::read_dir(dir.join("templates")).expect("templates dir") {
            let p = e.expect("entry").path();
            texts.push(std::fs::read_to_string(&p).expect("template"));
        }
        let tr = Tr::en();
        let mut missing = Vec::new();
        for text in &texts {
            for part in text.split("tr.t(\"").skip(1) {
                let key = part.split('"').next().unwrap_or("");
                if tr.lookup(key).is_none() {
                    missing.push(key.to_string());
                }
            }
        }
        assert!(missing.is_empty(), "keys without text: {missing:?}");
    }

    #[test]
    fn every_enumerated_value_has_a_label() {
        let mut wanted: Vec<String> = Vec::new();
        wanted.extend(
            InstrumentKind::ALL
                .iter()
                .map(|k| format!("instrument.{k}")),
        );
        wanted.extend(InstrumentStatus::ALL.iter().map(|k| format!("status.{k}")));
        wanted.extend(Movement::ALL.iter().map(|k| format!("movement.{k}")));
        wanted.extend(Classification::ALL.iter().map(|k| format!("class.{k}")));
        wanted.extend(Role::ALL.iter().map(|k| format!("role.{k}")));
        wanted.extend(FundingChannel::ALL.iter().map(|k| format!("channel.{k}")));
        wanted.extend(SourceKind::ALL.iter().map(|k| format!("source_kind.{k}")));
        wanted.extend(Reliability::ALL.iter().map(|k| format!("reliability.{k}")));
        wanted.extend((1..=6).map(|c| format!("credibility.{c}")));
        wanted.extend(Category::ALL.iter().map(|k| format!("cat.{k}")));
        wanted.extend(VettingStatus::ALL.iter().map(|k| format!("vetting.{k}")));
        wanted.extend(DocumentKind::ALL.iter().map(|k| format!("doc_kind.{k}")));
        wanted.extend(ForceLevel::ALL.iter().map(|k| format!("level.{k}")));
        wanted.extend(ReviewStatus::ALL.iter().map(|k| format!("review.{k}")));
        wanted.extend(Sex::ALL.iter().map(|k| format!("sex.{k}")));
        wanted.extend(CustodyHarm::ALL.iter().map(|k| format!("harm.{k}")));
        wanted.extend(ConductCategory::ALL.iter().map(|k| format!("conduct.{k}")));
        wanted.push("conduct.not_assessed".into());
        wanted.extend(Misconduct::ALL.iter().map(|k| format!("misconduct.{k}")));
        wanted.extend(
            Investigator::ALL
                .iter()
                .map(|k| format!("investigator.{k}")),
        );
        wanted.extend(CaseStatus::ALL.iter().map(|k| format!("case_status.{k}")));
        wanted.extend(CaseStatus::ALL.iter().map(|k| format!("cstatus.help.{k}")));
        wanted.extend(FormLanguage::ALL.iter().map(|k| format!("form_lang.{k}")));
        wanted.extend(
            ClockState::ALL
                .iter()
                .map(|k| format!("clock.{}", k.as_str())),
        );
        wanted.extend(
            Casualties::default()
                .cells()
                .iter()
                .map(|(k, _)| format!("casualty.{k}")),
        );
        for t in statistics(&[], &[], &[], &[]) {
            wanted.push(format!("stats.table.{}", t.key));
            let prefix = stat_column_prefix(&t.key);
            wanted.extend(t.columns.iter().map(|c| format!("{prefix}.{c}")));
        }
        for f in [
            "country",
            "on",
            "movement",
            "police",
            "military",
            "civilian",
            "equipment",
            "money_amount",
            "money_currency",
            "relieved_police",
            "relieved_military",
            "relieved_civilian",
            "unit",
            "note",
            "override_reason",
            "sources",
            "classification",
        ] {
            wanted.push(format!("field.{f}"));
        }
        for k in wanted {
            assert!(Tr::en().lookup(&k).is_some(), "no text for {k}");
            assert!(Tr::fr().lookup(&k).is_some(), "no French text for {k}");
        }
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(Tr::en().num(0), "0");
        assert_eq!(Tr::en().num(999), "999");
        assert_eq!(Tr::en().num(2500), "2,500");
        assert_eq!(Tr::en().num(-1234567), "-1,234,567");
        assert_eq!(Tr::fr().num(2500), "2\u{202f}500");
    }

    #[test]
    fn lookups_fall_back_to_the_key() {
        assert_eq!(Tr::fr().t("nav.log"), "Journal");
        assert_eq!(Tr::fr().t("no.such.key"), "no.such.key");
        assert_eq!(Tr::fr().label("movement", "rotation"), "relève");
        assert_eq!(Tr::fr().label("movement", "teleport"), "teleport");
    }

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "2")]),
            "{b} and 2"
        );
        assert_eq!(fill("{x} {", &[("a", "1")]), "{x} {");
        assert_eq!(fill("é{a}è", &[("a", "ü")]), "éüè");
    }

    #[test]
    fn long_dates() {
        let d = time::macros::date!(2024 - 10 - 02);
        assert_eq!(Tr::en().date_long(d), "2 October 2024");
        assert_eq!(Tr::fr().date_long(d), "2 octobre 2024");
        assert_eq!(Tr::ht().date_long(d), "2 oktòb 2024");
    }
}
