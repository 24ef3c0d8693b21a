import { ValidationError } from '../errors';

/** A file refused before it is stored: empty, too large, not an accepted type, or not obtainable (HTTP 400, code FileRejected). */
export class FileRejectedError extends ValidationError {
  constructor(
    readonly reason: 'empty' | 'tooLarge' | 'type' | 'unavailable',
    message: string,
  ) {
    super('file', message, 'FileRejected');
    this.name = 'FileRejectedError';
  }
}
