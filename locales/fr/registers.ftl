### The accountability registers: personnel, use of force, detentions, complaints, cases and the public statistics.

complaint-title = Déposer une plainte
complaint-intro = Si une personne travaillant pour la mission — policier, militaire ou civil — vous a fait du tort, à vous ou à quelqu’un d’autre, ou s’est mal conduite, vous pouvez le signaler ici. Votre plainte ne parvient qu’aux agents de déontologie et de discipline de la mission, jamais à l’unité visée.
complaint-privacy = Ce que vous écrivez reste confidentiel : seuls les agents chargés des plaintes peuvent le lire, et chaque lecture est enregistrée.
complaint-account = Que s’est-il passé ?
complaint-account-hint = Avec vos mots : qui, quoi, quand et où, dans la mesure où vous le savez.
complaint-occurred_on = Quand cela s’est-il passé ?
complaint-occurred_on-hint = La date, si vous la connaissez.
complaint-place = Où cela s’est-il passé ?
complaint-place-hint = Un quartier, une rue, une ville…
complaint-who = Vous (facultatif)
complaint-anonymous = Laissez le nom et le contact vides pour porter plainte anonymement : personne ne saura que la plainte vient de vous. La mission ne pourra alors pas vous joindre, mais vous pourrez suivre votre plainte avec la référence et le code secret qui vous seront donnés.
complaint-name = Votre nom
complaint-contact = Comment vous joindre
complaint-contact-hint = Un numéro de téléphone, une adresse électronique ou postale.
complaint-required = * obligatoire
complaint-submit = Envoyer la plainte
complaint-errors = La plainte n’a pas été envoyée :
complaint-status_link = Vous avez déjà porté plainte ? Consultez son état

receipt-title = Votre plainte a été reçue
receipt-thanks = Merci. Votre plainte est enregistrée ; elle sera examinée par les agents de déontologie et de discipline de la mission.
receipt-reference = Référence
receipt-secret = Code secret
receipt-keep = Gardez ces deux codes : notez-les ou prenez-les en photo. Ensemble, ils vous permettent de suivre l’état de votre plainte.
receipt-once = Le code secret n’est affiché qu’une seule fois. La mission ne le conserve pas et ne pourra pas vous le redonner. Personne de la mission ne vous le demandera jamais.
receipt-check = Suivre l’état de votre plainte

cstatus-title = État de votre plainte
cstatus-intro = Saisissez la référence et le code secret qui vous ont été donnés lors du dépôt de la plainte.
cstatus-submit = Voir l’état
cstatus-result = Plainte { $reference }
cstatus-received_on = Reçue le { $date }
cstatus-now = État :
cstatus-not_found = Aucune plainte ne correspond à cette référence et à ce code secret. Vérifiez les deux codes et réessayez.
cstatus-throttled = Trop de tentatives depuis cette connexion. Patientez quelques minutes puis réessayez.

complaint-limited = Trop de plaintes ont été envoyées depuis cette connexion. Patientez quelques minutes puis envoyez la vôtre à nouveau : ce que vous avez écrit est conservé ci-dessous.

cstatus-new = Déposer une nouvelle plainte
cstatus-help-received = Votre plainte a été reçue et attend d’être évaluée.
cstatus-help-assessed = Votre plainte a été évaluée : elle est crédible et la mission s’en occupe.
cstatus-help-under_investigation = Une enquête est en cours.
cstatus-help-substantiated = L’enquête a établi les faits que vous avez signalés.
cstatus-help-unsubstantiated = L’enquête n’a pas pu établir les faits que vous avez signalés.
cstatus-help-closed = Le dossier est clos.

stats-title = Statistiques publiques
stats-intro = Ce que la mission enregistre sur l’usage de la force, les détentions, les plaintes et les allégations de faute, compté par trimestre. Seuls des nombres sont publiés : ni noms, ni lieux, ni récits.
stats-suppression = Tout nombre inférieur à 3 est affiché « <3 » pour que personne ne puisse être reconnu ; quand un seul nombre d’une ligne serait masqué, un deuxième l’est aussi, pour qu’on ne puisse pas le déduire du total.
stats-un_rule = Les allégations sont comptées selon la règle des Nations Unies : une par type de faute et par personne, quel que soit le nombre de fois où elle est alléguée.
stats-mission_to_date = Depuis le début de la mission
stats-totals_rule = La ligne « depuis le début de la mission » additionne tous les trimestres à partir des nombres complets : une mesure masquée à chaque trimestre peut donc montrer son total ; un total n’est masqué que s’il est lui-même inférieur à 3. Quand un total exact permettrait de retrouver un trimestre masqué par soustraction (un seul trimestre masqué, les autres affichés), il est donné sous la forme « ≥ N », la somme des trimestres affichés, et « — » quand cette somme n’existe pas.
stats-at_least = ≥ { $n }
stats-at_least_title = au moins { $n } : le total exact révélerait un trimestre masqué
stats-withheld_title = masqué : le total exact révélerait un nombre masqué
stats-mission = Mission
stats-quarter = Trimestre
stats-quarter_label = { $year } T{ $q }
stats-none = Rien d’enregistré pour l’instant.
stats-json = Les mêmes chiffres en JSON
stats-table-use_of_force_by_level = Usage de la force, par niveau de force le plus élevé
stats-table-use_of_force_by_review = Usage de la force, par résultat de l’examen
stats-table-detentions_by_handover = Détentions, selon la remise à la Police nationale d’Haïti sous 48 heures
stats-table-complaints_by_category = Plaintes, par catégorie
stats-table-complaints_by_status = Plaintes, par état
stats-table-allegations_by_misconduct = Allégations, par type de faute

case_status-received = reçu
case_status-assessed = évalué
case_status-under_investigation = en cours d’enquête
case_status-substantiated = fondé
case_status-unsubstantiated = non fondé
case_status-closed = clos

level-presence = présence
level-verbal = injonctions verbales
level-physical = force physique
level-less_lethal = armes à létalité réduite
level-firearm = armes à feu

review-submitted = soumis
review-under_review = en cours d’examen
review-cleared = conforme aux règles
review-referred = renvoyé en discipline

clock-met = remis ou libéré dans les délais
clock-breached = remis ou libéré en retard
clock-due = en détention, dans les délais
clock-overdue = en détention au-delà du délai

conduct-category_1 = catégorie 1 (les plus graves)
conduct-category_2 = catégorie 2
conduct-not_assessed = pas encore catégorisé

misconduct-sexual_exploitation = exploitation sexuelle
misconduct-sexual_abuse = abus sexuels
misconduct-unlawful_killing = homicide illégal
misconduct-ill_treatment = torture ou mauvais traitements
misconduct-excessive_force = usage excessif de la force
misconduct-arbitrary_detention = détention arbitraire
misconduct-serious_assault = agression grave
misconduct-fraud = fraude ou vol
misconduct-abuse_of_authority = abus d’autorité
misconduct-harassment = harcèlement
misconduct-other = autre faute

vetting-pending = en attente
vetting-cleared = favorable
vetting-not_cleared = défavorable

doc_kind-concept_of_operations = concept d’opérations
doc_kind-conduct_policy = politique de déontologie et de discipline
doc_kind-status_agreement = accord sur le statut
doc_kind-detention_directive = directive sur la détention
doc_kind-search_directive = directive sur les fouilles
doc_kind-use_of_force_directive = directive sur l’usage de la force

sex-female = féminin
sex-male = masculin
sex-other = autre
sex-unknown = inconnu

harm-injury = blessure en détention
harm-death = décès en détention

investigator-mission = enquêteurs de la mission
investigator-contributor = enquêteurs nationaux du contributeur
investigator-un_oversight = contrôle de l’ONU (BSCI)
investigator-host_state = autorités de l’État hôte

form_lang-en = anglais
form_lang-fr = français
form_lang-ht = créole haïtien

casualty-civilian = civils
casualty-suspected_gang_member = membres présumés de gangs
casualty-mission = personnel de la mission
casualty-host_state_police = Police nationale d’Haïti
casualty-unknown = inconnus

reg-id = Id
reg-mission = Mission
reg-contributor = Contributeur
reg-unit = Unité
reg-category = Catégorie
reg-place = Lieu
reg-yes = oui
reg-no = non
reg-none = Rien d’enregistré.
reg-all_missions = Toutes les missions
reg-older = Enregistrements plus anciens →

cases-withheld = Qui est mis en cause, et pour quoi, ne regarde que l’officier de déontologie.
cases-withheld-title = Masqué : réservé à l’officier de déontologie

reg-latest = ← Enregistrements les plus récents
reg-recorded = Enregistré le { $at }
reg-restricted_note = Les champs restreints (identités, récits, ce qu’ont écrit les plaignants) ne s’affichent qu’aux rôles qui en ont besoin ; chaque page qui les montre est inscrite dans l’audit.
reg-restricted_shown = Cette page montre des champs restreints ; votre consultation a été enregistrée.
reg-back = Retour à la liste
reg-percent = { $p } %

personnel-title = Personnel et vérification
personnel-intro = Toutes les personnes déployées avec la mission, sous un identifiant pseudonyme. Les identités ne sont montrées qu’aux agents RH, et aux commandants pour leur seul contingent.
personnel-compliance = Vérification et prises de connaissance
personnel-compliance-intro = Part du personnel déployé au { $date } qui est vérifié (avis favorable) et qui a pris connaissance de chaque document le liant dans sa version en vigueur, par contributeur.
personnel-compliance-none = Personne n’est déployé à cette date.
personnel-deployed_count = Déployés
personnel-vetted = Vérifiés
personnel-acknowledged = Prises de connaissance à jour
personnel-compliant = Les deux
personnel-register = Registre du personnel →
personnel-people = Personnes
personnel-none = Personne dans le registre.
personnel-vetting = Vérification
personnel-deployed = Déploiement
personnel-from_until = du { $from } au { $until }
personnel-from = depuis le { $from }
personnel-no_vetting = aucun résultat
personnel-service_number = Matricule
personnel-rank = Grade
personnel-name = Nom
personnel-person = Personne { $id }
personnel-vetting_history = Historique de la vérification
personnel-by = Vérifié par
personnel-findings = Constatations
personnel-acknowledgements = Prises de connaissance
personnel-document = Document
personnel-signed = Signé le
personnel-assignments = Affectations
personnel-operation = Opération
personnel-eligibility = Aptitude à une affectation au { $date }
personnel-eligible = Apte : déployé, vérifié et lié par les directives en vigueur sur l’usage de la force et la détention.
personnel-not_eligible = Inapte :
personnel-acks_current = Chaque document liant cette personne a été pris en connaissance dans sa version en vigueur.
personnel-acks_missing = Un document liant cette personne n’a pas été pris en connaissance dans sa version en vigueur.

documents-title = Documents de la mission
documents-intro = Chaque version des documents dont le personnel doit prendre connaissance. La version en vigueur à une date est la plus récente applicable à cette date.
documents-version = Version
documents-effective = En vigueur depuis
documents-binds = Lie
documents-in_force = en vigueur
documents-none = Aucun document émis.

uof-title = Usage de la force
uof-intro = Un rapport est dû dans les 24 heures suivant les faits, et son examen dans les 7 jours suivant le rapport. Les rapports tardifs sont enregistrés et signalés.
uof-overdue = Examens en retard
uof-overdue-none = Aucun examen n’est en retard.
uof-all = Tous les rapports
uof-none = Aucun rapport.
uof-report = Rapport d’usage de la force
uof-occurred = Date des faits
uof-level = Niveau
uof-rounds = Munitions tirées
uof-injured = Blessés
uof-killed = Tués
uof-submitted = Signalé le
uof-late = tardif
uof-late-title = Signalé plus de 24 heures après les faits
uof-review = Examen
uof-review_due = Examen dû le
uof-overdue_tag = en retard
uof-casualties = Victimes
uof-reviews = Étapes de l’examen
uof-reviews-none = Pas encore pris en charge.
uof-by = Par
uof-reason = Motifs
uof-persons = Personnel impliqué
uof-narrative = Récit
uof-detention = Détention
uof-incident = Incident

detention-title = Détentions
detention-intro = Une personne détenue doit être remise à la Police nationale d’Haïti, ou libérée, dans les 48 heures suivant l’arrestation.
detention-none = Aucune détention.
detention-one = Détention
detention-arrested = Arrestation
detention-clock = Remise
detention-deadline = Échéance
detention-ended = Remise ou libération
detention-minor = MINEUR
detention-minor-title = La personne détenue a, ou semble avoir, moins de 18 ans
detention-medical = Examen médical
detention-family = Famille prévenue
detention-handover = Remise
detention-station = Commissariat
detention-officer = Agent ayant reçu la personne
detention-release = Libération
detention-reason = Motif
detention-grounds = Motifs de l’arrestation
detention-detainee = Personne détenue
detention-sex = Sexe
detention-age = Âge
detention-harm = Atteinte en détention
detention-not_yet = pas encore
detention-use_of_force = Rapport d’usage de la force

cases-title = Plaintes et dossiers
cases-intro = Les dossiers disciplinaires et les plaintes reçues du public. Ce qu’ont écrit les plaignants n’est montré qu’aux agents de déontologie, jamais à la chaîne de commandement.
cases-cases = Dossiers
cases-none = Aucun dossier.
cases-complaints = Plaintes reçues
cases-complaints-none = Aucune plainte.
cases-case = Dossier ouvert le { $date }
cases-opened = Ouvert le
cases-category = Catégorie
cases-allegations = Allégations
cases-counted = Décompte ONU
cases-counted-title = Une par type de faute et par personne
cases-misconduct = Faute
cases-investigator = Enquête menée par
cases-victim_assistance = Victime orientée vers une assistance
cases-reference = Référence
cases-received = Reçue le
cases-language = Langue
cases-anonymous = anonyme
cases-case_link = Dossier
cases-account = Ce qu’a écrit le plaignant
cases-occurred_on = Date des faits
cases-complainant = Plaignant
cases-contact = Contact
cases-history = Historique
cases-history-none = Aucune étape depuis l’ouverture.
cases-outcome = Résultat
cases-actions = Mesures prises
cases-summary = Résumé
cases-interim = Mesures conservatoires
cases-person = Personne
cases-unidentified = non identifiée
cases-complaint = Plainte
cases-by = Par
cases-details = Résultat et mesures

audit-title = Audit des lectures restreintes
audit-intro = Chaque fois qu’une page ou l’API a montré des champs restreints (identités, récits, ce qu’ont écrit les plaignants), le journal a enregistré qui, quand, quelles fiches et par quelle requête.
audit-none = Aucune lecture restreinte enregistrée.
audit-register = Registre
audit-records = Fiches
audit-via = Requête

personnel-search-hint = Recherche par unité, contributeur (code ou nom) ou identifiant de 8 caractères.
personnel-search-hint-identity = Recherche par unité, contributeur (code ou nom), identifiant de 8 caractères et — pour les personnes dont vous pouvez voir l’identité — matricule, nom ou grade.
personnel-match = { $n ->
    [one] { $n } personne correspond
   *[other] { $n } personnes correspondent
}
personnel-none-match = Personne ne correspond à ces filtres.
personnel-deployment-deployed = déployé
personnel-deployment-relieved = relevé
audit-user = Utilisateur
audit-record = Fiche
audit-record-hint = Une fiche se retrouve par son identifiant complet ou par les 8 caractères affichés sur les pages.
audit-newest_first = Les lectures les plus récentes d’abord.
audit-none-match = Aucune lecture restreinte ne correspond à ces filtres.
audit-latest = Lectures les plus récentes
audit-newer = Plus récentes
audit-older = Plus anciennes
filter-sort-urgency = les plus urgents d’abord
uof-match = { $n ->
    [one] { $n } rapport correspond
   *[other] { $n } rapports correspondent
}
uof-none-match = Aucun rapport ne correspond à ces filtres.
uof-search-hint = Recherche par unité, lieu, contributeur, niveau ou identifiant de 8 caractères ; aussi dans le récit là où vous pouvez le lire.
detention-match = { $n ->
    [one] { $n } détention correspond
   *[other] { $n } détentions correspondent
}
detention-none-match = Aucune détention ne correspond à ces filtres.
detention-search-hint = Recherche par unité, lieu, contributeur ou identifiant de 8 caractères ; aussi dans les motifs et le nom de la personne détenue là où vous pouvez les lire.
cases-match = { $n ->
    [one] { $n } dossier correspond
   *[other] { $n } dossiers correspondent
}
cases-none-match = Aucun dossier ne correspond à ces filtres.
cases-search-hint = Recherche par catégorie, enquêteur ou identifiant de 8 caractères ; là où vous pouvez lire les allégations, aussi par contributeur, manquement et résumé (le filtre par contributeur en a besoin).
documents-count = { $n ->
    [one] { $n } version de document
   *[other] { $n } versions de documents
}
documents-shown = { $n } versions de documents sur { $total }
documents-none-match = Aucun document ne correspond à ces filtres.
