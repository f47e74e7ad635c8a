// upload messages (es): the add-number form and the CSV upload panel. Namespace `upload.*`.
import { hours } from './hours';

export const upload = {
  hours,
  page: {
    breadcrumbs: 'Ruta de navegación',
    campaigns: 'Campañas',
    campaignFallback: 'Campaña %{id}',
    loading: 'Cargando la campaña…',
    loadError: 'No se pudo cargar la campaña. %{message}',
  },
  actions: {
    retry: 'Reintentar',
    cancel: 'Cancelar',
    upload: 'Subir',
  },
  blocked: {
    title: 'Esta campaña no admite números nuevos ahora',
    reason:
      'Solo se pueden añadir números mientras una campaña Dynamic está Active. Esta campaña es %{type} y está %{status}.',
  },
  country: {
    label: 'País predeterminado',
    help: 'Para números escritos sin prefijo de país. Se recuerda en este dispositivo.',
    none: 'Elija un país',
  },
  errors: {
    network:
      'No se pudo contactar con el servidor. Compruebe la conexión y vuelva a intentarlo; no se ha perdido nada.',
    badRequest: 'El servidor rechazó la petición: %{reason}',
    conflict: 'La campaña no admite números en su estado actual: %{reason}',
    tooLarge: 'El servidor indica que la petición es demasiado grande: %{reason}',
    busy: 'El servidor está ocupado; vuelva a intentarlo en un momento. Respondió: %{reason}',
    status: 'El servidor respondió %{status}: %{reason}',
    noReason: 'sin motivo indicado',
    canceled: 'Cancelado.',
  },
  create: {
    title: 'Añadir un número a %{name}',
    crumb: 'Añadir número',
    number: 'Número',
    numberHelp: 'Formato nacional (de %{country}) o internacional (+…).',
    numberRequired: 'Escriba un número de teléfono.',
    numberInvalid: 'No es un número válido de %{country}. Para otro país, empiece por + y su prefijo.',
    willBeSentAs: 'Se enviará como %{e164}',
    variables: 'Variables',
    variablesHelp:
      'Valores que usa el flujo de llamada, en orden. Los nombres son opcionales y solo se guardan en este dispositivo.',
    noVariables: 'Este número no lleva variables. Añada una si el flujo de llamada las usa.',
    variable: 'Variable %{n}',
    variableName: 'Nombre de la variable %{n}',
    variableNamePlaceholder: 'p. ej. Nombre, Importe',
    variableNameHelp: 'Se muestra como título de columna en la tabla',
    variableTooLong: 'Como máximo %{max} caracteres.',
    addVariable: 'Añadir variable',
    removeVariable: 'Quitar la variable %{n}',
    save: 'Guardar',
    addAnother: 'Añadir otro',
    notAdded: 'El número no se añadió',
    added: '%{number} añadido a %{name}',
    addedSearchCleared: '%{number} añadido a %{name}. Se quitó la búsqueda de la tabla para que se vea.',
    alreadyInCampaign: 'Ya está en esta campaña (añadido el %{date})',
    alreadyInCampaignUndated: 'Ya está en esta campaña',
    addAnyway: 'Añadir de todos modos',
  },
  upload: {
    title: 'Subir números a %{name}',
    crumb: 'Subir CSV',
  },
  drop: {
    prompt: 'Suelte aquí un archivo CSV o una hoja de cálculo (.xlsx, .xls, .ods), o elija un archivo',
    hint: 'Un archivo CSV o de texto (.csv, .txt), o una hoja de cálculo (.xlsx, .xls, .ods) de hasta 50 MB, con sus columnas en cualquier orden. Pulse Intro para buscar el archivo.',
    input: 'Archivo CSV u hoja de cálculo',
    chosen: 'Archivo: %{name} (%{size})',
    wrongType:
      '«%{name}» no es un archivo CSV, de texto ni de hoja de cálculo. Elija un archivo .csv, .txt, .xlsx, .xls u .ods.',
    tooMany: 'Suelte un solo archivo cada vez.',
    chooseAnother: 'Elegir otro archivo',
  },
  analysis: {
    title: 'Qué contiene el archivo',
    running: 'Leyendo el archivo… %{rows} filas hasta ahora',
    stop: 'Dejar de leer',
    stopped: 'Se detuvo la lectura del archivo.',
    restart: 'Volver a leerlo',
    failed: 'No se pudo leer el archivo',
    empty: 'El archivo no contiene filas que subir.',
  },
  settings: {
    header: 'La primera fila es un encabezado',
    headerCells: 'Encabezado: %{cells}',
    varCount: 'Variables por fila',
    varCountInvalid: 'Un número entero de 0 a %{max}.',
    varCountMapped:
      'Lo deciden las Columnas de abajo: se envían las columnas elegidas como variables, en su orden.',
    delimiter: 'Separador',
    delimiters: { comma: 'Coma (,)', semicolon: 'Punto y coma (;)', tab: 'Tabulador' },
    detected: 'Detectado en el archivo',
    chosen: 'Elegido por usted',
    existing: 'Comprobar también con los números que ya tiene esta campaña',
    existingHelp:
      'Antes lee el %{count} número de la campaña; cuenta como duplicado. |||| Antes lee los %{count} números de la campaña; cuentan como duplicados.',
    existingEmpty: 'La campaña aún no tiene números: no hay nada con qué comparar.',
    existingTooMany: 'No disponible para campañas de más de %{max} números.',
    existingUnknown: 'No disponible: se desconoce cuántos números tiene la campaña.',
    existingLoading: 'Leyendo los números de la campaña: %{fetched} de %{total}',
    existingFailed:
      'No se pudieron leer los números de la campaña (%{reason}). Marque la casilla otra vez para reintentar.',
  },
  counts: {
    rows: 'Filas',
    valid: 'Válidas',
    invalid: 'No válidas',
    duplicates: 'Duplicadas en el archivo',
    inCampaign: 'Ya en la campaña',
    dnc: 'En listas de no llamar',
  },
  preview: {
    title: 'Primera fila |||| Primeras %{smart_count} filas',
    table: 'Vista previa del archivo',
    number: 'Número',
    check: 'Comprobación',
    ok: 'Correcta',
    leftOutType: 'Se excluirá: tipo de número (%{type})',
    leftOutHours: 'Se excluirá: fuera del horario de llamadas',
    sentAs: 'se envía como %{e164}',
  },
  problems: {
    show: {
      invalid: 'Ver la fila no válida |||| Ver las %{count} filas no válidas',
      duplicates: 'Ver la fila duplicada |||| Ver las %{count} filas duplicadas',
      inCampaign:
        'Ver la fila que ya está en la campaña |||| Ver las %{count} filas que ya están en la campaña',
      dnc: 'Ver la fila que está en una lista de no llamar |||| Ver las %{count} filas que están en listas de no llamar',
    },
    tables: {
      invalid: 'Filas no válidas',
      duplicates: 'Filas duplicadas',
      inCampaign: 'Filas que ya están en la campaña',
      dnc: 'Filas en listas de no llamar',
    },
    line: 'Línea',
    reason: 'Motivo',
    raw: 'Fila tal como está escrita',
    firstShown: 'Se muestran las primeras %{shown} de %{smart_count}; la descarga contiene más.',
    download: 'Descargar las filas con problemas (CSV)',
    downloadCapped: 'La descarga incluye las primeras %{listed}.',
    invalidNumber: 'Número no válido',
    wrongColumnCount: 'Número de columnas incorrecto',
    duplicate: 'Duplicado en el archivo',
    duplicateInCampaign: 'Ya está en la campaña',
    onDncList: 'En una lista de no llamar',
    emptyNumber: 'Sin número',
    damagedNumber: 'Dañado por la hoja de cálculo',
    textAfterQuote: 'Texto tras unas comillas de cierre',
    unclosedQuote: 'Comillas sin cerrar',
    notText: 'No es un archivo de texto',
  },
  csv: {
    problem: {
      invalidNumber: '«%{number}» no es un número de teléfono válido',
      wrongColumnCount: '%{columns} columnas, se esperaban %{expected}',
      duplicate: '%{number} ya aparece en la línea %{firstLine}',
      duplicateInCampaign: '%{number} ya está en la campaña',
      onDncList: 'En la lista de no llamar %{lists}',
      onDncLists: 'En las listas de no llamar %{lists}',
      emptyNumber: 'Falta el número',
      damagedNumber:
        'Dañado por la hoja de cálculo (se ve como %{number}): dé formato de texto a la columna y guarde de nuevo',
      textAfterQuote:
        'Hay texto después de unas comillas de cierre: ponga toda la celda entre comillas o quite las comillas (el servidor rechaza el archivo tal como está)',
      unclosedQuote:
        'Unas comillas abiertas en esta fila no se cierran nunca, así que el resto del archivo se lee como esta única fila (el servidor rechaza el archivo tal como está)',
    },
    error: {
      notText:
        'No es un archivo de texto. Guarde la lista como CSV (separada por comas o punto y coma) y vuelva a intentarlo.',
      readFailed: 'El navegador no pudo leer el archivo. Vuelva a elegirlo.',
      workerFailed: 'El lector de archivos se detuvo de forma inesperada. Vuelva a intentarlo.',
      doNotCallFailed:
        'No se pudieron leer las listas de no llamar de este dispositivo, así que no se enviaron las filas válidas. Recargue la página y vuelva a intentarlo.',
      timeZonesFailed:
        'No se pudieron cargar las zonas horarias de los números, así que no se pudieron dejar fuera por tipo ni por horario de llamada. Recargue la página y vuelva a intentarlo, o no deje nada fuera.',
      sheetTooLarge:
        'Este libro ocupa más de 50 MB, lo máximo que puede leer el navegador. Guarde la hoja como CSV y suelte ese archivo.',
      sheetProtected:
        'Este libro está protegido con contraseña. Guarde una copia sin contraseña (o como CSV) y suelte ese archivo.',
      sheetCorrupt:
        'Este libro no se puede leer: puede estar dañado. Ábralo en su hoja de cálculo, vuelva a guardarlo (o como CSV) y suelte ese archivo.',
    },
  },
  columns: {
    title: 'Columnas',
    intro:
      'Indique qué columna es el número y cuáles se envían como variables, y en qué orden. La subida envía el número y luego las variables, sin encabezado.',
    folded:
      'El archivo ya tiene el formato de la API (primero el número, luego las variables): no hay nada que asignar.',
    foldedNoHeader:
      'El archivo no tiene fila de encabezado: el número es la primera columna y las demás columnas son las variables.',
    show: 'Cambiar las columnas',
    hide: 'Ocultar las columnas',
    column: 'Columna %{letter}',
    role: 'Función de la columna %{name}',
    samples: 'Por ejemplo: %{values}',
    noSamples: 'Vacía en las primeras filas',
    number: 'Número',
    fallback: {
      2: 'Número, segunda opción: se usa cuando el primero no es válido',
      3: 'Número, tercera opción: se usa cuando los dos primeros no son válidos',
      other: 'Número, opción %{rank}: se usa cuando los anteriores no son válidos',
    },
    choice: { 1: 'primera opción', 2: 'segunda opción', 3: 'tercera opción', other: 'opción %{rank}' },
    variable: 'Variable %{n}',
    ignore: 'Ignorar',
    sources: 'Números válidos tomados de %{list}',
    source: '%{name} (%{choice}): %{count}',
    remembered: 'Se aplica la asignación de su última subida con estas columnas.',
    reset: 'Usar la asignación sugerida',
    names: 'Las variables conservan los encabezados como nombres (%{names}).',
    cannotUpload: 'No se puede subir hasta corregir las columnas:',
    issue: {
      noNumber: 'Ninguna columna es el Número: elija la columna con los números de teléfono.',
      noNumbers: 'Ninguna columna contiene números de teléfono.',
      duplicateVariable:
        'Dos columnas son la Variable %{variable}: %{columns}. Dé a cada una su propia variable.',
      duplicateNumber:
        'Dos columnas son la misma opción de número (%{choice}): %{columns}. Dé a cada una su propia opción.',
      variableGap: 'Falta la Variable %{variable}: las variables se envían en orden, sin huecos.',
    },
  },
  sheet: {
    label: 'Hoja',
    damaged:
      'La hoja de cálculo convirtió %{smart_count} número en un número decimal (por ejemplo %{shown} en la celda %{cell}): sus cifras se han perdido. En la hoja de cálculo, dé formato de Texto a la columna, vuelva a escribir o pegar los números, guarde y vuelva a soltar el archivo. |||| La hoja de cálculo convirtió %{smart_count} números en números decimales (por ejemplo %{shown} en la celda %{cell}): sus cifras se han perdido. En la hoja de cálculo, dé formato de Texto a la columna, vuelva a escribir o pegar los números, guarde y vuelva a soltar el archivo.',
    empty: 'Esta hoja está vacía. Elija otra hoja u otro archivo.',
  },
  paste: {
    open: 'Pegar números',
    label: 'Números que comprobar',
    helper:
      'Pegue filas copiadas de una hoja de cálculo (separadas por tabuladores) o números, uno por línea o separados por comas o punto y coma.',
    analyse: 'Comprobar estos números',
    cancel: 'Cancelar',
    fileName: 'números pegados',
  },
  choice: {
    label: 'Qué enviar',
    valid:
      'Solo la fila válida (%{count}): número en formato internacional (E.164), sin duplicados |||| Solo las filas válidas (%{count}): números en formato internacional (E.164), sin duplicados',
    noneValid:
      'Ninguna fila tiene un número válido para el país predeterminado. Elija otro país arriba, o envíe el archivo tal cual.',
    asIs: 'El archivo tal cual (%{count} fila) |||| El archivo tal cual (%{count} filas)',
  },
  dnc: {
    unavailable:
      'No se pudieron leer las listas de no llamar de este dispositivo, así que los números que están en ellas no se marcan. Las filas válidas no se pueden enviar hasta poder leerlas: recargue la página.',
    asIsWarning:
      'El archivo tal cual enviaría %{count} número que está en una lista de no llamar. |||| El archivo tal cual enviaría %{count} números que están en listas de no llamar.',
    leftOut:
      'La fila que está en una lista de no llamar se deja fuera. |||| Las %{count} filas que están en listas de no llamar se dejan fuera.',
  },
  progress: {
    title: 'Subida',
    building: 'Preparando el archivo para enviarlo…',
    label: 'Enviado',
    bytes: '%{sent} de %{total} %{unit}',
    part: 'parte %{n} de %{count}',
    finishing: 'Comprobando el nuevo total de la campaña…',
    failed: 'La subida se detuvo',
    canceled: 'Se canceló la subida',
    kept: 'El archivo y los ajustes se conservan: Reintentar lo vuelve a enviar.',
    resume:
      'Las partes ya aceptadas no se vuelven a enviar: Reintentar continúa desde la parte que no llegó.',
    nothingAdded: 'No se añadió nada a la campaña.',
    stays:
      '%{count} número de %{parts} ya está en la campaña. |||| %{count} números de %{parts} ya están en la campaña.',
    staysUncounted: 'El servidor aceptó %{parts} sin decir cuántos números añadió.',
    partOne: 'la parte %{n}',
    partRange: 'las partes %{first}–%{last}',
    partList: 'las partes %{list}',
    partsTable: 'Partes de la subida',
    partColumn: 'Parte',
    rowsColumn: 'Filas',
    statusColumn: 'Estado',
    resultColumn: 'Resultado',
    partResult: '%{added} añadidos, %{rejected} rechazados',
    partNoCount: 'Aceptada (sin recuento)',
    status: { pending: 'En espera', sending: 'Enviando', done: 'Aceptada', failed: 'Fallida' },
  },
  summary: {
    title: 'Subida terminada',
    added: '%{count} número añadido a la campaña. |||| %{count} números añadidos a la campaña.',
    gained:
      'El servidor no indicó cuántos añadió; la campaña tiene ahora %{count} número más (%{before} antes, %{after} ahora). |||| El servidor no indicó cuántos añadió; la campaña tiene ahora %{count} números más (%{before} antes, %{after} ahora).',
    totals:
      'La campaña tiene ahora %{after} número (%{before} antes). |||| La campaña tiene ahora %{after} números (%{before} antes).',
    parts: 'Enviado en %{smart_count} partes, una petición cada una.',
    unknown: 'El servidor no indicó cuántos números añadió y se desconoce el total de la campaña.',
    rejected: 'El servidor rechazó %{count} fila. |||| El servidor rechazó %{count} filas.',
    dropped:
      'La consola omitió %{count} fila antes de enviar: %{kinds}. |||| La consola omitió %{count} filas antes de enviar: %{kinds}.',
    flagged:
      'De las %{sent} filas enviadas, la consola había señalado %{count}: %{kinds}. |||| De las %{sent} filas enviadas, la consola había señalado %{count}: %{kinds}.',
    flaggedNone: 'La consola no había señalado ninguna de las filas enviadas.',
    kinds: {
      invalid: '%{count} no válida |||| %{count} no válidas',
      duplicates: '%{count} duplicada en el archivo |||| %{count} duplicadas en el archivo',
      inCampaign: '%{count} ya en la campaña |||| %{count} ya en la campaña',
      dnc: '%{count} en una lista de no llamar |||| %{count} en listas de no llamar',
      leftOutType:
        '%{count} excluida por tipo de número (%{type}) |||| %{count} excluidas por tipo de número (%{type})',
      leftOutHours:
        '%{count} excluida por estar fuera del horario de llamadas |||| %{count} excluidas por estar fuera del horario de llamadas',
    },
    leftOutRow: {
      type: 'Excluida por tipo de número (%{type})',
      hours: 'Excluida: fuera del horario de llamadas, o zona horaria desconocida',
    },
    problemsTitle: 'Filas que no se añadieron',
    sourceColumn: 'Detectado por',
    source: { console: 'Consola, antes de enviar', server: 'Servidor' },
    incomplete: 'El servidor solo enumeró parte de sus rechazos; los recuentos de arriba son completos.',
    download: 'Descargar esta lista (CSV)',
    back: 'Volver a la campaña',
    another: 'Subir otro archivo',
  },
  indicator: {
    running: 'Subiendo a %{name}: %{percent} %',
    stopped: 'La subida a %{name} se detuvo al %{percent} %',
    done: 'Subida a %{name} terminada: ver el resumen',
  },
};
