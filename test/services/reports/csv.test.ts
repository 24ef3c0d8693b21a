import { csvCell, csvLine } from '../../../src/services/reports/csv';
import { daysOf, reportPeriod } from '../../../src/services/reports/reportPeriod';

describe('CSV cells', () => {
  it('quotes text, doubles quotes and keeps line breaks inside the cell', () => {
    expect(csvLine(['Er sagte "nein"', 'a,b\nc', 3, true, null])).toBe('"Er sagte ""nein""","a,b\nc",3,true,\r\n');
  });

  it('neutralises everything a spreadsheet would start a formula with', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell('Rechnung -5 €')).toBe('"Rechnung -5 €"');
  });
});

describe('report windows', () => {
  const now = new Date('2026-12-05T12:00:00Z');

  it('defaults to the 30 days before now', () => {
    expect(reportPeriod({}, now)).toEqual({ from: new Date('2026-11-05T12:00:00Z'), to: now });
  });

  it('lists the local days across a change of daylight saving time', () => {
    const period = reportPeriod({ from: '2026-10-24T22:00:00Z', to: '2026-10-26T23:00:00Z' });
    expect(daysOf(period, 'Europe/Berlin')).toEqual(['2026-10-25', '2026-10-26']);
  });
});
