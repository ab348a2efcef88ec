import { builtInScripts, createScriptRegistry, scriptStubs } from '@ablauf/engine'

/** The engine's real built-in scripts, run offline by `simulate()`. */
export const builtInScriptStubs = scriptStubs(createScriptRegistry(builtInScripts()))
