import { BillingDialog } from '../../src/dialogs/billingDialog';
import { ComplaintDialog } from '../../src/dialogs/complaintDialog';
import { DataChangeDialog } from '../../src/dialogs/dataChangeDialog';
import { GeneralDialog } from '../../src/dialogs/generalDialog';
import { LostOrStolenDialog } from '../../src/dialogs/lostOrStolenDialog';
import { TechnicalDialog } from '../../src/dialogs/technicalDialog';
import { serviceRequestModel } from '../../src/services/requests/requestModel';
import { createHarness, de, Harness } from './harness';

const REF = (prefix: string) => new RegExp(`${prefix}-[2-9A-HJKMNP-Z]{5}`);

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

async function stored(type: string) {
  return serviceRequestModel(h.database.connection).find({ type }).lean().exec();
}

describe('BillingDialog', () => {
  it('explains payment and due dates from the knowledge base and asks whether it helped', async () => {
    const chat = h.client(new BillingDialog(h.deps));
    await chat.say('Hallo');
    const text = await chat.sayText('2');
    expect(text).toContain((await h.knowledge.entry('billing.payment-methods', 'de'))?.text);
    expect(await chat.sayText('Ja')).toContain(de('conversation:knowledge.glad'));
  });

  it('records a disputed charge with an RK reference and offers a person', async () => {
    const chat = h.client(new BillingDialog(h.deps), { text: 'Auf meiner Rechnung ist ein Betrag falsch' });
    expect(await chat.sayText('start')).toContain(de('conversation:billing.dispute.ask'));
    const text = await chat.sayText('39,99 € Drittanbieter auf der Rechnung vom März');
    expect(text).toMatch(REF('RK'));
    expect(text).toContain(de('conversation:billing.dispute.personHint'));
    // An acknowledgement after the reference queues nobody; asking for a person does.
    await chat.say('Ok, danke');
    expect(h.handoff.requests).toHaveLength(0);
    await chat.say('Mitarbeiter');
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0].summary.references[0]).toMatch(REF('RK'));
    expect(await stored('dispute')).toHaveLength(1);
  });

  it('says so when the knowledge base has no answer and offers a person', async () => {
    const chat = h.client(new BillingDialog(h.deps), { text: 'Wie wird das Wetter morgen in Hamburg?' });
    const text = await chat.sayText('start');
    expect(text).toContain(de('conversation:knowledge.noAnswer'));
    expect(text).toContain(de('conversation:knowledge.offerPerson'));
  });
});

describe('GeneralDialog', () => {
  it('answers contract term and cancellation from the knowledge base', async () => {
    const chat = h.client(new GeneralDialog(h.deps));
    await chat.say('Hallo');
    const text = await chat.sayText('2');
    expect(text).toContain((await h.knowledge.entry('general.contract-term', 'de'))?.text);
    expect(text).toContain(de('conversation:knowledge.helped'));
  });

  it('answers a typed question with typos and umlauts spelled out', async () => {
    const chat = h.client(new GeneralDialog(h.deps), { text: 'Oeffnungszeiten der Hotlien?' });
    const text = await chat.sayText('start');
    expect(text).toMatch(/Servicezeiten|Hotline/);
    expect(text).toContain(de('conversation:knowledge.helped'));
  });
});

describe('TechnicalDialog', () => {
  it('guides step by step and stops when a step helped', async () => {
    const chat = h.client(new TechnicalDialog(h.deps), { text: 'Mein Internet geht nicht' });
    const first = await chat.sayText('start');
    expect(first).toContain(de('conversation:technical.steps.internet.0.text'));
    expect(first).toContain(de('conversation:technical.helped'));
    expect(await chat.sayText('Ja')).toContain(de('conversation:technical.solved'));
    expect(h.handoff.requests).toHaveLength(0);
  });

  it('hands over with the steps tried when nothing helped', async () => {
    const chat = h.client(new TechnicalDialog(h.deps));
    await chat.say('Hallo');
    expect(await chat.sayText('2')).toContain(de('conversation:technical.steps.phone.0.text'));
    await chat.say('Nein');
    await chat.say('Nein');
    await chat.say('Nein');
    expect(h.handoff.requests).toHaveLength(1);
    const request = h.handoff.requests[0];
    expect(request).toMatchObject({ reason: 'unsolved', category: 'technical' });
    expect(request.summary.facts.join(' ')).toContain('Flugmodus und Neustart');
    expect(request.summary.facts.join(' ')).toContain('SIM-Karte neu eingesetzt');
  });

  it('asks again when the answer is neither yes nor no', async () => {
    const chat = h.client(new TechnicalDialog(h.deps), { text: 'Die App stürzt ständig ab' });
    await chat.say('start');
    const replies = await chat.say('vielleicht');
    expect(replies[0].text).toContain(de('conversation:interpreter.retry'));
    expect(replies[0].text).toContain(de('conversation:technical.helpedStep', { current: 1 }));
    expect(replies[0].suggestedActions?.actions.map((a) => a.title)).toEqual([
      de('conversation:yesNo.yes'),
      de('conversation:yesNo.no'),
    ]);
  });
});

describe('LostOrStolenDialog', () => {
  it('gives the blocking number in the first reply, identifies minimally and records a block request', async () => {
    const chat = h.client(new LostOrStolenDialog(h.deps), { text: 'Meine Kreditkarte wurde gestohlen' });
    const first = await chat.say('start');
    expect(first[0].text).toContain('116 116');
    expect(await chat.sayText('Anna Schmidt')).toContain(de('conversation:lost.askIdentifier.card'));
    const recorded = await chat.sayText('4821');
    expect(recorded).toMatch(REF('BS'));
    expect(recorded).toContain(de('conversation:lost.offerReplacement.card'));
    expect(await chat.sayText('Ja')).toContain(de('conversation:lost.replacementOrdered.card'));
    const [request] = await stored('block');
    expect(request.details).toMatchObject({
      item: 'card',
      name: 'Anna Schmidt',
      identifierType: 'lastFour',
      identifier: '4821',
      replacement: true,
    });
  });

  it('warns about a full card number and never stores it', async () => {
    const chat = h.client(new LostOrStolenDialog(h.deps), { text: 'Karte weg' });
    await chat.say('start');
    await chat.say('Anna Schmidt');
    const warned = await chat.say('4111 1111 1111 1111');
    expect(warned[0].text).toBe(de('conversation:privacy.cardNumber'));
    await chat.say('12.05.1980');
    const all = JSON.stringify(await serviceRequestModel(h.database.connection).find().lean().exec());
    expect(all).not.toContain('4111');
  });

  it('rejects an identification that is neither date, customer number nor last four digits', async () => {
    const chat = h.client(new LostOrStolenDialog(h.deps), { text: 'Handy gestohlen' });
    expect((await chat.say('start'))[0].text).toBe(de('conversation:lost.help.phone'));
    await chat.say('Anna Schmidt');
    expect(await chat.sayText('31.02.1980')).toContain(de('conversation:lost.identifierInvalid'));
  });

  it('asks what is lost when the message does not say, and sends a person as urgent', async () => {
    const chat = h.client(new LostOrStolenDialog(h.deps), { text: 'Sperren bitte' });
    const first = await chat.say('start');
    expect(first[0].text).toBe(de('conversation:lost.help.unknown'));
    expect(first[1].suggestedActions?.actions).toHaveLength(2);
    await chat.say('Mitarbeiter');
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0]).toMatchObject({ reason: 'urgent', category: 'lost_or_stolen' });
  });
});

describe('DataChangeDialog', () => {
  it('validates an IBAN by its check digits, reads it back masked and stores the change', async () => {
    const chat = h.client(new DataChangeDialog(h.deps), { text: 'Ich habe eine neue Bankverbindung' });
    expect(await chat.sayText('start')).toContain(de('conversation:dataChange.askValue.bank'));
    expect(await chat.sayText('DE89 3704 0044 0532 0130 01')).toContain(
      de('conversation:dataChange.problems.invalidIban'),
    );
    // The second miss is not the same line again: it rephrases, gives an example and offers a person.
    const second = await chat.say('hallo');
    expect(second[0].text).toContain(de('conversation:interpreter.rephraseValue'));
    expect(second[0].text).toContain(de('conversation:interpreter.examples.iban'));
    expect(second[0].suggestedActions?.actions.map((a) => a.title)).toContain(
      de('conversation:interpreter.personButton'),
    );
    const confirm = await chat.sayText('DE89 3704 0044 0532 0130 00');
    expect(confirm).toContain('DE89 **** **** **** **30 00');
    expect(confirm).not.toContain('3704 0044');
    const done = await chat.sayText('Ja');
    expect(done).toMatch(REF('DA'));
    const [request] = await stored('data_change');
    expect(request.details).toMatchObject({ field: 'bank', value: 'DE89370400440532013000' });
    expect(request.summary).not.toContain('37040044');
  });

  it('lets the customer correct a value that was read back wrongly', async () => {
    const chat = h.client(new DataChangeDialog(h.deps));
    await chat.say('Hallo');
    expect(await chat.sayText('4')).toContain(de('conversation:dataChange.askValue.email'));
    expect(await chat.sayText('anna.schmidt@')).toContain(de('conversation:dataChange.problems.invalidEmail'));
    expect(await chat.sayText('anna@beispiel.de')).toContain('an***@beispiel.de');
    const again = await chat.sayText('Nein');
    expect(again).toContain(de('conversation:dataChange.again'));
    expect(again).toContain(de('conversation:dataChange.askValue.email'));
  });

  it('checks a new address for street, number, postcode and town', async () => {
    const chat = h.client(new DataChangeDialog(h.deps), { text: 'Ich bin umgezogen' });
    await chat.say('start');
    expect(await chat.sayText('Berlin')).toContain(de('conversation:dataChange.problems.invalidAddress'));
    expect(await chat.sayText('Hauptstraße 5, 10115 Berlin')).toContain('Hauptstraße 5, 10115 Berlin');
  });
});

describe('ComplaintDialog', () => {
  it('acknowledges with empathy, records with a BE reference and a deadline, and a supervisor on request, not on a mere ok', async () => {
    const chat = h.client(new ComplaintDialog(h.deps));
    const first = await chat.sayText('Ich möchte mich beschweren');
    expect(first).toContain(de('conversation:complaint.empathy'));
    const recorded = await chat.sayText('Der Techniker kam zweimal nicht zum vereinbarten Termin.');
    expect(recorded).toMatch(REF('BE'));
    // Wednesday 12 March 2025 plus five working days.
    expect(recorded).toContain('19.03.2025');
    expect(recorded).toContain(de('conversation:complaint.supervisorHint'));
    await chat.say('Ok');
    expect(h.handoff.requests).toHaveLength(0);
    await chat.say('Ich möchte bitte mit der Teamleitung sprechen');
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0]).toMatchObject({ needsSupervisor: true });
    const [request] = await stored('complaint');
    expect(request.responseDueAt).toBeDefined();
  });

  it('asks again for a description that says nothing', async () => {
    const chat = h.client(new ComplaintDialog(h.deps));
    await chat.say('Beschwerde');
    expect(await chat.sayText('ok')).toContain(de('conversation:complaint.retry'));
  });
});
