## Veille des médias (media/pages.rs) : le fil de presse, un article et ses affirmations, les conflits.

nav-press = Presse
press-title = Presse
press-intro = Articles lus dans la presse, groupés par sujet : les copies d’une même dépêche et les traductions comptent pour une seule origine. Chaque affirmation est comparée au registre à sa date : nouvelle pour le registre, en conflit avec lui, ou en accord.
press-count = { $n } articles en { $stories } sujets
press-shown = { $n } articles sur { $total }, en { $stories } sujets
press-stories-match = { $n ->
    [one] un sujet
   *[other] { $n } sujets
  }
press-none = Aucun article ne correspond.
press-story-what = { $n ->
    [one] un article
   *[other] { $n } articles
  } de { $outlets ->
    [one] un média
   *[other] { $outlets } médias
  } ({ $languages })
press-claims = Affirmations
press-against = Face au registre
press-date-unknown = date inconnue
press-n-claims = { $n ->
    [one] une affirmation
   *[other] { $n } affirmations
  }
press-n-new = { $n ->
    [one] une nouvelle
   *[other] { $n } nouvelles
  }
press-n-conflicts = { $n ->
    [one] un conflit
   *[other] { $n } conflits
  }
press-n-agrees = { $n } en accord
press-n-open = { $n } à trancher
press-conflicts-title = Conflits
press-published = Publié
press-same-story = Le même sujet ailleurs
press-text = L’article
press-no-claims = Aucune affirmation n’a été trouvée dans cet article.
press-record-says = Le registre
press-accept-existing = Déjà au registre
press-dismiss = Écarter
press-verdict-agrees = en accord avec le registre
press-verdict-conflicts = en conflit avec le registre
press-verdict-new = nouvelle pour le registre
press-verdict-not_compared = non comparée
press-status-open = à trancher
press-status-accepted = acceptée
press-status-dismissed = écartée
press-accepted-in = au registre (entrée { $seq } du journal)
press-held-pledged = { $n } promis
press-held-deployed = { $n } déployés
press-held-arrived = { $n } arrivés
press-held-departed = { $n } partis
press-held-money-pledged-to_date = { $amount } { $currency } promis à ce jour
press-held-money-pledged-then = { $amount } { $currency } promis à cette date
press-held-money-received-to_date = { $amount } { $currency } reçus à ce jour
press-held-money-received-then = { $amount } { $currency } reçus à cette date
press-held-money-frozen-to_date = { $amount } { $currency } gelés à ce jour
press-held-money-frozen-then = { $amount } { $currency } gelés à cette date
press-held-indicator = { $indicator }, du { $from } au { $to } : { $n }
press-held-adopted = résolution { $resolution } adoptée le { $on }
press-held-ends = résolution { $resolution } : fin du mandat le { $on }
press-record-difference = { $record } (écart { $difference })
press-the-claim = L’affirmation de presse
press-accepting = Affirmation de presse acceptée
press-vs-record = La presse face au registre
press-vs-record-intro = Affirmations dont le chiffre diffère de celui du registre à la même date, celles à trancher d’abord.
press-none-conflicts = Aucune affirmation n’est en conflit avec le registre.
press-claim = Affirmation
press-press-says = La presse
press-article = Article
press-between = Les articles entre eux
press-between-intro = Le même chiffre (type, sujet et date) donné différemment par plusieurs articles, chaque version à côté des autres.
press-none-between = Aucun chiffre n’est donné différemment par deux articles.
form-title-press_claim_accepted = Accepter une affirmation de presse
form-title-press_claim_dismissed = Écarter une affirmation de presse
field-article = Article
field-claim = Affirmation
form-title-press_claim_accepted-intro = Le registre contient cette affirmation : indiquez la fiche (une promesse, un mouvement, une valeur d’indicateur, un incident) qui la porte. Pour créer la fiche à partir de l’affirmation, utilisez le bouton à côté de l’affirmation sur la page de l’article : la fiche et son acceptation sont alors enregistrées ensemble, l’article comme source de la fiche.
form-title-press_claim_dismissed-intro = L’affirmation n’entre pas au registre : dites pourquoi, pour le prochain analyste qui lira l’article.
help-the_article_its_source_id = L’article (l’identifiant de sa source).
help-the_claim_s_place_in_the_article_s_claims_from_0 = La place de l’affirmation parmi celles de l’article, à partir de 0.
help-the_record_that_holds_the_claim_its_id = La fiche du registre qui porte l’affirmation (son identifiant).
help-why_misread_figure_the_same_claim_as_another_article_s_outside_t = Pourquoi (chiffre mal lu, même affirmation qu’un autre article, hors de la mission).
contrib-press = Dans la presse
contrib-press-intro = Les affirmations des articles du registre sur le personnel et l’argent de ce contributeur dans cette mission, chacune comparée au registre à sa date (les affirmations écartées sont omises).
sit-press-intro = Les affirmations de victimes des articles du registre pour ce lieu, le jour de l’incident ou la veille ou le lendemain ; un bilan de morts est comparé aux décès de l’incident.
press-none-here = Aucun article du registre n’en dit rien.
press-held-here = Porté par cette fiche
press-find-incident = Trouver l’incident
press-add-toll = Ajouter à ses bilans de morts
