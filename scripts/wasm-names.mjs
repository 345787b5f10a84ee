// Short names for the functions a wasm bundle and its wasm-bindgen glue pass each other.
//
// Why: wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` and every closure export
// `wasm_bindgen__convert__closures_____invoke__h<16 hex>_<n>`, and both files spell each name out: about
// 250 names, 9 KB of text in each, and the hex digits do not compress. Renamed to `$0`, `$1`, … in both
// files (and the import module `./<bundle>_bg.js` to `w`), a route bundle is about 5 KB smaller gzip and
// its glue about 3 KB. Only names that are wasm-bindgen's own are renamed, and only when the glue spells
// each of them as a whole word: the exports a page calls by name (`main`, `memory`) stay as they are.

/** Names wasm-bindgen and the libraries it binds generate, never called by the portal's own scripts. */
const GENERATED = /^(__wbg_|__wbindgen_|__externref_|wasm_bindgen__|intounderlying)|_[0-9a-f]{16}$/;

function readUleb(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function uleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([uleb(bytes.length), bytes]);
};

/** Skips a limits field (tables, memories): flags, minimum, and the maximum when flagged. */
function skipLimits(buf, at) {
  const flags = buf[at++];
  [, at] = readUleb(buf, at);
  if (flags & 1) [, at] = readUleb(buf, at);
  return at;
}

/** The end of an import's description (after its module and field names). */
function skipImportDesc(buf, at) {
  const kind = buf[at++];
  if (kind === 0) return readUleb(buf, at)[1]; // function: type index
  if (kind === 1) return skipLimits(buf, at + 1); // table: reference type, limits
  if (kind === 2) return skipLimits(buf, at); // memory: limits
  if (kind === 3) return at + 2; // global: value type, mutability
  if (kind === 4) return readUleb(buf, at + 1)[1]; // tag: attribute, type index
  throw new Error(`an import of unknown kind ${kind}`);
}

/**
 * Calls `each(section id, body start, body end)` for each section and returns the module rebuilt from
 * what `each` returns (a Buffer for a new body, or nothing to keep the section).
 */
function mapSections(buf, each) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [buf.subarray(0, 8)];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, start] = readUleb(buf, at + 1);
    const end = start + size;
    const body = each(id, start, end);
    parts.push(body ? Buffer.concat([Buffer.from([id]), uleb(body.length), body]) : buf.subarray(at, end));
    at = end;
  }
  return Buffer.concat(parts);
}

/** The import module names and the import and export names of a wasm module. */
export function bindingNames(wasm) {
  const modules = new Set();
  const names = new Set();
  mapSections(wasm, (id, start) => {
    if (id !== 2 && id !== 7) return;
    let [count, at] = readUleb(wasm, start);
    for (let i = 0; i < count; i++) {
      let length;
      if (id === 2) {
        [length, at] = readUleb(wasm, at);
        modules.add(wasm.toString('utf8', at, at + length));
        at += length;
      }
      [length, at] = readUleb(wasm, at);
      names.add(wasm.toString('utf8', at, at + length));
      at += length;
      at = id === 2 ? skipImportDesc(wasm, at) : readUleb(wasm, at + 1)[1];
    }
  });
  return { modules, names };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (text) => new RegExp(`(?<![\\w$])${escape(text)}(?![\\w$])`, 'g');

/**
 * Renames the generated binding names of `wasm` in it and in `glue` (its wasm-bindgen glue). Names
 * found in any of `others` (the build's other scripts) stay. Returns the new wasm and glue, and how
 * many names were renamed; throws when the glue does not name the import module exactly once.
 */
export function shortenBindingNames(wasm, glue, others = []) {
  const { modules, names } = bindingNames(wasm);
  if (modules.size !== 1) throw new Error(`the wasm imports from ${modules.size} modules, not one`);
  const [module] = modules;
  const quoted = JSON.stringify(module);
  if (glue.split(quoted).length !== 2) throw new Error(`the glue does not name ${quoted} exactly once`);
  const renames = new Map();
  let next = 0;
  const fresh = () => {
    // A name the glue already uses (a minifier may name a variable `$0`) is skipped.
    for (;;) {
      const short = `$${(next++).toString(36)}`;
      if (!word(short).test(glue) && !names.has(short)) return short;
    }
  };
  for (const old of names) {
    if (!GENERATED.test(old) || !word(old).test(glue) || others.some((o) => o.includes(old))) continue;
    renames.set(old, fresh());
  }
  const newModule = 'w';
  const outWasm = mapSections(wasm, (id, start, end) => {
    if (id !== 2 && id !== 7) return;
    let [count, at] = readUleb(wasm, start);
    const parts = [uleb(count)];
    for (let i = 0; i < count; i++) {
      let length;
      if (id === 2) {
        [length, at] = readUleb(wasm, at);
        at += length;
        parts.push(name(newModule));
      }
      [length, at] = readUleb(wasm, at);
      const old = wasm.toString('utf8', at, at + length);
      at += length;
      const descStart = at;
      at = id === 2 ? skipImportDesc(wasm, at) : readUleb(wasm, at + 1)[1];
      parts.push(name(renames.get(old) ?? old), wasm.subarray(descStart, at));
    }
    if (at !== end) throw new Error(`section ${id} has ${end - at} bytes after its entries`);
    return Buffer.concat(parts);
  });
  let outGlue = glue.replace(quoted, () => JSON.stringify(newModule));
  for (const [old, short] of renames) outGlue = outGlue.replace(word(old), () => short);
  return { wasm: outWasm, glue: outGlue, renamed: renames.size };
}
