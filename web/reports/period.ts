/** The date inputs' values (local calendar days) as the API's window: from midnight to the midnight after "to". */
export function periodQuery(fromDay: string, toDay: string): string | null {
  const from = localMidnight(fromDay);
  const to = localMidnight(toDay);
  if (!from || !to) return null;
  to.setDate(to.getDate() + 1);
  if (from.getTime() >= to.getTime()) return null;
  return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
}

function localMidnight(day: string): Date | null {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return null;
  return new Date(year, month - 1, date);
}

/** YYYY-MM-DD of a local day, as date inputs take it. */
export function dayValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
