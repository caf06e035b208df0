import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'coverage',
      'storybook-static',
      'screenshots',
      '.storybook/public',
      'node_modules',
      'test/consumers/**/node_modules',
      'test/consumers/*/dist',
      'test/consumers/*/.next',
      'test/consumers/*/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No innerHTML: render text only (X1).',
        },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: render text only (X1).' },
      ],
    },
  },
  {
    // CommonJS config files, as a Jest app has them (test/consumers/jest).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No innerHTML: render text only (X1).',
        },
        {
          selector: "JSXAttribute[name.name='style']",
          message: 'No inline styles: the kit must run under a strict CSP (X2).',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Use crypto.getRandomValues.',
        },
      ],
      'no-console': 'error',
    },
  },
)
