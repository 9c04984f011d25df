import { z } from 'zod';
import type { ModelConfig } from '../../agents/index.ts';

/**
 * The dialogue eval's one configuration reader (nothing else here reads process.env). With EVAL_MODEL
 * unset the suite runs the offline model; with it set, that model through OpenAI (OPENAI_API_KEY) or an
 * OpenAI-compatible server (LLM_BASE_URL), graded by EVAL_GRADER_MODEL (default: the same model).
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z
  .object({
    EVAL_MODEL: optional,
    EVAL_GRADER_MODEL: optional,
    EVAL_RUBRIC_MIN: z.coerce.number().int().min(1).max(5).default(3),
    OPENAI_API_KEY: optional,
    LLM_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LLM_API_KEY: optional,
  })
  .superRefine((env, ctx) => {
    if (env.EVAL_MODEL && !env.OPENAI_API_KEY && !env.LLM_BASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['EVAL_MODEL'],
        message: 'needs OPENAI_API_KEY or LLM_BASE_URL to reach the model',
      });
  });

export type EvalConfig = {
  model: ModelConfig;
  grader: ModelConfig | null;
  rubricMin: number;
};

function remote(env: z.infer<typeof envSchema>, model: string): ModelConfig {
  // An explicit server wins: EVAL_MODEL names a model on it (OPENAI_API_KEY may be set for other reasons).
  return env.LLM_BASE_URL
    ? { kind: 'openai-compatible', baseURL: env.LLM_BASE_URL, model, apiKey: env.LLM_API_KEY }
    : { kind: 'openai', apiKey: env.OPENAI_API_KEY!, model };
}

export function loadEvalConfig(env: Record<string, string | undefined> = process.env): EvalConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `dialogue evals: bad configuration\n${parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`).join('\n')}`,
    );
  const e = parsed.data;
  if (!e.EVAL_MODEL) return { model: { kind: 'offline' }, grader: null, rubricMin: e.EVAL_RUBRIC_MIN };
  return {
    model: remote(e, e.EVAL_MODEL),
    grader: remote(e, e.EVAL_GRADER_MODEL ?? e.EVAL_MODEL),
    rubricMin: e.EVAL_RUBRIC_MIN,
  };
}
