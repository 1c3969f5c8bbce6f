### Force generation: missions, pledges, deployments, funding and the timeline.

mission-card = Misión
mission-host = Estado anfitrión
mission-lead = Nación líder
mission-start = Inicio
mission-authorized_until = Autorizada hasta
mission-ceiling = Techo de personal
mission-required = Instrumentos exigidos
mission-required-none = Ninguno
mission-mandates = Mandato
mission-succeeded_by = Sucedida por { $mission } el { $date } →
mission-succeeds = ← Sucede a { $mission } (traspaso el { $date })

expiry-left = { $n ->
    [one] queda 1 día
   *[other] quedan { $n } días
}
expiry-ago = { $n ->
    [one] venció hace 1 día
   *[other] venció hace { $n } días
}
expiry-none = ningún mandato en vigor

mandate-resolution = Resolución
mandate-res_prefix = S/RES/
mandate-adopted = Aprobada
mandate-votes = Votos
mandate-votes-hint = A favor – en contra – abstenciones
mandate-end = Termina
mandate-ceiling = Techo
mandate-summary = Qué dispone

chart-heading = Efectivos a lo largo del tiempo
chart-title = Techo autorizado, personal comprometido y personal desplegado a lo largo del tiempo
chart-desc = Al { $date }: { $deployed } desplegados, { $pledged } comprometidos, techo de { $ceiling }.
chart-empty = Aún no hay cifras
chart-ceiling = Techo autorizado
chart-pledged = Comprometidos
chart-deployed = Desplegados

contrib-heading = Países contribuyentes
contrib-on = al
contrib-none = Aún no hay ningún país contribuyente registrado.
contrib-crumb = País contribuyente
contrib-summary = Resumen
contrib-missing-none = No falta ninguno
contrib-pledges = Compromisos
contrib-pledges-none = No hay ningún compromiso registrado.
contrib-movements = Llegadas, salidas y relevos
contrib-movements-none = No hay ningún movimiento registrado.
contrib-authorizations = Cadena de autorizaciones
contrib-authorizations-none = No hay ningún instrumento registrado.
contrib-money = Fondos
contrib-override = Registrado pese a faltar un instrumento

funding-heading = Financiación
funding-none = No hay financiación registrada hasta esta fecha.
funding-donor = Donante
funding-channel = Canal
funding-currency = Moneda
funding-pledged = Comprometido
funding-received = Recibido
funding-frozen = Congelado
funding-note = Unidades monetarias enteras, tal como se registraron. Las monedas no se convierten ni se suman entre sí; los fondos congelados se muestran aparte.

cat-police = policía
cat-military = militares
cat-civilian = civiles

timeline-title = Cronología
timeline-until = Registros hasta el
timeline-none = No hay nada registrado hasta esta fecha.
timeline-line-mandate_adopted = Resolución { $resolution } aprobada ({ $votes }); autorización hasta el { $date }
timeline-line-succession = { $mission } sucedida por { $successor }
timeline-line-succession_by = { $mission } sucedida por { $successor } en virtud de la resolución { $resolution }
timeline-line-pledge_recorded = compromiso registrado: { $personnel }
timeline-line-pledge_revised = compromiso revisado: { $personnel }
timeline-line-pledge_withdrawn = compromiso retirado
timeline-line-authorization = { $title } ({ $kind }, { $status })
timeline-line-arrival = llegada: { $personnel }
timeline-line-departure = salida: { $personnel }
timeline-line-rotation = relevo: { $arriving } entran, { $leaving } salen
timeline-line-funding_pledge = compromiso de { $amount } { $currency } ({ $channel })
timeline-line-funding_receipt = { $amount } { $currency } recibidos ({ $channel })
timeline-line-funding_freeze = { $amount } { $currency } congelados ({ $channel })
timeline-no_personnel = sin cifra de personal

pledge_status-active = activo
pledge_status-withdrawn = retirado

movement-arrival = llegada
movement-departure = salida
movement-rotation = relevo

instrument-national_approval = aprobación nacional
instrument-parliamentary_vote = votación parlamentaria
instrument-court_ruling = resolución judicial
instrument-bilateral_agreement = acuerdo bilateral
instrument-status_agreement = acuerdo sobre el estatuto
instrument-other = otro instrumento

status-pending = pendiente
status-granted = concedido
status-in_force = en vigor
status-refused = denegado
status-blocked = bloqueado
status-suspended = suspendido
status-expired = vencido

kind-mandate = mandato
kind-succession = sucesión
kind-pledge = compromiso
kind-authorization = autorización
kind-deployment = movimiento
kind-funding = financiación

channel-trust_fund = fondo fiduciario
channel-bilateral = bilateral
channel-in_kind = en especie
dash-withheld-public = { $n ->
    [one] Un registro de esta misión no es público: las cifras de esta página cuentan solo los públicos. El personal de la misión que inicia sesión lo ve.
   *[other] { $n } registros de esta misión no son públicos: las cifras de esta página cuentan solo los públicos. El personal de la misión que inicia sesión los ve todos.
}
dash-withheld-staff = { $n ->
    [one] Un registro de esta misión está restringido más allá de su función: las cifras de esta página cuentan solo los que usted puede ver.
   *[other] { $n } registros de esta misión están restringidos más allá de su función: las cifras de esta página cuentan solo los que usted puede ver.
}
