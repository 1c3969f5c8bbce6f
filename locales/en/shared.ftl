### The layout around every page, errors, forms and the words every capability shares.

nav-skip = Skip to content
nav-label = Main
nav-dashboard = Dashboard
nav-timeline = Timeline
nav-log = Record log
nav-sources = Sources
nav-users = Users
nav-login = Log in
nav-logout = Log out
nav-language = Language

footer-text = Konbit — mission information system. Every figure rests on a log entry and its sources.

error-back = Back to the dashboard
error-bad_request = Bad request
error-not_found = Not found
error-forbidden = Forbidden
error-forbidden-text = You do not have the role this page needs.
error-forbidden-editor = Recording needs the editor role. Ask an administrator if you should have it.
error-forbidden-admin = Managing users needs the admin role.
error-too_many = Too many attempts
error-refused = Refused
error-internal = Internal error
error-internal-text = The server failed; the error is in its log.
error-expired = Form expired
error-expired-text = This form has expired or was not sent from this site. Go back, reload the page and try again; nothing was recorded.
error-cross_site = Refused
error-cross_site-text = Forms can only be sent from this site; nothing was recorded.
error-no_language = That language is not available.

empty-title = No mission recorded
empty-text = The record holds no mission yet. An administrator can create one through the API or load a scenario.

clocks-on = On
clocks-as_of = As recorded by
clocks-as_of-hint = Record time: a date or an RFC 3339 timestamp; empty for now
clocks-apply = Show

action-new_pledge = Record a pledge
action-new_deployment = Record a movement

table-country = Country
table-pledged = Pledged
table-deployed = Deployed
table-total = Total
table-missing = Missing instruments
table-date = Date
table-change = Change
table-details = Details and sources
table-in = In
table-out = Out
table-kind = Kind
table-title = Title
table-status = Status

badge-corrected = corrected

form-errors = The record was not saved:
form-submit = Record
form-cancel = Cancel

field-country = Country (ISO alpha-3)
field-on = Date
field-movement = Movement
field-police = Police
field-military = Military
field-civilian = Civilian
field-equipment = Equipment
field-money_amount = Money pledged
field-money_currency = Currency
field-relieved_police = Relieved police
field-relieved_military = Relieved military
field-relieved_civilian = Relieved civilian
field-unit = Unit
field-note = Note
field-override_reason = Override reason
field-sources = Sources
field-classification = Classification

hint-country = Three-letter code, e.g. KEN for Kenya
hint-relieved = Rotations only: who leaves as the others arrive
hint-override_reason = Only when the contributor lacks an instrument the mission requires: why record it anyway
hint-sources = Hold Ctrl (⌘ on a Mac) to choose several
hint-money_amount = Whole currency units; leave empty if no money
hint-money_currency = ISO 4217 code, e.g. USD

err-whole_number = must be a whole number
err-date = must be a date (YYYY-MM-DD)
err-authorization_missing = The contributor lacks required instruments ({ $missing }). Give a reason to record the movement anyway.
err-role = must be one of the roles listed
err-user_exists = is already taken
err-unknown = The record was refused.

role-viewer = viewer
role-editor = editor
role-admin = admin
role-hr_officer = HR officer
role-conduct_officer = conduct officer
role-commander = contingent commander

class-public = public
class-mission = mission
class-restricted = restricted

change-recorded = recorded
change-revised = revised
change-withdrawn = withdrawn

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# A date written out: the day, the month's name from above and the year, in the order the language writes them.
date-long = { $day } { $month } { $year }

nav-statistics = Statistics
nav-complaints = Complaints
nav-registers = Registers
nav-personnel = Personnel
nav-documents = Documents
nav-use_of_force = Use of force
nav-detentions = Detentions
nav-cases = Cases
nav-audit = Audit

err-account_required = Tell us what happened.
err-too_long = Too long: at most { $max } characters.
err-date_range = must be between 1945 and 2100

error-forbidden-audit = The audit needs the admin role.

nav-situation = Situation
error-no_such_page = There is no page at this address. It may have moved, or the link may be mistyped.
error-no_such_record = There is no record with this id here. Check the id, or look for the record in its register.

## Dates are typed as ISO 8601 everywhere, as the pages show them.
date-placeholder = YYYY-MM-DD
datetime-placeholder = YYYY-MM-DD HH:MM

# The search, filters and pages of long lists.
filter-invalid = The filter “{ $param }” cannot be read: { $why }.
filter-why-too_long = the search is at most 200 characters
filter-why-control = it holds control characters
filter-why-unknown = it is not one of the values offered
filter-why-country = a contributor is a three-letter code such as KEN
filter-why-date = a date is written YYYY-MM-DD
filter-why-before_from = the end of the range comes before its start
filter-why-seq = a sequence number is a whole number from 1
filter-why-page = a page is a whole number from 1
filter-why-per = a page holds 25, 50, 100 or 200 records
filter-why-record = a record is its full id or the 8 characters shown on the pages
filter-why-user = a user name is at most 64 characters
filter-any = Any
filter-apply = Apply
filter-clear = Clear the filters
filter-search = Search
filter-sort = Order
filter-per = Per page
filter-per-n = { $n } per page
filter-showing = { $count } · { $from }–{ $to } shown
filter-page = page { $n } of { $of }
filter-prev = Previous page
filter-next = Next page
filter-from = From
filter-to = To
filter-status = Status
filter-sort-newest = newest first
filter-sort-oldest = oldest first
filter-sort-country = by contributor
filter-sort-unit = by unit
filter-sort-deployed = latest first day first
filter-sort-status = by status
filter-sort-kind = by kind
filter-error-unfiltered = This page without its filters
