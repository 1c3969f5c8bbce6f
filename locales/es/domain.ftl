### The domain's and the store's field messages (what is wrong with a field of a form), keyed
### by the slug of the English text, as `Tr::domain_message` looks them up: `dom-` and the
### message lowercased, each run of other characters than a-z and 0-9 one `_`, at most 64.

## Messages built with a value (a length, a country, a control character, who may record).

dom-at_most_characters = debe tener como máximo { $max } caracteres
dom-not_a_country = { $value } no es un código de país ISO 3166-1 alfa-3
dom-control_character = no debe contener el carácter de control { $code }
dom-only_who_may = solo puede registrarlo { $who }

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
dom-must_be_hti_or_a_department_s_iso_3166_2_code_such_as_ht_ar = debe ser HTI o el código ISO 3166-2 de un departamento, como HT-AR
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
