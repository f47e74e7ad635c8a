// numbers messages (es), under `resources.numbers.*` (react-admin's resource convention).
export const numbers = {
  name: 'Número |||| Números',
  fields: {
    id: 'ID',
    number: 'Número',
    varValues: 'Variables',
    status: 'Estado',
    attempts: 'Intentos',
    ringResult: 'Último resultado',
    createdAt: 'Añadido',
  },
  variable: 'Variable %{n}',
  values: {
    status: { Pending: 'Pendiente', InProgress: 'En curso', Completed: 'Completado', Failed: 'Fallido' },
    ringResult: {
      Answered: 'Contestada',
      NoAnswer: 'Sin respuesta',
      Busy: 'Ocupado',
      Failed: 'Fallida',
      Machine: 'Contestador',
    },
  },
  list: {
    title: 'Números',
    loading: 'Cargando números…',
    empty: 'Todavía no hay números: añada uno o suba un CSV',
    noResults: 'Ningún número coincide con estos filtros.',
    error: 'No se pudieron cargar los números: %{message}',
    retry: 'Reintentar',
    clearFilters: 'Quitar filtros',
    pageFailed: 'No se pudo cargar la página %{page}, así que la lista muestra la página %{current}.',
    backToPage: 'Volver a la página %{page}',
    dismiss: 'Cerrar',
  },
  filters: {
    search: 'Buscar número',
    status: 'Estado',
    ringResult: 'Último resultado',
  },
  pagination: {
    goToPage: 'Ir a la página',
    go: 'Ir',
    outOfRange: 'Indique una página de 1 a %{pages}',
  },
  selection: {
    selected: '%{count} número seleccionado |||| %{count} números seleccionados',
    allMatching: 'Están seleccionados los %{total} números que coinciden.',
    selectAllMatching: 'Seleccionar los %{total} números que coinciden',
    clear: 'Quitar la selección',
  },
  delete: {
    button: 'Eliminar',
    title: 'Eliminar números',
    confirm:
      'Se eliminará %{count} número de «%{campaign}». |||| Se eliminarán %{count} números de «%{campaign}».',
    confirmButton: 'Eliminar %{count} número |||| Eliminar %{count} números',
    collecting: 'Reuniendo los números a eliminar: %{done} de %{total}',
    deleting: 'Eliminando: %{done} de %{total}',
    cancel: 'Cancelar',
    close: 'Cerrar',
    done: '%{count} número eliminado. Deshacer lo vuelve a añadir como número nuevo (id nuevo, los intentos empiezan de cero). |||| %{count} números eliminados. Deshacer los vuelve a añadir como números nuevos (ids nuevos, los intentos empiezan de cero).',
    partial:
      '%{deleted} eliminados, %{notDeleted} sin eliminar. La eliminación se detuvo en el primer error: %{message}',
    cancelled: 'Detenido: %{deleted} eliminados, %{notDeleted} sin eliminar.',
    collectFailed: 'No se eliminó nada: no se pudieron listar los números (%{message}).',
    undo: 'Deshacer',
    restoring: 'Volviendo a añadir %{count} número… |||| Volviendo a añadir %{count} números…',
    restored:
      '%{count} número añadido de nuevo, con id nuevo e intentos desde cero. |||| %{count} números añadidos de nuevo, con ids nuevos e intentos desde cero.',
    restoredPartly: '%{inserted} números añadidos de nuevo; el servidor rechazó %{rejected}.',
    restoreFailed:
      'No se pudieron volver a añadir los números eliminados: %{message}. Descárguelos para subirlos más tarde.',
    download: 'Descargar los números eliminados',
  },
  export: {
    button: 'Exportar',
    title: 'Exportando números',
    progress: '%{done} de %{total} números obtenidos',
    cancel: 'Cancelar',
    done: '%{count} número exportado |||| %{count} números exportados',
    failed: 'La exportación se detuvo: %{message}',
  },
};
