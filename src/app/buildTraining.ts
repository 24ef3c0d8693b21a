/** Agent training: one service per connection, shared by the HTTP routes and the Teams personal chat. */
import type { Connection } from 'mongoose';
import type { Config } from '../config';
import type { I18nService } from '../services/i18n/i18nService';
import { loadScenarios } from '../services/training/scenarios';
import { TrainingService } from '../services/training/trainingService';

const built = new WeakMap<Connection, TrainingService>();

export function buildTraining(config: Config, connection: Connection, i18n: I18nService): TrainingService {
  let training = built.get(connection);
  if (!training) {
    training = new TrainingService(connection, loadScenarios(), i18n, config.defaultLanguage);
    built.set(connection, training);
  }
  return training;
}
