## Media monitoring (media/pages.rs): the press feed, an article and its claims, the conflicts.

nav-press = Press
press-title = Press
press-intro = Articles read from the press, grouped by story: copies of one wire story and translations count as one origin. Each claim is compared with the record on its date: new to the record, in conflict with it, or in agreement.
press-count = { $n } articles in { $stories } stories
press-shown = { $n } of { $total } articles, in { $stories } stories
press-stories-match = { $n ->
    [one] one story
   *[other] { $n } stories
  }
press-none = No article matches.
press-story-what = { $n ->
    [one] one article
   *[other] { $n } articles
  } from { $outlets ->
    [one] one outlet
   *[other] { $outlets } outlets
  } ({ $languages })
press-claims = Claims
press-against = Against the record
press-date-unknown = date unknown
press-n-claims = { $n ->
    [one] one claim
   *[other] { $n } claims
  }
press-n-new = { $n } new
press-n-conflicts = { $n ->
    [one] one conflict
   *[other] { $n } conflicts
  }
press-n-agrees = { $n } in agreement
press-n-open = { $n } to decide
press-conflicts-title = Conflicts
press-published = Published
press-same-story = The same story elsewhere
press-text = The article
press-no-claims = No claim was found in this article.
press-record-says = The record
press-accept-existing = Already in the record
press-dismiss = Dismiss
press-verdict-agrees = agrees with the record
press-verdict-conflicts = conflicts with the record
press-verdict-new = new to the record
press-verdict-not_compared = not compared
press-status-open = to decide
press-status-accepted = accepted
press-status-dismissed = dismissed
press-accepted-in = in the record (log entry { $seq })
press-held-pledged = { $n } pledged
press-held-deployed = { $n } deployed
press-held-arrived = { $n } arrived
press-held-departed = { $n } departed
press-held-money-pledged-to_date = { $amount } { $currency } pledged to date
press-held-money-pledged-then = { $amount } { $currency } pledged then
press-held-money-received-to_date = { $amount } { $currency } received to date
press-held-money-received-then = { $amount } { $currency } received then
press-held-money-frozen-to_date = { $amount } { $currency } frozen to date
press-held-money-frozen-then = { $amount } { $currency } frozen then
press-held-indicator = { $indicator }, { $from } – { $to }: { $n }
press-held-adopted = resolution { $resolution } adopted on { $on }
press-held-ends = resolution { $resolution }: mandate ends on { $on }
press-record-difference = { $record } (difference { $difference })
press-the-claim = The press claim
press-accepting = Accepting the press claim
press-vs-record = The press against the record
press-vs-record-intro = Claims whose figure differs from the record's on the same date, those still to decide first.
press-none-conflicts = No claim conflicts with the record.
press-claim = Claim
press-press-says = The press
press-article = Article
press-between = Articles against each other
press-between-intro = The same figure (kind, subject and date) given differently by several articles, each version beside the others.
press-none-between = No two articles give the same figure differently.
form-title-press_claim_accepted = Accept a press claim
form-title-press_claim_dismissed = Dismiss a press claim
field-article = Article
field-claim = Claim
form-title-press_claim_accepted-intro = The record holds this claim: name the record (a pledge, a movement, an indicator value, an incident) that holds it. To make the record from the claim, use the button beside the claim on the article's page: the record and its acceptance are then recorded together, the article as the record's source.
form-title-press_claim_dismissed-intro = The claim does not go into the record: say why, for the next analyst who reads the article.
help-the_article_its_source_id = The article (its source id).
help-the_claim_s_place_in_the_article_s_claims_from_0 = The claim's place in the article's claims, from 0.
help-the_record_that_holds_the_claim_its_id = The record that holds the claim (its id).
help-why_misread_figure_the_same_claim_as_another_article_s_outside_t = Why (misread figure, the same claim as another article's, outside the mission).
contrib-press = In the press
contrib-press-intro = The claims of the articles the record keeps that speak of this contributor's personnel and money in this mission, each set against the record on its date (dismissed claims left out).
sit-press-intro = Casualty claims of the articles the record keeps for this place, on the incident's day or the day either side; a death toll is set against the incident's fatalities.
press-none-here = No article the record keeps says anything of it.
press-held-here = Held by this record
press-find-incident = Find the incident
press-add-toll = Add to its death tolls
