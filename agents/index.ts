export type { PlanSummary, ToolContext } from '../tools/index.ts';
export * from './models.ts';
export { createOfflineModel, OFFLINE_MODEL_ID } from './offline/model.ts';
export * from './planner.ts';
