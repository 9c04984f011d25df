import { HouseholdEditsSchema } from '../src/domain/household-edit-schema.ts';
import { ScenarioIdSchema } from '../src/domain/scenarios.ts';

/** The household edits a model sends (src/domain/household-edits.ts owns their meaning). */
export const householdEdits = HouseholdEditsSchema;
export const scenarioInput = ScenarioIdSchema;
