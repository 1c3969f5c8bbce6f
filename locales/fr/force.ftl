### Force generation: missions, pledges, deployments, funding and the timeline.

mission-card = Mission
mission-host = État hôte
mission-lead = Nation pilote
mission-start = Début
mission-authorized_until = Autorisée jusqu’au
mission-ceiling = Plafond d’effectifs
mission-required = Instruments requis
mission-required-none = Aucun
mission-mandates = Mandat
mission-succeeded_by = Remplacée par { $mission } le { $date } →
mission-succeeds = ← Succède à { $mission } (passation le { $date })

expiry-left = { $n ->
    [one] { $n } jour restant
   *[other] { $n } jours restants
}
expiry-ago = { $n ->
    [one] expiré depuis { $n } jour
   *[other] expiré depuis { $n } jours
}
expiry-none = aucun mandat en vigueur

mandate-resolution = Résolution
mandate-res_prefix = S/RES/
mandate-adopted = Adoptée
mandate-votes = Votes
mandate-votes-hint = Pour – contre – abstentions
mandate-end = Fin
mandate-ceiling = Plafond
mandate-summary = Contenu

chart-heading = Effectifs dans le temps
chart-title = Plafond autorisé, effectifs promis et déployés dans le temps
chart-desc = Au { $date } : { $deployed } déployés, { $pledged } promis, plafond { $ceiling }.
chart-empty = Pas encore de chiffres
chart-ceiling = Plafond autorisé
chart-pledged = Promis
chart-deployed = Déployés

contrib-heading = Pays contributeurs
contrib-on = au
contrib-none = Aucun contributeur enregistré.
contrib-crumb = Contributeur
contrib-summary = Résumé
contrib-missing-none = Aucun manquant
contrib-pledges = Engagements
contrib-pledges-none = Aucun engagement enregistré.
contrib-movements = Arrivées, départs et relèves
contrib-movements-none = Aucun mouvement enregistré.
contrib-authorizations = Chaîne d’autorisations
contrib-authorizations-none = Aucun instrument enregistré.
contrib-money = Fonds
contrib-override = Enregistré malgré un instrument manquant

funding-heading = Financement
funding-none = Aucun financement enregistré à cette date.
funding-donor = Donateur
funding-channel = Canal
funding-currency = Devise
funding-pledged = Promis
funding-received = Reçu
funding-frozen = Gelé
funding-note = Unités monétaires entières, telles qu’enregistrées. Les devises ne sont ni converties ni additionnées ; les fonds gelés sont indiqués à part.

cat-police = police
cat-military = militaires
cat-civilian = civils

timeline-title = Chronologie
timeline-until = Enregistrements jusqu’au
timeline-none = Rien d’enregistré jusqu’à cette date.
timeline-line-mandate_adopted = Résolution { $resolution } adoptée ({ $votes }) ; autorisation jusqu’au { $date }
timeline-line-succession = { $successor } succède à { $mission }
timeline-line-succession_by = { $successor } succède à { $mission } en vertu de la résolution { $resolution }
timeline-line-pledge_recorded = engagement enregistré : { $personnel }
timeline-line-pledge_revised = engagement révisé : { $personnel }
timeline-line-pledge_withdrawn = engagement retiré
timeline-line-authorization = { $title } ({ $kind }, { $status })
timeline-line-arrival = arrivée : { $personnel }
timeline-line-departure = départ : { $personnel }
timeline-line-rotation = relève : { $arriving } à l’arrivée, { $leaving } au départ
timeline-line-funding_pledge = promesse de { $amount } { $currency } ({ $channel })
timeline-line-funding_receipt = { $amount } { $currency } reçus ({ $channel })
timeline-line-funding_freeze = { $amount } { $currency } gelés ({ $channel })
timeline-no_personnel = aucun effectif chiffré

pledge_status-active = actif
pledge_status-withdrawn = retiré

movement-arrival = arrivée
movement-departure = départ
movement-rotation = relève

instrument-national_approval = approbation nationale
instrument-parliamentary_vote = vote parlementaire
instrument-court_ruling = décision de justice
instrument-bilateral_agreement = accord bilatéral
instrument-status_agreement = accord sur le statut
instrument-other = autre instrument

status-pending = en attente
status-granted = accordé
status-in_force = en vigueur
status-refused = refusé
status-blocked = bloqué
status-suspended = suspendu
status-expired = expiré

kind-mandate = mandat
kind-succession = succession
kind-pledge = engagement
kind-authorization = autorisation
kind-deployment = mouvement
kind-funding = financement

channel-trust_fund = fonds d’affectation spéciale
channel-bilateral = bilatéral
channel-in_kind = en nature
dash-withheld-public = { $n ->
    [one] Un enregistrement de cette mission n’est pas public : les chiffres de cette page ne comptent que les enregistrements publics. Le personnel de la mission qui se connecte le voit.
   *[other] { $n } enregistrements de cette mission ne sont pas publics : les chiffres de cette page ne comptent que les enregistrements publics. Le personnel de la mission qui se connecte les voit tous.
}
dash-withheld-staff = { $n ->
    [one] Un enregistrement de cette mission est réservé au-delà de votre rôle : les chiffres de cette page ne comptent que ceux que vous pouvez voir.
   *[other] { $n } enregistrements de cette mission sont réservés au-delà de votre rôle : les chiffres de cette page ne comptent que ceux que vous pouvez voir.
}
