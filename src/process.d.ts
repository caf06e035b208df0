// The kit reads `process.env.NODE_ENV` and nothing else of `process`: bundlers replace it, so the
// long messages for developers drop out of production builds. Declared in the same shape as
// @types/node, so the two merge where Node's types are loaded (typecheck, tests) and this stands
// alone where they are not (tsconfig.build.json). Nothing here reaches the published types.
declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: string
  }
  interface Process {
    env: ProcessEnv
  }
}
// eslint-disable-next-line no-var -- must be `var`, as in @types/node, for the declarations to merge
declare var process: NodeJS.Process
