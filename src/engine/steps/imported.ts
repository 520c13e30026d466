import type { StepDefinition } from './step-definition.ts';

/** The step that holds a foreign HAR's requests: a trace to read, not a flow to run. */
export const importedStep: StepDefinition = {
  kind: 'imported',
  title: 'Imported requests',
  teaching:
    'These requests come from a HAR file recorded by another tool. They are shown as they were recorded, with lanes guessed from their URLs; ' +
    'no findings were computed for them. Run the flow against the server to have every step checked.',
  specAnchor: 'authorization-flow-steps',
  async run() {
    return { status: 'skipped', summary: 'An imported trace is not run again.' };
  },
};
