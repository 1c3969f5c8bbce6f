### The record itself: the log, sources and their grading, users and logging in.

source-grade = Cote de l’Amirauté : fiabilité de la source (A–F) et crédibilité de l’information (1–6)

disc-title = Sources divergentes
disc-field = sur
disc-accepted = retenue
disc-reason = Motif :

sources-title = Sources
sources-intro = Toutes les sources enregistrées que vous pouvez voir. La cote de l’Amirauté note la fiabilité de la source (A–F) et la crédibilité de l’information (1–6) ; survolez une cote pour sa signification.
sources-count = { $n ->
    [one] { $n } source
   *[other] { $n } sources
}
sources-none = Aucune source enregistrée.
sources-outlet = Média
sources-language = Langue
sources-grade = Cote
sources-note = Note

source-grade-detail = Fiabilité de la source { $r } : { $reliability }. Crédibilité de l’information { $c } : { $credibility }.

log-title = Journal des enregistrements
log-ok = Chaîne intacte.
log-bad = Chaîne rompue.
log-length = Entrées :
log-head = tête
log-first_bad = première entrée fautive :
log-explain = Chaque enregistrement est une entrée d’une chaîne de hachage. Les entrées au-dessus de votre habilitation gardent leur place et leur empreinte, mais pas leur contenu.
log-seq = n°
log-recorded_at = Enregistré
log-actor = Par
log-valid_at = Valable au
log-classification = Classification
log-hash = Empreinte
log-redacted = masqué
log-pages = Pages
log-prev = Plus anciennes
log-next = Plus récentes

login-title = Connexion
login-username = Nom d’utilisateur
login-password = Mot de passe
login-submit = Se connecter
login-failed = Nom d’utilisateur inconnu ou mot de passe erroné.
login-throttled = Trop d’échecs. Patientez quelques minutes puis réessayez.

users-title = Utilisateurs
users-intro = Qui peut se connecter, et avec quel rôle. Chaque changement est inscrit au journal (jamais le mot de passe).
users-role = Rôle
users-account = Compte
users-active = actif
users-disabled = désactivé
users-you = vous
users-change_role = Changer de rôle
users-role_of = Rôle de { $name }
users-set = Changer
users-disable = Désactiver
users-enable = Réactiver
users-revoke_all = Fermer sessions et jetons
users-actions = Accès
users-actions_of = Accès de { $name }
users-tokens = Sessions et jetons d’API
users-tokens-intro = Chaque session de navigateur et chaque jeton d’API en cours. Changer le mot de passe ou le rôle d’un utilisateur, ou le désactiver, ferme les siens ; les révoquer ici aussi. Chaque révocation est inscrite au journal.
users-tokens-none = Aucune session ni aucun jeton en cours.
users-token-kind-session = session de navigateur
users-token-kind-api = jeton d’API
users-token-issued = Émis
users-token-expires = Expire
users-token-revoke = Révoquer
users-new = Nouvel utilisateur
users-create = Créer l’utilisateur
users-username-hint = Lettres, chiffres, « . », « _ » ou « - » (64 au plus)
users-password-hint = Au moins 10 caractères
users-country = Contributeur (commandants)
users-country-hint = Le pays d’un commandant, ISO 3166-1 alpha-3 (KEN). Vide pour les autres rôles.

source_kind-resolution = résolution
source_kind-agreement = accord
source_kind-press_release = communiqué de presse
source_kind-news_article = article de presse
source_kind-internal_report = rapport interne
source_kind-other = autre

reliability-A = totalement fiable
reliability-B = habituellement fiable
reliability-C = assez fiable
reliability-D = pas toujours fiable
reliability-E = peu fiable
reliability-F = fiabilité impossible à évaluer

credibility-1 = confirmée par d’autres sources
credibility-2 = probablement vraie
credibility-3 = peut-être vraie
credibility-4 = douteuse
credibility-5 = improbable
credibility-6 = véracité impossible à évaluer
sources-search = Rechercher
sources-reliability = Fiabilité
sources-any = Toutes
sources-sort = Ordre
sources-sort-date = par date
sources-sort-title = par titre
sources-sort-grade = par note
sources-shown = { $n } sources sur { $total }

log-filter-kind = Type d’entrée
log-filter-at = Aller à l’entrée numéro
log-filter-clear = Tout le journal
log-filtered-note = Seules les entrées de ce type que vous pouvez lire sont listées ; les autres gardent leur place dans le journal complet.
log-none = Aucune entrée ici.
log-latest = Entrées les plus récentes

## The mirror's page (`konbit mirror`)
mirror-title = Miroir d’un journal des faits
mirror-intro = Ce miroir suit le journal d’une autre instance Konbit, vérifie chaque point de contrôle qu’elle signe par rapport au dernier détenu et conserve chaque entrée. Il donne l’alerte si le journal montre un jour une histoire qui ne prolonge pas celle montrée auparavant.
mirror-ok = Aucune vue divergente : chaque point de contrôle prolonge le précédent.
mirror-alarm = Alerte : le journal a montré une histoire qui ne prolonge pas celle montrée auparavant. Le miroir a cessé de le suivre et ne contresigne plus rien.
mirror-held = Point de contrôle détenu
mirror-shown = Ce que l’instance a montré à la place
mirror-source = Instance suivie
mirror-origin = Nom du journal
mirror-entries = Entrées détenues
mirror-checkpoint = Dernier point de contrôle vérifié (entrées)
mirror-never = Pas encore
mirror-root = Hachage racine
mirror-checked = Dernière vérification
mirror-error = Dernier échec pour joindre l’instance (nouvel essai prévu)
mirror-witness = Clé de témoin (C2SP tlog-cosignature)
mirror-no-witness = Ce miroir ne contresigne pas.
