### Force generation: missions, pledges, deployments, funding and the timeline.

mission-card = Mission
mission-host = Host state
mission-lead = Lead nation
mission-start = Start
mission-authorized_until = Authorized until
mission-ceiling = Personnel ceiling
mission-required = Required instruments
mission-required-none = None
mission-mandates = Mandate
mission-succeeded_by = Succeeded by { $mission } on { $date } →
mission-succeeds = ← Succeeds { $mission } (handover on { $date })

expiry-left = { $n ->
    [one] 1 day left
   *[other] { $n } days left
}
expiry-ago = { $n ->
    [one] expired 1 day ago
   *[other] expired { $n } days ago
}
expiry-none = no mandate in force

mandate-resolution = Resolution
mandate-res_prefix = S/RES/
mandate-adopted = Adopted
mandate-votes = Votes
mandate-votes-hint = For – against – abstaining
mandate-end = Ends
mandate-ceiling = Ceiling
mandate-summary = What it does

chart-heading = Strength over time
chart-title = Authorized ceiling, pledged and deployed personnel over time
chart-desc = On { $date }: { $deployed } deployed, { $pledged } pledged, ceiling { $ceiling }.
chart-empty = No figures yet
chart-ceiling = Authorized ceiling
chart-pledged = Pledged
chart-deployed = Deployed

contrib-heading = Contributors
contrib-on = on
contrib-none = No contributor recorded yet.
contrib-crumb = Contributor
contrib-summary = Summary
contrib-missing-none = None missing
contrib-pledges = Pledges
contrib-pledges-none = No pledge recorded.
contrib-movements = Arrivals, departures and rotations
contrib-movements-none = No movement recorded.
contrib-authorizations = Authorization chain
contrib-authorizations-none = No instrument recorded.
contrib-money = Money
contrib-override = Recorded despite a missing instrument

funding-heading = Funding
funding-none = No funding recorded up to this date.
funding-donor = Donor
funding-channel = Channel
funding-currency = Currency
funding-pledged = Pledged
funding-received = Received
funding-frozen = Frozen
funding-note = Whole currency units as recorded. Currencies are neither converted nor added together; frozen money is shown apart.

cat-police = police
cat-military = military
cat-civilian = civilian

timeline-title = Timeline
timeline-until = Records up to
timeline-none = Nothing recorded up to this date.
timeline-line-mandate_adopted = Resolution { $resolution } adopted ({ $votes }); authorization until { $date }
timeline-line-succession = { $mission } succeeded by { $successor }
timeline-line-succession_by = { $mission } succeeded by { $successor } under resolution { $resolution }
timeline-line-pledge_recorded = pledge recorded: { $personnel }
timeline-line-pledge_revised = pledge revised: { $personnel }
timeline-line-pledge_withdrawn = pledge withdrawn
timeline-line-authorization = { $title } ({ $kind }, { $status })
timeline-line-arrival = arrival: { $personnel }
timeline-line-departure = departure: { $personnel }
timeline-line-rotation = rotation: { $arriving } in, { $leaving } out
timeline-line-funding_pledge = pledge of { $amount } { $currency } ({ $channel })
timeline-line-funding_receipt = { $amount } { $currency } received ({ $channel })
timeline-line-funding_freeze = { $amount } { $currency } frozen ({ $channel })
timeline-no_personnel = no personnel figure

pledge_status-active = active
pledge_status-withdrawn = withdrawn

movement-arrival = arrival
movement-departure = departure
movement-rotation = rotation

instrument-national_approval = national approval
instrument-parliamentary_vote = parliamentary vote
instrument-court_ruling = court ruling
instrument-bilateral_agreement = bilateral agreement
instrument-status_agreement = status agreement
instrument-other = other instrument

status-pending = pending
status-granted = granted
status-in_force = in force
status-refused = refused
status-blocked = blocked
status-suspended = suspended
status-expired = expired

kind-mandate = mandate
kind-succession = succession
kind-pledge = pledge
kind-authorization = authorization
kind-deployment = movement
kind-funding = funding

channel-trust_fund = trust fund
channel-bilateral = bilateral
channel-in_kind = in kind
dash-withheld-public = { $n ->
    [one] One record of this mission is not public: the figures on this page count only the public ones. Mission staff who log in see it.
   *[other] { $n } records of this mission are not public: the figures on this page count only the public ones. Mission staff who log in see them all.
}
dash-withheld-staff = { $n ->
    [one] One record of this mission is restricted beyond your role: the figures on this page count only those you may see.
   *[other] { $n } records of this mission are restricted beyond your role: the figures on this page count only those you may see.
}
