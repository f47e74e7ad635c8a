// Every failure the emulator answers is an ApiError: a 4xx/5xx status and a message meant for a human.
// The error handler in app.ts turns it (and Fastify's own errors) into `{ "message": "..." }`.
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);
export const conflict = (message: string): ApiError => new ApiError(409, message);
