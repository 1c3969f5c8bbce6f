### The domain's and the store's messages (what is wrong with a field of a form, why a record
### cannot change, why a person may not be assigned), as `Tr::domain_message` finds them.
###
### A message written out in full is keyed by the slug of its English text: `dom-` and the
### message lowercased, each run of other characters than a-z and 0-9 one `_`, at most 64.
###
### A message built with values has a message with placeables here, and the English one IS
### its pattern: the English text is matched against the literal parts between the
### placeables, the values are taken out and the message is written in the reader's language
### with them (when two patterns match, the one that fixes more text wins). Values stay as
### written (record ids, dates, field names, codes), except the placeables `$max`, `$min`,
### `$fields`, `$width`, `$police`, `$military` and `$civilian` (whole numbers, with the
### language's thousands separator) and `$cat`, `$class`, `$vetting`, `$doc_kind`, `$role`,
### `$review_from`, `$review_to`, `$case_from` and `$case_to` (enumerated values, shown by
### their labels). Two placeables are never side by side.

## Messages built with values: the text's rules (a length, a country, a control character).

dom-at_most_characters = debe tener como máximo { $max } caracteres
dom-not_a_country = { $value } no es un código de país ISO 3166-1 alfa-3
dom-control_character = no debe contener el carácter de control U+{ $code }

## Who may record: each rule of the domain's access written out, then any other.

dom-only_an_editor_or_admin_may_record_this = solo un editor o un administrador puede registrar esto
dom-only_an_editor_admin_or_hr_officer_may_record_this = solo un editor, un administrador o el oficial de recursos humanos puede registrar esto
dom-only_an_editor_admin_or_conduct_officer_may_record_this = solo un editor, un administrador o el oficial de conducta puede registrar esto
dom-only_an_hr_officer_may_record_this = solo el oficial de recursos humanos puede registrar esto
dom-only_an_hr_officer_or_the_commander_of_the_person_s_contingent_m = solo el oficial de recursos humanos, o el comandante del contingente de la persona, puede registrar esto
dom-only_a_conduct_officer_may_record_this = solo el oficial de conducta puede registrar esto
dom-only_a_conduct_officer_or_the_commander_of_the_unit_s_contingent = solo el oficial de conducta, o el comandante del contingente de la unidad, puede registrar esto
dom-only_an_admin_may_record_this = solo un administrador puede registrar esto
dom-only_the_server_itself_may_record_this = solo el propio servidor puede registrar esto
dom-only_who_may = solo puede registrarlo { $who }

## Messages built with values by the domain, in the order of the sources.

dom-kind_not_commands = las entradas de tipo { $kind } no son comandos
dom-sub_event_of_another_type = { $sub_event } es un subtipo del evento { $event }, no de { $given }
dom-disorder_not_with_event = { $disorder } no corresponde al tipo de evento { $event }
dom-not_a_department = { $value } no es uno de los diez departamentos de Haití ({ $departments })
dom-most_conservative_figure = debe ser la cifra más prudente de las reportadas, { $min } (regla de ACLED)
dom-point_at_sea = el punto ({ $lat }, { $lon }) está fuera de Haití: en el mar a { $km } km de su costa, más allá de su mar territorial (12 millas náuticas, { $limit } km)
dom-point_across_border = el punto ({ $lat }, { $lon }) está fuera de Haití: a { $km } km más allá de su frontera terrestre, en la República Dominicana
dom-no_place_in_gazetteer = no hay ningún lugar { $code } en el nomenclátor
dom-no_site_in_gazetteer = no hay ningún sitio { $code } en el nomenclátor
dom-no_segment_in_gazetteer = no hay ningún tramo de ruta { $code } en el nomenclátor
dom-fatality_figure_unreadable = no se puede leer { $text } como cifra de muertos: indique un número, "at least N", un intervalo "N-M", o tens/dozens/hundreds/thousands
dom-row_width = la fila tiene { $fields } campos y el encabezado { $width }
dom-row_width_hxl = la fila tiene { $fields } campos y la fila de hashtags { $width }
dom-row_too_long_hxl = la fila tiene { $size } bytes, más de { $max }: no es una fila de indicador
dom-not_the_year = { $year } no es el año de event_date { $date }
dom-not_1_2_or_3 = { $value } no es 1, 2 ni 3
dom-unknown_disorder_type = tipo de desorden desconocido { $value }
dom-unknown_event_type = tipo de evento desconocido { $value }; los de ACLED son: { $types }
dom-unknown_sub_event_type = subtipo de evento desconocido { $value }
dom-not_an_actor_type = { $value } no es un tipo de actor de ACLED (1–8 o su nombre)
dom-not_civilian_targeting = { $value }: se espera "Civilian targeting" o nada
dom-iso_not_haiti = { $value } no es Haití ({ $haiti }), el país de la misión
dom-country_not_haiti = { $value } no es Haití, el país de la misión
dom-not_a_number = { $value } no es un número
dom-not_unix_time = { $value } no es una hora Unix en segundos
dom-not_an_acled_date = { $value } no es una fecha (AAAA-MM-DD, o D Mes AAAA como la escribe ACLED)

## Why a person may not be assigned on a date (the person page, a refused assignment).

dom-not_deployed_on = sin despliegue el { $date }
dom-vetting_not_cleared = resultado de la verificación: «{ $vetting }», no «aprobada»
dom-no_vetting_result = sin resultado de verificación
dom-no_document_in_force = ninguna «{ $doc_kind }» vigente el { $date }
dom-document_not_acknowledged = falta el acuse de recibo: «{ $doc_kind }» versión { $version }

## Messages built with values by the store, in the order of the sources.

dom-no_source_with_id = ninguna fuente tiene el identificador { $id }
dom-kind_cannot_be_corrected = las entradas de tipo { $kind } no se pueden corregir
dom-commander_only_not_role = solo un comandante pertenece a un país contribuyente, no un { $role }
dom-user_exists = el usuario { $username } ya existe (los nombres no se distinguen solo por mayúsculas)
dom-last_admin = { $username } es el último administrador; nombre antes a otro administrador
dom-no_what_with_id = ningún registro «{ $what }» tiene el identificador { $id }
dom-no_person_with_id = ninguna persona tiene el identificador { $id }
dom-no_use_of_force_report_with_id = ningún informe de uso de la fuerza tiene el identificador { $id }
dom-no_detention_with_id = ninguna detención tiene el identificador { $id }
dom-no_case_with_id = ningún caso tiene el identificador { $id }
dom-version_recorded = «{ $doc_kind }» versión { $version } ya está registrada
dom-before_deployment = es anterior al inicio del despliegue ({ $date })
dom-no_document_with_id = ningún documento tiene el identificador { $id }
dom-document_does_not_bind = no obliga al personal de la categoría «{ $cat }»
dom-no_record_with_id = ningún registro tiene el identificador { $id }
dom-report_cannot_become_yet = un informe «{ $review_from }» no puede pasar a «{ $review_to }» (póngalo antes en revisión)
dom-report_cannot_become = un informe «{ $review_from }» no puede pasar a «{ $review_to }»
dom-before_arrest = es anterior al arresto ({ $date })
dom-no_complaint_with_id = ninguna denuncia tiene el identificador { $id }
dom-case_already_open = el caso { $id } ya está abierto sobre esa denuncia
dom-case_cannot_become = un caso «{ $case_from }» no puede pasar a «{ $case_to }»
dom-before_case_opened = es anterior a la apertura del caso ({ $date })
dom-incident_recorded = el incidente { $event_id } ya está registrado; envíe una revisión
dom-incident_cannot_become = el incidente { $event_id } está { $from }; no puede pasar a { $to }
dom-classified_higher = el incidente { $event_id } está clasificado como «{ $class }»; su verificación y sus vínculos se muestran con él, así que no pueden clasificarse más alto
dom-no_use_of_force_with_id = ningún informe de uso de la fuerza tiene el identificador { $id }
dom-not_a_coalition = { $code } es un grupo, no una coalición
dom-no_coalition = ningún grupo armado { $code }; registre antes el perfil de la coalición
dom-no_incident = ningún incidente { $event_id }
dom-no_armed_group = ningún grupo armado { $code }
dom-no_mission = ninguna misión { $slug }
dom-would_leave_more = saldría más personal del que { $country } tiene desplegado: el efectivo el { $date } sería de { $police } policías, { $military } militares, { $civilian } civiles
dom-mission_exists = ya existe una misión con el identificador { $slug }

dom-article_has_claims = el artículo tiene { $count } afirmaciones
dom-claim_held_by = una afirmación de tipo { $claim_kind } la recoge una ficha de tipo { $kinds }
## Messages written out in full, in the order of the sources (domain, then store).

dom-must_be_a_resolution_number_from_1_to_100000 = debe ser un número de resolución entre 1 y 100000
dom-must_be_after_adopted_on = debe ser posterior a adopted_on
dom-must_be_from_0_to_15_the_council_has_15_members = debe estar entre 0 y 15 (el Consejo tiene 15 miembros)
dom-votes_add_up_to_more_than_the_council_s_15_seats = los votos suman más que los 15 puestos del Consejo
dom-must_not_be_before_adopted_on = no debe ser anterior a adopted_on
dom-must_be_a_positive_head_count = debe ser un número de efectivos mayor que cero
dom-a_mission_cannot_succeed_itself = una misión no puede sucederse a sí misma
dom-is_listed_twice = figura dos veces
dom-a_movement_must_move_at_least_one_person = un movimiento debe afectar al menos a una persona
dom-a_rotation_relieves_at_least_one_person = un relevo sustituye al menos a una persona
dom-a_rotation_must_say_who_is_relieved = un relevo debe indicar a quién releva
dom-only_a_rotation_relieves_personnel = solo un relevo sustituye personal
dom-must_not_be_empty_when_given = no debe estar vacío si se indica
dom-looks_like_a_country_code_but_is_not_iso_3166_1_alpha_3 = parece un código de país pero no es un código ISO 3166-1 alfa-3
dom-must_be_a_positive_amount = debe ser un importe positivo
dom-must_not_be_negative = no debe ser negativo
dom-must_be_at_most_1000000000000_a_thousand_billion = debe ser como máximo 1000000000000 (un billón)
dom-is_implausibly_large_over_1_000_000 = es inverosímilmente elevado (más de 1 000 000)
dom-is_implausibly_large_over_10_000 = es inverosímilmente elevado (más de 10 000)
dom-must_not_be_before_deployed_from = no debe ser anterior a deployed_from
dom-is_required = es obligatorio
dom-a_document_binds_at_least_one_category_of_personnel = un documento se aplica al menos a una categoría de personal
dom-is_implausibly_large_over_100_000 = es inverosímilmente elevado (más de 100 000)
dom-rounds_were_fired_so_the_level_must_be_less_lethal_or_firearm = se efectuaron disparos, por lo que el nivel debe ser less_lethal o firearm
dom-must_not_be_before_occurred_at = no debe ser anterior a occurred_at
dom-a_review_moves_a_report_to_under_review_cleared_or_referred = una revisión pasa el informe a under_review, cleared o referred
dom-a_reviewer_who_clears_or_refers_a_report_says_why = el revisor que valida o remite un informe debe indicar el motivo
dom-must_not_be_before_arrested_at = no debe ser anterior a arrested_at
dom-an_injury_or_death_in_custody_must_link_a_use_of_force_report_or = una lesión o muerte bajo custodia debe vincularse a un informe use_of_force o a un incidente
dom-must_be_from_0_to_120 = debe estar entre 0 y 120
dom-a_detainee_under_18_is_a_minor = un detenido menor de 18 años es menor de edad
dom-contradicts_person_age_18_or_over = contradice person.age (18 años o más)
dom-must_be_a_sha_256_in_hex = debe ser un hash SHA-256 en hexadecimal
dom-an_anonymous_complaint_carries_no_name_or_contact = una denuncia anónima no lleva nombre ni datos de contacto
dom-a_case_has_at_least_one_allegation = un caso tiene al menos una acusación
dom-sexual_exploitation_and_abuse_is_always_category_1 = la explotación y el abuso sexuales son siempre category_1
dom-repeats_an_allegation_one_per_person_and_type_of_misconduct = repite una acusación (una por persona y tipo de falta)
dom-a_case_is_received_when_it_is_opened = un caso se recibe al abrirlo
dom-the_findings_are_required_to_conclude_an_investigation = las conclusiones son necesarias para cerrar una investigación
dom-a_view_names_at_least_one_record = una consulta indica al menos un registro
dom-nobody_of_this_unit_is_deployed_on_that_day = nadie de esta unidad está desplegado ese día
dom-everyone_of_this_unit_has_already_acknowledged_this_document = todos los miembros de esta unidad ya acusaron recibo de este documento
dom-must_be_the_sequence_number_of_an_entry = debe ser el número de orden de una entrada
dom-a_source_needs_a_url_or_a_reference = una fuente requiere una URL o una referencia
dom-must_be_an_http_s_url = debe ser una URL http(s)
dom-must_be_an_iso_639_1_code_such_as_en_or_fr = debe ser un código ISO 639-1, como en o fr
dom-a_discrepancy_needs_at_least_two_claims = una discrepancia requiere al menos dos afirmaciones
dom-must_be_the_index_of_one_of_the_claims = debe ser el índice de una de las afirmaciones
dom-each_claim_needs_a_source = cada afirmación requiere una fuente
dom-must_be_an_admiralty_credibility_from_1_confirmed_to_6_cannot_be = debe ser una credibilidad del código del Almirantazgo, de 1 (confirmada) a 6 (no se puede juzgar)
dom-must_not_be_empty = no debe estar vacío
dom-must_be_at_most_10000_characters = debe tener como máximo 10000 caracteres
dom-must_be_a_mission_slug_1_32_lowercase_letters_digits_or_hyphens = debe ser un código corto de misión: de 1 a 32 letras minúsculas, dígitos o guiones
dom-must_be_an_iso_4217_currency_code_such_as_usd = debe ser un código de moneda ISO 4217, como USD
dom-must_be_between_1945_and_2100 = debe estar entre 1945 y 2100
dom-must_be_at_most_500_characters = debe tener como máximo 500 caracteres
dom-must_not_contain_a_nul_character = no debe contener el carácter NUL
dom-must_be_a_single_line_no_tab_or_line_break = debe ocupar una sola línea (sin tabulaciones ni saltos de línea)
dom-a_fatality_figure_must_not_be_empty = una cifra de muertos no debe estar vacía
dom-is_not_valid_utf_8 = no es UTF-8 válido
dom-must_be_1_2_or_3 = debe ser 1, 2 o 3
dom-an_actor_type_without_an_actor_2 = un tipo de actor sin actor 2
dom-associated_actors_without_an_actor_2 = actores asociados sin actor 2
dom-actor_2_needs_its_actor_type = el actor 2 requiere su tipo de actor
dom-must_be_at_most_1000_characters = debe tener como máximo 1000 caracteres
dom-must_be_at_most_100000 = debe ser como máximo 100000
dom-must_be_a_latitude_between_90_and_90 = debe ser una latitud entre -90 y 90
dom-must_be_a_longitude_between_180_and_180 = debe ser una longitud entre -180 y 180
dom-must_be_1_40_letters_digits_or_such_as_hti12345_or_mss_2024_0001 = debe tener de 1 a 40 letras, dígitos, '-' o '_' (como HTI12345 o MSS-2024-0001)
dom-a_group_cannot_be_its_own_member = un grupo no puede ser miembro de sí mismo
dom-must_be_an_iso_3166_1_alpha_3_code_or_uno_for_the_united_nations = debe ser un código ISO 3166-1 alfa-3, o UNO para las Naciones Unidas
dom-un_sanctions_are_designated_by_uno = las sanciones de la ONU las designa UNO
dom-the_period_ends_before_it_begins = el período termina antes de empezar
dom-must_be_hti_a_department_s_iso_3166_2_code_such_as_ht_ar_or_a_co = debe ser HTI, el código ISO 3166-2 de un departamento, como HT-AR, o el P-code de OCHA de una comuna, como HT0111
dom-no_such_pledge = no existe ese compromiso
dom-is_in_the_future = está en el futuro
dom-is_a_document_of_another_mission = es un documento de otra misión
dom-is_set_by_the_server_when_the_report_is_recorded_only_an_import = lo fija el servidor al registrar el informe; solo una importación de informes en papel puede indicarlo
dom-is_set_by_the_server_when_the_complaint_is_recorded_only_an_impo = lo fija el servidor al registrar la denuncia; solo una importación de denuncias en papel puede indicarlo
dom-no_record_with_that_id = ningún registro tiene ese identificador
dom-must_be_1_64_letters_digits_or = debe tener de 1 a 64 letras, dígitos, '.', '_' o '-'
dom-a_commander_belongs_to_a_contributor_give_its_iso_3166_1_alpha_3 = un comandante pertenece a un país contribuyente: indique su código ISO 3166-1 alfa-3
dom-must_be_at_least_10_characters = debe tener al menos 10 caracteres
dom-no_entry_with_that_number = ninguna entrada tiene ese número
dom-a_correction_cannot_correct_a_correction = una corrección no puede corregir otra corrección
dom-the_detainee_was_already_handed_over_or_released = la persona detenida ya fue entregada o puesta en libertad
dom-the_pledge_was_already_withdrawn = el compromiso ya fue retirado
dom-at_most_500_claims = como máximo 500 afirmaciones
dom-must_be_a_label_in_snake_case_pledged_killed = debe ser una etiqueta en snake_case (pledged, killed)
dom-must_be_a_language_tag_such_as_en_fr_or_zh_hant = debe ser una etiqueta de idioma como en, fr o zh-Hant
dom-must_be_a_news_article = debe ser un artículo de prensa
dom-must_be_a_passage_of_the_article_s_content = debe ser un pasaje del texto del artículo
dom-must_be_another_article_the_first_of_the_story = debe ser otro artículo (el primero de la noticia)
dom-must_be_below_500 = debe ser menor que 500
dom-must_be_day_month_year_period_or_unknown = debe ser day, month, year, period o unknown
dom-must_be_personnel_money_casualties_displacement_resolution_or_ev = debe ser personnel, money, casualties, displacement, resolution o event
dom-no_article_with_that_id = ningún artículo tiene ese identificador
dom-no_source_with_that_id = ninguna fuente tiene ese identificador
dom-this_claim_has_already_been_accepted_or_dismissed = esta afirmación ya fue aceptada o descartada
dom-this_source_s_article_is_already_recorded = el artículo de esta fuente ya está registrado

## A mirror's alarm (`konbit mirror`): how the followed log failed to extend what it showed.

dom-mirror-smaller = el registro mostró un punto de control de { $size } entradas cuya raíz no es la de las primeras { $first } entradas que mostraba antes
dom-mirror-fork = el registro mostró dos puntos de control de { $size } entradas con raíces distintas
dom-mirror-rewritten = el punto de control de { $size } entradas del registro no prolonga el de { $held } entradas que mostraba antes: su historia fue reescrita
dom-mirror-root = las entradas que sirvió el registro no dan la raíz de su punto de control de { $size } entradas
dom-mirror-link = la entrada { $seq } no está enlazada con la entrada anterior
dom-mirror-content = el contenido de la entrada { $seq } no da su resumen
dom-mirror-hash = el hash de la entrada { $seq } no corresponde a su lugar y su resumen
dom-mirror-place = el registro sirvió la entrada { $value } donde va la entrada { $seq }
