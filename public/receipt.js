// What the printed receipt needs, loaded only by the pages that show one (never on a first load),
// as a plain script so the strict Content-Security-Policy (script-src 'self') allows it.
//
// `globalThis.ppidQr(text)`: a QR code (ISO/IEC 18004, model 2; byte mode, error correction level M,
// versions 1 to 10, so up to 213 bytes). Returns `{ size, path }`: the width in modules including a
// 4-module quiet zone, and an SVG path of the dark modules; `null` when the text is too long.
//
// `globalThis.ppidIcs(parts)`: an iCalendar (RFC 5545) file of all-day events as a `data:` URL.
// `parts` is [stamp (RFC 3339), then uid, date (YYYY-MM-DD), summary, description for each event].
(() => {
  'use strict';

  // Error correction codewords per block, and number of blocks, at level M for versions 1..10.
  const ECC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
  const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
  const LEVEL_M = 0; // format bits of level M
  const QUIET = 4;

  /** Data modules in a symbol of version `v` (everything but function patterns). */
  function rawModules(v) {
    let n = (16 * v + 128) * v + 64;
    if (v >= 2) {
      const align = Math.floor(v / 7) + 2;
      n -= (25 * align - 10) * align - 55;
      if (v >= 7) n -= 36;
    }
    return n;
  }
  const totalCodewords = (v) => Math.floor(rawModules(v) / 8);
  const dataCodewords = (v) => totalCodewords(v) - ECC_PER_BLOCK[v - 1] * BLOCKS[v - 1];

  function alignmentPositions(v) {
    if (v === 1) return [];
    const count = Math.floor(v / 7) + 2;
    const size = v * 4 + 17;
    const step = Math.ceil((size - 13) / (count * 2 - 2)) * 2;
    const out = [6];
    for (let pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
    return out;
  }

  // ---------------------------------------------------------------- Reed-Solomon over GF(256)

  function mul(x, y) {
    let z = 0;
    for (let i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  function divisor(degree) {
    const result = new Array(degree).fill(0);
    result[degree - 1] = 1;
    let root = 1;
    for (let i = 0; i < degree; i++) {
      for (let j = 0; j < degree; j++) {
        result[j] = mul(result[j], root);
        if (j + 1 < degree) result[j] ^= result[j + 1];
      }
      root = mul(root, 0x02);
    }
    return result;
  }

  function remainder(data, div) {
    const result = div.map(() => 0);
    for (const b of data) {
      const factor = b ^ result.shift();
      result.push(0);
      div.forEach((coef, i) => {
        result[i] ^= mul(coef, factor);
      });
    }
    return result;
  }

  // ---------------------------------------------------------------- codewords

  function encodeData(bytes, v) {
    const bits = [];
    const put = (value, len) => {
      for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1);
    };
    put(0b0100, 4); // byte mode
    put(bytes.length, v <= 9 ? 8 : 16);
    for (const b of bytes) put(b, 8);
    const capacity = dataCodewords(v) * 8;
    put(0, Math.min(4, capacity - bits.length));
    put(0, (8 - (bits.length % 8)) % 8);
    for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
    const out = [];
    for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
    return out;
  }

  function interleave(data, v) {
    const blocks = BLOCKS[v - 1];
    const ecc = ECC_PER_BLOCK[v - 1];
    const total = totalCodewords(v);
    const shortBlocks = blocks - (total % blocks);
    const shortLen = Math.floor(total / blocks);
    const div = divisor(ecc);
    const parts = [];
    for (let i = 0, k = 0; i < blocks; i++) {
      const len = shortLen - ecc + (i < shortBlocks ? 0 : 1);
      const d = data.slice(k, k + len);
      k += len;
      parts.push({ d, e: remainder(d, div) });
    }
    const out = [];
    for (let i = 0; i <= shortLen - ecc; i++) for (const p of parts) if (i < p.d.length) out.push(p.d[i]);
    for (let i = 0; i < ecc; i++) for (const p of parts) out.push(p.e[i]);
    return out;
  }

  // ---------------------------------------------------------------- the symbol

  function build(v, codewords) {
    const size = v * 4 + 17;
    const dark = Array.from({ length: size }, () => new Array(size).fill(false));
    const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
    const set = (x, y, on) => {
      dark[y][x] = on;
      fixed[y][x] = true;
    };
    // Timing patterns, then finders (with separators) and alignment patterns over them.
    for (let i = 0; i < size; i++) {
      set(6, i, i % 2 === 0);
      set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          const dist = Math.max(Math.abs(dx), Math.abs(dy));
          if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, dist !== 2 && dist !== 4);
        }
      }
    }
    const align = alignmentPositions(v);
    const last = align.length - 1;
    align.forEach((ax, i) => {
      align.forEach((ay, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
        }
      });
    });
    // Reserve the format areas (written per mask below) and write the version information.
    drawFormat(set, size, 0);
    if (v >= 7) {
      let rem = v;
      for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      const bits = (v << 12) | rem;
      for (let i = 0; i < 18; i++) {
        const on = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        set(a, b, on);
        set(b, a, on);
      }
    }
    // Data, in the zigzag order from the bottom right.
    let i = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (let vert = 0; vert < size; vert++) {
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const upward = ((right + 1) & 2) === 0;
          const y = upward ? size - 1 - vert : vert;
          if (!fixed[y][x] && i < codewords.length * 8) {
            dark[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
            i++;
          }
        }
      }
    }
    // The mask with the lowest penalty.
    let best = null;
    for (let mask = 0; mask < 8; mask++) {
      const candidate = dark.map((row, y) => row.map((on, x) => (fixed[y][x] ? on : on !== MASKS[mask](x, y))));
      drawFormat((x, y, on) => {
        candidate[y][x] = on;
      }, size, mask);
      const score = penalty(candidate);
      if (!best || score < best.score) best = { score, modules: candidate };
    }
    return best.modules;
  }

  const MASKS = [
    (x, y) => (x + y) % 2 === 0,
    (x, y) => y % 2 === 0,
    (x) => x % 3 === 0,
    (x, y) => (x + y) % 3 === 0,
    (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
    (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
    (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
    (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
  ];

  function drawFormat(set, size, mask) {
    const data = (LEVEL_M << 3) | mask;
    let rem = data;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const bits = ((data << 10) | rem) ^ 0x5412;
    const bit = (i) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) set(8, i, bit(i));
    set(8, 7, bit(6));
    set(8, 8, bit(7));
    set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
    set(8, size - 8, true); // the dark module
  }

  function penalty(m) {
    const size = m.length;
    let score = 0;
    const lines = [];
    for (let y = 0; y < size; y++) lines.push(m[y]);
    for (let x = 0; x < size; x++) lines.push(m.map((row) => row[x]));
    const finderLike = [
      [true, false, true, true, true, false, true, false, false, false, false],
      [false, false, false, false, true, false, true, true, true, false, true],
    ];
    for (const line of lines) {
      let run = 1;
      for (let i = 1; i <= size; i++) {
        if (i < size && line[i] === line[i - 1]) {
          run++;
        } else {
          if (run >= 5) score += 3 + (run - 5);
          run = 1;
        }
      }
      for (let i = 0; i + 11 <= size; i++) {
        if (finderLike.some((p) => p.every((on, k) => line[i + k] === on))) score += 40;
      }
    }
    for (let y = 0; y + 1 < size; y++) {
      for (let x = 0; x + 1 < size; x++) {
        const c = m[y][x];
        if (c === m[y][x + 1] && c === m[y + 1][x] && c === m[y + 1][x + 1]) score += 3;
      }
    }
    const darkCount = m.reduce((n, row) => n + row.filter(Boolean).length, 0);
    const total = size * size;
    score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
    return score;
  }

  // ---------------------------------------------------------------- iCalendar

  /**
   * A TEXT value (RFC 5545 3.3.11) from any text, a hostile backend's included: backslash, semicolon
   * and comma escaped, every line break (CRLF, CR or LF) as \n, a tab as a space, every other control
   * character (U+0000-U+001F, U+007F) removed, and a lone surrogate replaced (it cannot be encoded).
   */
  const icsText = (s) =>
    String(s)
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\r\n?|\n/g, '\\n')
      .replace(/\t/g, ' ')
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[\ud800-\udfff]/gu, '\ufffd');

  const utf8 = new TextEncoder();

  /** One content line, folded so no physical line exceeds 75 octets (never inside a character). */
  function icsLine(content) {
    let out = '';
    let width = 0;
    for (const ch of content) {
      const octets = utf8.encode(ch).length;
      if (width + octets > 75) {
        out += '\r\n ';
        width = 1;
      }
      out += ch;
      width += octets;
    }
    return `${out}\r\n`;
  }

  globalThis.ppidIcs = (parts) => {
    const [stamp, ...rest] = parts.map(String);
    const compact = (d) => d.replaceAll('-', '');
    const nextDay = (d) => {
      const t = new Date(`${d}T00:00:00Z`);
      t.setUTCDate(t.getUTCDate() + 1);
      return t.toISOString().slice(0, 10);
    };
    const when = new Date(stamp);
    const dtstamp = `${(Number.isNaN(when.getTime()) ? new Date() : when).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Portal PPID//Tenggat//ID', 'CALSCALE:GREGORIAN'];
    for (let i = 0; i + 3 < rest.length; i += 4) {
      const [uid, date, summary, description] = rest.slice(i, i + 4);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${icsText(uid)}`,
        `DTSTAMP:${dtstamp}`,
        `DTSTART;VALUE=DATE:${compact(date)}`,
        `DTEND;VALUE=DATE:${compact(nextDay(date))}`,
        `SUMMARY:${icsText(summary)}`,
        `DESCRIPTION:${icsText(description)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
    lines.push('END:VCALENDAR');
    return `data:text/calendar;charset=utf-8,${encodeURIComponent(lines.map(icsLine).join(''))}`;
  };

  globalThis.ppidQr = (text) => {
    const bytes = new TextEncoder().encode(String(text));
    let v = 1;
    while (v <= 10 && 4 + (v <= 9 ? 8 : 16) + bytes.length * 8 > dataCodewords(v) * 8) v++;
    if (v > 10) return null;
    const modules = build(v, interleave(encodeData(bytes, v), v));
    let path = '';
    modules.forEach((row, y) => {
      row.forEach((on, x) => {
        if (on) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
      });
    });
    return { size: modules.length + QUIET * 2, path };
  };
})();
