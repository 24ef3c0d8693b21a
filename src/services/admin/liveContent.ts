import type { MongoContentProvider } from '../content/mongoContentProvider';
import { I18nService, LANGUAGES } from '../i18n/i18nService';
import type { Logger } from '../logger';
import type { ContentStore } from './contentStore';
import type { ContentKind, RevisionDoc } from './versionModel';

export interface LiveContentOptions {
  /** How often the revision counter is read (a tiny findOne). */
  pollMs: number;
  /** Everything is reloaded this often anyway, in case a change was saved but its bump was lost. */
  fullReloadMs: number;
}

/** What the watcher refreshes besides the provider and the translations. */
export interface Retrainable {
  reload(): Promise<void>;
}

/**
 * Keeps this instance's in-memory content (menu and settings snapshot, translation overrides,
 * the knowledge recognizer) in step with MongoDB: polls the revision counter every few seconds
 * and reloads only the kinds that changed. Changes made through this instance apply at once
 * (applyNow), so customer turns never read content from the database.
 */
export class LiveContent {
  private timer?: NodeJS.Timeout;
  private seen?: RevisionDoc;
  private lastFullReload = 0;
  private running?: Promise<void>;

  constructor(
    private readonly store: ContentStore,
    private readonly provider: MongoContentProvider,
    private readonly i18n: I18nService,
    private readonly knowledge: Retrainable,
    private readonly logger: Logger,
    private readonly options: LiveContentOptions,
  ) {}

  /** Loads everything once, then polls. A database that is down leaves the shipped defaults in use. */
  async start(): Promise<void> {
    await this.store.init().catch((err: Error) => this.logger.warn({ err }, 'admin content indexes not built yet'));
    await this.tick(true);
    this.timer = setInterval(() => void this.tick(false), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Applies a change this instance just saved, without waiting for the next poll. */
  async applyNow(kind: ContentKind): Promise<void> {
    await this.reload([kind]);
  }

  private tick(full: boolean): Promise<void> {
    // One poll at a time: a slow database must not pile reloads up.
    this.running ??= this.poll(full).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async poll(full: boolean): Promise<void> {
    try {
      const revision = await this.store.revision();
      const due = full || Date.now() - this.lastFullReload >= this.options.fullReloadMs;
      const changed = due
        ? (['menu', 'settings', 'translations', 'faq'] as ContentKind[])
        : this.changedKinds(revision);
      if (changed.length > 0) {
        await this.reload(changed);
        if (due) this.lastFullReload = Date.now();
      }
      this.seen = revision ?? this.seen;
    } catch (err) {
      this.logger.warn({ err }, 'admin content reload failed; keeping the current content');
    }
  }

  private changedKinds(revision: RevisionDoc | null): ContentKind[] {
    if (!revision || revision.revision === this.seen?.revision) return [];
    const kinds: ContentKind[] = ['menu', 'settings', 'translations', 'faq'];
    return kinds.filter((k) => (revision.kinds?.[k] ?? 0) !== (this.seen?.kinds?.[k] ?? 0));
  }

  private async reload(kinds: ContentKind[]): Promise<void> {
    const work: Promise<void>[] = [];
    if (kinds.includes('menu') || kinds.includes('settings')) work.push(this.provider.refresh());
    if (kinds.includes('translations')) work.push(this.reloadTranslations());
    // The recognizer learns the new questions: KnowledgeBase.reload() rebuilds its matcher.
    if (kinds.includes('faq')) work.push(this.knowledge.reload());
    await Promise.all(work);
    this.logger.debug({ kinds }, 'admin content reloaded');
  }

  private async reloadTranslations(): Promise<void> {
    const overrides = await Promise.all(LANGUAGES.map((lng) => this.store.current('translations', lng)));
    LANGUAGES.forEach((lng, i) =>
      this.i18n.setOverrides(lng, (overrides[i] as Record<string, Record<string, unknown>> | undefined) ?? {}),
    );
  }
}
