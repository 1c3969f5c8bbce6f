### The layout around every page, errors, forms and the words every capability shares.

nav-skip = Ale nan kontni an
nav-label = Meni prensipal
nav-dashboard = Tablo de bò
nav-timeline = Kwonoloji
nav-log = Jounal
nav-sources = Sous
nav-users = Itilizatè
nav-login = Konekte
nav-logout = Dekonekte
nav-language = Lang

footer-text = Konbit — sistèm enfòmasyon misyon an. Chak chif chita sou yon antre nan jounal la ak sous li yo.

error-back = Retounen nan tablo de bò a
error-bad_request = Demann lan pa bon
error-not_found = Nou pa jwenn li
error-forbidden = Aksè entèdi
error-forbidden-text = Ou pa gen wòl paj sa a mande a.
error-too_many = Twòp eseyaj
error-refused = Refize
error-internal = Erè entèn
error-internal-text = Sèvè a gen yon pwoblèm; erè a ekri nan jounal li.
error-expired = Fòmilè a ekspire
error-expired-text = Fòmilè sa a ekspire oswa li pa soti sou sit sa a. Retounen, rechaje paj la epi eseye ankò; anyen pa t anrejistre.
error-cross_site = Refize
error-cross_site-text = Se sèlman depi sit sa a yo ka voye fòmilè yo; anyen pa t anrejistre.
error-no_language = Lang sa a pa disponib.

empty-title = Pa gen misyon ki anrejistre
empty-text = Poko gen okenn misyon nan rejis la. Yon administratè ka kreye youn atravè API a oswa chaje yon senaryo.

clocks-on = Nan dat
clocks-as_of = Jan rejis la te ye le
clocks-as_of-hint = Lè yo te anrejistre: yon dat oswa yon orè RFC 3339; kite l vid pou kounye a
clocks-apply = Montre

action-new_pledge = Anrejistre yon angajman
action-new_deployment = Anrejistre yon mouvman

table-country = Peyi
table-pledged = Pwomèt
table-deployed = Deplwaye
table-total = Total
table-missing = Enstriman ki manke
table-date = Dat
table-change = Chanjman
table-details = Detay ak sous
table-in = Antre
table-out = Soti
table-kind = Kalite
table-title = Tit
table-status = Estati

badge-corrected = korije

field-movement = Mouvman
field-equipment = Ekipman

err-date = dwe yon dat (AAAA-MM-JJ)

role-viewer = lektè
role-editor = editè
role-admin = administratè
role-hr_officer = ofisye resous imen
role-conduct_officer = ofisye konduit
role-commander = kòmandan kontenjan

class-public = piblik
class-mission = misyon
class-restricted = rezève

change-recorded = anrejistre
change-revised = revize
change-withdrawn = retire

month-1 = janvye
month-2 = fevriye
month-3 = mas
month-4 = avril
month-5 = me
month-6 = jen
month-7 = jiyè
month-8 = out
month-9 = septanm
month-10 = oktòb
month-11 = novanm
month-12 = desanm
# A date written out: the day, the month's name from above and the year, in the order the language writes them.
date-long = { $day } { $month } { $year }

nav-statistics = Estatistik
nav-complaints = Plent
nav-registers = Rejis
nav-personnel = Pèsonèl
nav-documents = Dokiman
nav-use_of_force = Itilizasyon fòs
nav-detentions = Detansyon
nav-cases = Dosye
nav-audit = Odit

err-account_required = Di nou sa k te pase.
err-too_long = Twò long: pa plis pase { $max } karaktè.
err-date_range = dwe ant 1945 ak 2100

nav-situation = Sitiyasyon
error-no_such_page = Pa gen paj nan adrès sa a. Li ka chanje plas, oswa lyen an ka mal ekri.

## Dates are typed as ISO 8601 everywhere, as the pages show them.
date-placeholder = AAAA-MM-JJ
datetime-placeholder = AAAA-MM-JJ HH:MM

# The search and filters the public log page uses.
filter-invalid = Nou pa ka li filt « { $param } » la: { $why }.
filter-why-too_long = rechèch la gen 200 karaktè pou pi plis
filter-why-control = li gen karaktè kontwòl ladan l
filter-why-unknown = se pa youn nan valè yo ofri yo
filter-why-country = yon kontribitè se yon kòd twa lèt tankou KEN
filter-why-date = yon dat ekri AAAA-MM-JJ
filter-why-before_from = fen peryòd la vini anvan kòmansman li
filter-why-seq = yon nimewo lòd se yon nonb antye apati 1
filter-why-page = yon paj se yon nonb antye apati 1
filter-why-per = yon paj gen 25, 50, 100 oswa 200 fich
filter-why-record = yon fich se idantifyan konplè li oswa 8 karaktè paj yo montre
filter-why-user = yon non itilizatè gen 64 karaktè pou pi plis
filter-any = Tout
filter-apply = Aplike
filter-clear = Retire filt yo
filter-error-unfiltered = Paj sa a san filt li yo
