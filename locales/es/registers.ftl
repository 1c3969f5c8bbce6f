### The accountability registers: personnel, use of force, detentions, complaints, cases and the public statistics.

complaint-title = Presentar una denuncia
complaint-intro = Si alguien que trabaja para la misión — policía, soldado o civil — le ha hecho daño a usted o a otra persona, o se ha comportado mal, puede comunicarlo aquí a la misión. Su denuncia llega solo a los oficiales de conducta y disciplina de la misión, nunca a la unidad que denuncia.
complaint-privacy = Lo que escriba es confidencial: solo pueden leerlo los oficiales que tramitan las denuncias, y cada vez que lo hacen queda registrado.
complaint-account = ¿Qué ocurrió?
complaint-account-hint = Con sus propias palabras: quién, qué, cuándo y dónde, en la medida en que lo sepa.
complaint-occurred_on = ¿Cuándo ocurrió?
complaint-occurred_on-hint = La fecha, si la conoce.
complaint-place = ¿Dónde ocurrió?
complaint-place-hint = Un barrio, una calle, una ciudad…
complaint-who = Sobre usted (opcional)
complaint-anonymous = Deje vacíos su nombre y su contacto para denunciar de forma anónima: nadie sabrá que la denuncia procede de usted. La misión no podrá entonces ponerse en contacto con usted, pero podrá seguir su denuncia con la referencia y el código secreto que se le darán.
complaint-name = Su nombre
complaint-contact = Cómo contactarle
complaint-contact-hint = Un número de teléfono, un correo electrónico o una dirección.
complaint-required = * obligatorio
complaint-submit = Enviar la denuncia
complaint-errors = La denuncia no se envió:
complaint-status_link = ¿Ya presentó una denuncia? Consulte su estado

receipt-title = Su denuncia ha sido recibida
receipt-thanks = Gracias. Su denuncia ha quedado registrada y la evaluarán los oficiales de conducta y disciplina de la misión.
receipt-reference = Referencia
receipt-secret = Código secreto
receipt-keep = Guarde los dos códigos: anótelos o hágales una foto. Juntos le permiten consultar el estado de su denuncia.
receipt-once = El código secreto se muestra solo esta vez. La misión no lo guarda y no puede volver a dárselo. Nadie de la misión se lo pedirá nunca.
receipt-check = Consultar el estado de su denuncia

cstatus-title = Estado de su denuncia
cstatus-intro = Introduzca la referencia y el código secreto que recibió al presentar la denuncia.
cstatus-submit = Consultar el estado
cstatus-result = Denuncia { $reference }
cstatus-received_on = Recibida el { $date }
cstatus-now = Estado:
cstatus-not_found = No hay ninguna denuncia con esa referencia y ese código secreto. Compruebe los dos códigos e inténtelo de nuevo.
cstatus-throttled = Demasiados intentos desde esta conexión. Espere unos minutos e inténtelo de nuevo.

complaint-limited = Se han enviado demasiadas denuncias desde esta conexión. Espere unos minutos y vuelva a enviar la suya: lo que escribió se conserva más abajo.

cstatus-new = Presentar una nueva denuncia
cstatus-help-received = Su denuncia ha sido recibida y está pendiente de evaluación.
cstatus-help-assessed = Su denuncia ha sido evaluada: es creíble y la misión se está ocupando de ella.
cstatus-help-under_investigation = Hay una investigación en curso.
cstatus-help-substantiated = La investigación ha establecido lo que usted denunció.
cstatus-help-unsubstantiated = La investigación no ha podido establecer lo que usted denunció.
cstatus-help-closed = El caso está cerrado.

stats-title = Estadísticas públicas
stats-intro = Lo que la misión registra sobre el uso de la fuerza, las detenciones, las denuncias y las acusaciones de conducta indebida, contado por trimestre. Solo se publican recuentos: ni nombres, ni lugares, ni relatos.
stats-suppression = Todo recuento inferior a 3 se muestra como «<3» para que nadie pueda ser reconocido; cuando en una fila solo se ocultaría un recuento, se oculta también otro, para que no pueda deducirse del total.
stats-un_rule = Las acusaciones se cuentan como las cuentan las Naciones Unidas: una por tipo de conducta indebida y por persona, por muchas veces que se denuncie.
stats-mission_to_date = Desde el inicio de la misión
stats-totals_rule = La línea «desde el inicio de la misión» suma todos los trimestres a partir de los recuentos completos, de modo que una medida oculta en cada trimestre puede mostrar su total; un total solo se oculta si él mismo es inferior a 3. Cuando un total exacto permitiría deducir por resta un trimestre oculto (un solo trimestre oculto y los demás visibles), se da como «≥ N», la suma de los trimestres visibles, y «—» cuando no hay tal suma.
stats-at_least = ≥ { $n }
stats-at_least_title = al menos { $n }: el total exacto revelaría un trimestre oculto
stats-withheld_title = oculto: el total exacto revelaría una cifra oculta
stats-mission = Misión
stats-quarter = Trimestre
stats-quarter_label = { $year } T{ $q }
stats-none = Todavía no hay nada registrado.
stats-json = Las mismas cifras en JSON
stats-table-use_of_force_by_level = Uso de la fuerza, por nivel de fuerza más alto
stats-table-use_of_force_by_review = Uso de la fuerza, por resultado de la revisión
stats-table-detentions_by_handover = Detenciones, por entrega a la Policía Nacional de Haití en 48 horas
stats-table-complaints_by_category = Denuncias, por categoría
stats-table-complaints_by_status = Denuncias, por estado
stats-table-allegations_by_misconduct = Acusaciones, por tipo de conducta indebida

case_status-received = recibida
case_status-assessed = evaluada
case_status-under_investigation = en investigación
case_status-substantiated = fundada
case_status-unsubstantiated = no fundada
case_status-closed = cerrada

level-presence = presencia
level-verbal = órdenes verbales
level-physical = fuerza física
level-less_lethal = armas menos letales
level-firearm = armas de fuego

review-submitted = presentado
review-under_review = en revisión
review-cleared = conforme a las normas
review-referred = remitido a disciplina

clock-met = entregado o liberado a tiempo
clock-breached = entregado o liberado con retraso
clock-due = bajo custodia, dentro del plazo
clock-overdue = bajo custodia, fuera de plazo

conduct-category_1 = categoría 1 (la más grave)
conduct-category_2 = categoría 2
conduct-not_assessed = aún sin categorizar

misconduct-sexual_exploitation = explotación sexual
misconduct-sexual_abuse = abuso sexual
misconduct-unlawful_killing = homicidio ilícito
misconduct-ill_treatment = tortura o malos tratos
misconduct-excessive_force = uso excesivo de la fuerza
misconduct-arbitrary_detention = detención arbitraria
misconduct-serious_assault = agresión grave
misconduct-fraud = fraude o robo
misconduct-abuse_of_authority = abuso de autoridad
misconduct-harassment = acoso
misconduct-other = otra conducta indebida

vetting-pending = pendiente
vetting-cleared = aprobada
vetting-not_cleared = no aprobada

doc_kind-concept_of_operations = concepto de operaciones
doc_kind-conduct_policy = política de conducta y disciplina
doc_kind-status_agreement = acuerdo sobre el estatuto
doc_kind-detention_directive = directiva sobre detenciones
doc_kind-search_directive = directiva sobre requisas
doc_kind-use_of_force_directive = directiva sobre el uso de la fuerza

sex-female = femenino
sex-male = masculino
sex-other = otro
sex-unknown = desconocido

harm-injury = lesión bajo custodia
harm-death = muerte bajo custodia

investigator-mission = investigadores de la misión
investigator-contributor = investigadores nacionales del país contribuyente
investigator-un_oversight = supervisión de la ONU (OSSI)
investigator-host_state = autoridades del Estado anfitrión

form_lang-en = inglés
form_lang-fr = francés
form_lang-ht = criollo haitiano

casualty-civilian = civiles
casualty-suspected_gang_member = presuntos pandilleros
casualty-mission = personal de la misión
casualty-host_state_police = Policía Nacional de Haití
casualty-unknown = desconocidos

reg-id = Id.
reg-mission = Misión
reg-contributor = País contribuyente
reg-unit = Unidad
reg-category = Categoría
reg-place = Lugar
reg-yes = sí
reg-no = no
reg-none = No hay nada registrado.
reg-all_missions = Todas las misiones
reg-older = Registros más antiguos →

cases-withheld = Quién está acusado y de qué solo lo ve el oficial de conducta.
cases-withheld-title = Reservado: solo para el oficial de conducta

reg-latest = ← Registros más recientes
reg-recorded = Registrado el { $at }
reg-restricted_note = Los campos restringidos (identidades, relatos, lo que escribieron los denunciantes) solo se muestran a los roles que necesitan conocerlos; cada página que los muestra queda anotada en la auditoría.
reg-restricted_shown = Esta página muestra campos restringidos; su consulta ha quedado registrada.
reg-back = Volver a la lista
reg-percent = { $p } %

personnel-title = Personal y verificación de antecedentes
personnel-intro = Todas las personas desplegadas con la misión, bajo un identificador seudónimo. Las identidades solo se muestran a los oficiales de recursos humanos y, a los comandantes, únicamente las de su propio contingente.
personnel-compliance = Verificación y acuses de recibo
personnel-compliance-intro = Proporción del personal desplegado al { $date } con verificación de antecedentes aprobada y con acuse de recibo de cada documento que le obliga, en su versión vigente, por país contribuyente.
personnel-compliance-none = No hay nadie desplegado en esta fecha.
personnel-deployed_count = Desplegados
personnel-vetted = Verificados
personnel-acknowledged = Acuses de recibo al día
personnel-compliant = Ambos
personnel-register = Registro de personal →
personnel-people = Personas
personnel-none = No hay nadie en el registro.
personnel-vetting = Verificación
personnel-deployed = Despliegue
personnel-from_until = del { $from } al { $until }
personnel-from = desde el { $from }
personnel-no_vetting = sin resultado
personnel-service_number = Número de servicio
personnel-rank = Grado
personnel-name = Nombre
personnel-person = Persona { $id }
personnel-vetting_history = Historial de verificación
personnel-by = Verificado por
personnel-findings = Conclusiones
personnel-acknowledgements = Acuses de recibo
personnel-document = Documento
personnel-signed = Firmado
personnel-assignments = Asignaciones
personnel-operation = Operación
personnel-eligibility = Aptitud para una asignación al { $date }
personnel-eligible = Apto: desplegado, con verificación aprobada y sujeto a las directivas vigentes sobre el uso de la fuerza y las detenciones.
personnel-not_eligible = No apto:
personnel-acks_current = Todos los documentos que obligan a esta persona tienen acuse de recibo en su versión vigente.
personnel-acks_missing = Un documento que obliga a esta persona no tiene acuse de recibo en su versión vigente.

documents-title = Documentos de la misión
documents-intro = Todas las versiones de los documentos de los que el personal debe acusar recibo. La versión en vigor en una fecha es la más reciente que ya era efectiva en esa fecha.
documents-version = Versión
documents-effective = En vigor desde
documents-binds = Se aplica a
documents-in_force = en vigor
documents-none = No se ha publicado ningún documento.

uof-title = Uso de la fuerza
uof-intro = El informe debe presentarse dentro de las 24 horas siguientes al hecho, y su revisión dentro de los 7 días siguientes al informe. Los informes tardíos se registran y se señalan.
uof-overdue = Revisiones atrasadas
uof-overdue-none = Ninguna revisión está atrasada.
uof-all = Todos los informes
uof-none = Ningún informe.
uof-report = Informe de uso de la fuerza
uof-occurred = Fecha de los hechos
uof-level = Nivel
uof-rounds = Disparos efectuados
uof-injured = Heridos
uof-killed = Muertos
uof-submitted = Notificado
uof-late = tardío
uof-late-title = Notificado más de 24 horas después del hecho
uof-review = Revisión
uof-review_due = Plazo de revisión
uof-overdue_tag = atrasada
uof-casualties = Víctimas
uof-reviews = Etapas de la revisión
uof-reviews-none = Aún no se ha tramitado.
uof-by = Por
uof-reason = Motivos
uof-persons = Personal implicado
uof-narrative = Relato
uof-detention = Detención
uof-incident = Incidente

detention-title = Detenciones
detention-intro = Toda persona detenida debe ser entregada a la Policía Nacional de Haití, o puesta en libertad, dentro de las 48 horas siguientes a su detención.
detention-none = Ninguna detención.
detention-one = Detención
detention-arrested = Detenido el
detention-clock = Entrega
detention-deadline = Plazo
detention-ended = Entregado o liberado
detention-minor = MENOR
detention-minor-title = La persona detenida es, o se cree que es, menor de 18 años
detention-medical = Examen médico
detention-family = Familia avisada
detention-handover = Entregado
detention-station = Comisaría
detention-officer = Agente que recibe
detention-release = Liberado
detention-reason = Motivo
detention-grounds = Motivos de la detención
detention-detainee = Persona detenida
detention-sex = Sexo
detention-age = Edad
detention-harm = Daño bajo custodia
detention-not_yet = todavía no
detention-use_of_force = Informe de uso de la fuerza

cases-title = Denuncias y casos
cases-intro = Casos de conducta indebida y denuncias recibidas del público. Lo que escribieron los denunciantes solo se muestra a los oficiales de conducta, nunca a la cadena de mando.
cases-cases = Casos
cases-none = Ningún caso.
cases-complaints = Denuncias recibidas
cases-complaints-none = Ninguna denuncia.
cases-case = Caso abierto el { $date }
cases-opened = Abierto el
cases-category = Categoría
cases-allegations = Acusaciones
cases-counted = Recuento ONU
cases-counted-title = Una por tipo de conducta indebida y por persona
cases-misconduct = Conducta indebida
cases-investigator = Investigado por
cases-victim_assistance = Víctima remitida a asistencia
cases-reference = Referencia
cases-received = Recibida
cases-language = Idioma
cases-anonymous = anónima
cases-case_link = Caso
cases-account = Lo que escribió el denunciante
cases-occurred_on = Fecha de los hechos
cases-complainant = Denunciante
cases-contact = Contacto
cases-history = Historial
cases-history-none = Ningún paso desde la apertura.
cases-outcome = Resultado
cases-actions = Medidas adoptadas
cases-summary = Resumen
cases-interim = Medidas provisionales
cases-person = Persona
cases-unidentified = no identificada
cases-complaint = Denuncia
cases-by = Por
cases-details = Resultado y medidas

audit-title = Auditoría de lecturas restringidas
audit-intro = Cada vez que una página o la API mostró campos restringidos (identidades, relatos, lo que escribieron los denunciantes), el registro anotó quién, cuándo, qué fichas y mediante qué solicitud.
audit-none = No hay ninguna lectura restringida registrada.
audit-register = Registro
audit-records = Fichas
audit-via = Solicitud

personnel-search-hint = Busque por unidad, contribuyente (código o nombre) o identificador de 8 caracteres.
personnel-search-hint-identity = Busque por unidad, contribuyente (código o nombre), identificador de 8 caracteres y — para las personas cuya identidad puede ver — número de servicio, nombre o grado.
personnel-match = { $n ->
    [one] { $n } persona coincide
   *[other] { $n } personas coinciden
}
personnel-none-match = Nadie coincide con estos filtros.
personnel-deployment-deployed = desplegado
personnel-deployment-relieved = relevado
audit-user = Usuario
audit-record = Ficha
audit-record-hint = Una ficha se encuentra por su identificador completo o por los 8 caracteres que muestran las páginas.
audit-newest_first = Las lecturas más recientes primero.
audit-none-match = Ninguna lectura restringida coincide con estos filtros.
audit-latest = Lecturas más recientes
audit-newer = Más recientes
audit-older = Más antiguas
filter-sort-urgency = los más urgentes primero
uof-match = { $n ->
    [one] { $n } informe coincide
   *[other] { $n } informes coinciden
}
uof-none-match = Ningún informe coincide con estos filtros.
uof-search-hint = Busque por unidad, lugar, contribuyente, nivel o identificador de 8 caracteres; también en el relato donde pueda leerlo.
detention-match = { $n ->
    [one] { $n } detención coincide
   *[other] { $n } detenciones coinciden
}
detention-none-match = Ninguna detención coincide con estos filtros.
detention-search-hint = Busque por unidad, lugar, contribuyente o identificador de 8 caracteres; también en los motivos y el nombre de la persona detenida donde pueda leerlos.
cases-match = { $n ->
    [one] { $n } caso coincide
   *[other] { $n } casos coinciden
}
cases-none-match = Ningún caso coincide con estos filtros.
cases-search-hint = Busque por categoría, investigador o identificador de 8 caracteres; donde pueda leer las denuncias, también por contribuyente, falta y resumen (el filtro por contribuyente las necesita).
documents-count = { $n ->
    [one] { $n } versión de documento
   *[other] { $n } versiones de documentos
}
documents-shown = { $n } de { $total } versiones de documentos
documents-none-match = Ningún documento coincide con estos filtros.
