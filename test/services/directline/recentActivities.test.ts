import { RecentActivities } from '../../../src/channels/directline/recentActivities';

describe('the activities an instance just wrote to a Direct Line log', () => {
  let clock = 0;
  const recent = () => new RecentActivities(30_000, () => clock);

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('answers the poll after a post from what was written, up to the last slot', () => {
    const log = recent();
    log.written('c', 4, '"Hallo"');
    log.written('c', 5, '"Guten Tag"');
    log.written('c', 6, null);
    expect(log.after('c', 3)).toEqual({ data: ['"Hallo"', '"Guten Tag"', null], watermark: 6 });
    expect(log.after('c', 5)).toEqual({ data: [null], watermark: 6 });
  });

  it('leaves to the database a poll it cannot answer without a gap, or with nothing new', () => {
    const log = recent();
    log.written('c', 4, '"a"');
    log.written('c', 5, '"b"');
    // Slot 3 was written elsewhere (or not at all): only the log knows it.
    expect(log.after('c', 2)).toBeUndefined();
    // Nothing after the run here; another instance may have written slot 6.
    expect(log.after('c', 5)).toBeUndefined();
    expect(log.after('other', 0)).toBeUndefined();
  });

  it('starts again at a slot that does not continue the run (another instance wrote in between)', () => {
    const log = recent();
    log.written('c', 4, '"a"');
    log.written('c', 6, '"c"');
    expect(log.after('c', 3)).toBeUndefined();
    expect(log.after('c', 4)).toBeUndefined();
    expect(log.after('c', 5)).toEqual({ data: ['"c"'], watermark: 6 });
  });

  it('forgets a conversation whose slots changed, and a run left alone too long', () => {
    const log = recent();
    log.written('c', 1, '"a"');
    log.forget('c');
    expect(log.after('c', 0)).toBeUndefined();
    log.written('d', 1, '"a"');
    clock += 30_000;
    expect(log.after('d', 0)).toBeUndefined();
  });

  it('keeps only the conversations written lately, and only their last slots', () => {
    const log = recent();
    for (let n = 0; n < 1_500; n++) log.written(`c${n}`, 1, '"a"');
    expect(log.after('c0', 0)).toBeUndefined();
    expect(log.after('c1499', 0)).toEqual({ data: ['"a"'], watermark: 1 });
    for (let seq = 1; seq <= 30; seq++) log.written('long', seq, `"${seq}"`);
    expect(log.after('long', 0)).toBeUndefined();
    expect(log.after('long', 10)?.data).toHaveLength(20);
  });
});
