import { byId } from './dom';

export type StatusKind = 'ok' | 'error';

/** The page's status line (#status, a polite live region): what just happened, or what went wrong. */
export class StatusLine {
  show(message: string, kind?: StatusKind): void {
    const node = byId('status');
    node.textContent = message;
    node.className = kind ? `status ${kind}` : 'status';
  }

  isError(): boolean {
    return byId('status').classList.contains('error');
  }
}
