### Force generation: missions, pledges, deployments, funding and the timeline.

mission-card = Misyon
mission-host = Peyi ki resevwa misyon an
mission-lead = Peyi ki dirije misyon an
mission-start = Kòmansman
mission-authorized_until = Otorize jiska
mission-ceiling = Kantite pèsonèl maksimòm
mission-required = Enstriman obligatwa
mission-required-none = Okenn
mission-mandates = Manda
mission-succeeded_by = { $mission } pran plas li le { $date } →
mission-succeeds = ← Li pran plas { $mission } (chanjman an fèt le { $date })

expiry-left = rete { $n } jou
expiry-ago = ekspire depi { $n } jou
expiry-none = pa gen okenn manda ki an vigè

mandate-resolution = Rezolisyon
mandate-res_prefix = S/RES/
mandate-adopted = Adopte
mandate-votes = Vòt
mandate-votes-hint = Pou – kont – abstansyon
mandate-end = Fini
mandate-ceiling = Maksimòm
mandate-summary = Sa li fè

chart-heading = Kantite pèsonèl atravè tan
chart-title = Maksimòm otorize, pèsonèl yo pwomèt ak pèsonèl ki deplwaye atravè tan
chart-desc = Le { $date }: { $deployed } deplwaye, { $pledged } pwomèt, maksimòm { $ceiling }.
chart-empty = Poko gen chif
chart-ceiling = Maksimòm otorize
chart-pledged = Pwomèt
chart-deployed = Deplwaye

contrib-heading = Peyi ki bay kontribisyon
contrib-on = nan dat
contrib-none = Poko gen okenn kontribitè ki anrejistre.
contrib-crumb = Kontribitè
contrib-summary = Rezime
contrib-missing-none = Anyen pa manke
contrib-pledges = Angajman
contrib-pledges-none = Pa gen okenn angajman ki anrejistre.
contrib-movements = Arive, depa ak ranplasman
contrib-movements-none = Pa gen okenn mouvman ki anrejistre.
contrib-authorizations = Chèn otorizasyon yo
contrib-authorizations-none = Pa gen okenn enstriman ki anrejistre.
contrib-money = Lajan
contrib-override = Anrejistre malgre yon enstriman ki manke

funding-heading = Finansman
funding-none = Pa gen okenn finansman ki anrejistre jiska dat sa a.
funding-donor = Donatè
funding-channel = Kanal
funding-currency = Deviz
funding-pledged = Pwomèt
funding-received = Resevwa
funding-frozen = Jele
funding-note = Kantite lajan yo an inite antye, jan yo anrejistre yo. Yo pa konvèti deviz yo, ni yo pa adisyone yo ansanm; lajan ki jele parèt apa.

cat-police = polisye
cat-military = militè
cat-civilian = sivil

timeline-title = Kwonoloji
timeline-until = Anrejistreman jiska
timeline-none = Pa gen anyen ki anrejistre jiska dat sa a.
timeline-line-mandate_adopted = Rezolisyon { $resolution } adopte ({ $votes }); otorizasyon jiska { $date }
timeline-line-succession = { $successor } pran plas { $mission }
timeline-line-succession_by = { $successor } pran plas { $mission } dapre rezolisyon { $resolution }
timeline-line-pledge_recorded = angajman anrejistre: { $personnel }
timeline-line-pledge_revised = angajman revize: { $personnel }
timeline-line-pledge_withdrawn = angajman retire
timeline-line-authorization = { $title } ({ $kind }, { $status })
timeline-line-arrival = arive: { $personnel }
timeline-line-departure = depa: { $personnel }
timeline-line-rotation = ranplasman: { $arriving } antre, { $leaving } soti
timeline-line-funding_pledge = pwomès { $amount } { $currency } ({ $channel })
timeline-line-funding_receipt = { $amount } { $currency } resevwa ({ $channel })
timeline-line-funding_freeze = { $amount } { $currency } jele ({ $channel })
timeline-no_personnel = pa gen chif pèsonèl

pledge_status-active = aktif
pledge_status-withdrawn = retire

movement-arrival = arive
movement-departure = depa
movement-rotation = ranplasman

instrument-national_approval = apwobasyon nasyonal
instrument-parliamentary_vote = vòt palman
instrument-court_ruling = desizyon tribinal
instrument-bilateral_agreement = akò bilateral
instrument-status_agreement = akò sou estati
instrument-other = lòt enstriman

status-pending = ap tann
status-granted = akòde
status-in_force = an vigè
status-refused = refize
status-blocked = bloke
status-suspended = sispann
status-expired = ekspire

kind-mandate = manda
kind-succession = siksesyon
kind-pledge = angajman
kind-authorization = otorizasyon
kind-deployment = mouvman
kind-funding = finansman

channel-trust_fund = fon espesyal
channel-bilateral = bilateral
channel-in_kind = an nati
dash-withheld-public = { $n } dosye misyon sa a pa piblik: chif ki sou paj sa a konte sèlman sa ki piblik yo. Anplwaye misyon an ki konekte wè yo tout.
dash-withheld-staff = { $n } dosye misyon sa a rezève pou lòt wòl pase pa w: chif ki sou paj sa a konte sèlman sa ou gen dwa wè.
