/**
 * A bearer token kept in sessionStorage: it lives as long as the browser tab, never on disk for
 * later visits. Storage can be refused (private mode, blocked storage); then nothing is kept.
 */
export class TokenStore {
  constructor(private readonly key: string) {}

  get(): string | null {
    try {
      return sessionStorage.getItem(this.key);
    } catch {
      return null;
    }
  }

  set(token: string): void {
    try {
      sessionStorage.setItem(this.key, token);
    } catch {
      /* The token lives for this page only. */
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      /* nothing stored */
    }
  }

  /** Earlier versions kept the token in localStorage, readable by every later visit: drop it. */
  dropFromLocalStorage(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      /* nothing stored */
    }
  }
}
