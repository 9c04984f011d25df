/**
 * The one-way layers: channels → conversation → agents → tools → services → domain, and services → db.
 * src/models/ (the language models behind createModel) sits beside agents: it may read tools' types and the
 * domain, and only its factory is imported from outside.
 * Entry points (src/main.ts, src/cli/, jobs) may wire anything below them. A back-edge fails `npm run lint`.
 */
const layer = (p) => `^(src/)?${p}/`;
// A type-only import lets a layer pass a handle it was given (a Db, a Config) along without using it.
const forbid = (name, from, to, comment, { types = true } = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: types ? { path: to, dependencyTypesNot: ['type-only'] } : { path: to },
});

module.exports = {
  forbidden: [
    forbid(
      'domain-is-pure',
      layer('domain'),
      '^(?!src/domain/)(src|tools|agents)/|^node_modules/(?!(zod|highs)/)',
      'domain imports only domain, zod and the HiGHS solver (pure computation)',
      { types: false },
    ),
    {
      name: 'domain-no-io',
      comment: 'domain performs no I/O',
      severity: 'error',
      from: { path: layer('domain') },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|dgram|dns|tls|worker_threads|node:fs|node:net|node:http|node:https|node:child_process|node:dgram|node:dns|node:tls)',
      },
    },
    forbid(
      'db-below-services',
      layer('db'),
      `${layer('services')}|${layer('tools')}|${layer('agents')}|${layer('models')}|${layer('conversation')}|${layer('channels')}|${layer('jobs')}`,
      'db knows no layer above it',
    ),
    forbid(
      'services-below-tools',
      layer('services'),
      `${layer('tools')}|${layer('agents')}|${layer('models')}|${layer('conversation')}|${layer('channels')}|${layer('jobs')}`,
      'services know no layer above them',
    ),
    forbid(
      'tools-below-agents',
      '^tools/',
      `${layer('agents')}|${layer('models')}|${layer('conversation')}|${layer('channels')}|${layer('db')}|${layer('jobs')}`,
      'tools sit over services, below agents',
    ),
    forbid(
      'agents-below-conversation',
      '^agents/',
      `${layer('conversation')}|${layer('channels')}|${layer('db')}|${layer('services')}|${layer('jobs')}`,
      'agents use tools, not services or db',
    ),
    forbid(
      'models-below-conversation',
      layer('models'),
      `${layer('agents')}|${layer('conversation')}|${layer('channels')}|${layer('db')}|${layer('services')}|${layer('jobs')}`,
      'a model is an agents-level detail: it reads tool results (types) and the domain, never services or db',
    ),
    {
      name: 'only-the-factory-imports-a-model',
      comment: 'model implementations sit behind createModel (src/models/index.ts); nothing else imports one',
      severity: 'error',
      from: { path: '^(?!src/models/)' },
      to: { path: '^src/models/(?!index\\.ts$)' },
    },
    forbid(
      'conversation-below-channels',
      layer('conversation'),
      `${layer('channels')}|${layer('db')}|${layer('jobs')}`,
      'conversation knows no channel and no db',
    ),
    forbid(
      'channels-not-db',
      layer('channels'),
      layer('db'),
      'channels go through conversation and services',
    ),
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
    exclude: { path: '\\.test\\.ts$' },
  },
};
