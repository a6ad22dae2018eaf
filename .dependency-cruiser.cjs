// Import boundaries of src/ (CONTRIBUTING.md, "Layout"; docs/architecture.md). `npm run lint` fails on any
// violation. Why dependency-cruiser: the rules are about folders ("a capability imports another only
// through its index.ts"), which it expresses directly with path patterns and back-references, and it
// finds cycles across the whole module graph, type-only imports included.
const CAPABILITIES = '(pods|welcome|identity|ledger|releases|calls|newcomers|insights|care)';
const SURFACES = '(slack|github|http)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'An import cycle makes initialisation order matter and hides which part depends on which. ' +
        'Type-only imports are erased at build time, so a cycle closed only by one (a config type used by core) is allowed.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'surface-imports-no-capability',
      comment: 'src/slack, src/github and src/http are platform adapters: capabilities register on them, never the reverse.',
      severity: 'error',
      from: { path: `^src/${SURFACES}/` },
      to: { path: `^src/${CAPABILITIES}/` },
    },
    {
      name: 'kit-imports-no-capability',
      comment: 'src/kit is shared by the capabilities, so it cannot depend on any of them.',
      severity: 'error',
      from: { path: '^src/kit/' },
      to: { path: `^src/${CAPABILITIES}/` },
    },
    {
      name: 'platform-imports-no-capability',
      comment: 'The outbox, clients, database, config and metrics serve every capability and know none of them.',
      severity: 'error',
      from: { path: '^src/(outbox|clients|db|config)/|^src/(metrics|log|batcher|errors|paths)\\.ts$' },
      to: { path: `^src/${CAPABILITIES}/` },
    },
    {
      name: 'capability-through-index',
      comment: "A capability imports another capability only through that capability's public index.ts.",
      severity: 'error',
      from: { path: `^src/${CAPABILITIES}/` },
      to: { path: `^src/${CAPABILITIES}/`, pathNot: ['^src/$1/', `^src/${CAPABILITIES}/index\\.ts$`] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs'] },
  },
};
