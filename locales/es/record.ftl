### The record itself: the log, sources and their grading, users and logging in.

source-grade = Calificación Admiralty: fiabilidad de la fuente (A–F) y credibilidad de la información (1–6)

disc-title = Las fuentes discrepan
disc-field = sobre
disc-accepted = aceptada
disc-reason = Motivo:

sources-title = Fuentes
sources-intro = Todas las fuentes registradas que usted puede ver. La calificación Admiralty valora la fiabilidad de la fuente (A–F) y la credibilidad de la información (1–6); pase el cursor sobre una calificación para ver su significado.
sources-count = { $n ->
    [one] 1 fuente
   *[other] { $n } fuentes
}
sources-none = No hay ninguna fuente registrada.
sources-outlet = Medio
sources-language = Idioma
sources-grade = Calificación
sources-note = Nota

source-grade-detail = Fiabilidad de la fuente { $r }: { $reliability }. Credibilidad de la información { $c }: { $credibility }.

log-title = Registro
log-ok = Cadena íntegra.
log-bad = Cadena rota.
log-length = Entradas:
log-head = cabeza
log-first_bad = primera entrada errónea:
log-explain = Cada registro es una entrada de una cadena de hashes. Las entradas por encima de su nivel de acceso conservan su lugar y su hash, pero no su contenido.
log-seq = N.º
log-recorded_at = Registrado
log-actor = Por
log-valid_at = Válido al
log-classification = Clasificación
log-hash = Hash
log-redacted = oculto
log-pages = Páginas
log-prev = Más antiguas
log-next = Más recientes

login-title = Iniciar sesión
login-username = Nombre de usuario
login-password = Contraseña
login-submit = Iniciar sesión
login-failed = Nombre de usuario desconocido o contraseña incorrecta.
login-throttled = Demasiados intentos fallidos. Espere unos minutos e inténtelo de nuevo.

users-title = Usuarios
users-intro = Quién puede iniciar sesión y con qué rol. Cada cambio queda anotado en el registro (nunca la contraseña).
users-role = Rol
users-account = Cuenta
users-active = activa
users-disabled = desactivada
users-you = usted
users-change_role = Cambiar de rol
users-role_of = Rol de { $name }
users-set = Cambiar
users-disable = Desactivar
users-enable = Reactivar
users-revoke_all = Cerrar sesiones y tokens
users-actions = Acceso
users-actions_of = Acceso de { $name }
users-tokens = Sesiones y tokens de API
users-tokens-intro = Todas las sesiones de navegador y todos los tokens de API activos. Cambiar la contraseña o el rol de un usuario, o desactivarlo, cierra los suyos, igual que revocar uno aquí. Cada revocación queda anotada en el registro.
users-tokens-none = No hay sesiones ni tokens activos.
users-token-kind-session = sesión de navegador
users-token-kind-api = token de API
users-token-issued = Emitido
users-token-expires = Vence
users-token-revoke = Revocar
users-new = Nuevo usuario
users-create = Crear usuario
users-username-hint = Letras, dígitos, «.», «_» o «-» (hasta 64)
users-password-hint = Al menos 10 caracteres
users-country = País contribuyente (comandantes)
users-country-hint = El país de un comandante, ISO 3166-1 alfa-3 (KEN). Déjelo vacío para los demás roles.

source_kind-resolution = resolución
source_kind-agreement = acuerdo
source_kind-press_release = comunicado de prensa
source_kind-news_article = artículo de prensa
source_kind-internal_report = informe interno
source_kind-other = otro

reliability-A = completamente fiable
reliability-B = normalmente fiable
reliability-C = bastante fiable
reliability-D = normalmente no fiable
reliability-E = no fiable
reliability-F = no se puede juzgar la fiabilidad

credibility-1 = confirmada por otras fuentes
credibility-2 = probablemente cierta
credibility-3 = posiblemente cierta
credibility-4 = dudosa
credibility-5 = improbable
credibility-6 = no se puede juzgar la veracidad
sources-search = Buscar
sources-reliability = Fiabilidad
sources-any = Cualquiera
sources-sort = Orden
sources-sort-date = por fecha
sources-sort-title = por título
sources-sort-grade = por calificación
sources-shown = { $n } de { $total } fuentes

log-filter-kind = Tipo de entrada
log-filter-at = Ir a la entrada número
log-filter-clear = Todo el registro
log-filtered-note = Solo se listan las entradas de este tipo que usted puede leer; las demás conservan su lugar en el registro completo.
log-none = No hay ninguna entrada aquí.
log-latest = Últimas entradas

## The mirror's page (`konbit mirror`)
mirror-title = Espejo de un registro
mirror-intro = Este espejo sigue el registro de otra instancia de Konbit, comprueba cada punto de control que firma frente al último que conserva y guarda cada entrada. Da la alarma si el registro muestra alguna vez una historia que no prolonga la mostrada antes.
mirror-ok = Ninguna vista dividida: cada punto de control prolonga el anterior.
mirror-alarm = Alarma: el registro mostró una historia que no prolonga la mostrada antes. El espejo dejó de seguirlo y ya no cofirma nada.
mirror-held = Punto de control conservado
mirror-shown = Lo que la instancia mostró en su lugar
mirror-source = Instancia seguida
mirror-origin = Nombre del registro
mirror-entries = Entradas conservadas
mirror-checkpoint = Último punto de control comprobado (entradas)
mirror-never = Todavía no
mirror-root = Hash raíz
mirror-checked = Última comprobación
mirror-error = Último fallo al contactar la instancia (se vuelve a intentar)
mirror-witness = Clave de testigo (C2SP tlog-cosignature)
mirror-no-witness = Este espejo no cofirma.
