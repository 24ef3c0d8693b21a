import type { TurnContext } from 'botbuilder';
import type { TriageAssessment } from '../../services/nlu/triageService';

const ASSESSMENT = Symbol('lotse.interpreter.assessment');

/** The triage of this turn's message, if the interpreter assessed one. */
export function assessmentOf(context: TurnContext): TriageAssessment | undefined {
  return context.turnState.get(ASSESSMENT) as TriageAssessment | undefined;
}

/** Keeps the turn's triage so that every dialog of the turn reads the same one. */
export function keepAssessment(context: TurnContext, assessment: TriageAssessment): void {
  context.turnState.set(ASSESSMENT, assessment);
}
