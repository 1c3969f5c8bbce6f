//! The pages' words in English and French: two parallel tables of `(key, text)` and [`Tr`],
//! which looks a key up in the reader's language, and formats numbers and dates the way each
//! language writes them. Country names come from `konbit_domain::country`, not from here.
//!
//! The tables are plain constants rather than files so a missing translation is a failing unit
//! test, not a blank on a page.

use time::Date;

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
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

    /// The translator for a language code (`en`, `fr`), if we have that language.
    pub fn from_code(code: &str) -> Option<Tr> {
        match code {
            "en" => Some(Tr::en()),
            "fr" => Some(Tr::fr()),
            _ => None,
        }
    }

    /// The language code, as used in `<html lang>` and the language cookie.
    pub fn code(&self) -> &'static str {
        match self.lang {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    fn table(&self) -> &'static [(&'static str, &'static str)] {
        match self.lang {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }

    /// The text for `key`, if the table has it.
    pub fn lookup(&self, key: &str) -> Option<&'static str> {
        self.table()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
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
    /// no-break space) in French.
    pub fn num(&self, n: i64) -> String {
        let sep = match self.lang {
            Lang::En => ",",
            Lang::Fr => "\u{202f}",
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

    /// A date written out: `2 October 2024`, `2 octobre 2024`.
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
    ("err.role", "must be viewer, editor or admin"),
    ("err.user_exists", "is already taken"),
    ("err.unknown", "The record was refused."),
    // Enumerations
    ("role.viewer", "viewer"),
    ("role.editor", "editor"),
    ("role.admin", "admin"),
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
    ("err.role", "doit être lecteur, éditeur ou administrateur"),
    ("err.user_exists", "est déjà pris"),
    ("err.unknown", "L’enregistrement a été refusé."),
    // Énumérations
    ("role.viewer", "lecteur"),
    ("role.editor", "éditeur"),
    ("role.admin", "administrateur"),
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
];

#[cfg(test)]
mod tests {
    use super::*;
    use konbit_domain::{
        Classification, FundingChannel, InstrumentKind, InstrumentStatus, Movement, Reliability,
        Role, SourceKind,
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
        for (name, t) in [("EN", EN), ("FR", FR)] {
            let mut seen = HashSet::new();
            for k in keys(t) {
                assert!(seen.insert(k), "{name} has {k:?} twice");
            }
        }
    }

    #[test]
    fn no_empty_texts() {
        for (k, v) in EN.iter().chain(FR) {
            assert!(!v.trim().is_empty(), "{k} is empty");
        }
    }

    /// Every `tr.t("…")` in the templates and page code names a key of the tables.
    #[test]
    fn every_key_used_exists() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![std::fs::read_to_string(dir.join("src/chart.rs")).expect("chart.rs")];
        for e in std::fs::read_dir(dir.join("src/pages")).expect("pages dir") {
            let p = e.expect("entry").path();
            texts.push(std::fs::read_to_string(&p).expect("page module"));
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
    }
}
