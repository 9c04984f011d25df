export {
  createModel,
  createOfflineModel,
  type ModelConfig,
  modelName,
  OFFLINE_MODEL_ID,
} from '../src/models/index.ts';
export type { PlanSummary, ToolContext } from '../tools/index.ts';
export * from './planner.ts';
