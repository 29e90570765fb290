/** JSON when the file says so or the text starts like JSON; CSV otherwise. */
export function guessImportFormat(text: string, fileName?: string): 'csv' | 'json' {
  if (fileName) {
    const lower = fileName.toLowerCase();
    if (lower.endsWith('.json')) return 'json';
    if (lower.endsWith('.csv')) return 'csv';
  }
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}
