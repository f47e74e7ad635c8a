import type { app as en } from '../en/app';

// Shell, sign-in and shared error messages (es), under `app.*`; same keys as src/i18n/en/app.ts.
export const app: typeof en = {
  name: 'SIP Caller Console',
  loading: 'Cargando la consola…',
  auth: {
    title: 'Inicie sesión en SIP Caller Console',
    subtitle: 'Gestione los números a los que llaman sus campañas de SIP Caller.',
    token: 'Token de API',
    showToken: 'Mostrar el token de API',
    hideToken: 'Ocultar el token de API',
    accountId: 'ID de cuenta',
    advanced: 'Avanzado',
    apiUrl: 'URL de la API',
    apiUrlHelp: 'Dónde responde la API REST de SIP Caller. Cámbiela solo para usar otro servidor.',
    remember: 'Recordarme en este dispositivo',
    rememberHelp: 'Mantiene la sesión al cerrar el navegador. No lo marque en un ordenador compartido.',
    signIn: 'Iniciar sesión',
    signingIn: 'Iniciando sesión…',
    help: 'Cree un token de API en la Web Console de SIP Caller, en Ajustes → Claves de API. El ID de su cuenta también aparece en la Web Console.',
    errors: {
      missingToken: 'Escriba su token de API.',
      missingAccount: 'Escriba el ID de su cuenta.',
      rejected: 'El token de API fue rechazado. Compruebe que lo copió entero y que no ha sido revocado.',
      forbidden: 'Este token de API no tiene acceso a esa cuenta. Compruebe el ID de cuenta.',
      unknownAccount: 'No existe ninguna cuenta con ese ID. Compruebe el ID de cuenta.',
      unreachable:
        'No se puede conectar con la API de SIP Caller en esa URL. Compruebe su conexión y la URL de la API.',
      blockedByPolicy:
        'La política de seguridad de esta consola no permite llamar a esa URL de la API. Quien administra el servidor de la consola puede permitir su origen en SIPCALLER_CONNECT_SRC (orígenes separados por comas, p. ej. https://api.example.com), o pasar la API por el servidor con SIPCALLER_API_URL.',
      invalidApiUrl:
        'Esa URL de la API no es una URL válida. Escriba la dirección de la API de SIP Caller, terminada en /v1 (por ejemplo https://api.sipcaller.com/v1).',
      notApi:
        'Esa URL de la API no parece la API de SIP Caller: no respondió como lo hace la API (quizá es una página web). Compruebe que la URL de la API termine en /v1.',
      unexpected: 'No se pudo iniciar sesión por un motivo inesperado. Inténtelo de nuevo en un momento.',
      revoked: 'Su token de API fue rechazado o revocado. Vuelva a iniciar sesión.',
    },
  },
  layout: {
    account: 'Cuenta %{id}',
    language: 'Idioma',
    lightTheme: 'Usar el tema claro',
    darkTheme: 'Usar el tema oscuro',
  },
  notFound: {
    title: 'Página no encontrada',
    message: 'No hay nada en esta dirección. Puede que haya escrito mal la URL o seguido un enlace antiguo.',
    home: 'Ir a las campañas',
  },
  errors: {
    network: 'No se puede conectar con la API de SIP Caller. Compruebe su conexión y la URL de la API.',
    busyRetrying: 'La API de SIP Caller está ocupada (HTTP %{status}); se reintentará en %{seconds} s…',
  },
};
