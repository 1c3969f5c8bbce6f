### The record itself: the log, sources and their grading, users and logging in.

source-grade = Evalyasyon Amirote: fyabilite sous la (A–F) ak kredibilite enfòmasyon an (1–6)

disc-title = Sous yo pa dakò
disc-field = sou
disc-accepted = kenbe
disc-reason = Poukisa:

sources-title = Sous
sources-intro = Tout sous ki anrejistre ou gen dwa wè. Evalyasyon Amirote a bay yon nòt pou fyabilite sous la (A–F) ak pou kredibilite enfòmasyon an (1–6); pase sou yon evalyasyon pou w konnen sa l vle di.
sources-count = { $n } sous
sources-none = Pa gen okenn sous ki anrejistre.
sources-outlet = Medya
sources-language = Lang
sources-grade = Evalyasyon
sources-note = Nòt

source-grade-detail = Fyabilite sous la { $r }: { $reliability }. Kredibilite enfòmasyon an { $c }: { $credibility }.

log-title = Jounal anrejistreman yo
log-ok = Chèn nan pa kase.
log-bad = Chèn nan kase.
log-length = Antre:
log-head = tèt
log-first_bad = premye antre ki pa bon:
log-explain = Chak anrejistreman se yon antre nan yon chèn anprent (hash). Antre ki depase nivo aksè ou kenbe plas yo ak anprent yo, men pa kontni yo.
log-seq = #
log-recorded_at = Anrejistre
log-actor = Otè
log-valid_at = Valab nan dat
log-classification = Klasifikasyon
log-hash = Anprent
log-redacted = kache
log-pages = Paj
log-prev = Pi ansyen
log-next = Pi resan

login-title = Konekte
login-username = Non itilizatè
login-password = Modpas
login-submit = Konekte
login-failed = Non itilizatè a pa konnen oswa modpas la pa bon.
login-throttled = Twòp eseyaj ki echwe. Tann kèk minit epi eseye ankò.

source_kind-resolution = rezolisyon
source_kind-agreement = akò
source_kind-press_release = kominike pou laprès
source_kind-news_article = atik jounal
source_kind-internal_report = rapò entèn
source_kind-other = lòt

reliability-A = konplètman serye
reliability-B = anjeneral serye
reliability-C = ase serye
reliability-D = pa souvan serye
reliability-E = pa serye
reliability-F = nou pa ka jije si l serye

credibility-1 = lòt sous konfime l
credibility-2 = pwobableman vre
credibility-3 = petèt vre
credibility-4 = gen dout
credibility-5 = pa sanble vre
credibility-6 = nou pa ka jije si l vre
sources-search = Chèche
sources-reliability = Fyabilite
sources-any = Nenpòt
sources-sort = Lòd
sources-sort-date = dapre dat
sources-sort-title = dapre tit
sources-sort-grade = dapre evalyasyon
sources-shown = { $n } sou { $total } sous

log-filter-kind = Kalite antre
log-filter-at = Ale nan antre nimewo
log-filter-clear = Tout jounal la
log-filtered-note = Se sèlman antre kalite sa a ou gen dwa li ki nan lis la; lòt yo kenbe plas yo nan jounal konplè a.
log-none = Pa gen okenn antre la a.
log-latest = Antre ki pi resan yo

## The mirror's page (`konbit mirror`)
mirror-title = Miwa yon jounal dosye
mirror-intro = Miwa sa a swiv jounal yon lòt enstans Konbit, li verifye chak pwen kontwòl enstans lan siyen parapò ak dènye li genyen an, epi li kenbe chak antre. Li bay alèt si jounal la janm montre yon istwa ki pa kontinye sa li te montre anvan.
mirror-ok = Pa gen okenn vi divize: chak pwen kontwòl kontinye sa ki te anvan l.
mirror-alarm = Alèt: jounal la montre yon istwa ki pa kontinye sa li te montre anvan. Miwa a sispann swiv li e li pa kontresiyen anyen ankò.
mirror-held = Pwen kontwòl miwa a genyen
mirror-shown = Sa enstans lan montre olye sa
mirror-source = Enstans miwa a swiv
mirror-origin = Non jounal la
mirror-entries = Antre miwa a genyen
mirror-checkpoint = Dènye pwen kontwòl verifye (antre)
mirror-never = Poko
mirror-root = Hach rasin
mirror-checked = Dènye verifikasyon
mirror-error = Dènye fwa li pa t ka jwenn enstans lan (l ap eseye ankò)
mirror-witness = Kle temwen (C2SP tlog-cosignature)
mirror-no-witness = Miwa sa a pa kontresiyen.
