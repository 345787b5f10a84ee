// The receipt's calendar file (public/receipt.js, `ppidIcs`) from hostile text: an office name, a
// request number or a holiday's name from a backend may hold CR, LF, `;`, `,`, `\`, NUL and other
// control characters. The file must stay valid RFC 5545: each TEXT value escaped (`\\`, `\;`, `\,`,
// `\n`), every other control character removed, lines folded at 75 octets without splitting a
// character, and no text able to start a property or an event of its own. Runs the script in node
// (no browser): the source, and the minified copy the build ships when there is one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT, DIST } from './harness.mjs';

const SCRIPTS = [path.join(ROOT, 'public', 'receipt.js'), path.join(DIST, 'receipt.js')].filter((f) => fs.existsSync(f));

/** `ppidIcs` from the script at `file`, run as the browser would run it. */
function ppidIcs(file) {
  const global = { TextEncoder };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), global, { filename: file });
  return global.ppidIcs;
}

/** The calendar file's text from its `data:` URL. */
function decode(href) {
  const prefix = 'data:text/calendar;charset=utf-8,';
  assert.ok(href.startsWith(prefix), `a data: URL of a calendar: ${href.slice(0, 60)}`);
  return decodeURIComponent(href.slice(prefix.length));
}

/** RFC 5545 3.3.11: the text a TEXT value stands for. */
function unescapeText(value) {
  assert.match(value, /^(?:[^\\;,]|\\[\\;,nN])*$/, `every \\ ; , in a TEXT value is escaped: ${JSON.stringify(value)}`);
  return value.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));
}

const HOSTILE = {
  office: 'PPID Kab. Sukamaju;\r\nBEGIN:VEVENT\r\nSUMMARY:palsu, \\ dan; lain\u0000\u0007\u007f',
  number: 'REQ-2026-0001\rDTSTART:19700101\n\u0000;X,Y\\Z',
  information: 'Salinan SK Bupati\tNo. 5, Tahun 2026; lampiran\\1\r\n\r\nbaris baru\u001b[31m ' + 'é'.repeat(40) + '🙂'.repeat(30),
};
/** The text as the calendar must give it back: line breaks as LF, a tab as a space, other controls gone. */
const expected = (s) => s.replace(/\r\n?|\n/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');

for (const file of SCRIPTS) {
  const name = path.relative(ROOT, file);

  test(`${name}: hostile text makes a valid calendar file that says what was typed`, () => {
    const ics = ppidIcs(file);
    const text = decode(
      ics([
        '2026-11-23T02:00:00Z',
        `${HOSTILE.number}-notice@ppid`,
        '2026-12-07',
        `Batas pemberitahuan — ${HOSTILE.office}`,
        HOSTILE.information,
        'kedua\n@ppid',
        '2026-12-21',
        HOSTILE.number,
        `${HOSTILE.office}\n${HOSTILE.information}`,
      ]),
    );
    // Physical lines: CRLF only, at most 75 octets, each a whole UTF-8 sequence, no control character.
    assert.ok(text.endsWith('\r\n'), 'the file ends with CRLF');
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      const octets = Buffer.from(line, 'utf8');
      assert.ok(octets.length <= 75, `a line of ${octets.length} octets: ${JSON.stringify(line)}`);
      assert.doesNotMatch(line, /[\u0000-\u001f\u007f]/, `no control character: ${JSON.stringify(line)}`);
      assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(octets), line, 'no character is split by a fold');
    }
    // Logical lines: unfolded, exactly the calendar's own properties, in order.
    const logical = text.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
    const names = logical.map((l) => l.match(/^[A-Z-]+(?=[:;])/)?.[0]);
    const event = ['BEGIN', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'TRANSP', 'END'];
    assert.deepEqual(names, ['BEGIN', 'VERSION', 'PRODID', 'CALSCALE', ...event, ...event, 'END'], 'no text starts a property or an event of its own');
    const values = (prop) => logical.filter((l) => l.startsWith(`${prop}:`)).map((l) => unescapeText(l.slice(prop.length + 1)));
    assert.deepEqual(values('UID'), [expected(`${HOSTILE.number}-notice@ppid`), 'kedua\n@ppid']);
    assert.deepEqual(values('SUMMARY'), [expected(`Batas pemberitahuan — ${HOSTILE.office}`), expected(HOSTILE.number)]);
    assert.deepEqual(values('DESCRIPTION'), [expected(HOSTILE.information), expected(`${HOSTILE.office}\n${HOSTILE.information}`)]);
    assert.deepEqual(
      logical.filter((l) => l.startsWith('DTSTART')),
      ['DTSTART;VALUE=DATE:20261207', 'DTSTART;VALUE=DATE:20261221'],
      'the dates are the deadlines',
    );
  });

  test(`${name}: a lone surrogate or a value that is not text does not break the file`, () => {
    const ics = ppidIcs(file);
    const text = decode(ics(['not a date', 'x\ud800y', '2026-12-07', { toString: () => 'objek' }, 42]));
    assert.match(text, /\r\nUID:x\ufffdy\r\n/);
    assert.match(text, /\r\nSUMMARY:objek\r\n/);
    assert.match(text, /\r\nDESCRIPTION:42\r\n/);
    assert.match(text, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/, 'an unreadable time stamp is now');
  });
}

test('the calendar script was found', () => {
  assert.ok(SCRIPTS.length >= 1, 'public/receipt.js exists');
});
