## Seguimiento de medios (media/pages.rs): el flujo de prensa, un artículo y sus afirmaciones, los conflictos.

nav-press = Prensa
press-title = Prensa
press-intro = Artículos leídos en la prensa, agrupados por noticia: las copias de un mismo despacho y las traducciones cuentan como un solo origen. Cada afirmación se compara con el registro en su fecha: nueva para el registro, en conflicto con él o en acuerdo.
press-count = { $n } artículos en { $stories } noticias
press-shown = { $n } de { $total } artículos, en { $stories } noticias
press-stories-match = { $n ->
    [one] una noticia
   *[other] { $n } noticias
  }
press-none = Ningún artículo coincide.
press-story-what = { $n ->
    [one] un artículo
   *[other] { $n } artículos
  } de { $outlets ->
    [one] un medio
   *[other] { $outlets } medios
  } ({ $languages })
press-claims = Afirmaciones
press-against = Frente al registro
press-date-unknown = fecha desconocida
press-n-claims = { $n ->
    [one] una afirmación
   *[other] { $n } afirmaciones
  }
press-n-new = { $n ->
    [one] una nueva
   *[other] { $n } nuevas
  }
press-n-conflicts = { $n ->
    [one] un conflicto
   *[other] { $n } conflictos
  }
press-n-agrees = { $n } en acuerdo
press-n-open = { $n } por decidir
press-conflicts-title = Conflictos
press-published = Publicado
press-same-story = La misma noticia en otros medios
press-text = El artículo
press-no-claims = No se encontró ninguna afirmación en este artículo.
press-record-says = El registro
press-accept-existing = Ya en el registro
press-dismiss = Descartar
press-verdict-agrees = de acuerdo con el registro
press-verdict-conflicts = en conflicto con el registro
press-verdict-new = nueva para el registro
press-verdict-not_compared = no comparada
press-status-open = por decidir
press-status-accepted = aceptada
press-status-dismissed = descartada
press-accepted-in = en el registro (entrada { $seq } del registro de cambios)
press-held-pledged = { $n } comprometidos
press-held-deployed = { $n } desplegados
press-held-arrived = { $n } llegados
press-held-departed = { $n } partidos
press-held-money-pledged-to_date = { $amount } { $currency } comprometidos a la fecha
press-held-money-pledged-then = { $amount } { $currency } comprometidos en esa fecha
press-held-money-received-to_date = { $amount } { $currency } recibidos a la fecha
press-held-money-received-then = { $amount } { $currency } recibidos en esa fecha
press-held-money-frozen-to_date = { $amount } { $currency } congelados a la fecha
press-held-money-frozen-then = { $amount } { $currency } congelados en esa fecha
press-held-indicator = { $indicator }, del { $from } al { $to }: { $n }
press-held-adopted = resolución { $resolution } aprobada el { $on }
press-held-ends = resolución { $resolution }: fin del mandato el { $on }
press-record-difference = { $record } (diferencia { $difference })
press-the-claim = La afirmación de prensa
press-accepting = Afirmación de prensa aceptada
press-vs-record = La prensa frente al registro
press-vs-record-intro = Afirmaciones cuya cifra difiere de la del registro en la misma fecha, primero las que faltan por decidir.
press-none-conflicts = Ninguna afirmación está en conflicto con el registro.
press-claim = Afirmación
press-press-says = La prensa
press-article = Artículo
press-between = Los artículos entre sí
press-between-intro = La misma cifra (tipo, sujeto y fecha) dada de forma distinta por varios artículos, cada versión junto a las demás.
press-none-between = Ningún par de artículos da la misma cifra de forma distinta.
form-title-press_claim_accepted = Aceptar una afirmación de prensa
form-title-press_claim_dismissed = Descartar una afirmación de prensa
field-article = Artículo
field-claim = Afirmación
form-title-press_claim_accepted-intro = El registro contiene esta afirmación: indique la ficha (un compromiso, un movimiento, un valor de indicador, un incidente) que la recoge. Para crear la ficha a partir de la afirmación, use el botón junto a la afirmación en la página del artículo: la ficha y su aceptación se registran juntas, con el artículo como fuente de la ficha.
form-title-press_claim_dismissed-intro = La afirmación no entra en el registro: diga por qué, para el próximo analista que lea el artículo.
help-the_article_its_source_id = El artículo (el identificador de su fuente).
help-the_claim_s_place_in_the_article_s_claims_from_0 = El lugar de la afirmación entre las del artículo, desde 0.
help-the_record_that_holds_the_claim_its_id = La ficha del registro que recoge la afirmación (su identificador).
help-why_misread_figure_the_same_claim_as_another_article_s_outside_t = Por qué (cifra mal leída, la misma afirmación que otro artículo, fuera de la misión).
contrib-press = En la prensa
contrib-press-intro = Las afirmaciones de los artículos del registro sobre el personal y el dinero de este contribuyente en esta misión, cada una comparada con el registro en su fecha (sin las descartadas).
sit-press-intro = Las afirmaciones sobre víctimas de los artículos del registro para este lugar, el día del incidente o el anterior o el siguiente; un número de muertos se compara con las víctimas mortales del incidente.
press-none-here = Ningún artículo del registro dice nada al respecto.
press-held-here = Recogida por esta ficha
press-find-incident = Buscar el incidente
press-add-toll = Añadir a sus cifras de muertos
