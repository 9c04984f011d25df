export * from './models.ts';
export * from './planner.ts';
export { createOfflineModel, OFFLINE_MODEL_ID } from './offline/model.ts';
export type { PlanSummary, ToolContext } from '../tools/index.ts';
