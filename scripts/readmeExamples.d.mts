/** One file of a README example: where it goes, the README line of its first line, and its text. */
export interface ReadmeExampleFile {
  path: string
  firstLine: number
  text: string
}

/** The README's blocks fenced with one of `languages`, cut into files at their path comments. */
export declare function readmeExampleFiles(markdown: string, languages: readonly string[]): ReadmeExampleFile[]
