// What a Jest app already has to compile its own JSX; the README's config adds reset-kit to it.
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
  ],
}
