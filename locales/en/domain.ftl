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

dom-at_most_characters = must be at most { $max } characters
dom-not_a_country = { $value } is not an ISO 3166-1 alpha-3 country code
dom-control_character = must not contain the control character U+{ $code }

## Who may record: each rule of the domain's access written out, then any other.

dom-only_an_editor_or_admin_may_record_this = only an editor or admin may record this
dom-only_an_editor_admin_or_hr_officer_may_record_this = only an editor, admin or hr_officer may record this
dom-only_an_editor_admin_or_conduct_officer_may_record_this = only an editor, admin or conduct_officer may record this
dom-only_an_hr_officer_may_record_this = only an hr_officer may record this
dom-only_an_hr_officer_or_the_commander_of_the_person_s_contingent_m = only an hr_officer, or the commander of the person's contingent may record this
dom-only_a_conduct_officer_may_record_this = only a conduct_officer may record this
dom-only_a_conduct_officer_or_the_commander_of_the_unit_s_contingent = only a conduct_officer, or the commander of the unit's contingent may record this
dom-only_an_admin_may_record_this = only an admin may record this
dom-only_the_server_itself_may_record_this = only the server itself may record this
dom-only_who_may = only { $who } may record this

## Messages built with values by the domain, in the order of the sources.

dom-kind_not_commands = entries of kind { $kind } are not commands
dom-sub_event_of_another_type = { $sub_event } is a sub-event type of { $event }, not of { $given }
dom-disorder_not_with_event = { $disorder } does not go with the event type { $event }
dom-not_a_department = { $value } is not one of Haiti's ten departments ({ $departments })
dom-most_conservative_figure = must be the most conservative of the reported figures, { $min } (ACLED's rule)
dom-point_at_sea = the point ({ $lat }, { $lon }) is outside Haiti: at sea { $km } km from its coast, beyond its territorial sea (12 nautical miles, { $limit } km)
dom-point_across_border = the point ({ $lat }, { $lon }) is outside Haiti: { $km } km beyond its land boundary, in the Dominican Republic
dom-no_place_in_gazetteer = no place { $code } in the gazetteer
dom-no_site_in_gazetteer = no site { $code } in the gazetteer
dom-no_segment_in_gazetteer = no route segment { $code } in the gazetteer
dom-fatality_figure_unreadable = cannot read { $text } as a fatality figure: give a number, "at least N", a range "N-M", or tens/dozens/hundreds/thousands
dom-row_width = the row has { $fields } fields, the header has { $width }
dom-row_width_hxl = the row has { $fields } fields, the hashtag row has { $width }
dom-row_too_long_hxl = the row is { $size } bytes, more than { $max }: not an indicator row
dom-not_the_year = { $year } is not the year of event_date { $date }
dom-not_1_2_or_3 = { $value } is not 1, 2 or 3
dom-unknown_disorder_type = unknown disorder type { $value }
dom-unknown_event_type = unknown event type { $value }; ACLED's are: { $types }
dom-unknown_sub_event_type = unknown sub-event type { $value }
dom-not_an_actor_type = { $value } is not an ACLED actor type (1–8 or its name)
dom-not_civilian_targeting = { $value }: expected "Civilian targeting" or nothing
dom-iso_not_haiti = { $value } is not Haiti ({ $haiti }), the mission's country
dom-country_not_haiti = { $value } is not Haiti, the mission's country
dom-not_a_number = { $value } is not a number
dom-not_unix_time = { $value } is not a Unix time in seconds
dom-not_an_acled_date = { $value } is not a date (YYYY-MM-DD, or D Month YYYY as ACLED writes it)

## Why a person may not be assigned on a date (the person page, a refused assignment).

dom-not_deployed_on = not deployed on { $date }
dom-vetting_not_cleared = vetting is { $vetting }, not cleared
dom-no_vetting_result = no vetting result
dom-no_document_in_force = no { $doc_kind } in force on { $date }
dom-document_not_acknowledged = { $doc_kind } version { $version } not acknowledged

## Messages built with values by the store, in the order of the sources.

dom-no_source_with_id = no source with id { $id }
dom-kind_cannot_be_corrected = entries of kind { $kind } cannot be corrected
dom-commander_only_not_role = only a commander belongs to a contributor, not a { $role }
dom-user_exists = user { $username } already exists (names do not differ by case alone)
dom-last_admin = { $username } is the last admin; make another user admin first
dom-no_what_with_id = no { $what } with id { $id }
dom-no_person_with_id = no person with id { $id }
dom-no_use_of_force_report_with_id = no use-of-force report with id { $id }
dom-no_detention_with_id = no detention with id { $id }
dom-no_case_with_id = no case with id { $id }
dom-version_recorded = { $doc_kind } version { $version } is already recorded
dom-before_deployment = is before the deployment began ({ $date })
dom-no_document_with_id = no document with id { $id }
dom-document_does_not_bind = does not bind { $cat } personnel
dom-no_record_with_id = no record with id { $id }
dom-report_cannot_become_yet = a report that is { $review_from } cannot become { $review_to } (put it under_review first)
dom-report_cannot_become = a report that is { $review_from } cannot become { $review_to }
dom-before_arrest = is before the arrest ({ $date })
dom-no_complaint_with_id = no complaint with id { $id }
dom-case_already_open = case { $id } is already open on that complaint
dom-case_cannot_become = a case that is { $case_from } cannot become { $case_to }
dom-before_case_opened = is before the case was opened ({ $date })
dom-incident_recorded = incident { $event_id } is already recorded; send a revision instead
dom-incident_cannot_become = incident { $event_id } is { $from }; it cannot become { $to }
dom-classified_higher = incident { $event_id } is { $class }; its verification and links are shown with it, so they cannot be classified higher
dom-no_use_of_force_with_id = no use_of_force with id { $id }
dom-not_a_coalition = { $code } is a group, not a coalition
dom-no_coalition = no armed group { $code }; profile the coalition first
dom-no_incident = no incident { $event_id }
dom-no_armed_group = no armed group { $code }
dom-no_mission = no mission { $slug }
dom-would_leave_more = more personnel would leave than { $country } has deployed: strength on { $date } would be { $police } police, { $military } military, { $civilian } civilian
dom-mission_exists = a mission with slug { $slug } already exists

dom-article_has_claims = the article has { $count } claims
dom-claim_held_by = a { $claim_kind } claim is held by a record of kind { $kinds }
## Messages written out in full, in the order of the sources (domain, then store).

dom-must_be_a_resolution_number_from_1_to_100000 = must be a resolution number from 1 to 100000
dom-must_be_after_adopted_on = must be after adopted_on
dom-must_be_from_0_to_15_the_council_has_15_members = must be from 0 to 15 (the Council has 15 members)
dom-votes_add_up_to_more_than_the_council_s_15_seats = votes add up to more than the Council's 15 seats
dom-must_not_be_before_adopted_on = must not be before adopted_on
dom-must_be_a_positive_head_count = must be a positive head count
dom-a_mission_cannot_succeed_itself = a mission cannot succeed itself
dom-is_listed_twice = is listed twice
dom-a_movement_must_move_at_least_one_person = a movement must move at least one person
dom-a_rotation_relieves_at_least_one_person = a rotation relieves at least one person
dom-a_rotation_must_say_who_is_relieved = a rotation must say who is relieved
dom-only_a_rotation_relieves_personnel = only a rotation relieves personnel
dom-must_not_be_empty_when_given = must not be empty when given
dom-looks_like_a_country_code_but_is_not_iso_3166_1_alpha_3 = looks like a country code but is not ISO 3166-1 alpha-3
dom-must_be_a_positive_amount = must be a positive amount
dom-must_not_be_negative = must not be negative
dom-must_be_at_most_1000000000000_a_thousand_billion = must be at most 1000000000000 (a thousand billion)
dom-is_implausibly_large_over_1_000_000 = is implausibly large (over 1,000,000)
dom-is_implausibly_large_over_10_000 = is implausibly large (over 10,000)
dom-must_not_be_before_deployed_from = must not be before deployed_from
dom-is_required = is required
dom-a_document_binds_at_least_one_category_of_personnel = a document binds at least one category of personnel
dom-is_implausibly_large_over_100_000 = is implausibly large (over 100,000)
dom-rounds_were_fired_so_the_level_must_be_less_lethal_or_firearm = rounds were fired, so the level must be less_lethal or firearm
dom-must_not_be_before_occurred_at = must not be before occurred_at
dom-a_review_moves_a_report_to_under_review_cleared_or_referred = a review moves a report to under_review, cleared or referred
dom-a_reviewer_who_clears_or_refers_a_report_says_why = a reviewer who clears or refers a report says why
dom-must_not_be_before_arrested_at = must not be before arrested_at
dom-an_injury_or_death_in_custody_must_link_a_use_of_force_report_or = an injury or death in custody must link a use_of_force report or an incident
dom-must_be_from_0_to_120 = must be from 0 to 120
dom-a_detainee_under_18_is_a_minor = a detainee under 18 is a minor
dom-contradicts_person_age_18_or_over = contradicts person.age (18 or over)
dom-must_be_a_sha_256_in_hex = must be a SHA-256 in hex
dom-an_anonymous_complaint_carries_no_name_or_contact = an anonymous complaint carries no name or contact
dom-a_case_has_at_least_one_allegation = a case has at least one allegation
dom-sexual_exploitation_and_abuse_is_always_category_1 = sexual exploitation and abuse is always category_1
dom-repeats_an_allegation_one_per_person_and_type_of_misconduct = repeats an allegation (one per person and type of misconduct)
dom-a_case_is_received_when_it_is_opened = a case is received when it is opened
dom-the_findings_are_required_to_conclude_an_investigation = the findings are required to conclude an investigation
dom-a_view_names_at_least_one_record = a view names at least one record
dom-nobody_of_this_unit_is_deployed_on_that_day = nobody of this unit is deployed on that day
dom-everyone_of_this_unit_has_already_acknowledged_this_document = everyone of this unit has already acknowledged this document
dom-must_be_the_sequence_number_of_an_entry = must be the sequence number of an entry
dom-a_source_needs_a_url_or_a_reference = a source needs a url or a reference
dom-must_be_an_http_s_url = must be an http(s) URL
dom-must_be_an_iso_639_1_code_such_as_en_or_fr = must be an ISO 639-1 code such as en or fr
dom-a_discrepancy_needs_at_least_two_claims = a discrepancy needs at least two claims
dom-must_be_the_index_of_one_of_the_claims = must be the index of one of the claims
dom-each_claim_needs_a_source = each claim needs a source
dom-must_be_an_admiralty_credibility_from_1_confirmed_to_6_cannot_be = must be an Admiralty credibility from 1 (confirmed) to 6 (cannot be judged)
dom-must_not_be_empty = must not be empty
dom-must_be_at_most_10000_characters = must be at most 10000 characters
dom-must_be_a_mission_slug_1_32_lowercase_letters_digits_or_hyphens = must be a mission slug: 1–32 lowercase letters, digits or hyphens
dom-must_be_an_iso_4217_currency_code_such_as_usd = must be an ISO 4217 currency code such as USD
dom-must_be_between_1945_and_2100 = must be between 1945 and 2100
dom-must_be_at_most_500_characters = must be at most 500 characters
dom-must_not_contain_a_nul_character = must not contain a NUL character
dom-must_be_a_single_line_no_tab_or_line_break = must be a single line (no tab or line break)
dom-a_fatality_figure_must_not_be_empty = a fatality figure must not be empty
dom-is_not_valid_utf_8 = is not valid UTF-8
dom-must_be_1_2_or_3 = must be 1, 2 or 3
dom-an_actor_type_without_an_actor_2 = an actor type without an actor 2
dom-associated_actors_without_an_actor_2 = associated actors without an actor 2
dom-actor_2_needs_its_actor_type = actor 2 needs its actor type
dom-must_be_at_most_1000_characters = must be at most 1000 characters
dom-must_be_at_most_100000 = must be at most 100000
dom-must_be_a_latitude_between_90_and_90 = must be a latitude between -90 and 90
dom-must_be_a_longitude_between_180_and_180 = must be a longitude between -180 and 180
dom-must_be_1_40_letters_digits_or_such_as_hti12345_or_mss_2024_0001 = must be 1–40 letters, digits, '-' or '_' (such as HTI12345 or MSS-2024-0001)
dom-a_group_cannot_be_its_own_member = a group cannot be its own member
dom-must_be_an_iso_3166_1_alpha_3_code_or_uno_for_the_united_nations = must be an ISO 3166-1 alpha-3 code, or UNO for the United Nations
dom-un_sanctions_are_designated_by_uno = UN sanctions are designated by UNO
dom-the_period_ends_before_it_begins = the period ends before it begins
dom-must_be_hti_a_department_s_iso_3166_2_code_such_as_ht_ar_or_a_co = must be HTI, a department's ISO 3166-2 code such as HT-AR, or a commune's OCHA P-code such as HT0111
dom-no_such_pledge = no such pledge
dom-is_in_the_future = is in the future
dom-is_a_document_of_another_mission = is a document of another mission
dom-is_set_by_the_server_when_the_report_is_recorded_only_an_import = is set by the server when the report is recorded; only an import of paper reports may give it
dom-is_set_by_the_server_when_the_complaint_is_recorded_only_an_impo = is set by the server when the complaint is recorded; only an import of paper complaints may give it
dom-no_record_with_that_id = no record with that id
dom-must_be_1_64_letters_digits_or = must be 1–64 letters, digits, '.', '_' or '-'
dom-a_commander_belongs_to_a_contributor_give_its_iso_3166_1_alpha_3 = a commander belongs to a contributor: give its ISO 3166-1 alpha-3 code
dom-must_be_at_least_10_characters = must be at least 10 characters
dom-no_entry_with_that_number = no entry with that number
dom-a_correction_cannot_correct_a_correction = a correction cannot correct a correction
dom-the_detainee_was_already_handed_over_or_released = the detainee was already handed over or released
dom-the_pledge_was_already_withdrawn = the pledge was already withdrawn
dom-at_most_500_claims = at most 500 claims
dom-must_be_a_label_in_snake_case_pledged_killed = must be a label in snake_case (pledged, killed)
dom-must_be_a_language_tag_such_as_en_fr_or_zh_hant = must be a language tag such as en, fr or zh-Hant
dom-must_be_a_news_article = must be a news article
dom-must_be_a_passage_of_the_article_s_content = must be a passage of the article's content
dom-must_be_another_article_the_first_of_the_story = must be another article (the first of the story)
dom-must_be_below_500 = must be below 500
dom-must_be_day_month_year_period_or_unknown = must be day, month, year, period or unknown
dom-must_be_personnel_money_casualties_displacement_resolution_or_ev = must be personnel, money, casualties, displacement, resolution or event
dom-no_article_with_that_id = no article with that id
dom-no_source_with_that_id = no source with that id
dom-this_claim_has_already_been_accepted_or_dismissed = this claim has already been accepted or dismissed
dom-this_source_s_article_is_already_recorded = this source's article is already recorded

## A mirror's alarm (`konbit mirror`): how the followed log failed to extend what it showed.

dom-mirror-smaller = the log showed a checkpoint of { $size } entries whose root is not the root of the first { $first } entries it showed before
dom-mirror-fork = the log showed two checkpoints of { $size } entries with different roots
dom-mirror-rewritten = the log's checkpoint of { $size } entries does not extend the checkpoint of { $held } entries it showed before: its history was rewritten
dom-mirror-root = the entries the log served do not hash to the root of its checkpoint of { $size } entries
dom-mirror-link = entry { $seq } does not link to the entry before it
dom-mirror-content = entry { $seq }'s content does not hash to its digest
dom-mirror-hash = entry { $seq }'s hash does not match its place and digest
dom-mirror-place = the log served entry { $value } where entry { $seq } belongs
