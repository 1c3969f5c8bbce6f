### The accountability registers: personnel, use of force, detentions, complaints, cases and the public statistics.

complaint-title = Depoze yon plent
complaint-intro = Si yon moun k ap travay pou misyon an — polisye, sòlda oswa sivil — fè w mal, fè yon lòt moun mal, oswa konpòte l mal, ou ka di misyon an sa isit la. Plent ou an ap rive sèlman nan men ofisye konduit ak disiplin misyon an, pa janm nan men inite w ap plenyen sou li a.
complaint-privacy = Sa w ekri a rete konfidansyèl: se sèlman ofisye k ap trete plent yo ki ka li l, epi chak fwa yo li l, sa anrejistre.
complaint-account = Sa k te pase?
complaint-account-hint = Ak pwòp mo pa w: kiyès, kisa, kilè ak ki kote, dapre sa w konnen.
complaint-occurred_on = Kilè sa te pase?
complaint-occurred_on-hint = Dat la, si w konnen l.
complaint-place = Ki kote sa te pase?
complaint-place-hint = Yon katye, yon lari, yon vil…
complaint-who = Sou ou menm (si w vle)
complaint-anonymous = Kite non ak kontak ou vid si w vle plent ou an rete anonim: pèsonn pap konnen se ou ki depoze l. Konsa, misyon an pap ka kontakte w, men w ap toujou ka swiv plent ou an ak referans ak kòd sekrè yo pral ba ou a.
complaint-name = Non ou
complaint-contact = Kijan pou yo jwenn ou
complaint-contact-hint = Yon nimewo telefòn, yon imèl oswa yon adrès.
complaint-required = * obligatwa
complaint-submit = Voye plent lan
complaint-errors = Plent lan pa t pati:
complaint-status_link = Ou te deja depoze yon plent? Gade kote l rive

receipt-title = Nou resevwa plent ou an
receipt-thanks = Mèsi. Plent ou an anrejistre; ofisye konduit ak disiplin misyon an pral egzamine l.
receipt-reference = Referans
receipt-secret = Kòd sekrè
receipt-keep = Kenbe de kòd sa yo: ekri yo oswa pran yo an foto. Se ak toulède ansanm w ap ka swiv estati plent ou an.
receipt-once = Kòd sekrè a parèt yon sèl fwa sèlman. Misyon an pa kenbe l, li pap ka ba ou l ankò. Pèsonn nan misyon an pap janm mande w li.
receipt-check = Gade estati plent ou an

cstatus-title = Estati plent ou
cstatus-intro = Antre referans ak kòd sekrè yo te ba ou lè w te depoze plent lan.
cstatus-submit = Gade estati a
cstatus-result = Plent { $reference }
cstatus-received_on = Resevwa le { $date }
cstatus-now = Estati:
cstatus-not_found = Pa gen okenn plent ki gen referans sa a ak kòd sekrè sa a. Verifye toulède kòd yo epi eseye ankò.
cstatus-throttled = Twòp eseyaj depi koneksyon sa a. Tann kèk minit epi eseye ankò.

complaint-limited = Twòp plent soti nan koneksyon sa a. Tann kèk minit epi voye pa w la ankò: sa ou ekri a rete anba a.

cstatus-new = Depoze yon nouvo plent
cstatus-help-received = Yo resevwa plent ou an, l ap tann pou yo evalye l.
cstatus-help-assessed = Yo evalye plent ou an: li serye, epi misyon an ap okipe l.
cstatus-help-under_investigation = Gen yon ankèt k ap fèt.
cstatus-help-substantiated = Ankèt la jwenn prèv pou sa w te rapòte a.
cstatus-help-unsubstantiated = Ankèt la pa t ka jwenn prèv pou sa w te rapòte a.
cstatus-help-closed = Dosye a fèmen.

stats-title = Estatistik piblik
stats-intro = Sa misyon an anrejistre sou itilizasyon fòs, detansyon, plent ak akizasyon move konduit, konte pa trimès. Se chif sèlman yo pibliye: pa gen non, pa gen kote, pa gen istwa.
stats-suppression = Tout kantite ki pi piti pase 3 parèt kòm «<3» pou pèsonn pa ka rekonèt moun; lè se yon sèl kantite nan yon liy ki ta kache, yo kache yon dezyèm tou, pou moun pa ka jwenn li apati total la.
stats-un_rule = Yo konte akizasyon yo jan Nasyonzini konte yo: youn pou chak kalite move konduit pou chak moun, kèlkeswa kantite fwa yo repete l.
stats-mission_to_date = Depi kòmansman misyon an
stats-totals_rule = Liy «depi kòmansman misyon an» adisyone tout trimès yo apati kantite konplè yo, kidonk yon mezi ki kache nan chak trimès ka toujou montre total li; yo kache yon total sèlman si li menm li pi piti pase 3. Lè yon total egzak ta pèmèt moun jwenn yon trimès ki kache pa soustraksyon (yon sèl trimès kache, lòt yo parèt), yo bay li kòm «≥ N», sòm trimès ki parèt yo, epi «—» lè pa gen sòm konsa.
stats-at_least = ≥ { $n }
stats-at_least_title = omwen { $n }: total egzak la ta devwale yon trimès ki kache
stats-withheld_title = kache: total egzak la ta devwale yon chif ki kache
stats-mission = Misyon
stats-quarter = Trimès
stats-quarter_label = { $year } T{ $q }
stats-none = Poko gen anyen ki anrejistre.
stats-json = Menm chif yo an JSON
stats-table-use_of_force_by_level = Itilizasyon fòs, dapre nivo fòs ki pi wo a
stats-table-use_of_force_by_review = Itilizasyon fòs, dapre rezilta egzamen an
stats-table-detentions_by_handover = Detansyon, dapre si yo te remèt moun nan bay Polis Nasyonal d Ayiti nan 48 èdtan
stats-table-complaints_by_category = Plent, dapre kategori
stats-table-complaints_by_status = Plent, dapre estati
stats-table-allegations_by_misconduct = Akizasyon, dapre kalite move konduit

case_status-received = resevwa
case_status-assessed = evalye
case_status-under_investigation = anba ankèt
case_status-substantiated = gen prèv
case_status-unsubstantiated = pa gen prèv
case_status-closed = fèmen

level-presence = prezans
level-verbal = lòd vèbal
level-physical = fòs fizik
level-less_lethal = zam ki mwens danjere
level-firearm = zam afe

review-submitted = soumèt
review-under_review = ap egzamine
review-cleared = konfòm ak règ yo
review-referred = voye bay disiplin

clock-met = remèt oswa lage a lè
clock-breached = remèt oswa lage an reta
clock-due = toujou nan men misyon an, delè a poko pase
clock-overdue = toujou nan men misyon an, delè a pase

conduct-category_1 = kategori 1 (pi grav yo)
conduct-category_2 = kategori 2
conduct-not_assessed = poko klase

misconduct-sexual_exploitation = eksplwatasyon seksyèl
misconduct-sexual_abuse = abi seksyèl
misconduct-unlawful_killing = touye moun ilegalman
misconduct-ill_treatment = tòti oswa move tretman
misconduct-excessive_force = twòp fòs
misconduct-arbitrary_detention = arestasyon abitrè
misconduct-serious_assault = atak grav
misconduct-fraud = fwod oswa vòl
misconduct-abuse_of_authority = abi otorite
misconduct-harassment = arasman
misconduct-other = lòt move konduit

reg-contributor = Kontribitè
reg-percent = { $p } %

personnel-compliance = Verifikasyon dosye ak konfimasyon lekti
personnel-compliance-none = Pa gen pèsonn ki deplwaye nan dat sa a.
personnel-deployed_count = Deplwaye
personnel-vetted = Dosye verifye
personnel-acknowledged = Konfimasyon lekti ajou
personnel-compliant = Toulède
personnel-register = Rejis pèsonèl →
