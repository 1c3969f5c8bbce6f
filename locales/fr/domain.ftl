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

dom-at_most_characters = doit compter au plus { $max } caractères
dom-not_a_country = { $value } n’est pas un code pays ISO 3166-1 alpha-3
dom-control_character = ne doit pas contenir le caractère de contrôle U+{ $code }

## Who may record: each rule of the domain's access written out, then any other.

dom-only_an_editor_or_admin_may_record_this = seul un éditeur ou un administrateur peut enregistrer ceci
dom-only_an_editor_admin_or_hr_officer_may_record_this = seul un éditeur, un administrateur ou le chargé des ressources humaines peut enregistrer ceci
dom-only_an_editor_admin_or_conduct_officer_may_record_this = seul un éditeur, un administrateur ou le chargé de la déontologie et de la discipline peut enregistrer ceci
dom-only_an_hr_officer_may_record_this = seul le chargé des ressources humaines peut enregistrer ceci
dom-only_an_hr_officer_or_the_commander_of_the_person_s_contingent_m = seul le chargé des ressources humaines, ou le commandant du contingent de la personne, peut enregistrer ceci
dom-only_a_conduct_officer_may_record_this = seul le chargé de la déontologie et de la discipline peut enregistrer ceci
dom-only_a_conduct_officer_or_the_commander_of_the_unit_s_contingent = seul le chargé de la déontologie et de la discipline, ou le commandant du contingent de l’unité, peut enregistrer ceci
dom-only_an_admin_may_record_this = seul un administrateur peut enregistrer ceci
dom-only_the_server_itself_may_record_this = seul le serveur lui-même peut enregistrer ceci
dom-only_who_may = ne peut être enregistré que par { $who }

## Messages built with values by the domain, in the order of the sources.

dom-kind_not_commands = les entrées de type { $kind } ne sont pas des commandes
dom-sub_event_of_another_type = { $sub_event } est un sous-type de l’événement { $event }, pas de { $given }
dom-disorder_not_with_event = { $disorder } ne va pas avec le type d’événement { $event }
dom-not_a_department = { $value } n’est pas l’un des dix départements d’Haïti ({ $departments })
dom-most_conservative_figure = doit être le plus prudent des bilans rapportés, { $min } (règle d’ACLED)
dom-point_at_sea = le point ({ $lat }, { $lon }) est hors d’Haïti : en mer à { $km } km de ses côtes, au-delà de sa mer territoriale (12 milles marins, { $limit } km)
dom-point_across_border = le point ({ $lat }, { $lon }) est hors d’Haïti : à { $km } km au-delà de sa frontière terrestre, en République dominicaine
dom-no_place_in_gazetteer = aucun lieu { $code } dans le répertoire géographique
dom-no_site_in_gazetteer = aucun site { $code } dans le répertoire géographique
dom-no_segment_in_gazetteer = aucun tronçon de route { $code } dans le répertoire géographique
dom-fatality_figure_unreadable = impossible de lire { $text } comme un bilan de morts : indiquez un nombre, « at least N », un intervalle « N-M », ou tens/dozens/hundreds/thousands
dom-row_width = la ligne compte { $fields } champs, l’en-tête { $width }
dom-row_width_hxl = la ligne compte { $fields } champs, la ligne de hashtags { $width }
dom-row_too_long_hxl = la ligne fait { $size } octets, plus de { $max } : ce n’est pas une ligne d’indicateur
dom-not_the_year = { $year } n’est pas l’année de event_date { $date }
dom-not_1_2_or_3 = { $value } n’est pas 1, 2 ou 3
dom-unknown_disorder_type = type de désordre inconnu { $value }
dom-unknown_event_type = type d’événement inconnu { $value } ; ceux d’ACLED sont : { $types }
dom-unknown_sub_event_type = sous-type d’événement inconnu { $value }
dom-not_an_actor_type = { $value } n’est pas un type d’acteur ACLED (1–8 ou son nom)
dom-not_civilian_targeting = { $value } : « Civilian targeting » ou rien est attendu
dom-iso_not_haiti = { $value } n’est pas Haïti ({ $haiti }), le pays de la mission
dom-country_not_haiti = { $value } n’est pas Haïti, le pays de la mission
dom-not_a_number = { $value } n’est pas un nombre
dom-not_unix_time = { $value } n’est pas une heure Unix en secondes
dom-not_an_acled_date = { $value } n’est pas une date (AAAA-MM-JJ, ou J Mois AAAA comme l’écrit ACLED)

## Why a person may not be assigned on a date (the person page, a refused assignment).

dom-not_deployed_on = hors déploiement le { $date }
dom-vetting_not_cleared = résultat du contrôle : « { $vetting } », pas « favorable »
dom-no_vetting_result = aucun résultat de contrôle
dom-no_document_in_force = aucune « { $doc_kind } » en vigueur le { $date }
dom-document_not_acknowledged = prise de connaissance manquante : « { $doc_kind } » version { $version }

## Messages built with values by the store, in the order of the sources.

dom-no_source_with_id = aucune source ne porte l’identifiant { $id }
dom-kind_cannot_be_corrected = les entrées de type { $kind } ne peuvent pas être corrigées
dom-commander_only_not_role = seul un commandant relève d’un contributeur, pas un { $role }
dom-user_exists = l’utilisateur { $username } existe déjà (les noms ne diffèrent pas par la casse seule)
dom-last_admin = { $username } est le dernier administrateur ; nommez d’abord un autre administrateur
dom-no_what_with_id = aucun enregistrement « { $what } » ne porte l’identifiant { $id }
dom-no_person_with_id = aucune personne ne porte l’identifiant { $id }
dom-no_use_of_force_report_with_id = aucun rapport d’usage de la force ne porte l’identifiant { $id }
dom-no_detention_with_id = aucune détention ne porte l’identifiant { $id }
dom-no_case_with_id = aucun dossier ne porte l’identifiant { $id }
dom-version_recorded = « { $doc_kind } » version { $version } est déjà enregistrée
dom-before_deployment = est antérieur au début du déploiement ({ $date })
dom-no_document_with_id = aucun document ne porte l’identifiant { $id }
dom-document_does_not_bind = ne lie pas le personnel de la catégorie « { $cat } »
dom-no_record_with_id = aucun enregistrement ne porte l’identifiant { $id }
dom-report_cannot_become_yet = un rapport « { $review_from } » ne peut pas devenir « { $review_to } » (mettez-le d’abord en cours d’examen)
dom-report_cannot_become = un rapport « { $review_from } » ne peut pas devenir « { $review_to } »
dom-before_arrest = est antérieur à l’arrestation ({ $date })
dom-no_complaint_with_id = aucune plainte ne porte l’identifiant { $id }
dom-case_already_open = le dossier { $id } est déjà ouvert sur cette plainte
dom-case_cannot_become = un dossier « { $case_from } » ne peut pas devenir « { $case_to } »
dom-before_case_opened = est antérieur à l’ouverture du dossier ({ $date })
dom-incident_recorded = l’incident { $event_id } est déjà enregistré ; envoyez plutôt une révision
dom-incident_cannot_become = l’incident { $event_id } est { $from } ; il ne peut pas devenir { $to }
dom-classified_higher = l’incident { $event_id } est classé « { $class } » ; sa vérification et ses liens s’affichent avec lui et ne peuvent donc pas être classés plus haut
dom-no_use_of_force_with_id = aucun rapport d’usage de la force ne porte l’identifiant { $id }
dom-not_a_coalition = { $code } est un groupe, pas une coalition
dom-no_coalition = aucun groupe armé { $code } ; enregistrez d’abord le profil de la coalition
dom-no_incident = aucun incident { $event_id }
dom-no_armed_group = aucun groupe armé { $code }
dom-no_mission = aucune mission { $slug }
dom-would_leave_more = plus de personnel partirait que { $country } n’en a déployé : l’effectif au { $date } serait de { $police } policiers, { $military } militaires, { $civilian } civils
dom-mission_exists = une mission porte déjà l’identifiant { $slug }

dom-article_has_claims = l’article compte { $count } affirmations
dom-claim_held_by = une affirmation de type { $claim_kind } est portée par une fiche de type { $kinds }
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
dom-must_be_hti_a_department_s_iso_3166_2_code_such_as_ht_ar_or_a_co = doit être HTI, le code ISO 3166-2 d’un département, par exemple HT-AR, ou le P-code OCHA d’une commune, par exemple HT0111
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
dom-the_detainee_was_already_handed_over_or_released = la personne détenue a déjà été remise ou libérée
dom-the_pledge_was_already_withdrawn = l’engagement a déjà été retiré
dom-at_most_500_claims = au plus 500 affirmations
dom-must_be_a_label_in_snake_case_pledged_killed = doit être un libellé en snake_case (pledged, killed)
dom-must_be_a_language_tag_such_as_en_fr_or_zh_hant = doit être une étiquette de langue comme en, fr ou zh-Hant
dom-must_be_a_news_article = doit être un article de presse
dom-must_be_a_passage_of_the_article_s_content = doit être un passage du texte de l’article
dom-must_be_another_article_the_first_of_the_story = doit être un autre article (le premier du sujet)
dom-must_be_below_500 = doit être inférieur à 500
dom-must_be_day_month_year_period_or_unknown = doit être day, month, year, period ou unknown
dom-must_be_personnel_money_casualties_displacement_resolution_or_ev = doit être personnel, money, casualties, displacement, resolution ou event
dom-no_article_with_that_id = aucun article ne porte cet identifiant
dom-no_source_with_that_id = aucune source ne porte cet identifiant
dom-this_claim_has_already_been_accepted_or_dismissed = cette affirmation a déjà été acceptée ou écartée
dom-this_source_s_article_is_already_recorded = l’article de cette source est déjà enregistré

## A mirror's alarm (`konbit mirror`): how the followed log failed to extend what it showed.

dom-mirror-smaller = le journal a montré un point de contrôle de { $size } entrées dont la racine n’est pas celle des { $first } premières entrées qu’il montrait auparavant
dom-mirror-fork = le journal a montré deux points de contrôle de { $size } entrées aux racines différentes
dom-mirror-rewritten = le point de contrôle de { $size } entrées du journal ne prolonge pas celui de { $held } entrées qu’il montrait auparavant : son histoire a été réécrite
dom-mirror-root = les entrées servies par le journal ne donnent pas la racine de son point de contrôle de { $size } entrées
dom-mirror-link = l’entrée { $seq } n’est pas liée à l’entrée qui la précède
dom-mirror-content = le contenu de l’entrée { $seq } ne donne pas son condensé
dom-mirror-hash = le hachage de l’entrée { $seq } ne correspond pas à sa place et à son condensé
dom-mirror-place = le journal a servi l’entrée { $value } à la place de l’entrée { $seq }
