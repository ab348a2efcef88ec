import * as sdk from '@ablauf/sdk'
import * as definition from '@ablauf/sdk/definition'
import * as errors from '@ablauf/sdk/errors'
import * as runtime from '@ablauf/sdk/runtime'
import * as target from '@ablauf/sdk/target'
import * as testing from '@ablauf/sdk/testing'

/**
 * The sdk as this program loaded it, by import specifier: what process modules get for
 * `import … from '@ablauf/sdk'` in the sandbox (loaded once, shared by every evaluation).
 */
export function hostSdkModules(): Readonly<Record<string, unknown>> {
  return {
    '@ablauf/sdk': sdk,
    '@ablauf/sdk/definition': definition,
    '@ablauf/sdk/errors': errors,
    '@ablauf/sdk/runtime': runtime,
    '@ablauf/sdk/target': target,
    '@ablauf/sdk/testing': testing,
  }
}
