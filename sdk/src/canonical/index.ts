export { canonicalJson } from './canonical-json.js'
export { contentHash } from './content-hash.js'
