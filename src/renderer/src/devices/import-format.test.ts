import { describe, expect, it } from 'vitest';
import { guessImportFormat } from './import-format';

describe('guessImportFormat', () => {
  it('trusts the file extension, then the first character', () => {
    expect(guessImportFormat('[{"name":"a"}]', 'devices.CSV')).toBe('csv');
    expect(guessImportFormat('name,host', 'export.json')).toBe('json');
    expect(guessImportFormat('  \n [ {"name": "a"} ]')).toBe('json');
    expect(guessImportFormat('{"devices": []}')).toBe('json');
    expect(guessImportFormat('name,host\nsw1,10.0.0.1')).toBe('csv');
  });
});
