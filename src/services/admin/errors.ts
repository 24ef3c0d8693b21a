import { ForbiddenError } from '../errors';

/** The caller's role may not make this particular change (e.g. a supervisor changing a question). */
export class AdminForbiddenError extends ForbiddenError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'AdminForbiddenError';
  }
}
