/** The admin side: live content reloads, FAQ entries, content editing and the conversation preview. */
import type { Connection } from 'mongoose';
import { previewConversations } from '../bots/customerConversation';
import type { Config } from '../config';
import type { Clock } from '../dialogs/clock';
import { AdminContentService } from '../services/admin/adminService';
import type { ContentStore } from '../services/admin/contentStore';
import { FaqService } from '../services/admin/faqService';
import { LiveContent } from '../services/admin/liveContent';
import { PreviewService } from '../services/admin/previewService';
import type { MongoContentProvider } from '../services/content/mongoContentProvider';
import type { I18nService } from '../services/i18n/i18nService';
import type { KnowledgeBase } from '../services/knowledge/knowledgeBase';
import type { Logger } from '../services/logger';
import type { TriageService } from '../services/nlu/triageService';

export interface AdminParts {
  config: Config;
  connection: Connection;
  contentStore: ContentStore;
  content: MongoContentProvider;
  i18n: I18nService;
  knowledge: KnowledgeBase;
  triage: TriageService;
  clock: Clock;
  logger: Logger;
}

export interface AdminSide {
  liveContent: LiveContent;
  faqs: FaqService;
  adminContent: AdminContentService;
  preview: PreviewService;
}

export function buildAdmin(parts: AdminParts): AdminSide {
  const { config, connection, contentStore, content, i18n, knowledge, triage, clock, logger } = parts;
  const liveContent = new LiveContent(contentStore, content, i18n, knowledge, logger, {
    pollMs: config.adminContentPollMs,
    fullReloadMs: 60_000,
  });
  const faqs = new FaqService(connection, contentStore, () => content.menus());
  const adminContent = new AdminContentService(contentStore, content, i18n, faqs, liveContent);
  const preview = new PreviewService({
    store: contentStore,
    faqs,
    content,
    conversation: previewConversations({ triage, knowledge, clock, logger }),
    now: () => clock.now(),
    defaultLanguage: config.defaultLanguage,
  });
  return { liveContent, faqs, adminContent, preview };
}
