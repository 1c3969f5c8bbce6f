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

table-total = Total

err-date = debe ser una fecha (AAAA-MM-DD)

role-viewer = lector
role-editor = editor
role-admin = administrador
role-hr_officer = oficial de recursos humanos
role-conduct_officer = oficial de conducta
role-commander = comandante de contingente

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

nav-situation = Situación
