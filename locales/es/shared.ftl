### The layout around every page, errors, forms and the words every capability shares.

nav-skip = Ir al contenido
nav-label = Menú principal
nav-dashboard = Panel
nav-timeline = Cronología
nav-log = Registro
nav-sources = Fuentes
nav-users = Usuarios
nav-login = Iniciar sesión
nav-logout = Cerrar sesión
nav-language = Idioma

footer-text = Konbit — sistema de información de la misión. Cada cifra remite a una entrada del registro y a sus fuentes.

error-back = Volver al panel
error-bad_request = Solicitud incorrecta
error-not_found = No encontrado
error-forbidden = Acceso denegado
error-forbidden-text = No tiene el rol que exige esta página.
error-forbidden-editor = Registrar requiere el rol de editor. Pida a un administrador que se lo asigne si debería tenerlo.
error-forbidden-admin = La gestión de usuarios requiere el rol de administrador.
error-too_many = Demasiados intentos
error-refused = Rechazado
error-internal = Error interno
error-internal-text = El servidor tuvo un problema; el error quedó anotado en su registro.
error-expired = El formulario ha caducado
error-expired-text = Este formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo; no se ha guardado nada.
error-cross_site = Rechazado
error-cross_site-text = Los formularios solo pueden enviarse desde este sitio; no se ha guardado nada.
error-no_language = Este idioma no está disponible.

empty-title = No hay ninguna misión registrada
empty-text = Todavía no hay ninguna misión en el registro. Un administrador puede crear una mediante la API o cargar un escenario.

clocks-on = Al
clocks-as_of = Según lo registrado al
clocks-as_of-hint = Momento del registro: una fecha o una marca de tiempo RFC 3339; vacío para el momento actual
clocks-apply = Mostrar

action-new_pledge = Registrar un compromiso
action-new_deployment = Registrar un movimiento

table-country = País
table-pledged = Comprometidos
table-deployed = Desplegados
table-total = Total
table-missing = Instrumentos faltantes
table-date = Fecha
table-change = Cambio
table-details = Detalles y fuentes
table-in = Entradas
table-out = Salidas
table-kind = Tipo
table-title = Título
table-status = Estado

badge-corrected = corregido

form-errors = El registro no se guardó:
form-submit = Registrar
form-cancel = Cancelar
field-money_amount = Dinero comprometido
field-money_currency = Moneda
field-relieved_police = Policías relevados
field-relieved_military = Militares relevados
field-relieved_civilian = Civiles relevados

hint-country = Código de tres letras, p. ej. KEN para Kenia
hint-relieved = Solo relevos: quién sale mientras llegan los demás
hint-override_reason = Solo si al país contribuyente le falta un instrumento que la misión exige: por qué registrarlo de todos modos
hint-sources = Mantenga presionada la tecla Ctrl (⌘ en una Mac) para elegir varias
hint-money_amount = Unidades monetarias enteras; déjelo vacío si no hay dinero
hint-money_currency = Código ISO 4217, p. ej. USD

err-whole_number = debe ser un número entero
err-date = debe ser una fecha (AAAA-MM-DD)
err-authorization_missing = Al país contribuyente le faltan instrumentos exigidos ({ $missing }). Indique un motivo para registrar el movimiento de todos modos.
err-role = debe ser uno de los roles indicados
err-user_exists = ya está en uso
err-unknown = El registro fue rechazado.

role-viewer = lector
role-editor = editor
role-admin = administrador
role-hr_officer = oficial de recursos humanos
role-conduct_officer = oficial de conducta
role-commander = comandante de contingente

class-public = pública
class-mission = misión
class-restricted = restringida

change-recorded = registrado
change-revised = revisado
change-withdrawn = retirado

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
# A date written out: the day, the month's name from above and the year, in the order the language writes them.
date-long = { $day } de { $month } de { $year }

nav-statistics = Estadísticas
nav-complaints = Denuncias
nav-registers = Registros
nav-personnel = Personal
nav-documents = Documentos
nav-use_of_force = Uso de la fuerza
nav-detentions = Detenciones
nav-cases = Casos
nav-audit = Auditoría

err-account_required = Cuéntenos qué ocurrió.
err-too_long = Demasiado largo: no más de { $max } caracteres.
err-date_range = debe estar entre 1945 y 2100

error-forbidden-audit = La auditoría requiere el rol de administrador.

nav-situation = Situación
error-no_such_page = No hay ninguna página en esta dirección. Puede haber cambiado, o el enlace puede estar mal escrito.
error-no_such_record = No hay ningún registro con este identificador. Compruebe el identificador o busque el registro en su registro.

## Dates are typed as ISO 8601 everywhere, as the pages show them.
date-placeholder = AAAA-MM-DD
datetime-placeholder = AAAA-MM-DD HH:MM

# The search, filters and pages of long lists.
filter-invalid = El filtro «{ $param }» no se puede leer: { $why }.
filter-why-too_long = la búsqueda tiene como máximo 200 caracteres
filter-why-control = contiene caracteres de control
filter-why-unknown = no es uno de los valores ofrecidos
filter-why-country = un contribuyente es un código de tres letras como KEN
filter-why-date = una fecha se escribe AAAA-MM-DD
filter-why-before_from = el final del intervalo es anterior a su comienzo
filter-why-seq = un número de secuencia es un número entero desde 1
filter-why-page = una página es un número entero desde 1
filter-why-per = una página tiene 25, 50, 100 o 200 fichas
filter-why-record = una ficha es su identificador completo o los 8 caracteres que muestran las páginas
filter-why-user = un nombre de usuario tiene como máximo 64 caracteres
filter-any = Todos
filter-apply = Aplicar
filter-clear = Quitar los filtros
filter-search = Buscar
filter-sort = Orden
filter-per = Por página
filter-per-n = { $n } por página
filter-showing = { $count } · { $from }–{ $to } mostrados
filter-page = página { $n } de { $of }
filter-prev = Página anterior
filter-next = Página siguiente
filter-from = Desde
filter-to = Hasta
filter-status = Estado
filter-sort-newest = los más recientes primero
filter-sort-oldest = los más antiguos primero
filter-sort-country = por contribuyente
filter-sort-unit = por unidad
filter-sort-deployed = primer día más reciente primero
filter-sort-status = por estado
filter-sort-kind = por tipo
filter-error-unfiltered = Esta página sin sus filtros
