### The accountability registers: personnel, use of force, detentions, complaints, cases and the public statistics.

complaint-title = Make a complaint
complaint-intro = If someone working for the mission — police officer, soldier or civilian — has harmed you or someone else, or behaved badly, you can tell the mission here. Your complaint goes only to the mission’s conduct and discipline officers, never to the unit you complain about.
complaint-privacy = What you write stays confidential: only the officers who handle complaints can read it, and every time they do, it is recorded.
complaint-account = What happened?
complaint-account-hint = In your own words: who, what, when and where, as far as you know.
complaint-occurred_on = When did it happen?
complaint-occurred_on-hint = The date, if you know it.
complaint-place = Where did it happen?
complaint-place-hint = A neighbourhood, a street, a town…
complaint-who = About you (optional)
complaint-anonymous = Leave your name and contact empty to complain anonymously: nobody will know the complaint came from you. The mission will then have no way to reach you, but you can still follow your complaint with the reference and the secret code you will be given.
complaint-name = Your name
complaint-contact = How to reach you
complaint-contact-hint = A phone number, an e-mail or an address.
complaint-required = * required
complaint-submit = Send the complaint
complaint-errors = The complaint was not sent:
complaint-status_link = Already made a complaint? Check its status

receipt-title = Your complaint was received
receipt-thanks = Thank you. Your complaint is recorded and will be assessed by the mission’s conduct and discipline officers.
receipt-reference = Reference
receipt-secret = Secret code
receipt-keep = Keep both codes: write them down or take a photo of them. Together they let you check the status of your complaint.
receipt-once = The secret code is shown only this once. The mission does not keep it and cannot give it to you again. Nobody from the mission will ever ask you for it.
receipt-check = Check the status of your complaint

cstatus-title = Status of your complaint
cstatus-intro = Enter the reference and the secret code you were given when you made the complaint.
cstatus-submit = Check the status
cstatus-result = Complaint { $reference }
cstatus-received_on = Received on { $date }
cstatus-now = Status:
cstatus-not_found = There is no complaint with that reference and secret code. Check both codes and try again.
cstatus-throttled = Too many attempts from this connection. Wait a few minutes and try again.

complaint-limited = Too many complaints have been sent from this connection. Wait a few minutes and send yours again: what you wrote is kept below.

cstatus-new = Make a new complaint
cstatus-help-received = Your complaint has been received and is waiting to be assessed.
cstatus-help-assessed = Your complaint has been assessed: it is credible and the mission is dealing with it.
cstatus-help-under_investigation = An investigation is under way.
cstatus-help-substantiated = The investigation established what you reported.
cstatus-help-unsubstantiated = The investigation could not establish what you reported.
cstatus-help-closed = The case is closed.

stats-title = Public statistics
stats-intro = What the mission records about the use of force, detentions, complaints and allegations of misconduct, counted by quarter. Only counts are published: no names, no places, no stories.
stats-suppression = Any count below 3 is shown as “<3” so that nobody can be recognised; when only one count of a row would be hidden, a second one is hidden too, so that it cannot be worked out from the total.
stats-un_rule = Allegations are counted as the United Nations counts them: one per type of misconduct per person, however many times it is alleged.
stats-mission_to_date = Mission to date
stats-totals_rule = The mission-to-date line adds up every quarter from the full counts, so a measure hidden in each quarter can still show its total; a total is hidden only when it is itself below 3. Where an exact total would let someone work out a hidden quarter by subtraction (one hidden quarter beside the others shown), it is given as “≥ N”, the sum of the quarters shown, and “—” where there is no such sum.
stats-at_least = ≥ { $n }
stats-at_least_title = at least { $n }: the exact total would reveal a hidden quarter
stats-withheld_title = withheld: the exact total would reveal a hidden figure
stats-mission = Mission
stats-quarter = Quarter
stats-quarter_label = { $year } Q{ $q }
stats-none = Nothing recorded yet.
stats-json = The same figures as JSON
stats-table-use_of_force_by_level = Use of force, by highest level of force
stats-table-use_of_force_by_review = Use of force, by outcome of the review
stats-table-detentions_by_handover = Detentions, by handover to the Haitian National Police within 48 hours
stats-table-complaints_by_category = Complaints, by category
stats-table-complaints_by_status = Complaints, by status
stats-table-allegations_by_misconduct = Allegations, by type of misconduct

case_status-received = received
case_status-assessed = assessed
case_status-under_investigation = under investigation
case_status-substantiated = substantiated
case_status-unsubstantiated = unsubstantiated
case_status-closed = closed

level-presence = presence
level-verbal = verbal commands
level-physical = physical force
level-less_lethal = less-lethal weapons
level-firearm = firearms

review-submitted = submitted
review-under_review = under review
review-cleared = within the rules
review-referred = referred to discipline

clock-met = handed over or released in time
clock-breached = handed over or released late
clock-due = in custody, within the deadline
clock-overdue = in custody past the deadline

conduct-category_1 = category 1 (most serious)
conduct-category_2 = category 2
conduct-not_assessed = not yet categorised

misconduct-sexual_exploitation = sexual exploitation
misconduct-sexual_abuse = sexual abuse
misconduct-unlawful_killing = unlawful killing
misconduct-ill_treatment = torture or ill-treatment
misconduct-excessive_force = excessive use of force
misconduct-arbitrary_detention = arbitrary detention
misconduct-serious_assault = serious assault
misconduct-fraud = fraud or theft
misconduct-abuse_of_authority = abuse of authority
misconduct-harassment = harassment
misconduct-other = other misconduct

vetting-pending = pending
vetting-cleared = cleared
vetting-not_cleared = not cleared

doc_kind-concept_of_operations = concept of operations
doc_kind-conduct_policy = conduct and discipline policy
doc_kind-status_agreement = status agreement
doc_kind-detention_directive = detention directive
doc_kind-search_directive = search directive
doc_kind-use_of_force_directive = use-of-force directive

sex-female = female
sex-male = male
sex-other = other
sex-unknown = unknown

harm-injury = injury in custody
harm-death = death in custody

investigator-mission = mission investigators
investigator-contributor = contributor’s national investigators
investigator-un_oversight = UN oversight (OIOS)
investigator-host_state = host-state authorities

form_lang-en = English
form_lang-fr = French
form_lang-ht = Haitian Creole

casualty-civilian = civilians
casualty-suspected_gang_member = suspected gang members
casualty-mission = mission personnel
casualty-host_state_police = Haitian National Police
casualty-unknown = unknown

reg-id = Id
reg-mission = Mission
reg-contributor = Contributor
reg-unit = Unit
reg-category = Category
reg-place = Place
reg-yes = yes
reg-no = no
reg-none = Nothing recorded.
reg-all_missions = All missions
reg-older = Older records →

cases-withheld = Who is accused and of what is for the conduct officer only.
cases-withheld-title = Withheld: for the conduct officer

reg-latest = ← Latest records
reg-recorded = Recorded { $at }
reg-restricted_note = Restricted fields (identities, narratives, what complainants wrote) appear only to the roles that need to know them; every page that shows them is recorded in the audit.
reg-restricted_shown = This page shows restricted fields; your view has been recorded.
reg-back = Back to the list
reg-percent = { $p }%

personnel-title = Personnel and vetting
personnel-intro = Everyone deployed with the mission, under a pseudonymous id. Identities are shown to HR officers, and to commanders for their own contingent only.
personnel-compliance = Vetting and acknowledgements
personnel-compliance-intro = Share of the personnel deployed on { $date } who are vetted (cleared) and who have acknowledged every document binding them in its current version, by contributor.
personnel-compliance-none = No one deployed on this date.
personnel-deployed_count = Deployed
personnel-vetted = Vetted
personnel-acknowledged = Acknowledgements current
personnel-compliant = Both
personnel-register = Personnel register →
personnel-people = People
personnel-none = No one in the register.
personnel-vetting = Vetting
personnel-deployed = Deployed
personnel-from_until = { $from } to { $until }
personnel-from = from { $from }
personnel-no_vetting = no result
personnel-service_number = Service number
personnel-rank = Rank
personnel-name = Name
personnel-person = Person { $id }
personnel-vetting_history = Vetting history
personnel-by = Screened by
personnel-findings = Findings
personnel-acknowledgements = Acknowledgements
personnel-document = Document
personnel-signed = Signed
personnel-assignments = Assignments
personnel-operation = Operation
personnel-eligibility = Eligibility for an assignment on { $date }
personnel-eligible = Eligible: deployed, vetted and bound by the use-of-force and detention directives in force.
personnel-not_eligible = Not eligible:
personnel-acks_current = Every document binding this person is acknowledged in its current version.
personnel-acks_missing = A document binding this person is not acknowledged in its current version.

documents-title = Mission documents
documents-intro = Every version of the documents personnel must acknowledge. The version in force on a date is the latest effective by then.
documents-version = Version
documents-effective = In force from
documents-binds = Binds
documents-in_force = in force
documents-none = No document issued.

uof-title = Use of force
uof-intro = A report is due within 24 hours of the event, and its review within 7 days of the report. Late reports are recorded and flagged.
uof-overdue = Reviews overdue
uof-overdue-none = No review is overdue.
uof-all = All reports
uof-none = No report.
uof-report = Use-of-force report
uof-occurred = When
uof-level = Level
uof-rounds = Rounds fired
uof-injured = Injured
uof-killed = Killed
uof-submitted = Reported
uof-late = late
uof-late-title = Reported more than 24 hours after the event
uof-review = Review
uof-review_due = Review due
uof-overdue_tag = overdue
uof-casualties = Casualties
uof-reviews = Review steps
uof-reviews-none = Not yet taken up.
uof-by = By
uof-reason = Reasons
uof-persons = Personnel involved
uof-narrative = Narrative
uof-detention = Detention
uof-incident = Incident

detention-title = Detentions
detention-intro = A detainee must be handed over to the Haitian National Police, or released, within 48 hours of arrest.
detention-none = No detention.
detention-one = Detention
detention-arrested = Arrested
detention-clock = Handover
detention-deadline = Deadline
detention-ended = Handed over or released
detention-minor = MINOR
detention-minor-title = The detainee is, or is thought to be, under 18
detention-medical = Medical check
detention-family = Family notified
detention-handover = Handed over
detention-station = Station
detention-officer = Receiving officer
detention-release = Released
detention-reason = Reason
detention-grounds = Grounds for arrest
detention-detainee = Detainee
detention-sex = Sex
detention-age = Age
detention-harm = Harm in custody
detention-not_yet = not yet
detention-use_of_force = Use-of-force report

cases-title = Complaints and cases
cases-intro = Misconduct cases and the complaints received from the public. What complainants wrote is shown to conduct officers only, never to the chain of command.
cases-cases = Cases
cases-none = No case.
cases-complaints = Complaints received
cases-complaints-none = No complaint.
cases-case = Case opened on { $date }
cases-opened = Opened
cases-category = Category
cases-allegations = Allegations
cases-counted = UN count
cases-counted-title = One per type of misconduct per person
cases-misconduct = Misconduct
cases-investigator = Investigated by
cases-victim_assistance = Victim referred for assistance
cases-reference = Reference
cases-received = Received
cases-language = Language
cases-anonymous = anonymous
cases-case_link = Case
cases-account = What the complainant wrote
cases-occurred_on = Occurred on
cases-complainant = Complainant
cases-contact = Contact
cases-history = History
cases-history-none = No step since opening.
cases-outcome = Outcome
cases-actions = Actions taken
cases-summary = Summary
cases-interim = Interim measures
cases-person = Person
cases-unidentified = unidentified
cases-complaint = Complaint
cases-by = By
cases-details = Outcome and actions

audit-title = Audit of restricted reads
audit-intro = Every time a page or the API showed restricted fields (identities, narratives, what complainants wrote), the log recorded who, when, which records and through which request.
audit-none = No restricted read recorded.
audit-register = Register
audit-records = Records
audit-via = Request

personnel-search-hint = Search by unit, contributor (code or name) or the 8-character id.
personnel-search-hint-identity = Search by unit, contributor (code or name), the 8-character id, and — for the people whose identity you may see — service number, name or rank.
personnel-match = { $n ->
    [one] { $n } person matches
   *[other] { $n } people match
}
personnel-none-match = No one matches these filters.
personnel-deployment-deployed = deployed
personnel-deployment-relieved = relieved
audit-user = User
audit-record = Record
audit-record-hint = A record is found by its full id or by the 8 characters shown on the pages.
audit-newest_first = Newest reads first.
audit-none-match = No restricted read matches these filters.
audit-latest = Newest reads
audit-newer = Newer
audit-older = Older
filter-sort-urgency = most urgent first
uof-match = { $n ->
    [one] { $n } report matches
   *[other] { $n } reports match
}
uof-none-match = No report matches these filters.
uof-search-hint = Search by unit, place, contributor, level or the 8-character id; the narrative too where you may read it.
detention-match = { $n ->
    [one] { $n } detention matches
   *[other] { $n } detentions match
}
detention-none-match = No detention matches these filters.
detention-search-hint = Search by unit, place, contributor or the 8-character id; grounds and the detainee’s name too where you may read them.
cases-match = { $n ->
    [one] { $n } case matches
   *[other] { $n } cases match
}
cases-none-match = No case matches these filters.
cases-search-hint = Search by category, investigator or the 8-character id; where you may read the allegations, by contributor, misconduct and summary too (the contributor filter needs them).
documents-count = { $n ->
    [one] { $n } document version
   *[other] { $n } document versions
}
documents-shown = { $n } of { $total } document versions
documents-none-match = No document matches these filters.
