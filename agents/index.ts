export {
  createModel,
  createOfflineModel,
  type ModelConfig,
  OFFLINE_MODEL_ID,
} from '../src/models/index.ts';
export type { PlanSummary } from '../tools/index.ts';
export * from './planner.ts';
