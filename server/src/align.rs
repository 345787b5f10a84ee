//! Lays a route bundle's wasm out like the main bundle's: each function the two share takes the
//! index it has in the main bundle, so that the bundle's `dcb` copy (src/dictionary.rs) is smaller.
//!
//! Why: the bundles are linked apart, and each numbers its functions its own way (it imports a
//! different number of browser functions, and its own code sits between the shared code). Every
//! `call` then names another index than the same call in the main bundle, and brotli against the
//! main bundle finds short matches where it could find long ones. With the indices lined up, the
//! status page's copy is about a fifth smaller.
//!
//! The price is gzip's: a bundle's own functions are moved out of the places the linker gave them,
//! away from the code they resemble, and gzip, which looks back only 32 KB, finds fewer matches
//! (brotli, which looks back megabytes, hardly notices). So each bundle is given how many gzip bytes
//! it may grow by (bundles.json, `aligned_gzip_growth`); where lining up every shared function would
//! cost more, only the functions called most often from the shared code are lined up, as many as fit.
//!
//! Nothing but the order changes: the same functions, the same table, the same exports; the result
//! is validated before it is written.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::Path;

use wasm_encoder::reencode::{utils, Error, Reencode};
use wasmparser::{FunctionBody, Operator, Parser, Payload, TypeRef};

fn hash<T: Hash>(t: T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

/// What of a module the matching reads: its types, function imports and function bodies.
struct Module<'a> {
    /// Each type, by its parameters and results.
    types: Vec<u64>,
    /// Each imported function, by module and name.
    imports: Vec<u64>,
    /// Each defined function: its type and body.
    defined: Vec<(u32, FunctionBody<'a>)>,
}

fn read(data: &[u8]) -> Result<Module<'_>, String> {
    let mut m = Module {
        types: vec![],
        imports: vec![],
        defined: vec![],
    };
    let mut signatures = vec![];
    for payload in Parser::new(0).parse_all(data) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(r) => {
                for group in r {
                    let group = group.map_err(|e| e.to_string())?;
                    let shape: Vec<String> = group
                        .into_types()
                        .map(|t| format!("{:?}", t.composite_type.inner))
                        .collect();
                    m.types.push(hash(shape));
                }
            }
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    if let TypeRef::Func(_) = import.ty {
                        m.imports.push(hash((import.module, import.name)));
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for ty in r {
                    signatures.push(ty.map_err(|e| e.to_string())?);
                }
            }
            Payload::CodeSectionEntry(body) => {
                let ty = *signatures
                    .get(m.defined.len())
                    .ok_or("more bodies than functions")?;
                m.defined.push((ty, body));
            }
            _ => {}
        }
    }
    Ok(m)
}

/// Data addresses differ between bundles (their data is laid out apart), so a body is compared
/// without them: `i32.const` values and the large offsets static data is loaded at.
const STATIC_DATA: u64 = 1 << 16;

/// For each function (imports first, as in the index space): a key of its own code, with the
/// functions it calls left out, and the functions it calls, in order.
fn own_keys(m: &Module) -> Result<(Vec<u64>, Vec<Vec<u32>>), String> {
    let mut keys: Vec<u64> = m.imports.clone();
    let mut calls: Vec<Vec<u32>> = vec![vec![]; m.imports.len()];
    for (ty, body) in &m.defined {
        let ty_key = |t: u32| m.types.get(t as usize).copied().unwrap_or(u64::MAX);
        let mut h = DefaultHasher::new();
        ty_key(*ty).hash(&mut h);
        let mut callees = vec![];
        for local in body.get_locals_reader().map_err(|e| e.to_string())? {
            format!("{:?}", local.map_err(|e| e.to_string())?).hash(&mut h);
        }
        let mut ops = body.get_operators_reader().map_err(|e| e.to_string())?;
        while !ops.eof() {
            match ops.read().map_err(|e| e.to_string())? {
                Operator::Call { function_index } | Operator::ReturnCall { function_index } => {
                    1u8.hash(&mut h);
                    callees.push(function_index);
                }
                Operator::RefFunc { function_index } => {
                    2u8.hash(&mut h);
                    callees.push(function_index);
                }
                Operator::CallIndirect {
                    type_index,
                    table_index,
                } => {
                    (3u8, ty_key(type_index), table_index).hash(&mut h);
                }
                Operator::I32Const { .. } => 4u8.hash(&mut h),
                op => {
                    let text = format!("{op:?}");
                    match memarg_offset(&text) {
                        Some((at, len, offset)) if offset >= STATIC_DATA => {
                            (&text[..at], &text[at + len..]).hash(&mut h)
                        }
                        _ => text.hash(&mut h),
                    }
                }
            }
        }
        keys.push(h.finish());
        calls.push(callees);
    }
    Ok((keys, calls))
}

/// Where `offset: N` is in an operator's text, its length, and N.
fn memarg_offset(text: &str) -> Option<(usize, usize, u64)> {
    let at = text.find("offset: ")?;
    let digits = text[at + 8..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    Some((at, 8 + digits, text[at + 8..at + 8 + digits].parse().ok()?))
}

/// The keys again and again with the keys of the functions called: a function matches another
/// first by what it is and what everything it calls is, then by less.
fn refined(own: Vec<u64>, calls: &[Vec<u32>], rounds: usize) -> Vec<Vec<u64>> {
    let mut levels = vec![own];
    for _ in 0..rounds {
        let last = levels.last().expect("one level at least");
        let next = (0..last.len())
            .map(|f| {
                hash((
                    last[f],
                    calls[f]
                        .iter()
                        .map(|&c| last.get(c as usize))
                        .collect::<Vec<_>>(),
                ))
            })
            .collect();
        levels.push(next);
    }
    levels
}

/// For each function of `bundle`, the function of `main` it matches, if any: imports with
/// imports, each defined function with one that has the same code but for data addresses, preferring
/// one whose callees match too; among equals, in order.
/// `main_keys` and `keys` are each module's [`own_keys`].
fn matches(
    (main, main_keys): (&Module, (Vec<u64>, Vec<Vec<u32>>)),
    (bundle, keys): (&Module, (Vec<u64>, &[Vec<u32>])),
) -> Vec<Option<usize>> {
    const ROUNDS: usize = 3;
    let main_levels = refined(main_keys.0, &main_keys.1, ROUNDS);
    let levels = refined(keys.0, keys.1, ROUNDS);
    let (main_imports, imports) = (main.imports.len(), bundle.imports.len());
    let mut matched = vec![None; levels[0].len()];
    let mut used = vec![false; main_levels[0].len()];
    for (main_keys, keys) in main_levels.iter().zip(&levels).rev() {
        let mut free: HashMap<(bool, u64), Vec<usize>> = HashMap::new();
        for g in (0..main_keys.len()).rev().filter(|&g| !used[g]) {
            free.entry((g < main_imports, main_keys[g]))
                .or_default()
                .push(g);
        }
        for f in 0..keys.len() {
            if matched[f].is_none() {
                if let Some(g) = free.get_mut(&(f < imports, keys[f])).and_then(Vec::pop) {
                    matched[f] = Some(g);
                    used[g] = true;
                }
            }
        }
    }
    matched
}

/// A new index for each of `n` items: each at its wanted slot when it is free, the others in
/// their old order in the slots left.
fn place(n: usize, wanted: impl Iterator<Item = Option<usize>>) -> Vec<u32> {
    let mut new = vec![None; n];
    let mut taken = vec![false; n];
    for (i, w) in wanted.enumerate().take(n) {
        if let Some(w) = w.filter(|&w| w < n && !taken[w]) {
            taken[w] = true;
            new[i] = Some(w as u32);
        }
    }
    let mut free = (0..n).filter(|&s| !taken[s]);
    new.into_iter()
        .map(|slot| slot.unwrap_or_else(|| free.next().expect("as many slots as items") as u32))
        .collect()
}

/// Writes a module again with its types, function imports and functions in a new order, every
/// reference to them renumbered.
struct Renumber {
    types: Vec<u32>,
    functions: Vec<u32>,
    imports: usize,
}

impl Renumber {
    /// The old positions in their new order.
    fn order(new: &[u32]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..new.len()).collect();
        order.sort_by_key(|&i| new[i]);
        order
    }

    /// A section's entries, one per defined function, in the functions' new order.
    fn defined_in_order<T: Clone>(
        &self,
        entries: impl IntoIterator<Item = wasmparser::Result<T>>,
    ) -> Result<Vec<T>, Error<String>> {
        let all: Vec<T> = entries.into_iter().collect::<Result<_, _>>()?;
        Self::order(&self.functions[self.imports..])
            .into_iter()
            .map(|i| {
                all.get(i)
                    .cloned()
                    .ok_or_else(|| Error::UserError("fewer entries than functions".into()))
            })
            .collect()
    }
}

impl Reencode for Renumber {
    type Error = String;

    fn function_index(&mut self, f: u32) -> Result<u32, Error<String>> {
        self.functions
            .get(f as usize)
            .copied()
            .ok_or_else(|| Error::UserError(format!("no function {f}")))
    }

    fn type_index(&mut self, t: u32) -> Result<u32, Error<String>> {
        self.types
            .get(t as usize)
            .copied()
            .ok_or_else(|| Error::UserError(format!("no type {t}")))
    }

    fn parse_type_section(
        &mut self,
        types: &mut wasm_encoder::TypeSection,
        section: wasmparser::TypeSectionReader<'_>,
    ) -> Result<(), Error<String>> {
        let groups: Vec<_> = section.into_iter().collect::<Result<_, _>>()?;
        for i in Self::order(&self.types) {
            utils::parse_recursive_type_group(self, types.ty(), groups[i].clone())?;
        }
        Ok(())
    }

    fn parse_import_section(
        &mut self,
        imports: &mut wasm_encoder::ImportSection,
        section: wasmparser::ImportSectionReader<'_>,
    ) -> Result<(), Error<String>> {
        let all: Vec<_> = section.into_imports().collect::<Result<_, _>>()?;
        let (functions, others): (Vec<_>, Vec<_>) = all
            .into_iter()
            .partition(|i| matches!(i.ty, TypeRef::Func(_)));
        for i in Self::order(&self.functions[..self.imports]) {
            utils::parse_import(self, imports, functions[i])?;
        }
        // Tables, memories and globals have index spaces of their own: their order stays.
        for import in others {
            utils::parse_import(self, imports, import)?;
        }
        Ok(())
    }

    fn parse_function_section(
        &mut self,
        functions: &mut wasm_encoder::FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), Error<String>> {
        for ty in self.defined_in_order(section)? {
            let ty = self.type_index(ty)?;
            functions.function(ty);
        }
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut wasm_encoder::CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), Error<String>> {
        for body in self.defined_in_order(section)? {
            utils::parse_function_body(self, code, body)?;
        }
        Ok(())
    }
}

fn gzip_len(data: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(data).expect("gzip into memory cannot fail");
    gz.finish().expect("gzip into memory cannot fail").len()
}

/// What [`align`] did.
#[derive(Debug)]
pub struct Aligned {
    pub wasm: Vec<u8>,
    /// Defined functions the bundle shares with the main bundle, and how many took its index.
    pub shared: usize,
    pub lined_up: usize,
    /// The gzip bytes before and after.
    pub gzip: (usize, usize),
}

/// `bundle` laid out like `main`, its gzip copy at most `gzip_growth` bytes larger.
pub fn align(main: &[u8], bundle: &[u8], gzip_growth: usize) -> Result<Aligned, String> {
    let dict = read(main)?;
    let module = read(bundle)?;
    let (own, calls) = own_keys(&module)?;
    let matched = matches((&dict, own_keys(&dict)?), (&module, (own, &calls)));
    let imports = module.imports.len();

    let mut main_types: HashMap<u64, usize> = HashMap::new();
    for (i, k) in dict.types.iter().enumerate().rev() {
        main_types.insert(*k, i);
    }
    let types = place(
        module.types.len(),
        module.types.iter().map(|k| main_types.get(k).copied()),
    );
    let import_order = place(imports, matched[..imports].iter().copied());

    // The shared functions by how often the shared code calls them: the calls that can match.
    let mut callers = vec![0usize; matched.len()];
    for (_, callees) in calls
        .iter()
        .enumerate()
        .filter(|(f, _)| matched[*f].is_some())
    {
        for &c in callees {
            if let Some(n) = callers.get_mut(c as usize) {
                *n += 1;
            }
        }
    }
    let mut shared: Vec<usize> = (imports..matched.len())
        .filter(|&f| matched[f].is_some())
        .collect();
    shared.sort_by_key(|&f| (std::cmp::Reverse(callers[f]), f));

    let laid_out = |most: usize| -> Result<Vec<u8>, String> {
        let mut chosen = vec![false; matched.len()];
        for &f in &shared[..most] {
            chosen[f] = true;
        }
        // A call names the absolute index, imports included: the main bundle's index less the
        // bundle's imports is the place among the bundle's own functions.
        let wanted = (imports..matched.len()).map(|f| {
            matched[f]
                .filter(|_| chosen[f])
                .and_then(|g| g.checked_sub(imports))
        });
        let defined = place(module.defined.len(), wanted);
        let functions = import_order
            .iter()
            .copied()
            .chain(defined.into_iter().map(|i| i + imports as u32))
            .collect();
        let mut out = wasm_encoder::Module::new();
        Renumber {
            types: types.clone(),
            functions,
            imports,
        }
        .parse_core_module(&mut out, Parser::new(0), bundle)
        .map_err(|e| format!("{e:?}"))?;
        let out = out.finish();
        wasmparser::Validator::new()
            .validate_all(&out)
            .map_err(|e| format!("the aligned module is invalid: {e}"))?;
        Ok(out)
    };

    let before = gzip_len(bundle);
    // A layout's gzip size, when it is within the allowance.
    let fits =
        |wasm: &[u8]| Some(gzip_len(wasm)).filter(|&n| n <= before.saturating_add(gzip_growth));
    // All of them when that fits; else the most called, as many as fit (the growth rises with
    // their number, so a bisection finds it); else the bundle as it was.
    let mut best = (0, bundle.to_vec(), before);
    let all = laid_out(shared.len())?;
    if let Some(after) = fits(&all) {
        best = (shared.len(), all, after);
    } else {
        let (mut lo, mut hi) = (0, shared.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let wasm = laid_out(mid)?;
            if let Some(after) = fits(&wasm) {
                lo = mid + 1;
                best = (mid, wasm, after);
            } else {
                hi = mid;
            }
            // Single functions hardly count: stop within a few of the most that fit.
            if hi - lo <= 8 {
                break;
            }
        }
    }
    let (lined_up, wasm, after) = best;
    Ok(Aligned {
        shared: shared.len(),
        lined_up,
        gzip: (before, after),
        wasm,
    })
}

/// `ppid-server align DIR MAIN FILE=BYTES...`: rewrites each `DIR/FILE` laid out like `DIR/MAIN`,
/// its gzip copy at most BYTES larger. Run by the release build (scripts/post-build.mjs) before
/// anything is hashed or compressed; the files are done in parallel.
pub fn align_files(args: &[String]) -> Result<String, String> {
    let usage = || "usage: ppid-server align DIR MAIN FILE=GZIP_GROWTH...".to_string();
    let [dir, main, files @ ..] = args else {
        return Err(usage());
    };
    let dir = Path::new(dir);
    let read = |name: &str| {
        std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
    };
    let main_wasm = read(main)?;
    let jobs: Vec<(String, usize)> = files
        .iter()
        .map(|f| {
            let (name, growth) = f.split_once('=').ok_or_else(usage)?;
            Ok((name.to_string(), growth.parse().map_err(|_| usage())?))
        })
        .collect::<Result<_, String>>()?;
    let results: Vec<Result<String, String>> = std::thread::scope(|s| {
        let running: Vec<_> = jobs
            .iter()
            .map(|(name, growth)| {
                let main_wasm = &main_wasm;
                s.spawn(move || {
                    let wasm = read(name)?;
                    let done = align(main_wasm, &wasm, *growth).map_err(|e| format!("{name}: {e}"))?;
                    let path = dir.join(name);
                    std::fs::write(&path, &done.wasm).map_err(|e| format!("{}: {e}", path.display()))?;
                    Ok(format!(
                        " {name}: {} of {} shared functions at the main bundle's index, gzip {} -> {} B;",
                        done.lined_up, done.shared, done.gzip.0, done.gzip.1
                    ))
                })
            })
            .collect();
        running
            .into_iter()
            .map(|j| j.join().unwrap_or_else(|_| Err("alignment failed".into())))
            .collect()
    });
    let mut report = format!("align: like {main}:");
    for r in results {
        report.push_str(&r?);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, ExportKind, ExportSection, Function, FunctionSection, ImportSection,
        Instruction as I, TypeSection, ValType,
    };

    /// A module importing `imports` (all `i32 -> i32`), defining `bodies` (each `i32 -> i32`), and
    /// exporting `exports` by index.
    fn module(imports: &[&str], bodies: &[Vec<I>], exports: &[(&str, u32)]) -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], [ValType::I32]);
        let mut imp = ImportSection::new();
        for name in imports {
            imp.import("wbg", name, wasm_encoder::EntityType::Function(0));
        }
        let mut funcs = FunctionSection::new();
        let mut code = CodeSection::new();
        for body in bodies {
            funcs.function(0);
            let mut f = Function::new([]);
            for op in body {
                f.instruction(op);
            }
            f.instruction(&I::End);
            code.function(&f);
        }
        let mut exp = ExportSection::new();
        for (name, index) in exports {
            exp.export(name, ExportKind::Func, *index);
        }
        let mut m = wasm_encoder::Module::new();
        m.section(&types)
            .section(&imp)
            .section(&funcs)
            .section(&exp)
            .section(&code);
        m.finish()
    }

    /// The index an export names, and the functions each defined function calls.
    fn look(wasm: &[u8], export: &str) -> (u32, Vec<Vec<u32>>) {
        let m = read(wasm).unwrap();
        let (_, calls) = own_keys(&m).unwrap();
        let mut index = None;
        for payload in Parser::new(0).parse_all(wasm) {
            if let Payload::ExportSection(r) = payload.unwrap() {
                for e in r {
                    let e = e.unwrap();
                    if e.name == export {
                        index = Some(e.index);
                    }
                }
            }
        }
        (index.expect("exported"), calls)
    }

    fn add(n: i32) -> Vec<I<'static>> {
        vec![I::LocalGet(0), I::I32Const(n), I::I32Add]
    }

    fn call(f: u32) -> Vec<I<'static>> {
        vec![I::LocalGet(0), I::Call(f)]
    }

    #[test]
    fn shared_functions_take_the_main_bundles_indices_and_every_call_follows() {
        // The main bundle: 2 imports; `inc` at 2, `twice` (calls inc) at 3, its own page at 4.
        let main = module(
            &["log", "now"],
            &[
                add(1),
                call(2),
                vec![I::LocalGet(0), I::I32Const(7), I::I32Mul],
            ],
            &[("inc", 2), ("twice", 3)],
        );
        // A route bundle linked its own way: 1 import, its own page first, then twice, then inc.
        let route = module(
            &["now"],
            &[
                vec![I::LocalGet(0), I::I32Const(9), I::I32Sub],
                call(3),
                add(1),
            ],
            &[("inc", 3), ("twice", 2), ("page", 1)],
        );
        let done = align(&main, &route, usize::MAX).unwrap();
        assert_eq!((done.shared, done.lined_up), (2, 2));
        let (inc, calls) = look(&done.wasm, "inc");
        let (twice, _) = look(&done.wasm, "twice");
        assert_eq!((inc, twice), (look(&main, "inc").0, look(&main, "twice").0));
        // `twice` still calls `inc`, at its new index; the import moved to the main bundle's place.
        assert_eq!(calls[twice as usize], vec![inc]);
        let (page, _) = look(&done.wasm, "page");
        assert!(calls[page as usize].is_empty());
        let import = read(&done.wasm).unwrap().imports;
        assert_eq!(import, vec![hash(("wbg", "now"))]);
    }

    #[test]
    fn a_bundle_whose_gzip_would_grow_more_than_allowed_is_left_as_it_was() {
        let main = module(&["a", "b", "c"], &[add(1), add(2), call(3)], &[]);
        let route = module(&["c"], &[call(2), add(2), add(1)], &[]);
        let done = align(&main, &route, 0).unwrap();
        assert!(done.gzip.1 <= done.gzip.0, "{:?}", done.gzip);
        if done.lined_up == 0 {
            assert_eq!(done.wasm, route);
        }
        assert!(align(&main, b"not wasm", 0).is_err());
    }
}
