### The domain's and the store's field messages (what is wrong with a field of a form), keyed
### by the slug of the English text, as `Tr::domain_message` looks them up: `dom-` and the
### message lowercased, each run of other characters than a-z and 0-9 one `_`, at most 64.

## Messages built with a value (a length, a country, a control character, who may record).

dom-at_most_characters = doit compter au plus { $max } caractères
dom-not_a_country = { $value } n’est pas un code pays ISO 3166-1 alpha-3
dom-control_character = ne doit pas contenir le caractère de contrôle { $code }
dom-only_who_may = ne peut être enregistré que par { $who }

## Messages written out in full, in the order of the sources (domain, then store).

dom-must_be_a_resolution_number_from_1_to_100000 = doit être un numéro de résolution compris entre 1 et 100000
dom-must_be_after_adopted_on = doit être postérieur à adopted_on
dom-must_be_from_0_to_15_the_council_has_15_members = doit être compris entre 0 et 15 (le Conseil compte 15 membres)
dom-votes_add_up_to_more_than_the_council_s_15_seats = le total des voix dépasse les 15 sièges du Conseil
dom-must_not_be_before_adopted_on = ne doit pas être antérieur à adopted_on
dom-must_be_a_positive_head_count = doit être un effectif supérieur à zéro
dom-a_mission_cannot_succeed_itself = une mission ne peut pas se succéder à elle-même
dom-is_listed_twice = figure deux fois
dom-a_movement_must_move_at_least_one_person = un mouvement doit concerner au moins une personne
dom-a_rotation_relieves_at_least_one_person = une relève remplace au moins une personne
dom-a_rotation_must_say_who_is_relieved = une relève doit indiquer qui est relevé
dom-only_a_rotation_relieves_personnel = seule une relève remplace du personnel
dom-must_not_be_empty_when_given = ne doit pas être vide s’il est renseigné
dom-looks_like_a_country_code_but_is_not_iso_3166_1_alpha_3 = ressemble à un code pays mais n’est pas un code ISO 3166-1 alpha-3
dom-must_be_a_positive_amount = doit être un montant positif
dom-must_not_be_negative = ne doit pas être négatif
dom-must_be_at_most_1000000000000_a_thousand_billion = doit être au plus 1000000000000 (mille milliards)
dom-is_implausibly_large_over_1_000_000 = est invraisemblablement élevé (plus de 1 000 000)
dom-is_implausibly_large_over_10_000 = est invraisemblablement élevé (plus de 10 000)
dom-must_not_be_before_deployed_from = ne doit pas être antérieur à deployed_from
dom-is_required = est obligatoire
dom-a_document_binds_at_least_one_category_of_personnel = un document s’applique à au moins une catégorie de personnel
dom-is_implausibly_large_over_100_000 = est invraisemblablement élevé (plus de 100 000)
dom-rounds_were_fired_so_the_level_must_be_less_lethal_or_firearm = des coups ont été tirés, le niveau doit donc être less_lethal ou firearm
dom-must_not_be_before_occurred_at = ne doit pas être antérieur à occurred_at
dom-a_review_moves_a_report_to_under_review_cleared_or_referred = un examen fait passer le rapport à under_review, cleared ou referred
dom-a_reviewer_who_clears_or_refers_a_report_says_why = l’examinateur qui valide ou renvoie un rapport doit en indiquer le motif
dom-must_not_be_before_arrested_at = ne doit pas être antérieur à arrested_at
dom-an_injury_or_death_in_custody_must_link_a_use_of_force_report_or = une blessure ou un décès en détention doit être rattaché à un rapport use_of_force ou à un incident
dom-must_be_from_0_to_120 = doit être compris entre 0 et 120
dom-a_detainee_under_18_is_a_minor = un détenu de moins de 18 ans est mineur
dom-contradicts_person_age_18_or_over = contredit person.age (18 ans ou plus)
dom-must_be_a_sha_256_in_hex = doit être une empreinte SHA-256 en hexadécimal
dom-an_anonymous_complaint_carries_no_name_or_contact = une plainte anonyme ne comporte ni nom ni coordonnées
dom-a_case_has_at_least_one_allegation = un dossier comporte au moins une allégation
dom-sexual_exploitation_and_abuse_is_always_category_1 = l’exploitation et les abus sexuels relèvent toujours de category_1
dom-repeats_an_allegation_one_per_person_and_type_of_misconduct = répète une allégation (une par personne et par type de faute)
dom-a_case_is_received_when_it_is_opened = un dossier est reçu lors de son ouverture
dom-the_findings_are_required_to_conclude_an_investigation = les conclusions sont requises pour clore une enquête
dom-a_view_names_at_least_one_record = une consultation désigne au moins un enregistrement
dom-nobody_of_this_unit_is_deployed_on_that_day = personne de cette unité n’est déployé ce jour-là
dom-everyone_of_this_unit_has_already_acknowledged_this_document = tout le monde dans cette unité a déjà pris connaissance de ce document
dom-must_be_the_sequence_number_of_an_entry = doit être le numéro d’ordre d’une entrée
dom-a_source_needs_a_url_or_a_reference = une source exige une URL ou une référence
dom-must_be_an_http_s_url = doit être une URL http(s)
dom-must_be_an_iso_639_1_code_such_as_en_or_fr = doit être un code ISO 639-1, par exemple en ou fr
dom-a_discrepancy_needs_at_least_two_claims = un désaccord exige au moins deux affirmations
dom-must_be_the_index_of_one_of_the_claims = doit être l’indice de l’une des affirmations
dom-each_claim_needs_a_source = chaque affirmation exige une source
dom-must_be_an_admiralty_credibility_from_1_confirmed_to_6_cannot_be = doit être une crédibilité du code de l’Amirauté, de 1 (confirmée) à 6 (impossible à évaluer)
dom-must_not_be_empty = ne doit pas être vide
dom-must_be_at_most_10000_characters = doit compter au plus 10000 caractères
dom-must_be_a_mission_slug_1_32_lowercase_letters_digits_or_hyphens = doit être un code court de mission : 1 à 32 lettres minuscules, chiffres ou traits d’union
dom-must_be_an_iso_4217_currency_code_such_as_usd = doit être un code de devise ISO 4217, par exemple USD
dom-must_be_between_1945_and_2100 = doit être compris entre 1945 et 2100
dom-must_be_at_most_500_characters = doit compter au plus 500 caractères
dom-must_not_contain_a_nul_character = ne doit pas contenir de caractère NUL
dom-must_be_a_single_line_no_tab_or_line_break = doit tenir sur une seule ligne (sans tabulation ni saut de ligne)
dom-a_fatality_figure_must_not_be_empty = un bilan ne doit pas être vide
dom-is_not_valid_utf_8 = n’est pas de l’UTF-8 valide
dom-must_be_1_2_or_3 = doit être 1, 2 ou 3
dom-an_actor_type_without_an_actor_2 = un type d’acteur sans acteur 2
dom-associated_actors_without_an_actor_2 = des acteurs associés sans acteur 2
dom-actor_2_needs_its_actor_type = l’acteur 2 exige son type d’acteur
dom-must_be_at_most_1000_characters = doit compter au plus 1000 caractères
dom-must_be_at_most_100000 = doit être au plus 100000
dom-must_be_a_latitude_between_90_and_90 = doit être une latitude comprise entre -90 et 90
dom-must_be_a_longitude_between_180_and_180 = doit être une longitude comprise entre -180 et 180
dom-must_be_1_40_letters_digits_or_such_as_hti12345_or_mss_2024_0001 = doit compter 1 à 40 lettres, chiffres, '-' ou '_' (par exemple HTI12345 ou MSS-2024-0001)
dom-a_group_cannot_be_its_own_member = un groupe ne peut pas être son propre membre
dom-must_be_an_iso_3166_1_alpha_3_code_or_uno_for_the_united_nations = doit être un code ISO 3166-1 alpha-3, ou UNO pour l’Organisation des Nations Unies
dom-un_sanctions_are_designated_by_uno = les sanctions de l’ONU sont désignées par UNO
dom-the_period_ends_before_it_begins = la période se termine avant de commencer
dom-must_be_hti_or_a_department_s_iso_3166_2_code_such_as_ht_ar = doit être HTI ou le code ISO 3166-2 d’un département, par exemple HT-AR
dom-no_such_pledge = promesse introuvable
dom-is_in_the_future = est dans le futur
dom-is_a_document_of_another_mission = est un document d’une autre mission
dom-is_set_by_the_server_when_the_report_is_recorded_only_an_import = est fixé par le serveur à l’enregistrement du rapport ; seul un import de rapports papier peut le fournir
dom-is_set_by_the_server_when_the_complaint_is_recorded_only_an_impo = est fixé par le serveur à l’enregistrement de la plainte ; seul un import de plaintes papier peut le fournir
dom-no_record_with_that_id = aucun enregistrement ne porte cet identifiant
dom-must_be_1_64_letters_digits_or = doit compter 1 à 64 lettres, chiffres, '.', '_' ou '-'
dom-a_commander_belongs_to_a_contributor_give_its_iso_3166_1_alpha_3 = un commandant relève d’un contributeur : indiquez son code ISO 3166-1 alpha-3
dom-must_be_at_least_10_characters = doit compter au moins 10 caractères
dom-no_entry_with_that_number = aucune entrée ne porte ce numéro
dom-a_correction_cannot_correct_a_correction = une correction ne peut pas corriger une correction
