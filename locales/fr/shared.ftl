### The layout around every page, errors, forms and the words every capability shares.

nav-skip = Aller au contenu
nav-label = Principal
nav-dashboard = Tableau de bord
nav-timeline = Chronologie
nav-log = Journal
nav-sources = Sources
nav-users = Utilisateurs
nav-login = Se connecter
nav-logout = Se déconnecter
nav-language = Langue

footer-text = Konbit — système d’information de mission. Chaque chiffre repose sur une entrée du journal et ses sources.

error-back = Retour au tableau de bord
error-bad_request = Requête invalide
error-not_found = Introuvable
error-forbidden = Accès refusé
error-forbidden-text = Vous n’avez pas le rôle requis pour cette page.
error-forbidden-editor = L’enregistrement requiert le rôle d’éditeur. Demandez-le à un administrateur si vous devriez l’avoir.
error-forbidden-admin = La gestion des utilisateurs requiert le rôle d’administrateur.
error-too_many = Trop de tentatives
error-refused = Refusé
error-internal = Erreur interne
error-internal-text = Le serveur a échoué ; l’erreur figure dans son journal.
error-expired = Formulaire expiré
error-expired-text = Ce formulaire a expiré ou n’a pas été envoyé depuis ce site. Revenez en arrière, rechargez la page et réessayez ; rien n’a été enregistré.
error-cross_site = Refusé
error-cross_site-text = Les formulaires ne peuvent être envoyés que depuis ce site ; rien n’a été enregistré.
error-no_language = Cette langue n’est pas disponible.

empty-title = Aucune mission enregistrée
empty-text = Le registre ne contient encore aucune mission. Un administrateur peut en créer une par l’API ou charger un scénario.

clocks-on = Au
clocks-as_of = Tel qu’enregistré le
clocks-as_of-hint = Temps d’enregistrement : une date ou un horodatage RFC 3339 ; vide pour maintenant
clocks-apply = Afficher

action-new_pledge = Enregistrer un engagement
action-new_deployment = Enregistrer un mouvement

table-country = Pays
table-pledged = Promis
table-deployed = Déployés
table-total = Total
table-missing = Instruments manquants
table-date = Date
table-change = Changement
table-details = Détails et sources
table-in = Entrées
table-out = Sorties
table-kind = Type
table-title = Intitulé
table-status = Statut

badge-corrected = corrigé

form-errors = L’enregistrement n’a pas été fait :
form-submit = Enregistrer
form-cancel = Annuler

field-country = Pays (ISO alpha-3)
field-on = Date
field-movement = Mouvement
field-police = Police
field-military = Militaires
field-civilian = Civils
field-equipment = Matériel
field-money_amount = Montant promis
field-money_currency = Devise
field-relieved_police = Police relevée
field-relieved_military = Militaires relevés
field-relieved_civilian = Civils relevés
field-unit = Unité
field-note = Note
field-override_reason = Motif de dérogation
field-sources = Sources
field-classification = Classification

hint-country = Code à trois lettres, p. ex. KEN pour le Kenya
hint-relieved = Relèves seulement : qui part pendant que les autres arrivent
hint-override_reason = Seulement si le contributeur n’a pas un instrument requis par la mission : pourquoi l’enregistrer quand même
hint-sources = Maintenez Ctrl (⌘ sur Mac) pour en choisir plusieurs
hint-money_amount = Unités entières ; laisser vide s’il n’y a pas de fonds
hint-money_currency = Code ISO 4217, p. ex. USD

err-whole_number = doit être un nombre entier
err-date = doit être une date (AAAA-MM-JJ)
err-authorization_missing = Le contributeur n’a pas les instruments requis ({ $missing }). Donnez un motif pour enregistrer le mouvement malgré tout.
err-role = doit être l’un des rôles proposés
err-user_exists = est déjà pris
err-unknown = L’enregistrement a été refusé.

role-viewer = lecteur
role-editor = éditeur
role-admin = administrateur
role-hr_officer = chargé des ressources humaines
role-conduct_officer = chargé de la déontologie et de la discipline
role-commander = commandant de contingent

class-public = public
class-mission = mission
class-restricted = restreint

change-recorded = enregistré
change-revised = révisé
change-withdrawn = retiré

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
# A date written out: the day, the month's name from above and the year, in the order the language writes them.
date-long = { $day } { $month } { $year }

nav-statistics = Statistiques
nav-complaints = Plaintes
nav-registers = Registres
nav-personnel = Personnel
nav-documents = Documents
nav-use_of_force = Usage de la force
nav-detentions = Détentions
nav-cases = Dossiers
nav-audit = Audit

err-account_required = Dites-nous ce qui s’est passé.
err-too_long = Trop long : { $max } caractères au plus.
err-date_range = doit être entre 1945 et 2100

error-forbidden-audit = L’audit requiert le rôle d’administrateur.

nav-situation = Situation
error-no_such_page = Il n’y a pas de page à cette adresse. Elle a peut-être changé, ou le lien est mal saisi.
error-no_such_record = Aucun enregistrement ne porte cet identifiant. Vérifiez l’identifiant, ou cherchez l’enregistrement dans son registre.

## Dates are typed as ISO 8601 everywhere, as the pages show them.
date-placeholder = AAAA-MM-JJ
datetime-placeholder = AAAA-MM-JJ HH:MM

# The search, filters and pages of long lists.
filter-invalid = Le filtre « { $param } » ne peut pas être lu : { $why }.
filter-why-too_long = la recherche compte au plus 200 caractères
filter-why-control = il contient des caractères de contrôle
filter-why-unknown = ce n’est pas l’une des valeurs proposées
filter-why-country = un contributeur est un code de trois lettres comme KEN
filter-why-date = une date s’écrit AAAA-MM-JJ
filter-why-before_from = la fin de la période précède son début
filter-why-seq = un numéro d’ordre est un nombre entier à partir de 1
filter-why-page = une page est un nombre entier à partir de 1
filter-why-per = une page compte 25, 50, 100 ou 200 fiches
filter-why-record = une fiche est son identifiant complet ou les 8 caractères affichés sur les pages
filter-why-user = un nom d’utilisateur compte au plus 64 caractères
filter-any = Tous
filter-apply = Appliquer
filter-clear = Effacer les filtres
filter-search = Rechercher
filter-sort = Ordre
filter-per = Par page
filter-per-n = { $n } par page
filter-showing = { $count } · { $from }–{ $to } affichés
filter-page = page { $n } sur { $of }
filter-prev = Page précédente
filter-next = Page suivante
filter-from = Du
filter-to = Au
filter-status = Statut
filter-sort-newest = les plus récents d’abord
filter-sort-oldest = les plus anciens d’abord
filter-sort-country = par contributeur
filter-sort-unit = par unité
filter-sort-deployed = premier jour le plus récent d’abord
filter-sort-status = par statut
filter-sort-kind = par type
filter-error-unfiltered = Cette page sans ses filtres
