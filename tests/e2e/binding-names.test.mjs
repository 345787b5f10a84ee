// The names a wasm bundle and its glue pass each other, shortened by the build (scripts/wasm-names.mjs):
// in the built dist every bundle's wasm-bindgen names are short and its glue provides each import under
// the wasm's name, and the renaming itself keeps names the build's other scripts call and refuses a glue
// it does not understand. That the shortened bundles run is every other end-to-end test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './harness.mjs';
import { bindingNames, shortenBindingNames } from '../../scripts/wasm-names.mjs';

const GENERATED = /^(__wbg_|__wbindgen_|__externref_|wasm_bindgen__|intounderlying)|_[0-9a-f]{16}$/;
const built = fs.readdirSync(DIST);

test('every built bundle imports short names from one module its glue names, and exports short names', () => {
  const wasms = built.filter((f) => f.endsWith('_bg.wasm'));
  assert.ok(wasms.length >= 6, `every bundle is built (${wasms.join(', ')})`);
  for (const wasm of wasms) {
    const glue = fs.readFileSync(path.join(DIST, wasm.replace(/_bg\.wasm$/, '.js')), 'utf8');
    const module = new WebAssembly.Module(fs.readFileSync(path.join(DIST, wasm)));
    const imports = WebAssembly.Module.imports(module);
    assert.deepEqual([...new Set(imports.map((i) => i.module))], ['w'], `${wasm}: one import module, "w"`);
    assert.match(glue, /"w":/, `${wasm}: the glue provides module "w"`);
    for (const { name } of imports) {
      assert.ok(name.length <= 4, `${wasm}: import ${name} is short`);
      assert.match(glue, new RegExp(`[{,]\\${name}:`), `${wasm}: the glue provides ${name}`);
    }
    // An export the glue never calls (`__wbindgen_free` in some bundles) keeps its name: it costs once.
    const long = WebAssembly.Module.exports(module).map((e) => e.name).filter((n) => GENERATED.test(n) && glue.includes(n));
    assert.deepEqual(long, [], `${wasm}: no export the glue calls keeps its long wasm-bindgen name`);
  }
});

// A module importing two functions from "./x_bg.js" and exporting one, as wasm-bindgen writes them.
function tinyModule() {
  const str = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, bytes) => [id, bytes.length, ...bytes];
  const imp = (name) => [...str('./x_bg.js'), ...str(name), 0, 0];
  const a = '__wbg_alert_0123456789abcdef';
  const b = '__wbg_called_by_name_fedcba9876543210';
  return {
    a,
    b,
    bytes: Buffer.from([
      0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
      ...section(1, [1, 0x60, 0, 0]), // type 0: () -> ()
      ...section(2, [2, ...imp(a), ...imp(b)]),
      ...section(3, [1, 0]),
      ...section(7, [1, ...str('wasm_bindgen__convert__closures_____invoke__h00112233445566ff_1'), 0, 2]),
      ...section(10, [1, 2, 0, 0x0b]),
    ]),
  };
}

test('the renaming keeps names another script calls and what the glue does not name', () => {
  const { a, b, bytes } = tinyModule();
  const glue = `const x={__proto__:null,"./x_bg.js":{${a}:()=>{},${b}:()=>{}}};w.wasm_bindgen__convert__closures_____invoke__h00112233445566ff_1();`;
  const short = shortenBindingNames(bytes, glue, [`other.${b}()`]);
  const { modules, names } = bindingNames(short.wasm);
  assert.deepEqual([...modules], ['w']);
  assert.ok(names.has(b), 'a name another script uses stays');
  assert.ok(!names.has(a), 'a generated name is renamed');
  assert.equal(short.renamed, 2);
  assert.ok(!short.glue.includes(a) && short.glue.includes(b) && short.glue.includes('"w":'), short.glue);
  new WebAssembly.Module(short.wasm); // still a valid module
  assert.throws(() => shortenBindingNames(bytes, glue.replace('"./x_bg.js"', '"./y_bg.js"')), /exactly once/);
});
