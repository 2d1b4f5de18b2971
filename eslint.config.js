// Lint: typescript-eslint's recommended rules, React hooks, and the security sinks Parley forbids.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const forbiddenSinks = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Model and page text never become live HTML (DESIGN §5).',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No HTML sinks: build DOM with React or textContent.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]',
    message: 'No HTML sinks.',
  },
  { selector: "NewExpression[callee.name='Function']", message: 'No code from strings.' },
  {
    selector:
      "CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type='Literal']",
    message: 'No code from strings.',
  },
  {
    selector: "ImportDeclaration[source.value='rehype-raw']",
    message: 'Raw HTML in markdown is forbidden (DESIGN §5).',
  },
];

// Layers inside lib/ (DESIGN §1, issue 13). Patterns match the import specifier as written, so each
// names both the `@/lib/...` form and the relative `../` form. A folder's block repeats the lib-wide
// patterns because a later flat-config block replaces a rule's options instead of merging them.
const layer = (regex, message) => ({ regex, message });
const libWide = [
  layer(
    '^([@~]/|(\\.\\./)+)(components|entrypoints)(/|$)',
    'lib/ never imports components/ or entrypoints/: the UI and the wiring depend on lib/, not back.',
  ),
];
const notEngine = layer(
  '^([@~]/lib/|(\\.\\./)+(lib/)?)engine(/|$)',
  'lib/engine is the worker only: the panel core and prompt building do not import it.',
);
const notPanel = layer(
  '^([@~]/lib/|(\\.\\./)+(lib/)?)panel(/|$)',
  'lib/panel is the panel core: the worker engine and prompt building do not import it.',
);
const notDb = layer(
  '^([@~]/lib/|(\\.\\./)+(lib/)?)db(/|$)',
  'lib/prompt builds what the model is sent from data it is given; it does not read storage.',
);
// Any of these lib/ folders, imported from a lower layer (`./x` from lib/*.ts, `../x` from a folder).
const notAbove = (units, message) =>
  layer(`^([@~]/lib/|\\.\\.?/(\\.\\./)*(lib/)?)(${units.join('|')})(/|$)`, message);
const aboveBase = ['prompt', 'llm', 'db', 'protocol', 'moderation', 'selection', 'export'];
const aboveBaseMessage =
  'Settings, credentials and markdown are a base layer: prompt building, providers, storage and the protocol build on them, not the other way round.';
const abovePrompt = ['llm', 'protocol', 'moderation', 'selection', 'export'];
const abovePromptMessage =
  'lib/prompt builds what the model is sent; providers, the protocol and the exports use it, not the other way round.';
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [...libWide, ...patterns] }],
});
const layerRules = [
  { files: ['lib/**/*.{ts,tsx}'], rules: restrict() },
  {
    files: ['lib/model/**/*.{ts,tsx}'],
    rules: restrict(
      layer(
        '^(?!\\./[^/]+$)',
        'lib/model is the data model: it imports nothing outside lib/model (no packages either).',
      ),
    ),
  },
  {
    files: ['lib/*.{ts,tsx}', 'lib/markdown/**/*.{ts,tsx}'],
    rules: restrict(notEngine, notPanel, notAbove(aboveBase, aboveBaseMessage)),
  },
  {
    files: ['lib/prompt/**/*.{ts,tsx}'],
    rules: restrict(notEngine, notPanel, notDb, notAbove(abovePrompt, abovePromptMessage)),
  },
  { files: ['lib/panel/**/*.{ts,tsx}'], rules: restrict(notEngine) },
  { files: ['lib/engine/**/*.{ts,tsx}'], rules: restrict(notPanel) },
  {
    // The UI gets storage through props (the panel's PanelData, entrypoints/sidepanel/panel-data.ts).
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              '^([@~]/lib/|(\\.\\./)+(lib/)?)db(/|$)',
              'components/ never import lib/db: storage comes through props (PanelData, issue 13).',
            ),
            layer(
              '^([@~]/|(\\.\\./)+)entrypoints(/|$)',
              'components/ never import entrypoints/: the wiring depends on the components, not back.',
            ),
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': ['error', ...forbiddenSinks],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Stripping control characters is the point of some patterns (selection, URL safety).
      'no-control-regex': 'off',
    },
  },
  {
    // Unit tests build fixture DOMs from their own trusted markup.
    files: ['tests/unit/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...forbiddenSinks.filter((s) => !s.selector.includes('innerHTML')),
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      // lib/ stays browser-free except its thin adapters (DESIGN §1, STYLE.md).
      'no-restricted-globals': ['error', 'window', 'document', 'chrome'],
    },
  },
  ...layerRules,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
      },
    },
  },
);
