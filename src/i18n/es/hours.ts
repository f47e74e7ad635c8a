// Horario de llamada y tipos de número en el panel de carga (es). Namespace `upload.hours.*`.
export const hours = {
  title: 'Horario de llamada y tipos de número',
  unavailable:
    'No se pudieron cargar las zonas horarias ni los tipos de los números (%{error}). La carga sigue funcionando, pero no se puede dejar nada fuera por horario ni por tipo.',
  start: 'Inicio del horario de llamada',
  end: 'Fin del horario de llamada',
  windowHelp:
    'Hora local en el lugar de cada número. Un número con varias zonas horarias solo se llama en las horas que comparten todas.',
  windowInvalid: 'Escriba las horas como HH:MM, por ejemplo 08:00 y 21:00.',
  windowEmpty: 'El inicio y el fin son iguales: no queda ninguna hora para llamar.',
  at: 'Inicio de la campaña',
  atFromCampaign: 'La fecha de inicio de la campaña, leída en la zona horaria de este dispositivo (%{zone}).',
  atNone:
    'Esta campaña no tiene fecha de inicio: elija cuándo llamará, en la zona horaria de este dispositivo (%{zone}). Ahora, si no elige otra.',
  atInvalid: 'Elija una fecha y una hora.',
  now: 'Fuera del horario de llamada ahora',
  atStart: 'Fuera del horario de llamada al inicio de la campaña',
  unknownZone: 'Zona horaria desconocida',
  byZone: 'Números por país y zona horaria',
  byType: 'Números por tipo',
  column: {
    country: 'País',
    zones: 'Zonas horarias',
    numbers: 'Números',
    localNow: 'Hora local ahora',
    hoursNow: 'Ahora',
    hoursAtStart: 'Al inicio de la campaña',
    type: 'Tipo',
  },
  international: 'Internacional (sin país)',
  manyZones: '%{zones}, … (%{count} zonas horarias)',
  noZone: 'Desconocida',
  verdict: {
    inside: 'Dentro',
    outside: 'Fuera',
    unknown: 'Desconocido',
  },
  type: {
    MOBILE: 'Móvil',
    FIXED_LINE: 'Fijo',
    FIXED_LINE_OR_MOBILE: 'Fijo o móvil',
    TOLL_FREE: 'Gratuito',
    PREMIUM_RATE: 'Tarificación adicional',
    SHARED_COST: 'Coste compartido',
    VOIP: 'VoIP',
    PERSONAL_NUMBER: 'Número personal',
    PAGER: 'Buscapersonas',
    UAN: 'Número de acceso universal (UAN)',
    VOICEMAIL: 'Buzón de voz',
    UNKNOWN: 'Desconocido',
  },
  fixedOrMobile:
    'No se puede saber el tipo de %{count} número: su plan de numeración (todos los números "+1": EE. UU., Canadá, el Caribe) da a móviles y fijos los mismos rangos, así que se muestra como "Fijo o móvil", sin adivinar. |||| No se puede saber el tipo de %{count} números: su plan de numeración (todos los números "+1": EE. UU., Canadá, el Caribe) da a móviles y fijos los mismos rangos, así que se muestran como "Fijo o móvil", sin adivinar.',
  leaveOut: 'Dejar fuera de "solo las filas válidas"',
  leaveOutHours:
    'Números fuera del horario de llamada al inicio de la campaña, y los de zona horaria desconocida (%{count})',
  leaveOutType: 'Números de tipo %{type} (%{count})',
  premiumDefault: 'Los números de tarificación adicional se dejan fuera salvo que desmarque la casilla.',
  leftOut:
    'Estas opciones dejan fuera %{count} número válido. |||| Estas opciones dejan fuera %{count} números válidos.',
  asIsNote:
    'Estas opciones se aplican a "solo las filas válidas"; "el archivo tal cual" envía todas las filas.',
  download: 'Descargar un archivo por zona horaria',
  downloading: 'Escribiendo los archivos…',
  downloadHelp:
    'Cada archivo contiene las filas que enviaría "solo las filas válidas", con las opciones de arriba, para una campaña cuyo horario coincida con su zona.',
  downloadFile: '%{zones}: %{count} número |||| %{zones}: %{count} números',
  downloadFailed: 'No se pudieron escribir los archivos. %{message}',
  choiceLeftOut:
    'Se deja fuera %{count} fila válida por horario de llamada y tipo de número (ver arriba). |||| Se dejan fuera %{count} filas válidas por horario de llamada y tipo de número (ver arriba).',
  files: 'Archivos por zona horaria',
};
