import { describesFault, detectProblem, stillBroken } from '../../../src/dialogs/interpreter/matchers';

describe('stillBroken: after a troubleshooting step the problem is still there', () => {
  it.each([
    'Na, hat nix bracht',
    'A ned',
    'Immer no gleich langsam, oida.',
    'Au nöd.',
    'Gaht nöd.',
    'hat nüt brocht',
    'immer noch nix',
    'ja neu gestartt, get imer noch nich',
    'Auch das hat nichts gebracht.',
    'still freezing',
    'no, same thing',
  ])('"%s" says the step did not help', (text) => {
    expect(stillBroken(text)).toBe(true);
  });

  it.each([
    'Ja, hat geholfen',
    'Ja, jetzt geht es wieder',
    'Ja, das hat was gebracht',
    'passt',
    'Wie lange dauert das?',
  ])('"%s" does not', (text) => {
    expect(stillBroken(text)).toBe(false);
  });
});

describe('describesFault and detectProblem: the fault named in regional words', () => {
  it.each([
    ['Mei Telefon kann ned anrufen', 'phone'],
    ['Ich kann keine MMS empfangen', 'phone'],
    ['I hab ka mobile Daten mehr', 'phone'],
    ['Mis Handy ladt nüme', 'device'],
    ['S WLAN isch scho wieder wäg', 'internet'],
  ])('"%s" reports a %s fault', (text, problem) => {
    expect(describesFault(text)).toBe(true);
    expect(detectProblem(text)).toBe(problem);
  });

  it.each(['Wann kommt meine neue SIM?', 'Ich möchte meinen Tarif wechseln'])('"%s" reports none', (text) => {
    expect(describesFault(text)).toBe(false);
  });
});
