/** Where the CLI prints: results to stdout, diagnostics and errors to stderr. The only console of the CLI. */
export interface OutputWriter {
  out(text: string): void
  err(text: string): void
}

/** A writer over two streams; each call prints one line (a newline is added when missing). */
export function createOutputWriter(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): OutputWriter {
  const line = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`)
  return {
    out: (text) => void stdout.write(line(text)),
    err: (text) => void stderr.write(line(text)),
  }
}
