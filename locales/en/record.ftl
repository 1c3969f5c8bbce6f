### The record itself: the log, sources and their grading, users and logging in.

source-grade = Admiralty grade: source reliability (A–F) and information credibility (1–6)

disc-title = Sources disagree
disc-field = about
disc-accepted = accepted
disc-reason = Why:

sources-title = Sources
sources-intro = Every registered source you may see. The Admiralty grade rates the source’s reliability (A–F) and the information’s credibility (1–6); point at a grade for its meaning.
sources-count = { $n ->
    [one] 1 source
   *[other] { $n } sources
}
sources-none = No source registered.
sources-outlet = Outlet
sources-language = Language
sources-grade = Grade
sources-note = Note

source-grade-detail = Source reliability { $r }: { $reliability }. Information credibility { $c }: { $credibility }.

log-title = Record log
log-ok = Chain intact.
log-bad = Chain broken.
log-length = Entries:
log-head = head
log-first_bad = first bad entry:
log-explain = Every record is an entry in a hash chain. Entries above your clearance keep their place and hash but not their content.
log-seq = #
log-recorded_at = Recorded
log-actor = By
log-valid_at = Valid at
log-classification = Classification
log-hash = Hash
log-redacted = redacted
log-pages = Pages
log-prev = Earlier
log-next = Later

login-title = Log in
login-username = User name
login-password = Password
login-submit = Log in
login-failed = Unknown user name or wrong password.
login-throttled = Too many failed attempts. Wait a few minutes and try again.

users-title = Users
users-intro = Who may log in, and with which role. Every change is recorded in the log (never the password).
users-role = Role
users-account = Account
users-active = active
users-disabled = disabled
users-you = you
users-change_role = Change role
users-role_of = Role of { $name }
users-set = Change
users-disable = Disable
users-enable = Enable
users-revoke_all = End sessions and tokens
users-actions = Access
users-actions_of = Access of { $name }
users-tokens = Sessions and API tokens
users-tokens-intro = Every live browser session and API token. Changing a user's password or role, or disabling them, ends theirs; so does revoking one here. Each revocation is recorded in the log.
users-tokens-none = No live sessions or tokens.
users-token-kind-session = browser session
users-token-kind-api = API token
users-token-issued = Issued
users-token-expires = Expires
users-token-revoke = Revoke
users-new = New user
users-create = Create user
users-username-hint = Letters, digits, '.', '_' or '-' (up to 64)
users-password-hint = At least 10 characters
users-country = Contributor (commanders)
users-country-hint = A commander's country, ISO 3166-1 alpha-3 (KEN). Leave empty for other roles.

source_kind-resolution = resolution
source_kind-agreement = agreement
source_kind-press_release = press release
source_kind-news_article = news article
source_kind-internal_report = internal report
source_kind-other = other

reliability-A = completely reliable
reliability-B = usually reliable
reliability-C = fairly reliable
reliability-D = not usually reliable
reliability-E = unreliable
reliability-F = reliability cannot be judged

credibility-1 = confirmed by other sources
credibility-2 = probably true
credibility-3 = possibly true
credibility-4 = doubtful
credibility-5 = improbable
credibility-6 = truth cannot be judged
sources-search = Search
sources-reliability = Reliability
sources-any = Any
sources-sort = Order
sources-sort-date = by date
sources-sort-title = by title
sources-sort-grade = by grade
sources-shown = { $n } of { $total } sources

log-filter-kind = Kind of entry
log-filter-at = Go to entry number
log-filter-clear = The whole log
log-filtered-note = Only the entries of this kind that you may read are listed; the others keep their place in the whole log.
log-none = No entry here.
log-latest = Newest entries

## The mirror's page (`konbit mirror`)
mirror-title = Mirror of a record log
mirror-intro = This mirror follows another Konbit instance's record log, checks each checkpoint it signs against the last one held, and keeps every entry. It raises an alarm if the log ever shows a history that does not extend what it showed before.
mirror-ok = No split view seen: every checkpoint extends the one before.
mirror-alarm = Alarm: the log showed a history that does not extend what it showed before. The mirror has stopped following and cosigns nothing more.
mirror-held = Checkpoint held
mirror-shown = What the instance showed instead
mirror-source = Instance followed
mirror-origin = Log name
mirror-entries = Entries held
mirror-checkpoint = Latest checkpoint checked (entries)
mirror-never = Not yet
mirror-root = Root hash
mirror-checked = Last checked
mirror-error = Last failure to reach the instance (tried again)
mirror-witness = Witness key (C2SP tlog-cosignature)
mirror-no-witness = This mirror does not cosign.
