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
