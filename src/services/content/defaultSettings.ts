import type { Config } from '../../config';
import type { Settings } from './types';

/** Shipped settings: identity from the configuration, the rest as a typical call center runs. */
export function defaultSettings(config: Pick<Config, 'companyName' | 'botName' | 'timeZone'>): Settings {
  return {
    companyName: config.companyName,
    botName: config.botName,
    timeZone: config.timeZone,
    frustration: { annoyed: 0.3, irate: 0.6, extraTriggerWords: [] },
    businessHours: {
      weekly: {
        '1': ['08:00', '20:00'],
        '2': ['08:00', '20:00'],
        '3': ['08:00', '20:00'],
        '4': ['08:00', '20:00'],
        '5': ['08:00', '20:00'],
        '6': ['09:00', '16:00'],
      },
      holidays: [],
    },
    callbackOfferAfterMinutes: 10,
  };
}
