import { describe, expect, it } from 'vitest';
import { readReasons } from './target-reasons.ts';

describe('readReasons', () => {
  it('reads both reasons', () => {
    expect(
      readReasons({
        registeredPoor: { batchId: 'b', countyCode: '520526', householdRef: 'HH-1' },
        focusCounty: { countyCode: '520526', list: 'poor52-2020', listName: '52个未摘帽贫困县（2020）' },
      }),
    ).toEqual({
      registeredPoor: { countyCode: '520526', householdRef: 'HH-1' },
      focusCounty: { countyCode: '520526', listName: '52个未摘帽贫困县（2020）' },
    });
  });

  it('falls back to the list key and ignores junk', () => {
    expect(readReasons({ focusCounty: { list: 'k' } })).toEqual({
      focusCounty: { countyCode: undefined, listName: 'k' },
    });
    expect(readReasons({ registeredPoor: 'yes', focusCounty: [1] })).toEqual({});
    expect(readReasons(null)).toEqual({});
  });
});
