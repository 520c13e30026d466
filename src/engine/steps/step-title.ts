import type { Step } from '../model/step.ts';
import { STEP_DEFINITIONS } from './registry.ts';

/** A step's title: its own ("Call tool echo"), else its kind's; the kind itself when a file names one the app does not know. */
export function stepTitle(step: Pick<Step, 'kind' | 'title'>): string {
  return step.title ?? STEP_DEFINITIONS[step.kind]?.title ?? step.kind;
}
