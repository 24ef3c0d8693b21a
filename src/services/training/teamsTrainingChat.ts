import type { TurnContext } from 'botbuilder';
import type { I18nService } from '../i18n/i18nService';
import type { Logger } from '../logger';
import type { TrainingService } from './trainingService';

/**
 * Training in a Teams personal chat with the bot: "training" starts a session, every further message
 * is a reply to the simulated customer, "stop" ends it. Only users of the agents' tenant practise;
 * nothing here reaches a handoff.
 */
export class TeamsTrainingChat {
  constructor(
    private readonly training: TrainingService,
    private readonly i18n: I18nService,
    /** The agents' tenant; without one there is no training in Teams. */
    private readonly tenantId: string,
    private readonly logger: Logger,
    private readonly language: 'de' | 'en' = 'de',
  ) {}

  /** Handles the activity when it belongs to training; false leaves it to the agent bot. */
  async handle(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.type !== 'message' || activity.conversation?.conversationType !== 'personal') return false;
    const tenant = (
      (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
      (activity.conversation as { tenantId?: string }).tenantId ??
      ''
    ).toLowerCase();
    if (!this.tenantId || tenant !== this.tenantId.toLowerCase()) return false;
    const conversationId = activity.conversation.id;
    const text = (activity.text ?? '').replace(/&nbsp;/g, ' ').trim();
    const word = text.toLowerCase();
    const t = this.i18n.t(this.language);
    const log = this.logger.child({ conversationId, channel: 'msteams', training: true });

    if (word === 'training' || word === 'übung' || word === 'uebung') {
      await this.training.endInConversation(conversationId);
      const owner = `teams:${activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown'}`;
      const started = await this.training.start(owner, undefined, conversationId);
      log.info({ scenario: started.scenario }, 'training started in Teams');
      await context.sendActivity(t('training:chat.started', { title: started.title, customer: started.customer }));
      return true;
    }
    const open = await this.training.openInConversation(conversationId);
    if (!open) return false;
    if (word === 'stop' || word === 'stopp' || word === 'ende') {
      await this.training.endInConversation(conversationId);
      await context.sendActivity(t('training:chat.stopped'));
      return true;
    }
    if (text === '') return true;
    const owner = `teams:${activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown'}`;
    const reply = await this.training.reply(open.id, owner, text);
    await context.sendActivity(
      t('training:chat.feedback', { score: reply.feedback.score, hints: reply.feedback.hints.join(' ') }),
    );
    if (reply.customer !== null) {
      await context.sendActivity(t('training:chat.customer', { customer: reply.customer }));
    } else {
      const finished = await this.training.get(open.id, owner);
      await context.sendActivity(
        t('training:chat.finished', {
          closing: reply.closing ?? '',
          outcome: t(`training:outcome.${reply.outcome ?? 'timeout'}`),
          score: finished.score,
        }),
      );
    }
    return true;
  }
}
